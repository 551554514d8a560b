/**
 * Python's operators on compile-time constants, as Python/ast_opt.c applies them when it
 * folds: the numeric tower (bool < int < float < complex) with CPython's rounding and
 * error cases, sequence concatenation and repetition, indexing, truthiness — and the
 * optimizer's size limits (`safe_multiply`, `safe_power`, `safe_lshift`, `safe_mod`).
 *
 * An operation that would raise in CPython (division by zero, a TypeError, an
 * OverflowError) or that the limits refuse returns `undefined`: ast_opt.c clears the
 * error and leaves the expression unfolded.
 */
import type { ConstantValue, Operator } from './ast';

/** ast_opt.c's limits. */
export const MAX_INT_SIZE = 128; // bits
export const MAX_COLLECTION_SIZE = 256; // items
export const MAX_STR_SIZE = 4096; // characters
export const MAX_TOTAL_ITEMS = 1024; // including nested collections

type Num = { kind: 'int'; v: bigint } | { kind: 'float'; v: number } | { kind: 'complex'; re: number; im: number };

const int = (value: bigint): ConstantValue => ({ type: 'int', value });
const float = (value: number): ConstantValue => ({ type: 'float', value });
const complex = (real: number, imag: number): ConstantValue => ({ type: 'complex', real, imag });
const bool = (value: boolean): ConstantValue => ({ type: 'bool', value });

/** bool and int as Python ints; undefined for anything else. */
function asInt(c: ConstantValue): bigint | undefined {
  if (c.type === 'int') return c.value;
  if (c.type === 'bool') return c.value ? 1n : 0n;
  return undefined;
}

function asNumber(c: ConstantValue): Num | undefined {
  const i = asInt(c);
  if (i !== undefined) return { kind: 'int', v: i };
  if (c.type === 'float') return { kind: 'float', v: c.value };
  if (c.type === 'complex') return { kind: 'complex', re: c.real, im: c.imag };
  return undefined;
}

/** int → float as CPython converts: correctly rounded, OverflowError past the range. */
function intToFloat(v: bigint): number | undefined {
  const f = Number(v);
  return Number.isFinite(f) ? f : undefined;
}

function toFloat(n: Num): number | undefined {
  return n.kind === 'int' ? intToFloat(n.v) : n.kind === 'float' ? n.v : undefined;
}

function toComplex(n: Num): [number, number] | undefined {
  if (n.kind === 'complex') return [n.re, n.im];
  const f = toFloat(n);
  return f === undefined ? undefined : [f, 0];
}

/** `_PyLong_NumBits`: bits in |v|. */
export function numBits(v: bigint): number {
  return v === 0n ? 0 : (v < 0n ? -v : v).toString(2).length;
}

/** Length in code points, as Python counts a str. */
function strLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 0xdc00 && c <= 0xdfff && i > 0 && s.charCodeAt(i - 1) >= 0xd800 && s.charCodeAt(i - 1) <= 0xdbff)) n++;
  }
  return n;
}

// --- truthiness and unary operators ----------------------------------------------------

export function isTruthy(c: ConstantValue): boolean {
  switch (c.type) {
    case 'None':
      return false;
    case 'Ellipsis':
      return true;
    case 'bool':
      return c.value;
    case 'int':
      return c.value !== 0n;
    case 'float':
      return c.value !== 0;
    case 'complex':
      return c.real !== 0 || c.imag !== 0;
    case 'str':
      return c.value.length > 0;
    case 'bytes':
      return c.value.length > 0;
    case 'tuple':
    case 'frozenset':
      return c.items.length > 0;
  }
}

export function unaryOp(op: 'Invert' | 'Not' | 'UAdd' | 'USub', c: ConstantValue): ConstantValue | undefined {
  if (op === 'Not') return bool(!isTruthy(c));
  const n = asNumber(c);
  if (!n) return undefined;
  switch (op) {
    case 'Invert':
      return n.kind === 'int' ? int(-n.v - 1n) : undefined;
    case 'UAdd':
      return n.kind === 'int' ? int(n.v) : n.kind === 'float' ? float(n.v) : complex(n.re, n.im);
    case 'USub':
      return n.kind === 'int' ? int(-n.v) : n.kind === 'float' ? float(-n.v) : complex(-n.re, -n.im);
  }
}

// --- binary operators ----------------------------------------------------------------------

export function binaryOp(op: Operator, left: ConstantValue, right: ConstantValue): ConstantValue | undefined {
  switch (op) {
    case 'Add':
      return add(left, right);
    case 'Sub':
      return arithmetic(left, right, (a, b) => a - b, (a, b) => a - b, (a, b) => [a[0] - b[0], a[1] - b[1]]);
    case 'Mult':
      return safeMultiply(left, right);
    case 'Div':
      return trueDivide(left, right);
    case 'FloorDiv':
      return floorDivMod(left, right, 'div');
    case 'Mod':
      // safe_mod: a str or bytes on the left is a format operation, never folded here.
      if (left.type === 'str' || left.type === 'bytes') return undefined;
      return floorDivMod(left, right, 'mod');
    case 'Pow':
      return safePower(left, right);
    case 'LShift':
      return safeLShift(left, right);
    case 'RShift': {
      const a = asInt(left);
      const b = asInt(right);
      if (a === undefined || b === undefined || b < 0n) return undefined;
      return int(b > 100000n ? (a < 0n ? -1n : 0n) : a >> b);
    }
    case 'BitAnd':
    case 'BitOr':
    case 'BitXor': {
      const a = asInt(left);
      const b = asInt(right);
      if (a === undefined || b === undefined) return undefined;
      const r = op === 'BitAnd' ? a & b : op === 'BitOr' ? a | b : a ^ b;
      // bool & bool, bool | bool and bool ^ bool stay bools.
      if (left.type === 'bool' && right.type === 'bool') return bool(r !== 0n);
      return int(r);
    }
    case 'MatMult':
      return undefined;
  }
}

function add(left: ConstantValue, right: ConstantValue): ConstantValue | undefined {
  if (left.type === 'str' && right.type === 'str') return { type: 'str', value: left.value + right.value };
  if (left.type === 'bytes' && right.type === 'bytes') {
    const out = new Uint8Array(left.value.length + right.value.length);
    out.set(left.value);
    out.set(right.value, left.value.length);
    return { type: 'bytes', value: out };
  }
  if (left.type === 'tuple' && right.type === 'tuple') return { type: 'tuple', items: [...left.items, ...right.items] };
  return arithmetic(left, right, (a, b) => a + b, (a, b) => a + b, (a, b) => [a[0] + b[0], a[1] + b[1]]);
}

/** A numeric operation, promoted as Python promotes: int, then float, then complex. */
function arithmetic(
  left: ConstantValue,
  right: ConstantValue,
  onInt: (a: bigint, b: bigint) => bigint,
  onFloat: (a: number, b: number) => number,
  onComplex: (a: [number, number], b: [number, number]) => [number, number],
): ConstantValue | undefined {
  const a = asNumber(left);
  const b = asNumber(right);
  if (!a || !b) return undefined;
  if (a.kind === 'int' && b.kind === 'int') return int(onInt(a.v, b.v));
  if (a.kind !== 'complex' && b.kind !== 'complex') {
    const x = toFloat(a);
    const y = toFloat(b);
    return x === undefined || y === undefined ? undefined : float(onFloat(x, y));
  }
  const x = toComplex(a);
  const y = toComplex(b);
  if (!x || !y) return undefined;
  const [re, im] = onComplex(x, y);
  return complex(re, im);
}

/** `safe_multiply`: numbers, or a sequence repeated within the size limits. */
function safeMultiply(left: ConstantValue, right: ConstantValue): ConstantValue | undefined {
  const li = asInt(left);
  const ri = asInt(right);
  if (li !== undefined && ri !== undefined) {
    if (li !== 0n && ri !== 0n && numBits(li) + numBits(ri) > MAX_INT_SIZE) return undefined;
    return int(li * ri);
  }
  if (li !== undefined && isSequence(right)) return repeat(right, li);
  if (ri !== undefined && isSequence(left)) return repeat(left, ri);
  return arithmetic(
    left,
    right,
    (a, b) => a * b,
    (a, b) => a * b,
    (a, b) => [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]],
  );
}

function isSequence(c: ConstantValue): boolean {
  return c.type === 'str' || c.type === 'bytes' || c.type === 'tuple';
}

function repeat(seq: ConstantValue, count: bigint): ConstantValue | undefined {
  const size = seq.type === 'str' ? strLength(seq.value) : seq.type === 'bytes' ? seq.value.length : seq.type === 'tuple' ? seq.items.length : 0;
  if (size > 0) {
    // PyLong_AsLong fails (and the fold with it) past a C long.
    if (count < 0n || count > 2n ** 63n - 1n) return undefined;
    const n = Number(count);
    if (seq.type === 'tuple') {
      if (n > Math.floor(MAX_COLLECTION_SIZE / size)) return undefined;
      if (n && checkComplexity(seq, Math.floor(MAX_TOTAL_ITEMS / n)) < 0) return undefined;
    } else if (n > Math.floor(MAX_STR_SIZE / size)) {
      return undefined;
    }
  }
  const n = count > 0n ? Number(count) : 0;
  switch (seq.type) {
    case 'str':
      return { type: 'str', value: seq.value.repeat(n) };
    case 'bytes': {
      const out = new Uint8Array(seq.value.length * n);
      for (let i = 0; i < n; i++) out.set(seq.value, i * seq.value.length);
      return { type: 'bytes', value: out };
    }
    case 'tuple':
      return { type: 'tuple', items: Array.from({ length: n }, () => seq.items).flat() };
    default:
      return undefined;
  }
}

/** `check_complexity`: the limit minus the items of a collection and its sub-collections. */
export function checkComplexity(c: ConstantValue, limit: number): number {
  if (c.type === 'tuple' || c.type === 'frozenset') {
    limit -= c.items.length;
    for (let i = 0; limit >= 0 && i < c.items.length; i++) limit = checkComplexity(c.items[i], limit);
  }
  return limit;
}

function trueDivide(left: ConstantValue, right: ConstantValue): ConstantValue | undefined {
  const a = asNumber(left);
  const b = asNumber(right);
  if (!a || !b) return undefined;
  if (a.kind === 'int' && b.kind === 'int') {
    if (b.v === 0n) return undefined;
    const q = intTrueDivide(a.v, b.v);
    return q === undefined ? undefined : float(q);
  }
  if (a.kind !== 'complex' && b.kind !== 'complex') {
    const x = toFloat(a);
    const y = toFloat(b);
    if (x === undefined || y === undefined || y === 0) return undefined;
    return float(x / y);
  }
  const x = toComplex(a);
  const y = toComplex(b);
  if (!x || !y) return undefined;
  const q = complexQuotient(x, y);
  return q ? complex(q[0], q[1]) : undefined;
}

/**
 * int / int correctly rounded, as CPython's long_true_divide does for any size: scale
 * the quotient to 55 bits, keep a sticky bit for the remainder, round once.
 */
export function intTrueDivide(a: bigint, b: bigint): number | undefined {
  const negative = a < 0n !== b < 0n;
  let n = a < 0n ? -a : a;
  let d = b < 0n ? -b : b;
  if (n === 0n) return negative ? -0 : 0;
  if (n < 2n ** 53n && d < 2n ** 53n) return (negative ? -1 : 1) * (Number(n) / Number(d));
  const shift = 55 - (numBits(n) - numBits(d));
  if (shift > 0) n <<= BigInt(shift);
  else d <<= BigInt(-shift);
  let q = n / d;
  if (n % d !== 0n) q |= 1n;
  const magnitude = Number(q) * 2 ** -shift;
  if (!Number.isFinite(magnitude)) return undefined;
  return negative ? -magnitude : magnitude;
}

/** `_Py_c_quot` (Smith's method). */
function complexQuotient(a: [number, number], b: [number, number]): [number, number] | undefined {
  const absReal = Math.abs(b[0]);
  const absImag = Math.abs(b[1]);
  if (absReal >= absImag) {
    if (absReal === 0) return undefined;
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (absImag >= absReal) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

/** `//` and `%` on ints and floats (complex has neither). */
function floorDivMod(left: ConstantValue, right: ConstantValue, want: 'div' | 'mod'): ConstantValue | undefined {
  const a = asNumber(left);
  const b = asNumber(right);
  if (!a || !b || a.kind === 'complex' || b.kind === 'complex') return undefined;
  if (a.kind === 'int' && b.kind === 'int') {
    if (b.v === 0n) return undefined;
    let q = a.v / b.v;
    let r = a.v % b.v;
    if (r !== 0n && r < 0n !== b.v < 0n) {
      q -= 1n;
      r += b.v;
    }
    return int(want === 'div' ? q : r);
  }
  const x = toFloat(a);
  const y = toFloat(b);
  if (x === undefined || y === undefined || y === 0) return undefined;
  const [div, mod] = floatDivMod(x, y);
  return float(want === 'div' ? div : mod);
}

/** `_float_div_mod`. */
function floatDivMod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if (wx < 0 !== mod < 0) {
      mod += wx;
      div -= 1;
    }
  } else {
    mod = Math.sign(1 / wx) < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
  } else {
    floordiv = Math.sign(1 / (vx / wx)) < 0 || vx / wx < 0 ? -0 : 0;
  }
  return [floordiv, mod];
}

/** `safe_power`, then Python's `**`. */
function safePower(left: ConstantValue, right: ConstantValue): ConstantValue | undefined {
  const a = asNumber(left);
  const b = asNumber(right);
  if (!a || !b) return undefined;
  if (a.kind === 'int' && b.kind === 'int') {
    if (b.v >= 0n) {
      if (a.v !== 0n && b.v > 0n) {
        const wbits = b.v;
        if (BigInt(numBits(a.v)) > BigInt(MAX_INT_SIZE) / wbits) return undefined;
      }
      return int(a.v ** b.v);
    }
    // A negative exponent makes it a float power.
    const x = intToFloat(a.v);
    const y = intToFloat(b.v);
    return x === undefined || y === undefined ? undefined : floatPower(x, y);
  }
  if (a.kind !== 'complex' && b.kind !== 'complex') {
    const x = toFloat(a);
    const y = toFloat(b);
    return x === undefined || y === undefined ? undefined : floatPower(x, y);
  }
  const x = toComplex(a);
  const y = toComplex(b);
  if (!x || !y) return undefined;
  return complexPower(x, y);
}

const isOddInteger = (x: number) => Number.isInteger(x) && Math.abs(x % 2) === 1;

/** `float_pow`, special cases first; a negative base to a fractional power is complex. */
function floatPower(iv: number, iw: number): ConstantValue | undefined {
  if (iw === 0) return float(1);
  if (Number.isNaN(iv)) return float(iv);
  if (Number.isNaN(iw)) return float(iv === 1 ? 1 : iw);
  if (!Number.isFinite(iw)) {
    const v = Math.abs(iv);
    if (v === 1) return float(1);
    return float(iw > 0 === v > 1 ? Math.abs(iw) : 0);
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return float(odd ? iv : Math.abs(iv));
    return float(odd ? (iv < 0 ? -0 : 0) : 0);
  }
  if (iv === 0) {
    if (iw < 0) return undefined; // ZeroDivisionError
    return float(isOddInteger(iw) ? iv : 0);
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return complexPower([iv, 0], [iw, 0]);
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1) return float(negate ? -1 : 1);
  const ix = Math.pow(iv, iw);
  if (!Number.isFinite(ix)) return undefined; // OverflowError
  return float(negate ? -ix : ix);
}

/** `complex_pow`: repeated multiplication for small integer exponents, else polar form. */
function complexPower(a: [number, number], b: [number, number]): ConstantValue | undefined {
  let r: [number, number] | undefined;
  if (b[1] === 0 && b[0] === Math.floor(b[0]) && Math.abs(b[0]) <= 100) {
    const n = b[0];
    r = n > 0 ? complexPowU(a, n) : complexQuotient([1, 0], complexPowU(a, -n));
    if (!r) return undefined;
  } else if (b[0] === 0 && b[1] === 0) {
    r = [1, 0];
  } else if (a[0] === 0 && a[1] === 0) {
    if (b[1] !== 0 || b[0] < 0) return undefined; // ZeroDivisionError
    r = [0, 0];
  } else {
    const vabs = Math.hypot(a[0], a[1]);
    let len = Math.pow(vabs, b[0]);
    const at = Math.atan2(a[1], a[0]);
    let phase = at * b[0];
    if (b[1] !== 0) {
      len /= Math.exp(at * b[1]);
      phase += b[1] * Math.log(vabs);
    }
    r = [len * Math.cos(phase), len * Math.sin(phase)];
  }
  if (!Number.isFinite(r[0]) || !Number.isFinite(r[1])) return undefined; // OverflowError
  return complex(r[0], r[1]);
}

function complexPowU(x: [number, number], n: number): [number, number] {
  let r: [number, number] = [1, 0];
  let p = x;
  for (let mask = 1; mask > 0 && n >= mask; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) r = [r[0] * p[0] - r[1] * p[1], r[0] * p[1] + r[1] * p[0]];
    p = [p[0] * p[0] - p[1] * p[1], p[0] * p[1] + p[1] * p[0]];
  }
  return r;
}

/** `safe_lshift`, then `<<`. */
function safeLShift(left: ConstantValue, right: ConstantValue): ConstantValue | undefined {
  const a = asInt(left);
  const b = asInt(right);
  if (a === undefined || b === undefined) return undefined;
  if (a !== 0n && b !== 0n) {
    if (b < 0n) return undefined;
    if (b > BigInt(MAX_INT_SIZE) || numBits(a) > MAX_INT_SIZE - Number(b)) return undefined;
  } else if (b < 0n) {
    return undefined; // ValueError: negative shift count
  }
  return int(a << b);
}

// --- subscripts ------------------------------------------------------------------------

/** `value[index]` for constant str, bytes and tuple values and an int index. */
export function subscript(value: ConstantValue, index: ConstantValue): ConstantValue | undefined {
  const i = asInt(index);
  if (i === undefined) return undefined;
  const at = (length: number) => {
    const k = i < 0n ? i + BigInt(length) : i;
    return k < 0n || k >= BigInt(length) ? undefined : Number(k);
  };
  switch (value.type) {
    case 'str': {
      const chars = Array.from(value.value);
      const k = at(chars.length);
      return k === undefined ? undefined : { type: 'str', value: chars[k] };
    }
    case 'bytes': {
      const k = at(value.value.length);
      return k === undefined ? undefined : int(BigInt(value.value[k]));
    }
    case 'tuple': {
      const k = at(value.items.length);
      return k === undefined ? undefined : value.items[k];
    }
    default:
      return undefined;
  }
}

