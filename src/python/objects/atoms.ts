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

/**
 * A bytes object, or a bytearray (cls is bytearray): then `value` changes in place and the
 * buffer is modelled as CPython's PyByteArrayObject keeps it, for sys.getsizeof.
 */
export class PyBytes extends PyAtom {
  /** bytearray: the bytes its buffer has room for (ob_alloc, the trailing NUL included). */
  allocated: number;
  /** bytearray: how far the logical start has moved into the buffer (ob_start - ob_bytes). */
  private startOffset = 0;

  constructor(
    cls: PyType,
    public value: Uint8Array,
  ) {
    super(cls);
    // PyByteArray_FromStringAndSize: exactly the bytes and a NUL; nothing for an empty one.
    this.allocated = value.length === 0 ? 0 : value.length + 1;
  }

  /** The bytes as a string of code points 0–255 (for searching and comparing). */
  latin1(): string {
    return latin1Text(this.value);
  }

  override display(): string {
    const shown = quoteForDisplay(String.fromCharCode(...this.value.subarray(0, DISPLAY_LIMIT + 1)));
    return this.cls.name === 'bytearray' ? `bytearray(b${shown})` : `b${shown}`;
  }

  /**
   * The bytearray's bytes become `value`, its buffer resized as PyByteArray_Resize does:
   * growing over-allocates by an eighth, a small shrink keeps the buffer, a shrink below
   * half of it reallocates exactly.
   */
  resize(value: Uint8Array): void {
    const size = value.length;
    if (size !== this.value.length) {
      const alloc = this.allocated;
      if (size + this.startOffset + 1 <= alloc) {
        if (size < Math.floor(alloc / 2)) this.reallocate(size + 1);
      } else if (size <= alloc * 1.125) this.reallocate(size + (size >> 3) + (size < 9 ? 3 : 6));
      else this.reallocate(size + 1);
    }
    this.value = value;
  }

  /**
   * bytearray_setslice_linear: bytes `lo` to `hi` become `replacement`. Removing from the
   * front only moves the logical start; the buffer is resized for the new length.
   */
  replaceRange(lo: number, hi: number, replacement: Uint8Array): void {
    const old = this.value;
    const value = new Uint8Array(old.length - (hi - lo) + replacement.length);
    value.set(old.subarray(0, lo));
    value.set(replacement, lo);
    value.set(old.subarray(hi), lo + replacement.length);
    if (value.length < old.length && lo === 0) this.startOffset += old.length - value.length;
    this.resize(value);
  }

  private reallocate(alloc: number): void {
    this.allocated = alloc;
    this.startOffset = 0;
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

/** Bytes as a string of code points 0–255. */
export function latin1Text(value: Uint8Array): string {
  let text = '';
  for (let i = 0; i < value.length; i += 8192) text += String.fromCharCode(...value.subarray(i, i + 8192));
  return text;
}

/** A short repr for the panel (never executes Python code). */
export function quoteForDisplay(text: string): string {
  const shown = text.length > DISPLAY_LIMIT ? `${text.slice(0, DISPLAY_LIMIT)}…` : text;
  const quote = shown.includes("'") && !shown.includes('"') ? '"' : "'";
  const escaped = shown.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
  return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
}
