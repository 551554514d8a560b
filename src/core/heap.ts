import { collectGeneration, collectAutomatically } from './collector';
import { GcList, moveToList, unlinkFromList } from './gcList';
import { GcState } from './gcState';
import {
  HeapObject,
  HeldReference,
  Holder,
  Label,
  ObjectId,
  Release,
  RootHolder,
  RootKind,
  WEAKREF_CALLBACK_LABEL,
  WeakReferenceObject,
  isHeapObject,
  isWeakReference,
  labelText,
} from './heapObject';

/** Py_TRASHCAN's nesting limit (PyTrash_UNWIND_LEVEL). */
const TRASHCAN_DEPTH = 50;
import { AddressSpace, type MemoryBlock } from './memory';
import type { CollectorProfile } from './profile';
import { EventKind, ObjectFlags, Trace } from './trace';

/** Where the core calls back into the front end to run the program's own code. */
export interface HeapHooks {
  /** Runs the object's finalizer (`__del__`); errors are the front end's to report. */
  runFinalizer(obj: HeapObject): void;
  /** Calls a weak reference's callback with the (now dead) weak reference. */
  runWeakrefCallback(callback: HeapObject, weakref: WeakReferenceObject): void;
  /** gc.callbacks: called before (`start`) and after (`stop`) every collection. */
  runGcCallbacks(phase: 'start' | 'stop', info: GcCallbackInfo): void;
  /** DEBUG_SAVEALL: the front end appends the object to `gc.garbage`. */
  saveGarbage(obj: HeapObject): void;
  /** The memory block the object occupies and the free list its type keeps, if any. */
  memoryBlock(obj: HeapObject): MemoryBlock;
}

export interface GcCallbackInfo {
  readonly generation: number;
  readonly collected: number;
  readonly uncollectable: number;
}

const NO_HOOKS: HeapHooks = {
  runFinalizer() {},
  runWeakrefCallback() {},
  runGcCallbacks() {},
  saveGarbage() {},
  memoryBlock: () => PLAIN_BLOCK,
};

const PLAIN_BLOCK: MemoryBlock = { size: 16, freeList: null };

export interface AllocateOptions {
  /** The type takes part in cyclic GC: its allocation counts toward generation 0. */
  readonly gc?: boolean;
  /** Also put it in generation 0 right away (PyObject_GC_Track). */
  readonly track?: boolean;
  /** PEP 683 immortal (only where the profile has immortal objects). */
  readonly immortal?: boolean;
  /** References the interpreter itself holds from the start (a pre-existing object). */
  readonly externalRefs?: number;
}

/**
 * The simulated heap: objects, their reference counts, deallocation at zero, weak
 * references and the cycle collector's state. Every change is recorded in `trace`.
 */
export class Heap {
  readonly trace: Trace;
  readonly gc: GcState;
  hooks: HeapHooks = NO_HOOKS;
  readonly memory = new AddressSpace();
  /** Objects allocated and not yet freed. */
  liveCount = 0;
  /** References alive right now (what a snapshot draws as arrows). */
  liveReferences = 0;
  /** Root holders not yet closed: what the collector's marking (3.14) starts from. */
  readonly roots = new Set<RootHolder>();

  private nextId = 1;
  /** Holds the temporary reference CPython takes on an object while its finalizer runs. */
  readonly finalizing: RootHolder;
  /** Holds the collector's own temporary references (Py_INCREF in gc.c). */
  readonly collectorRefs: RootHolder;
  /** Holds callbacks taken from dying weak references until they have been called. */
  readonly pendingCallbacks: RootHolder;

  /** Every live object, when asked for (tests check the heap's invariants with it). */
  readonly registry: Set<HeapObject> | null;

  constructor(
    readonly profile: CollectorProfile,
    options: { trace?: boolean; registry?: boolean } = {},
  ) {
    this.trace = new Trace(options.trace ?? true);
    this.registry = options.registry ? new Set() : null;
    this.gc = new GcState(profile);
    this.finalizing = this.openRoot('hidden', 'a finalizer in progress');
    this.collectorRefs = this.openRoot('hidden', 'the cycle collector');
    this.pendingCallbacks = this.openRoot('hidden', 'weakref callbacks to call');
  }

  // --- objects -------------------------------------------------------------------------

  /** Gives `obj` its identity. It starts with no references: link it before anything else runs. */
  allocate<T extends HeapObject>(obj: T, options: AllocateOptions = {}): T {
    obj.id = this.nextId++;
    this.liveCount++;
    this.registry?.add(obj);
    let flags = 0;
    if (options.immortal && this.profile.immortalRefcount > 0) {
      obj.immortal = true;
      obj.refcount = this.profile.immortalRefcount;
      flags |= ObjectFlags.Immortal;
    }
    if (options.externalRefs) {
      obj.externalRefs = options.externalRefs;
      if (!obj.immortal) obj.refcount += options.externalRefs;
    }
    if (options.gc) {
      obj.gcType = true;
      flags |= ObjectFlags.GcType;
    }
    const trace = this.trace;
    if (trace.enabled) {
      trace.recordAlloc(obj.id, trace.intern(obj.typeName), trace.storeDisplay(obj.display()), flags);
      if (obj.externalRefs) trace.record(EventKind.External, obj.id, obj.externalRefs);
    }
    obj.addressOffset = this.memory.allocate(this.hooks.memoryBlock(obj));
    // Taken whole from its type's free list: never freed for the collector, so not counted again.
    if (options.gc && !this.memory.lastReusedWhole) this.countAllocation();
    if (options.track) this.track(obj);
    return obj;
  }

  /** PEP 683: the object becomes immortal from now on (its count is fixed, it is never freed). */
  immortalize(obj: HeapObject): void {
    if (obj.immortal || this.profile.immortalRefcount === 0) return;
    obj.immortal = true;
    obj.refcount = this.profile.immortalRefcount;
    if (this.trace.enabled) this.trace.record(EventKind.Immortalized, obj.id);
  }

  /** Records a new display for an object whose short value changed (rare: most values are immutable). */
  setDisplay(obj: HeapObject): void {
    if (this.trace.enabled) this.trace.record(EventKind.Display, obj.id, this.trace.storeDisplay(obj.display()));
  }

  /** A reference from outside the program (the interpreter's tables) is added or dropped. */
  changeExternalRefs(obj: HeapObject, delta: number): void {
    obj.externalRefs += delta;
    if (this.trace.enabled) this.trace.record(EventKind.External, obj.id, delta);
    if (obj.immortal) return;
    obj.refcount += delta;
    if (obj.refcount === 0) this.deallocate(obj);
  }

  // --- roots ---------------------------------------------------------------------------

  openRoot(kind: RootKind, name: string): RootHolder {
    const root = new RootHolder(this.nextId++, kind, name);
    this.roots.add(root);
    if (this.trace.enabled) this.trace.record(EventKind.RootOpen, root.id, this.trace.intern(kind), this.trace.intern(name));
    return root;
  }

  /** Drops every reference the root still holds (last first) and retires it. */
  closeRoot(root: RootHolder): void {
    while (root.targets.length > 0) {
      const i = root.targets.length - 1;
      this.decref(root, root.labels[i], root.targets[i]);
    }
    root.closed = true;
    this.roots.delete(root);
    if (this.trace.enabled) this.trace.record(EventKind.RootClose, root.id);
  }

  // --- references ----------------------------------------------------------------------

  /** `holder` takes a new reference to `target` (Py_INCREF). */
  incref(holder: Holder, label: Label, target: HeapObject): void {
    if (!target.immortal) target.refcount++;
    this.liveReferences++;
    if (this.trace.enabled) this.trace.record(EventKind.Link, holder.id, this.trace.intern(label), target.id);
    if (holder instanceof RootHolder) {
      holder.labels.push(label);
      holder.targets.push(target);
    }
  }

  /** `holder` lets go of its reference to `target` (Py_DECREF); at zero the target is freed. */
  decref(holder: Holder, label: Label, target: HeapObject): void {
    if (this.trace.enabled) this.trace.record(EventKind.Unlink, holder.id, this.trace.intern(label), target.id);
    if (holder instanceof RootHolder) forgetRootEntry(holder, label, target);
    this.liveReferences--;
    if (target.immortal) return;
    if (--target.refcount === 0) this.deallocate(target);
  }

  /**
   * A reference changes hands without a count change (CPython "steals" it: a value moves
   * from the stack into a variable, an argument into a frame).
   */
  move(from: Holder, fromLabel: Label, to: Holder, toLabel: Label, target: HeapObject): void {
    const trace = this.trace;
    if (trace.enabled) {
      trace.record(EventKind.Unlink, from.id, trace.intern(fromLabel), target.id);
      trace.record(EventKind.Link, to.id, trace.intern(toLabel), target.id);
    }
    if (from instanceof RootHolder) forgetRootEntry(from, fromLabel, target);
    if (to instanceof RootHolder) {
      to.labels.push(toLabel);
      to.targets.push(target);
    }
  }

  /**
   * Re-records every reference of `holder` after it reordered them (list.insert, sort,
   * reverse, pop(0)...), so snapshots show the new positions. Counts do not change.
   */
  recordReorder(holder: HeapObject): void {
    const trace = this.trace;
    if (!trace.enabled) return;
    trace.record(EventKind.Reset, holder.id);
    holder.forEachReference((label, target) => trace.record(EventKind.Relink, holder.id, trace.intern(label), target.id));
  }

  // --- deallocation --------------------------------------------------------------------

  /** How deep deallocations are nested (CPython's trashcan counts the same). */
  private deallocDepth = 0;
  /** Deallocations deferred because they were nested too deep (the trashcan's "delete later" list). */
  private readonly trash: HeapObject[] = [];
  private destroyingTrash = false;
  /** The object whose references `release` is letting go of. */
  private releasingHolder: Holder | null = null;

  /** Drops one reference an object being deallocated (or cleared) held. */
  private readonly release = (label: Label, target: HeapObject): void => {
    if (this.trace.enabled) this.trace.record(EventKind.Unlink, this.releasingHolder!.id, this.trace.intern(label), target.id);
    this.liveReferences--;
    if (target.immortal || --target.refcount !== 0) return;
    this.deallocate(target);
  };

  /**
   * Frees `obj` and, depth first, everything that dies with it — the order CPython's
   * recursive deallocators produce. Past 50 nested levels, deallocations wait on a trash
   * list until the outermost one finishes (Py_TRASHCAN_BEGIN), so a million-long chain
   * frees without exhausting the stack, in CPython's order.
   */
  private deallocate(obj: HeapObject): void {
    if (this.deallocDepth >= TRASHCAN_DEPTH) {
      this.trash.push(obj);
      return;
    }
    this.deallocDepth++;
    try {
      if (this.beginDeallocation(obj)) {
        // Measured before the object lets go of its contents (a tuple's size is its length).
        const block = this.hooks.memoryBlock(obj);
        // releaseFrom without a closure per object: a million frees make a million otherwise.
        const saved = this.releasingHolder;
        this.releasingHolder = obj;
        try {
          obj.releaseReferences(this.release);
        } finally {
          this.releasingHolder = saved;
        }
        this.finishDeallocation(obj, block);
      }
    } finally {
      this.deallocDepth--;
    }
    if (this.deallocDepth === 0 && this.trash.length > 0 && !this.destroyingTrash) {
      this.destroyingTrash = true;
      try {
        while (this.trash.length > 0) this.deallocate(this.trash.pop()!);
      } finally {
        this.destroyingTrash = false;
      }
    }
  }

  /** Runs `body` with `release` dropping references held by `holder`. */
  private releaseFrom(holder: Holder, body: (release: Release) => void): void {
    const saved = this.releasingHolder;
    this.releasingHolder = holder;
    try {
      body(this.release);
    } finally {
      this.releasingHolder = saved;
    }
  }

  /** tp_clear for the collector: false when the type has none (tuples). */
  clearObject(obj: HeapObject): boolean {
    const saved = this.releasingHolder;
    this.releasingHolder = obj;
    try {
      return obj.clearReferences(this.release);
    } finally {
      this.releasingHolder = saved;
    }
  }

  /**
   * The start of tp_dealloc: the finalizer (which may resurrect the object), weak
   * references, untracking. False when the finalizer resurrected it.
   */
  private beginDeallocation(obj: HeapObject): boolean {
    if (obj.hasFinalizer() && !obj.finalized) {
      // subtype_dealloc re-tracks the object around the finalizer: it lands in the youngest generation.
      if (obj.tracked) this.untrack(obj);
      if (obj.gcType) this.track(obj);
      this.markFinalized(obj);
      // PyObject_CallFinalizerFromDealloc: a temporary reference keeps it alive meanwhile.
      this.incref(this.finalizing, 'being finalized', obj);
      this.hooks.runFinalizer(obj);
      this.trace.record(EventKind.Unlink, this.finalizing.id, this.trace.intern('being finalized'), obj.id);
      forgetRootEntry(this.finalizing, 'being finalized', obj);
      this.liveReferences--;
      if (--obj.refcount !== 0) return false; // resurrected: the finalizer stored a reference
    }
    if (obj.weakrefs !== null) this.clearWeakrefs(obj);
    if (obj.tracked) this.untrack(obj);
    // weakref_dealloc's clear_weakref: a dying weak reference leaves its referent's list.
    if (isWeakReference(obj)) this.clearWeakref(obj);
    return true;
  }

  private finishDeallocation(obj: HeapObject, block: MemoryBlock): void {
    // The block goes last, after what the object held (PyObject_GC_Del ends tp_dealloc);
    // a free list that keeps it keeps it for the collector too.
    const kept = this.memory.release(obj.addressOffset, block);
    if (obj.gcType && !kept) this.forgetGcAllocations(1);
    obj.freed = true;
    this.liveCount--;
    this.registry?.delete(obj);
    if (this.trace.enabled) this.trace.record(EventKind.Free, obj.id);
  }

  markFinalized(obj: HeapObject): void {
    obj.finalized = true;
    if (this.trace.enabled) this.trace.record(EventKind.Finalized, obj.id);
  }

  // --- weak references -----------------------------------------------------------------

  /** Registers a weak reference to `referent` at `position` in its list (default: last). */
  addWeakref(referent: HeapObject, weakref: WeakReferenceObject, position?: number): void {
    weakref.referent = referent;
    if (referent.weakrefs === null) referent.weakrefs = [];
    referent.weakrefs.splice(position ?? referent.weakrefs.length, 0, weakref);
  }

  /** Clears one weak reference without calling its callback (_PyWeakref_ClearRef). */
  clearWeakref(weakref: WeakReferenceObject): void {
    const referent = weakref.referent;
    if (referent === null) return;
    weakref.referent = null;
    const list = referent.weakrefs;
    if (list === null) return;
    const i = list.indexOf(weakref);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) referent.weakrefs = null;
  }

  /**
   * PyObject_ClearWeakRefs: clears every weak reference to a dying object first, then
   * calls the callbacks of those still alive, in list order.
   */
  private clearWeakrefs(obj: HeapObject): void {
    const list = obj.weakrefs!;
    obj.weakrefs = null;
    const calls: [WeakReferenceObject, HeapObject][] = [];
    for (const weakref of list) {
      weakref.referent = null;
      const callback = weakref.takeCallback();
      if (callback === null) continue;
      this.move(weakref, WEAKREF_CALLBACK_LABEL, this.pendingCallbacks, 'callback', callback);
      if (weakref.refcount > 0) {
        this.incref(this.pendingCallbacks, 'weak reference', weakref);
        calls.push([weakref, callback]);
      } else {
        this.decref(this.pendingCallbacks, 'callback', callback);
      }
    }
    for (const [weakref, callback] of calls) {
      this.hooks.runWeakrefCallback(callback, weakref);
      this.decref(this.pendingCallbacks, 'weak reference', weakref);
      this.decref(this.pendingCallbacks, 'callback', callback);
    }
  }

  // --- the collector's lists -----------------------------------------------------------

  /** PyObject_GC_Track: the object joins the youngest generation (3.14: as not yet visited). */
  track(obj: HeapObject): void {
    if (obj.tracked) return;
    obj.tracked = true;
    obj.gcSpace = this.gc.visitedSpace ^ 1;
    this.gc.generations[0].append(obj);
    this.setGeneration(obj, 0);
  }

  /** PyObject_GC_UnTrack. */
  untrack(obj: HeapObject): void {
    if (!obj.tracked) return;
    unlinkFromList(obj);
    obj.tracked = false;
    obj.gcCollecting = false;
    obj.gcUnreachable = false;
    this.setGeneration(obj, -1);
  }

  /** Moves a tracked object to the end of `list`, recording its new generation. */
  moveTo(obj: HeapObject, list: GcList, generation: number): void {
    moveToList(obj, list);
    if (obj.generation !== generation) this.setGeneration(obj, generation);
  }

  setGeneration(obj: HeapObject, generation: number): void {
    obj.generation = generation;
    if (this.trace.enabled) this.trace.record(EventKind.Generation, obj.id, generation);
  }

  /** The collector's objects really freed: PyObject_GC_Del lowers generation 0's count. */
  private forgetGcAllocations(freed: number): void {
    const gc = this.gc;
    gc.counts[0] = Math.max(0, gc.counts[0] - freed);
    gc.heapSize -= freed;
  }

  /** After a collection of the oldest generation: CPython empties the types' free lists. */
  clearFreeLists(): void {
    this.forgetGcAllocations(this.memory.clearFreeLists());
  }

  /** An allocation of a GC type: counts toward generation 0 and may start a collection. */
  private countAllocation(): void {
    const gc = this.gc;
    gc.counts[0]++;
    gc.heapSize++;
    if (gc.counts[0] > gc.thresholds[0] && gc.enabled && gc.thresholds[0] !== 0 && !gc.collecting) {
      if (this.profile.automaticCollection === 'immediately') collectAutomatically(this);
      else gc.scheduled = true;
    }
  }

  // --- steps ---------------------------------------------------------------------------

  /**
   * A line starts executing. From 3.12 a collection scheduled by an allocation runs here,
   * at the eval breaker, and belongs to the line before.
   */
  /** Counts every step begun, traced or not (frames compare it to notice a call's steps). */
  stepSerial = 0;

  beginStep(line: number, depth: number): void {
    this.runScheduledCollection();
    this.stepSerial++;
    this.trace.beginStep(line, depth, this.gc.counts);
  }

  /** The frame at `depth` is back on `line` after a call whose lines were steps of their own. */
  continueStep(line: number, depth: number): void {
    this.stepSerial++;
    this.trace.beginStep(line, depth, this.gc.counts, true);
  }

  /** Runs a collection an allocation scheduled (the eval breaker's _Py_RunGC). */
  runScheduledCollection(): void {
    if (this.gc.scheduled && !this.gc.collecting) {
      this.gc.scheduled = false;
      if (this.gc.enabled) collectAutomatically(this);
    }
  }

  /** Text the program printed, in order with the heap's changes. */
  output(text: string, stream: 'stdout' | 'stderr' = 'stdout'): void {
    this.trace.recordOutput(text, stream);
  }

  /** gc.set_threshold(...). */
  setThresholds(values: readonly number[]): void {
    this.gc.setThresholds(values);
    const [a, b, c] = this.gc.reportedThresholds();
    this.trace.record(EventKind.Thresholds, a, b, c);
  }

  /** gc.enable() / gc.disable(). */
  setEnabled(enabled: boolean): void {
    this.gc.enabled = enabled;
    this.trace.record(EventKind.GcEnabled, enabled ? 1 : 0);
  }

  // --- what the gc module asks -----------------------------------------------------------

  /** gc.collect(generation): the number of unreachable objects found. */
  collect(generation = 2): number {
    return collectGeneration(this, generation, 'manual');
  }

  /** gc.get_objects(generation): tracked objects, oldest generation's order first when all. */
  getObjects(generation?: number): HeapObject[] {
    let lists = generation === undefined ? this.gc.generations : [this.gc.generations[generation]];
    // 3.14 reports its two old spaces together as generation 2, and nothing as generation 1.
    if (this.profile.scheme === 'incremental' && generation === 1) lists = [];
    if (this.profile.scheme === 'incremental' && generation === 2) lists = [this.gc.generations[1], this.gc.generations[2]];
    const found: HeapObject[] = [];
    for (const list of lists) for (const object of list.toArray()) found.push(object);
    return found;
  }

  /** gc.get_referrers: tracked objects (and frozen ones) that hold a reference to any of `targets`. */
  getReferrers(targets: readonly HeapObject[]): HeapObject[] {
    const wanted = new Set(targets);
    const found: HeapObject[] = [];
    for (const list of [...this.gc.generations, this.gc.permanent]) {
      for (let o = list.gcNext!; o !== list; o = o.gcNext!) {
        let holds = false;
        o.traverse((t) => {
          if (wanted.has(t)) holds = true;
        });
        if (holds) found.push(o);
      }
    }
    return found;
  }

  /** gc.get_referents: what the object's traverse visits. */
  getReferents(obj: HeapObject): HeapObject[] {
    const found: HeapObject[] = [];
    obj.traverse((t) => found.push(t));
    return found;
  }

  /** gc.freeze(): every tracked object moves to the permanent generation. */
  freeze(): void {
    for (const list of this.gc.generations) {
      for (const obj of list.toArray()) this.moveTo(obj, this.gc.permanent, 3);
    }
    this.gc.counts[0] = 0;
  }

  /** gc.unfreeze(): the permanent generation goes back into the oldest one. */
  unfreeze(): void {
    for (const obj of this.gc.permanent.toArray()) this.moveTo(obj, this.gc.generations[2], 2);
  }

  freezeCount(): number {
    return this.gc.permanent.size();
  }

  /** Every reference a holder has, with labels: roots from their entries, objects from the type. */
  referencesOf(holder: Holder): HeldReference[] {
    const found: HeldReference[] = [];
    if (holder instanceof RootHolder) {
      for (let i = 0; i < holder.targets.length; i++) found.push({ label: holder.labels[i], target: holder.targets[i] });
    } else if (isHeapObject(holder)) {
      holder.forEachReference((label, target) => found.push({ label, target }));
    }
    return found;
  }

  /**
   * The heap's invariant, for tests: every mortal live object's count equals the
   * references to it (from live objects and open roots) plus those from outside; none is
   * alive with no reference at all. Returns the violations (needs `registry`).
   */
  checkInvariants(): string[] {
    if (this.registry === null) return ['no registry: construct the heap with { registry: true }'];
    const incoming = new Map<HeapObject, number>();
    const count = (t: HeapObject): void => {
      incoming.set(t, (incoming.get(t) ?? 0) + 1);
    };
    for (const obj of this.registry) obj.forEachReference((_label, target) => count(target));
    for (const root of this.roots) root.targets.forEach(count);
    const problems: string[] = [];
    for (const obj of this.registry) {
      if (obj.immortal) continue;
      const expected = (incoming.get(obj) ?? 0) + obj.externalRefs;
      if (obj.refcount !== expected) problems.push(`${obj.typeName}#${obj.id} ${obj.display()}: refcount ${obj.refcount}, references ${expected}`);
      else if (obj.refcount === 0) problems.push(`${obj.typeName}#${obj.id} ${obj.display()}: alive with no reference`);
    }
    return problems;
  }
}

function forgetRootEntry(root: RootHolder, label: Label, target: HeapObject): void {
  const { labels, targets } = root;
  for (let i = targets.length - 1; i >= 0; i--) {
    if (targets[i] === target && labels[i] === label) {
      if (i === targets.length - 1) {
        targets.pop();
        labels.pop();
      } else {
        targets.splice(i, 1);
        labels.splice(i, 1);
      }
      return;
    }
  }
  throw new Error(`internal: ${root.name} holds no reference '${labelText(label)}' to object ${target.id}`);
}
