import type { ViewGc } from '../src/protocol';
import { h, icon } from './dom';

/**
 * The collector at a glance: for each generation, gc.get_count() against its threshold as a
 * small meter (a full bar means the next allocation may trigger a collection), whether the
 * collector is enabled, and buttons to run one collection at the cursor.
 */
export function renderGcMeter(gc: ViewGc, runGc: (generation: 0 | 1 | 2) => void): HTMLElement {
  const rows = h('div', { class: 'meters' });
  const generations = Math.max(gc.counts.length, gc.thresholds.length);
  for (let i = 0; i < generations; i++) {
    const threshold = gc.thresholds[i] ?? 0;
    const count = gc.counts[i] ?? 0;
    // 3.14's incremental collector reports 0 for the third threshold: nothing to measure against.
    if (gc.scheme === 'incremental' && threshold === 0) continue;
    const label = gc.generationLabels[i] ?? `gen ${i}`;
    const ratio = threshold > 0 ? Math.min(1, count / threshold) : 0;
    const what = i === 0 ? 'allocations minus frees since the last collection' : `collections of ${gc.generationLabels[i - 1] ?? `gen ${i - 1}`} since this one was collected`;
    const meter = h('div', {
      class: `meter${ratio >= 0.9 ? ' near' : ''}`,
      role: 'meter',
      'aria-valuemin': 0,
      'aria-valuemax': threshold,
      'aria-valuenow': count,
      'aria-label': `${label}: ${count} of ${threshold}`,
      title: `${label}: ${count} ${what}; a collection is due at ${threshold}`,
      'data-generation': i,
    });
    const fill = h('div', { class: 'meter-fill' });
    fill.style.setProperty('width', `${Math.round(ratio * 1000) / 10}%`);
    meter.append(fill);
    rows.append(h('div', { class: 'meter-row' }, h('span', { class: 'meter-label' }, label), meter, h('span', { class: 'meter-value' }, `${count} / ${threshold}`)));
  }
  const buttons = h('div', { class: 'gc-actions' });
  const choices: [0 | 1 | 2, string][] = gc.scheme === 'incremental' ? [[0, gc.generationLabels[0] ?? 'young'], [2, 'full']] : [[0, 'gen 0'], [1, 'gen 1'], [2, 'full']];
  for (const [generation, name] of choices) {
    const b = h('button', { class: 'button secondary', type: 'button', 'data-run-gc': generation, title: `Run gc.collect(${generation}) after this line and show each phase` }, name === 'full' ? icon('debug-restart') : null, name);
    b.addEventListener('click', () => runGc(generation));
    buttons.append(b);
  }
  return h(
    'section',
    { class: 'side-section gc-meter', 'aria-label': 'Garbage collector' },
    h('h2', {}, 'Collector', h('span', { class: `gc-state ${gc.enabled ? 'on' : 'off'}` }, gc.enabled ? (gc.scheme === 'incremental' ? 'incremental' : 'enabled') : 'disabled (gc.disable())')),
    rows,
    h('div', { class: 'gc-run' }, h('span', { class: 'muted' }, 'Run GC here:'), buttons),
  );
}
