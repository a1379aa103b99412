// End-to-end tests of dist/gloss.html opened from disk in Debian's Chromium, driven by
// playwright-core. Every test records network requests: the page must make none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = new URL('../../', import.meta.url).pathname;
const pageUrl = pathToFileURL(join(root, 'dist/gloss.html')).href;
const article = readFileSync(join(root, '../shared/examples/syria-two-articles.txt'), 'utf8');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let ctx, profile;
const requests = [];

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'gloss-profile-'));
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', args: ARGS, headless: true, acceptDownloads: true,
  });
  ctx.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) requests.push(r.url()); });
});

after(async () => {
  await ctx?.close();
  rmSync(profile, { recursive: true, force: true });
});

async function open() {
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(pageUrl);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  page.errors = errors;
  return page;
}

async function fresh() {
  const page = await open();
  await page.evaluate(() => { window.gloss.saveNow(); localStorage.clear(); });
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

// The documents drawer and the text box fold away once there is an article; a user opens
// them with one click on their heading.
async function unfold(page, id) {
  if (!(await page.$eval(`#${id}`, (d) => d.open))) await page.click(`#${id} > summary`);
}

// A fresh page at a laptop's 1366×768 with the example article `times` over, pasted and
// annotated as a user would.
async function laptopWithLong(times) {
  const page = await fresh();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.fill('#input', Array.from({ length: times }, () => article).join('\n\n'));
  await page.fill('#reference-date', '2025-07-20');
  await page.click('#annotate');
  await page.waitForSelector('#article mark[data-ann-id]');
  return page;
}

// Code-point slicing, as Python's str does: the contract's offsets.
const cpSlice = (text, s, e) => [...text].slice(s, e).join('');

test('paste, annotate, highlight, edit, undo, export, reload, bad import', async () => {
  const page = await fresh();
  // Paste into the textarea as a user would, set the reference date, press Annotate.
  await page.fill('#input', article);
  await page.fill('#reference-date', '2025-07-20');
  await page.click('#annotate');
  await page.waitForSelector('#article mark[data-ann-id]');
  const marks = await page.$$eval('#article mark[data-ann-id]', (ms) => ms.map((m) => [m.dataset.label, m.textContent]));
  const has = (label, text) => marks.some(([l, t]) => l === label && t === text);
  for (const [l, t] of [['PERSON', 'Recep Tayyip Erdogan'], ['PERSON', 'Vladimir Putin'], ['PERSON', 'Bashar al-Assad'],
    ['PERSON', 'Noureddine al-Baba'], ['PERSON', 'Marco Rubio'], ['PLACE', 'Sochi'], ['PLACE', 'Black Sea'],
    ['PLACE', 'Sweida'], ['PLACE', 'Damascus'], ['ORG', 'PKK'], ['ORG', 'YPG'], ['ORG', "Kurdistan Workers' Party"],
    ['ORG', 'EU'], ['GROUP', 'Druze'], ['GROUP', 'Bedouin'], ['GROUP', 'Turkish'], ['DATE', 'last Sunday'],
    ['DATE', 'Saturday'], ['DATE', 'four hours'], ['CASUALTY', 'more than 900 people']]) {
    assert.ok(has(l, t), `highlight ${l} ${t}`);
  }
  assert.ok(!marks.some(([l, t]) => l === 'PERSON' && ['Putin Asked', 'Assad Regime', 'Cooperate', 'Druze'].includes(t)));
  // The article view shows exactly the pasted text.
  assert.equal(await page.$eval('#article', (a) => a.textContent), article);
  // Legend with six labels; hover shows the details.
  assert.equal(await page.locator('#legend li').count(), 6);
  await page.hover('#article mark[data-label="CASUALTY"]');
  const tip = await page.textContent('#tooltip');
  assert.match(tip, /killed/);
  assert.match(tip, /moreThan/);
  // The side list groups mentions of one entity.
  const entities = await page.textContent('#by-entity');
  assert.match(entities, /Recep Tayyip Erdogan ×\d+ \([^)]*Erdogan/);

  // The casualty summary counts the repeated figure once, with its mentions.
  const killedRow = await page.textContent('#casualty-summary tr[data-category="killed"]');
  assert.match(killedRow, /killed\s*900/);
  assert.match(killedRow, /900 \(moreThan\) ×2/);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  // Files are named after the article's headline and date.
  assert.equal(csvDownload.suggestedFilename(), 'erdogan-says-putin-asked-him-to-cooperate-with-assad-regime-casualties-2025-07-20.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8').trim().split('\n');
  assert.equal(csv[0], 'id,start,end,quote,category,count,qualifier,min,max,victims,scope,incident,origin');
  assert.ok(csv.some((l) => l.includes(',more than 900 people,killed,900,moreThan,900,,people,incident,i1,auto')), csv.join('\n'));

  // Relabel a highlight by focusing it and pressing a key (2 = ORG).
  const sochi = page.locator('#article mark[data-ann-id]', { hasText: /^Sochi$/ }).first();
  const sochiId = await sochi.getAttribute('data-ann-id');
  await sochi.focus();
  await page.keyboard.press('2');
  assert.equal(await page.getAttribute(`#article mark[data-ann-id="${sochiId}"]`, 'data-label'), 'ORG');

  // Add one by selecting text and pressing 4 (GROUP): the words "tribal fighters".
  const before = await page.locator('#article mark[data-ann-id]').count();
  await page.evaluate(() => {
    const art = document.getElementById('article');
    const walker = document.createTreeWalker(art, NodeFilter.SHOW_TEXT);
    let n;
    while ((n = walker.nextNode())) {
      const i = n.data.indexOf('tribal fighters');
      if (i >= 0) {
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + 'tribal fighters'.length);
        const s = window.getSelection();
        s.removeAllRanges();
        s.addRange(r);
        return;
      }
    }
    throw new Error('text not found');
  });
  await page.keyboard.press('4');
  await page.waitForSelector('#article mark[data-label="GROUP"]:text-is("tribal fighters")');
  assert.equal(await page.locator('#article mark[data-ann-id]').count(), before + 1);
  // The new highlight is the one the editor shows, and has the focus.
  assert.match(await page.textContent('#editor'), /texttribal fighters/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'tribal fighters');

  // Undo removes it; redo brings it back; undo twice more restores Sochi's label.
  await page.keyboard.press('Control+z');
  assert.equal(await page.locator('#article mark[data-ann-id]').count(), before);
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await page.locator('#article mark[data-ann-id]').count(), before + 1);
  await page.click('#undo');
  await page.click('#undo');
  assert.equal(await page.getAttribute(`#article mark[data-ann-id="${sochiId}"]`, 'data-label'), 'PLACE');
  await page.click('#redo');
  await page.click('#redo');

  // Export downloads a file whose every quote is the text at its code-point offsets.
  // brat's annotations come with their text, two files of one name.
  await page.selectOption('#export-format', 'brat');
  const bratFiles = [];
  page.on('download', (d) => bratFiles.push(d));
  await page.click('#export');
  await page.waitForFunction(() => true);
  for (let i = 0; i < 50 && bratFiles.length < 2; i++) await page.waitForTimeout(100);
  page.removeAllListeners('download');
  assert.deepEqual(bratFiles.map((d) => d.suggestedFilename()).sort(), ['erdogan-says-putin-asked-him-to-cooperate-with-assad-regime-2025-07-20.ann', 'erdogan-says-putin-asked-him-to-cooperate-with-assad-regime-2025-07-20.txt']);
  const bratTxt = readFileSync(await bratFiles.find((d) => d.suggestedFilename().endsWith('.txt')).path(), 'utf8');
  assert.equal(bratTxt, article);
  const bratAnn = readFileSync(await bratFiles.find((d) => d.suggestedFilename().endsWith('.ann')).path(), 'utf8');
  const t1 = bratAnn.split('\n').find((l) => l.startsWith('T'));
  const [, span, quote] = t1.split('\t');
  const [, s0, e0] = span.split(' ');
  assert.equal(cpSlice(bratTxt, Number(s0), Number(e0)), quote, t1);
  await page.selectOption('#export-format', 'gloss');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  assert.equal(download.suggestedFilename(), 'erdogan-says-putin-asked-him-to-cooperate-with-assad-regime-2025-07-20.json');
  const exported = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(exported.format, 'gloss');
  assert.equal(exported.offsetUnit, 'codepoint');
  assert.equal(exported.text, article);
  assert.equal(exported.referenceDate, '2025-07-20');
  for (const a of exported.annotations) assert.equal(cpSlice(exported.text, a.start, a.end), a.quote, a.id);
  const user = exported.annotations.filter((a) => a.origin === 'user').map((a) => [a.label, a.quote]);
  assert.deepEqual(user.sort(), [['GROUP', 'tribal fighters'], ['ORG', 'Sochi']].sort());
  const sat = exported.annotations.find((a) => a.quote === 'Saturday');
  assert.equal(sat.date.value, '2025-07-19');

  // Reload: the work is restored from localStorage.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.evaluate(() => window.gloss.exportJson()), JSON.stringify(exported));
  assert.ok(await page.locator('#article mark[data-label="GROUP"]:text-is("tribal fighters")').count() === 1);

  // A malformed import shows a message and changes nothing, through the API and the file picker.
  const err = await page.evaluate(() => { try { window.gloss.importJson('{"format":"gloss",'); return null; } catch (e) { return e.message; } });
  assert.match(err, /not valid JSON/);
  await page.setInputFiles('#import-file', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"gloss","version":9,"text":"x"}') });
  await page.waitForSelector('#message.error');
  assert.match(await page.textContent('#message'), /newer gloss/);
  assert.equal(await page.evaluate(() => window.gloss.exportJson()), JSON.stringify(exported));

  // A good import through the file picker replaces the document and editing goes on.
  const other = { format: 'gloss', version: 1, text: 'Putin 👋 met Erdogan.', referenceDate: null,
    annotations: [{ id: 'a1', label: 'PERSON', start: 0, end: 5, quote: 'Putin', origin: 'user' }] };
  await page.setInputFiles('#import-file', { name: 'ok.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
  await page.waitForSelector('#article mark[data-ann-id="a1"]');
  assert.equal(await page.$eval('#article', (a) => a.textContent), other.text);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('changing the reference date re-resolves dates and keeps user edits', async () => {
  const page = await fresh();
  const doc = await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), article);
  const sat = doc.annotations.find((a) => a.quote === 'Saturday');
  const friday = doc.annotations.find((a) => a.quote === 'Friday');
  assert.equal(sat.date.value, '2025-07-19');
  // The user corrects Friday's value by hand in the editor.
  await page.click(`#article mark[data-ann-id="${friday.id}"]`);
  await page.fill('#f-value', '2025-07-17');
  await page.click('text=Set date');
  await page.fill('#reference-date', '2025-08-03');
  await page.dispatchEvent('#reference-date', 'change');
  const after = JSON.parse(await page.evaluate(() => window.gloss.exportJson()));
  assert.equal(after.referenceDate, '2025-08-03');
  assert.equal(after.annotations.find((a) => a.id === sat.id).date.value, '2025-08-02');
  const f = after.annotations.find((a) => a.id === friday.id);
  assert.equal(f.date.value, '2025-07-17');
  assert.equal(f.origin, 'user');
  // The side panels follow the article just after an edit.
  await page.waitForFunction(() => /2025-08-03 \(given by you\)/.test(document.getElementById('reference-source').textContent));
  await page.waitForSelector('#timeline li[data-value="2025-08-02"]');
  // The timeline follows: Saturday is now 2025-08-02, and the hand-set Friday stays.
  const timeline = await page.$$eval('#timeline li', (ls) => ls.map((l) => l.dataset.value));
  assert.ok(timeline.includes('2025-08-02') && timeline.includes('2025-07-17'), timeline.join(' '));
  assert.deepEqual([...timeline].sort(), timeline);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('a war total beside an attack\'s toll: the incident counts the attack, the total is listed apart', async () => {
  const page = await fresh();
  await page.setViewportSize({ width: 1366, height: 768 });
  const text = 'Drone strike on mosque kills 31\n\nA drone strike on a mosque in the town killed 31 people on Friday, including six children, officials said. '
    + 'Rescue teams were still searching the rubble on Saturday. The war has killed more than 40,000 people since it began, '
    + 'and 12000000 have been displaced so far.';
  await page.evaluate((t) => window.gloss.annotate(t, '2025-03-16'), text);
  await page.waitForSelector('#casualty-summary tr[data-category="killed"]');
  const killed = await page.$$eval('#casualty-summary tr[data-category="killed"] > *', (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(killed.slice(0, 3), ['killed', '31', '6–31'], killed.join(' | '));
  assert.equal(await page.textContent('#casualty-summary caption'), 'This incident: 2025-03-14');
  assert.ok(!killed.join(' ').includes('40,000'));
  const cumulative = await page.textContent('#casualty-cumulative');
  assert.match(cumulative, /40,000 \(moreThan\) killed — .*since it began/, cumulative);
  assert.match(cumulative, /12,000,000 \(exact\) displaced/, cumulative);
  // A figure in the list shows its mention.
  await page.click('#casualty-cumulative li[data-category="killed"] button');
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, 'more than 40,000 people');
  // The export carries the scope of every figure and the summary's shape.
  const doc = JSON.parse(await page.evaluate(() => window.gloss.exportJson()));
  const scopes = doc.annotations.filter((a) => a.label === 'CASUALTY').map((a) => [a.quote, a.casualty.scope]);
  assert.deepEqual(scopes.filter(([, s]) => s !== 'incident').map(([q]) => q), ['more than 40,000 people', '12000000']);
  assert.equal(doc.casualtySummary.total.killed, 31);
  assert.equal(doc.casualtySummary.incidents[0].killed.best, 31);
  // The reader moves a figure to an incident of its own: two tables, the total under them;
  // the export keeps the move; undo puts it back.
  await page.click('#casualty-summary tr[data-category="killed"] button:has-text("6 (exact)")');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'six children');
  await page.selectOption('#f-incident', 'i2');
  await page.click('#editor button:has-text("Set casualty")');
  await page.waitForSelector('#casualty-summary table[data-incident="i2"]');
  assert.deepEqual(await page.$$eval('#casualty-summary caption', (cs) => cs.map((c) => c.textContent)), ['Incident 1: 2025-03-14', 'Incident 2: 2025-03-14']);
  assert.equal(await page.textContent('#casualty-total'), 'Article total (the incidents’ best added): killed 37');
  const moved = JSON.parse(await page.evaluate(() => window.gloss.exportJson()));
  assert.equal(moved.annotations.find((a) => a.quote === 'six children').casualty.incident, 'i2');
  assert.equal(moved.casualtySummary.total.killed, 37);
  await page.locator('#casualty-summary').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(root, 'target/screenshot-incidents.png') });
  await page.click('#undo');
  await page.waitForFunction(() => document.querySelectorAll('#casualty-summary table').length === 1);
  // Or to another scope: a background figure leaves the incident's table.
  await page.click('#casualty-summary tr[data-category="killed"] button:has-text("6 (exact)")');
  await page.selectOption('#f-scope', 'background');
  assert.ok(await page.isDisabled('#f-incident'), 'only an incident figure has an incident');
  await page.click('#editor button:has-text("Set casualty")');
  await page.waitForFunction(() => !document.querySelector('#casualty-summary tr[data-category="killed"]').textContent.includes('6 (exact)'));
  assert.equal(JSON.parse(await page.evaluate(() => window.gloss.exportJson())).annotations.find((a) => a.quote === 'six children').casualty.scope, 'background');
  await page.click('#undo');
  // In the editor's fields Enter applies them and Escape puts back what the annotation holds.
  const sixCount = async () => JSON.parse(await page.evaluate(() => window.gloss.exportJson())).annotations.find((a) => a.quote === 'six children').casualty.count;
  await page.click('#casualty-summary tr[data-category="killed"] button:has-text("6 (exact)")');
  await page.fill('#f-count', '7');
  await page.press('#f-count', 'Enter');
  await page.waitForFunction(() => document.querySelector('#casualty-summary tr[data-category="killed"]').textContent.includes('7 (exact)'));
  assert.equal(await sixCount(), 7);
  await page.fill('#f-count', '9');
  await page.press('#f-count', 'Escape');
  assert.equal(await page.inputValue('#f-count'), '7');
  assert.equal(await sixCount(), 7);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'six children');
  await page.click('#undo');
  assert.equal(await sixCount(), 6);
  await page.locator('#casualty-summary').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(root, 'target/screenshot-cumulative.png') });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('pasted markup is shown as text, never run', async () => {
  const page = await fresh();
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> Putin met Erdogan in Sochi.';
  await page.evaluate((t) => window.gloss.annotate(t, ''), hostile);
  assert.equal(await page.$eval('#article', (a) => a.textContent), hostile);
  assert.equal(await page.locator('#article img, #article script').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(requests, []);
  await page.close();
});

test('keyboard and mouse: widen, narrow, drag the ends of and reject a highlight', async () => {
  const page = await fresh();
  await page.evaluate(() => window.gloss.annotate('Officials said Vladimir Putin spoke in Sochi on Saturday.', '2025-07-20'));
  const putin = page.locator('#article mark[data-label="PERSON"]');
  const id = await putin.getAttribute('data-ann-id');
  await putin.focus();
  await page.keyboard.press('Alt+ArrowRight');
  assert.equal(await page.textContent(`#article mark[data-ann-id="${id}"]`), 'Vladimir Putin spoke');
  await page.keyboard.press('Alt+Shift+ArrowLeft');
  assert.equal(await page.textContent(`#article mark[data-ann-id="${id}"]`), 'Vladimir Putin');
  await page.keyboard.press('Alt+ArrowLeft');
  assert.equal(await page.textContent(`#article mark[data-ann-id="${id}"]`), 'said Vladimir Putin');
  // Drag the end handle with the mouse to the end of "spoke", then back to "Putin".
  await putin.click();
  const spot = (word) => page.evaluate((w) => {
    const walk = document.createTreeWalker(document.getElementById('article'), NodeFilter.SHOW_TEXT);
    let n;
    while ((n = walk.nextNode())) {
      const i = n.data.indexOf(w);
      if (i >= 0) { const r = document.createRange(); r.setStart(n, i + w.length - 1); r.setEnd(n, i + w.length); const b = r.getBoundingClientRect(); return { x: b.right - 1, y: b.top + b.height / 2 }; }
    }
    return null;
  }, word);
  const handle = await page.$eval('#handle-end', (h) => { const b = h.getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2, hidden: h.hidden }; });
  assert.equal(handle.hidden, false);
  const to = await spot('spoke');
  await page.mouse.move(handle.x, handle.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  assert.equal(await page.textContent(`#article mark[data-ann-id="${id}"]`), 'said Vladimir Putin spoke');
  await page.keyboard.press('Control+z');
  assert.equal(await page.textContent(`#article mark[data-ann-id="${id}"]`), 'said Vladimir Putin');
  await page.focus(`#article mark[data-ann-id="${id}"]`);
  // Delete rejects: the highlight stays, struck through, and leaves the export.
  await page.keyboard.press('Delete');
  assert.equal(await page.getAttribute(`#article mark[data-ann-id="${id}"]`, 'data-status'), 'rejected');
  assert.ok(!JSON.parse(await page.evaluate(() => window.gloss.exportJson())).annotations.some((a) => a.id === id));
  await page.keyboard.press('Control+z');
  assert.equal(await page.getAttribute(`#article mark[data-ann-id="${id}"]`, 'data-status'), 'accepted');
  assert.equal(await page.textContent(`#article mark[data-ann-id="${id}"]`), 'said Vladimir Putin');
  // An edit the core refuses shows its message and changes nothing.
  const before = await page.evaluate(() => window.gloss.exportJson());
  const msg = await page.evaluate(() => { try { window.gloss.edit({ op: 'add', start: 3, end: 3, label: 'ORG' }); return null; } catch (e) { return e.message; } });
  assert.match(msg, /empty/);
  assert.equal(await page.evaluate(() => window.gloss.exportJson()), before);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('the served copy works on 127.0.0.1 and loads only its own files', async () => {
  const { spawn } = await import('node:child_process');
  const port = 18000 + Math.floor(Math.random() * 1000);
  const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', join(root, 'dist')], { stdio: 'ignore' });
  try {
    const page = await ctx.newPage();
    const seen = [];
    page.on('request', (r) => seen.push(r.url()));
    for (let i = 0; ; i++) {
      try { await page.goto(`http://127.0.0.1:${port}/`); break; } catch (e) { if (i > 50) throw e; await new Promise((r) => setTimeout(r, 100)); }
    }
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
    const doc = await page.evaluate(() => window.gloss.annotate('Putin met Erdogan in Sochi on Saturday.', '2025-07-20'));
    assert.ok(doc.annotations.some((a) => a.quote === 'Sochi' && a.label === 'PLACE'));
    // A long text goes to the worker, made from the page's own code.
    await page.waitForSelector('body[data-worker="ready"]', { timeout: 20000 });
    const [long, here] = await page.evaluate(async (t) => [await window.gloss.annotate(t, '2025-07-20'), JSON.parse(window.gloss.annotateToJson(t, '2025-07-20'))], Array(30).fill(article).join('\n\n'));
    assert.ok(long.annotations.length > 30 * 100);
    assert.deepEqual(long.annotations.map((a) => [a.start, a.end, a.label]), here.annotations.map((a) => [a.start, a.end, a.label]));
    assert.ok(seen.every((u) => u.startsWith(`http://127.0.0.1:${port}/`) || u.startsWith('blob:')), seen.join(' '));
    await page.close();
  } finally {
    server.kill();
    // This page was served on purpose; the file:// pages of the other tests must stay silent.
    const own = (u) => u.startsWith(`http://127.0.0.1:${port}/`);
    for (let i = requests.length - 1; i >= 0; i--) if (own(requests[i])) requests.splice(i, 1);
  }
});

test('a long text is annotated in a worker: progress, the page answers meanwhile, cancel by pasting, errors', async () => {
  const page = await fresh();
  await page.waitForSelector('body[data-worker="ready"]', { timeout: 20000 });
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /worker-src blob:/);
  // About 1 MB: long enough for the progress bar to show.
  const long = Array(Math.ceil(1_000_000 / article.length)).fill(article).join('\n\n');
  await page.evaluate((t) => { document.getElementById('input').value = t; }, long);
  await page.fill('#reference-date', '2025-07-20');
  await page.click('#annotate');
  await page.waitForSelector('#progress-box:not([hidden])');
  // The page's thread is free while the worker runs: it answers before the work is done.
  assert.equal(await page.evaluate(() => document.body.dataset.busy), 'true');
  const shown = await page.$eval('#progress', (p) => p.value);
  assert.ok(shown >= 0 && shown <= 1);
  await page.waitForFunction(() => !document.body.dataset.busy && /annotations in/.test(document.getElementById('message').textContent), null, { timeout: 60000 });
  assert.equal(await page.isHidden('#progress-box'), true);
  const doc = JSON.parse(await page.evaluate(() => window.gloss.exportJson()));
  const here = JSON.parse(await page.evaluate((t) => window.gloss.annotateToJson(t, '2025-07-20'), long));
  // Two workers shared it (each half of the sentences), and what they found is exactly what the
  // core finds alone: every annotation with its rule and attributes, every entity.
  assert.equal((await page.evaluate(() => window.gloss.timing())).split, true);
  assert.deepEqual(doc.annotations, here.annotations);
  assert.deepEqual(doc.entities, here.entities);
  // The whole article is drawn, slice by slice.
  await page.waitForFunction((n) => document.getElementById('article').textContent.length === n, long.length);
  // An edit on a long document answers at once.
  const a = doc.annotations[doc.annotations.length - 1];
  await page.evaluate((id) => window.gloss.edit({ op: 'reject', id }), a.id);
  assert.equal(await page.evaluate((id) => window.gloss.view().annotations.find((x) => x.id === id).status, a.id), 'rejected');
  await page.waitForSelector(`#article mark[data-ann-id="${a.id}"][data-status="rejected"]`);
  // Pasting a new text cancels the annotation under way; the document on screen stays.
  const pending = page.evaluate((t) => window.gloss.show(t, '2025-07-20'), long + '\n\nOne more line.');
  await page.waitForFunction(() => document.body.dataset.busy === 'true');
  await page.dispatchEvent('#input', 'paste');
  assert.equal(await pending, false);
  assert.match(await page.textContent('#message'), /cancelled/);
  assert.equal(await page.evaluate(() => document.body.dataset.busy), undefined);
  assert.equal(JSON.parse(await page.evaluate(() => window.gloss.exportJson())).text.length, doc.text.length);
  // A fresh worker takes over: the next long text is annotated.
  const next = await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), long.slice(0, 200_000));
  assert.ok(next.annotations.length > 100);
  // A failure in the worker is said, and the document stays as it was.
  const err = await page.evaluate((t) => window.gloss.annotate(t, '2025-99-99').then(() => 'no error', (e) => e.message), long);
  assert.match(err, /date/i);
  assert.equal(JSON.parse(await page.evaluate(() => window.gloss.exportJson())).text, next.text);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('keyboard-only review of the example article: accept, reject, relabel, create, resize, undo', async () => {
  const page = await fresh();
  await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), article);
  const total = await page.locator('#article mark[data-ann-id]').count();
  assert.match(await page.textContent('#review-count'), new RegExp(`^${total} to review`));
  const focusedId = () => page.evaluate(() => document.activeElement.dataset.annId);
  const status = (id) => page.getAttribute(`#article mark[data-ann-id="${id}"]`, 'data-status');
  // J goes to the first suggestion in text order; A accepts it and moves on.
  await page.keyboard.press('j');
  const first = await focusedId();
  assert.equal(first, await page.$eval('#article mark[data-ann-id]', (m) => m.dataset.annId));
  await page.keyboard.press('a');
  assert.equal(await status(first), 'accepted');
  const second = await focusedId();
  assert.notEqual(second, first);
  // X rejects and moves on; Enter accepts.
  await page.keyboard.press('x');
  assert.equal(await status(second), 'rejected');
  // Undo puts the focus back on the one it restored: the next X rejects that one again.
  await page.keyboard.press('Control+z');
  assert.equal(await status(second), 'suggested');
  assert.equal(await focusedId(), second);
  await page.keyboard.press('x');
  assert.equal(await status(second), 'rejected');
  const third = await focusedId();
  await page.keyboard.press('Enter');
  assert.equal(await status(third), 'accepted');
  // K goes back to the previous suggestion still waiting, J forward again.
  const fourth = await focusedId();
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  assert.equal(await focusedId(), fourth);
  // A number key relabels the focused one (3 = PLACE) and counts as reviewed.
  await page.keyboard.press('3');
  assert.equal(await page.getAttribute(`#article mark[data-ann-id="${fourth}"]`, 'data-label'), 'PLACE');
  assert.equal(await status(fourth), 'accepted');
  assert.match(await page.textContent('#review-count'), new RegExp(`^${total - 4} to review · 3 accepted · 1 rejected`));
  // Create by keyboard: focus the text, move the caret by words to "tribal", select two words, press 4.
  await page.focus('#article');
  const plain = await page.$eval('#article', (a) => a.textContent);
  const target = plain.indexOf('tribal fighters');
  let caret = 0;
  await page.keyboard.press('Home');
  for (let i = 0; i < 400 && caret < target; i++) {
    await page.keyboard.press('Alt+ArrowRight');
    caret = Number((await page.getAttribute('#article', 'aria-description')).match(/caret at (\d+)/)[1]);
  }
  // Word steps stop at word ends: step back over the word to its start, then select two words.
  await page.keyboard.press('Alt+ArrowLeft');
  caret = Number((await page.getAttribute('#article', 'aria-description')).match(/caret at (\d+)/)[1]);
  while (caret < target) {
    await page.keyboard.press('ArrowRight');
    caret = Number((await page.getAttribute('#article', 'aria-description')).match(/caret at (\d+)/)[1]);
  }
  assert.equal(caret, target);
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await page.keyboard.press('Shift+Alt+ArrowRight');
  assert.equal(await page.evaluate(() => window.getSelection().toString()), 'tribal fighters');
  await page.keyboard.press('4');
  const made = page.locator('#article mark[data-label="GROUP"]:text-is("tribal fighters")');
  assert.equal(await made.count(), 1);
  // Resize it by keyboard, then undo the resize.
  const madeId = await made.getAttribute('data-ann-id');
  await made.focus();
  await page.keyboard.press('Alt+ArrowLeft');
  const widened = await page.textContent(`#article mark[data-ann-id="${madeId}"]`);
  assert.ok(widened.endsWith(' tribal fighters') && widened.length > 'tribal fighters'.length, widened);
  await page.keyboard.press('Control+z');
  assert.equal(await page.textContent(`#article mark[data-ann-id="${madeId}"]`), 'tribal fighters');
  // Escape cancels a selection in progress.
  await page.focus('#article');
  await page.keyboard.press('Shift+ArrowRight');
  assert.notEqual(await page.evaluate(() => window.getSelection().toString()), '');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => window.getSelection().toString()), '');
  // The export keeps the review: accepted ones say so, the rejected one is left out.
  const doc = JSON.parse(await page.evaluate(() => window.gloss.exportJson()));
  assert.equal(doc.annotations.find((a) => a.id === first).status, 'accepted');
  assert.ok(!doc.annotations.some((a) => a.id === second));
  assert.equal(doc.annotations.filter((a) => a.status === "suggested").length, total - 4);
  // Asked for, the gloss export keeps the rejected one, marked so.
  await page.check('#export-rejected');
  await page.selectOption('#export-format', 'gloss');
  const [withRejected] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const all = JSON.parse(readFileSync(await withRejected.path(), 'utf8'));
  assert.equal(all.annotations.find((a) => a.id === second).status, 'rejected');
  await page.uncheck('#export-rejected');
  // The rejected one survives a reload (autosave keeps it, struck through).
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute(`#article mark[data-ann-id="${second}"]`, 'data-status'), 'rejected');
  // ? lists the shortcuts; Escape closes the list.
  await page.focus('#article');
  await page.keyboard.press('?');
  assert.ok(await page.isVisible('#help'));
  assert.match(await page.textContent('#help'), /reject the focused suggestion/);
  await page.keyboard.press('Escape');
  assert.ok(!(await page.isVisible('#help')));
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('every format exports; importable ones round-trip; offsets are code points on emoji and Arabic', async () => {
  const page = await fresh();
  const text = '👨‍👩‍👧 🇸🇾 Erdogan met Vladimir Putin in Sochi on Saturday.\nMore than 900 people were killed in Sweida. قال أردوغان إن تركيا';
  await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), text);
  // An Arabic name added by hand, by its UTF-16 position as the page counts.
  const at = text.indexOf('أردوغان');
  await page.evaluate(([s, e]) => window.gloss.edit({ op: 'add', start: s, end: e, label: 'PERSON' }), [at, at + 'أردوغان'.length]);
  const base = JSON.parse(await page.evaluate(() => window.gloss.exportJson()));
  const key = (d) => d.annotations.map((a) => `${a.label} ${a.start} ${a.end} ${a.quote}`).sort();
  assert.ok(base.annotations.some((a) => a.quote === 'أردوغان' && cpSlice(text, a.start, a.end) === 'أردوغان'));
  const outs = {};
  for (const f of ['gloss', 'jsonl', 'w3c', 'doccano', 'labelstudio', 'prodigy', 'brat', 'conll', 'csv']) {
    outs[f] = await page.evaluate((f) => window.gloss.exportAs(f), f);
    assert.ok(outs[f].length > 0, f);
  }
  // W3C and brat in code points, each checked against its quote.
  const w3c = JSON.parse(outs.w3c);
  for (const item of w3c.first.items) {
    const [quote, pos] = item.target.selector;
    assert.equal(cpSlice(text, pos.start, pos.end), quote.exact);
  }
  for (const line of outs.brat.split('\n').filter((l) => l.startsWith('T'))) {
    const [, mid, quote] = line.split('\t');
    const [, s, e] = mid.split(' ');
    assert.equal(cpSlice(text, Number(s), Number(e)).replace(/\n/g, ' '), quote);
  }
  for (const sp of JSON.parse(outs.prodigy).spans) assert.equal(cpSlice(text, sp.start, sp.end), sp.text);
  for (const [s, e] of JSON.parse(outs.doccano).label.map(([s, e]) => [s, e])) assert.ok(cpSlice(text, s, e).trim().length > 0);
  assert.match(outs.conll, /Vladimir B-PER\nPutin I-PER/);
  assert.match(outs.csv, /^document,id,label,start,end,quote/);
  // Round trip of each importable format: the same spans come back.
  for (const f of ['gloss', 'jsonl', 'w3c', 'doccano', 'labelstudio', 'brat']) {
    await page.evaluate(([f, c]) => window.gloss.importAs(f, c), [f, outs[f]]);
    const back = JSON.parse(await page.evaluate(() => window.gloss.exportJson()));
    assert.equal(back.text, text, f);
    assert.deepEqual(key(back), key(base), f);
  }
  // A bad file in any format leaves the work as it was.
  const before = await page.evaluate(() => window.gloss.exportJson());
  for (const [f, c] of [['doccano', '{"text":"x","label":[[0,5,"ORG"]]}'], ['brat', 'T1\tORG 0 3\tzzz'], ['w3c', '{"type":"AnnotationCollection","first":{"items":[{"target":{"source":"urn:sha256:00","selector":[]}}]}}'], ['labelstudio', '[]']]) {
    const msg = await page.evaluate(([f, c]) => { try { window.gloss.importAs(f, c); return null; } catch (e) { return e.message; } }, [f, c]);
    assert.ok(msg, f);
    assert.equal(await page.evaluate(() => window.gloss.exportJson()), before, f);
  }
  // The page's export menu downloads a real file; the file picker detects the format.
  await page.selectOption('#export-format', 'doccano');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  assert.match(dl.suggestedFilename(), /\.jsonl$/);
  const fileText = readFileSync(await dl.path(), 'utf8');
  assert.equal(JSON.parse(fileText).text, text);
  await page.evaluate(() => window.gloss.annotate('Nothing here.', ''));
  await page.setInputFiles('#import-file', { name: 'back.jsonl', mimeType: 'application/json', buffer: Buffer.from(fileText) });
  await page.waitForFunction((t) => document.getElementById('article').textContent === t, text);
  assert.match(await page.textContent('#message'), /doccano/);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('accessibility: axe-core finds no serious violations, in the light and the dark theme', async () => {
  const page = await fresh();
  await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), article);
  await page.keyboard.press('j'); // a selected annotation, so the editor is filled in too
  await page.keyboard.press('x'); // and a rejected one, struck through
  await page.keyboard.press('k');
  // axe-core from npm, evaluated through the test driver (the page's CSP lets no script in).
  const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const audit = async () => page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(await audit(), []);
  // The theme switch: auto → light → dark; the dark theme gets its own highlight colours.
  const modes = [];
  for (let i = 0; i < 3 && !(await page.evaluate(() => document.documentElement.classList.contains('dark'))); i++) {
    await page.click('#theme');
    modes.push(await page.textContent('#theme'));
  }
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('dark')), modes.join(' '));
  // (An accepted highlight has the full fill; a suggestion half of it.)
  await page.evaluate(() => {
    const id = document.querySelector('#article mark[data-label="PERSON"].suggested').dataset.annId;
    window.gloss.edit({ op: 'accept', id });
  });
  const { bg, want } = await page.evaluate(() => {
    const m = document.querySelector('#article mark[data-label="PERSON"].accepted');
    const l = window.gloss.view().labels.find((x) => x.label === 'PERSON');
    return { bg: getComputedStyle(m).backgroundColor, want: l.theme.darkBg };
  });
  const hex = (rgb) => '#' + rgb.match(/\d+/g).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('');
  assert.equal(hex(bg), want);
  assert.deepEqual(await audit(), []);
  // The choice survives a reload.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('dark')));
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('custom labels: define with colour and key, apply by key, kept for the next document', async () => {
  const page = await fresh();
  await page.evaluate(() => window.gloss.annotate('Gunmen fired an AK-47 rifle at the convoy near Homs.', '2025-07-20'));
  await page.click('#labels-add summary');
  await page.fill('#new-label-name', 'weapon');
  await page.fill('#new-label-key', 'w');
  await page.click('#label-form button[type=submit]');
  await page.waitForSelector('#legend li[data-label="WEAPON"]');
  // A reserved key is refused with a message.
  await page.fill('#new-label-name', 'VEHICLE');
  await page.fill('#new-label-key', 'x');
  await page.click('#label-form button[type=submit]');
  assert.match(await page.textContent('#message'), /taken by the page/);
  // Select "AK-47 rifle" and press w.
  await page.evaluate(() => {
    const w = document.createTreeWalker(document.getElementById('article'), NodeFilter.SHOW_TEXT);
    let n;
    while ((n = w.nextNode()) && !n.data.includes('AK-47'));
    const i = n.data.indexOf('AK-47 rifle');
    const r = document.createRange();
    r.setStart(n, i); r.setEnd(n, i + 'AK-47 rifle'.length);
    getSelection().removeAllRanges(); getSelection().addRange(r);
  });
  await page.keyboard.press('w');
  await page.waitForSelector('#article mark[data-label="WEAPON"]');
  const doc = JSON.parse(await page.evaluate(() => window.gloss.exportJson()));
  assert.deepEqual(doc.labels, [{ name: 'WEAPON', color: '#0f766e', key: 'w' }]);
  assert.ok(doc.annotations.some((a) => a.label === 'WEAPON' && a.quote === 'AK-47 rifle' && a.status === 'accepted'));
  // The next document has the label too.
  await page.evaluate(() => window.gloss.annotate('Another text.', ''));
  assert.equal(await page.locator('#legend li[data-label="WEAPON"]').count(), 1);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('several documents: open .txt and .html files, switch, drop a file, export all, survive a reload', async () => {
  const page = await fresh();
  await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), article);
  const html = '<html><head><script>window.__ran=1</script><style>b{}</style></head><body><nav><a href="javascript:alert(1)">Menu</a></nav>'
    + '<h1>Clashes in Homs</h1><p>At least 12 people were killed in Homs on Friday, officials said.</p><img src=x onerror="window.__ran=2"></body></html>';
  await page.setInputFiles('#import-file', [
    { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('Vladimir Putin met Recep Tayyip Erdogan in Sochi.') },
    { name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html) },
  ]);
  await page.waitForFunction(() => window.gloss.documents().length === 3);
  // The HTML file became its text: no markup, nothing run, annotated.
  const text = await page.$eval('#article', (a) => a.textContent);
  assert.equal(text, 'Menu\n\nClashes in Homs\n\nAt least 12 people were killed in Homs on Friday, officials said.');
  assert.equal(await page.evaluate(() => window.__ran), undefined);
  assert.ok(await page.locator('#article mark[data-label="CASUALTY"]').count() === 1);
  // Switch to the first document through the list; its annotations come back.
  const titles = await page.$$eval('#doc-list button[data-doc-id]', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(titles, ['Erdogan Says Putin Asked Him to Cooperate with Assad Regime', 'Vladimir Putin met Recep Tayyip Erdogan in Sochi.', 'Menu']);
  await unfold(page, 'docs-drawer');
  await page.click('#doc-list button[data-doc-id] >> nth=0');
  assert.equal(await page.$eval('#article', (a) => a.textContent), article);
  assert.equal(await page.getAttribute('#doc-list button[data-doc-id] >> nth=0', 'aria-current'), 'true');
  // Drop a doccano file with two documents: both are added.
  const doccano = '{"id":1,"text":"Putin spoke.","label":[[0,5,"PERSON"]]}\n{"id":2,"text":"Gaza shelled.","label":[[0,4,"PLACE"]]}\n';
  await page.evaluate((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'batch.jsonl', { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, doccano);
  await page.waitForFunction(() => window.gloss.documents().length === 5);
  assert.equal(await page.$eval('#article', (a) => a.textContent), 'Putin spoke.');
  // Export all as JSONL: one gloss document a line, every quote right.
  await page.selectOption('#export-format', 'jsonl');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-all')]);
  const lines = readFileSync(await dl.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 5);
  for (const d of lines) for (const a of d.annotations) assert.equal(cpSlice(d.text, a.start, a.end), a.quote);
  assert.deepEqual(lines.map((d) => d.text.slice(0, 12)), [article.slice(0, 12), 'Vladimir Put', 'Menu\n\nClashe', 'Putin spoke.', 'Gaza shelled']);
  // A reload reopens the last document, with the list intact; deleting one removes it.
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.$eval('#article', (a) => a.textContent), 'Putin spoke.');
  assert.equal(await page.locator('#doc-list button[data-doc-id]').count(), 5);
  await unfold(page, 'docs-drawer');
  await page.click('#doc-list li >> nth=3 >> button.small');
  assert.equal(await page.locator('#doc-list button[data-doc-id]').count(), 4);
  // The drawer finds documents by their title and sorts them; each row says when it was saved
  // and how far its review is.
  assert.match(await page.textContent('#doc-list li >> nth=0'), /\d{4}-\d\d-\d\d \d\d:\d\d · \d+ to review · \d+ reviewed/);
  await page.fill('#doc-search', 'SOCHI');
  assert.deepEqual(await page.$$eval('#doc-list button[data-doc-id]', (bs) => bs.map((b) => b.textContent)), ['Vladimir Putin met Recep Tayyip Erdogan in Sochi.']);
  await page.fill('#doc-search', '');
  await page.selectOption('#doc-sort', 'title');
  const sorted = await page.$$eval('#doc-list button[data-doc-id]', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(sorted, [...sorted].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  await page.selectOption('#doc-sort', 'to-review');
  const pending = await page.$$eval('#doc-list li .count', (cs) => cs.map((c) => Number((c.textContent.match(/(\d+) to review/) || [0, 0])[1])));
  assert.deepEqual(pending, [...pending].sort((a, b) => b - a));
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('a report to share: one HTML file that opens without gloss, runs nothing, loads nothing, prints', async () => {
  const page = await fresh();
  await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), article);
  await page.selectOption('#export-format', 'report');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  assert.match(dl.suggestedFilename(), /\.html$/);
  const path = join(profile, 'report.html');
  await dl.saveAs(path);
  const report = await ctx.newPage();
  const seen = [];
  report.on('request', (r) => { if (!r.url().startsWith('file:')) seen.push(r.url()); });
  await report.goto(pathToFileURL(path).href);
  assert.equal(await report.locator('script, img, link, iframe').count(), 0);
  assert.equal(await report.$eval('article', (a) => a.textContent), article);
  assert.ok(await report.locator('article mark').count() > 50);
  assert.match(await report.textContent('body'), /Casualties[\s\S]*killed[\s\S]*900/);
  assert.match(await report.textContent('body'), /Dates[\s\S]*2025-07-19/);
  assert.match(await report.textContent('body'), /Entities[\s\S]*Recep Tayyip Erdogan/);
  // The print stylesheet drops the frame around the article and keeps the highlight colours.
  await report.emulateMedia({ media: 'print' });
  const style = await report.$eval('article', (a) => ({ border: getComputedStyle(a).borderTopStyle, adjust: getComputedStyle(a.querySelector('mark')).printColorAdjust }));
  assert.deepEqual(style, { border: 'none', adjust: 'exact' });
  assert.deepEqual(seen, []);
  await report.close();
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('side panel: search the text, filter by label, split a mention out of its entity and merge it back', async () => {
  const page = await fresh();
  await page.evaluate(() => window.gloss.annotate('Vladimir Putin met Erdogan in Sochi. Putin left. Recep Tayyip Erdogan stayed. Putin returned.', ''));
  await page.fill('#search', 'putin');
  assert.equal(await page.textContent('#search-count'), '3 matches');
  assert.equal(await page.evaluate(() => CSS.highlights.get('search').size), 3);
  await page.press('#search', 'Enter');
  assert.equal(await page.textContent('#search-count'), '1 of 3');
  await page.keyboard.press('n');
  assert.equal(await page.textContent('#search-count'), '2 of 3');
  assert.equal(await page.evaluate(() => window.getSelection().toString()), 'Putin');
  // Hide PLACE highlights: Sochi loses its colour, the entity list drops places.
  await page.uncheck('#legend li[data-label="PLACE"] input');
  assert.ok(await page.$eval('#article mark[data-label="PLACE"]', (m) => m.classList.contains('off')));
  assert.ok(!(await page.textContent('#by-entity')).includes('Sochi'));
  await page.check('#legend li[data-label="PLACE"] input');
  // Split the last Putin out of Vladimir Putin, then merge it back, from the editor.
  const last = page.locator('#article mark[data-label="PERSON"]', { hasText: /^Putin$/ }).last();
  await last.focus();
  assert.match(await page.textContent('#editor'), /Entity: Vladimir Putin \(×3\)/);
  await page.click('#editor >> text=Split out');
  // The side panels are drawn just after the article: wait for them.
  const panelSays = (re) => page.waitForFunction((src) => new RegExp(src).test(document.getElementById('by-entity').textContent), re.source);
  await panelSays(/Vladimir Putin ×2/);
  const doc = JSON.parse(await page.evaluate(() => window.gloss.exportJson()));
  assert.equal(doc.entityEdits.split.length, 1);
  await page.waitForSelector('#editor select[aria-label="Merge this entity with another"] option:text-is("Vladimir Putin (×2)")', { state: 'attached' });
  await page.selectOption('#editor select[aria-label="Merge this entity with another"]', { label: 'Vladimir Putin (×2)' });
  await panelSays(/Vladimir Putin ×3/);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('work is never lost: each edit kept at once, restored after a reload and a crash of the tab', async () => {
  const page = await fresh();
  const doc = await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), article);
  const [a, b, c] = [doc.annotations[3], doc.annotations[10], doc.annotations[20]];
  // The document is written whole just after it is shown...
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('gloss.doc.')));
  await page.evaluate(([a, b, c]) => {
    window.gloss.edit({ op: 'reject', id: a });
    window.gloss.edit({ op: 'relabel', id: b, label: 'GROUP' });
    window.gloss.edit({ op: 'accept', id: c });
    window.gloss.undo();
  }, [a.id, b.id, c.id]);
  // ...and each action at once: the journal holds the four, with no wait.
  const journals = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('gloss.log.')).map((k) => JSON.parse(localStorage.getItem(k))));
  assert.deepEqual(journals.map((j) => j.length), [4]);
  const state = () => page.evaluate(() => window.gloss.view().annotations.map((x) => [x.id, x.label, x.status].join(' ')).join('\n'));
  const before = await state();
  assert.match(before, new RegExp(`${a.id} \\S+ rejected`));
  // The tab crashes (the renderer is killed): a new tab restores every change.
  const cdp = await ctx.newCDPSession(page);
  const crashed = new Promise((r) => page.once('crash', r));
  cdp.send('Page.crash').catch(() => {});
  await crashed;
  const again = await open();
  const restored = () => again.evaluate(() => window.gloss.view().annotations.map((x) => [x.id, x.label, x.status].join(' ')).join('\n'));
  assert.equal(await restored(), before);
  assert.match(await again.textContent('#message'), /Restored|Opened/);
  // One more edit, then a reload: kept too.
  await again.evaluate((id) => window.gloss.edit({ op: 'reject', id }), c.id);
  const edited = await restored();
  await again.reload();
  await again.waitForSelector('body[data-ready="true"]');
  assert.equal(await restored(), edited);
  assert.deepEqual(again.errors, []);
  assert.deepEqual(requests, []);
  await again.close();
});

test('storage full: said clearly, export still works, replacing the unsaved work asks first; a new text is a new document', async () => {
  const page = await fresh();
  const doc = await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), article);
  const a = doc.annotations[5];
  // Annotating the same text again keeps the user's corrections and the ids, asking nothing.
  await page.evaluate((id) => window.gloss.edit({ op: 'reject', id }), a.id);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.click('#annotate');
  await page.waitForFunction(() => /carried over/.test(document.getElementById('message').textContent));
  assert.equal(dialogs.length, 0);
  assert.equal(await page.evaluate((id) => window.gloss.view().annotations.find((x) => x.id === id).status, a.id), 'rejected');
  // Fill the browser's storage.
  await page.evaluate(() => {
    for (const size of [1 << 20, 1 << 14, 1 << 8, 16, 1]) {
      try { for (let i = 0; ; i++) localStorage.setItem(`junk-${size}-${i}`, 'x'.repeat(size)); } catch (e) { /* full */ }
    }
  });
  const at = article.indexOf(' said') + 1;
  await page.evaluate((at) => window.gloss.edit({ op: 'add', start: at, end: at + 4, label: 'ORG' }), at);
  assert.match(await page.textContent('#message'), /Could not save in this browser: its storage is full[\s\S]*export/);
  // Export still works and holds the unsaved change.
  await page.selectOption('#export-format', 'gloss');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  const out = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.ok(out.annotations.some((x) => x.start === at && x.quote === 'said' && x.origin === 'user'));
  // A new document would replace the unsaved one: asked first; Cancel keeps it on screen.
  await unfold(page, 'docs-drawer');
  await page.click('#new-doc');
  assert.match(dialogs[0], /could not be saved/);
  assert.equal(await page.$eval('#article', (x) => x.textContent), article);
  // Room again: the next edit is kept and the message goes.
  await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('junk-')) localStorage.removeItem(k); });
  await page.evaluate((id) => window.gloss.edit({ op: 'accept', id }), doc.annotations[7].id);
  assert.doesNotMatch(await page.textContent('#message'), /Could not save/);
  // Another text pasted and annotated is a new document; the first stays as it was.
  await unfold(page, 'paste');
  await page.fill('#input', 'Three people were killed in Homs on Friday, officials said.');
  await page.click('#annotate');
  await page.waitForFunction(() => window.gloss.documents().length === 2);
  await unfold(page, 'docs-drawer');
  await page.click('#doc-list button[data-doc-id] >> nth=0');
  assert.equal(await page.evaluate((id) => window.gloss.view().annotations.find((x) => x.id === id).status, doc.annotations[7].id), 'accepted');
  assert.equal(dialogs.length, 1);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('a failure of the core is shown as a message; the work is kept and comes back on reload', async () => {
  const page = await fresh();
  const doc = await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), article);
  await page.evaluate((id) => window.gloss.edit({ op: 'reject', id }), doc.annotations[2].id);
  await page.evaluate(() => window.gloss.failForTest());
  assert.match(await page.textContent('#message'), /stopped on an internal error \([\s\S]*asked to fail[\s\S]*kept in this browser/);
  assert.equal(await page.getAttribute('body', 'data-broken'), 'true');
  await page.click('#reload');
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.evaluate((id) => window.gloss.view().annotations.find((x) => x.id === id).status, doc.annotations[2].id), 'rejected');
  // The panic is logged once, where it happened in the core (console_error_panic_hook); nothing else.
  assert.equal(page.errors.length, 1, page.errors.join('\n'));
  assert.match(page.errors[0], /panicked at [\s\S]*asked to fail[\s\S]*Stack/);
  assert.deepEqual(requests, []);
  await page.close();
});

test('the page cannot leak: its policy blocks every destination; nothing is requested while pasting, annotating, editing, importing, exporting', async () => {
  const page = await fresh();
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /^default-src 'none'; script-src 'sha256-[^;]+ 'wasm-unsafe-eval'; style-src 'sha256-[^;]+; worker-src blob:; img-src data: blob:; base-uri 'none'; form-action 'none'$/);
  assert.equal(await page.locator('link[href], script[src], img[src], iframe').count(), 0);
  // Whatever tries to reach out is stopped by the policy before any request is made.
  const blockedLog = [];
  page.on('requestfailed', (r) => blockedLog.push([r.url(), r.failure().errorText]));
  const violations = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.effectiveDirective));
    try { await fetch('http://127.0.0.1:9/leak'); } catch (e) { /* blocked */ }
    const img = new Image(); img.src = 'http://127.0.0.1:9/leak.png';
    try { new WebSocket('ws://127.0.0.1:9/leak'); } catch (e) { /* blocked */ }
    try { navigator.sendBeacon('http://127.0.0.1:9/leak', 'x'); } catch (e) { /* blocked */ }
    const s = document.createElement('script'); s.src = 'http://127.0.0.1:9/leak.js'; document.head.append(s);
    await new Promise((r) => setTimeout(r, 500));
    return [...new Set(seen)].sort();
  });
  assert.deepEqual(violations, ['connect-src', 'img-src', 'script-src-elem']);
  // The image and the script were refused by the policy inside the browser, never sent.
  const tried = requests.splice(0);
  assert.deepEqual(tried.sort(), ['http://127.0.0.1:9/leak.js', 'http://127.0.0.1:9/leak.png']);
  assert.deepEqual(blockedLog.map(([, why]) => why), ['csp', 'csp']);
  // (Chromium reports each blocked attempt on the console.)
  assert.ok(page.errors.length > 0 && page.errors.every((e) => /Content Security Policy/.test(e)), page.errors.join('\n'));
  page.errors.length = 0;
  // A whole session: paste, annotate, edit by keyboard, import a file, export, export all.
  await page.focus('#input');
  await page.evaluate((t) => { const dt = new DataTransfer(); dt.setData('text/plain', t); document.getElementById('input').value = t; document.getElementById('input').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true })); }, article);
  await page.click('#annotate');
  await page.waitForSelector('#article mark');
  await page.focus('#article mark >> nth=0');
  await page.keyboard.press('x');
  await page.keyboard.press('Control+z');
  await page.setInputFiles('#import-file', { name: 'batch.jsonl', mimeType: 'application/json', buffer: Buffer.from('{"text":"Putin spoke in Sochi.","label":[[0,5,"PERSON"]]}\n') });
  await page.waitForFunction(() => window.gloss.documents().length === 2, null, { timeout: 5000 }).catch(async (e) => { console.log(await page.evaluate(() => [JSON.stringify(window.gloss.documents()), document.getElementById('message').textContent])); throw e; });
  for (const f of ['gloss', 'w3c', 'report', 'csv']) {
    await page.selectOption('#export-format', f);
    await Promise.all([page.waitForEvent('download'), page.click('#export')]);
  }
  await Promise.all([page.waitForEvent('download'), page.click('#export-all')]);
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('hostile inputs in the page (tests/hostile/cases.json): handled, or refused with a message and the current document unchanged', async () => {
  const table = JSON.parse(readFileSync(join(root, 'tests/hostile/cases.json'), 'utf8')).cases;
  const bytesOf = (c) => c.input !== undefined ? Buffer.from(c.input, 'utf8')
    : c.generate ? Buffer.from(c.generate.repeat.repeat(c.generate.times), 'utf8')
      : Buffer.from(c.hex.replace(/\s+/g, ''), 'hex');
  const page = await fresh();
  await page.evaluate(() => window.gloss.annotate('Vladimir Putin met Recep Tayyip Erdogan in Sochi on Saturday.', '2025-07-20'));
  const current = () => page.evaluate(() => window.gloss.exportJson());
  for (const c of table) {
    const bytes = bytesOf(c);
    if (c.as.startsWith('import:')) {
      const before = await current();
      const docs = (await page.evaluate(() => window.gloss.documents())).length;
      await page.evaluate(() => { document.getElementById('message').textContent = ''; });
      const name = c.as === 'import:doccano' ? 'case.jsonl' : 'case.json';
      await page.setInputFiles('#import-file', { name, mimeType: 'application/json', buffer: bytes });
      await page.waitForFunction(() => document.getElementById('message').textContent !== '');
      assert.match(await page.textContent('#message'), new RegExp(c.error, 'i'), c.name);
      assert.equal(await page.getAttribute('#message', 'class'), 'error', c.name);
      assert.equal(await current(), before, `${c.name}: the document changed`);
      assert.equal((await page.evaluate(() => window.gloss.documents())).length, docs, c.name);
    } else if (c.pageError) {
      // Too long for the page: refused with a message that says what to do; nothing changes.
      const before = await current();
      const msg = await page.evaluate((t) => window.gloss.show(t, '2025-07-20').then(() => 'no error', (e) => e.message), bytes.toString('utf8'));
      assert.match(msg, new RegExp(c.pageError, 'i'), c.name);
      assert.equal(await current(), before, c.name);
    } else if (c.as === 'edit') {
      await page.evaluate((t) => window.gloss.annotate(t, '2025-07-20'), bytes.toString('utf8'));
      const before = await current();
      const msg = await page.evaluate((op) => { try { window.gloss.edit(op); return 'no error'; } catch (e) { return e.message; } }, c.edit);
      assert.match(msg, new RegExp(c.error, 'i'), c.name);
      assert.equal(await current(), before, `${c.name}: the document changed`);
    } else {
      // Text pasted, an HTML file, or a file that is not UTF-8 (the browser reads it with
      // replacement characters).
      if (c.as === 'text') await page.evaluate((t) => window.gloss.show(t, '2025-07-20'), bytes.toString('utf8'));
      else {
        await page.evaluate(() => { document.getElementById('message').textContent = ''; });
        await page.setInputFiles('#import-file', { name: c.as === 'html' ? 'case.html' : 'case.txt', mimeType: 'text/plain', buffer: bytes });
        await page.waitForFunction(() => /^Opened/.test(document.getElementById('message').textContent));
      }
      const want = c.as === 'text' ? bytes.toString('utf8') : c.as === 'html' ? c.textIs : new TextDecoder().decode(bytes);
      const got = JSON.parse(await current());
      assert.equal(got.text.trim(), want.trim(), c.name);
      const cps = [...got.text];
      for (const a of got.annotations) assert.equal(cps.slice(a.start, a.end).join(''), a.quote, c.name);
      assert.ok(got.annotations.length >= (c.minAnnotations || 0), `${c.name}: ${got.annotations.length} annotations`);
      if (got.text.length < 200000) assert.equal(await page.$eval('#article', (x) => x.textContent), got.text, c.name);
    }
    assert.equal(await page.evaluate(() => window.__pwned), undefined, c.name);
    assert.equal(await page.locator('#article img, #article script, #article a').count(), 0, c.name);
  }
  assert.deepEqual(page.errors, []);
  assert.deepEqual(requests, []);
  await page.close();
});

test('review layout at 1366×768 on a long article: bar, toolbar and editor stay in view, the article starts near the top, tooltips above', async () => {
  const page = await laptopWithLong(5);
  // The text box folds away, one click opens it again; the article starts near the top.
  assert.equal(await page.$eval('#paste', (d) => d.open), false);
  const articleTop = await page.$eval('#article', (a) => a.getBoundingClientRect().top + window.scrollY);
  assert.ok(articleTop < 200, `the article starts ${articleTop} px down`);
  // A highlight far down the page: clicked, the editor shows it, in view, with the bar and the toolbar.
  const last = page.locator('#article mark[data-label="CASUALTY"]').last();
  await last.scrollIntoViewIfNeeded();
  await last.click();
  const quote = await last.textContent();
  assert.ok(await page.evaluate(() => window.scrollY) > 5000, 'far down the article');
  const box = async (sel) => page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, height: r.height }; });
  const editor = await box('#editor-wrap');
  assert.ok(editor.top >= 0 && editor.top < 200, `editor at ${editor.top}`);
  assert.match(await page.textContent('#editor'), new RegExp(quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal((await box('.bar')).top, 0);
  const bar = await box('.bar');
  const toolbar = await box('#toolbar');
  assert.ok(toolbar.top >= bar.bottom - 1 && toolbar.bottom < 200, `toolbar at ${toolbar.top}`);
  for (const id of ['undo', 'export']) {
    const b = await box('#' + id);
    assert.ok(b.top >= 0 && b.bottom <= 768, `${id} in view`);
  }
  // The tooltip of a highlight sits above it, over the lines already read.
  const mid = page.locator('#article mark[data-label="PERSON"]').nth(40);
  await mid.scrollIntoViewIfNeeded();
  await mid.hover();
  await page.waitForSelector('#tooltip:not([hidden])');
  const tip = await box('#tooltip');
  const markTop = await mid.evaluate((m) => m.getBoundingClientRect().top);
  assert.ok(tip.bottom <= markTop + 1, `tooltip ${tip.top}–${tip.bottom} above the highlight at ${markTop}`);
  await page.screenshot({ path: join(root, 'target/screenshot-review-layout.png') });
  // Suggested and accepted look different; label tags print each span's label; a span nested
  // in one of the same label shows its own edges.
  const first = page.locator('#article mark[data-label="PERSON"]').first();
  const fillOf = (loc) => loc.evaluate((m) => getComputedStyle(m).backgroundColor);
  const suggestedFill = await fillOf(first);
  const firstId = await first.getAttribute('data-ann-id');
  await page.evaluate((id) => window.gloss.edit({ op: 'accept', id }), firstId);
  const accepted = page.locator(`#article mark[data-ann-id="${firstId}"]`);
  assert.notEqual(await fillOf(accepted), suggestedFill);
  assert.equal(await accepted.evaluate((m) => getComputedStyle(m, '::before').content), '"✓"');
  await page.click('#tags');
  assert.equal(await page.getAttribute('#tags', 'aria-pressed'), 'true');
  assert.equal(await accepted.evaluate((m) => getComputedStyle(m, '::after').content), '"PERSON"');
  const view = await page.evaluate(() => window.gloss.view());
  const erdogan = view.annotations.find((a) => a.label === 'PERSON' && a.quote === 'Recep Tayyip Erdogan');
  await page.evaluate(({ s, e }) => window.gloss.edit({ op: 'add', start: s, end: e, label: 'PERSON' }), { s: erdogan.start - 'Turkish President '.length, e: erdogan.end });
  const inner = page.locator(`#article mark[data-ann-id="${erdogan.id}"]`);
  assert.equal(await inner.evaluate((m) => m.parentElement.closest('mark.ann')?.dataset.label), 'PERSON');
  assert.notEqual(await inner.evaluate((m) => getComputedStyle(m).boxShadow), 'none');
  await inner.scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(root, 'target/screenshot-label-tags.png') });
  // The text box opens with one click, for editing the text.
  await page.click('#paste > summary');
  assert.equal(await page.$eval('#paste', (d) => d.open), true);
  // A narrow window: one column, the editor still above the article's lines in view.
  await page.setViewportSize({ width: 700, height: 900 });
  const narrow = await page.$eval('aside.right', (a) => getComputedStyle(a).position);
  assert.equal(narrow, 'static');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('keyboard: ↑/↓ and Page Down move the caret by line and screen; a search match is selected and labelled by key', async () => {
  const page = await laptopWithLong(3);
  await page.focus('#article');
  await page.keyboard.press('ArrowRight');
  const caretOf = () => page.$eval('#article', (a) => Number((a.getAttribute('aria-description') || '').match(/caret at (\d+)/)?.[1]));
  const lineTop = () => page.$eval('#caret', (c) => c.getBoundingClientRect().top);
  const c0 = await caretOf();
  const y0 = await lineTop();
  await page.keyboard.press('ArrowDown');
  const c1 = await caretOf();
  const y1 = await lineTop();
  assert.ok(c1 > c0 && y1 > y0 + 10, `down a line: ${c0}→${c1}, ${y0}→${y1}`);
  await page.keyboard.press('ArrowUp');
  assert.ok(Math.abs((await lineTop()) - y0) < 4 && (await caretOf()) < c1, 'back up the same line');
  // Page Down: a screen further, the page scrolled with it, the caret in view.
  const scroll0 = await page.evaluate(() => window.scrollY);
  await page.keyboard.press('PageDown');
  const c2 = await caretOf();
  assert.ok(c2 > c1 + 500, `a screen further: ${c2}`);
  assert.ok(await page.evaluate(() => window.scrollY) > scroll0 + 300);
  const y2 = await lineTop();
  assert.ok(y2 > 0 && y2 < 768, `caret in view at ${y2}`);
  // Shift+Down extends a selection over a line.
  await page.keyboard.press('Shift+ArrowDown');
  assert.ok(await page.evaluate(() => window.getSelection().toString().length) > 20);
  // Search words no highlight covers: Enter selects the first match, n the next, Shift+N the one
  // before; label the second 2 (ORG).
  await page.fill('#search', 'intelligence service');
  await page.press('#search', 'Enter');
  assert.match(await page.textContent('#search-count'), /^1 of \d+/);
  await page.keyboard.press('n');
  assert.match(await page.textContent('#search-count'), /^2 of \d+/);
  await page.keyboard.press('Shift+N');
  assert.match(await page.textContent('#search-count'), /^1 of \d+/);
  await page.keyboard.press('n');
  assert.equal(await page.evaluate(() => window.getSelection().toString()), 'intelligence service');
  const before = await page.locator('#article mark[data-label="ORG"]').count();
  await page.keyboard.press('2');
  assert.equal(await page.locator('#article mark[data-label="ORG"]').count(), before + 1);
  assert.ok(await page.evaluate(() => window.gloss.view().annotations.some((a) => a.label === 'ORG' && a.origin === 'user' && a.quote === 'intelligence service')));
  // A drag that starts on a highlight selects text; the label key labels that text and leaves
  // the highlight's label alone.
  await page.evaluate(() => window.scrollTo(0, 0));
  const person = page.locator('#article mark[data-label="PERSON"]').first();
  const personId = await person.getAttribute('data-ann-id');
  const b = await person.boundingBox();
  await page.mouse.move(b.x + 2, b.y + b.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width + 40, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  const dragged = await page.evaluate(() => window.getSelection().toString());
  assert.ok(dragged.length > (await person.textContent()).length, `dragged "${dragged}"`);
  await page.keyboard.press('3');
  const after = await page.evaluate(() => window.gloss.view().annotations);
  assert.equal(after.find((a) => a.id === personId).label, 'PERSON');
  assert.ok(after.some((a) => a.label === 'PLACE' && a.origin === 'user' && a.quote === dragged));
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('text edits keep the work: a typo fixed and a paragraph added, annotated again, keep the document and its reviews', async () => {
  const page = await fresh();
  await page.setViewportSize({ width: 1366, height: 768 });
  const text = 'Putin met Erdgan in Sochi on Friday. Three people were killed in Homs, officials said.';
  await page.fill('#input', text);
  await page.click('#annotate');
  await page.waitForSelector('#article mark[data-ann-id]');
  const view = () => page.evaluate(() => window.gloss.view().annotations);
  const idOf = async (q) => (await view()).find((a) => a.quote === q).id;
  // Review: accept Putin, reject Sochi, add PERSON on the misspelt name.
  await page.evaluate((id) => window.gloss.edit({ op: 'accept', id }), await idOf('Putin'));
  await page.evaluate((id) => window.gloss.edit({ op: 'reject', id }), await idOf('Sochi'));
  const s = text.indexOf('Erdgan');
  await page.evaluate(({ s }) => window.gloss.edit({ op: 'add', start: s, end: s + 6, label: 'PERSON' }), { s });
  // Open the text, fix the typo, add a dateline paragraph, annotate again: no question asked.
  await page.click('#paste > summary');
  const edited = 'MOSCOW, Saturday.\n\n' + text.replace('Erdgan', 'Erdogan');
  await page.fill('#input', edited);
  await page.click('#annotate');
  await page.waitForFunction((t) => document.getElementById('article').textContent === t, edited);
  const after = await view();
  const status = (q) => after.filter((a) => a.quote === q).map((a) => `${a.label} ${a.status} ${a.origin}`);
  assert.deepEqual(status('Putin'), ['PERSON accepted auto']);
  assert.deepEqual(status('Sochi'), ['PLACE rejected auto']);
  assert.ok(after.some((a) => a.quote === 'Homs' && a.status === 'suggested'));
  assert.match(await page.textContent('#message'), /carried over: 2 annotation\(s\) kept; 1 could not be placed: their words were edited\. The version before the edit is kept in Documents\./);
  // The same document, its reviews counted; the version before the edit kept beside it.
  const docs = await page.evaluate(() => window.gloss.documents());
  assert.deepEqual(docs.map((d) => d.title), ['MOSCOW, Saturday.', `${text.slice(0, 60)} (before the edit)`]);
  assert.match(await page.textContent('#review-count'), /1 accepted · 1 rejected/);
  // The same text once more: everything stays, nothing is asked.
  await page.click('#annotate');
  await page.waitForFunction(() => /carried over: 2 annotation\(s\) kept\.$/.test(document.getElementById('message').textContent));
  // Kept after a reload.
  await page.evaluate(() => window.gloss.saveNow());
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const reloaded = await view();
  assert.ok(reloaded.some((a) => a.quote === 'Sochi' && a.status === 'rejected'));
  // A long text (read by the workers): edited and annotated again, the work is carried too.
  const long = Array.from({ length: 4 }, () => article).join('\n\n');
  await unfold(page, 'paste');
  await page.fill('#input', long);
  await page.click('#annotate');
  await page.waitForFunction((n) => document.getElementById('article').textContent.length === n, long.length);
  const first = (await view()).find((a) => a.label === 'PERSON');
  await page.evaluate((id) => window.gloss.edit({ op: 'reject', id }), first.id);
  await unfold(page, 'paste');
  await page.fill('#input', long + '\n\nA last paragraph was added.');
  await page.click('#annotate');
  await page.waitForFunction(() => /carried over: 1 annotation\(s\) kept\.$/.test(document.getElementById('message').textContent), null, { timeout: 20000 });
  const kept = (await view()).find((a) => a.id === first.id);
  assert.equal(kept && kept.status, 'rejected');
  assert.equal(await page.locator(`#article mark[data-ann-id="${first.id}"].rejected`).count(), 1, 'drawn as rejected');
  assert.deepEqual(page.errors, []);
  await page.close();
});
