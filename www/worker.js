// gloss page: annotating a text. A short text (a few thousand words, a few milliseconds) is
// annotated at once on the page's thread. A long one goes to two Web Workers, each running a
// copy of the core made from the page's own code (a Blob URL, so it works from file://): the
// helper reads the sentences of the text's second half, the main worker the first, then joins
// both (the passes over the whole document are its), lays out and cuts the article, and hands
// it over as typed arrays moved without copying; the page opens the text with what the worker
// found (reading nothing again) and draws, and the worker writes the stored form meanwhile.
// The worker says how far it is; both are stopped when a new text comes. Where no worker can
// start, the page annotates by itself; without the helper, the main worker reads it all.
'use strict';

const work = (() => {
  const WORKER_FROM = 20000;   // characters: shorter texts are done faster than handed over
  let module = null;           // the compiled core, shared with the worker
  let glue = '';               // wasm-bindgen's loader, run again in the worker
  let worker = null;
  let helper = null;
  let job = 0;
  let running = null;          // {id, t, date, asNew, resolve, reject}
  let progressTimer = null;
  let timing = null;           // where the time of the last annotation went, in ms
  let adopted = 0;             // the job whose text the page opened last
  let opening = false;         // drawn, not yet taken by the page's core (one task)

  // Runs inside the worker (after the loader): it sees nothing of the page.
  function workerMain() {
    let session = null;
    let ready = null;
    let why = '';
    self.glossPanicked = (m) => { why = m; };
    // The buffers of every typed array in a result, to move them instead of copying.
    const buffers = (v, out) => {
      if (ArrayBuffer.isView(v)) out.push(v.buffer);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) buffers(x, out);
      return out;
    };
    const halves = new Map();    // job -> the second half, or the resolve of a wait for it
    const second = (id) => {
      const h = halves.get(id);
      if (h && !h.wait) { halves.delete(id); return Promise.resolve(h.part); }
      return new Promise((wait) => halves.set(id, { wait }));
    };
    self.onmessage = async (e) => {
      const m = e.data;
      try {
        if (m.type === 'init') {
          ready = (async () => {
            await wasm_bindgen({ module_or_path: m.module });
            session = new wasm_bindgen.Session();
            // A few pages of news-like text, so the core's code is compiled for speed before a
            // long paste comes (the first use of cold code runs several times slower).
            const warm = 'On 1 January 2025, three people were killed in Paris, officials said. President Emmanuel Macron met Olaf Scholz in Berlin on Tuesday; at least 12 people were wounded.\n\n';
            session.annotateToJson(warm.repeat(150), '');
          })();
          await ready;
          self.postMessage({ type: 'ready' });
        } else if (m.type === 'half') {
          // The second half of a job: read here (the helper), or brought here (the main worker).
          if (m.text !== undefined) {
            await ready;
            self.postMessage({ type: 'half', id: m.id, part: session.secondHalf(m.text, m.date) });
          } else {
            const h = halves.get(m.id);
            if (h && h.wait) { halves.delete(m.id); h.wait(m.part); } else halves.set(m.id, { part: m.part });
          }
        } else if (m.type === 'find') {
          await ready;
          const t = performance.now();
          session.beginHalves(m.text, m.date, m.labels, m.id, m.split);
          const result = session.endHalves(m.split ? await second(m.id) : undefined, m.id);
          result.total = performance.now() - t;
          self.postMessage({ type: 'found', id: m.id, result }, buffers(result, []));
          // The stored form, once the page has what it draws.
          self.postMessage({ type: 'saved', id: m.id, saved: session.saveJson() });
        }
      } catch (err) {
        self.postMessage({ type: 'error', id: m.id, message: why || (err && err.message) || String(err) });
      }
    };
  }

  function start(compiled, loader) {
    module = compiled;
    glue = loader;
    worker = spawn();
    helper = spawn(true);
  }

  function spawn(isHelper) {
    if (!module || !glue || typeof Worker === 'undefined') return null;
    let w;
    try {
      const url = URL.createObjectURL(new Blob([glue, '\n;(', workerMain.toString(), ')();\n'], { type: 'text/javascript' }));
      w = new Worker(url, { name: isHelper ? 'gloss-helper' : 'gloss-annotator' });
      setTimeout(() => URL.revokeObjectURL(url), 60000);
    } catch (e) {
      return null;
    }
    w.onmessage = (e) => { if (w === worker) onMessage(e.data); else if (w === helper) onHelper(e.data); };
    w.onerror = (e) => {
      e.preventDefault();
      if (w === helper) { helper = null; w.terminate(); helperFailed(); return; }
      if (w !== worker) return;
      // A worker that cannot run: the page annotates by itself from now on.
      worker = null;
      w.terminate();
      const r = running;
      if (r) { running = null; hideProgress(); here(r.t, r.date, r.asNew).then(r.resolve, r.reject); }
    };
    w.postMessage({ type: 'init', module });
    if (!isHelper) document.body.dataset.worker = 'starting';
    return w;
  }

  // The helper's second half goes to the main worker; if the helper fails, the main worker
  // reads that half itself.
  function onHelper(m) {
    const r = running;
    if (!r || m.id !== r.id || !r.split) return;
    if (m.type === 'half') worker.postMessage({ type: 'half', id: m.id, part: m.part });
    else if (m.type === 'error') helperFailed();
  }
  function helperFailed() {
    const r = running;
    if (r && r.split) worker.postMessage({ type: 'half', id: r.id, part: undefined });
    if (!helper) helper = spawn(true);
  }

  function onMessage(m) {
    if (m.type === 'ready') { document.body.dataset.worker = 'ready'; return; }
    if (m.type === 'saved') { if (m.id === adopted) store.takeSaved(m.saved); return; }
    const r = running;
    if (!r || m.id !== r.id) return;
    if (m.type === 'progress') {
      $('progress').value = m.done;
      $('progress-text').textContent = `${Math.round(m.done * 100)}%`;
    } else if (m.type === 'found') {
      running = null;
      hideProgress();
      const res = m.result;
      const t1 = performance.now();
      adopted = r.id;
      app.carried = null;
      // Drawn at once; the page's core takes the document in the next task (before any click
      // can reach it), so no task holds the page long.
      let t2 = 0, t3 = 0;
      opening = true;
      const took = new Promise((done, fail) => setTimeout(() => {
        t2 = performance.now();
        try {
          const carried = app.session.adopt(r.t, r.date, res.handover, res.page.layout, store.labels(), !!r.carry);
          if (carried) app.carried = carried;
          t3 = performance.now();
          done();
        } catch (e) {
          fail(e);
        } finally {
          opening = false;
        }
      }, 0));
      // (The worker's stored form lacks the work carried over: the page's core stores it.)
      if (r.carry) adopted = null;
      opened(() => res.page, r.asNew, null, r.t)
        .then(() => took)
        .then(() => {
          if (!r.carry) return null;
          store.scheduleSave();
          return render.show(app.session.page(), r.t);
        })
        .then(() => {
          const t4 = performance.now();
          timing = { split: r.split, worker: res.ms, convert: res.total - res.ms, handover: t1 - r.t0 - res.total, adopt: t3 - t2, draw: t4 - t1 - (t3 - t2), total: t4 - r.t0 };
          r.resolve(true);
        }, r.reject);
    } else if (m.type === 'error') {
      running = null;
      hideProgress();
      // The workers' cores may be broken after a failure: fresh ones take their place.
      restart();
      r.reject(new Error(m.message));
    }
  }

  function hideProgress() {
    clearTimeout(progressTimer);
    $('progress-box').hidden = true;
    document.body.removeAttribute('data-busy');
  }

  // Stops the annotation under way, if any: its text is no longer wanted.
  function cancel(why) {
    const r = running;
    if (!r) return false;
    running = null;
    hideProgress();
    restart();
    r.resolve(false);
    if (why) say(why);
    return true;
  }

  function restart() {
    worker?.terminate();
    helper?.terminate();
    worker = spawn();
    helper = spawn(true);
  }

  // `make` opens the new text in the core and returns its page; the document on screen is
  // saved first (when the new one is a document of its own), so nothing of it is lost.
  // A page from the worker brings its text, and its stored form follows (`text` given).
  function opened(make, asNew, saved, text) {
    if (asNew) store.flush();
    const page = make();
    store.replaced(asNew);
    app.selectedId = null;
    const drawn = render.show(page, text);
    store.scheduleSave(saved, text !== undefined);
    return drawn.then(() => true);
  }

  // Here, on the page's thread; with `carry`, the user's work on the document on screen is
  // carried over to its edited text (`app.carried` says how much).
  const here = (t, date, asNew, carry) => opened(() => {
    app.carried = null;
    if (!carry) return app.session.open(t, date || '', store.labels());
    const r = app.session.carryOpen(t, date || '', store.labels());
    app.carried = { kept: r.kept, lost: r.lost };
    return r.page;
  }, asNew);

  // Annotates `t` and shows it (as a new document with `asNew`, else in place of the one on
  // screen, carrying the user's work over with `carry`); resolves true when it is drawn, false
  // when cancelled.
  function annotate(t, date, asNew, carry) {
    cancel();
    try { app.session.checkSize(t); } catch (e) { return Promise.reject(e); }
    // Another text becomes a document of its own; the same text, or an edit of it, annotated
    // again keeps the document and the user's work on it.
    if (carry === undefined) carry = !!app.text && app.session.isEdit(t);
    if (asNew === undefined) asNew = !!app.text && !carry;
    if (!worker || t.length < WORKER_FROM) {
      try { return here(t, date, asNew, carry); } catch (e) { return Promise.reject(e); }
    }
    const id = ++job;
    const split = !!helper;
    return new Promise((resolve, reject) => {
      running = { id, t, date: date || '', asNew, carry, resolve, reject, t0: performance.now(), split };
      document.body.dataset.busy = 'true';
      $('progress').value = 0;
      $('progress-text').textContent = '0%';
      // Short texts are done before a bar would be seen.
      progressTimer = setTimeout(() => { $('progress-box').hidden = false; }, 150);
      worker.postMessage({ type: 'find', id, text: t, date: date || '', labels: store.labels(), split });
      if (split) helper.postMessage({ type: 'half', id, text: t, date: date || '' });
    });
  }

  return { start, annotate, cancel, timing: () => timing, opening: () => opening };
})();
