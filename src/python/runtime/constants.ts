import type { ConstantValue } from '../ast';
import { CodeUnit, ConstantPool, constantKey } from '../compile/code';
import { PyStr } from '../objects/atoms';
import type { PyObject } from '../objects/base';
import { PyCode } from '../objects/callables';
import { PyTuple } from '../objects/containers';
import { LineMap, normalizeSource } from '../lineMap';
import { decodeBytes } from '../stringLiterals';
import { tokenize } from '../tokenize';
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
      if (pool.treeRefs[i] > 0 && entry.value.type === 'bytes' && rt.lang.bytesLiteralsHeldTwiceByParser) rt.heap.incref(rt.programRoot, 'syntax tree', obj);
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
    // co_names: the code object holds the names it loads and stores (attribute names
    // included), so a name string outlives the dict keys made from it.
    if (unit.names.length > 0) {
      const names = rt.newTuple(unit.names.map((name) => rt.intern(name)));
      if (rt.lang.constantTuplesUntracked && names.tracked) rt.heap.untrack(names);
      code.set(rt.heap, 'co_names', names);
    }
    return code;
  };
  const moduleCode = makeCode(module);
  rt.heap.incref(rt.programRoot, 'module code', moduleCode);
  holdParserReferences(rt, pool);
  return moduleCode;
}

/**
 * What CPython's parser keeps alive in the syntax tree's arena until the script ends, for
 * the shared bytes objects (where they are mortal). Every token's text is a bytes object
 * (initialize_token): a token of one ASCII character (a bracket, `.`, a one-letter name)
 * holds the shared one-byte object, and NEWLINE, INDENT, DEDENT and ENDMARKER, whose text
 * is empty, hold b''. And each b'' or one-byte literal in the source is a node of its own
 * holding the same shared object, where the constant pool counted the tree's reference once.
 */
function holdParserReferences(rt: Runtime, pool: ConstantPool): void {
  if (rt.lang.immortalSingletons) return;
  const text = normalizeSource(rt.sourceLines.join('\n'));
  const literals = new Map<number, number>();
  let literal: number[] | null = null;
  const endLiteral = (): void => {
    // Adjacent literals are one node: b'A' b'' is b'A'.
    if (literal !== null && literal.length <= 1) literals.set(literal[0] ?? -1, (literals.get(literal[0] ?? -1) ?? 0) + 1);
    literal = null;
  };
  for (const token of tokenize(new LineMap(text), rt.lang.version).tokens) {
    const tokenText = token.type === 'NEWLINE' || token.type === 'INDENT' || token.type === 'DEDENT' || token.type === 'ENDMARKER' ? '' : text.slice(token.start, token.end);
    const bytes = token.type === 'STRING' ? bytesLiteralValue(tokenText) : null;
    if (bytes !== null) literal = [...(literal ?? []), ...bytes];
    else endLiteral();
    if (tokenText.length > 1 || tokenText.charCodeAt(0) > 0x7f) continue;
    rt.heap.incref(rt.programRoot, 'parser token', rt.bytes(Uint8Array.from(tokenText, (c) => c.charCodeAt(0))));
  }
  endLiteral();
  for (const [byte, count] of literals) {
    const value = byte < 0 ? new Uint8Array() : Uint8Array.of(byte);
    const key = constantKey({ type: 'bytes', value });
    const inPool = pool.entries.some((e, i) => e.kind === 'value' && pool.treeRefs[i] > 0 && constantKey(e.value) === key);
    for (let k = inPool ? 1 : 0; k < count; k++) rt.heap.incref(rt.programRoot, 'syntax tree', rt.bytes(value));
  }
}

/** The bytes of a bytes literal token (b'...', rb"..."), or null for other strings. */
function bytesLiteralValue(token: string): number[] | null {
  const prefix = /^[A-Za-z]*/.exec(token)![0];
  if (!/[bB]/.test(prefix)) return null;
  const body = token.slice(prefix.length);
  const quote = body.startsWith(body[0].repeat(3)) && body.length >= 6 ? 3 : 1;
  const decoded = decodeBytes(body.slice(quote, body.length - quote), /[rR]/.test(prefix));
  return decoded.ok ? Array.from(decoded.value) : null;
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
      // The parser makes them with PyBytes_FromStringAndSize: b'' and one-byte literals are the shared objects.
      return rt.bytes(value.value);
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
