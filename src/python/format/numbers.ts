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

/** A finite double as mantissa * 2**exponent, exactly. */
function decompose(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const field = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  return field === 0 ? [fraction, -1074] : [fraction | (1n << 52n), field - 1075];
}

/**
 * |x| * 10**k rounded half to even to an integer, from the double's exact value (as
 * CPython's dtoa rounds): 2.5 → 2, 0.125 at two places → 12, 2.675 → 267 (it is 2.67499...).
 */
export function scaledRound(x: number, k: number): bigint {
  const [mantissa, exponent] = decompose(Math.abs(x));
  let num = mantissa;
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  if (k >= 0) num *= 10n ** BigInt(k);
  else den *= 10n ** BigInt(-k);
  const q = num / den;
  const twice = 2n * (num % den);
  return twice > den || (twice === den && (q & 1n) === 1n) ? q + 1n : q;
}

/** |x| with `places` digits after the point, correctly rounded ('%.2f'). */
export function fixedText(x: number, places: number): string {
  const digits = scaledRound(x, places).toString().padStart(places + 1, '0');
  return places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
}

/** |x| to `places` digits after the first significant one: the digits and the decimal exponent. */
function significantDigits(x: number, places: number): { digits: string; exponent: number } {
  if (x === 0) return { digits: '0'.repeat(places + 1), exponent: 0 };
  // The exact decimal exponent of |x| first (log10 can be one off), then one rounding,
  // which may carry into the next power of ten.
  let exponent = Math.floor(Math.log10(Math.abs(x)));
  while (atLeastPowerOf10(x, exponent + 1)) exponent++;
  while (!atLeastPowerOf10(x, exponent)) exponent--;
  const d = scaledRound(x, places - exponent);
  if (d === 10n ** BigInt(places + 1)) return { digits: (d / 10n).toString(), exponent: exponent + 1 };
  return { digits: d.toString(), exponent };
}

/** |x| >= 10**e, exactly. */
function atLeastPowerOf10(x: number, e: number): boolean {
  const [mantissa, exponent] = decompose(Math.abs(x));
  const num = (exponent >= 0 ? mantissa << BigInt(exponent) : mantissa) * (e < 0 ? 10n ** BigInt(-e) : 1n);
  const den = (exponent < 0 ? 1n << BigInt(-exponent) : 1n) * (e > 0 ? 10n ** BigInt(e) : 1n);
  return num >= den;
}

function exponentText(digits: string, exponent: number, keepPoint: boolean): string {
  const mantissa = digits.length > 1 || keepPoint ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** |x| in '%e' with `places` digits after the point. */
export function exponentialText(x: number, places: number, alt = false): string {
  const { digits, exponent } = significantDigits(x, places);
  return exponentText(digits, exponent, alt);
}

/**
 * |x| in '%g' with `precision` significant digits: fixed notation when the rounded exponent
 * is in [-4, precision), trailing zeros dropped unless `alt` ('#'). `atLeastOneDecimal` is
 * format()'s type-less variant ('.3'), which keeps a digit after the point.
 */
export function generalText(x: number, precision: number, alt = false, atLeastOneDecimal = false): string {
  const p = precision === 0 ? 1 : precision;
  const { digits, exponent } = significantDigits(x, p - 1);
  const strip = (text: string): string => (alt ? text : text.replace(/\.?0+$/, ''));
  // The type-less variant needs room for its '.0' within the precision.
  if (exponent >= -4 && exponent < (atLeastOneDecimal ? p - 1 : p)) {
    let text = fixedText(x, Math.max(0, p - 1 - exponent));
    if (!alt && text.includes('.')) text = strip(text);
    if (alt && !text.includes('.')) text += '.';
    if (atLeastOneDecimal && !text.includes('.')) text += '.0';
    return text;
  }
  const mantissa = alt ? digits : digits.replace(/0+$/, '') || '0';
  return exponentText(mantissa, exponent, alt);
}

/** round(x, ndigits) for a float (float___round___impl): correctly rounded, CPython's limits. */
export function roundFloatDigits(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0 || ndigits > 323) return x;
  if (ndigits < -308) return 0 * x;
  const digits = scaledRound(x, ndigits);
  const value = Number(`${digits}e${-ndigits}`);
  return x < 0 ? -value : value;
}

/** round(n, ndigits) for an int with ndigits < 0 (long_round): half to even at 10**-ndigits. */
export function roundIntDigits(n: IntValue, ndigits: number): IntValue {
  const unit = 10n ** BigInt(-ndigits);
  const v = toBig(n);
  const magnitude = v < 0n ? -v : v;
  const q = magnitude / unit;
  const twice = 2n * (magnitude % unit);
  const rounded = (twice > unit || (twice === unit && (q & 1n) === 1n) ? q + 1n : q) * unit;
  return normalizeInt(v < 0n ? -rounded : rounded);
}

/**
 * Digits with a separator every `size` from the right, then `rest` (a fraction, an
 * exponent); zero padding to `width` is added before grouping, as CPython pads
 * ('08,' of 255 is '0,000,255': it never starts with a separator).
 */
function groupDigits(digits: string, rest: string, separator: string, size: number, width: number): string {
  const grouped = (d: string): string => d.replace(new RegExp(`\\B(?=([0-9a-fA-F]{${size}})+(?![0-9a-fA-F]))`, 'g'), separator);
  let text = grouped(digits);
  while (text.length + rest.length < width) {
    digits = '0' + digits;
    text = grouped(digits);
  }
  return text + rest;
}

/** format(int, spec) for the common specs: width, fill, align, sign, ',', '_', d x o b X. */
export function formatWithSpec(kind: 'int' | 'float' | 'str', value: IntValue | number | string, spec: string): string | null {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (m === null) return null;
  let [, fill, align, sign, alt, zero, widthText, grouping, precisionText, type] = m;
  const width = widthText ? parseInt(widthText, 10) : 0;
  const precision = precisionText !== undefined ? parseInt(precisionText, 10) : undefined;
  // '0' before the width pads with zeros inside the number, grouped like its digits.
  const zeroPadded = zero !== undefined && !align;
  if (zeroPadded) {
    fill = '0';
    align = '=';
  }
  fill = fill ?? ' ';
  let body: string;
  let negative = false;
  let prefix = '';
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
    if (grouping && type !== 'c') body = groupDigits(body, '', grouping, radix === 10 ? 3 : 4, zeroPadded ? width - (negative || sign === '+' || sign === ' ' ? 1 : 0) - (alt && radix !== 10 ? 2 : 0) : 0);
    // The base prefix goes with the sign: zero padding comes after it ('0x000000ff').
    if (alt && radix !== 10) prefix = type === 'b' ? '0b' : type === 'o' ? '0o' : type === 'X' ? '0X' : '0x';
    align = align ?? '>';
  } else {
    let x = typeof value === 'number' ? value : Number(value);
    negative = x < 0 || Object.is(x, -0);
    if (negative) x = -x;
    const t = type ?? (precision !== undefined ? 'g' : '');
    const special = Number.isFinite(x) ? null : x === Infinity ? 'inf' : 'nan';
    if (t === 'f' || t === 'F' || t === '%') {
      if (t === '%') x *= 100;
      body = special ?? fixedText(x, precision ?? 6);
      if (alt && special === null && !body.includes('.')) body += '.';
      if (t === 'F') body = body.toUpperCase();
      if (t === '%') body += '%';
    } else if (t === 'e' || t === 'E') {
      body = special ?? exponentialText(x, precision ?? 6, alt !== undefined);
      if (t === 'E') body = body.toUpperCase();
    } else if (t === 'g' || t === 'G') {
      // A spec without a type but with a precision is 'g' keeping one decimal ('.3' → 2.0).
      body = special ?? generalText(x, precision ?? 6, alt !== undefined, type === undefined);
      if (t === 'G') body = body.toUpperCase();
    } else if (t === '') {
      body = floatRepr(x);
    } else {
      return null;
    }
    if (grouping && special === null) {
      const split = body.search(/[.e%]/);
      const [intPart, rest] = split < 0 ? [body, ''] : [body.slice(0, split), body.slice(split)];
      body = groupDigits(intPart, rest, grouping, 3, zeroPadded ? width - (negative || sign === '+' || sign === ' ' ? 1 : 0) : 0);
    }
    align = align ?? '>';
  }
  const signText = (negative ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '') + prefix;
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

