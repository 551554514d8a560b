import type { ConstantValue } from '../ast';
import type { Op } from './opcodes';

/** What kind of block of code a unit is (CPython makes one code object for each). */
export type CodeKind = 'module' | 'class' | 'function' | 'lambda' | 'genexpr' | 'listcomp' | 'setcomp' | 'dictcomp';

/**
 * One compiled code object: instructions with their lines and columns, and the names and
 * constants they refer to. Instructions live in parallel typed arrays for a fast loop.
 */
export interface CodeUnit {
  readonly kind: CodeKind;
  readonly name: string;
  readonly qualname: string;
  readonly firstLine: number;
  readonly argcount: number;
  readonly posonlyargcount: number;
  readonly kwonlyargcount: number;
  readonly hasVarargs: boolean;
  readonly hasVarkw: boolean;
  readonly isGenerator: boolean;
  /** Fast locals: parameters first, then in order of first use (co_varnames). */
  readonly varnames: readonly string[];
  /** Locals captured by inner functions (co_cellvars, sorted as CPython sorts them). */
  readonly cellvars: readonly string[];
  /** Names of the enclosing scopes' cells this code uses (co_freevars). */
  readonly freevars: readonly string[];
  /** Parameters that are also cells: their value moves into the cell on entry. */
  readonly cellParams: readonly number[];
  /** Global, attribute and module-level names (co_names). */
  readonly names: readonly string[];
  /** Indexes into the module's constant pool (co_consts, without duplicates). */
  readonly consts: readonly number[];
  readonly ops: Uint8Array;
  readonly args: Int32Array;
  /** 1-based source line of each instruction. */
  readonly lines: Int32Array;
  /** 0-based UTF-8 columns of each instruction's expression, -1 when none. */
  readonly columns: Int32Array;
  readonly endColumns: Int32Array;
  readonly docstring: string | null;
  /** Maps instruction positions to Op for debugging output. */
  readonly opNames?: readonly Op[];
}

/** A constant of the module: a value from the source, or a nested code object. */
export type PoolEntry = { readonly kind: 'value'; readonly value: ConstantValue } | { readonly kind: 'code'; readonly code: CodeUnit };

/**
 * The module's constants. CPython merges equal constants across every code object of one
 * compilation (`merge_consts_recursive`), so two functions returning 1000 return the
 * same object; the pool keeps one entry per _PyCode_ConstantKey.
 */
export class ConstantPool {
  readonly entries: PoolEntry[] = [];
  private readonly byKey = new Map<string, number>();
  /**
   * How many references the syntax tree holds to each entry: CPython keeps the tree of a
   * script alive while the script runs, and each `Constant` node holds its own object;
   * the first node's object becomes the shared constant.
   */
  readonly treeRefs: number[] = [];

  /** The pool index of a value, adding it on first sight. `fromSource` counts the node's reference. */
  add(value: ConstantValue, fromSource: boolean): number {
    const key = constantKey(value);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.entries.length;
      this.entries.push({ kind: 'value', value });
      this.treeRefs.push(fromSource ? 1 : 0);
      this.byKey.set(key, index);
    } else if (fromSource && this.treeRefs[index] === 0) {
      // First made by the compiler (an implicit `return None`), later written in the source.
      this.treeRefs[index] = 1;
    }
    return index;
  }

  addCode(code: CodeUnit): number {
    this.entries.push({ kind: 'code', code });
    this.treeRefs.push(0);
    return this.entries.length - 1;
  }
}

/** _PyCode_ConstantKey: equal values of the same type are one constant; -0.0 is not 0.0. */
export function constantKey(value: ConstantValue): string {
  switch (value.type) {
    case 'None':
    case 'Ellipsis':
      return value.type;
    case 'bool':
      return `bool:${value.value}`;
    case 'int':
      return `int:${value.value}`;
    case 'float':
      return `float:${Object.is(value.value, -0) ? '-0' : String(value.value)}`;
    case 'complex':
      return `complex:${Object.is(value.real, -0) ? '-0' : value.real}:${Object.is(value.imag, -0) ? '-0' : value.imag}`;
    case 'str':
      return `str:${value.value}`;
    case 'bytes':
      return `bytes:${Array.from(value.value).join(',')}`;
    case 'tuple':
      return `tuple(${value.items.map(constantKey).join(',')})`;
    case 'frozenset':
      return `frozenset(${value.items.map(constantKey).sort().join(',')})`;
  }
}
