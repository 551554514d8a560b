import type { HeapView } from '../src/protocol';
import { formatDelta, h } from './dom';

/**
 * A line that builds a big structure changes hundreds of refcounts; listing them all would
 * bury the side bar (and cost more to lay out than the picture), so the list stops here
 * with a button for the rest.
 */
export const CHANGES_SHOWN = 40;

/**
 * "What this line did", in words beside the picture: objects allocated and freed, and each
 * refcount change with its causes — the same facts the boxes show as tags and +1/−1 chips.
 */
export function renderLineChanges(view: HeapView, select: (id: number) => void): HTMLElement {
  const names = new Map<number, string>();
  for (const o of view.objects) names.set(o.id, o.name);
  for (const o of view.changes.freed) names.set(o.id, o.name);
  const section = h('section', { class: 'side-section line-changes', 'aria-label': 'What this line did' }, h('h2', {}, 'This line'));
  const list = h('ul', { class: 'change-list' });
  const link = (id: number): HTMLElement => {
    const b = h('button', { type: 'button', class: 'link' }, names.get(id) ?? `#${id}`);
    b.addEventListener('click', () => select(id));
    return b;
  };
  // Built on demand: only the entries shown become elements.
  const entries: (() => HTMLElement)[] = [];
  for (const id of view.changes.allocated) entries.push(() => h('li', { class: 'allocated' }, h('span', { class: 'pill new' }, 'new'), ' ', link(id)));
  for (const o of view.changes.freed) entries.push(() => h('li', { class: 'freed' }, h('span', { class: 'pill freed' }, 'freed'), ' ', link(o.id)));
  for (const c of view.changes.refcounts) {
    if (c.delta === 0 && c.causes.length === 0) continue;
    entries.push(() => {
      const causes = c.causes.map((k) => `${formatDelta(k.delta)} ${k.label} (${k.holderName})`).join(', ');
      return h('li', { class: c.delta >= 0 ? 'up' : 'down', 'data-change': c.id }, h('span', { class: `delta-pill ${c.delta >= 0 ? 'up' : 'down'}` }, formatDelta(c.delta)), ' ', link(c.id), h('span', { class: 'muted cause' }, ` ${causes}`));
    });
  }
  const shown = entries.length > CHANGES_SHOWN + 5 ? CHANGES_SHOWN : entries.length;
  for (const entry of entries.slice(0, shown)) list.append(entry());
  if (shown < entries.length) {
    const more = h('button', { type: 'button', class: 'link show-all-changes' }, `Show all ${entries.length} changes`);
    const item = h('li', { class: 'more' }, more);
    more.addEventListener('click', () => item.replaceWith(...entries.slice(shown).map((entry) => entry())));
    list.append(item);
  }
  if (view.changes.transient > 0) list.append(h('li', { class: 'muted' }, `${view.changes.transient} temporar${view.changes.transient === 1 ? 'y' : 'ies'} created and freed within the line`));
  if (list.childElementCount === 0) list.append(h('li', { class: 'muted' }, 'No reference changed.'));
  section.append(list);
  return section;
}
