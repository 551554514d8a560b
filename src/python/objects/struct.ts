import type { Heap } from '../../core/heap';
import type { HeapObject, Label, Release } from '../../core/heapObject';
import { PyObject, PyType } from './base';

/**
 * An object whose references are a few named fields (a function's __code__ and
 * __globals__, a bound method's __self__, a cell's contents, an iterator's sequence...).
 * Fields are released in the order they were first set, as most deallocators do.
 */
export class PyStruct extends PyObject {
  readonly fields = new Map<string, PyObject>();
  /** Non-reference data of the concrete kind (an iterator's position, a code object's unit). */
  state: unknown = null;

  constructor(cls: PyType) {
    super(cls);
  }

  traverse(visit: (target: HeapObject) => void): void {
    for (const target of this.fields.values()) visit(target);
    this.traverseExtras(visit);
  }

  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    for (const [label, target] of this.fields) visit(label, target);
    this.referencesExtras(visit);
  }

  releaseReferences(release: Release): void {
    const fields = [...this.fields];
    this.fields.clear();
    for (const [label, target] of fields) release(label, target);
    this.releaseExtras(release);
  }

  override hasFinalizer(): boolean {
    return this.cls.isHeapType && this.cls.instancesHaveFinalizer();
  }

  get(name: string): PyObject | undefined {
    return this.fields.get(name);
  }

  /** Stores a new reference in a field, dropping the old one after. */
  set(heap: Heap, name: string, value: PyObject): void {
    const old = this.fields.get(name);
    heap.incref(this, name, value);
    this.fields.set(name, value);
    if (old !== undefined) heap.decref(this, name, old);
  }

  /** Clears a field, dropping its reference. */
  clear(heap: Heap, name: string): void {
    const old = this.fields.get(name);
    if (old === undefined) return;
    this.fields.delete(name);
    heap.decref(this, name, old);
  }

  override display(): string {
    const name = this.fields.get('__name__');
    if (name === undefined || !('value' in name)) return '';
    const text = String((name as { value: unknown }).value);
    return this.cls.name === 'module' ? `<module '${text}'>` : `<${this.cls.name} ${text}>`;
  }
}
