/**
 * The heap core against CPython, on the same shapes, in one run:
 * - a full collection over 1,000,000 tracked objects in cycles (all garbage, and all alive);
 * - alloc/incref/decref operations per second.
 * Run: `npm run bench` (or `node scripts/build.mjs && node dist/bench/core.bench.js`).
 */
import { Heap } from '../src/core/heap';
import { HeapObject, Label, Release } from '../src/core/heapObject';
import type { CollectorProfile } from '../src/core/profile';
import { cpython, median, table, timePython } from './python';

const PROFILE: CollectorProfile = {
  scheme: 'generational',
  defaultThresholds: [700, 10, 10],
  automaticCollection: 'next-step',
  untracksDicts: true,
  untracksTuples: true,
  immortalRefcount: 4294967295,
};

/** What a dead node holds (shared and frozen, as the front end's lists do). */
const NO_SLOTS = Object.freeze([]) as unknown as HeapObject[];

/** A list-like node: one or two slots. */
class Node extends HeapObject {
  slots: HeapObject[] = [];
  constructor() {
    super('list');
  }
  traverse(visit: (t: HeapObject) => void): void {
    for (const s of this.slots) visit(s);
  }
  forEachReference(visit: (label: Label, t: HeapObject) => void): void {
    this.slots.forEach((s, i) => visit(i, s));
  }
  releaseReferences(release: Release): void {
    const slots = this.slots;
    this.slots = NO_SLOTS;
    for (let i = slots.length - 1; i >= 0; i--) release(i, slots[i]);
  }
}

function link(heap: Heap, from: Node, to: Node): void {
  from.slots.push(to);
  heap.incref(from, from.slots.length - 1, to);
}

/** n/2 two-object cycles (a = []; b = [a]; a.append(b)), kept alive by `keep` or not. */
function buildCycles(n: number, keep: boolean): { heap: Heap; ms: () => number } {
  const heap = new Heap(PROFILE, { trace: false });
  heap.setEnabled(false);
  const root = heap.openRoot('frame', 'f');
  const keeper = heap.allocate(new Node(), { gc: true, track: true });
  heap.incref(root, 'keep', keeper);
  for (let i = 0; i < n / 2; i++) {
    const a = heap.allocate(new Node(), { gc: true, track: true });
    heap.incref(root, 'a', a);
    const b = heap.allocate(new Node(), { gc: true, track: true });
    link(heap, b, a);
    link(heap, a, b);
    if (keep) link(heap, keeper, a);
    heap.decref(root, 'a', a);
  }
  return {
    heap,
    ms: () => {
      const start = performance.now();
      heap.collect();
      return performance.now() - start;
    },
  };
}

const PY_CYCLES = (n: number, keep: boolean) => `
import gc, time
gc.disable()
for run in range(3):
    keep = []
    for i in range(${n} // 2):
        a = []
        b = [a]
        a.append(b)
        ${keep ? 'keep.append(a)' : ''}
    del a, b
    t = time.perf_counter()
    gc.collect()
    print((time.perf_counter() - t) * 1000)
    del keep
    gc.collect()
`;

const PY_OPS = `
import time
def run(n):
    t = time.perf_counter()
    for i in range(n):
        a = []
        b = a
        c = b
        del b
        del c
        del a
    return (time.perf_counter() - t) * 1000
for _ in range(3):
    print(run(200000))
`;

function opsPerSecond(): number {
  const heap = new Heap(PROFILE, { trace: true });
  const root = heap.openRoot('frame', 'f');
  const n = 1_000_000;
  const start = performance.now();
  for (let i = 0; i < n / 3; i++) {
    const o = heap.allocate(new Node(), { gc: true, track: true });
    heap.incref(root, 'a', o);
    heap.decref(root, 'a', o);
  }
  const ms = performance.now() - start;
  return Math.round(n / (ms / 1000));
}

export function main(): Record<string, number | string> {
  const python = cpython();
  const rows: (string | number)[][] = [['benchmark', 'HeapScope ms', 'CPython ms', 'ratio', 'target']];
  const figures: Record<string, number | string> = {};
  for (const keep of [false, true]) {
    const n = 1_000_000;
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      const { ms } = buildCycles(n, keep);
      times.push(ms());
    }
    const ours = median(times);
    const theirs = python ? median(timePython(python, PY_CYCLES(n, keep))) : NaN;
    const name = `gc.collect() over 1,000,000 objects in cycles (${keep ? 'all alive' : 'all garbage'})`;
    rows.push([name, ours.toFixed(1), theirs.toFixed(1), (ours / theirs).toFixed(2) + '×', '≤ 2×']);
    figures[name] = ours / theirs;
  }
  const ops = opsPerSecond();
  const pyOpsMs = python ? median(timePython(python, PY_OPS)) : NaN;
  // The Python loop does 1 allocation and 6 reference operations per iteration.
  const pyOps = Math.round((200000 * 7) / (pyOpsMs / 1000));
  rows.push(['alloc/incref/decref per second (traced)', ops.toLocaleString('en-US'), pyOps.toLocaleString('en-US'), (pyOps / ops).toFixed(2) + '× slower', '≥ 1,000,000/s']);
  figures.opsPerSecond = ops;
  console.log(`Heap core vs CPython ${python?.version ?? '(not found)'}\n` + table(rows) + '\n');
  return figures;
}

if (require.main === module) main();
