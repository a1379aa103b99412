// Assembles the page from www/ and the wasm-bindgen output:
//   dist/index.html (+ the page's scripts, style.css, gloss.js, gloss_bg.wasm) to serve on 127.0.0.1, and
//   dist/gloss.html, one self-contained file (wasm inlined as text) that works from file://.
// Both carry a Content-Security-Policy that allows no network destination beyond what the
// served copy needs to load its own files; the single file allows none at all.
//
//   node scripts/build-page.mjs <wasm-bindgen out dir> <dist dir>
import { readFileSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const [outDir = 'target/wasm-bindgen', dist = 'dist'] = process.argv.slice(2);
const www = new URL('../www/', import.meta.url).pathname;
const read = (p) => readFileSync(p, 'utf8');
mkdirSync(dist, { recursive: true });

const html = read(join(www, 'index.html'));
const css = read(join(www, 'style.css'));
// The page's own scripts, in the order index.html loads them (after wasm-bindgen's gloss.js).
const tags = [...html.matchAll(/<script src="([a-z]+\.js)"><\/script>\n?/g)];
const own = tags.map((m) => m[1]).filter((f) => f !== 'gloss.js');
if (!tags.length || tags[0][1] !== 'gloss.js' || !own.length) throw new Error('build-page: index.html must load gloss.js, then the page\'s scripts');
const glue = read(join(outDir, 'gloss.js'));
const wasm = readFileSync(join(outDir, 'gloss_bg.wasm'));

// Served copy: every resource from this origin only.
const servedCsp = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; worker-src blob:; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'";
writeFileSync(join(dist, 'index.html'), html.replace('__CSP__', servedCsp));
for (const f of [...own, 'style.css']) copyFileSync(join(www, f), join(dist, f));
copyFileSync(join(outDir, 'gloss.js'), join(dist, 'gloss.js'));
copyFileSync(join(outDir, 'gloss_bg.wasm'), join(dist, 'gloss_bg.wasm'));

// Single file: inline everything; scripts and style are allowed by their hashes only.
const safe = (js) => js.replace(/<\/(script)/gi, '<\\/$1');
// The wasm goes in gzipped (the browser's DecompressionStream unpacks it): a third of the size.
const packed = gzipSync(wasm, { level: 9 });

// ...and written as text 7 bits a character (a base-122-like code, 1.14 bytes a byte against
// base64's 1.33), in a data block the page reads and never runs. Four values cannot appear as
// themselves in HTML script data (NUL, LF, CR, `<`): they travel in a two-byte character with
// the 7 bits that follow (or, at the very end, alone). app.js decodes the same way.
const ILLEGAL = [0x00, 0x0a, 0x0d, 0x3c];
function encode122(bytes) {
  const out = [];
  let acc = 0, n = 0, i = 0;
  const next7 = () => {
    while (n < 7 && i < bytes.length) { acc = (acc << 8) | bytes[i++]; n += 8; }
    if (n === 0) return null;
    const take = Math.min(7, n);
    const v = ((acc >> (n - take)) & ((1 << take) - 1)) << (7 - take);
    n -= take;
    acc &= (1 << n) - 1;
    return v;
  };
  for (let v = next7(); v !== null; v = next7()) {
    const k = ILLEGAL.indexOf(v);
    if (k < 0) { out.push(String.fromCharCode(v)); continue; }
    const w = next7();
    out.push(String.fromCharCode(0x80 + (w === null ? ((4 + k) << 7) : ((k << 7) | w))));
  }
  return out.join('');
}
const wasmText = encode122(packed);
if (/[\0\n\r<]/.test(wasmText)) throw new Error('build-page: the wasm text holds a character it must not');
const scripts = [safe(glue), ...own.map((f) => safe(read(join(www, f))))];
const hash = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const singleCsp = `default-src 'none'; script-src ${scripts.map(hash).join(' ')} 'wasm-unsafe-eval'; style-src ${hash(css)}; worker-src blob:; img-src data: blob:; base-uri 'none'; form-action 'none'`;
let single = html.replace('__CSP__', () => singleCsp);
single = single.replace('<link rel="stylesheet" href="style.css">', () => `<style>${css}</style>`);
const first = html.indexOf(tags[0][0]);
const last = html.indexOf(tags[tags.length - 1][0]) + tags[tags.length - 1][0].length;
single = single.replace(html.slice(first, last),
  () => `<script type="application/octet-stream" id="gloss-wasm" data-length="${packed.length}">${wasmText}</script>\n`
    + scripts.map((s, k) => `<script${k === 0 ? ' id="gloss-glue"' : ''}>${s}</script>`).join('\n') + '\n');
if (single.includes('<script src=') || single.includes('href="style.css"')) throw new Error('build-page: inlining failed');
writeFileSync(join(dist, 'gloss.html'), single);
console.log(`dist/gloss.html: ${(Buffer.byteLength(single) / 1024).toFixed(0)} KiB (wasm ${(wasm.length / 1024).toFixed(0)} KiB, gzipped ${(packed.length / 1024).toFixed(0)} KiB)`);
