import { Heap } from '../../src/core/heap';
import { HeapObject, Holder, Label, Release, RootHolder, WEAKREF_CALLBACK_LABEL, WeakReferenceObject } from '../../src/core/heapObject';
import type { MemoryBlock } from '../../src/core/memory';
import type { CollectorProfile } from '../../src/core/profile';

/** Test profiles: the collector's parameters only, independent of the version table. */
export const GENERATIONAL: CollectorProfile = {
  scheme: 'generational',
  defaultThresholds: [700, 10, 10],
  automaticCollection: 'immediately',
  untracksDicts: true,
  untracksTuples: true,
  immortalRefcount: 0,
};

export const SCHEDULED: CollectorProfile = { ...GENERATIONAL, automaticCollection: 'next-step', immortalRefcount: 4294967295 };

export const INCREMENTAL: CollectorProfile = {
  scheme: 'incremental',
  defaultThresholds: [2000, 10, 0],
  automaticCollection: 'next-step',
  untracksDicts: false,
  untracksTuples: true,
  immortalRefcount: 3221225472,
};

/**
 * A container for tests: named slots in insertion order, released in that order (or the
 * reverse, like a list), with an optional finalizer.
 */
const PLAIN_BOX_BLOCK: MemoryBlock = { size: 32, freeList: null };

export class Box extends HeapObject {
  readonly slots = new Map<string, HeapObject>();
  finalizer: ((self: Box) => void) | null = null;
  /** The memory block it occupies (a plain 32-byte block unless a test says otherwise). */
  block: MemoryBlock = PLAIN_BOX_BLOCK;

  constructor(
    readonly name: string,
    readonly releaseReversed = false,
    typeName = 'Box',
  ) {
    super(typeName);
  }

  traverse(visit: (target: HeapObject) => void): void {
    for (const target of this.slots.values()) visit(target);
  }

  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    for (const [label, target] of this.slots) visit(label, target);
  }

  releaseReferences(release: Release): void {
    const refs = [...this.slots];
    this.slots.clear();
    if (this.releaseReversed) refs.reverse();
    for (const [label, target] of refs) release(label, target);
  }

  override hasFinalizer(): boolean {
    return this.finalizer !== null;
  }

  override display(): string {
    return this.name;
  }
}

/** A tuple-like box: collections can untrack it, and it has no tp_clear. */
export class TupleBox extends Box {
  constructor(name: string) {
    super(name, true, 'tuple');
    this.untrackKind = 'tuple';
  }

  override clearReferences(): boolean {
    return false;
  }
}

/** An atom: holds nothing, not a GC type. */
export class Atom extends HeapObject {
  constructor(readonly value: string) {
    super('int');
  }
  traverse(): void {}
  forEachReference(): void {}
  releaseReferences(): void {}
  override display(): string {
    return this.value;
  }
}

export class WeakRef extends HeapObject implements WeakReferenceObject {
  readonly isWeakReference = true as const;
  referent: HeapObject | null = null;
  callback: HeapObject | null = null;

  constructor() {
    super('weakref');
  }
  traverse(visit: (target: HeapObject) => void): void {
    if (this.callback) visit(this.callback);
  }
  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    if (this.callback) visit(WEAKREF_CALLBACK_LABEL, this.callback);
  }
  releaseReferences(release: Release): void {
    const callback = this.callback;
    this.callback = null;
    if (callback) release(WEAKREF_CALLBACK_LABEL, callback);
  }
  peekCallback(): HeapObject | null {
    return this.callback;
  }
  takeCallback(): HeapObject | null {
    const callback = this.callback;
    this.callback = null;
    return callback;
  }
}

/** A heap with a root frame and helpers to build graphs by name. */
export class World {
  readonly heap: Heap;
  readonly frame: RootHolder;
  readonly live = new Set<HeapObject>();
  readonly log: string[] = [];
  callbacks = new Map<HeapObject, (weakref: WeakRef) => void>();

  constructor(profile: CollectorProfile = GENERATIONAL, options: { trace?: boolean } = {}) {
    this.heap = new Heap(profile, { trace: options.trace ?? true });
    this.frame = this.heap.openRoot('frame', '<module>');
    this.heap.hooks = {
      runFinalizer: (obj) => (obj as Box).finalizer?.(obj as Box),
      runWeakrefCallback: (callback, weakref) => this.callbacks.get(callback)?.(weakref as WeakRef),
      runGcCallbacks: (phase, info) => this.log.push(`gc ${phase} ${info.generation} ${info.collected}`),
      saveGarbage: (obj) => this.log.push(`saved ${(obj as Box).name}`),
      memoryBlock: (obj) => (obj instanceof Box ? obj.block : PLAIN_BOX_BLOCK),
    };
  }

  box(name: string, options: { reversed?: boolean; track?: boolean; block?: MemoryBlock } = {}): Box {
    const fresh = new Box(name, options.reversed ?? false);
    if (options.block) fresh.block = options.block;
    const box = this.heap.allocate(fresh, { gc: true, track: options.track ?? true });
    this.live.add(box);
    return box;
  }

  tuple(name: string): TupleBox {
    const box = this.heap.allocate(new TupleBox(name), { gc: true, track: true });
    this.live.add(box);
    return box;
  }

  atom(value: string): Atom {
    const atom = this.heap.allocate(new Atom(value));
    this.live.add(atom);
    return atom;
  }

  /** Binds a name in the root frame. */
  bind(name: string, target: HeapObject): void {
    this.heap.incref(this.frame, name, target);
  }

  unbind(name: string, target: HeapObject): void {
    this.heap.decref(this.frame, name, target);
  }

  set(holder: Box, label: string, target: HeapObject): void {
    const old = holder.slots.get(label);
    holder.slots.set(label, target);
    this.heap.incref(holder, label, target);
    if (old) this.heap.decref(holder, label, old);
  }

  del(holder: Box, label: string): void {
    const old = holder.slots.get(label)!;
    holder.slots.delete(label);
    this.heap.decref(holder, label, old);
  }

  weakref(referent: HeapObject, callback?: (weakref: WeakRef) => void): WeakRef {
    const weakref = this.heap.allocate(new WeakRef(), { gc: true, track: true });
    this.live.add(weakref);
    if (callback) {
      const fn = this.box('callback');
      this.callbacks.set(fn, callback);
      weakref.callback = fn;
      this.heap.incref(weakref, WEAKREF_CALLBACK_LABEL, fn);
    }
    this.heap.addWeakref(referent, weakref, referent.weakrefs?.length ?? 0);
    return weakref;
  }

  /** Objects not yet freed. */
  alive(): HeapObject[] {
    return [...this.live].filter((o) => !o.freed);
  }

  /** Asserts refcount == incoming references + external for every live object. */
  checkRefcounts(roots: readonly Holder[] = [this.frame]): void {
    const incoming = new Map<HeapObject, number>();
    const count = (t: HeapObject): void => {
      incoming.set(t, (incoming.get(t) ?? 0) + 1);
    };
    for (const obj of this.alive()) obj.traverse(count);
    for (const root of [...roots, this.heap.finalizing, this.heap.collectorRefs, this.heap.pendingCallbacks]) {
      if (root instanceof RootHolder) root.targets.forEach(count);
    }
    for (const obj of this.alive()) {
      if (obj.immortal) continue;
      const expected = (incoming.get(obj) ?? 0) + obj.externalRefs;
      if (obj.refcount !== expected) {
        throw new Error(`object ${obj.id} (${obj.display()}) has refcount ${obj.refcount}, but ${expected} references`);
      }
    }
  }
}
