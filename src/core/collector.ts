import { CollectionPhase, CollectionReport, DETAIL_LIMIT, GcRefsEntry } from './collectionReport';
import { GcList, moveToList } from './gcList';
import { DEBUG_SAVEALL } from './gcState';
import type { Heap } from './heap';
import { HeapObject, isWeakReference, WeakReferenceObject } from './heapObject';
import { collectFull, collectIncrement, collectYoung } from './incremental';
import { EventKind } from './trace';

/**
 * The cycle collector, phase by phase as CPython's Python/gc.c runs it. Each phase is one
 * small function named after its counterpart in gc.c; `collectGeneration` strings them
 * together and records what each did in a `CollectionReport`.
 */

/**
 * gc.collect(generation), or an automatic collection: read this to understand a collection.
 * Returns what gc.collect() returns. A collection asked for while one runs does nothing.
 */
export function collectGeneration(heap: Heap, generation: number, reason: 'manual' | 'automatic'): number {
  const gc = heap.gc;
  if (gc.collecting) return 0;
  gc.collecting = true;
  try {
    return collectWithCallbacks(heap, generation, reason);
  } finally {
    gc.collecting = false;
  }
}

/** gc_collect_with_callback: gc.callbacks hear `start`, the collection runs, they hear `stop`. */
function collectWithCallbacks(heap: Heap, generation: number, reason: 'manual' | 'automatic'): number {
  heap.hooks.runGcCallbacks('start', { generation, collected: 0, uncollectable: 0 });
  const report: CollectionReport = {
    generation,
    reason,
    collected: 0,
    uncollectable: 0,
    examined: 0,
    phases: [],
    detailTruncated: false,
  };
  const index = heap.trace.collections.length;
  heap.trace.collections.push(report);
  heap.trace.record(EventKind.Collection, index);
  if (heap.profile.scheme === 'incremental') {
    if (generation === 0) collectYoung(heap, report);
    else if (generation === 1) collectIncrement(heap, report);
    else collectFull(heap, report);
  } else {
    collectMain(heap, generation, report);
  }
  if (generation === 2) heap.clearFreeLists();
  const stats = heap.gc.stats[generation];
  stats.collections++;
  stats.collected += report.collected;
  stats.uncollectable += report.uncollectable;
  heap.hooks.runGcCallbacks('stop', { generation, collected: report.collected, uncollectable: report.uncollectable });
  return report.collected + report.uncollectable;
}

/**
 * gc_collect_generations: collects the oldest generation whose count is over its
 * threshold — but the oldest only when enough has been promoted since the last full
 * collection (25 % of the long-lived objects, issue #4074).
 */
export function collectAutomatically(heap: Heap): void {
  const gc = heap.gc;
  if (heap.profile.scheme === 'incremental') {
    collectGeneration(heap, 1, 'automatic');
    return;
  }
  for (let i = 2; i >= 0; i--) {
    if (gc.counts[i] > gc.thresholds[i]) {
      if (i === 2 && gc.longLivedPending < gc.longLivedTotal / 4) continue;
      collectGeneration(heap, i, 'automatic');
      return;
    }
  }
}

/** gc_collect_main for the generational scheme (3.10–3.13). */
function collectMain(heap: Heap, generation: number, report: CollectionReport): void {
  const gc = heap.gc;
  const profile = heap.profile;

  // 1. Counters: the next generation counts this collection; the collected ones restart.
  if (generation + 1 < 3) gc.counts[generation + 1] += 1;
  for (let i = 0; i <= generation; i++) gc.counts[i] = 0;

  // 2. Merge the younger generations into the one collected.
  const young = gc.generations[generation];
  const merged: number[] = [];
  for (let i = 0; i < generation; i++) {
    const from = gc.generations[i];
    if (!from.isEmpty()) merged.push(i);
    // gc_list_merge is all gc.c does; the merged objects' `generation` changes in update_refs.
    from.mergeInto(young);
  }
  const oldIndex = generation < 2 ? generation + 1 : generation;
  const old = gc.generations[oldIndex];
  const mergePhase = { name: 'merge' as const, generations: merged, objects: 0 };
  report.phases.push(mergePhase);

  // 3. Find what is unreachable from outside the generation; among the survivors, untrack
  //    what can no longer be in a cycle (untrack_tuples, and untrack_dicts in full
  //    collections only, to avoid quadratic build-up: issue #14775).
  const unreachable = new GcList('unreachable');
  const found = deduceUnreachable(heap, young, unreachable, report, {
    generation,
    untrackTuples: profile.untracksTuples,
    untrackDicts: young === old && profile.untracksDicts,
  });
  report.examined = mergePhase.objects = found.examined;

  // 4. Survivors are promoted.
  const untracked = found.untracked;
  const survivors = found.examined - found.unreachable - untracked.length;
  if (young !== old) {
    if (generation === 1) gc.longLivedPending += survivors;
    if (heap.trace.enabled || heap.profile.scheme === 'incremental') for (let o = young.gcNext!; o !== young; o = o.gcNext!) heap.setGeneration(o, oldIndex);
    else for (let o = young.gcNext!; o !== young; o = o.gcNext!) o.generation = oldIndex;
    young.mergeInto(old);
    if (untracked.length) report.phases.push({ name: 'untrack', untracked: detail(untracked, report) });
    report.phases.push({ name: 'promote', to: oldIndex, objects: survivors });
  } else {
    if (untracked.length) report.phases.push({ name: 'untrack', untracked: detail(untracked, report) });
    gc.longLivedPending = 0;
    gc.longLivedTotal = survivors;
  }

  // 5. Everything in `unreachable` is garbage, unless a finalizer brings it back.
  disposeOfGarbage(heap, unreachable, found, old, oldIndex, report);
}

/**
 * The end of every collection, shared by both schemes: weak references, finalizers,
 * resurrection, then clearing. Fills in `report.collected`.
 */
export function disposeOfGarbage(heap: Heap, unreachable: GcList, found: Deduced, old: GcList, oldIndex: number, report: CollectionReport): void {
  const weakrefs = handleWeakrefs(heap, found.notable, old, oldIndex, report);
  // Weak references freed once their callback ran count as collected too.
  report.collected += weakrefs.freed;
  // A callback may have changed what has a finalizer (a class given __del__): then look again.
  const finalized = finalizeGarbage(heap, unreachable, report, weakrefs.called > 0 ? undefined : weakrefs.firstToFinalize);
  const programRan = weakrefs.called > 0 || finalized > 0;
  const { stillUnreachable, count } = handleResurrectedObjects(heap, unreachable, found.unreachable, programRan, old, oldIndex, report);
  report.collected += count;
  deleteGarbage(heap, stillUnreachable, old, oldIndex, report);
}

/** What deduce_unreachable may do on the way (each saves a pass of its own over the objects). */
export interface DeduceOptions {
  /**
   * The generational scheme's collection of this generation (and the younger ones, merged
   * in): the objects merged move to it, and update_refs and subtract_refs take one walk
   * (see `updateAndSubtractRefs`).
   */
  readonly generation?: number;
  /** untrack_tuples among the survivors. */
  readonly untrackTuples?: boolean;
  /** untrack_dicts among the survivors, after untrack_tuples. */
  readonly untrackDicts?: boolean;
}

/** What deduce_unreachable found. */
export interface Deduced {
  /** How many objects were examined. */
  readonly examined: number;
  /** How many ended in the unreachable list. */
  readonly unreachable: number;
  /**
   * The unreachable objects that are weak references, have weak references to them, or have
   * a finalizer still to run, in list order: all handle_weakrefs and finalize_garbage
   * have to look at (the rest of the garbage is plain, and they skip it).
   */
  readonly notable: HeapObject[];
  /** What untrack_tuples and then untrack_dicts untracked among the survivors, when asked. */
  readonly untracked: HeapObject[];
}

/** deduce_unreachable: update_refs, subtract_refs, move_unreachable. */
export function deduceUnreachable(heap: Heap, base: GcList, unreachable: GcList, report: CollectionReport | null, options: DeduceOptions = {}): Deduced {
  let examined: number;
  if (options.generation === undefined) {
    examined = updateRefs(base);
    if (report) report.phases.push({ name: 'updateRefs', refs: gcRefsOf(base, report) });
    subtractRefs(base);
  } else {
    // update_refs leaves gc_refs equal to the refcount, which nothing changes meanwhile.
    if (report) report.phases.push({ name: 'updateRefs', refs: refcountsOf(base, report) });
    examined = updateAndSubtractRefs(heap, base, options.generation);
  }
  if (report) report.phases.push({ name: 'subtractRefs', refs: gcRefsOf(base, report) });
  const moved = moveUnreachable(heap, base, unreachable, options.untrackTuples ?? false, options.untrackDicts ?? false);
  // move_legacy_finalizers clears the unreachable mark in a pass of its own; here the mark
  // is only read by move_unreachable, and update_refs clears it before every use.
  if (report) report.phases.push({ name: 'moveUnreachable', unreachable: idsOf(unreachable, report), reachable: examined - moved.unreachable });
  return { examined, ...moved };
}

/** update_refs: gc_refs := ob_refcnt, and mark every object as being collected. Returns their number. */
export function updateRefs(containers: GcList): number {
  let n = 0;
  for (let o = containers.gcNext!; o !== containers; o = o.gcNext!) {
    o.gcRefs = o.refcount;
    o.gcCollecting = true;
    o.gcUnreachable = false;
    n++;
  }
  return n;
}

/** subtract_refs: each reference from inside the set lowers the target's gc_refs by one. */
export function subtractRefs(containers: GcList): void {
  for (let o = containers.gcNext!; o !== containers; o = o.gcNext!) o.traverse(visitDecref);
}

function visitDecref(target: HeapObject): void {
  if (target.gcCollecting) target.gcRefs--;
}

/**
 * update_refs and subtract_refs in one walk, for the generational scheme's collection of
 * `generation`, whose objects `young` now holds. Returns their number.
 *
 * Two things make one walk enough. The objects examined are exactly the tracked ones of
 * generations 0 to `generation` (all merged into `young`), so a referent's own fields tell
 * whether it is one of them, without update_refs having marked it first. And outside a
 * collection no object is marked as collecting, so the mark tells whether its gc_refs were
 * set yet: each gets its refcount the first time the walk meets it, as object or referent.
 *
 * The merged objects also move to `generation` here: gc.c's merge needs no pass because a
 * list is a generation, but the simulation keeps the generation on each object.
 */
function updateAndSubtractRefs(heap: Heap, young: GcList, generation: number): number {
  collectedGeneration = generation;
  let n = 0;
  for (let o = young.gcNext!; o !== young; o = o.gcNext!) {
    if (!o.gcCollecting) startCollecting(o);
    if (o.generation !== generation) heap.setGeneration(o, generation);
    o.traverse(visitDecrefInGenerations);
    n++;
  }
  return n;
}

/** The generation `updateAndSubtractRefs` collects, and with it every younger one. */
let collectedGeneration = 0;

function visitDecrefInGenerations(target: HeapObject): void {
  // Untracked objects are in no generation (-1), frozen ones in the permanent one (3).
  if (!target.tracked || target.generation < 0 || target.generation > collectedGeneration) return;
  if (!target.gcCollecting) startCollecting(target);
  target.gcRefs--;
}

function startCollecting(obj: HeapObject): void {
  obj.gcRefs = obj.refcount;
  obj.gcCollecting = true;
  obj.gcUnreachable = false;
}

/**
 * move_unreachable: objects with gc_refs > 0 are reachable from outside, and so is
 * everything they reach. The rest moves to `unreachable`, in the order gc.c produces.
 *
 * The scan meets every survivor once, in the order the list ends with, which is the order
 * untrack_tuples would walk it in afterwards; it untracks tuples as it meets them, and the
 * dicts it met once it is over, exactly as untrack_tuples and untrack_dicts would.
 */
export function moveUnreachable(
  heap: Heap,
  young: GcList,
  unreachable: GcList,
  untrackTuples: boolean,
  untrackDicts: boolean,
): { unreachable: number; notable: HeapObject[]; untracked: HeapObject[] } {
  reachableList = young;
  rescued = 0;
  let moved = 0;
  let notable: HeapObject[] = [];
  const untracked: HeapObject[] = [];
  const dictsMet: HeapObject[] = [];
  let o = young.gcNext!;
  while (o !== young) {
    if (o.gcRefs > 0) {
      o.traverse(visitReachable);
      o.gcCollecting = false;
      // Read after the traverse, which may have appended objects, and before any untracking.
      const next = o.gcNext!;
      if (o.untrackKind === 'tuple') {
        if (untrackTuples && holdsOnlyUntrackable(o)) {
          heap.untrack(o);
          untracked.push(o);
        }
      } else if (o.untrackKind === 'dict' && untrackDicts) {
        dictsMet.push(o);
      }
      o = next;
    } else {
      const next = o.gcNext!;
      moveToList(o, unreachable);
      o.gcUnreachable = true;
      moved++;
      if (o.weakrefs !== null || isWeakReference(o) || (!o.finalized && o.hasFinalizer())) notable.push(o);
      o = next;
    }
  }
  reachableList = null;
  // Whether a dict can be untracked depends on the tuples it holds, never on other dicts.
  for (const dict of dictsMet) {
    if (holdsOnlyUntrackable(dict)) {
      heap.untrack(dict);
      untracked.push(dict);
    }
  }
  // Some of them were found reachable after all.
  if (rescued > 0) notable = notable.filter((obj) => obj.gcUnreachable);
  return { unreachable: moved - rescued, notable, untracked };
}

/** move_unreachable's list of reachable objects, and how many it took back from `unreachable`. */
let reachableList: GcList | null = null;
let rescued = 0;

function visitReachable(target: HeapObject): void {
  // Objects of other generations, and those already scanned, are not collecting.
  if (!target.gcCollecting) return;
  if (target.gcUnreachable) {
    // It had gc_refs 0 when the scan passed it, but is reachable after all.
    target.gcUnreachable = false;
    moveToList(target, reachableList!);
    rescued++;
    target.gcRefs = 1;
  } else if (target.gcRefs === 0) {
    target.gcRefs = 1;
  }
}

/**
 * The test of _PyObject_GC_MAY_BE_TRACKED: GC objects may take part in cycles, except
 * tuples already known to be untracked.
 */
export function mayBeTracked(obj: HeapObject): boolean {
  if (!obj.gcType) return false;
  if (obj.untrackKind === 'tuple') return obj.tracked;
  return true;
}

function holdsOnlyUntrackable(obj: HeapObject): boolean {
  let only = true;
  obj.traverse((t) => {
    if (mayBeTracked(t)) only = false;
  });
  return only;
}

/**
 * untrack_tuples: tuples holding only atoms cannot be part of a cycle. (Collections do it
 * during move_unreachable, and untrack_dicts after it; 3.14 also does it before collecting.)
 */
export function untrackTuples(heap: Heap, list: GcList): HeapObject[] {
  const untracked: HeapObject[] = [];
  let o = list.gcNext!;
  while (o !== list) {
    const next = o.gcNext!;
    if (o.untrackKind === 'tuple' && holdsOnlyUntrackable(o)) {
      heap.untrack(o);
      untracked.push(o);
    }
    o = next;
  }
  return untracked;
}

/**
 * handle_weakrefs: every weak reference to an unreachable object is cleared first; then
 * the callbacks of weak references that are themselves reachable run. gc.c walks all the
 * unreachable objects; this looks only at the `notable` ones (see `Deduced`), the others
 * having nothing to clear. Returns how many callbacks ran, how many of their weak
 * references were freed afterwards, and — noted on the way, for finalize_garbage — the
 * first unreachable object whose finalizer is still to run, as things stood before the callbacks.
 */
export function handleWeakrefs(
  heap: Heap,
  notable: readonly HeapObject[],
  old: GcList,
  oldIndex: number,
  report: CollectionReport,
): { called: number; freed: number; firstToFinalize: HeapObject | null } {
  const cleared: HeapObject[] = [];
  const toCall = new GcList('weakref callbacks to call');
  let firstToFinalize: HeapObject | null = null;
  for (const o of notable) {
    if (firstToFinalize === null && !o.finalized && o.hasFinalizer()) firstToFinalize = o;
    // A weak reference inside the garbage is cleared without its callback (bpo-38006).
    if (isWeakReference(o) && o.referent !== null) {
      heap.clearWeakref(o);
      cleared.push(o);
    }
    while (o.weakrefs !== null) {
      const weakref: WeakReferenceObject = o.weakrefs[0];
      heap.clearWeakref(weakref);
      cleared.push(weakref);
      if (weakref.peekCallback() === null) continue;
      // If the weak reference is garbage too, its callback must not run.
      if (weakref.gcCollecting) continue;
      heap.incref(heap.collectorRefs, 'weak reference with a callback', weakref);
      moveToList(weakref, toCall);
    }
  }
  const called: HeapObject[] = [];
  let freed = 0;
  while (!toCall.isEmpty()) {
    const weakref = toCall.first() as WeakReferenceObject;
    called.push(weakref);
    heap.hooks.runWeakrefCallback(weakref.peekCallback()!, weakref);
    heap.decref(heap.collectorRefs, 'weak reference with a callback', weakref);
    if (toCall.first() === weakref) {
      weakref.gcSpace = heap.gc.visitedSpace;
      heap.moveTo(weakref, old, oldIndex);
    } else {
      freed++;
    }
  }
  if (cleared.length || called.length) {
    report.phases.push({ name: 'handleWeakrefs', cleared: detail(cleared, report), callbacks: detail(called, report) });
  }
  return { called: called.length, freed, firstToFinalize };
}

/**
 * finalize_garbage: each object's finalizer runs at most once (PEP 442). Returns how many
 * ran. `firstToFinalize`, when known, is the first object of the list with a finalizer to run.
 */
export function finalizeGarbage(heap: Heap, collectable: GcList, report: CollectionReport, firstToFinalize?: HeapObject | null): number {
  // Up to the first object with a finalizer to run, the list does not change: gc.c moves
  // those objects to `seen` one by one, and back; here they are skipped. Usually none has one.
  if (firstToFinalize === undefined) {
    firstToFinalize = null;
    for (let o = collectable.gcNext!; o !== collectable; o = o.gcNext!) {
      if (!o.finalized && o.hasFinalizer()) {
        firstToFinalize = o;
        break;
      }
    }
  }
  if (firstToFinalize === null) return 0;
  const seen = new GcList('seen');
  while (collectable.first() !== firstToFinalize) moveToList(collectable.first()!, seen);
  const finalized: HeapObject[] = [];
  // Finalizers run program code, which may free or re-track objects of the list: always take its first.
  while (!collectable.isEmpty()) {
    const obj = collectable.first()!;
    moveToList(obj, seen);
    if (!obj.finalized && obj.hasFinalizer()) {
      heap.markFinalized(obj);
      finalized.push(obj);
      heap.incref(heap.collectorRefs, 'being finalized', obj);
      heap.hooks.runFinalizer(obj);
      heap.decref(heap.collectorRefs, 'being finalized', obj);
    }
  }
  seen.mergeInto(collectable);
  if (finalized.length) report.phases.push({ name: 'finalizeGarbage', finalized: detail(finalized, report) });
  return finalized.length;
}

/**
 * handle_resurrected_objects: finalizers may have stored references to garbage. Recompute
 * reachability within the garbage alone; what is referenced from outside survives.
 * `found` is how many objects `unreachable` holds, `programRan` whether any finalizer or
 * weakref callback ran since they were found.
 */
export function handleResurrectedObjects(
  heap: Heap,
  unreachable: GcList,
  found: number,
  programRan: boolean,
  old: GcList,
  oldIndex: number,
  report: CollectionReport,
): { stillUnreachable: GcList; count: number } {
  // Only program code can resurrect. Without any, every reference to the garbage still
  // comes from the garbage itself (a reference from a reachable object would have made it
  // reachable), so gc.c's recomputation finds every object again, in the same order, with
  // the same gc_refs (0) and marks: the simulation skips it.
  if (!programRan) return { stillUnreachable: unreachable, count: found };
  // update_refs marks every object of the list as collecting again: no pass to reset it first.
  const stillUnreachable = new GcList('still unreachable');
  const count = deduceUnreachable(heap, unreachable, stillUnreachable, null).unreachable;
  const resurrected = unreachable.toArray();
  if (resurrected.length) {
    for (const obj of resurrected) heap.moveTo(obj, old, oldIndex);
    report.phases.push({
      name: 'handleResurrectedObjects',
      resurrected: detail(resurrected, report),
      stillUnreachable: idsOf(stillUnreachable, report),
    });
  }
  return { stillUnreachable, count };
}

/**
 * delete_garbage: tp_clear on each object breaks the cycles; reference counting then
 * frees what it can. Objects still alive afterwards move to the old generation.
 */
export function deleteGarbage(heap: Heap, collectable: GcList, old: GcList, oldIndex: number, report: CollectionReport): void {
  const saveAll = (heap.gc.debugFlags & DEBUG_SAVEALL) !== 0;
  const ids = idsOf(collectable, report);
  const survived: HeapObject[] = [];
  const saved: HeapObject[] = [];
  while (!collectable.isEmpty()) {
    const obj = collectable.first()!;
    if (saveAll) {
      heap.hooks.saveGarbage(obj);
      saved.push(obj);
    } else {
      // Py_INCREF(op); clear(op); Py_DECREF(op): the object may die here.
      heap.incref(heap.collectorRefs, 'being cleared', obj);
      heap.clearObject(obj);
      heap.decref(heap.collectorRefs, 'being cleared', obj);
    }
    if (!obj.freed && collectable.first() === obj) {
      obj.gcCollecting = false;
      obj.gcUnreachable = false;
      heap.moveTo(obj, old, oldIndex);
      survived.push(obj);
    }
  }
  const kept = new Set([...survived, ...saved].map((o) => o.id));
  const freed = ids.filter((id) => !kept.has(id));
  report.phases.push({ name: 'deleteGarbage', freed, survived: detail(survived, report), savedToGarbage: detail(saved, report) });
}

// --- report details ------------------------------------------------------------------

function gcRefsOf(list: GcList, report: CollectionReport): GcRefsEntry[] {
  const refs: GcRefsEntry[] = [];
  for (let o = list.gcNext!; o !== list; o = o.gcNext!) {
    if (refs.length >= DETAIL_LIMIT) {
      report.detailTruncated = true;
      break;
    }
    refs.push({ id: o.id, gcRefs: o.gcRefs });
  }
  return refs;
}

/** What `gcRefsOf` would give right after update_refs. */
function refcountsOf(list: GcList, report: CollectionReport): GcRefsEntry[] {
  const refs: GcRefsEntry[] = [];
  for (let o = list.gcNext!; o !== list; o = o.gcNext!) {
    if (refs.length >= DETAIL_LIMIT) {
      report.detailTruncated = true;
      break;
    }
    refs.push({ id: o.id, gcRefs: o.refcount });
  }
  return refs;
}

function idsOf(list: GcList, report: CollectionReport): number[] {
  const ids: number[] = [];
  for (let o = list.gcNext!; o !== list; o = o.gcNext!) {
    if (ids.length >= DETAIL_LIMIT) {
      report.detailTruncated = true;
      break;
    }
    ids.push(o.id);
  }
  return ids;
}

function detail(objects: readonly HeapObject[], report: CollectionReport): number[] {
  if (objects.length > DETAIL_LIMIT) report.detailTruncated = true;
  return objects.slice(0, DETAIL_LIMIT).map((o) => o.id);
}

export type { CollectionPhase };
