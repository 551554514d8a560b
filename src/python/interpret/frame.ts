import type { Heap } from '../../core/heap';
import type { HeapObject, HeldReference, Holder } from '../../core/heapObject';
import type { CodeUnit } from '../compile/code';
import type { PyObject } from '../objects/base';
import type { PyDict, PyTuple } from '../objects/containers';
import type { PyStruct } from '../objects/struct';

export const TEMPORARY = 'temporary';
export const FUNCTION_LABEL = 'function';

/** A handler block: where to go on an exception, and the stack depth to unwind to. */
export type Block =
  | { readonly kind: 'setup'; readonly handler: number; readonly level: number }
  /**
   * Inside an except (or exceptional finally) body: the exception being handled (a counted
   * reference, as the exc_info CPython keeps on the stack) and the one handled before it.
   */
  | { readonly kind: 'except'; readonly previous: PyObject | null; readonly current: PyObject };

export const HANDLED_EXCEPTION = 'exception being handled';
export const FRAME_OBJECT_LABEL = 'frame object';

/**
 * One executing (or suspended) frame: its fast locals, cells, value stack and blocks.
 * Every reference the frame holds is counted against `holder` — a root for a running call,
 * or the generator object for a generator's frame.
 */
export class ExecFrame {
  readonly fast: (PyObject | null)[];
  readonly cells: (PyStruct | null)[];
  readonly stack: (PyObject | null)[] = [];
  /** 3.14: which stack entries are borrowed (no reference held). */
  readonly borrowed: boolean[] = [];
  blocks: Block[] = [];
  pc = 0;
  /** The line whose step is current, to notice when a new one starts. */
  line = -1;
  /** The heap's step serial when this frame's current step began (a call's steps change it). */
  stepSerial = -1;
  /** The frame object, once something asked for it (sys._getframe, a traceback). */
  frameObject: PyStruct | null = null;
  /** Keyword names for the next Call. */
  kwnames: PyTuple | null = null;
  /** Returns to the TypeScript caller instead of a Python frame when it finishes. */
  entry = false;
  /** The exception handled when the frame was entered (restored when it returns). */
  savedHandling: PyObject | null = null;
  /** How many values were in transit when the current instruction began (dropped if it raises). */
  transitMark = 0;
  /** The generator object, when this is a generator's frame. */
  generator: PyObject | null = null;
  finished = false;

  constructor(
    readonly code: CodeUnit,
    public holder: Holder,
    readonly globals: PyDict,
    readonly locals: PyDict | null,
    /** The function being run (held by the frame from 3.11). */
    public fn: PyObject | null,
    public back: ExecFrame | null,
    readonly depth: number,
  ) {
    this.fast = new Array(code.varnames.length).fill(null);
    this.cells = new Array(code.cellvars.length + code.freevars.length).fill(null);
  }

  /** The name of slot `i` of `cells`. */
  cellName(i: number): string {
    const c = this.code.cellvars;
    return i < c.length ? c[i] : this.code.freevars[i - c.length];
  }

  /** Every reference the frame holds, labelled (for generators, which are heap objects). */
  forEachReference(visit: (label: string, target: HeapObject) => void): void {
    const fast = this.fast;
    for (let i = 0; i < fast.length; i++) {
      const v = fast[i];
      if (v !== null) visit(this.code.varnames[i], v);
    }
    for (let i = 0; i < this.cells.length; i++) {
      const c = this.cells[i];
      if (c !== null) visit(this.cellName(i), c);
    }
    for (let i = 0; i < this.stack.length; i++) {
      const v = this.stack[i];
      if (v !== null && !this.borrowed[i]) visit(TEMPORARY, v);
    }
    for (const block of this.blocks) if (block.kind === 'except') visit(HANDLED_EXCEPTION, block.current);
    if (this.fn !== null) visit(FUNCTION_LABEL, this.fn);
    // A generator's frame keeps the frame object made for it (a traceback, gi_frame).
    if (this.frameObject !== null) visit(FRAME_OBJECT_LABEL, this.frameObject);
  }

  traverse(visit: (target: HeapObject) => void): void {
    this.forEachReference((_, t) => visit(t));
  }

  /** Hands over every reference: locals in order, then cells, the stack, the function. */
  takeReferences(): HeldReference[] {
    const refs: HeldReference[] = [];
    this.forEachReference((label, target) => refs.push({ label, target }));
    this.fast.fill(null);
    this.cells.fill(null);
    this.stack.length = 0;
    this.borrowed.length = 0;
    this.blocks = [];
    this.fn = null;
    this.frameObject = null;
    return refs;
  }

  /** Releases every reference (a finished call), locals first, as _PyFrame_ClearLocals does. */
  clear(heap: Heap): void {
    for (const { label, target } of this.takeReferences()) heap.decref(this.holder, label, target);
  }
}
