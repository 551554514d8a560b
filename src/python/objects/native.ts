import type { CodeUnit } from '../compile/code';
import type { NativeFunction, PyObject, PyType } from './base';
import { PyFunction } from './callables';
import { PyStruct } from './struct';

/**
 * Objects of the standard library's Python-level modules (copy, collections, dataclasses)
 * that HeapScope writes in TypeScript instead of running CPython's Lib/*.py.
 */

/**
 * A function CPython defines in Python — `copy.deepcopy`, `Counter.most_common`, a
 * dataclass's generated `__init__` — implemented in TypeScript. To Python code it is an
 * ordinary `function` object (type, repr, binding as a method, dispatch of special
 * methods); calling it runs `impl` instead of a frame of bytecode.
 */
export class PyNativeFunction extends PyFunction {
  constructor(
    cls: PyType,
    code: CodeUnit,
    readonly impl: NativeFunction,
  ) {
    super(cls, code);
  }
}

/** The code a native function presents where a code object is looked at (names only: it has no bytecode). */
export function nativeCode(name: string, qualname: string): CodeUnit {
  return {
    kind: 'function',
    name,
    qualname,
    firstLine: 0,
    argcount: 0,
    posonlyargcount: 0,
    kwonlyargcount: 0,
    hasVarargs: true,
    hasVarkw: true,
    isGenerator: false,
    varnames: [],
    cellvars: [],
    freevars: [],
    cellParams: [],
    names: [],
    consts: [],
    ops: new Uint8Array(0),
    args: new Int32Array(0),
    lines: new Int32Array(0),
    columns: new Int32Array(0),
    endColumns: new Int32Array(0),
    docstring: null,
  };
}

/**
 * An iterator of a library type (a deque's iterator) whose `__next__` is native: the
 * interpreter asks `advance` directly, so running out costs no StopIteration object —
 * as CPython's tp_iternext returns NULL without one.
 */
export abstract class PyNativeIterator extends PyStruct {
  /** The next item (borrowed, fresh with no reference yet, or in transit), or null when exhausted. */
  abstract advance(): PyObject | null;
}
