/**
 * Decoding the body of a string or bytes literal as CPython's tokenizer and
 * `_PyUnicode_DecodeUnicodeEscapeInternal` / `_PyBytes_DecodeEscape` do. pyright's own
 * decoder turns `\N{...}` into the wrong text, so HeapScope decodes every literal itself.
 */
import { lookupUnicodeName } from './unicodeNames';

/** A literal that CPython refuses, with the message its decoder raises. */
export interface LiteralError {
  readonly message: string;
  /** Offset of the faulty escape within the body. */
  readonly at: number;
}

/**
 * The first escape the decoder did not know (`\\d`), or an octal escape above 0o377: CPython
 * keeps going, and warns about it (a SyntaxWarning from 3.12).
 */
export interface InvalidEscape {
  /** What follows the backslash: one character, or the three octal digits. */
  readonly text: string;
  readonly octal: boolean;
}

export type Decoded =
  | { readonly ok: true; readonly value: string; readonly invalidEscape?: InvalidEscape }
  | { readonly ok: false; readonly error: LiteralError };

/** Decodes a str literal body (between the quotes); raw bodies are returned as they are. */
export function decodeStr(body: string, raw: boolean): Decoded {
  if (raw || body.indexOf('\\') < 0) return { ok: true, value: body };
  let out = '';
  let i = 0;
  let invalidEscape: InvalidEscape | undefined;
  while (i < body.length) {
    const c = body[i];
    if (c !== '\\') {
      const next = body.indexOf('\\', i);
      const stop = next < 0 ? body.length : next;
      out += body.slice(i, stop);
      i = stop;
      continue;
    }
    const start = i;
    const e = body[i + 1];
    i += 2;
    switch (e) {
      case undefined:
        // A lone backslash at the end cannot happen in a terminated literal.
        out += '\\';
        break;
      case '\n':
        break;
      case '\\':
      case "'":
      case '"':
        out += e;
        break;
      case 'a':
        out += '\x07';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'v':
        out += '\v';
        break;
      case 'x':
      case 'u':
      case 'U': {
        const width = e === 'x' ? 2 : e === 'u' ? 4 : 8;
        const digits = body.slice(i, i + width);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length < width) {
          return unicodeError(start, start + 1 + hexRun(body, i, width), `truncated \\${e}${'X'.repeat(width)} escape`);
        }
        const code = parseInt(digits, 16);
        if (code > 0x10ffff) return unicodeError(start, start + 1 + width, 'illegal Unicode character');
        out += String.fromCodePoint(code);
        i += width;
        break;
      }
      case 'N': {
        const close = body[i] === '{' ? body.indexOf('}', i) : -1;
        if (close < 0 || close === i + 1) return unicodeError(start, body.length - 1, 'malformed \\N character escape');
        const code = lookupUnicodeName(body.slice(i + 1, close));
        if (code === undefined) return unicodeError(start, close, 'unknown Unicode character name');
        out += String.fromCodePoint(code);
        i = close + 1;
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          let j = i - 1;
          let code = 0;
          while (j < body.length && j < i + 2 && body[j] >= '0' && body[j] <= '7') code = code * 8 + Number(body[j++]);
          if (code > 0o377) invalidEscape ??= { text: body.slice(i - 1, j), octal: true };
          out += String.fromCharCode(code);
          i = j;
        } else {
          // Unknown escapes stay as written (CPython warns, and keeps the backslash; a
          // backslash before a non-ASCII character is taken literally, without a warning).
          if (e.charCodeAt(0) < 0x80) invalidEscape ??= { text: e, octal: false };
          out += '\\' + e;
        }
    }
  }
  return { ok: true, value: out, invalidEscape };
}

/** Decodes a bytes literal body to byte values. */
export function decodeBytes(body: string, raw: boolean): { ok: true; value: Uint8Array; invalidEscape?: InvalidEscape } | { ok: false; error: LiteralError } {
  for (let k = 0; k < body.length; k++) {
    if (body.charCodeAt(k) > 0x7f) return { ok: false, error: { message: 'bytes can only contain ASCII literal characters', at: k } };
  }
  const bytes: number[] = [];
  let i = 0;
  let invalidEscape: InvalidEscape | undefined;
  while (i < body.length) {
    const c = body[i];
    if (c !== '\\' || raw) {
      bytes.push(body.charCodeAt(i++));
      continue;
    }
    const start = i;
    const e = body[i + 1];
    i += 2;
    switch (e) {
      case '\n':
        break;
      case '\\':
      case "'":
      case '"':
        bytes.push(e.charCodeAt(0));
        break;
      case 'a':
        bytes.push(7);
        break;
      case 'b':
        bytes.push(8);
        break;
      case 'f':
        bytes.push(12);
        break;
      case 'n':
        bytes.push(10);
        break;
      case 'r':
        bytes.push(13);
        break;
      case 't':
        bytes.push(9);
        break;
      case 'v':
        bytes.push(11);
        break;
      case 'x': {
        const digits = body.slice(i, i + 2);
        if (!/^[0-9a-fA-F]{2}$/.test(digits)) {
          return { ok: false, error: { message: `(value error) invalid \\x escape at position ${start}`, at: start } };
        }
        bytes.push(parseInt(digits, 16));
        i += 2;
        break;
      }
      default:
        if (e !== undefined && e >= '0' && e <= '7') {
          let j = i - 1;
          let code = 0;
          while (j < body.length && j < i + 2 && body[j] >= '0' && body[j] <= '7') code = code * 8 + Number(body[j++]);
          if (code > 0o377) invalidEscape ??= { text: body.slice(i - 1, j), octal: true };
          bytes.push(code & 0xff);
          i = j;
        } else {
          bytes.push(92);
          if (e !== undefined) {
            invalidEscape ??= { text: e, octal: false };
            bytes.push(e.charCodeAt(0));
          }
        }
    }
  }
  return { ok: true, value: Uint8Array.from(bytes), invalidEscape };
}

function hexRun(body: string, from: number, max: number): number {
  let n = 0;
  while (n < max && /[0-9a-fA-F]/.test(body[from + n] ?? '')) n++;
  return n;
}

/**
 * CPython reports escape errors through its codec, with positions in the literal's body.
 * They are counted here in UTF-16 units, which agrees with CPython for ASCII bodies (the
 * usual case); before an error, non-ASCII text may shift CPython's count.
 */
function unicodeError(start: number, end: number, reason: string): Decoded {
  return {
    ok: false,
    error: { message: `(unicode error) 'unicodeescape' codec can't decode bytes in position ${start}-${end}: ${reason}`, at: start },
  };
}
