import { latin1Text } from '../objects/atoms';
import type { PythonError } from '../runtime/errors';
import type { Runtime } from '../runtime/runtime';

/**
 * The codecs bytes.decode(), bytes(str, encoding) and bytearray(str, encoding) use:
 * utf-8, ascii and latin-1 (under CPython's aliases), with the error handlers strict,
 * ignore, replace, backslashreplace, surrogateescape and xmlcharrefreplace, raising
 * UnicodeDecodeError and UnicodeEncodeError with CPython's messages. Other codecs CPython
 * has stop the simulation as unsupported; unknown names raise LookupError.
 */

type Codec = 'utf-8' | 'ascii' | 'latin-1';

const CODEC_ALIASES: Record<string, Codec> = {
  utf_8: 'utf-8', utf8: 'utf-8', u8: 'utf-8', utf: 'utf-8', cp65001: 'utf-8',
  ascii: 'ascii', us_ascii: 'ascii', us: 'ascii', '646': 'ascii',
  latin_1: 'latin-1', latin1: 'latin-1', latin: 'latin-1', l1: 'latin-1', iso_8859_1: 'latin-1', iso8859_1: 'latin-1', '8859': 'latin-1', cp819: 'latin-1',
};

/** Codecs CPython has that HeapScope does not implement: the simulation stops rather than guess. */
const OTHER_CODECS = /^(utf_(16|32|7)(_[lb]e)?|u(16|32)|cp\d+|iso_?8859_\d+|mac_\w+|koi8_\w+|shift_jis|sjis|euc_\w+|gb\w*|big5\w*|idna|punycode|(raw_)?unicode_escape|windows_\d+|hex|base64|rot_?13|zlib|bz2|quopri|uu)$/;

function codecOf(rt: Runtime, name: string): Codec {
  const normalized = name.trim().toLowerCase().replace(/[-\s]/g, '_');
  const codec = CODEC_ALIASES[normalized];
  if (codec !== undefined) return codec;
  if (OTHER_CODECS.test(normalized)) throw rt.stop('unsupported', `the '${name}' codec is not simulated (HeapScope has utf-8, ascii and latin-1)`);
  throw rt.error('LookupError', `unknown encoding: ${name}`);
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** PyUnicode_Decode for the codecs HeapScope has, with the common error handlers. */
export function decodeBytes(rt: Runtime, data: Uint8Array, encoding: string, errors: string): string {
  const codec = codecOf(rt, encoding);
  const onError = (start: number, end: number, reason: string): string => {
    switch (errors) {
      case 'ignore':
        return '';
      case 'replace':
        return '\ufffd';
      case 'backslashreplace':
        return Array.from(data.subarray(start, end), (b) => `\\x${hex2(b)}`).join('');
      case 'surrogateescape':
        return Array.from(data.subarray(start, end), (b) => String.fromCharCode(0xdc00 + b)).join('');
      case 'strict': {
        const what = end - start === 1 ? `byte 0x${hex2(data[start])} in position ${start}` : `bytes in position ${start}-${end - 1}`;
        throw rt.error('UnicodeDecodeError', `'${codec}' codec can't decode ${what}: ${reason}`);
      }
      default:
        throw rt.error('LookupError', `unknown error handler name '${errors}'`);
    }
  };
  if (codec === 'latin-1') return latin1Text(data);
  let out = '';
  if (codec === 'ascii') {
    for (let i = 0; i < data.length; i++) out += data[i] < 0x80 ? String.fromCharCode(data[i]) : onError(i, i + 1, 'ordinal not in range(128)');
    return out;
  }
  let i = 0;
  while (i < data.length) {
    const lead = data[i];
    if (lead < 0x80) {
      out += String.fromCharCode(lead);
      i++;
      continue;
    }
    // The continuation bytes a lead byte needs, and the range its first one must be in.
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else {
      out += onError(i, i + 1, 'invalid start byte');
      i++;
      continue;
    }
    let codePoint = lead & (0x3f >> need);
    let k = 1;
    for (; k <= need; k++) {
      if (i + k >= data.length) break;
      const c = data[i + k];
      if (c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) break;
      codePoint = (codePoint << 6) | (c & 0x3f);
    }
    if (k > need) {
      out += String.fromCodePoint(codePoint);
      i += need + 1;
    } else if (i + k >= data.length) {
      out += onError(i, data.length, 'unexpected end of data');
      i = data.length;
    } else {
      out += onError(i, i + k, 'invalid continuation byte');
      i += k;
    }
  }
  return out;
}

function escapeCodePoint(cp: number): string {
  if (cp <= 0xff) return `\\x${hex2(cp)}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

/** PyUnicode_AsEncodedString for the codecs HeapScope has, with the common error handlers. */
export function encodeText(rt: Runtime, text: string, encoding: string, errors: string): Uint8Array {
  const codec = codecOf(rt, encoding);
  const codePoints = Array.from(text, (c) => c.codePointAt(0)!);
  const limit = codec === 'ascii' ? 0x80 : codec === 'latin-1' ? 0x100 : -1;
  const unencodable = (cp: number): boolean => (limit < 0 ? cp >= 0xd800 && cp <= 0xdfff : cp >= limit);
  const reason = limit < 0 ? 'surrogates not allowed' : `ordinal not in range(${limit})`;
  const out: number[] = [];
  const put = (cp: number): void => {
    if (limit >= 0) out.push(cp);
    else out.push(...new TextEncoder().encode(String.fromCodePoint(cp)));
  };
  for (let i = 0; i < codePoints.length; ) {
    if (!unencodable(codePoints[i])) {
      put(codePoints[i++]);
      continue;
    }
    let end = i + 1;
    while (end < codePoints.length && unencodable(codePoints[end])) end++;
    const bad = codePoints.slice(i, end);
    switch (errors) {
      case 'ignore':
        break;
      case 'replace':
        for (const _ of bad) out.push(0x3f);
        break;
      case 'backslashreplace':
        for (const cp of bad) for (const c of escapeCodePoint(cp)) out.push(c.charCodeAt(0));
        break;
      case 'xmlcharrefreplace':
        for (const cp of bad) for (const c of `&#${cp};`) out.push(c.charCodeAt(0));
        break;
      case 'surrogateescape':
        if (!bad.every((cp) => cp >= 0xdc80 && cp <= 0xdcff)) throw encodeError(rt, codec, codePoints, i, end, reason);
        for (const cp of bad) out.push(cp - 0xdc00);
        break;
      case 'strict':
        throw encodeError(rt, codec, codePoints, i, end, reason);
      default:
        throw rt.error('LookupError', `unknown error handler name '${errors}'`);
    }
    i = end;
  }
  return Uint8Array.from(out);
}

function encodeError(rt: Runtime, codec: Codec, codePoints: number[], start: number, end: number, reason: string): PythonError {
  const what = end - start === 1 ? `character '${escapeCodePoint(codePoints[start])}' in position ${start}` : `characters in position ${start}-${end - 1}`;
  return rt.error('UnicodeEncodeError', `'${codec}' codec can't encode ${what}: ${reason}`);
}
