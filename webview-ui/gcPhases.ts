import type { ViewCollection, ViewGcPhase } from '../src/protocol';
import { h, icon } from './dom';

/** A phase as a learner meets it: a plain title and the CPython function that does it. */
export const PHASE_NAMES: Readonly<Record<ViewGcPhase['name'], { title: string; cpython: string }>> = {
  merge: { title: 'Merge generations', cpython: 'gc_list_merge' },
  updateRefs: { title: 'Copy refcounts', cpython: 'update_refs' },
  subtractRefs: { title: 'Subtract internal refs', cpython: 'subtract_refs' },
  moveUnreachable: { title: 'Find unreachable', cpython: 'move_unreachable' },
  untrack: { title: 'Untrack', cpython: 'untrack_tuples' },
  promote: { title: 'Promote survivors', cpython: 'gc_list_merge' },
  handleWeakrefs: { title: 'Weak references', cpython: 'handle_weakrefs' },
  finalizeGarbage: { title: 'Finalizers', cpython: 'finalize_garbage' },
  handleResurrectedObjects: { title: 'Resurrection check', cpython: 'handle_resurrected_objects' },
  deleteGarbage: { title: 'Free garbage', cpython: 'delete_garbage' },
};

/** The objects a collection found unreachable (its moveUnreachable phase), for highlighting. */
export function unreachableSet(collection: ViewCollection, upTo: number): Set<number> {
  const set = new Set<number>();
  collection.phases.forEach((phase, i) => {
    if (i <= upTo && phase.name === 'moveUnreachable') for (const o of phase.objects ?? []) set.add(o.id);
  });
  return set;
}

/**
 * The collector's phases step by step, for a Run GC (or an automatic collection the line
 * triggered): a stepper with each phase, its explanation, and the gc_refs it left on the
 * objects. `onStep` tells the picture which phase to overlay.
 */
export class GcStepper {
  readonly element: HTMLElement;
  private collections: readonly ViewCollection[] = [];
  private collection = 0;
  private phase = 0;

  constructor(private readonly onStep: (collection: ViewCollection | null, phase: number) => void) {
    this.element = h('section', { class: 'side-section gc-stepper', 'aria-label': 'Garbage collection, step by step', hidden: true });
    this.element.addEventListener('keydown', (e) => {
      if (e.target instanceof HTMLInputElement) return;
      if (e.key === 'ArrowRight') this.go(this.phase + 1);
      else if (e.key === 'ArrowLeft') this.go(this.phase - 1);
    });
  }

  /** Shows the collections a line ran (none hides the stepper); restores a step if valid. */
  setCollections(collections: readonly ViewCollection[], collection: number, phase: number): void {
    this.collections = collections;
    this.collection = collection < collections.length ? collection : 0;
    const phases = collections[this.collection]?.phases.length ?? 0;
    this.phase = phase < phases ? phase : 0;
    this.draw();
  }

  /** The current step, for saving. */
  get step(): { collection: number; phase: number } {
    return { collection: this.collection, phase: this.phase };
  }

  private go(phase: number, collection = this.collection): void {
    const c = this.collections[collection];
    if (!c || phase < 0 || phase >= c.phases.length) return;
    this.collection = collection;
    this.phase = phase;
    this.draw();
    this.element.querySelector<HTMLElement>('.step[aria-current="step"]')?.focus();
  }

  private draw(): void {
    const c = this.collections[this.collection];
    this.element.hidden = !c;
    if (!c) {
      this.element.replaceChildren();
      this.onStep(null, 0);
      return;
    }
    const heading = h(
      'h2',
      {},
      icon('debug-restart'),
      ` Collection of ${c.generation === 2 ? 'every generation' : `generation ${c.generation}`}`,
      h('span', { class: 'muted' }, c.reason === 'manual' ? ' gc.collect()' : ' automatic'),
    );
    const summary = h(
      'div',
      { class: 'collection-summary' },
      h('span', {}, h('strong', {}, String(c.examined)), ' examined'),
      h('span', { 'data-collected': c.collected }, h('strong', {}, String(c.collected)), ' collected'),
      c.uncollectable > 0 ? h('span', {}, h('strong', {}, String(c.uncollectable)), ' uncollectable') : null,
    );
    const picker = this.collections.length > 1 ? h('div', { class: 'collection-picker' }) : null;
    this.collections.forEach((other, i) => {
      if (!picker) return;
      const b = h('button', { type: 'button', class: `chip-button${i === this.collection ? ' active' : ''}` }, `#${i + 1} gen ${other.generation}`);
      b.addEventListener('click', () => this.go(0, i));
      picker.append(b);
    });
    const steps = h('ol', { class: 'steps', 'aria-label': 'Phases' });
    c.phases.forEach((p, i) => {
      const names = PHASE_NAMES[p.name] ?? { title: p.name, cpython: p.name };
      const state = i < this.phase ? 'done' : i === this.phase ? 'current' : 'todo';
      const b = h(
        'button',
        { type: 'button', class: `step ${state}`, 'data-phase': p.name, 'aria-current': i === this.phase ? 'step' : undefined, title: `${names.title} (${names.cpython})`, tabindex: i === this.phase ? 0 : -1 },
        h('span', { class: 'step-dot' }, String(i + 1)),
        h('span', { class: 'step-name' }, names.title),
      );
      b.addEventListener('click', () => this.go(i));
      steps.append(h('li', {}, b));
    });
    const phase = c.phases[this.phase];
    const names = PHASE_NAMES[phase.name] ?? { title: phase.name, cpython: phase.name };
    const prev = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Previous phase', title: 'Previous phase (←)', 'data-action': 'prev-phase' }, icon('arrow-left'));
    const next = h('button', { type: 'button', class: 'icon-button', 'aria-label': 'Next phase', title: 'Next phase (→)', 'data-action': 'next-phase' }, icon('arrow-right'));
    prev.disabled = this.phase === 0;
    next.disabled = this.phase === c.phases.length - 1;
    prev.addEventListener('click', () => this.go(this.phase - 1));
    next.addEventListener('click', () => this.go(this.phase + 1));
    const detail = h(
      'div',
      { class: 'phase-detail', 'aria-live': 'polite', 'data-phase': phase.name },
      h('div', { class: 'phase-head' }, prev, h('div', { class: 'phase-title' }, h('strong', {}, `${this.phase + 1}. ${names.title}`), ' ', h('code', { class: 'muted' }, names.cpython)), next),
      h('p', { class: 'phase-explanation' }, phase.explanation),
    );
    if (phase.gcRefs && phase.gcRefs.length > 0) {
      const table = h('table', { class: 'gcrefs-table' }, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'object'), h('th', { scope: 'col' }, 'gc_refs'))));
      const body = h('tbody');
      for (const e of phase.gcRefs.slice(0, 200)) body.append(h('tr', { class: e.gcRefs === 0 ? 'zero' : '' }, h('td', {}, e.name), h('td', {}, String(e.gcRefs))));
      table.append(body);
      detail.append(table);
    } else if (phase.objects && phase.objects.length > 0) {
      detail.append(h('p', { class: 'phase-objects' }, h('span', { class: 'muted' }, 'Objects: '), phase.objects.slice(0, 50).map((o) => o.name).join(', ')));
    }
    if (c.detailTruncated) detail.append(h('p', { class: 'muted' }, 'Per-object details are shown for the first objects only; the counts are exact.'));
    this.element.replaceChildren(heading, summary, ...(picker ? [picker] : []), steps, detail);
    this.onStep(c, this.phase);
  }
}
