/**
 * Python's number formatting: repr(float) (the shortest string that round-trips, in
 * CPython's layout), int arithmetic helpers with Python's floor semantics.
 */

/** repr() of a float, as CPython's float_repr (format code 'r'). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // JS gives the same shortest round-trip digits; only the layout differs.
  const exp = x.toExponential(); // d.ddde±n
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp)!;
  const sign = match[1];
  const digits = match[2] + (match[3] ?? '');
  const decimalExponent = parseInt(match[4], 10);
  // CPython uses scientific notation when exponent < -4 or >= 16.
  if (decimalExponent < -4 || decimalExponent >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(decimalExponent);
    return `${sign}${mantissa}e${decimalExponent < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
  }
  const point = decimalExponent + 1;
  let text: string;
  if (point <= 0) text = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) text = digits + '0'.repeat(point - digits.length) + '.0';
  else text = digits.slice(0, point) + '.' + digits.slice(point);
  return sign + text;
}

export type IntValue = number | bigint;

/** Keeps ints as JS numbers while they are exact, as bigints beyond. */
export function normalizeInt(v: bigint): IntValue {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
}

export function toBig(v: IntValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export function intAdd(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normalizeInt(toBig(a) + toBig(b));
}

export function intSub(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normalizeInt(toBig(a) - toBig(b));
}

export function intMul(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r;
  }
  return normalizeInt(toBig(a) * toBig(b));
}

/** Floor division (b ≠ 0). */
export function intFloorDiv(a: IntValue, b: IntValue): IntValue {
  // Small operands divide exactly in floating point; larger ones go through bigints.
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) < 2 ** 31 && Math.abs(b) < 2 ** 31) return floorDivExact(a, b);
  return normalizeInt(bigFloorDiv(toBig(a), toBig(b)));
}

function floorDivExact(a: number, b: number): number {
  const q = Math.trunc(a / b);
  return q * b !== a && (a < 0) !== (b < 0) ? q - 1 : q;
}

function bigFloorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return q * b !== a && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

/** Python's modulo: the result has the divisor's sign. */
export function intMod(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    return r !== 0 && (r < 0) !== (b < 0) ? r + b : r === 0 ? 0 : r;
  }
  const A = toBig(a);
  const B = toBig(b);
  const r = A % B;
  return normalizeInt(r !== 0n && (r < 0n) !== (B < 0n) ? r + B : r);
}

export function intPow(a: IntValue, b: IntValue): IntValue {
  return normalizeInt(toBig(a) ** toBig(b));
}

export function intCompare(a: IntValue, b: IntValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const A = toBig(a);
  const B = toBig(b);
  return A < B ? -1 : A > B ? 1 : 0;
}

/** Python's float modulo. */
export function floatMod(a: number, b: number): number {
  const r = a % b;
  if (r !== 0 && (r < 0) !== (b < 0)) return r + b;
  return r === 0 ? (b < 0 ? -0 : 0) : r;
}

/** Converts an int to a float the way Python does (OverflowError is the caller's). */
export function intToFloat(v: IntValue): number {
  return typeof v === 'number' ? v : Number(v);
}

/** The exact order of a float (not NaN) and an int: -1, 0 or 1. */
export function compareFloatInt(f: number, i: IntValue): number {
  if (typeof i === 'number' && Number.isSafeInteger(i)) return f < i ? -1 : f > i ? 1 : 0;
  if (!Number.isFinite(f)) return f > 0 ? 1 : -1;
  const floor = Math.floor(f);
  const c = intCompare(BigInt(floor), i);
  // A fractional float lies strictly between floor(f) and floor(f) + 1.
  return c !== 0 ? c : floor === f ? 0 : 1;
}

function bitLengthOf(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

/**
 * long_true_divide: a / b correctly rounded (half to even), even when the ints do not fit
 * a double; Infinity when the quotient is too large for one (the caller raises
 * OverflowError). `b` is not zero.
 */
export function intTrueDivide(a: IntValue, b: IntValue): number {
  const exact = 2 ** 53;
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) <= exact && Math.abs(b) <= exact) return a / b;
  let x = toBig(a);
  let y = toBig(b);
  const negative = x < 0n !== y < 0n;
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  if (x === 0n) return negative ? -0 : 0;
  // A quotient of 55 or 56 bits, then rounded to 53 with the remainder as sticky bit.
  const shift = 55 - (bitLengthOf(x) - bitLengthOf(y));
  const [num, den] = shift >= 0 ? [x << BigInt(shift), y] : [x, y << BigInt(-shift)];
  let q = num / den;
  const sticky = num % den !== 0n;
  const extra = bitLengthOf(q) - 53;
  const dropped = q & ((1n << BigInt(extra)) - 1n);
  q >>= BigInt(extra);
  const half = 1n << BigInt(extra - 1);
  if (dropped > half || (dropped === half && (sticky || (q & 1n) === 1n))) q += 1n;
  // q < 2**54 is exact as a double; scaling by a power of two is exact outside the subnormals.
  const exponent = extra - shift;
  let result = Number(q);
  if (exponent > 0) result *= 2 ** Math.min(exponent, 1100);
  else if (exponent < 0) result = exponent < -1000 ? (result * 2 ** -1000) * 2 ** (exponent + 1000) : result * 2 ** exponent;
  return negative ? -result : result;
}

/** format(int, spec) for the common specs: width, fill, align, sign, ',', '_', d x o b X. */
export function formatWithSpec(kind: 'int' | 'float' | 'str', value: IntValue | number | string, spec: string): string | null {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (m === null) return null;
  let [, fill, align, sign, alt, zero, widthText, grouping, precisionText, type] = m;
  const width = widthText ? parseInt(widthText, 10) : 0;
  const precision = precisionText !== undefined ? parseInt(precisionText, 10) : undefined;
  if (zero && !align) {
    fill = '0';
    align = '=';
  }
  fill = fill ?? ' ';
  let body: string;
  let negative = false;
  if (kind === 'str') {
    if (type && type !== 's') return null;
    body = String(value);
    if (precision !== undefined) body = body.slice(0, precision);
    align = align ?? '<';
  } else if (kind === 'int' && (!type || 'bcdoxXn'.includes(type))) {
    let v = toBig(value as IntValue);
    negative = v < 0n;
    if (negative) v = -v;
    const radix = type === 'b' ? 2 : type === 'o' ? 8 : type === 'x' || type === 'X' ? 16 : 10;
    if (type === 'c') body = String.fromCodePoint(Number(v));
    else body = v.toString(radix);
    if (type === 'X') body = body.toUpperCase();
    if (grouping && radix === 10) body = body.replace(/\B(?=(\d{3})+(?!\d))/g, grouping);
    if (alt && radix !== 10) body = (type === 'b' ? '0b' : type === 'o' ? '0o' : type === 'X' ? '0X' : '0x') + body;
    align = align ?? '>';
  } else {
    let x = typeof value === 'number' ? value : Number(value);
    negative = x < 0 || Object.is(x, -0);
    if (negative) x = -x;
    const t = type ?? (precision !== undefined ? 'g' : '');
    if (t === 'f' || t === 'F' || t === '%') {
      if (t === '%') x *= 100;
      body = Number.isFinite(x) ? x.toFixed(precision ?? 6) : x === Infinity ? 'inf' : 'nan';
      if (t === '%') body += '%';
    } else if (t === 'e' || t === 'E') {
      body = x.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      if (t === 'E') body = body.toUpperCase();
    } else if (t === 'g' || t === 'G') {
      const p = precision === 0 ? 1 : precision ?? 6;
      if (x === 0) body = '0';
      else {
        const exp = Math.floor(Math.log10(x));
        if (exp < -4 || exp >= p) body = x.toExponential(p - 1).replace(/\.?0+e/, 'e').replace(/e([+-])(\d)$/, 'e$10$2');
        else body = x.toFixed(Math.max(0, p - 1 - exp)).replace(/\.?0+$/, '');
      }
      if (t === 'G') body = body.toUpperCase();
    } else if (t === '') {
      body = floatRepr(x);
    } else {
      return null;
    }
    if (grouping) {
      const [intPart, frac] = body.split('.');
      body = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, grouping) + (frac !== undefined ? '.' + frac : '');
    }
    align = align ?? '>';
  }
  const signText = negative ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
  const total = signText.length + body.length;
  if (total >= width) return signText + body;
  const pad = fill.repeat(width - total);
  switch (align) {
    case '<':
      return signText + body + pad;
    case '^': {
      const left = fill.repeat(Math.floor((width - total) / 2));
      const right = fill.repeat(width - total - left.length);
      return left + signText + body + right;
    }
    case '=':
      return signText + pad + body;
    default:
      return pad + signText + body;
  }
}

/**
 * round(x, ndigits) for floats: the exact decimal value of the double, rounded half to
 * even only on exact ties (2.675 is really 2.67499999..., so it rounds down).
 */
export function roundFloat(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 22) return x;
  if (ndigits < 0) {
    const factor = 10 ** -ndigits;
    const q = x / factor;
    const r = Math.round(q);
    const tie = Math.abs(q - Math.trunc(q)) === 0.5;
    return (tie ? 2 * Math.round(q / 2) : r) * factor;
  }
  const exact = Math.abs(x).toFixed(Math.min(100, ndigits + 40));
  const [intPart, frac = ''] = exact.split('.');
  const kept = frac.slice(0, ndigits);
  const rest = frac.slice(ndigits);
  let digits = BigInt(intPart + kept);
  const half = rest.length > 0 && rest[0] === '5' && /^5?0*$/.test(rest);
  if (half) {
    if (digits % 2n === 1n) digits += 1n;
  } else if (rest.length > 0 && rest[0] >= '5') {
    digits += 1n;
  }
  const text = digits.toString().padStart(ndigits + 1, '0');
  const value = Number(ndigits > 0 ? `${text.slice(0, -ndigits)}.${text.slice(-ndigits)}` : text);
  return x < 0 ? -value : value;
}
