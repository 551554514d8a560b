import type { CollectionReport } from './collectionReport';
import { deduceUnreachable, disposeOfGarbage, untrackTuples } from './collector';
import { GcList, moveToList } from './gcList';
import type { GcState } from './gcState';
import type { Heap } from './heap';
import type { HeapObject } from './heapObject';

/**
 * CPython 3.14's incremental collector: a young generation and two old spaces. A young
 * collection (`gc.collect(0)`) examines only the young objects; an increment
 * (`gc.collect(1)`, and every automatic collection) first marks what the roots reach, then
 * examines the young objects plus a slice of the old space not yet visited; a full
 * collection (`gc.collect()`) examines everything. Survivors go to the visited old space,
 * which `gc.get_objects()` reports as generation 2.
 */

/** Divide by 10 so the default threshold of 10 scans about 1 % of the heap (gc.c). */
const SCAN_RATE_DIVISOR = 10;

/** gc_collect_young. */
export function collectYoung(heap: Heap, report: CollectionReport): void {
  const gc = heap.gc;
  const young = gc.generations[0];
  const visited = gc.oldSpace(gc.visitedSpace);
  untrackTuples(heap, young);
  report.examined = young.size();
  report.phases.push({ name: 'merge', generations: [], objects: report.examined });
  const survivors = new GcList('survivors');
  setSpace(young, gc.visitedSpace);
  collectRegion(heap, young, survivors, report);
  promoteAll(heap, survivors, visited, report);
  gc.counts[0] = 0;
  gc.counts[1 + gc.visitedSpace]++;
}

/** gc_collect_increment. */
export function collectIncrement(heap: Heap, report: CollectionReport): void {
  const gc = heap.gc;
  gc.workToDo += assessWorkToDo(gc);
  untrackTuples(heap, gc.generations[0]);
  if (gc.phase === 'mark') {
    // The first increment of a cycle only marks what the roots reach as visited.
    gc.workToDo -= markAtStart(heap);
    return;
  }
  const notVisited = gc.oldSpace(gc.visitedSpace ^ 1);
  const visited = gc.oldSpace(gc.visitedSpace);
  const increment = new GcList('increment');
  gc.workToDo -= markFromRoots(heap, visited);
  setSpace(gc.generations[0], gc.visitedSpace);
  gc.generations[0].mergeInto(increment);
  let incrementSize = increment.size();
  while (incrementSize < gc.workToDo && !notVisited.isEmpty()) {
    const first = notVisited.first()!;
    moveToList(first, increment);
    incrementSize++;
    first.gcSpace = gc.visitedSpace;
    incrementSize += expandRegionTransitivelyReachable(increment, first, gc.visitedSpace);
  }
  report.examined = incrementSize;
  report.phases.push({ name: 'merge', generations: [0], objects: incrementSize });
  const survivors = new GcList('survivors');
  collectRegion(heap, increment, survivors, report);
  promoteAll(heap, survivors, visited, report);
  gc.workToDo += Math.trunc(gc.heapSize / SCAN_RATE_DIVISOR / scaleFactor(gc));
  gc.workToDo -= incrementSize;
  if (notVisited.isEmpty()) completedScavenge(heap);
}

/** gc_collect_full: every generation at once. */
export function collectFull(heap: Heap, report: CollectionReport): void {
  const gc = heap.gc;
  const young = gc.generations[0];
  const pending = gc.oldSpace(gc.visitedSpace ^ 1);
  const visited = gc.oldSpace(gc.visitedSpace);
  untrackTuples(heap, young);
  for (let o = young.gcNext!; o !== young; o = o.gcNext!) heap.setGeneration(o, 2);
  young.mergeInto(pending);
  setSpace(pending, gc.visitedSpace);
  gc.counts[0] = 0;
  pending.mergeInto(visited);
  report.examined = visited.size();
  report.phases.push({ name: 'merge', generations: [0, 1], objects: report.examined });
  collectRegion(heap, visited, visited, report);
  gc.counts[0] = 0;
  gc.counts[1] = 0;
  gc.counts[2] = 0;
  completedScavenge(heap);
}

/** gc_collect_region: find the garbage among `from`; survivors end in `to`. */
function collectRegion(heap: Heap, from: GcList, to: GcList, report: CollectionReport): void {
  const unreachable = new GcList('unreachable');
  const found = deduceUnreachable(heap, from, unreachable, report, { untrackTuples: true });
  if (from !== to) from.mergeInto(to);
  disposeOfGarbage(heap, unreachable, found, to, 2, report);
}

function promoteAll(heap: Heap, survivors: GcList, visited: GcList, report: CollectionReport): void {
  const count = survivors.size();
  for (let o = survivors.gcNext!; o !== survivors; o = o.gcNext!) if (o.generation !== 2) heap.setGeneration(o, 2);
  survivors.mergeInto(visited);
  report.phases.push({ name: 'promote', to: 2, objects: count });
}

function scaleFactor(gc: GcState): number {
  return Math.max(2, gc.thresholds[1]);
}

/** assess_work_to_do: new objects, plus a slice of the heap (at most 1.5× the new ones). */
function assessWorkToDo(gc: GcState): number {
  const newObjects = gc.counts[0];
  const maxHeapFraction = Math.trunc((newObjects * 3) / 2);
  const heapFraction = Math.min(Math.trunc(gc.heapSize / SCAN_RATE_DIVISOR / scaleFactor(gc)), maxHeapFraction);
  gc.counts[0] = 0;
  return newObjects + heapFraction;
}

/** mark_at_start: what the interpreter's roots and the running frames reach is visited. */
function markAtStart(heap: Heap): number {
  const marked = markFromRoots(heap, heap.gc.oldSpace(heap.gc.visitedSpace));
  heap.gc.phase = 'collect';
  return marked;
}

/**
 * mark_global_roots and mark_stacks: objects the roots hold, and everything they reach,
 * move to the visited space and are not examined again in this cycle.
 */
function markFromRoots(heap: Heap, visited: GcList): number {
  const gc = heap.gc;
  const reachable = new GcList('reachable');
  let marked = 0;
  const mark = (obj: HeapObject): void => {
    if (obj.gcType && obj.tracked && !obj.immortal && obj.gcSpace !== gc.visitedSpace && !obj.gcCollecting) {
      obj.gcSpace = gc.visitedSpace;
      moveToList(obj, reachable);
      marked++;
    }
  };
  for (const root of heap.roots) for (const target of root.targets) mark(target);
  while (!reachable.isEmpty()) {
    const obj = reachable.first()!;
    moveToList(obj, visited);
    if (obj.generation !== 2) heap.setGeneration(obj, 2);
    obj.traverse(mark);
  }
  return marked;
}

/** expand_region_transitively_reachable: what the new member of the increment reaches joins it. */
function expandRegionTransitivelyReachable(container: GcList, from: HeapObject, visitedSpace: number): number {
  let size = 0;
  const add = (obj: HeapObject): void => {
    if (obj.gcType && obj.tracked && !obj.immortal && obj.gcSpace !== visitedSpace) {
      obj.gcSpace ^= 1;
      moveToList(obj, container);
      size++;
    }
  };
  for (let o: HeapObject = from; o !== container; o = o.gcNext!) o.traverse(add);
  return size;
}

/** completed_scavenge: the cycle is over; the spaces swap roles. */
function completedScavenge(heap: Heap): void {
  const gc = heap.gc;
  if (gc.permanent.isEmpty()) {
    const notVisited = gc.visitedSpace;
    gc.visitedSpace ^= 1;
    setSpace(gc.generations[0], notVisited);
  } else {
    const visited = gc.visitedSpace;
    gc.oldSpace(visited).mergeInto(gc.oldSpace(visited ^ 1));
    setSpace(gc.oldSpace(visited ^ 1), visited ^ 1);
  }
  gc.workToDo = 0;
  gc.phase = 'mark';
}

function setSpace(list: GcList, space: number): void {
  for (let o = list.gcNext!; o !== list; o = o.gcNext!) o.gcSpace = space;
}
