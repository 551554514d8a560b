/**
 * The collector's counters against its thresholds in a few characters, for the status bar:
 * `gc 12/700 · 3/10 · 1/10`; 3.14's incremental collector shows its young generation and
 * the old-generation counter it keeps. Pure.
 */
import type { ViewGc } from '../protocol';

/** `gc 12/700 · 3/10 · 1/10` (generations whose threshold is 0 are left out, as 3.14 reports them). */
export function formatGcCounts(gc: ViewGc): string {
  const parts = gc.counts
    .map((count, i) => ({ count, threshold: gc.thresholds[i] ?? 0 }))
    .filter((p, i) => i === 0 || p.threshold > 0)
    .map((p) => `${p.count}/${p.threshold}`);
  return `gc ${parts.join(' · ')}${gc.enabled ? '' : ' (disabled)'}`;
}

/** A sentence per generation for the tooltip, named as the version names them. */
export function describeGcCounts(gc: ViewGc): string[] {
  const lines = gc.counts.map((count, i) => {
    const threshold = gc.thresholds[i] ?? 0;
    const label = gc.generationLabels[i] ?? `gen ${i}`;
    if (i === 0) return `${label}: ${count} allocations of tracked objects since the last collection; a collection starts after ${threshold}`;
    return threshold > 0 ? `${label}: ${count} collections of the younger generation; collected after ${threshold}` : `${label}: ${count}`;
  });
  if (!gc.enabled) lines.push('automatic collection is disabled (gc.disable())');
  return lines;
}
