// gloss page: the bar and the side panels, drawn from the panels the core sends with every view
// and edit (legend and label buttons, entities, casualty table, timeline, annotations by label,
// review count, reference date) and the editor and tooltip of one annotation, which the core
// describes on demand.
'use strict';

const panels = (() => {
  const swatch = (label) => el('span', { class: 'swatch', 'data-label': label });

  function bar() {
    const p = app.panels;
    const r = p.review;
    $('review-count').textContent = `${r.suggested} to review · ${r.accepted} accepted · ${r.rejected} rejected`;
    $('undo').disabled = !p.canUndo;
    $('redo').disabled = !p.canRedo;
    $('export').disabled = false;
    $('export-csv').disabled = false;
    const src = { user: 'given by you', dateline: 'found in the text', none: 'none: relative dates stay unresolved' }[p.referenceSource];
    $('reference-source').textContent = p.referenceDate ? `${p.referenceDate} (${src})` : src;
    if (document.activeElement !== $('reference-date')) $('reference-date').value = p.userDate || '';
  }

  function legend() {
    $('legend').replaceChildren(...app.panels.labels.map((l) => {
      const show = el('input', { type: 'checkbox', checked: !app.hidden.has(l.label), 'aria-label': `Show ${l.label} highlights` });
      show.addEventListener('change', () => { render.filter(l.label, show.checked); entities(); });
      const li = el('li', { 'data-label': l.label }, show, swatch(l.label), `${l.key || '–'} ${l.label}`, el('span', { class: 'count' }, ` ${l.count}`));
      if (l.custom) {
        const del = el('button', { type: 'button', class: 'small', title: `Delete the label ${l.label}`, 'aria-label': `Delete the label ${l.label}` }, '×');
        del.addEventListener('click', () => edit({ op: 'deleteLabel', name: l.label }));
        li.append(' ', del);
      }
      return li;
    }));
    $('toolbar').replaceChildren(...app.panels.labels.map((l) => {
      const b = el('button', { type: 'button', class: 'label-button', 'data-label': l.label, title: `Label the selection ${l.label}` + (l.key ? ` (key ${l.key})` : '') }, `${l.key ? l.key + ' ' : ''}${l.label}`);
      b.addEventListener('mousedown', (e) => e.preventDefault()); // keep the text selection
      b.addEventListener('click', () => keys.labelSelection(l.label));
      return b;
    }));
  }

  function entities() {
    $('by-entity').replaceChildren(...app.panels.entities.filter((e) => !app.hidden.has(e.label)).map((e) => {
      const quotes = e.quotes.join(' · ');
      const b = el('button', { type: 'button' }, swatch(e.label), ' ', e.name);
      b.addEventListener('click', () => jump(e.mentions[0]));
      return el('li', {}, b, el('span', { class: 'count' }, ` ×${e.mentions.length}` + (quotes !== e.name ? ` (${quotes})` : '')));
    }));
  }

  // Numbers as a reader writes them: 12,000,000.
  const num = (n) => n.toLocaleString('en-US');

  // A table per incident (where and when the article says it): per category the best
  // estimate, the range, and the distinct figures, each a button that steps through its
  // mentions; with several incidents the article's total under them; then the cumulative totals
  // apart, each with the words that bound it.
  function casualties() {
    const box = $('casualty-summary');
    const { incidents, total, cumulative } = app.panels.casualties;
    if (!incidents.length && !cumulative.length) {
      box.replaceChildren(el('p', { class: 'muted' }, 'No casualty figures.'));
      return;
    }
    const figure = (f) => {
      let next = 0;
      const b = el('button', { type: 'button', title: f.mentions.length > 1 ? `Show its mentions in turn (${f.mentions.length})` : 'Show the mention' },
        `${num(f.count)} (${f.qualifier})${f.mentions.length > 1 ? ` ×${f.mentions.length}` : ''}`);
      b.addEventListener('click', () => { jump(f.mentions[next]); next = (next + 1) % f.mentions.length; });
      return b;
    };
    const head = () => el('thead', {}, el('tr', {}, ...['category', 'best', 'low–high', 'figures reported'].map((h) => el('th', { scope: 'col' }, h))));
    const parts = incidents.map((inc) => {
      const rows = app.vocab.categories.filter((c) => inc[c]).map((category) => {
        const c = inc[category];
        return el('tr', { 'data-category': category }, el('th', { scope: 'row' }, category), el('td', {}, num(c.best)),
          el('td', {}, c.low === c.high ? num(c.low) : `${num(c.low)}–${num(c.high)}`),
          el('td', {}, ...c.figures.map((f, i) => (i ? [', ', figure(f)] : figure(f))).flat()));
      });
      const where = [inc.place, inc.date].filter(Boolean).join(', ');
      const name = incidents.length > 1 ? `Incident ${inc.id.slice(1)}` : 'This incident';
      return el('table', { class: 'summary', 'data-incident': inc.id }, el('caption', {}, name + (where ? `: ${where}` : '')), head(), el('tbody', {}, ...rows));
    });
    if (incidents.length > 1) {
      parts.push(el('p', { id: 'casualty-total' }, 'Article total (the incidents’ best added): ',
        app.vocab.categories.filter((c) => c in total).map((c) => `${c} ${num(total[c])}`).join(', ')));
    }
    if (cumulative.length) {
      parts.push(el('h3', {}, 'Cumulative totals, not added'),
        el('ul', { class: 'list', id: 'casualty-cumulative' }, ...cumulative.map((c) => el('li', { 'data-category': c.category },
          figure(c), el('span', { class: 'count' }, ` ${c.category} — ${c.bound}`)))));
    }
    box.replaceChildren(...parts);
  }

  function timeline() {
    $('timeline').replaceChildren(...app.panels.timeline.map((t) => {
      const b = el('button', { type: 'button', title: 'Show the first mention' }, t.value);
      b.addEventListener('click', () => jump(t.mentions[0]));
      return el('li', { 'data-value': t.value }, b, el('span', { class: 'count' }, ` ${t.quotes.join(' · ')}${t.mentions.length > 1 ? ` ×${t.mentions.length}` : ''}`));
    }));
  }

  function byLabel() {
    $('by-label').replaceChildren(...app.panels.byLabel.flatMap((g) => [
      el('h3', {}, swatch(g.label), ` ${g.label} (${g.count})`),
      el('ul', { class: 'list' }, ...g.rows.map((r) => {
        const b = el('button', { type: 'button' }, r.quote);
        b.addEventListener('click', () => jump(r.id));
        return el('li', {}, b, el('span', { class: 'count' }, (r.extra ? ` ${r.extra}` : '') + (r.n > 1 ? ` ×${r.n}` : '')));
      })),
    ]));
  }

  const detailsTable = (rows) => el('table', {}, el('tbody', {}, ...rows.map(([k, v]) => el('tr', {}, el('td', {}, k), el('td', {}, v)))));

  function field(label, input) {
    input.id = 'f-' + label;
    return el('label', { for: input.id }, label + ' ', input);
  }

  function choice(options, value) {
    const s = el('select');
    for (const o of options) s.append(el('option', { value: o }, o));
    s.value = value;
    return s;
  }

  function editor() {
    const box = $('editor');
    const a = app.selectedId && app.session.selected(app.selectedId, true);
    if (!a) {
      box.replaceChildren(el('p', { class: 'muted' }, 'Click or focus a highlight to edit it. Select text and press 1–6 to add one.'));
      return;
    }
    const label = choice(app.panels.labels.map((l) => l.label), a.label);
    label.addEventListener('change', () => edit({ op: 'relabel', id: a.id, label: label.value }));
    const btn = (txt, title, fn) => { const b = el('button', { type: 'button', title }, txt); b.addEventListener('click', fn); return b; };
    const setBtn = (txt, title, fn) => { const b = btn(txt, title, fn); b.classList.add('set'); return b; };
    const nudge = (edge, by) => () => edit({ op: 'nudge', id: a.id, edge, by });
    const rows = [
      detailsTable(a.details),
      el('div', { class: 'row' }, field('label', label)),
      el('div', { class: 'row' },
        btn('◀ start', 'Widen at the start by a word (Alt+←)', nudge('start', -1)),
        btn('start ▶', 'Narrow at the start by a word (Alt+Shift+→)', nudge('start', 1)),
        btn('◀ end', 'Narrow at the end by a word (Alt+Shift+←)', nudge('end', -1)),
        btn('end ▶', 'Widen at the end by a word (Alt+→)', nudge('end', 1)),
        btn('Accept', 'Keep this annotation (A or Enter)', () => keys.review(a.id, 'accept')),
        btn('Reject', 'Turn this suggestion down (X or Delete)', () => keys.review(a.id, 'reject')),
        btn('Remove', 'Remove it from the document altogether', () => edit({ op: 'remove', id: a.id }))),
    ];
    // The entity this mention belongs to: split it out, or merge with another of the label.
    const ent = a.entity && app.panels.entities.find((e) => e.id === a.entity);
    if (ent) {
      const others = app.panels.entities.filter((e) => e.label === ent.label && e.id !== ent.id);
      const merge = el('select', { 'aria-label': 'Merge this entity with another' }, el('option', { value: '' }, 'Merge with…'),
        ...others.map((e) => el('option', { value: e.mentions[0] }, `${e.name} (×${e.mentions.length})`)));
      merge.addEventListener('change', () => { if (merge.value) edit({ op: 'mergeEntities', a: a.id, b: merge.value }); });
      const row = el('div', { class: 'row' }, `Entity: ${ent.name} (×${ent.mentions.length}) `);
      if (ent.mentions.length > 1) row.append(btn('Split out', 'Take this mention out of the entity', () => edit({ op: 'splitMention', id: a.id })));
      if (others.length) row.append(merge);
      rows.push(row);
    }
    if (a.date) {
      const type = choice(app.vocab.dateTypes, a.date.type);
      const value = el('input', { type: 'text', value: a.date.value });
      rows.push(el('div', { class: 'row', 'data-group': 'date' }, field('type', type), field('value', value),
        setBtn('Set date', 'Store this value as your correction (Enter)', () => edit({ op: 'setDate', id: a.id, type: type.value, value: value.value }))));
    }
    if (a.casualty) {
      const c = a.casualty;
      const cat = choice(app.vocab.categories, c.category);
      const qual = choice(app.vocab.qualifiers, c.qualifier);
      const num = (v) => el('input', { type: 'number', min: '0', value: v ?? '' });
      const count = num(c.count), min = num(c.min), max = num(c.max);
      const victims = el('input', { type: 'text', value: c.victims ?? '' });
      const n = (i) => (i.value === '' ? null : Number(i.value));
      // Which incident the figure belongs to (or a new one), or another scope altogether.
      const scope = choice(app.vocab.scopes, c.scope ?? 'incident');
      const ids = app.panels.casualties.incidents.map((i) => i.id);
      if (c.incident && !ids.includes(c.incident)) ids.push(c.incident);
      const fresh = app.panels.newIncident;
      const incident = el('select', {}, ...ids.map((i) => el('option', { value: i }, `incident ${i.slice(1)}`)), el('option', { value: fresh }, `new incident ${fresh.slice(1)}`));
      incident.value = c.incident ?? ids[0] ?? fresh;
      const syncScope = () => { incident.disabled = scope.value !== 'incident'; };
      scope.addEventListener('change', syncScope);
      syncScope();
      const set = () => edit({
        op: 'setCasualty', id: a.id, category: cat.value, qualifier: qual.value,
        count: n(count), min: n(min), max: n(max), victims: victims.value || null,
        scope: scope.value, incident: scope.value === 'incident' ? incident.value : '' });
      rows.push(el('div', { class: 'row', 'data-group': 'casualty' }, field('category', cat), field('qualifier', qual), field('count', count),
        field('min', min), field('max', max), field('victims', victims)),
      el('div', { class: 'row', 'data-group': 'casualty' }, field('scope', scope), field('incident', incident),
        setBtn('Set casualty', 'Store these attributes as your correction (Enter; Escape puts them back)', set)));
    }
    box.replaceChildren(...rows);
    // In a field, Enter applies its row (the row's Set button) and Escape puts back what the
    // annotation holds, focus returning to its highlight.
    box.onkeydown = (e) => {
      const field = e.target.closest('input, select');
      if (!field || !(e.key === 'Enter' || e.key === 'Escape')) return;
      e.preventDefault();
      e.stopPropagation();
      if (e.key === 'Enter') {
        const group = field.closest('.row')?.dataset.group;
        const set = group && box.querySelector(`.row[data-group="${group}"] button.set`);
        if (set) set.click();
      } else {
        const id = a.id;
        editor();
        document.querySelector(`#article mark[data-ann-id="${id}"]`)?.focus({ preventScroll: true });
      }
    };
  }

  function showTip(mark) {
    const a = app.session.selected(mark.dataset.annId, false);
    if (!a) return;
    const tip = $('tooltip');
    tip.replaceChildren(detailsTable(a.details));
    // Above the highlight, over the lines already read, not over the next ones (below only
    // when the bar would hide it).
    const r = mark.getBoundingClientRect();
    tip.style.left = `${window.scrollX + r.left}px`;
    tip.hidden = false;
    const bar = document.querySelector('.bar').getBoundingClientRect().bottom;
    const above = r.top - tip.offsetHeight - 6;
    tip.style.top = `${window.scrollY + (above > bar ? above : r.bottom + 4)}px`;
  }
  const hideTip = () => { $('tooltip').hidden = true; };

  // Everything at once (a new document, or a little after an edit).
  function all() {
    if ($('search').value) $('search').dispatchEvent(new Event('input'));
    legend();
    entities();
    byLabel();
    casualties();
    timeline();
    editor();
    bar();
  }

  return { all, bar, editor, showTip, hideTip };
})();
