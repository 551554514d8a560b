import { HeapObject, Label, Release } from '../../core/heapObject';
import type { AttributeStore } from './instance';
import type { PyDict } from './containers';

/**
 * Every Python object of the simulation. `cls` is its Python type; the heap core sees only
 * the HeapObject side (references, counts, generations).
 */
export abstract class PyObject extends HeapObject {
  /** Attributes of instances of user classes (and of objects that have a __dict__). */
  attrs: AttributeStore | null = null;

  constructor(readonly cls: PyType) {
    // `type` and `object` are made before `type` exists: their type is `type`.
    super(cls?.name ?? 'type');
  }

  /**
   * Instances of heap types (user classes) hold a strong reference to their class, as
   * CPython's PyType_GenericAlloc takes one; static builtin types are not counted.
   */
  get holdsClass(): boolean {
    return this.cls.isHeapType;
  }

  /** What every object adds to its type's references: attributes and its class. */
  protected traverseExtras(visit: (target: HeapObject) => void): void {
    if (this.attrs !== null) this.attrs.traverse(visit, this.holdsClass ? this.cls : null);
    else if (this.holdsClass) visit(this.cls);
  }

  protected referencesExtras(visit: (label: Label, target: HeapObject) => void): void {
    if (this.attrs !== null) this.attrs.forEachReference(visit, this.holdsClass ? this.cls : null);
    else if (this.holdsClass) visit('__class__', this.cls);
  }

  /** Releases the extras at the end of a dealloc: attributes, then the class last. */
  protected releaseExtras(release: Release): void {
    if (this.attrs !== null) this.attrs.release(release, this.holdsClass ? this.cls : null);
    else if (this.holdsClass) release('__class__', this.cls);
  }

  /**
   * tp_clear drops what dealloc would, except the class (subtype_clear keeps it): it is
   * released when the object is finally deallocated.
   */
  override clearReferences(release: Release): boolean {
    if (!this.holdsClass) {
      this.releaseReferences(release);
      return true;
    }
    const cls = this.cls;
    this.releaseReferences((label, target) => {
      if (label !== '__class__' || target !== cls) release(label, target);
    });
    return true;
  }
}

/** An instance of a user class with no builtin base (other than object). */
export class PyInstance extends PyObject {
  traverse(visit: (target: HeapObject) => void): void {
    this.traverseExtras(visit);
  }
  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    this.referencesExtras(visit);
  }
  releaseReferences(release: Release): void {
    this.releaseExtras(release);
  }

  override hasFinalizer(): boolean {
    return this.cls.instancesHaveFinalizer();
  }
  override display(): string {
    return `<${this.cls.name} object>`;
  }
}

/** The attributes a builtin type implements in TypeScript. */
export interface NativeSlots {
  /** Methods by name, called with `self` first. */
  readonly methods?: Readonly<Record<string, NativeFunction>>;
  /** Read-only computed attributes (`__closure__`, `cell_contents`...). */
  readonly getters?: Readonly<Record<string, (self: PyObject) => PyObject>>;
  /** Writable computed attributes (`__traceback__`, `cell_contents`...). */
  readonly setters?: Readonly<Record<string, (self: PyObject, value: PyObject) => void>>;
  /** Class methods by name (dict.fromkeys), called with the class first. */
  readonly classMethods?: Readonly<Record<string, NativeFunction>>;
  /** tp_new: `T.__new__(cls, *args)`, called with the class first. */
  readonly construct?: NativeFunction;
}

/**
 * A builtin callable. Arguments are borrowed (the caller holds them). The result is either
 * an existing object or a new one with no references yet; the caller takes its reference
 * at once, before anything else is allocated.
 */
export type NativeFunction = (args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null) => PyObject;

/**
 * A Python type. Builtin types are static (never freed, not counted); classes made by a
 * `class` statement are heap types: GC objects with a dict, bases and an MRO.
 */
export class PyType extends PyObject {
  /** The method resolution order, this type first. */
  mro: PyType[] = [];
  /** Class attributes of heap types live in a real dict object (`__dict__`). */
  dict: PyDict | null = null;
  native: NativeSlots = {};
  /** The builtin type whose layout instances have (list for `class L(list)`). */
  layout: PyType | null = null;
  /** __slots__ names, or null when instances have a __dict__. */
  slots: string[] | null = null;
  /** Instances can be weakly referenced (`__weakref__`). */
  weakrefable = true;
  /** Instances have a __dict__. */
  hasInstanceDict = true;
  /**
   * `__module__` of a builtin type CPython defines in Python (weakref.WeakMethod); null for
   * heap types (their dict says) and C types (their dotted tp_name says).
   */
  module: string | null = null;
  readonly isHeapType: boolean;

  constructor(
    metatype: PyType | null,
    readonly name: string,
    public bases: PyType[],
    options: { heapType?: boolean } = {},
  ) {
    // `type` is its own type: it passes null and fixes `cls` afterwards.
    super(metatype ?? (null as unknown as PyType));
    this.isHeapType = options.heapType ?? false;
  }

  override get holdsClass(): boolean {
    return false;
  }

  // The collector does not visit the subclass list: it holds only weak references.
  traverse(visit: (target: HeapObject) => void): void {
    if (!this.isHeapType) return;
    if (this.dict) visit(this.dict);
    if (this.basesTuple) visit(this.basesTuple);
    if (this.mroTuple) visit(this.mroTuple);
  }

  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    if (!this.isHeapType) return;
    if (this.dict) visit('__dict__', this.dict);
    if (this.basesTuple) visit('__bases__', this.basesTuple);
    if (this.mroTuple) visit('__mro__', this.mroTuple);
    if (this.subclassList) visit('__subclasses__', this.subclassList);
  }

  /** The `__bases__` and `__mro__` tuple objects of a heap type (the MRO refers back to the type: a cycle). */
  basesTuple: PyObject | null = null;
  mroTuple: PyObject | null = null;
  /** tp_subclasses: a dict of weak references to the classes that name this one as a base. */
  subclassList: PyDict | null = null;
  /** Takes this class out of its bases' subclass lists (type_dealloc does it first). */
  leaveBases: (() => void) | null = null;

  releaseReferences(release: Release): void {
    const leave = this.leaveBases;
    this.leaveBases = null;
    leave?.();
    const refs: [Label, HeapObject][] = [];
    this.forEachReference((label, target) => refs.push([label, target]));
    this.dict = null;
    this.basesTuple = null;
    this.mroTuple = null;
    this.subclassList = null;
    for (const [label, target] of refs) release(label, target);
  }

  /** type_clear drops the dict and the MRO; the bases stay until the class is freed. */
  override clearReferences(release: Release): boolean {
    const dict = this.dict;
    const mro = this.mroTuple;
    this.dict = null;
    this.mroTuple = null;
    if (dict) release('__dict__', dict);
    if (mro) release('__mro__', mro);
    return true;
  }

  /** Cached: whether the class or a base defines __del__ (tp_finalize). */
  finalizerCache: boolean | null = null;

  instancesHaveFinalizer(): boolean {
    if (this.finalizerCache === null) this.finalizerCache = this.mro.some((t) => t.dict !== null && t.dict.index.has('s__del__'));
    return this.finalizerCache;
  }

  /** A subtype test along the MRO. */
  isSubtypeOf(other: PyType): boolean {
    return this === other || this.mro.includes(other);
  }

  override display(): string {
    return `<class '${this.qualifiedName()}'>`;
  }

  qualifiedName(): string {
    if (this.module !== null) return `${this.module}.${this.name}`;
    return this.isHeapType ? `__main__.${this.name}` : this.name;
  }
}
