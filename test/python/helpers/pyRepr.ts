/**
 * Python's `repr` of constant values, to compare our trees and constants with what
 * CPython printed. Only the tests need it.
 */
import type { ConstantValue } from '../../../src/python/ast';

/** repr of a constant, with frozenset items sorted (as the recording script writes them). */
export function constantRepr(value: ConstantValue): string {
  switch (value.type) {
    case 'None':
      return 'None';
    case 'Ellipsis':
      return 'Ellipsis';
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'int':
      return value.value.toString();
    case 'float':
      return floatRepr(value.value);
    case 'complex':
      return complexRepr(value.real, value.imag);
    case 'str':
      return strRepr(value.value);
    case 'bytes':
      return bytesRepr(value.value);
    case 'tuple': {
      const items = value.items.map(constantRepr);
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    case 'frozenset': {
      const items = value.items.map(constantRepr).sort(compareCodeUnits);
      return items.length === 0 ? 'frozenset()' : `frozenset({${items.join(', ')}})`;
    }
  }
}

/** Python sorts strings by code point; so does this, for the ASCII reprs we compare. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Python's float repr: shortest round-trip digits, exponent below 1e-4 and from 1e16. */
export function floatRepr(x: number, addDotZero = true): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return (Object.is(x, -0) ? '-0' : '0') + (addDotZero ? '.0' : '');
  const sign = x < 0 ? '-' : '';
  const [mantissa, expText] = Math.abs(x).toExponential().split('e');
  const exp = Number(expText);
  const digits = mantissa.replace('.', '');
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  let text: string;
  if (exp >= digits.length - 1) text = digits + '0'.repeat(exp - digits.length + 1) + (addDotZero ? '.0' : '');
  else if (exp >= 0) text = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  else text = `0.${'0'.repeat(-exp - 1)}${digits}`;
  return sign + text;
}

function complexRepr(real: number, imag: number): string {
  const im = floatRepr(imag, false);
  if (real === 0 && !Object.is(real, -0)) return `${im}j`;
  const re = floatRepr(real, false);
  return `(${re}${imag >= 0 || Number.isNaN(imag) ? '+' : ''}${im}j)`;
}

const NON_PRINTABLE = /[\p{C}\p{Z}]/u;

/** Python's str repr (quotes chosen as CPython does; non-printables escaped). */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x7f || ch === ' ') out += ch;
    else if (NON_PRINTABLE.test(ch) || (ch.length === 1 && cp >= 0xd800 && cp <= 0xdfff)) {
      out += cp <= 0xff ? '\\x' + cp.toString(16).padStart(2, '0') : cp <= 0xffff ? '\\u' + cp.toString(16).padStart(4, '0') : '\\U' + cp.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

export function bytesRepr(bytes: Uint8Array): string {
  const hasSingle = bytes.includes(39);
  const quote = hasSingle && !bytes.includes(34) ? '"' : "'";
  let out = 'b' + quote;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (b === 9) out += '\\t';
    else if (b === 10) out += '\\n';
    else if (b === 13) out += '\\r';
    else if (b < 0x20 || b >= 0x7f) out += '\\x' + b.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}
