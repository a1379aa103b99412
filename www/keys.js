// gloss page: what the reader does in the article, with the keyboard or the mouse: edits,
// undo and redo (each applied by the core, shown as the delta it returns, and written at once
// to the document's journal), selection and labelling, the keyboard caret (its steps over
// emoji and combining marks are the core's), review by key, drag handles, search.
'use strict';

// Every edit, undo and redo goes through here.
function act(entry) {
  // (For the task between drawing a worker's text and the page's core taking it.)
  if (work.opening()) throw new Error('The text is still opening: try again in a moment.');
  const s = app.session;
  render.update(entry === 'undo' ? s.undo() : entry === 'redo' ? s.redo() : s.edit(entry));
  store.journal(entry);
}
function edit(op) {
  return guard(() => { act(op); return true; }) || false;
}

const keys = (() => {
  // UTF-16 offset of a DOM point in the article (the article's text is the document's text).
  function offsetOf(node, offset) {
    const r = document.createRange();
    r.setStart($('article'), 0);
    r.setEnd(node, offset);
    return r.toString().length;
  }

  function selectionSpan() {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return null;
    const r = sel.getRangeAt(0);
    if (!$('article').contains(r.startContainer) || !$('article').contains(r.endContainer)) return null;
    return { start: offsetOf(r.startContainer, r.startOffset), end: offsetOf(r.endContainer, r.endOffset) };
  }

  function labelSelection(label) {
    const span = selectionSpan();
    if (span) {
      guard(() => {
        act({ op: 'add', start: span.start, end: span.end, label });
        window.getSelection().removeAllRanges();
      });
      return true;
    }
    if (app.selectedId) { edit({ op: 'relabel', id: app.selectedId, label }); return true; }
    say('Select some text in the article first, or focus a highlight.', true);
    return false;
  }

  function pointOffset(x, y) {
    const pos = document.caretPositionFromPoint ? document.caretPositionFromPoint(x, y) : null;
    const node = pos ? pos.offsetNode : document.caretRangeFromPoint(x, y)?.startContainer;
    const off = pos ? pos.offset : document.caretRangeFromPoint(x, y)?.startOffset;
    if (!node || !$('article').contains(node)) return null;
    return offsetOf(node, off);
  }

  function dragHandle(edge) {
    return (e) => {
      e.preventDefault();
      const a = app.selectedId && app.marks.get(Number(app.selectedId.slice(1)));
      if (!a) return;
      const id = app.selectedId;
      const h = e.currentTarget;
      h.setPointerCapture(e.pointerId);
      const move = (ev) => { h.style.left = `${window.scrollX + ev.clientX - 4}px`; };
      const up = (ev) => {
        h.removeEventListener('pointermove', move);
        h.removeEventListener('pointerup', up);
        h.hidden = true; // out of the way of the hit test
        const at = pointOffset(ev.clientX, ev.clientY);
        h.hidden = false;
        if (at === null) { render.placeHandles(); return; }
        const [start, end] = edge === 'start' ? [Math.min(at, a.end - 1), a.end] : [a.start, Math.max(at, a.start + 1)];
        if (start !== a.start || end !== a.end) edit({ op: 'resize', id, start, end });
        render.placeHandles();
      };
      h.addEventListener('pointermove', move);
      h.addEventListener('pointerup', up);
    };
  }

  // Accepting or rejecting moves on to the next suggestion still waiting, as in Prodigy.
  function review(id, op) {
    if (edit({ op, id }) === false) return;
    const next = app.session.nextInReview(id, false, true);
    if (next) { render.select(next); jump(next); } else say('Every suggestion is reviewed.');
  }

  function move(backwards, pending) {
    const from = (document.activeElement && document.activeElement.dataset && document.activeElement.dataset.annId) || app.selectedId || '';
    const id = app.session.nextInReview(from, backwards, pending);
    if (id) { render.select(id); jump(id); } else say('Nothing left to review.');
  }

  // A keyboard caret in the article: arrows move it, Shift extends a selection, a label key
  // labels it.
  let caret = null, anchor = null;

  function domPoint(pos) {
    const walk = document.createTreeWalker($('article'), NodeFilter.SHOW_TEXT);
    let n, seen = 0;
    while ((n = walk.nextNode())) {
      if (seen + n.length >= pos) return [n, pos - seen];
      seen += n.length;
    }
    return [$('article'), $('article').childNodes.length];
  }

  function showCaret() {
    const sel = window.getSelection();
    const r = document.createRange();
    r.setStart(...domPoint(Math.min(anchor, caret)));
    r.setEnd(...domPoint(Math.max(anchor, caret)));
    sel.removeAllRanges();
    sel.addRange(r);
    const c = document.createRange();
    c.setStart(...domPoint(caret));
    const rect = c.getClientRects()[0] || c.getBoundingClientRect();
    const mark = $('caret');
    mark.style.left = `${window.scrollX + rect.left}px`;
    mark.style.top = `${window.scrollY + rect.top}px`;
    mark.style.height = `${rect.height || 18}px`;
    mark.hidden = false;
    $('article').setAttribute('aria-description', `caret at ${caret} of ${app.text.length}` + (anchor !== caret ? `, ${Math.abs(caret - anchor)} selected` : ''));
  }

  // The first character of the article on screen, under the bar and the toolbar.
  function firstInView() {
    const box = $('article').getBoundingClientRect();
    const top = Math.max(box.top, $('toolbar').getBoundingClientRect().bottom) + 12;
    return pointOffset(box.left + 16, top) ?? 0;
  }

  // The offset a line (ArrowUp/Down) or a screen (PageUp/Down) away from the caret.
  let goalX = null;
  function verticalStep(key) {
    const c = document.createRange();
    c.setStart(...domPoint(caret));
    const rect = c.getClientRects()[0] || c.getBoundingClientRect();
    const line = rect.height || 24;
    if (goalX === null) goalX = rect.left + 1;
    const up = key === 'ArrowUp' || key === 'PageUp';
    let y = up ? rect.top - line / 2 : rect.bottom + line / 2;
    if (key.startsWith('Page')) {
      const by = (up ? -1 : 1) * Math.round(window.innerHeight * 0.8);
      window.scrollBy(0, by);
      y = rect.top + line / 2;
    }
    // (Keep the target line on screen, clear of the bar and the toolbar.)
    const floor = $('toolbar').getBoundingClientRect().bottom + line;
    if (y < floor) { window.scrollBy(0, y - floor - line); y = floor + line / 2; }
    if (y > window.innerHeight - line) { window.scrollBy(0, y - window.innerHeight + 2 * line); y = window.innerHeight - 1.5 * line; }
    const at = pointOffset(goalX, y);
    return at === null ? null : at;
  }

  function hideCaret() {
    caret = anchor = null;
    goalX = null;
    $('caret').hidden = true;
  }

  function toggleHelp(show) {
    const h = $('help');
    h.hidden = show === undefined ? !h.hidden : !show;
    if (!h.hidden) $('help-close').focus();
  }

  function onKey(e) {
    const typing = e.target.closest && e.target.closest('input, textarea, select');
    if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z') && !typing) {
      e.preventDefault();
      guard(() => act(e.shiftKey ? 'redo' : 'undo'));
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === 'y' && !typing) {
      e.preventDefault();
      guard(() => act('redo'));
      return;
    }
    if (e.key === 'Escape') {
      if (!$('help').hidden) { toggleHelp(false); return; }
      window.getSelection().removeAllRanges();
      hideCaret();
      if (app.selectedId) render.select(null);
      return;
    }
    if (typing || !app.panels || e.ctrlKey || e.metaKey) return;
    if (e.key === '?') { e.preventDefault(); toggleHelp(); return; }
    const focused = document.activeElement && document.activeElement.dataset && document.activeElement.dataset.annId;
    if (document.activeElement === $('article') && ['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) {
      e.preventDefault();
      if (caret === null) { caret = firstInView(); anchor = caret; }
      if (e.key === 'Home') caret = 0;
      else if (e.key === 'End') caret = app.text.length;
      else caret = app.session.step(caret, e.key === 'ArrowRight', e.altKey);
      goalX = null;
      if (!e.shiftKey) anchor = caret;
      showCaret();
      return;
    }
    // Up and down a line, or a screen, from where the caret stands on the screen (the same
    // column as far as lines allow, as in a text editor).
    if (document.activeElement === $('article') && ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown'].includes(e.key)) {
      e.preventDefault();
      if (caret === null) { caret = firstInView(); anchor = caret; }
      const to = verticalStep(e.key);
      if (to !== null) caret = to;
      if (!e.shiftKey) anchor = caret;
      showCaret();
      return;
    }
    // n / N in the article: the next or previous search match, selected, ready for a label key.
    if (document.activeElement === $('article') && (e.key === 'n' || e.key === 'N') && hits.length) {
      e.preventDefault();
      stepHit(e.key === 'N');
      return;
    }
    const byKey = app.panels.labels.find((l) => String(l.key) === e.key);
    if (byKey && !e.altKey) {
      e.preventDefault();
      if (selectionSpan()) { labelSelection(byKey.label); hideCaret(); }
      else if (focused) { app.selectedId = focused; edit({ op: 'relabel', id: focused, label: byKey.label }); jump(focused); }
      return;
    }
    if (e.key === 'j' || e.key === 'J' || e.key === 'k' || e.key === 'K') {
      e.preventDefault();
      // j/k: the next/previous suggestion to review; with Shift, any annotation.
      move(e.key.toLowerCase() === 'k', !e.shiftKey);
      return;
    }
    if (focused && (e.key === 'a' || e.key === 'A' || e.key === 'Enter')) {
      e.preventDefault();
      review(focused, 'accept');
      return;
    }
    if (focused && (e.key === 'x' || e.key === 'X' || e.key === 'Delete' || e.key === 'Backspace')) {
      e.preventDefault();
      review(focused, 'reject');
      return;
    }
    if (focused && e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight')) {
      e.preventDefault();
      const left = e.key === 'ArrowLeft';
      const op = e.shiftKey ? { edge: left ? 'end' : 'start', by: left ? -1 : 1 } : { edge: left ? 'start' : 'end', by: left ? -1 : 1 };
      app.selectedId = focused;
      edit({ op: 'nudge', id: focused, ...op });
      jump(focused);
    }
  }

  // Search: the core finds the matches (start and end, one pair after another); the page marks
  // them with the CSS highlight API (no change to the article's nodes) and Enter moves on.
  let hits = new Uint32Array(0), hit = -1;
  function showHits() {
    if (!window.CSS || !CSS.highlights) return;
    const ranges = [];
    for (let i = 0; i + 1 < hits.length; i += 2) {
      const r = document.createRange();
      r.setStart(...domPoint(hits[i]));
      r.setEnd(...domPoint(hits[i + 1]));
      ranges.push(r);
    }
    CSS.highlights.set('search', new Highlight(...ranges));
    if (hit >= 0 && ranges[hit]) {
      CSS.highlights.set('search-current', new Highlight(ranges[hit]));
      const node = ranges[hit].startContainer.parentElement;
      if (node) node.scrollIntoView({ block: 'center' });
    } else CSS.highlights.delete('search-current');
  }

  function stepHit(back) {
    const n = hits.length / 2;
    // (The first Enter after typing selects the first match.)
    hit = hit < 0 || !selectedHit ? (hit < 0 ? 0 : hit) : (hit + (back ? n - 1 : 1)) % n;
    selectedHit = true;
    $('search-count').textContent = `${hit + 1} of ${n}`;
    showHits();
    anchor = hits[2 * hit];
    caret = hits[2 * hit + 1];
    goalX = null;
    $('article').focus({ preventScroll: true });
    showCaret();
  }
  let selectedHit = false;

  function wire() {
    const art = $('article');
    // A press on a highlight selects it on release, unless the pointer dragged a selection of
    // text from it: then the text is what a label key labels.
    let pressed = false;
    art.addEventListener('pointerdown', () => { pressed = true; });
    document.addEventListener('pointerup', () => { pressed = false; });
    const dragged = () => !window.getSelection().isCollapsed;
    art.addEventListener('click', (e) => {
      const m = e.target.closest('mark.ann');
      if (!m) return;
      if (dragged()) { render.select(null); art.focus({ preventScroll: true }); return; }
      render.select(m.dataset.annId);
    });
    art.addEventListener('focusin', (e) => { const m = e.target.closest('mark.ann'); if (m && !pressed) { render.select(m.dataset.annId); panels.showTip(m); } });
    art.addEventListener('focusout', panels.hideTip);
    art.addEventListener('mouseover', (e) => { const m = e.target.closest('mark.ann'); if (m) panels.showTip(m); else panels.hideTip(); });
    art.addEventListener('mouseleave', panels.hideTip);
    art.addEventListener('blur', () => { $('caret').hidden = true; });
    art.addEventListener('focus', () => { if (caret !== null) showCaret(); });
    document.addEventListener('keydown', onKey);
    $('help-open').addEventListener('click', () => toggleHelp(true));
    $('help-close').addEventListener('click', () => toggleHelp(false));
    $('handle-start').addEventListener('pointerdown', dragHandle('start'));
    $('handle-end').addEventListener('pointerdown', dragHandle('end'));
    window.addEventListener('resize', render.placeHandles);
    $('undo').addEventListener('click', () => guard(() => act('undo')));
    $('redo').addEventListener('click', () => guard(() => act('redo')));
    $('search').addEventListener('input', () => {
      hits = app.panels ? app.session.search($('search').value) : new Uint32Array(0);
      const n = hits.length / 2;
      hit = n ? 0 : -1;
      selectedHit = false;
      $('search-count').textContent = $('search').value ? `${n} match${n === 1 ? '' : 'es'}` : '';
      showHits();
    });
    // Enter: the next match (Shift: the previous), selected in the article with the focus
    // there, so a label key labels it and n / N go on.
    $('search').addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && hits.length) { e.preventDefault(); stepHit(e.shiftKey); }
    });
    $('label-form').addEventListener('submit', (e) => {
      e.preventDefault();
      if (!app.panels) { say('Annotate a text first.', true); return; }
      if (edit({ op: 'defineLabel', name: $('new-label-name').value.trim().toUpperCase(), color: $('new-label-color').value, key: $('new-label-key').value })) {
        $('new-label-name').value = '';
        $('new-label-key').value = '';
      }
    });
  }

  return { wire, labelSelection, review };
})();
