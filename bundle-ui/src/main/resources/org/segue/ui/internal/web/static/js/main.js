// The reference notation editor: one open document at a time, kept by the server with its undo history; the page
// shows its score (engraved by Verovio), hosts the server's editor actions in their menus, and offers Undo, Redo
// and Export.

import { api, attachmentName, scoreMediaType } from './api.js';
import { addHitAreas, loadEngraver, markMeasures, unmarkMeasures } from './engraver.js';
import { MenuButton } from './menu-button.js';
import { ContinueDialog } from './continue-dialog.js';
import { Player } from './player.js';

const $ = (id) => document.getElementById(id);

const editor = {
    state: null, // the open document's STATE, or null
    musicxml: null, // its score as last fetched
    actions: [], // the editor actions for it, from the server
    newBars: null, // {from, to}: the bars the last Apply added, marked until the next change
    measures: [], // the engraved g.measure elements, in score order
    anchor: null, // the measure a Shift+click or Shift+arrow selection extends from
    busy: false,
};

const player = new Player();
const dialog = new ContinueDialog({ engraver: loadEngraver, player, onApplied: applied });

// ----- messages -----

function showError(text) {
    $('message-text').textContent = text;
    $('message').hidden = false;
}

function clearError() {
    $('message').hidden = true;
    $('message-text').textContent = '';
}

function say(text) {
    $('status-text').textContent = text;
}

$('message-close').addEventListener('click', clearError);

// ----- the document and its engraving -----

async function run(task) {
    if (editor.busy) return;
    editor.busy = true;
    updateToolbar();
    try {
        await task();
    } catch (error) {
        say('');
        showError(error.message || String(error));
    } finally {
        editor.busy = false;
        updateToolbar();
    }
}

async function openFile(file) {
    if (!file) return;
    if (!scoreMediaType(file.name)) {
        showError(`${file.name}: not a score file Segue reads; open a MusicXML (.musicxml, .xml), `
            + 'compressed MusicXML (.mxl) or MIDI (.mid) file');
        return;
    }
    await run(async () => {
        clearError();
        say(`Opening ${file.name}…`);
        const state = await api.open(file);
        history.replaceState(null, '', `?document=${encodeURIComponent(state.id)}`);
        editor.newBars = null;
        await show(state);
        say(`Opened ${state.fileName}: ${measuresText(state.measures)}.`);
    });
}

/** Shows a document: its STATE, its score fetched anew and engraved. */
async function show(state) {
    const musicxml = await api.score(state.id);
    editor.state = state;
    editor.musicxml = musicxml;
    editor.actions = [];
    $('document-title').textContent = state.title || state.fileName;
    document.title = `${state.title || state.fileName} – Segue`;
    await engrave();
}

async function engrave() {
    const score = $('score');
    if (!editor.state) return;
    score.setAttribute('aria-busy', 'true');
    $('empty-state').hidden = true;
    try {
        const engraver = await loadEngraver().catch((error) => {
            throw new Error(`The engraver did not load (${error.message}); reload the page`);
        });
        const target = $('engraving');
        editor.measures = engraver.engrave(editor.musicxml, target, { width: paperWidth(), scale: 46 });
        addHitAreas(editor.measures);
        if (editor.newBars) markMeasures(editor.measures, editor.newBars.from - 1, editor.newBars.to - 1, 'new');
        showSelection();
    } finally {
        score.dataset.measures = String(editor.state.measures);
        score.setAttribute('aria-busy', 'false');
        $('measure-count').textContent = measuresText(editor.state.measures);
    }
}

function paperWidth() {
    const available = $('score').clientWidth - 48;
    return Math.max(480, Math.min(available, 1100));
}

function measuresText(count) {
    return count === 1 ? '1 measure' : `${count} measures`;
}

// ----- selection: the new bars go after the selection's last measure -----

function showSelection() {
    const target = $('engraving');
    unmarkMeasures(target, 'selected');
    const selection = editor.state && editor.state.selection;
    if (selection) markMeasures(editor.measures, selection.from - 1, selection.to - 1, 'selected');
}

async function select(range) {
    const state = editor.state;
    if (!state) return;
    const same = (a, b) => (a === null ? b === null : b !== null && a.from === b.from && a.to === b.to);
    if (same(range, state.selection)) return;
    try {
        editor.state = await api.select(state.id, range);
        showSelection();
        const chosen = editor.state.selection;
        say(chosen ? `${rangeText(chosen)} selected: new bars go after measure ${chosen.to}. Escape clears it.`
            : 'No selection: new bars go after the end of the piece.');
    } catch (error) {
        showError(error.message);
    }
}

function rangeText(range) {
    return range.from === range.to ? `Measure ${range.from}` : `Measures ${range.from}–${range.to}`;
}

/** A click selects its measure; Shift+click extends the selection; a click on the only selected one clears it. */
$('engraving').addEventListener('click', (event) => {
    const measure = event.target.closest('g.measure');
    const index = measure ? editor.measures.indexOf(measure) + 1 : 0;
    if (!editor.state || editor.busy || index === 0) return;
    const current = editor.state.selection;
    if (event.shiftKey && editor.anchor) {
        select({ from: Math.min(editor.anchor, index), to: Math.max(editor.anchor, index) });
    } else if (current && current.from === index && current.to === index) {
        editor.anchor = null;
        select(null);
    } else {
        editor.anchor = index;
        select({ from: index, to: index });
    }
});

/** Arrows move the selection by a measure (Shift extends it), Home and End go to the ends, Escape clears it. */
$('score').addEventListener('keydown', (event) => {
    const state = editor.state;
    if (!state || editor.busy || event.ctrlKey || event.metaKey || event.altKey) return;
    const count = editor.measures.length;
    const current = state.selection;
    const focus = current ? (editor.anchor === current.to ? current.from : current.to) : null;
    let next = null;
    if (event.key === 'ArrowRight') next = focus === null ? 1 : Math.min(count, focus + 1);
    else if (event.key === 'ArrowLeft') next = focus === null ? count : Math.max(1, focus - 1);
    else if (event.key === 'Home') next = 1;
    else if (event.key === 'End') next = count;
    else if (event.key === 'Escape' && current) {
        event.preventDefault();
        editor.anchor = null;
        select(null);
        return;
    } else return;
    event.preventDefault();
    if (event.shiftKey) {
        editor.anchor = editor.anchor || focus || next;
        select({ from: Math.min(editor.anchor, next), to: Math.max(editor.anchor, next) });
    } else {
        editor.anchor = next;
        select({ from: next, to: next });
    }
});

// ----- toolbar state -----

function updateToolbar() {
    const state = editor.state;
    const undo = $('undo-button');
    const redo = $('redo-button');
    undo.disabled = editor.busy || !state || !state.canUndo;
    redo.disabled = editor.busy || !state || !state.canRedo;
    undo.title = state && state.undoLabel ? `Undo ${state.undoLabel} (Ctrl+Z)` : 'Nothing to undo';
    redo.title = state && state.redoLabel ? `Redo ${state.redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo';
    $('export-button').disabled = !state;
    $('score').classList.toggle('has-score', Boolean(state));
}

// ----- Undo and Redo -----

async function step(which) {
    const state = editor.state;
    if (!state || !(which === 'undo' ? state.canUndo : state.canRedo)) return;
    const label = which === 'undo' ? state.undoLabel : state.redoLabel;
    await run(async () => {
        clearError();
        const next = await api[which](state.id);
        editor.newBars = null;
        await show(next);
        say(`${which === 'undo' ? 'Undone' : 'Redone'}: ${label || 'the last edit'}. ${measuresText(next.measures)}.`);
    });
}

$('undo-button').addEventListener('click', () => step('undo'));
$('redo-button').addEventListener('click', () => step('redo'));

// ----- Compose: the server's editor actions -----

new MenuButton($('compose-button'), $('compose-menu'), {
    onOpen: refreshActions,
    onSelect: (item) => startAction(item.dataset.action),
    onDisabled: (item) => showError(`${item.textContent.trim()} is not available: ${item.dataset.reason}`),
});

/** Asks the server which actions there are and whether each is enabled now (a service may come and go). */
async function refreshActions() {
    const menu = $('compose-menu');
    if (!editor.state) {
        menu.replaceChildren(menuItem('Continue this piece…', { reason: 'open a score first' }));
        return;
    }
    try {
        editor.actions = await api.actions(editor.state.id);
    } catch (error) {
        editor.actions = [];
        menu.replaceChildren(menuItem('Continue this piece…', { reason: error.message }));
        return;
    }
    const items = editor.actions.filter((action) => (action.menu || 'Compose') === 'Compose').map((action) =>
        menuItem(action.label, { action: action.id, reason: action.enabled ? null : action.disabledReason }));
    menu.replaceChildren(...(items.length ? items : [menuItem('No actions', { reason: 'the server offers none' })]));
}

function menuItem(label, { action, reason }) {
    const item = document.createElement('li');
    item.setAttribute('role', 'menuitem');
    item.tabIndex = -1;
    item.textContent = label;
    if (action) item.dataset.action = action;
    if (reason) {
        item.setAttribute('aria-disabled', 'true');
        item.dataset.reason = reason;
        item.title = reason;
    }
    return item;
}

function startAction(actionId) {
    const action = editor.actions.find((candidate) => candidate.id === actionId);
    if (!action || !editor.state) return;
    clearError();
    dialog.open(editor.state, action);
}

async function applied(state, proposal) {
    await run(async () => {
        editor.newBars = proposal.newMeasures || null;
        await show(state);
        const where = proposal.newMeasures ? ` as measures ${proposal.newMeasures.from}–${proposal.newMeasures.to}` : '';
        say(`Added ${proposal.title}${where}. ${measuresText(state.measures)}; Undo takes it back.`);
        $('score').focus();
    });
}

// ----- Export -----

new MenuButton($('export-button'), $('export-menu'), {
    onSelect: (item) => exportAs(item.dataset.format, item.textContent.trim()),
});

async function exportAs(format, name) {
    const state = editor.state;
    if (!state) return;
    await run(async () => {
        clearError();
        const response = await api.exportFile(state.id, format);
        const blob = await response.blob();
        const fileName = attachmentName(response) || `${state.fileName.replace(/\.[^.]*$/, '')}.${format}`;
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = fileName;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10000);
        say(`Exported ${name}: ${fileName}.`);
    });
}

// ----- opening files: the picker, drag and drop -----

$('open-score').addEventListener('change', (event) => {
    const [file] = event.target.files;
    event.target.value = ''; // the same file may be opened again
    openFile(file);
});

let dragDepth = 0;
const hasFiles = (event) => [...(event.dataTransfer?.types || [])].includes('Files');
document.addEventListener('dragenter', (event) => {
    if (!hasFiles(event)) return;
    dragDepth++;
    $('drop-overlay').hidden = false;
});
document.addEventListener('dragleave', (event) => {
    if (!hasFiles(event)) return;
    dragDepth = Math.max(0, dragDepth - 1);
    if (dragDepth === 0) $('drop-overlay').hidden = true;
});
document.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
});
document.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    dragDepth = 0;
    $('drop-overlay').hidden = true;
    const files = [...event.dataTransfer.files];
    if (files.length > 1) showError(`Drop one score at a time (${files.length} files were dropped)`);
    else openFile(files[0]);
});

// ----- keyboard shortcuts -----

document.addEventListener('keydown', (event) => {
    const command = event.ctrlKey || event.metaKey;
    if (!command || event.altKey || $('continue-dialog').open) return;
    if (event.target.closest('input, select, textarea')) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        step('undo');
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        step('redo');
    } else if (key === 'o') {
        event.preventDefault();
        $('open-score').click();
    }
});

// ----- start -----

let resizeTimer = null;
window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => editor.state && engrave().catch((error) => showError(error.message)), 250);
});

async function checkService() {
    try {
        const health = await api.health();
        $('service-status').textContent = health.continuation ? 'Model ready' : 'Model loading…';
        $('service-status').classList.toggle('is-waiting', !health.continuation);
        if (!health.continuation) setTimeout(checkService, 5000);
    } catch (error) {
        $('service-status').textContent = 'Server unreachable';
        $('service-status').classList.add('is-waiting');
        showError(error.message);
    }
}

async function start() {
    updateToolbar();
    checkService();
    loadEngraver().catch((error) => showError(`The engraver did not load (${error.message}); reload the page`));
    const id = new URLSearchParams(location.search).get('document');
    if (id) {
        await run(async () => {
            await show(await api.document(id));
            say(`Opened ${editor.state.fileName}: ${measuresText(editor.state.measures)}.`);
        });
    }
    if (!editor.state) say('Open a score to begin.');
}

start();
