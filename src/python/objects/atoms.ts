import type { HeapObject, Label, Release } from '../../core/heapObject';
import { PyObject, PyType } from './base';

/** Objects that hold no references: numbers, strings, singletons. */
abstract class PyAtom extends PyObject {
  // Atoms hold nothing — except, for instances of user subclasses (class I(int)), their
  // class and attributes.
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
    return this.cls.isHeapType && this.cls.instancesHaveFinalizer();
  }
}

/** A Python int (and bool, whose cls is `bool`). Small values are JS numbers, big ones bigints. */
export class PyInt extends PyAtom {
  constructor(
    cls: PyType,
    readonly value: number | bigint,
  ) {
    super(cls);
  }
  override display(): string {
    if (this.cls.name === 'bool') return this.value ? 'True' : 'False';
    return String(this.value);
  }
}

export class PyFloat extends PyAtom {
  constructor(
    cls: PyType,
    readonly value: number,
    private readonly shown: string,
  ) {
    super(cls);
  }
  override display(): string {
    return this.shown;
  }
}

export class PyComplex extends PyAtom {
  constructor(
    cls: PyType,
    readonly real: number,
    readonly imag: number,
    private readonly shown: string,
  ) {
    super(cls);
  }
  override display(): string {
    return this.shown;
  }
}

export class PyStr extends PyAtom {
  /** In the interpreter's table of interned strings (sys.intern, identifier-like literals). */
  interned = false;
  /** The cached hash, as CPython caches it. */
  hashCache: number | null = null;
  constructor(
    cls: PyType,
    readonly value: string,
  ) {
    super(cls);
  }
  override display(): string {
    return quoteForDisplay(this.value);
  }
}

export class PyBytes extends PyAtom {
  constructor(
    cls: PyType,
    readonly value: Uint8Array,
  ) {
    super(cls);
  }
}

/** None, Ellipsis, NotImplemented: one object each. */
export class PySingleton extends PyAtom {
  constructor(
    cls: PyType,
    readonly name: string,
  ) {
    super(cls);
  }
  override display(): string {
    return this.name;
  }
}

/** A plain `object()`, or any atom-like builtin instance. */
export class PyPlainObject extends PyAtom {
  override display(): string {
    return `<${this.cls.name} object>`;
  }
}

const DISPLAY_LIMIT = 60;

/** A short repr for the panel (never executes Python code). */
export function quoteForDisplay(text: string): string {
  const shown = text.length > DISPLAY_LIMIT ? `${text.slice(0, DISPLAY_LIMIT)}…` : text;
  const quote = shown.includes("'") && !shown.includes('"') ? '"' : "'";
  const escaped = shown.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}
