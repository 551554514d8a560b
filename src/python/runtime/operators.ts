import type * as ast from '../ast';
import { BINARY_OPERATORS, COMPARE_OPERATORS, UNARY_OPERATORS } from '../compile/compiler';
import * as num from '../format/numbers';
import { PyBytes, PyComplex, PyFloat, PyInt, PySingleton, PyStr } from '../objects/atoms';
import { PyObject, PyType } from '../objects/base';
import { PyFunction } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import { typeLookup } from './attributes';
import { dictFind, setFind, tableKey } from './dicts';
import type { Runtime } from './runtime';
import { percentFormat } from './text';
import { asSsize, bitLength, checkIntBits, checkLength, checkReferences } from './limits';
import { unionOf } from '../builtins/genericAlias';
import { isProxy, proxyBinaryOp, proxyRichCompare, proxyTruthy, proxyUnaryOp, weakrefHashKey } from '../builtins/weakrefModule';

/** Arithmetic, comparison and truth, with Python's numeric tower and the dunder protocol. */

const SYMBOLS: Record<ast.Operator, string> = {
  Add: '+',
  Sub: '-',
  Mult: '*',
  MatMult: '@',
  Div: '/',
  Mod: '%',
  Pow: '** or pow()',
  LShift: '<<',
  RShift: '>>',
  BitOr: '|',
  BitXor: '^',
  BitAnd: '&',
  FloorDiv: '//',
};

const DUNDERS: Record<ast.Operator, string> = {
  Add: 'add',
  Sub: 'sub',
  Mult: 'mul',
  MatMult: 'matmul',
  Div: 'truediv',
  Mod: 'mod',
  Pow: 'pow',
  LShift: 'lshift',
  RShift: 'rshift',
  BitOr: 'or',
  BitXor: 'xor',
  BitAnd: 'and',
  FloorDiv: 'floordiv',
};

function isInt(o: PyObject): o is PyInt {
  return o instanceof PyInt;
}

function number(o: PyObject): number | null {
  if (o instanceof PyInt) return num.intToFloat(o.value);
  if (o instanceof PyFloat) return o.value;
  return null;
}

/** `a op b` (or `a op= b`). */
export function binaryOp(rt: Runtime, opIndex: number, a: PyObject, b: PyObject, inplace: boolean): PyObject {
  // A weak proxy's number slots apply the operator to the referents.
  if (isProxy(rt, a)) return proxyBinaryOp(rt, a, b, (x, y) => binaryOp(rt, opIndex, x, y, inplace));
  const op = BINARY_OPERATORS[opIndex];
  if (inplace) {
    const result = inplaceBuiltin(rt, op, a, b);
    if (result !== null) return result;
    const method = userMethod(rt, a, `__i${DUNDERS[op]}__`);
    if (method !== null) {
      const r = rt.vm.p.call(method, [a, b], null);
      if (r !== rt.notImplemented) return r;
      rt.vm.p.discard(r);
    }
  }
  const builtin = builtinBinary(rt, op, a, b);
  if (builtin !== null) return builtin;
  // User classes: a.__op__(b), then b.__rop__(a) (first when b's type is a subclass of a's).
  const forward = userMethod(rt, a, `__${DUNDERS[op]}__`);
  const reflected = a.cls !== b.cls ? userMethod(rt, b, `__r${DUNDERS[op]}__`) : null;
  const reflectedFirst = reflected !== null && b.cls.isSubtypeOf(a.cls) && b.cls !== a.cls;
  if (reflectedFirst) {
    const r = rt.vm.p.call(reflected!, [b, a], null);
    if (r !== rt.notImplemented) return r;
    rt.vm.p.discard(r);
  }
  if (forward !== null) {
    const r = rt.vm.p.call(forward, [a, b], null);
    if (r !== rt.notImplemented) return r;
    rt.vm.p.discard(r);
  }
  if (reflected !== null && !reflectedFirst) {
    const r = rt.vm.p.call(reflected, [b, a], null);
    if (r !== rt.notImplemented) return r;
    rt.vm.p.discard(r);
  }
  if (isProxy(rt, b)) return proxyBinaryOp(rt, a, b, (x, y) => binaryOp(rt, opIndex, x, y, inplace));
  // `int | None` (type.__or__, 3.10+).
  const union = op === 'BitOr' ? unionOf(rt, a, b) : null;
  if (union !== null) return union;
  if (op === 'Add' && (a instanceof PyStr || a instanceof PyList || a instanceof PyTuple) && a.cls !== b.cls) {
    const kind = a instanceof PyStr ? 'str' : a instanceof PyList ? 'list' : 'tuple';
    throw rt.error('TypeError', `can only concatenate ${kind} (not "${b.cls.name}") to ${kind}`);
  }
  if (op === 'Add' && a instanceof PyBytes) throw rt.error('TypeError', `can't concat ${b.cls.name} to ${a.cls.name}`);
  // sequence_repeat: a sequence times something that is not an index.
  const isSequence = (o: PyObject): boolean => o instanceof PyBytes || o instanceof PyStr || o instanceof PyList || o instanceof PyTuple;
  if (op === 'Mult' && (isSequence(a) || isSequence(b))) {
    throw rt.error('TypeError', `can't multiply sequence by non-int of type '${(isSequence(a) ? b : a).cls.name}'`);
  }
  const prefix = inplace ? `${SYMBOLS[op]}=` : SYMBOLS[op];
  throw rt.error('TypeError', `unsupported operand type(s) for ${prefix}: '${a.cls.name}' and '${b.cls.name}'`);
}

/** A Python-level method of a user class, or null. */
function userMethod(rt: Runtime, obj: PyObject, name: string): PyObject | null {
  if (!obj.cls.isHeapType) return null;
  const found = typeLookup(rt, obj.cls, name);
  return found instanceof PyFunction ? found : null;
}

function inplaceBuiltin(rt: Runtime, op: ast.Operator, a: PyObject, b: PyObject): PyObject | null {
  if (a instanceof PyList && a.cls === rt.types.list) {
    if (op === 'Add') {
      rt.vm.p.listExtend(a, b);
      return a;
    }
    if (op === 'Mult' && isInt(b)) {
      const items = [...a.items];
      const times = asSsize(rt, b.value);
      if (times > 0) checkLength(rt, 'list', items.length * times);
      if (times > 1) checkReferences(rt, undefined, items.length * (times - 1));
      if (times <= 0) a.removeRange(rt.heap, 0, a.items.length);
      else {
        // list_inplace_repeat: one resize to the final size, then the copies.
        a.resize(items.length * times);
        for (let i = 1; i < times; i++) for (const item of items) a.append(rt.heap, item);
      }
      return a;
    }
  }
  if (a instanceof PyBytes && a.cls === rt.types.bytearray) {
    // bytearray_iconcat and bytearray_irepeat resize the buffer in place.
    if (op === 'Add') {
      if (!(b instanceof PyBytes)) throw rt.error('TypeError', `can't concat ${b.cls.name} to ${a.cls.name}`);
      a.resize(concatBytes(a.value, b.value));
      return a;
    }
    if (op === 'Mult' && isInt(b)) {
      a.resize(repeatBytes(rt, a.value, b, 'bytearray'));
      return a;
    }
  }
  if (a instanceof PySet && a.cls === rt.types.set && b instanceof PySet) {
    const p = rt.vm.p;
    if (op === 'BitOr') {
      for (const item of b.items) p.setAdd(a, item);
      return a;
    }
    if (op === 'BitAnd' || op === 'Sub' || op === 'BitXor') {
      const result = builtinBinary(rt, op, a, b) as PySet;
      p.setReplace(a, result);
      return a;
    }
  }
  if (a instanceof PyDict && a.cls === rt.types.dict && op === 'BitOr' && b instanceof PyDict) {
    rt.vm.p.dictUpdate(a, b, false);
    return a;
  }
  return null;
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function repeatBytes(rt: Runtime, value: Uint8Array, times: PyInt, typeName: string): Uint8Array {
  const n = Math.max(0, asSsize(rt, times.value));
  checkLength(rt, typeName, n * value.length);
  const out = new Uint8Array(n * value.length);
  for (let i = 0; i < n; i++) out.set(value, i * value.length);
  return out;
}

/** bytes_concat (an empty side gives back the other, if it is an exact bytes) and bytearray_concat. */
function bytesConcat(rt: Runtime, a: PyBytes, b: PyBytes): PyObject {
  if (a.cls === rt.types.bytearray) return rt.newBytearray(concatBytes(a.value, b.value));
  if (a.value.length === 0 && b.cls === rt.types.bytes) return b;
  if (b.value.length === 0 && a.cls === rt.types.bytes) return a;
  return rt.freshBytes(concatBytes(a.value, b.value));
}

/**
 * bytes_repeat: the same length gives back an exact bytes object itself; anything else is
 * a new object, even an empty one (b'x' * 0 is not the shared b''). bytearray_repeat.
 */
function bytesRepeat(rt: Runtime, seq: PyBytes, times: PyInt): PyObject {
  const value = repeatBytes(rt, seq.value, times, seq.cls === rt.types.bytearray ? 'bytearray' : 'bytes');
  if (seq.cls === rt.types.bytearray) return rt.newBytearray(value);
  if (value.length === seq.value.length && seq.cls === rt.types.bytes) return seq;
  return rt.heap.allocate(new PyBytes(rt.types.bytes, value));
}

function builtinBinary(rt: Runtime, op: ast.Operator, a: PyObject, b: PyObject): PyObject | null {
  const exactA = !a.cls.isHeapType;
  const exactB = !b.cls.isHeapType;
  if (isInt(a) && isInt(b) && (exactA || !userMethod(rt, a, `__${DUNDERS[op]}__`)) && (exactB || !userMethod(rt, b, `__r${DUNDERS[op]}__`))) return intOp(rt, op, a.value, b.value);
  const x = number(a);
  const y = number(b);
  if (x !== null && y !== null && exactA && exactB) {
    if ((!Number.isFinite(x) && a instanceof PyInt) || (!Number.isFinite(y) && b instanceof PyInt)) throw rt.error('OverflowError', 'int too large to convert to float');
    return floatOp(rt, op, x, y);
  }
  if ((a instanceof PyComplex || b instanceof PyComplex) && (x !== null || a instanceof PyComplex) && (y !== null || b instanceof PyComplex)) return complexOp(rt, op, a, b);
  if (!exactA && !(a instanceof PyList || a instanceof PyTuple || a instanceof PyStr || a instanceof PyDict || a instanceof PySet || a instanceof PyBytes)) return null;
  // A subclass's own operator method takes the place of its base's slot (Counter's |, a list subclass's +).
  if (!exactA && userMethod(rt, a, `__${DUNDERS[op]}__`) !== null) return null;
  if (!exactB && b.cls !== a.cls && b.cls.isSubtypeOf(a.cls) && userMethod(rt, b, `__r${DUNDERS[op]}__`) !== null) return null;
  switch (op) {
    case 'Add':
      if (a instanceof PyStr && b instanceof PyStr) {
        checkLength(rt, 'str', a.value.length + b.value.length);
        return rt.str(a.value + b.value);
      }
      if (a instanceof PyList && b instanceof PyList) {
        checkLength(rt, 'list', a.items.length + b.items.length);
        checkReferences(rt, undefined, a.items.length + b.items.length);
        return rt.newList([...a.items, ...b.items]);
      }
      // tupleconcat: subclasses too; an empty side gives back the other only when that is an exact tuple.
      if (a instanceof PyTuple && b instanceof PyTuple) {
        if (b.items.length === 0 && a.cls === rt.types.tuple) return a;
        if (a.items.length === 0 && b.cls === rt.types.tuple) return b;
        checkReferences(rt, undefined, a.items.length + b.items.length);
        return rt.newTuple([...a.items, ...b.items]);
      }
      if (a instanceof PyBytes && b instanceof PyBytes) return bytesConcat(rt, a, b);
      return null;
    case 'Mult': {
      const [seq, times] = isInt(b) ? [a, b] : isInt(a) ? [b, a] : [null, null];
      if (seq === null || times === null) return null;
      const n = Math.max(0, asSsize(rt, times.value));
      if (seq instanceof PyStr) {
        checkLength(rt, 'str', n * seq.value.length);
        return rt.str(seq.value.repeat(n));
      }
      if (seq instanceof PyBytes) return bytesRepeat(rt, seq, times);
      if (seq instanceof PyList || seq instanceof PyTuple) {
        checkLength(rt, seq instanceof PyList ? 'list' : 'tuple', n * seq.items.length);
        checkReferences(rt, undefined, n * seq.items.length);
        const items: PyObject[] = [];
        for (let i = 0; i < n; i++) for (const item of seq.items) items.push(item);
        if (seq instanceof PyList) return rt.newList(items);
        if (n === 1 && seq.cls === rt.types.tuple) return seq;
        return rt.newTuple(items);
      }
      return null;
    }
    case 'Mod':
      if (a instanceof PyStr) return rt.str(percentFormat(rt, a.value, b));
      if (a instanceof PyBytes) {
        const formatted = Uint8Array.from(percentFormat(rt, a.latin1(), b, true), (c) => c.charCodeAt(0));
        return a.cls === rt.types.bytearray ? rt.newBytearray(formatted) : rt.freshBytes(formatted);
      }
      return null;
    case 'BitOr':
    case 'BitAnd':
    case 'Sub':
    case 'BitXor':
      if (a instanceof PySet && b instanceof PySet) return setOp(rt, op, a, b);
      if (op === 'BitOr' && a instanceof PyDict && b instanceof PyDict) {
        const d = rt.vm.p.copyDict(a);
        rt.vm.p.dictUpdate(d, b, false);
        return d;
      }
      return null;
    default:
      return null;
  }
}

function setOp(rt: Runtime, op: ast.Operator, a: PySet, b: PySet): PySet {
  const p = rt.vm.p;
  const result = rt.newSet(a.cls === rt.types.frozenset);
  const inB = (x: PyObject): boolean => setFind(rt, b, x) >= 0;
  const inA = (x: PyObject): boolean => setFind(rt, a, x) >= 0;
  if (op === 'BitOr') {
    for (const x of a.items) p.setAdd(result, x);
    for (const x of b.items) p.setAdd(result, x);
  } else if (op === 'BitAnd') {
    for (const x of a.items) if (inB(x)) p.setAdd(result, x);
  } else if (op === 'Sub') {
    for (const x of a.items) if (!inB(x)) p.setAdd(result, x);
  } else {
    for (const x of a.items) if (!inB(x)) p.setAdd(result, x);
    for (const x of b.items) if (!inA(x)) p.setAdd(result, x);
  }
  return result;
}

function intOp(rt: Runtime, op: ast.Operator, a: num.IntValue, b: num.IntValue): PyObject {
  const zero = (b: num.IntValue): boolean => b === 0 || b === 0n;
  switch (op) {
    case 'Add':
      return rt.int(num.intAdd(a, b));
    case 'Sub':
      return rt.int(num.intSub(a, b));
    case 'Mult':
      if (typeof a === 'bigint' || typeof b === 'bigint') checkIntBits(rt, bitLength(a) + bitLength(b));
      return rt.int(num.intMul(a, b));
    case 'FloorDiv':
      if (zero(b)) throw rt.error('ZeroDivisionError', 'integer division or modulo by zero');
      return rt.int(num.intFloorDiv(a, b));
    case 'Mod':
      if (zero(b)) throw rt.error('ZeroDivisionError', rt.lang.messages.intModuloByZero);
      return rt.int(num.intMod(a, b));
    case 'Div': {
      if (zero(b)) throw rt.error('ZeroDivisionError', 'division by zero');
      const quotient = num.intTrueDivide(a, b);
      if (!Number.isFinite(quotient)) throw rt.error('OverflowError', 'integer division result too large for a float');
      return rt.float(quotient);
    }
    case 'Pow':
      if (num.intCompare(b, 0) < 0) {
        if (zero(a)) throw rt.error('ZeroDivisionError', '0.0 cannot be raised to a negative power');
        return rt.float(Number(a) ** Number(b));
      }
      if (num.intCompare(a, 1) > 0 || num.intCompare(a, -1) < 0) checkIntBits(rt, Number(b) * (typeof a === 'number' ? Math.log2(Math.abs(a)) : bitLength(a)));
      return rt.int(num.intPow(a, b));
    case 'LShift':
      if (num.intCompare(b, 0) < 0) throw rt.error('ValueError', 'negative shift count');
      if (a !== 0 && a !== 0n) checkIntBits(rt, bitLength(a) + Number(b));
      return rt.int(num.toBig(a) << num.toBig(b));
    case 'RShift':
      if (num.intCompare(b, 0) < 0) throw rt.error('ValueError', 'negative shift count');
      return rt.int(num.toBig(a) >> num.toBig(b));
    case 'BitOr':
      return rt.int(num.toBig(a) | num.toBig(b));
    case 'BitAnd':
      return rt.int(num.toBig(a) & num.toBig(b));
    case 'BitXor':
      return rt.int(num.toBig(a) ^ num.toBig(b));
    case 'MatMult':
      throw rt.error('TypeError', `unsupported operand type(s) for @: 'int' and 'int'`);
  }
}

function floatOp(rt: Runtime, op: ast.Operator, a: number, b: number): PyObject {
  switch (op) {
    case 'Add':
      return rt.float(a + b);
    case 'Sub':
      return rt.float(a - b);
    case 'Mult':
      return rt.float(a * b);
    case 'Div':
      if (b === 0) throw rt.error('ZeroDivisionError', 'float division by zero');
      return rt.float(a / b);
    case 'FloorDiv':
      if (b === 0) throw rt.error('ZeroDivisionError', 'float floor division by zero');
      return rt.float(Math.floor(a / b));
    case 'Mod':
      if (b === 0) throw rt.error('ZeroDivisionError', rt.lang.messages.floatModuloByZero);
      return rt.float(num.floatMod(a, b));
    case 'Pow':
      if (a === 0 && b < 0) throw rt.error('ZeroDivisionError', '0.0 cannot be raised to a negative power');
      return rt.float(a ** b);
    default:
      throw rt.error('TypeError', `unsupported operand type(s) for ${SYMBOLS[op]}: 'float' and 'float'`);
  }
}

function complexOp(rt: Runtime, op: ast.Operator, a: PyObject, b: PyObject): PyObject {
  const parts = (o: PyObject): [number, number] => (o instanceof PyComplex ? [o.real, o.imag] : [number(o)!, 0]);
  const [ar, ai] = parts(a);
  const [br, bi] = parts(b);
  const make = (r: number, i: number): PyObject => rt.vm.p.makeComplex(r, i);
  switch (op) {
    case 'Add':
      return make(ar + br, ai + bi);
    case 'Sub':
      return make(ar - br, ai - bi);
    case 'Mult':
      return make(ar * br - ai * bi, ar * bi + ai * br);
    case 'Div': {
      const d = br * br + bi * bi;
      if (d === 0) throw rt.error('ZeroDivisionError', 'complex division by zero');
      return make((ar * br + ai * bi) / d, (ai * br - ar * bi) / d);
    }
    default:
      throw rt.error('TypeError', `unsupported operand type(s) for ${SYMBOLS[op]}: '${a.cls.name}' and '${b.cls.name}'`);
  }
}

/** Unary operators: ~ not + -. */
export function unaryOp(rt: Runtime, opIndex: number, a: PyObject): PyObject {
  const op = UNARY_OPERATORS[opIndex];
  if (op === 'Not') return rt.bool(!truthy(rt, a));
  if (isProxy(rt, a)) return proxyUnaryOp(rt, a, (x) => unaryOp(rt, opIndex, x));
  const dunder = { Invert: '__invert__', UAdd: '__pos__', USub: '__neg__' }[op];
  const method = userMethod(rt, a, dunder);
  if (method !== null) return rt.vm.p.call(method, [a], null);
  if (isInt(a)) {
    if (op === 'USub') return rt.int(num.intSub(0, a.value));
    if (op === 'UAdd') return a.cls === rt.types.int ? a : rt.int(a.value);
    return rt.int(-num.toBig(a.value) - 1n);
  }
  if (a instanceof PyFloat && op !== 'Invert') return op === 'USub' ? rt.float(-a.value) : a;
  if (a instanceof PyComplex && op !== 'Invert') return op === 'USub' ? rt.vm.p.makeComplex(-a.real, -a.imag) : a;
  const symbol = { Invert: '~', UAdd: '+', USub: '-' }[op];
  throw rt.error('TypeError', `bad operand type for unary ${symbol}: '${a.cls.name}'`);
}

/** Truth value testing. */
export function truthy(rt: Runtime, obj: PyObject): boolean {
  if (obj === rt.true_) return true;
  if (obj === rt.false_ || obj === rt.none) return false;
  if (isProxy(rt, obj)) return proxyTruthy(rt, obj);
  if (obj.cls.isHeapType) {
    const boolMethod = typeLookup(rt, obj.cls, '__bool__');
    if (boolMethod instanceof PyFunction) {
      const r = rt.vm.p.call(boolMethod, [obj], null);
      const value = r === rt.true_;
      rt.vm.p.discard(r);
      if (r !== rt.true_ && r !== rt.false_) throw rt.error('TypeError', `__bool__ should return bool, returned ${r.cls.name}`);
      return value;
    }
    const lenMethod = typeLookup(rt, obj.cls, '__len__');
    if (lenMethod instanceof PyFunction) return rt.vm.p.len(obj) > 0;
  }
  if (obj instanceof PyInt) return obj.value !== 0 && obj.value !== 0n;
  if (obj instanceof PyFloat) return obj.value !== 0;
  if (obj instanceof PyComplex) return obj.real !== 0 || obj.imag !== 0;
  if (obj instanceof PyStr) return obj.value.length > 0;
  if (obj instanceof PyList || obj instanceof PyTuple) return obj.items.length > 0;
  if (obj instanceof PyDict) return obj.size > 0;
  if (obj instanceof PySet) return obj.items.length > 0;
  if (obj instanceof PyBytes) return obj.value.length > 0;
  const special = rt.vm.p.specialLength(obj);
  if (special !== null) return special > 0;
  return true;
}

/** `a == b` as a boolean (identity first, as PyObject_RichCompareBool). */
export function equals(rt: Runtime, a: PyObject, b: PyObject): boolean {
  if (a === b) return true;
  const r = richCompare(rt, 'Eq', a, b);
  const value = truthy(rt, r);
  rt.vm.p.discard(r);
  return value;
}

export function compareOp(rt: Runtime, opIndex: number, a: PyObject, b: PyObject): PyObject {
  return richCompare(rt, COMPARE_OPERATORS[opIndex], a, b);
}

const SWAPPED: Record<string, ast.CmpOp> = { Lt: 'Gt', LtE: 'GtE', Gt: 'Lt', GtE: 'LtE', Eq: 'Eq', NotEq: 'NotEq' };
const CMP_DUNDER: Record<string, string> = { Lt: '__lt__', LtE: '__le__', Gt: '__gt__', GtE: '__ge__', Eq: '__eq__', NotEq: '__ne__' };
const CMP_SYMBOL: Record<string, string> = { Lt: '<', LtE: '<=', Gt: '>', GtE: '>=', Eq: '==', NotEq: '!=' };

export function richCompare(rt: Runtime, op: ast.CmpOp, a: PyObject, b: PyObject): PyObject {
  if (isProxy(rt, a)) return proxyRichCompare(rt, a, b, (x, y) => richCompare(rt, op, x, y));
  const p = rt.vm.p;
  const reflectedFirst = b.cls !== a.cls && b.cls.isSubtypeOf(a.cls);
  const tryUser = (x: PyObject, y: PyObject, o: ast.CmpOp): PyObject | null => {
    const m = userMethod(rt, x, CMP_DUNDER[o]);
    if (m === null) return null;
    const r = p.call(m, [x, y], null);
    if (r === rt.notImplemented) {
      p.discard(r);
      return null;
    }
    return r;
  };
  if (reflectedFirst) {
    const r = tryUser(b, a, SWAPPED[op]);
    if (r !== null) return r;
  }
  const forward = tryUser(a, b, op);
  if (forward !== null) return forward;
  if (isProxy(rt, b)) return proxyRichCompare(rt, b, a, (x, y) => richCompare(rt, SWAPPED[op], x, y));
  if (!reflectedFirst) {
    const r = tryUser(b, a, SWAPPED[op]);
    if (r !== null) return r;
  }
  // `!=` defaults to the negation of a user __eq__.
  if (op === 'NotEq' && (userMethod(rt, a, '__eq__') !== null || userMethod(rt, b, '__eq__') !== null)) {
    return rt.bool(!equals(rt, a, b));
  }
  const builtin = builtinCompare(rt, op, a, b);
  if (builtin !== null) return rt.bool(builtin);
  if (op === 'Eq') return rt.bool(a === b);
  if (op === 'NotEq') return rt.bool(a !== b);
  throw rt.error('TypeError', `'${CMP_SYMBOL[op]}' not supported between instances of '${a.cls.name}' and '${b.cls.name}'`);
}

function fromOrder(op: ast.CmpOp, c: number): boolean {
  switch (op) {
    case 'Lt':
      return c < 0;
    case 'LtE':
      return c <= 0;
    case 'Gt':
      return c > 0;
    case 'GtE':
      return c >= 0;
    case 'Eq':
      return c === 0;
    default:
      return c !== 0;
  }
}

/** Builtin comparisons; null when the types do not compare. */
function builtinCompare(rt: Runtime, op: ast.CmpOp, a: PyObject, b: PyObject): boolean | null {
  if (isInt(a) && isInt(b)) return fromOrder(op, num.intCompare(a.value, b.value));
  const x = number(a);
  const y = number(b);
  if (x !== null && y !== null) {
    if (Number.isNaN(x) || Number.isNaN(y)) return op === 'NotEq';
    // float_richcompare: an int meets a float exactly, not through a rounded conversion.
    if (a instanceof PyInt) return fromOrder(op, -num.compareFloatInt(y, a.value));
    if (b instanceof PyInt) return fromOrder(op, num.compareFloatInt(x, b.value));
    return fromOrder(op, x < y ? -1 : x > y ? 1 : 0);
  }
  if (a instanceof PyComplex || b instanceof PyComplex) {
    if (op !== 'Eq' && op !== 'NotEq') return null;
    const pa = a instanceof PyComplex ? [a.real, a.imag] : x !== null ? [x, 0] : null;
    const pb = b instanceof PyComplex ? [b.real, b.imag] : y !== null ? [y, 0] : null;
    if (pa === null || pb === null) return op === 'NotEq';
    return (pa[0] === pb[0] && pa[1] === pb[1]) === (op === 'Eq');
  }
  if (a instanceof PyStr && b instanceof PyStr) return fromOrder(op, a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  if (a instanceof PyBytes && b instanceof PyBytes) {
    const sa = a.latin1();
    const sb = b.latin1();
    return fromOrder(op, sa < sb ? -1 : sa > sb ? 1 : 0);
  }
  if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    const n = Math.min(a.items.length, b.items.length);
    for (let i = 0; i < n; i++) {
      if (!equals(rt, a.items[i], b.items[i])) {
        if (op === 'Eq') return false;
        if (op === 'NotEq') return true;
        const r = richCompare(rt, op, a.items[i], b.items[i]);
        const v = truthy(rt, r);
        rt.vm.p.discard(r);
        return v;
      }
    }
    return fromOrder(op, a.items.length - b.items.length);
  }
  if (a instanceof PyDict && b instanceof PyDict) {
    if (op !== 'Eq' && op !== 'NotEq') return null;
    let same = a.size === b.size;
    if (same) {
      for (const e of a.liveEntries()) {
        const i = dictFind(rt, b, e.key);
        if (i < 0 || !equals(rt, e.value, b.entries[i]!.value)) {
          same = false;
          break;
        }
      }
    }
    return same === (op === 'Eq');
  }
  if (a instanceof PySet && b instanceof PySet) {
    const aInB = a.items.every((x) => setFind(rt, b, x) >= 0);
    const bInA = b.items.every((x) => setFind(rt, a, x) >= 0);
    switch (op) {
      case 'Eq':
        return aInB && bInA;
      case 'NotEq':
        return !(aInB && bInA);
      case 'LtE':
        return aInB;
      case 'Lt':
        return aInB && a.items.length < b.items.length;
      case 'GtE':
        return bInA;
      case 'Gt':
        return bInA && b.items.length < a.items.length;
    }
  }
  if (a instanceof PySingleton || b instanceof PySingleton || a instanceof PyType || b instanceof PyType) {
    if (op === 'Eq') return a === b;
    if (op === 'NotEq') return a !== b;
    return null;
  }
  const special = rt.vm.p.specialCompare(op, a, b);
  if (special !== null) return special;
  return null;
}

/** `item in container`. */
export function contains(rt: Runtime, container: PyObject, item: PyObject): boolean {
  const p = rt.vm.p;
  const method = userMethod(rt, container, '__contains__');
  if (method !== null) {
    const r = p.call(method, [container, item], null);
    const v = truthy(rt, r);
    p.discard(r);
    return v;
  }
  if (container instanceof PyDict) return dictFind(rt, container, item) >= 0;
  if (container instanceof PySet) return setFind(rt, container, item) >= 0;
  if (container instanceof PyStr) {
    if (!(item instanceof PyStr)) throw rt.error('TypeError', `'in <string>' requires string as left operand, not ${item.cls.name}`);
    return container.value.includes(item.value);
  }
  if (container instanceof PyBytes) return bytesContains(rt, container, item);
  if (container instanceof PyList || container instanceof PyTuple) {
    const items = container.items;
    for (let i = 0; i < items.length; i++) if (items[i] === item || equals(rt, items[i], item)) return true;
    return false;
  }
  const special = p.specialContains(container, item);
  if (special !== null) return special;
  return p.iterateContains(container, item);
}

/** _Py_bytes_contains: an int is looked for as a byte, anything else as a bytes-like subsequence. */
function bytesContains(rt: Runtime, container: PyBytes, item: PyObject): boolean {
  const byte = item instanceof PyInt ? Number(item.value) : null;
  if (byte !== null) {
    if (byte < 0 || byte >= 256) throw rt.error('ValueError', 'byte must be in range(0, 256)');
    return container.value.includes(byte);
  }
  if (!(item instanceof PyBytes)) throw rt.error('TypeError', `a bytes-like object is required, not '${item.cls.name}'`);
  return container.latin1().includes(item.latin1());
}

/** A table key for objects hashed by Python code, identity, or refused. */
export function hashKey(rt: Runtime, obj: PyObject): string {
  const weak = weakrefHashKey(rt, obj);
  if (weak !== null) return weak;
  if (obj instanceof PyList || obj instanceof PyDict || (obj instanceof PySet && obj.cls !== rt.types.frozenset) || (obj instanceof PyBytes && obj.cls === rt.types.bytearray)) {
    throw rt.error('TypeError', `unhashable type: '${obj.cls.name}'`);
  }
  if (obj.cls.isHeapType) {
    const hash = typeLookup(rt, obj.cls, '__hash__');
    if (hash === rt.none) throw rt.error('TypeError', `unhashable type: '${obj.cls.name}'`);
    if (hash instanceof PyFunction) {
      const r = rt.vm.p.call(hash, [obj], null);
      if (!(r instanceof PyInt)) throw rt.error('TypeError', '__hash__ method should return an integer');
      const value = r.value;
      rt.vm.p.discard(r);
      return 'h' + String(value);
    }
    // A class defining __eq__ without __hash__ has __hash__ = None (set when the class is made).
  }
  if (obj instanceof PyTuple) return 't(' + obj.items.map((i) => String(tableKey(rt, i))).join(',') + ')';
  // Equal bytes are one key; 'y' keeps them apart from the equal-looking str keys.
  if (obj instanceof PyBytes) return 'y' + obj.latin1();
  return 'o' + obj.id;
}
