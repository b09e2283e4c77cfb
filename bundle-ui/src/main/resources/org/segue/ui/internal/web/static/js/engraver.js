// Engraving with Verovio's toolkit (WebAssembly, packaged into the bundle by the build: no network needed).

let toolkit = null;

/** Loads Verovio once; later calls get the same toolkit. */
export function loadEngraver() {
    if (!toolkit) {
        toolkit = (async () => {
            const [{ default: createVerovioModule }, { VerovioToolkit }] = await Promise.all([
                import('../vendor/verovio/verovio-module.js'),
                import('../vendor/verovio/verovio.js'),
            ]);
            return new Engraver(new VerovioToolkit(await createVerovioModule()));
        })();
        toolkit.catch(() => { toolkit = null; }); // a failed load may be tried again
    }
    return toolkit;
}

// Verovio puts <style> elements into each SVG: its rules, and the music font of text such as a tempo mark's note
// (an @font-face with a data: URL). The page's Content-Security-Policy refuses inline styles and data: fonts, so the
// rules live in editor.css, the font is handed to the browser as bytes (FontFace), and the elements are dropped.
const INLINE_STYLE = /<style[^>]*>([\s\S]*?)<\/style>/g;
const EMBEDDED_FONT = /@font-face\s*{[^}]*font-family:\s*'([^']+)'[^}]*base64,([A-Za-z0-9+/=]+)/g;
const loadedFonts = new Set();

function withoutInlineStyles(svg) {
    return svg.replace(INLINE_STYLE, (element, css) => {
        for (const [, family, base64] of css.matchAll(EMBEDDED_FONT)) addFont(family, base64);
        return '';
    });
}

function addFont(family, base64) {
    if (loadedFonts.has(family)) return;
    loadedFonts.add(family);
    const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
    const face = new FontFace(family, bytes.buffer);
    document.fonts.add(face);
    face.load().catch(() => loadedFonts.delete(family)); // without it the glyph shows as a box, nothing worse
}

class Engraver {
    constructor(verovio) {
        this.verovio = verovio;
    }

    /**
     * Engraves MusicXML into container, one element per page, and answers the g.measure elements in score order.
     * width: the pixels the page may use; scale: Verovio's percentage; fromMeasure: engrave only from that
     * 1-based measure to the end (the earlier measures are left out).
     */
    engrave(musicxml, container, { width, scale = 40, fromMeasure = 1, header = true }) {
        const verovio = this.verovio;
        verovio.setOptions({
            pageWidth: Math.max(600, Math.round(width * 100 / scale)),
            pageHeight: 60000,
            adjustPageHeight: true,
            scale,
            breaks: 'auto',
            svgViewBox: true,
            header: header ? 'auto' : 'none',
            footer: 'none',
            pageMarginTop: header ? 50 : 20,
            pageMarginBottom: 20,
            pageMarginLeft: 20,
            pageMarginRight: 20,
        });
        if (!verovio.loadData(musicxml)) {
            throw new Error('The engraver could not read this score: ' + firstError(verovio.getLog()));
        }
        if (fromMeasure > 1) {
            verovio.select({ measureRange: `${fromMeasure}-end` });
            verovio.redoLayout();
        }
        const pages = [];
        for (let page = 1; page <= verovio.getPageCount(); page++) {
            const element = document.createElement('div');
            element.className = 'page';
            element.innerHTML = withoutInlineStyles(verovio.renderToSVG(page));
            pages.push(element);
        }
        container.replaceChildren(...pages);
        return [...container.querySelectorAll('g.measure')];
    }
}

function firstError(log) {
    const line = String(log || '').split('\n').find((text) => text.startsWith('[Error]'));
    return line ? line.replace('[Error] ', '') : 'unknown error';
}

/**
 * Marks a run of measures: a class that colours their music (editor.css: is-new, is-selected) and, per system, one
 * soft band behind the run, as high as the system, so the marked bars stand out in colour and shape.
 * measures: the engraved g.measure elements in score order; first, last: 0-based indexes into it; kind: 'new' or
 * 'selected'.
 */
export function markMeasures(measures, first, last, kind = 'new') {
    const runs = new Map(); // g.system -> the marked measures in it
    measures.forEach((measure, index) => {
        if (index < first || index > last) return;
        measure.classList.add(`is-${kind}`);
        const system = measure.closest('g.system');
        if (system) runs.set(system, [...(runs.get(system) || []), measure]);
    });
    for (const [system, run] of runs) {
        const height = verticalExtent(system.querySelectorAll('g.measure > g.staff'));
        const left = safeBox(run[0]);
        const right = safeBox(run[run.length - 1]);
        if (!height || !left || !right) continue; // not laid out: the colour alone marks them
        const band = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        band.setAttribute('class', `${kind}-bar-band`);
        band.setAttribute('x', left.x);
        band.setAttribute('y', height.top);
        band.setAttribute('width', right.x + right.width - left.x);
        band.setAttribute('height', height.bottom - height.top);
        system.insertBefore(band, system.firstChild);
    }
}

/**
 * Gives every measure a transparent rectangle as high as its system, so a click anywhere in the measure (not only
 * on a note or a staff line) lands on it.
 */
export function addHitAreas(measures) {
    const extents = new Map(); // g.system -> its vertical extent
    for (const measure of measures) {
        const system = measure.closest('g.system');
        if (system && !extents.has(system)) extents.set(system, verticalExtent(system.querySelectorAll('g.measure > g.staff')));
        const height = system ? extents.get(system) : null;
        const box = safeBox(measure);
        if (!height || !box) continue;
        const area = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        area.setAttribute('class', 'hit-area');
        area.setAttribute('x', box.x);
        area.setAttribute('y', height.top);
        area.setAttribute('width', box.width);
        area.setAttribute('height', height.bottom - height.top);
        measure.insertBefore(area, measure.firstChild);
    }
}

/** Takes the marks of one kind away again. */
export function unmarkMeasures(container, kind) {
    container.querySelectorAll(`.${kind}-bar-band`).forEach((band) => band.remove());
    container.querySelectorAll(`g.measure.is-${kind}`).forEach((measure) => measure.classList.remove(`is-${kind}`));
}

/** The top and bottom of a system's staves (notes above and below them included, tempo marks not), with a margin. */
function verticalExtent(staves) {
    let top = Infinity;
    let bottom = -Infinity;
    for (const staff of staves) {
        const box = safeBox(staff);
        if (!box) continue;
        top = Math.min(top, box.y);
        bottom = Math.max(bottom, box.y + box.height);
    }
    if (!Number.isFinite(top)) return null;
    const margin = (bottom - top) * 0.08;
    return { top: top - margin, bottom: bottom + margin };
}

function safeBox(element) {
    try {
        const box = element.getBBox();
        return box.width > 0 && box.height > 0 ? box : null;
    } catch {
        return null;
    }
}
