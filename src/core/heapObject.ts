/**
 * The objects of the simulated heap. The core knows no language: a front end subclasses
 * `HeapObject` for each of its types and tells the core, through `traverse`,
 * `forEachReference` and `takeReferences`, which references an object holds — the same
 * contract CPython's types give the collector with tp_traverse, tp_clear and tp_dealloc.
 */

import { addressAt } from './memory';

/** An object identity, unique within one run and never reused. */
export type ObjectId = number;

/** Anything that can hold a reference: a heap object or a root outside the heap. */
export interface Holder {
  readonly id: ObjectId;
}

/**
 * A reference's label: a name (`a`, `.attr`, `['key']`), or a number n for the sequence
 * slot `[n]` (numbers cost nothing to make, and lists have many slots).
 */
export type Label = string | number;

export function labelText(label: Label): string {
  return typeof label === 'number' ? `[${label}]` : label;
}

/** Receives the references an object lets go of, one at a time. */
export type Release = (label: Label, target: HeapObject) => void;

/** A labelled reference (for listings). */
export interface HeldReference {
  readonly label: Label;
  readonly target: HeapObject;
}

export abstract class HeapObject implements Holder {
  /** Assigned by `Heap.allocate`. */
  id: ObjectId = 0;
  /** Where it lives, as an offset in the simulated address space (see `address`). */
  addressOffset = 0;
  /** ob_refcnt: every reference from a holder, plus `externalRefs`. Fixed for immortal objects. */
  refcount = 0;
  /** References from outside the simulated program (the interpreter's own tables). */
  externalRefs = 0;
  /** PEP 683 (3.12+): the count never moves and the object is never freed. */
  immortal = false;
  freed = false;

  // --- cycle collector state (explicit fields, as gc.c keeps them in PyGC_Head) ---
  /** Whether the type takes part in cyclic GC at all (Py_TPFLAGS_HAVE_GC). */
  gcType = false;
  /** In one of the collector's lists (PyObject_GC_Track). */
  tracked = false;
  /** Index of the generation list holding the object; -1 when untracked. */
  generation = -1;
  /** Scratch copy of the refcount during a collection. */
  gcRefs = 0;
  /** Part of the generation being collected right now. */
  gcCollecting = false;
  /** Tentatively or finally unreachable during a collection. */
  gcUnreachable = false;
  /** 3.14's incremental collector: which old space the object counts as (visited or not). */
  gcSpace = 0;
  /** Finalizer already called (PEP 442: at most once). */
  finalized = false;
  gcPrev: HeapObject | null = null;
  gcNext: HeapObject | null = null;

  /** Weak references to this object, in CPython's list order. */
  weakrefs: WeakReferenceObject[] | null = null;
  /**
   * How collections may untrack the object: `tuple` (untrack_tuples) and `dict`
   * (untrack_dicts) when it holds only objects that cannot be tracked.
   */
  untrackKind: 'none' | 'tuple' | 'dict' = 'none';

  constructor(
    /** The type's name as the language prints it (`list`, `Node`, ...). */
    readonly typeName: string,
  ) {}

  /** Where it lives (what `id()` shows); unlike `id`, reused once the object is freed. */
  get address(): number {
    return addressAt(this.addressOffset);
  }

  /** tp_traverse: call `visit` for every strong reference this object holds. */
  abstract traverse(visit: (target: HeapObject) => void): void;

  /** Like `traverse`, with the label of each reference (a slot, a key, an attribute). */
  abstract forEachReference(visit: (label: Label, target: HeapObject) => void): void;

  /**
   * tp_dealloc's release: the object first forgets every reference it holds, then hands
   * each to `release` in the order its type releases them (lists and tuples last to first,
   * dicts in order).
   */
  abstract releaseReferences(release: Release): void;

  /**
   * tp_clear, used by the collector to break cycles: like `releaseReferences`. Types
   * without tp_clear (tuples) return false and are freed only when something else lets go.
   */
  clearReferences(release: Release): boolean {
    this.releaseReferences(release);
    return true;
  }

  /** Whether the type has a finalizer (tp_finalize, e.g. a class with `__del__`). */
  hasFinalizer(): boolean {
    return false;
  }

  /** A short display of the value, fixed at allocation; '' for objects described by their references. */
  display(): string {
    return '';
  }
}

/**
 * A weak reference. The front end's weakref type implements this; the core clears it when
 * its referent dies and hands its callback back to the front end to call.
 */
export interface WeakReferenceObject extends HeapObject {
  readonly isWeakReference: true;
  referent: HeapObject | null;
  /** The callback, still held by the weak reference. */
  peekCallback(): HeapObject | null;
  /** Forgets the callback and returns it; the caller now owns that reference. */
  takeCallback(): HeapObject | null;
}

/** The label of the reference a weak reference holds to its callback. */
export const WEAKREF_CALLBACK_LABEL = '__callback__';

export function isWeakReference(obj: HeapObject): obj is WeakReferenceObject {
  return (obj as Partial<WeakReferenceObject>).isWeakReference === true;
}

/** A holder outside the heap: a frame's value stack, the interpreter's tables, a call in progress. */
export class RootHolder implements Holder {
  /** The references held, in order (labels and targets side by side); the core keeps them because nothing else does. */
  readonly labels: Label[] = [];
  readonly targets: HeapObject[] = [];
  closed = false;

  constructor(
    readonly id: ObjectId,
    readonly kind: RootKind,
    readonly name: string,
  ) {}
}

/**
 * What kind of root: `frame` holds a running frame's names and temporaries, `hidden` is
 * an interpreter-internal holder (a code object's constants, the compiler's tree, a call's
 * arguments), `module` holds the modules that are loaded.
 */
export type RootKind = 'frame' | 'hidden' | 'module';

export function isHeapObject(holder: Holder): holder is HeapObject {
  return holder instanceof HeapObject;
}
