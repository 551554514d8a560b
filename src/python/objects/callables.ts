import type { HeapObject, Label, Release } from '../../core/heapObject';
import type { CodeUnit } from '../compile/code';
import type { ExecFrame } from '../interpret/frame';
import { NativeFunction, PyObject, PyType } from './base';
import { PyStruct } from './struct';

/** A Python function: its code, globals, defaults, closure... each a referenced field. */
export class PyFunction extends PyStruct {
  constructor(
    cls: PyType,
    readonly code: CodeUnit,
  ) {
    super(cls);
  }
  override display(): string {
    return `<function ${this.code.qualname}>`;
  }
}

/** A closure cell. */
export class PyCell extends PyStruct {
  override display(): string {
    return '<cell>';
  }
}

/** A bound method: __func__ and __self__. */
export class PyMethod extends PyStruct {
  override display(): string {
    return '<bound method>';
  }
}

/**
 * A builtin function or method. Bound builtin methods (`lst.append`) hold `__self__`.
 */
export class PyBuiltin extends PyStruct {
  constructor(
    cls: PyType,
    readonly name: string,
    readonly impl: NativeFunction,
    /** A method descriptor of a builtin type: called with self as the first argument. */
    readonly ownerType: PyType | null = null,
    /** A builtin type's `__new__` belongs to the type (object.__new__ is "of type object"). */
    readonly ofType: PyType | null = null,
  ) {
    super(cls);
  }
  override display(): string {
    if (this.ownerType) return `<method '${this.name}' of '${this.ownerType.name}' objects>`;
    if (this.ofType) return `<built-in method ${this.name} of type object>`;
    return `<built-in function ${this.name}>`;
  }
}

/** A code object; its co_consts tuple holds the constants it uses. */
export class PyCode extends PyStruct {
  constructor(
    cls: PyType,
    readonly unit: CodeUnit,
  ) {
    super(cls);
  }
  override display(): string {
    return `<code object ${this.unit.name}>`;
  }
}

/**
 * A frame object. While its frame runs, the frame's root holds the locals; when the frame
 * finishes while something else still holds this object, the locals move here (CPython's
 * take_ownership) — which is how tracebacks keep locals alive.
 */
export class PyFrameObject extends PyStruct {
  exec: ExecFrame | null = null;
  /** The line being executed, kept after the frame finished. */
  lineno = 0;
  constructor(
    cls: PyType,
    readonly unit: CodeUnit,
  ) {
    super(cls);
  }
  override display(): string {
    return `<frame ${this.unit.name}>`;
  }
}

export class PyTraceback extends PyStruct {
  constructor(
    cls: PyType,
    readonly lineno: number,
    /** The running expression's columns on that line (-1 when unknown or over several lines), for the carets. */
    readonly column = -1,
    readonly endColumn = -1,
  ) {
    super(cls);
  }
  override display(): string {
    return `<traceback line ${this.lineno}>`;
  }
}

/**
 * A generator: it holds its suspended frame, so every local of the frame is a reference
 * the generator holds. Deleting a suspended generator runs its finally blocks (tp_finalize).
 */
export class PyGenerator extends PyObject {
  started = false;
  running = false;
  constructor(
    cls: PyType,
    public frame: ExecFrame | null,
    readonly name: string,
    readonly qualname: string,
  ) {
    super(cls);
  }

  get suspended(): boolean {
    return this.started && this.frame !== null && !this.frame.finished;
  }

  traverse(visit: (target: HeapObject) => void): void {
    this.frame?.traverse(visit);
    this.traverseExtras(visit);
  }
  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    this.frame?.forEachReference(visit);
    this.referencesExtras(visit);
  }
  releaseReferences(release: Release): void {
    if (this.frame) {
      this.frame.finished = true;
      for (const { label, target } of this.frame.takeReferences()) release(label, target);
    }
    this.releaseExtras(release);
  }
  /** _PyGen_Finalize runs for every generator whose frame has not completed, started or not. */
  override hasFinalizer(): boolean {
    return this.frame !== null && !this.frame.finished;
  }
  override display(): string {
    return `<generator ${this.qualname}>`;
  }
}
