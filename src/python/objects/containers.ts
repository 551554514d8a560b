import type { Heap } from '../../core/heap';
import type { HeapObject, Label, Release, Holder } from '../../core/heapObject';
import { PyObject, PyType } from './base';

/**
 * Lists, tuples, dicts and sets. Each keeps its items as references in the heap: every
 * store takes a reference (labelled with the slot), every removal drops one.
 */

/** The label of a sequence slot. */
export function slotLabel(index: number): string {
  return `[${index}]`;
}

/**
 * What a deallocated list or tuple holds: one shared, frozen array. A fresh empty array per
 * dead object would be young memory held by old, dead objects, which V8's scavenges keep
 * copying until the next full GC (a 1,000,000-object collection spent most of its time so).
 */
const NO_ITEMS = Object.freeze([]) as unknown as PyObject[];

export class PyList extends PyObject {
  items: PyObject[] = [];
  /** The item slots allocated (list_resize's over-allocation): what sys.getsizeof reports. */
  allocated = 0;

  constructor(cls: PyType) {
    super(cls);
  }

  /** list_traverse visits the items from the last to the first (gc.get_referents shows it). */
  traverse(visit: (target: HeapObject) => void): void {
    const items = this.items;
    for (let i = items.length - 1; i >= 0; i--) visit(items[i]);
    this.traverseExtras(visit);
  }

  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    this.items.forEach((item, i) => visit(i, item));
    this.referencesExtras(visit);
  }

  /** list_dealloc and _list_clear release the items from the last to the first. */
  releaseReferences(release: Release): void {
    const items = this.items;
    this.items = NO_ITEMS;
    for (let i = items.length - 1; i >= 0; i--) release(i, items[i]);
    this.releaseExtras(release);
  }

  override hasFinalizer(): boolean {
    return this.cls.isHeapType && this.cls.instancesHaveFinalizer();
  }

  /**
   * list_resize: makes room for `size` items before the list changes length. Growing
   * over-allocates by about 1/8; the block shrinks only when less than half of it is used.
   */
  resize(size: number): void {
    const allocated = this.allocated;
    if (allocated >= size && size >= allocated >> 1) return;
    let capacity = (size + (size >> 3) + 6) & ~3;
    if (size - this.items.length > capacity - size) capacity = (size + 3) & ~3;
    this.allocated = size === 0 ? 0 : capacity;
  }

  /** list_preallocate_exact (list(x) of a sized x, extending an empty list by a list or tuple). */
  preallocate(size: number): void {
    this.allocated = (size + 1) & ~1;
  }

  append(heap: Heap, item: PyObject): void {
    if (this.items.length >= this.allocated) this.resize(this.items.length + 1);
    heap.incref(this, slotLabel(this.items.length), item);
    this.items.push(item);
  }

  /** Takes over a reference `from` holds (BUILD_LIST, LIST_APPEND steal their items). */
  appendMoved(heap: Heap, from: Holder, fromLabel: string, item: PyObject): void {
    if (this.items.length >= this.allocated) this.resize(this.items.length + 1);
    heap.move(from, fromLabel, this, slotLabel(this.items.length), item);
    this.items.push(item);
  }

  setItem(heap: Heap, index: number, item: PyObject): void {
    const old = this.items[index];
    heap.incref(this, slotLabel(index), item);
    this.items[index] = item;
    heap.decref(this, slotLabel(index), old);
  }

  insert(heap: Heap, index: number, item: PyObject): void {
    this.resize(this.items.length + 1);
    this.items.splice(index, 0, item);
    heap.incref(this, slotLabel(index), item);
    if (index < this.items.length - 1) heap.recordReorder(this);
  }

  /**
   * Removes `items[start:end]` and drops their references after the list is consistent
   * again (so a finalizer that looks at the list sees it whole), last first.
   */
  removeRange(heap: Heap, start: number, end: number): void {
    if (end <= start) return;
    this.resize(this.items.length - (end - start));
    const removed = this.items.splice(start, end - start);
    if (removed.length === 0) return;
    if (start < this.items.length) heap.recordReorder(this);
    for (let i = removed.length - 1; i >= 0; i--) heap.decref(this, slotLabel(start + i), removed[i]);
  }

  /** Removes one item and hands its reference to `to` (list.pop). */
  popTo(heap: Heap, index: number, to: Holder, label: string): PyObject {
    const item = this.items[index];
    this.resize(this.items.length - 1);
    heap.move(this, slotLabel(index), to, label, item);
    this.items.splice(index, 1);
    if (index < this.items.length) heap.recordReorder(this);
    return item;
  }

  /** Reorders in place (sort, reverse): no count changes. */
  reorder(heap: Heap, items: PyObject[]): void {
    this.items = items;
    heap.recordReorder(this);
  }

  override display(): string {
    return '';
  }
}

export class PyTuple extends PyObject {
  constructor(
    cls: PyType,
    public items: PyObject[],
  ) {
    super(cls);
    this.untrackKind = cls.name === 'tuple' ? 'tuple' : 'none';
  }

  traverse(visit: (target: HeapObject) => void): void {
    const items = this.items;
    for (let i = 0; i < items.length; i++) visit(items[i]);
    this.traverseExtras(visit);
  }

  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    this.items.forEach((item, i) => visit(i, item));
    this.referencesExtras(visit);
  }

  releaseReferences(release: Release): void {
    const items = this.items;
    this.items = NO_ITEMS;
    for (let i = items.length - 1; i >= 0; i--) release(i, items[i]);
    this.releaseExtras(release);
  }

  /** Tuples have no tp_clear: the collector frees them only through others. */
  override clearReferences(): boolean {
    return false;
  }
}

/** A hashable key as the dict and set tables index it. */
export type TableKey = number | string;

export interface DictEntry {
  key: PyObject;
  value: PyObject;
  /** The key's table index; entries with a Python-level __eq__ share a hash bucket. */
  tableKey: TableKey;
}

/** Labels for a dict entry's two references. */
export function dictValueLabel(keyText: string): string {
  return `[${keyText}]`;
}

export function dictKeyLabel(keyText: string): string {
  return `key ${keyText}`;
}

/**
 * A dict: entries in insertion order (deleted ones leave a hole until compaction, as in
 * CPython), with an index from table keys to entry positions.
 */
export class PyDict extends PyObject {
  entries: (DictEntry | null)[] = [];
  /** Table key → entry position; keys compared by Python __eq__ share one key and a list. */
  index = new Map<TableKey, number | number[]>();
  size = 0;
  /** Labels use a short text of the key, fixed when the entry is made. */
  keyTexts: string[] = [];
  /** A key that is not an exact str was ever stored (CPython switches to a general keys table). */
  generalKeys = false;

  constructor(cls: PyType) {
    super(cls);
    this.untrackKind = 'dict';
  }

  /** dict_traverse: with only str keys just the values; otherwise each value, then its key. */
  traverse(visit: (target: HeapObject) => void): void {
    const general = this.generalKeys;
    for (const entry of this.entries) {
      if (entry !== null) {
        visit(entry.value);
        if (general) visit(entry.key);
      }
    }
    this.traverseExtras(visit);
  }

  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    this.entries.forEach((entry, i) => {
      if (entry === null) return;
      visit(dictKeyLabel(this.keyTexts[i]), entry.key);
      visit(dictValueLabel(this.keyTexts[i]), entry.value);
    });
    this.referencesExtras(visit);
  }

  /** dict_dealloc: each entry's key, then its value, in insertion order. */
  releaseReferences(release: Release): void {
    const entries = this.entries;
    const texts = this.keyTexts;
    this.entries = [];
    this.keyTexts = [];
    this.index.clear();
    this.size = 0;
    entries.forEach((entry, i) => {
      if (entry === null) return;
      release(dictKeyLabel(texts[i]), entry.key);
      release(dictValueLabel(texts[i]), entry.value);
    });
    this.releaseExtras(release);
  }

  *liveEntries(): IterableIterator<DictEntry> {
    for (const entry of this.entries) if (entry !== null) yield entry;
  }

  override display(): string {
    return '';
  }
}

export class PySet extends PyObject {
  /** Items in the order the set iterates them. */
  items: PyObject[] = [];
  /** Slots in the hash table (8 in the object itself; larger tables grow as set_table_resize does). */
  tableSize = 8;
  index = new Map<TableKey, number | number[]>();
  tableKeys: TableKey[] = [];

  constructor(cls: PyType) {
    super(cls);
  }

  traverse(visit: (target: HeapObject) => void): void {
    for (const item of this.items) visit(item);
  }

  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    this.items.forEach((item, i) => visit(`{${i}}`, item));
    this.referencesExtras(visit);
  }

  releaseReferences(release: Release): void {
    const items = this.items;
    this.items = [];
    this.tableKeys = [];
    this.index.clear();
    items.forEach((target, i) => release(`{${i}}`, target));
    this.releaseExtras(release);
  }

  override display(): string {
    return '';
  }
}

/**
 * 3.13+: the __dict__ of an instance whose attributes stay inline. It mirrors the
 * instance's values without holding references of its own — the collector never sees
 * it — and writes through it go to the instance.
 */
export class PyDictView extends PyDict {
  constructor(
    cls: PyType,
    readonly owner: PyObject,
  ) {
    super(cls);
  }
  // It holds its keys (the instance's shared keys) but none of the values.
  override traverse(visit: (target: HeapObject) => void): void {
    for (const entry of this.entries) if (entry !== null) visit(entry.key);
    this.traverseExtras(visit);
  }
  override forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    this.entries.forEach((entry, i) => {
      if (entry !== null) visit(dictKeyLabel(this.keyTexts[i]), entry.key);
    });
    this.referencesExtras(visit);
  }
  override releaseReferences(release: Release): void {
    const entries = this.entries;
    const texts = this.keyTexts;
    this.entries = [];
    this.keyTexts = [];
    this.index.clear();
    this.size = 0;
    entries.forEach((entry, i) => {
      if (entry !== null) release(dictKeyLabel(texts[i]), entry.key);
    });
    this.releaseExtras(release);
  }
}
