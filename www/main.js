// gloss page: start. Unpacks the core (in the single file, gzipped and written 7 bits a
// character; the served copy fetches it), starts it, takes its vocabulary, wires the page,
// restores the last document, and offers `window.gloss` to scripts and tests.
'use strict';

(function () {
  function setTheme(mode) {
    const root = document.documentElement;
    const dark = mode === 'dark' || (mode === 'auto' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    root.classList.toggle('dark', dark);
    $('theme').textContent = `Theme: ${mode}`;
    $('theme').setAttribute('aria-label', `Colour theme: ${mode} (now ${dark ? 'dark' : 'light'}); press to change`);
  }
  const themeMode = () => { try { return localStorage.getItem('gloss.theme') || 'auto'; } catch (e) { return 'auto'; } };

  // The inverse of build-page.mjs's code: 7 bits a character; four values that cannot stand in
  // a script travel in a two-byte character with the 7 bits that follow.
  function decode122(str, length) {
    const ILLEGAL = [0x00, 0x0a, 0x0d, 0x3c];
    const out = new Uint8Array(length);
    let acc = 0, n = 0, o = 0;
    const put = (v) => {
      acc = (acc << 7) | v;
      n += 7;
      if (n >= 8) { n -= 8; if (o < length) out[o++] = (acc >> n) & 0xff; acc &= (1 << n) - 1; }
    };
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      if (c < 0x80) { put(c); continue; }
      const x = c - 0x80;
      const k = x >> 7;
      if (k >= 4) { put(ILLEGAL[k - 4]); continue; }
      put(ILLEGAL[k]);
      put(x & 0x7f);
    }
    return out;
  }

  // The bar's height, for what sticks under it (CSS `--bar-h`).
  function keepBarHeight() {
    const bar = document.querySelector('.bar');
    const set = () => document.documentElement.style.setProperty('--bar-h', `${bar.offsetHeight}px`);
    new ResizeObserver(set).observe(bar);
    set();
  }

  function wire() {
    keepBarHeight();
    // Annotate: another text is a document of its own; the same text or an edit of it (a typo
    // fixed, a paragraph added) keeps the document, with the user's work moved to its words.
    $('annotate').addEventListener('click', () => {
      const t = $('input').value;
      const carry = !!app.text && app.session.isEdit(t);
      if (!carry && !store.mayReplace()) return;
      // (The version before an edit, kept as a document of its own if some work cannot move.)
      const before = carry && t !== app.text ? { saved: app.session.saveJson(), title: store.titleOf(app.text) } : null;
      const t0 = performance.now();
      work.annotate(t, $('reference-date').value, !carry && !!app.text, carry).then((done) => {
        if (!done) return;
        const c = app.carried;
        let kept = c ? ` Your work carried over: ${c.kept} annotation(s) kept` + (c.lost ? `; ${c.lost} could not be placed: their words were edited` : '') + '.' : '';
        if (c && c.lost && before && store.keepCopy(before.saved, `${before.title} (before the edit)`)) kept += ' The version before the edit is kept in Documents.';
        say(`${app.marks.size} annotations in ${Math.round(performance.now() - t0)} ms.${kept}`, !!(c && c.lost));
      }, failed);
    });
    $('cancel').addEventListener('click', () => work.cancel('Annotation cancelled.'));
    // A new text pasted: the one being annotated is no longer wanted.
    $('input').addEventListener('paste', () => work.cancel('Annotation cancelled: a new text was pasted.'));
    $('reference-date').addEventListener('change', () => {
      if (app.panels) edit({ op: 'setReferenceDate', date: $('reference-date').value || null });
    });
    window.addEventListener('pagehide', store.flush);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') store.flush(); });
    $('new-doc').addEventListener('click', () => guard(store.startNew));
    $('doc-search').addEventListener('input', () => guard(store.renderList));
    $('doc-sort').addEventListener('change', () => guard(store.renderList));
    // Label tags after the spans: a reading preference of this browser.
    const tags = (on) => { document.body.classList.toggle('tags', on); $('tags').setAttribute('aria-pressed', String(on)); };
    try { tags(localStorage.getItem('gloss.tags') === 'on'); } catch (e) { tags(false); }
    $('tags').addEventListener('click', () => {
      const on = !document.body.classList.contains('tags');
      tags(on);
      try { localStorage.setItem('gloss.tags', on ? 'on' : 'off'); } catch (e) { /* no storage: this page only */ }
    });
    $('theme').addEventListener('click', () => {
      const next = { auto: 'light', light: 'dark', dark: 'auto' }[themeMode()];
      try { localStorage.setItem('gloss.theme', next); } catch (e) { /* no storage: this page only */ }
      setTheme(next);
    });
    keys.wire();
    files.wire();
  }

  async function start() {
    setTheme(themeMode());
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => setTheme(themeMode()));
    let bytes, glue;
    const data = document.getElementById('gloss-wasm');
    if (data) {
      const packed = decode122(data.textContent, Number(data.dataset.length));
      const stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = await new Response(stream).arrayBuffer();
      glue = document.getElementById('gloss-glue').textContent;
    } else {
      const [w, g] = await Promise.all([fetch('gloss_bg.wasm'), fetch('gloss.js')]);
      bytes = await w.arrayBuffer();
      glue = await g.text();
    }
    const module = await WebAssembly.compile(bytes);
    await wasm_bindgen({ module_or_path: module });
    app.session = new wasm_bindgen.Session();
    app.vocab = app.session.vocabulary();
    wire();
    window.gloss = {
      annotate: async (t, date) => {
        $('input').value = t;
        if (date) $('reference-date').value = date;
        return (await work.annotate(t, date)) ? JSON.parse(app.session.exportJson()) : null;
      },
      cancel: () => work.cancel('Annotation cancelled.'),
      // Annotates and shows, without the export: resolves true when the article is drawn.
      show: (t, date) => work.annotate(t, date),
      exportJson: () => app.session.exportJson(),
      importJson: (json) => files.importAs('gloss', json),
      exportAs: (format) => app.session.exportAs(format),
      importAs: (format, content) => files.importAs(format, content),
      exportAll: (format) => app.session.exportMany(JSON.stringify(store.all()), format),
      documents: () => store.readDocs(),
      open: (id) => store.open(id),
      edit: (op) => act(op),
      failForTest: () => guard(() => app.session.failForTest()),
      undo: () => act('undo'),
      redo: () => act('redo'),
      saveNow: () => store.flush(),
      annotateToJson: (t, date) => app.session.annotateToJson(t, date || ''),
      memoryBytes: () => app.session.memoryBytes(),
      view: () => app.session.view(),
      // Where the last long text's time went (ms): the worker's core, handing over, opening it
      // on the page, drawing.
      timing: () => work.timing(),
    };
    store.restore();
    $('annotate').disabled = false;
    document.body.dataset.readyMs = String(Math.round(performance.now()));
    document.body.dataset.ready = 'true';
    // The worker starts once the page is ready; it builds the core's word lists, model table
    // and rules (about 0.2 s here) at once, so the first paste is answered as fast as the next;
    // the page's own core does the same while idle.
    work.start(module, glue);
    const warm = () => { try { app.session.annotateToJson('On 1 January 2025, three people were killed in Paris, officials said.', ''); } catch (e) { /* shown on real use */ } };
    if (window.requestIdleCallback) requestIdleCallback(warm, { timeout: 2000 }); else setTimeout(warm, 0);
  }

  start().catch((e) => say('gloss could not start: ' + (e.message || e), true));
})();
