// gloss page: drawing the article. The core sends the article as typed arrays (chunks, the
// pieces of each chunk with the ids of the highlights covering them, outermost first, and the
// highlights' spans, labels and states); this file turns them into DOM nodes, a chunk at a
// time, and after an edit redraws only the chunks the core says changed. A long article is
// drawn a slice at a time (the first at once, the rest between frames) in pages the browser
// lays out only near the screen (`content-visibility`). Highlight colours come from the core,
// computed for contrast in both themes, as one style rule per label.
'use strict';

const render = (() => {
  const chunkSrc = new Map();   // chunk index -> [pieces, j]: where its pieces are
  const chunkEl = new Map();    // chunk index -> its element, once drawn
  let gen = 0;
  let drawn = Promise.resolve();
  const PAGE = 4000;            // characters a page holds, at least
  const sheet = new CSSStyleSheet();
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  // One rule per label: the colours of its highlights, swatches and buttons.
  function colours(labels) {
    sheet.replaceSync(labels.map((l) => {
      const t = l.theme;
      return `[data-label="${CSS.escape(l.label)}"]{--hl-light:${t.lightBg};--hl-dark:${t.darkBg};--line-light:${t.lightLine};--line-dark:${t.darkLine}}`;
    }).join('\n'));
  }

  function takeMarks(m) {
    for (let i = 0; i < m.id.length; i++) app.marks.set(m.id[i], { start: m.start[i], end: m.end[i], label: m.labels[m.label[i]], state: m.state[i] });
  }

  // Marks are cloned from one template per label and state, then given their id and name.
  const templates = new Map();   // label -> [template by state]
  function markEl(id) {
    const a = app.marks.get(id);
    let byState = templates.get(a.label);
    if (!byState) templates.set(a.label, byState = []);
    let t = byState[a.state];
    if (!t) {
      const status = app.vocab.statuses[a.state & 3];
      t = byState[a.state] = document.createElement('mark');
      t.className = 'ann ' + status + (a.state & 4 ? ' user' : '');
      t.dataset.label = a.label;
      t.dataset.status = status;
      t.tabIndex = 0;
    }
    const m = t.cloneNode(false);
    m.setAttribute('data-ann-id', 'a' + id);
    if (app.selectedId !== null && 'a' + id === app.selectedId) m.classList.add('selected');
    if (app.hidden.size && app.hidden.has(a.label)) m.classList.add('off');
    m.setAttribute('aria-label', `${a.label}, ${t.dataset.status}: ${app.text.slice(a.start, a.end)}`);
    return m;
  }

  // Chunk `j` of a pieces object as one element: text nodes, nested marks, dimmed spans.
  function chunk(src, j) {
    const k = src.chunks[j];
    const root = document.createElement('span');
    root.className = 'chunk';
    root.dataset.k = k;
    const stack = [];
    let start = app.layout.cuts[k];
    for (let p = src.first[j]; p < src.first[j + 1]; p++) {
      const c0 = src.cover[p], n = src.cover[p + 1] - c0;
      let i = 0;
      while (i < stack.length && i < n && stack[i].id === src.ids[c0 + i]) i++;
      stack.length = i;
      for (; i < n; i++) {
        const id = src.ids[c0 + i];
        const m = markEl(id);
        (i ? stack[i - 1].el : root).append(m);
        stack.push({ id, el: m });
      }
      const t = document.createTextNode(app.text.slice(start, src.ends[p]));
      const parent = n ? stack[n - 1].el : root;
      if (src.dim[p]) {
        const d = document.createElement('span');
        d.className = 'dim';
        d.append(t);
        parent.append(d);
      } else parent.append(t);
      start = src.ends[p];
    }
    return root;
  }

  // Runs `fn` in a task of its own, as soon as the page has answered what waits (no timer's
  // minimum delay between slices).
  const channel = new MessageChannel();
  const queue = [];
  channel.port1.onmessage = () => queue.shift()();
  const next = (fn) => { queue.push(fn); channel.port2.postMessage(0); };

  // The whole article of `page`; `drawn` resolves when it is all on screen.
  function article(pieces) {
    const g = ++gen;
    chunkSrc.clear();
    chunkEl.clear();
    for (let j = 0; j < pieces.chunks.length; j++) chunkSrc.set(pieces.chunks[j], [pieces, j]);
    const keys = [...pieces.chunks];
    const art = $('article');
    let i = 0, page = null, pageChars = 0;
    drawn = new Promise((done) => {
      const slice = (budget) => {
        if (g !== gen) { done(); return; }
        const t0 = performance.now();
        const part = document.createDocumentFragment();
        do {
          const k = keys[i];
          const start = app.layout.cuts[k];
          if (!page || (pageChars >= PAGE && app.text[start - 1] === '\n')) {
            page = document.createElement('div');
            page.className = 'page';
            part.append(page);
            pageChars = 0;
          }
          const [src, j] = chunkSrc.get(k);
          const node = chunk(src, j);
          chunkEl.set(k, node);
          page.append(node);
          pageChars += app.layout.cuts[k + 1] - start;
          i++;
        } while (i < keys.length && ((i & 15) || performance.now() - t0 < budget));
        art.append(part);
        if (i < keys.length) next(() => slice(40));
        else { placeHandles(); done(); }
      };
      // The old article goes in a task of its own (taking a long one down is work too), then the
      // first slice.
      next(() => {
        if (g !== gen) { done(); return; }
        art.replaceChildren();
        if (keys.length) next(() => slice(30)); else done();
      });
    });
    return drawn;
  }

  // A page from the core: layout, marks, panels (JSON text), the article; `text` is the
  // document's text when the page has it already. A long article's side panels are drawn
  // once the article is.
  function show(page, text) {
    app.text = text ?? app.session.text();
    app.layout = page.layout;
    app.marks.clear();
    takeMarks(page.marks);
    if (app.selectedId && !app.marks.has(Number(app.selectedId.slice(1)))) app.selectedId = null;
    app.panels = JSON.parse(page.panels);
    colours(app.panels.labels);
    store.keepLabels(app.panels.labels);
    // (The text box folds away once there is an article to read; one click opens it again.)
    $('paste').open = !app.text;
    $('paste-hint').textContent = app.text ? '(open to edit the text and annotate again)' : '(paste an article, then Annotate)';
    const done = article(page.pieces);
    if (page.pieces.chunks.length > 200) { panels.bar(); done.then(() => next(panels.all)); } else panels.all();
    say('');
    return done;
  }

  // An edit's delta: the chunks it touched are drawn again at once, the side panels just
  // after, so a long article answers as fast as a short one.
  let panelsDue = false;
  function update(d) {
    for (const id of d.removed) app.marks.delete(id);
    takeMarks(d.marks);
    if (app.selectedId && !app.marks.has(Number(app.selectedId.slice(1)))) app.selectedId = null;
    app.panels = JSON.parse(d.panels);
    colours(app.panels.labels);
    store.keepLabels(app.panels.labels);
    const focusedId = document.activeElement && document.activeElement.dataset && document.activeElement.dataset.annId;
    for (let j = 0; j < d.pieces.chunks.length; j++) {
      const k = d.pieces.chunks[j];
      chunkSrc.set(k, [d.pieces, j]);
      const old = chunkEl.get(k);
      if (old) { const node = chunk(d.pieces, j); old.replaceWith(node); chunkEl.set(k, node); }
    }
    if (focusedId && !(document.activeElement && document.activeElement.closest('#article'))) {
      const m = markOf(focusedId);
      if (m) m.focus({ preventScroll: true });
    }
    // The highlight the core names (one just made, or the one an undo changed) is the one the
    // editor shows.
    if (d.focus !== null) {
      const id = `a${d.focus}`;
      markOf(id)?.focus({ preventScroll: true });
      select(id);
    }
    panelsDue = true;
    setTimeout(() => { if (panelsDue) { panelsDue = false; panels.all(); } }, 0);
    panels.editor();
    panels.bar();
    placeHandles();
  }

  // Drag handles at both ends of the selected highlight (the mouse way to resize; Alt+arrows
  // are the keyboard way).
  function placeHandles() {
    const marks = app.selectedId ? document.querySelectorAll(`#article mark[data-ann-id="${app.selectedId}"]`) : [];
    for (const h of [$('handle-start'), $('handle-end')]) h.hidden = !marks.length;
    if (!marks.length) return;
    const first = marks[0].getClientRects()[0];
    const rects = marks[marks.length - 1].getClientRects();
    const last = rects[rects.length - 1];
    if (!first || !last) return;
    const put = (h, x, r) => { h.style.left = `${window.scrollX + x - 4}px`; h.style.top = `${window.scrollY + r.top}px`; h.style.height = `${r.height}px`; };
    put($('handle-start'), first.left, first);
    put($('handle-end'), last.right, last);
  }

  // Marks the selected annotation in the article.
  function select(id) {
    app.selectedId = id;
    for (const m of document.querySelectorAll('#article mark.selected')) m.classList.remove('selected');
    if (id) for (const m of document.querySelectorAll(`#article mark[data-ann-id="${id}"]`)) m.classList.add('selected');
    panels.editor();
    placeHandles();
  }

  // Shows or hides the highlights of a label.
  function filter(label, show) {
    if (show) app.hidden.delete(label); else app.hidden.add(label);
    for (const m of document.querySelectorAll(`#article mark[data-label="${CSS.escape(label)}"]`)) m.classList.toggle('off', !show);
  }

  return { show, update, select, filter, placeHandles, drawn: () => drawn };
})();
