import type { ConstantValue } from '../ast';
import { CodeUnit, ConstantPool, constantKey } from '../compile/code';
import { PyBytes, PyStr } from '../objects/atoms';
import type { PyObject } from '../objects/base';
import { PyCode } from '../objects/callables';
import { PyTuple } from '../objects/containers';
import { complexRepr } from './text';
import type { Runtime } from './runtime';

/**
 * The program's constants, made before it runs as CPython's compiler makes them: one
 * object per distinct constant of the module, held by the code objects' co_consts tuples
 * (equal tuples shared) and by the syntax tree, which lives while the script runs.
 */

const IDENTIFIER = /^[A-Za-z0-9_]*$/;

export function materializeProgram(rt: Runtime, pool: ConstantPool, module: CodeUnit): PyCode {
  rt.pool = pool;
  rt.poolObjects = new Array(pool.entries.length).fill(null);
  const byKey = new Map<string, PyObject>();
  // Values first (the tree's references), then code objects bottom-up.
  pool.entries.forEach((entry, i) => {
    if (entry.kind === 'value') {
      const obj = valueObject(rt, entry.value, byKey);
      rt.poolObjects[i] = obj;
      if (pool.treeRefs[i] > 0) rt.heap.incref(rt.programRoot, 'syntax tree', obj);
    }
  });
  const sharedConsts = new Map<string, PyTuple>();
  const makeCode = (unit: CodeUnit): PyCode => {
    const existing = rt.codeObjects.get(unit);
    if (existing) return existing as PyCode;
    for (const index of unit.consts) {
      const entry = pool.entries[index];
      if (entry.kind === 'code' && rt.poolObjects[index] === null) rt.poolObjects[index] = makeCode(entry.code);
    }
    const code = rt.heap.allocate(new PyCode(rt.types.code, unit));
    rt.codeObjects.set(unit, code);
    const key = unit.consts.join(',');
    let consts = sharedConsts.get(key);
    if (consts === undefined) {
      consts = rt.newTuple(unit.consts.map((i) => rt.poolObjects[i]!));
      if (rt.lang.constantTuplesUntracked && consts.tracked) rt.heap.untrack(consts);
      sharedConsts.set(key, consts);
    }
    code.set(rt.heap, 'co_consts', consts);
    return code;
  };
  const moduleCode = makeCode(module);
  rt.heap.incref(rt.programRoot, 'module code', moduleCode);
  return moduleCode;
}

/** The object for a constant; equal constants (tuple items included) are one object (merge_consts_recursive). */
function valueObject(rt: Runtime, value: ConstantValue, byKey: Map<string, PyObject>): PyObject {
  const key = constantKey(value);
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const obj = newValueObject(rt, value, byKey);
  byKey.set(key, obj);
  return obj;
}

function newValueObject(rt: Runtime, value: ConstantValue, byKey: Map<string, PyObject>): PyObject {
  switch (value.type) {
    case 'None':
      return rt.none;
    case 'Ellipsis':
      return rt.ellipsis;
    case 'bool':
      return rt.bool(value.value);
    case 'int':
      return rt.int(value.value);
    case 'float':
      return rt.float(value.value);
    case 'complex':
      return rt.complex(value.real, value.imag, complexRepr(value.real, value.imag));
    case 'str': {
      // Identifier-like string constants are interned by the compiler.
      if (IDENTIFIER.test(value.value)) return rt.intern(value.value);
      return rt.str(value.value);
    }
    case 'bytes':
      return rt.heap.allocate(new PyBytes(rt.types.bytes, value.value));
    case 'tuple': {
      const tuple = rt.newTuple(value.items.map((item) => valueObject(rt, item, byKey)));
      if (rt.lang.constantTuplesUntracked && tuple.tracked) rt.heap.untrack(tuple);
      return tuple;
    }
    case 'frozenset': {
      const set = rt.newSet(true);
      for (const item of value.items) rt.vm.p.setAdd(set, valueObject(rt, item, byKey));
      return set;
    }
  }
}

/** The object of constant pool entry `index`. */
export function materializeConstant(rt: Runtime, index: number): PyObject {
  return rt.poolObjects[index]!;
}

export { PyStr };
