// Page benchmark: opens dist/gloss.html from disk in Debian's Chromium and times what a user
// waits for. Prints medians of several runs. Usage: node scripts/bench-page.mjs [runs]
import { chromium } from 'playwright-core';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('../', import.meta.url).pathname;
const runs = Number(process.argv[2] || 5);
const article = readFileSync(join(root, '../shared/examples/syria-two-articles.txt'), 'utf8');
const words = (t) => t.split(/\s+/).filter(Boolean).length;
const big = Array(Math.ceil(50000 / words(article))).fill(article).join('\n\n');
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const profile = mkdtempSync(join(tmpdir(), 'gloss-bench-'));
const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
// Time to ready: from navigation to the page able to annotate (wasm unpacked and started).
const ready = [];
let page;
for (let r = 0; r < runs; r++) {
  if (page) await page.close();
  page = await ctx.newPage();
  await page.goto(pathToFileURL(join(root, 'dist/gloss.html')).href);
  await page.waitForSelector('body[data-ready="true"]');
  ready.push(Number(await page.getAttribute('body', 'data-ready-ms')));
}
// The first annotation half a second after ready (the page warms the core up while idle).
await page.waitForTimeout(500);
const firstMs = await page.evaluate((t) => { const t0 = performance.now(); window.gloss.annotateToJson(t, '2025-07-20'); return performance.now() - t0; }, article);

// From the Annotate press to the whole article drawn (style and layout forced, so the time
// counts the browser's work and no idle wait for the next frame), with the longest task the
// page's thread ran meanwhile (a long text is annotated in the worker and drawn in slices).
async function annotateAndRender(text) {
  return page.evaluate(async (t) => {
    const tasks = [];
    const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) tasks.push(e.duration); });
    obs.observe({ type: 'longtask' });
    const t0 = performance.now();
    await window.gloss.show(t, '2025-07-20');
    void document.getElementById('article').offsetHeight;
    const painted = performance.now() - t0;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    for (const e of obs.takeRecords()) tasks.push(e.duration);
    obs.disconnect();
    return { painted, longest: Math.max(0, ...tasks), anns: window.gloss.view().annotations.length };
  }, text);
}

// One edit: the article is updated when edit() returns; the side panels one task later.
async function edits(n) {
  return page.evaluate(async (n) => {
    const v = window.gloss.view();
    const out = [];
    for (let i = 0; i < n; i++) {
      const a = v.annotations[Math.floor((i + 0.5) * v.annotations.length / n)];
      const t0 = performance.now();
      window.gloss.edit({ op: 'relabel', id: a.id, label: a.label === 'ORG' ? 'PLACE' : 'ORG' });
      const article = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 0));
      out.push({ article, panels: performance.now() - t0 });
    }
    return out;
  }, n);
}

const news = readFileSync(join(root, '../shared/eval/news-dev.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).text).join('\n\n');
let mb = news;
while (Buffer.byteLength(mb) < 1_000_000) mb += '\n\n' + news;
mb = mb.slice(0, 1_000_000);
const rows = [];
for (const [name, text, n] of [['example article', article, runs], ['50,000-word paste', big, runs], ['1 MB paste', mb, Math.min(runs, 3)]]) {
  const a = [], l = [], e = [], p = [];
  let anns = 0;
  for (let r = 0; r < n; r++) {
    const res = await annotateAndRender(text);
    a.push(res.painted);
    l.push(res.longest);
    anns = res.anns;
    for (const x of await edits(5)) { e.push(x.article); p.push(x.panels); }
  }
  rows.push({ name, words: words(text), anns, annotate: median(a), longest: median(l), edit: median(e), panels: median(p) });
}
// The user's path on a long paste against the core alone, on the same text in the same page:
// `show` (two workers annotate, the page opens the text with what they found and draws it; it
// resolves when the article is drawn) and `annotateToJson` (the core on the page's thread, the
// whole pipeline with the JSON export), with the longest task of the page's thread meanwhile and
// where `show`'s time went.
let mb18 = news;
while (Buffer.byteLength(mb18) < 1_800_000) mb18 += '\n\n' + news;
mb18 = mb18.slice(0, 1_800_000);
const paths = [];
for (const [name, text] of [['1 MB paste', mb], ['1.8 MB paste', mb18]]) {
  const s = [], c = [], l = [], parts = [];
  for (let r = 0; r < runs; r++) {
    // (A character more each run: nothing can be remembered from the run before.)
    const t = text + ' '.repeat(r);
    const res = await annotateAndRender(t);
    s.push(res.painted);
    l.push(res.longest);
    parts.push(await page.evaluate(() => window.gloss.timing()));
    c.push(await page.evaluate((t) => { const t0 = performance.now(); window.gloss.annotateToJson(t, '2025-07-20'); return performance.now() - t0; }, t));
  }
  const part = (k) => median(parts.map((p) => p[k]));
  paths.push({ name, bytes: Buffer.byteLength(text), words: words(text), show: median(s), core: median(c), longest: median(l),
    parts: `worker ${part('worker').toFixed(0)}, hand-over ${(part('convert') + part('handover')).toFixed(0)}, opening ${part('adopt').toFixed(0)}, drawing ${part('draw').toFixed(0)} ms` });
}

// gloss and compromise (from npm) on the same texts in the same page: the core's whole pipeline
// with the JSON export, against compromise's parse and its people, places and organisations.
await page.evaluate(readFileSync(join(root, 'node_modules/compromise/builds/compromise.js'), 'utf8'));
const peers = [];
for (const [name, text, n] of [['example article', article, runs], ['news-dev, all 47 documents', news, runs], ['1 MB of news', mb, Math.min(runs, 3)]]) {
  const res = await page.evaluate(([t, n]) => {
    const time = (f) => { const xs = []; for (let i = 0; i < n; i++) { const t0 = performance.now(); f(); xs.push(performance.now() - t0); } xs.sort((a, b) => a - b); return xs[Math.floor(xs.length / 2)]; };
    const g = time(() => JSON.parse(window.gloss.annotateToJson(t, '2025-07-20')));
    const c = time(() => { const d = window.nlp(t); d.people().json(); d.places().json(); d.organizations().json(); });
    return { g, c, mem: window.gloss.memoryBytes(), heap: performance.memory ? performance.memory.usedJSHeapSize : 0 };
  }, [text, n]);
  peers.push({ name, words: words(text), ...res });
}
console.log(`page benchmark (Chromium, ${runs} runs, medians):`);
for (const p of peers) {
  const gw = p.words / (p.g / 1000), cw = p.words / (p.c / 1000);
  console.log(`  ${p.name} (${p.words} words): gloss ${p.g.toFixed(1)} ms = ${Math.round(gw).toLocaleString('en')} words/s; ` +
    `compromise ${p.c.toFixed(1)} ms = ${Math.round(cw).toLocaleString('en')} words/s; ratio ${(gw / cw).toFixed(1)}×`);
}
const last = peers[peers.length - 1];
console.log(`  memory after the 1 MB text: wasm ${(last.mem / 1048576).toFixed(0)} MiB, JS heap ${(last.heap / 1048576).toFixed(0)} MiB`);
console.log(`  dist/gloss.html opened from disk: ready in ${median(ready).toFixed(0)} ms; the first annotation of the example 0.5 s later takes ${firstMs.toFixed(0)} ms`);
for (const p of paths) {
  const sw = p.words / (p.show / 1000), cw = p.words / (p.core / 1000);
  console.log(`  ${p.name} (${p.bytes.toLocaleString('en')} bytes, ${p.words.toLocaleString('en')} words): show ${p.show.toFixed(0)} ms = ${Math.round(sw).toLocaleString('en')} words/s; ` +
    `core alone ${p.core.toFixed(0)} ms = ${Math.round(cw).toLocaleString('en')} words/s; show at ${(100 * sw / cw).toFixed(0)}% of the core; ` +
    `longest task ${p.longest.toFixed(0)} ms (${p.parts})`);
}
for (const r of rows) {
  console.log(`  ${r.name}: ${r.words} words, ${r.anns} annotations; annotate + render ${r.annotate.toFixed(1)} ms ` +
    `(longest task on the page's thread ${r.longest.toFixed(0)} ms); ` +
    `an edit updates the article in ${r.edit.toFixed(1)} ms (side panels ${r.panels.toFixed(1)} ms)`);
}
await ctx.close();
rmSync(profile, { recursive: true, force: true });
