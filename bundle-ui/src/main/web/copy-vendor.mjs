// Copies the engraver the page loads from node_modules (installed by `npm ci`) into the bundle's web resources:
//   node copy-vendor.mjs TARGET_FOLDER
// The ES modules are renamed from .mjs to .js, the extension every server sends as JavaScript (a module script
// with another media type is refused by browsers); Verovio's package.json and README (its name, version and
// licence, LGPL-3.0-or-later) go with them.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const target = process.argv[2];
if (!target) {
    console.error('usage: node copy-vendor.mjs TARGET_FOLDER');
    process.exit(2);
}
const verovio = path.join('node_modules', 'verovio');
const files = [
    ['dist/verovio-module.mjs', 'verovio-module.js'],
    ['dist/verovio.mjs', 'verovio.js'],
    ['package.json', 'package.json'],
    ['README.md', 'README.md'],
];
mkdirSync(target, { recursive: true });
for (const [from, to] of files) copyFileSync(path.join(verovio, from), path.join(target, to));
