import type { HeapView } from '../src/protocol';
import { formatDelta, h } from './dom';

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
  for (const id of view.changes.allocated) list.append(h('li', { class: 'allocated' }, h('span', { class: 'pill new' }, 'new'), ' ', link(id)));
  for (const o of view.changes.freed) list.append(h('li', { class: 'freed' }, h('span', { class: 'pill freed' }, 'freed'), ' ', link(o.id)));
  for (const c of view.changes.refcounts) {
    if (c.delta === 0 && c.causes.length === 0) continue;
    const causes = c.causes.map((k) => `${formatDelta(k.delta)} ${k.label} (${k.holderName})`).join(', ');
    list.append(h('li', { class: c.delta >= 0 ? 'up' : 'down', 'data-change': c.id }, h('span', { class: `delta-pill ${c.delta >= 0 ? 'up' : 'down'}` }, formatDelta(c.delta)), ' ', link(c.id), h('span', { class: 'muted cause' }, ` ${causes}`)));
  }
  if (view.changes.transient > 0) list.append(h('li', { class: 'muted' }, `${view.changes.transient} temporar${view.changes.transient === 1 ? 'y' : 'ies'} created and freed within the line`));
  if (list.childElementCount === 0) list.append(h('li', { class: 'muted' }, 'No reference changed.'));
  section.append(list);
  return section;
}
