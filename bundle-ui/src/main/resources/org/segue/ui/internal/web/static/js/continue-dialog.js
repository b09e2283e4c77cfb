// The dialog of an editor action such as "Continue this piece": its options (from GET /api/v1/actions), Generate
// (progress while the server works), every proposal engraved with its new bars marked, its report and a Play
// button, and Apply, which puts the chosen proposal into the document as one undoable edit.

import { api } from './api.js';
import { markMeasures } from './engraver.js';

// Raw sampling values override the creativity preset; they sit behind a disclosure (the server marks them
// "advanced"; these names are the fallback when it does not).
const ADVANCED = new Set(['temperature', 'topKEvents', 'topKDurations']);
const isAdvanced = (option) => (typeof option.advanced === 'boolean' ? option.advanced : ADVANCED.has(option.name));

const $ = (id) => document.getElementById(id);

export class ContinueDialog {
    /**
     * engraver(): a promise of the engraver; player: the Player; onApplied(state, proposal): after Apply.
     */
    constructor({ engraver, player, onApplied }) {
        this.engraver = engraver;
        this.player = player;
        this.onApplied = onApplied;
        this.dialog = $('continue-dialog');
        this.values = new Map(); // what the user chose last time, per option name
        this.preview = null;
        this.generation = null;
        this.document = null;
        this.action = null;

        $('continue-form').addEventListener('submit', (event) => {
            event.preventDefault();
            this.generate();
        });
        $('cancel-button').addEventListener('click', () => this.stopGenerating('Stopped.'));
        $('apply-button').addEventListener('click', () => this.apply());
        $('continue-close').addEventListener('click', () => this.close());
        $('continue-cancel').addEventListener('click', () => this.close());
        this.dialog.addEventListener('close', () => this.closed());
        $('proposals').addEventListener('change', () => this.selectionChanged());
    }

    /** Opens the dialog for the document (STATE) and the action (from GET /api/v1/actions). */
    open(documentState, action) {
        this.document = documentState;
        this.action = action;
        $('continue-title').textContent = action.label.replace(/…$/, '');
        this.buildOptions(action.options || []);
        $('continue-hint').textContent = whereItGoes(documentState);
        this.clearProposals();
        this.showMessage(null);
        this.dialog.showModal();
        const first = this.dialog.querySelector('#continue-options input, #continue-options select');
        if (first) first.focus();
    }

    close() {
        if (this.dialog.open) this.dialog.close();
    }

    closed() {
        this.rememberValues();
        this.stopGenerating(null);
        this.player.stop();
    }

    buildOptions(options) {
        const basic = [];
        const advanced = [];
        for (const option of options) {
            (isAdvanced(option) ? advanced : basic).push(field(option, this.values.get(option.name)));
        }
        $('continue-options').replaceChildren(...basic);
        $('continue-advanced-options').replaceChildren(...advanced);
        $('continue-advanced').hidden = advanced.length === 0;
    }

    rememberValues() {
        for (const input of this.inputs()) this.values.set(input.name, input.value);
    }

    inputs() {
        return [...this.dialog.querySelectorAll('.options [name]')];
    }

    /** The options to send: every field the user filled, as strings; the first invalid field stops it. */
    chosenOptions() {
        const chosen = {};
        for (const input of this.inputs()) {
            if (!input.checkValidity()) {
                const label = this.dialog.querySelector(`label[for="${input.id}"]`).textContent;
                const details = $('continue-advanced');
                if (details.contains(input)) details.open = true;
                input.focus();
                throw new Error(`${label}: ${input.validationMessage}`);
            }
            const value = input.value.trim();
            if (value !== '') chosen[input.name] = value;
        }
        return chosen;
    }

    async generate() {
        if (this.generation) return;
        let options;
        try {
            options = this.chosenOptions();
        } catch (error) {
            this.showMessage(error.message);
            return;
        }
        this.rememberValues();
        this.showMessage(null);
        this.player.stop();
        this.clearProposals();
        const generation = { controller: new AbortController(), started: performance.now() };
        this.generation = generation;
        this.showProgress(generation, describe(options));
        try {
            const preview = await api.preview(this.document.id, this.action.id, options, generation.controller.signal);
            if (this.generation !== generation) return;
            this.stopGenerating(null);
            await this.showProposals(preview);
        } catch (error) {
            if (this.generation !== generation && error.name === 'AbortError') return;
            this.stopGenerating(null);
            this.showMessage(error.message);
        }
    }

    showProgress(generation, text) {
        $('generate-button').disabled = true;
        $('apply-button').disabled = true;
        $('cancel-button').hidden = false;
        $('continue-progress').hidden = false;
        this.dialog.querySelector('.proposals-pane').setAttribute('aria-busy', 'true');
        const tick = () => {
            const seconds = Math.floor((performance.now() - generation.started) / 1000);
            $('continue-progress-text').textContent = `${text}… ${seconds} s`;
        };
        tick();
        generation.timer = setInterval(tick, 1000);
    }

    /** Ends the generation in progress, if any (aborting its request); message: what to show instead, or null. */
    stopGenerating(message) {
        const generation = this.generation;
        if (!generation) return;
        this.generation = null;
        clearInterval(generation.timer);
        generation.controller.abort();
        $('generate-button').disabled = false;
        $('cancel-button').hidden = true;
        $('continue-progress').hidden = true;
        this.dialog.querySelector('.proposals-pane').setAttribute('aria-busy', 'false');
        if (message) this.showMessage(message);
        this.selectionChanged();
    }

    clearProposals() {
        this.preview = null;
        $('proposals').replaceChildren();
        $('proposals-placeholder').hidden = false;
        $('apply-button').disabled = true;
        $('apply-hint').textContent = '';
    }

    async showProposals(preview) {
        this.preview = preview;
        const proposals = preview.proposals || [];
        if (proposals.length === 0) {
            this.showMessage('The action made no proposal; try other options');
            return;
        }
        const cards = proposals.map((proposal) => this.card(proposal));
        $('proposals').replaceChildren(...cards);
        $('proposals-placeholder').hidden = true;
        cards[0].querySelector('input[type="radio"]').checked = true;
        this.selectionChanged();
        try {
            const engraver = await this.engraver();
            proposals.forEach((proposal, index) => engraveProposal(engraver, proposal, cards[index]));
        } catch (error) {
            this.showMessage(error.message);
        }
    }

    card(proposal) {
        const id = `proposal-${proposal.index}`;
        const card = element('article', 'proposal');
        card.setAttribute('aria-labelledby', `${id}-title`);

        const head = element('div', 'proposal-head');
        const radio = element('input');
        Object.assign(radio, { type: 'radio', name: 'proposal', id, value: String(proposal.index) });
        const title = element('label', 'proposal-title', proposal.title);
        title.htmlFor = id;
        title.id = `${id}-title`;
        const bars = element('span', 'proposal-bars', barsText(proposal.newMeasures));
        const play = element('button', 'button small play', 'Play');
        play.type = 'button';
        play.setAttribute('aria-label', `Play ${proposal.title}`);
        play.addEventListener('click', () => this.togglePlay(play, proposal));
        head.append(radio, title, bars, play);

        const engraving = element('div', 'proposal-engraving');
        engraving.setAttribute('role', 'img');
        engraving.setAttribute('aria-label', `${proposal.title}, engraved, the new bars marked`);
        engraving.textContent = 'Engraving…';

        card.append(head, reportList(proposal), engraving);
        if (proposal.summary) card.append(element('p', 'proposal-summary', proposal.summary));
        card.addEventListener('click', (event) => {
            if (event.target.closest('button, input, label')) return;
            radio.checked = true;
            this.selectionChanged();
        });
        return card;
    }

    togglePlay(button, proposal) {
        const wasThis = button.classList.contains('is-playing');
        this.player.stop();
        if (wasThis) return;
        const notes = (proposal.playback && proposal.playback.notes) || [];
        if (notes.length === 0) {
            this.showMessage(`${proposal.title} has no notes to play`);
            return;
        }
        button.classList.add('is-playing');
        button.textContent = 'Stop';
        this.player.play(notes, () => {
            button.classList.remove('is-playing');
            button.textContent = 'Play';
        }).catch((error) => {
            button.classList.remove('is-playing');
            button.textContent = 'Play';
            this.showMessage(error.message);
        });
    }

    selectedProposal() {
        const checked = $('proposals').querySelector('input[name="proposal"]:checked');
        if (!checked || !this.preview) return null;
        return this.preview.proposals.find((proposal) => String(proposal.index) === checked.value) || null;
    }

    selectionChanged() {
        const chosen = this.selectedProposal();
        for (const card of $('proposals').children) {
            card.classList.toggle('is-selected', card.querySelector('input:checked') !== null);
        }
        $('apply-button').disabled = !chosen || this.generation !== null;
        $('apply-hint').textContent = chosen ? `${chosen.title}: ${barsText(chosen.newMeasures)} will be added` : '';
    }

    async apply() {
        const chosen = this.selectedProposal();
        if (!chosen) return;
        $('apply-button').disabled = true;
        try {
            const state = await api.apply(this.document.id, this.preview.preview, chosen.index);
            this.close();
            this.onApplied(state, chosen);
        } catch (error) {
            this.showMessage(error.message);
            this.selectionChanged();
        }
    }

    showMessage(text) {
        const box = $('continue-message');
        box.hidden = !text;
        $('continue-message-text').textContent = text || '';
    }
}

function engraveProposal(engraver, proposal, card) {
    const target = card.querySelector('.proposal-engraving');
    const range = proposal.newMeasures;
    // two bars of the piece before the new ones, so the join can be seen
    const from = range ? Math.max(1, range.from - 2) : 1;
    try {
        const measures = engraver.engrave(proposal.musicxml, target,
            { width: target.clientWidth || 600, scale: 32, fromMeasure: from, header: false });
        if (range) {
            const firstShown = proposal.measures - measures.length + 1; // the rendering runs to the end
            markMeasures(measures, range.from - firstShown, range.to - firstShown, 'new');
        }
    } catch (error) {
        target.textContent = error.message;
        target.classList.add('is-error');
    }
}

function field(option, remembered) {
    const id = `option-${option.name}`;
    const wrapper = element('div', option.type === 'choice' ? 'field is-wide' : 'field');
    wrapper.dataset.option = option.name;
    const label = element('label', null, option.label);
    label.htmlFor = id;
    let input;
    if (option.type === 'choice') {
        input = element('select');
        for (const choice of option.choices || []) {
            const item = element('option', null, capitalized(choice));
            item.value = choice;
            input.append(item);
        }
    } else {
        input = element('input');
        if (option.type === 'integer' || option.type === 'number') {
            input.type = 'number';
            input.step = option.type === 'integer' ? '1' : 'any';
            input.inputMode = option.type === 'integer' ? 'numeric' : 'decimal';
            if (option.min !== null && option.min !== undefined) input.min = String(option.min);
            if (option.max !== null && option.max !== undefined) input.max = String(option.max);
        } else {
            input.type = 'text';
            input.autocomplete = 'off';
            input.spellcheck = false;
        }
        if (!option.default) input.placeholder = isAdvanced(option) ? 'from creativity' : 'as in the piece';
    }
    input.id = id;
    input.name = option.name;
    input.value = remembered !== undefined ? remembered : (option.default ?? '');
    wrapper.append(label, input);
    if (option.help) {
        const help = element('small', 'help', option.help);
        help.id = `${id}-help`;
        input.setAttribute('aria-describedby', help.id);
        wrapper.append(help);
    }
    return wrapper;
}

function reportList(proposal) {
    const report = proposal.report || {};
    const list = element('dl', 'report');
    const entry = (term, value, title) => {
        const row = element('div');
        row.append(element('dt', null, term), element('dd', null, value));
        if (title) row.title = title;
        list.append(row);
    };
    entry('In key', percent(report.notesInScale),
        report.generatedNotes !== undefined ? `of ${report.generatedNotes} new notes` : null);
    entry('Consonance', percent(report.consonantStrongBeats),
        report.strongBeats !== undefined ? `of ${report.strongBeats} strong beats where both staves sound` : null);
    entry('Repeated bars', percent(report.repeatedBars), 'new bars equal to an earlier bar');
    return list;
}

function whereItGoes(state) {
    if (state.selection) {
        return `The new bars go after measure ${state.selection.to} (the selection's last); the bars after it move back.`;
    }
    return `The new bars go after the end of the piece (measure ${state.measures}).`;
}

function describe(options) {
    const bars = options.bars ? `${options.bars} bars` : 'the new bars';
    const variations = Number(options.variations || 1);
    return variations > 1 ? `Writing ${variations} variations of ${bars}` : `Writing ${bars}`;
}

function barsText(range) {
    if (!range) return '';
    return range.from === range.to ? `bar ${range.from}` : `bars ${range.from}–${range.to}`;
}

function percent(value) {
    return typeof value === 'number' && Number.isFinite(value) ? `${Math.round(value * 100)} %` : '–';
}

function capitalized(text) {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
}
