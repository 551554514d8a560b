import type { HeapView, ViewObject } from '../src/protocol';
import { formatDelta, h } from './dom';
import { badgeText, gcText } from './model';
import { joinPhrases, referrerPhrase } from './referrers';
import type { SortKey } from './state';

/** What the list tells the panel. */
export interface ListEvents {
  sort(key: SortKey): void;
  select(id: number): void;
  openReferrers(id: number, anchor: Element): void;
}

const COLUMNS: readonly { key: SortKey | null; title: string; numeric?: boolean }[] = [
  { key: 'name', title: 'Object' },
  { key: 'type', title: 'Type' },
  { key: null, title: 'Value' },
  { key: 'refcount', title: 'Refcount', numeric: true },
  { key: 'delta', title: 'This line', numeric: true },
  { key: 'generation', title: 'GC' },
  { key: null, title: 'Referenced by' },
];

/** Sort rank of a GC status: young generations first, then untracked and immortal. */
function generationRank(o: ViewObject): number {
  switch (o.gc.kind) {
    case 'generation':
      return o.gc.generation;
    case 'permanent':
      return 10;
    case 'untracked':
      return 11;
    case 'immortal':
      return 12;
  }
}

/** Objects sorted for the list: by the chosen key, ties by id so the order is stable. */
export function sortObjects(objects: readonly ViewObject[], key: SortKey, descending: boolean, deltas: ReadonlyMap<number, number>): ViewObject[] {
  const value = (o: ViewObject): number | string => {
    switch (key) {
      case 'name':
        return o.name;
      case 'type':
        return o.type;
      case 'refcount':
        return o.refcount;
      case 'generation':
        return generationRank(o);
      case 'delta':
        return deltas.get(o.id) ?? 0;
    }
  };
  const sign = descending ? -1 : 1;
  return [...objects].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb), 'en', { numeric: true });
    return c !== 0 ? sign * c : a.id - b.id;
  });
}

/**
 * Every object as a row, for heaps too big to draw (the panel switches to it on its own
 * above a few hundred objects) and for anyone who prefers a table. Sortable by refcount,
 * type, generation, name and this line's change.
 */
export class ListView {
  readonly element: HTMLElement;
  private readonly table: HTMLTableElement;
  private readonly caption: HTMLElement;

  constructor(private readonly events: ListEvents) {
    this.caption = h('caption', { class: 'visually-hidden' });
    this.table = h('table', { class: 'object-list' });
    this.element = h('div', { class: 'list-host' }, this.table);
    this.table.addEventListener('click', (e) => {
      const target = e.target instanceof Element ? e.target : null;
      const sort = target?.closest<HTMLElement>('[data-sort]');
      if (sort) return this.events.sort(sort.dataset.sort as SortKey);
      const row = target?.closest<HTMLTableRowElement>('tr[data-id]');
      if (row) {
        this.events.select(Number(row.dataset.id));
        if (target?.closest('.badge-cell')) this.events.openReferrers(Number(row.dataset.id), row);
      }
    });
    this.table.addEventListener('keydown', (e) => {
      const row = e.target instanceof Element ? e.target.closest<HTMLTableRowElement>('tr[data-id]') : null;
      if (!row) return;
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        this.events.select(Number(row.dataset.id));
        this.events.openReferrers(Number(row.dataset.id), row);
      } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const next = (e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling) as HTMLElement | null;
        next?.focus();
      }
    });
  }

  /** Draws the rows; `matches` (when filtering) limits them. */
  render(view: HeapView, key: SortKey, descending: boolean, matches: ReadonlySet<number> | null, selected: number | null): void {
    const deltas = new Map(view.changes.refcounts.map((c) => [c.id, c.delta]));
    const allocated = new Set(view.changes.allocated);
    const freed = view.changes.freed;
    const all = [...view.objects, ...freed];
    const freedIds = new Set(freed.map((o) => o.id));
    const frameIds = new Set(view.frames.map((f) => f.id));
    const rows = sortObjects(
      matches ? all.filter((o) => matches.has(o.id)) : all,
      key,
      descending,
      deltas,
    );
    const headRow = h('tr');
    for (const col of COLUMNS) {
      const sorted = col.key === key;
      const th = h('th', { scope: 'col', class: col.numeric ? 'numeric' : '', 'aria-sort': sorted ? (descending ? 'descending' : 'ascending') : col.key ? 'none' : undefined });
      if (col.key) th.append(h('button', { type: 'button', class: 'sort', 'data-sort': col.key }, col.title, h('span', { class: 'sort-arrow', 'aria-hidden': 'true' }, sorted ? (descending ? ' ▾' : ' ▴') : '')));
      else th.append(col.title);
      headRow.append(th);
    }
    const body = h('tbody');
    for (const o of rows) {
      const delta = deltas.get(o.id);
      const classes = [o.garbage ? 'garbage' : '', freedIds.has(o.id) ? 'freed' : '', allocated.has(o.id) ? 'allocated' : '', o.id === selected ? 'selected' : ''].filter(Boolean).join(' ');
      body.append(
        h(
          'tr',
          { 'data-id': o.id, tabindex: 0, class: classes, 'aria-selected': o.id === selected ? 'true' : 'false' },
          h('td', { class: 'name' }, o.name, freedIds.has(o.id) ? h('span', { class: 'pill freed' }, 'freed') : null, o.garbage ? h('span', { class: 'pill garbage' }, 'garbage') : null, allocated.has(o.id) ? h('span', { class: 'pill new' }, 'new') : null),
          h('td', { class: 'type' }, o.type),
          h('td', { class: 'value' }, o.value.length > 80 ? `${o.value.slice(0, 80)}…` : o.value),
          h('td', { class: 'numeric badge-cell', 'data-refcount': o.refcount, title: o.gc.kind === 'immortal' ? `immortal: ${o.refcount}` : undefined }, badgeText(o)),
          h('td', { class: `numeric delta ${delta === undefined ? '' : delta > 0 ? 'up' : 'down'}` }, delta === undefined || delta === 0 ? '' : formatDelta(delta)),
          h('td', { class: `gc gc-${o.gc.kind}` }, gcText(o)),
          h('td', { class: 'referrers-cell' }, joinPhrases(o.referrers.map((r) => referrerPhrase(r, frameIds)), 4), o.externalRefs > 0 && o.gc.kind !== 'immortal' ? h('span', { class: 'muted' }, ` + ${o.externalRefs} interpreter`) : null),
        ),
      );
    }
    this.caption.textContent = `${rows.length} objects, sorted by ${key} ${descending ? 'descending' : 'ascending'}`;
    this.table.replaceChildren(this.caption, h('thead', {}, headRow), body);
  }

  /** Focuses a row (focusObject from the host while the list is shown). */
  focus(id: number): void {
    const row = this.table.querySelector<HTMLElement>(`tr[data-id="${id}"]`);
    row?.scrollIntoView({ block: 'nearest' });
    row?.focus({ preventScroll: true });
  }
}
