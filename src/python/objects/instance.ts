import type { Heap } from '../../core/heap';
import type { HeapObject, Label, Release } from '../../core/heapObject';
import type { PyObject, PyType } from './base';
import type { PyDict } from './containers';

/**
 * Where an instance keeps its attributes, as the version does it:
 * - `dict`: in a separate __dict__ dict object (3.10, and subclasses of list/dict before 3.14);
 * - `inline`: in the instance itself until __dict__ is read, which moves them into a real
 *   dict (3.11, 3.12);
 * - `inline-always`: in the instance for good; __dict__ is a view the collector never
 *   sees (3.13+).
 * __slots__ values always live in the instance.
 */
export type AttributeMode = 'dict' | 'inline' | 'inline-always';

export function attributeLabel(name: string): string {
  return `.${name}`;
}

export class AttributeStore {
  /** Inline values (`inline` modes) and __slots__ values, in the order they were set. */
  readonly values = new Map<string, PyObject>();
  /** The __dict__ object, once there is one. */
  dict: PyDict | null = null;

  constructor(
    readonly mode: AttributeMode,
    /** __slots__ names in declaration order: members are released in that order. */
    readonly slotOrder: readonly string[] | null = null,
  ) {}

  /** Whether the dict holds the attributes (rather than the instance). */
  get inDict(): boolean {
    return this.dict !== null && this.mode !== 'inline-always';
  }

  /** subtype_traverse: slots and inline values, the dict, then the class. */
  traverse(visit: (target: HeapObject) => void, classRef: PyType | null): void {
    for (const v of this.values.values()) visit(v);
    // 3.13+: while values are inline, the view dict is not visited (the collector never sees it).
    if (this.dict && this.mode !== 'inline-always') visit(this.dict);
    if (classRef) visit(classRef);
  }

  forEachReference(visit: (label: Label, target: HeapObject) => void, classRef: PyType | null): void {
    if (classRef) visit('__class__', classRef);
    for (const [name, v] of this.values) visit(attributeLabel(name), v);
    if (this.dict) visit('__dict__', this.dict);
  }

  /** subtype_dealloc: slots and inline values, then the dict, then the class. */
  release(release: Release, classRef: PyType | null): void {
    const slots = this.slotOrder;
    // Slot members first, in declaration order (subtype_dealloc's clear_slots), then the rest.
    const values = slots === null ? [...this.values] : [...this.values].sort((a, b) => rank(slots, a[0]) - rank(slots, b[0]));
    this.values.clear();
    const dict = this.dict;
    this.dict = null;
    for (const [name, target] of values) release(attributeLabel(name), target);
    if (dict) release('__dict__', dict);
    if (classRef) release('__class__', classRef);
  }

  /** Stores an inline or slot value. */
  setValue(heap: Heap, owner: HeapObject, name: string, value: PyObject): void {
    const old = this.values.get(name);
    heap.incref(owner, attributeLabel(name), value);
    this.values.set(name, value);
    if (old !== undefined) heap.decref(owner, attributeLabel(name), old);
  }

  deleteValue(heap: Heap, owner: HeapObject, name: string): boolean {
    const old = this.values.get(name);
    if (old === undefined) return false;
    this.values.delete(name);
    heap.decref(owner, attributeLabel(name), old);
    return true;
  }
}

function rank(slots: readonly string[], name: string): number {
  const i = slots.indexOf(name);
  return i < 0 ? slots.length : i;
}
