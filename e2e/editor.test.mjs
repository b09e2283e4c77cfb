// End-to-end test of Segue's editor page in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core), against a running `./segue serve`: open -> continue -> preview -> apply -> undo -> redo ->
// export, driven by role and accessible name as a screen reader user would.
//
//   SEGUE_URL=http://127.0.0.1:PORT/ node --test e2e/editor.test.mjs
//
// SEGUE_E2E_OUT names the folder for the screenshot of the previewed continuation (editor-preview.png) and the
// exported file (exported.musicxml); by default a new temporary folder.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.join(here, '..', 'examples', 'little-waltz.musicxml');
const chromiumPath = process.env.SEGUE_CHROMIUM || '/usr/bin/chromium';
const url = process.env.SEGUE_URL;
const GENERATION_TIMEOUT = 180_000; // the first continuation loads the model; the machine may be busy

/** Polls until check() answers true; fails with what was last seen. */
async function eventually(description, check, timeout = 30_000) {
    const until = Date.now() + timeout;
    let last;
    while (Date.now() < until) {
        last = await check();
        if (last === true) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail(`${description} (after ${timeout / 1000} s; last seen: ${JSON.stringify(last)})`);
}

async function measuresAre(score, expected, timeout) {
    await eventually(`the Score's data-measures becomes ${expected}`, async () => {
        const value = await score.getAttribute('data-measures');
        return value === String(expected) || value;
    }, timeout);
    await eventually(`${expected} measures are engraved`, async () => {
        const engraved = await score.locator('g.measure').count();
        return engraved === expected || `${engraved} g.measure`;
    });
}

test('open, continue, preview, apply, undo, redo and export in the editor page', { timeout: 600_000 }, async () => {
    assert.ok(url, 'SEGUE_URL must name the running editor, like http://127.0.0.1:8080/');
    assert.ok(existsSync(chromiumPath), `${chromiumPath} is missing: apt-get install chromium`);
    const out = process.env.SEGUE_E2E_OUT || await mkdtemp(path.join(tmpdir(), 'segue-e2e-'));
    await mkdir(out, { recursive: true });
    const profile = await mkdtemp(path.join(tmpdir(), 'segue-chromium-'));
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
        acceptDownloads: true,
        viewport: { width: 1280, height: 800 },
    });
    const problems = []; // script errors and refused resources (the Content-Security-Policy) fail the test
    try {
        const page = context.pages()[0] || await context.newPage();
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('console', (message) => {
            if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
        });
        page.on('requestfailed', (request) => {
            if (!request.url().startsWith('blob:')) problems.push(`request failed: ${request.url()}`);
        });

        await page.goto(url);
        const score = page.getByRole('region', { name: 'Score' });
        await score.waitFor();
        const undo = page.getByRole('button', { name: 'Undo', exact: true });
        const redo = page.getByRole('button', { name: 'Redo', exact: true });
        const openScore = page.getByLabel('Open score', { exact: true });

        // a file that is no score: one clear message in the page, nothing opened
        const before = problems.length;
        await openScore.setInputFiles({ name: 'not-a-score.musicxml', mimeType: 'application/xml',
            buffer: Buffer.from('this is not music') });
        const alert = page.getByRole('alert').filter({ hasText: /\S/ });
        await alert.first().waitFor();
        assert.match(await alert.first().innerText(), /\S/, 'the page says what went wrong');
        assert.equal(await score.getAttribute('data-measures'), null, 'no score is shown for a bad file');
        problems.splice(before); // the 400 answer the browser logs is expected here
        await page.getByRole('button', { name: 'Dismiss message' }).click();

        // open the example
        await openScore.setInputFiles(example);
        await measuresAre(score, 8);
        assert.equal(await undo.isDisabled(), true, 'nothing to undo after opening');
        assert.equal(await redo.isDisabled(), true, 'nothing to redo after opening');

        // a click selects a measure (the server keeps the selection), Escape clears it again
        await score.locator('g.measure').nth(2).click();
        await eventually('measure 3 is selected', async () =>
            (await score.locator('g.measure.is-selected').count()) === 1);
        await score.press('Escape');
        await eventually('the selection is cleared', async () =>
            (await score.locator('g.measure.is-selected').count()) === 0);

        // Compose > Continue this piece…
        await page.getByRole('button', { name: 'Compose' }).click();
        await page.getByRole('menuitem', { name: 'Continue this piece…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Continue this piece' });
        await dialog.waitFor();
        await dialog.getByRole('spinbutton', { name: 'Bars', exact: true }).fill('4');
        await dialog.getByRole('spinbutton', { name: 'Variations', exact: true }).fill('2');
        await dialog.getByRole('button', { name: 'Generate' }).click();

        // the preview: two variations, each engraved with its four new bars marked, with a report and Play
        const variations = dialog.getByRole('radio');
        await eventually('two variations are proposed', async () => {
            const error = await dialog.getByRole('alert').filter({ hasText: /\S/ }).count();
            if (error) return `error: ${await dialog.getByRole('alert').innerText()}`;
            return (await variations.count()) === 2 || `${await variations.count()} variations`;
        }, GENERATION_TIMEOUT);
        await eventually('each variation shows its 4 new bars marked', async () => {
            const marked = await dialog.locator('g.measure.is-new').count();
            return marked === 8 || `${marked} marked measures`;
        });
        for (const title of ['Variation 1', 'Variation 2']) {
            await dialog.getByRole('button', { name: `Play ${title}` }).waitFor();
        }
        assert.match(await dialog.locator('.report').first().innerText(), /In key[\s\S]*%/);
        const play = dialog.getByRole('button', { name: 'Play Variation 1' });
        await play.click();
        await eventually('Play turns into Stop', async () => (await play.innerText()).includes('Stop'));
        await play.click();
        await page.screenshot({ path: path.join(out, 'editor-preview.png') });

        // Apply the second variation: one undoable edit of 4 more bars
        await dialog.getByRole('radio', { name: 'Variation 2' }).check();
        await dialog.getByRole('button', { name: 'Apply' }).click();
        await dialog.waitFor({ state: 'hidden' });
        await measuresAre(score, 12);
        assert.equal(await undo.isEnabled(), true, 'Apply can be undone');

        await undo.click();
        await measuresAre(score, 8);
        assert.equal(await redo.isEnabled(), true, 'Undo can be redone');

        await redo.click();
        await measuresAre(score, 12);

        // Export > MusicXML: the downloaded file holds the 12 measures
        await page.getByRole('button', { name: 'Export' }).click();
        const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('menuitem', { name: 'MusicXML', exact: true }).click(),
        ]);
        const exported = path.join(out, 'exported.musicxml');
        await download.saveAs(exported);
        assert.match(download.suggestedFilename(), /\.musicxml$/);
        const xml = await readFile(exported, 'utf8');
        const parsed = await page.evaluate((text) => {
            const document = new DOMParser().parseFromString(text, 'application/xml');
            if (document.querySelector('parsererror')) return { error: document.querySelector('parsererror').textContent };
            const part = document.querySelector('score-partwise > part');
            return { root: document.documentElement.nodeName, measures: part ? part.querySelectorAll(':scope > measure').length : 0 };
        }, xml);
        assert.deepEqual(parsed, { root: 'score-partwise', measures: 12 }, 'the exported MusicXML');

        assert.deepEqual(problems, [], 'no script error or refused resource in the page');
        console.log(`screenshot: ${path.join(out, 'editor-preview.png')}`);
        console.log(`exported: ${exported}`);
    } finally {
        await context.close();
        await rm(profile, { recursive: true, force: true });
    }
});
