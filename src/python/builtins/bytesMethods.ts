import { latin1Text, PyBytes, PyInt, PyStr } from '../objects/atoms';
import type { NativeFunction, PyObject } from '../objects/base';
import { PyList, PyTuple } from '../objects/containers';
import { typeLookup } from '../runtime/attributes';
import { PythonError } from '../runtime/errors';
import { collect } from '../runtime/iteration';
import { asIndex, byteValue } from '../runtime/items';
import { asSsize, checkLength } from '../runtime/limits';
import type { Runtime } from '../runtime/runtime';
import { decodeBytes, encodeText } from './codecs';

/**
 * bytes and bytearray: their constructors and their methods (Objects/bytesobject.c,
 * bytearrayobject.c and the shared stringlib); their codecs are in codecs.ts. Which
 * results are new objects follows CPython: a bytes result made from a piece of existing
 * data is the shared one-byte object when one byte long, a result built in place never
 * is, and an unchanged exact bytes object often comes back itself. bytearray results are
 * always new.
 */

type Args = readonly PyObject[];
type Kwargs = ReadonlyMap<string, PyObject> | null;
type Method = (self: PyBytes, args: Args, kwargs: Kwargs) => PyObject;

export function isBytearray(rt: Runtime, obj: PyObject): boolean {
  return obj instanceof PyBytes && obj.cls.isSubtypeOf(rt.types.bytearray);
}

/** A bytes-like argument's bytes (bytes and bytearray: the buffers HeapScope models). */
function buffer(rt: Runtime, obj: PyObject): Uint8Array {
  if (obj instanceof PyBytes) return obj.value;
  throw rt.error('TypeError', `a bytes-like object is required, not '${obj.cls.name}'`);
}

function argument(args: Args, kwargs: Kwargs, position: number, name: string): PyObject | undefined {
  return args[position] ?? kwargs?.get(name);
}

function stringArgument(rt: Runtime, function_: string, name: string, obj: PyObject | undefined, fallback: string): string {
  if (obj === undefined) return fallback;
  if (!(obj instanceof PyStr)) throw rt.error('TypeError', `${function_}() argument '${name}' must be str, not ${obj.cls.name}`);
  return obj.value;
}

function intArgument(rt: Runtime, obj: PyObject | undefined, fallback: number): number {
  if (obj === undefined) return fallback;
  const i = asIndex(rt, obj);
  if (i === null) throw rt.error('TypeError', `'${obj.cls.name}' object cannot be interpreted as an integer`);
  return i;
}

const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
const isUpper = (c: number): boolean => c >= 0x41 && c <= 0x5a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const toUpper = (c: number): number => (isLower(c) ? c - 32 : c);
const toLower = (c: number): number => (isUpper(c) ? c + 32 : c);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Where `needle` occurs in `hay[start:end]`, searching from the left or the right; -1 if nowhere. */
function search(hay: Uint8Array, needle: Uint8Array, start: number, end: number, fromRight = false): number {
  const last = end - needle.length;
  const matches = (at: number): boolean => {
    for (let k = 0; k < needle.length; k++) if (hay[at + k] !== needle[k]) return false;
    return true;
  };
  if (fromRight) {
    for (let at = last; at >= start; at--) if (matches(at)) return at;
  } else {
    for (let at = start; at <= last; at++) if (matches(at)) return at;
  }
  return -1;
}

/** ADJUST_INDICES for the optional start and end of find(), count(), startswith()... */
function searchRange(rt: Runtime, length: number, startObj: PyObject | undefined, endObj: PyObject | undefined): [number, number] {
  const value = (o: PyObject | undefined): number | null => {
    if (o === undefined || o === rt.none) return null;
    const i = asIndex(rt, o);
    if (i === null) throw rt.error('TypeError', 'slice indices must be integers or None or have an __index__ method');
    return i;
  };
  let start = value(startObj) ?? 0;
  let end = value(endObj) ?? length;
  if (end > length) end = length;
  else if (end < 0) end = Math.max(0, end + length);
  if (start < 0) start = Math.max(0, start + length);
  return [start, end];
}

// --- constructors --------------------------------------------------------------------------

/** The arguments of bytes() and bytearray(): source, encoding, errors. */
function constructorArguments(rt: Runtime, typeName: string, args: Args, kwargs: Kwargs): [PyObject | undefined, string | undefined, string | undefined] {
  if (args.length > 3) throw rt.error('TypeError', `${typeName}() takes at most 3 arguments (${args.length} given)`);
  for (const key of kwargs?.keys() ?? []) {
    if (!['source', 'encoding', 'errors'].includes(key)) throw rt.error('TypeError', `'${key}' is an invalid keyword argument for ${typeName}()`);
  }
  const encoding = argument(args, kwargs, 1, 'encoding');
  const errors = argument(args, kwargs, 2, 'errors');
  return [argument(args, kwargs, 0, 'source'), encoding && stringArgument(rt, typeName, 'encoding', encoding, ''), errors && stringArgument(rt, typeName, 'errors', errors, '')];
}

function checkCount(rt: Runtime, n: number, typeName: string): number {
  if (n < 0) throw rt.error('ValueError', 'negative count');
  checkLength(rt, typeName, n);
  return n;
}

/** An int argument that sizes a new object (_PyIndex_Check), or null. */
function countArgument(rt: Runtime, obj: PyObject, typeName: string): number | null {
  if (obj instanceof PyInt) return checkCount(rt, asSsize(rt, obj.value), typeName);
  if (!obj.cls.isHeapType || typeLookup(rt, obj.cls, '__index__') === undefined) return null;
  return checkCount(rt, asIndex(rt, obj)!, typeName);
}

/** bytes(source=b'', encoding, errors): bytes_new. An exact bytes argument comes back itself. */
export function makeBytes(rt: Runtime, args: Args, kwargs: Kwargs): PyObject {
  const p = rt.vm.p;
  const [source, encoding, errors] = constructorArguments(rt, 'bytes', args, kwargs);
  if (source === undefined) {
    if (encoding !== undefined || errors !== undefined) throw rt.error('TypeError', encoding !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    return rt.emptyBytes;
  }
  if (encoding !== undefined) {
    if (!(source instanceof PyStr)) throw rt.error('TypeError', 'encoding without a string argument');
    return rt.bytes(encodeText(rt, source.value, encoding, errors ?? 'strict'));
  }
  if (errors !== undefined) throw rt.error('TypeError', source instanceof PyStr ? 'string argument without an encoding' : 'errors without a string argument');
  const special = source.cls.isHeapType ? typeLookup(rt, source.cls, '__bytes__') : undefined;
  if (special !== undefined) {
    const result = p.call(special, [source], null);
    if (!(result instanceof PyBytes) || isBytearray(rt, result)) {
      p.discard(result);
      throw rt.error('TypeError', `__bytes__ returned non-bytes (type ${result.cls.name})`);
    }
    return result;
  }
  if (source instanceof PyStr) throw rt.error('TypeError', 'string argument without an encoding');
  const count = countArgument(rt, source, 'bytes');
  if (count !== null) return rt.freshBytes(new Uint8Array(count));
  return bytesFromObject(rt, source);
}

/**
 * PyBytes_FromObject: a list or another iterable of ints is written through a small
 * buffer and copied out (the shared one-byte objects); a tuple or a buffer is copied into
 * a bytes object allocated first (a new one).
 */
function bytesFromObject(rt: Runtime, source: PyObject): PyObject {
  const t = rt.types;
  if (source instanceof PyBytes) return source.cls === t.bytes ? source : rt.freshBytes(source.value.slice());
  const exactTuple = source instanceof PyTuple && source.cls === t.tuple;
  if (!(source instanceof PyList && source.cls === t.list) && !exactTuple) iterableOr(rt, source, `cannot convert '${source.cls.name}' object to bytes`);
  let value = new Uint8Array();
  rt.vm.p.run(() => {
    value = Uint8Array.from(collect(rt, source), (item) => byteValue(rt, item, 'bytes must be in range(0, 256)'));
  });
  return exactTuple ? rt.freshBytes(value) : rt.bytes(value);
}

/** Raises TypeError(`message`) instead of "not iterable" when `obj` cannot be iterated. */
function iterableOr(rt: Runtime, obj: PyObject, message: string): void {
  const p = rt.vm.p;
  try {
    p.run(() => void p.own(p.getIter(obj)));
  } catch (e) {
    if (!(e instanceof PythonError) || !p.isInstanceOfName(e.exception, 'TypeError')) throw e;
    p.clearError(e);
    throw rt.error('TypeError', message);
  }
}

/** bytearray(source, encoding, errors): bytearray___init__, which grows the buffer as it fills it. */
export function makeBytearray(rt: Runtime, args: Args, kwargs: Kwargs): PyObject {
  const p = rt.vm.p;
  const [source, encoding, errors] = constructorArguments(rt, 'bytearray', args, kwargs);
  return p.scope(() => {
    const ba = p.own(rt.newBytearray(new Uint8Array())) as PyBytes;
    if (source === undefined) {
      if (encoding !== undefined || errors !== undefined) throw rt.error('TypeError', encoding !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
      return ba;
    }
    if (source instanceof PyStr) {
      if (encoding === undefined) throw rt.error('TypeError', 'string argument without an encoding');
      // The encoded bytes are a temporary the bytearray is extended with.
      const encoded = p.own(rt.bytes(encodeText(rt, source.value, encoding, errors ?? 'strict'))) as PyBytes;
      ba.resize(encoded.value.slice());
      return ba;
    }
    if (encoding !== undefined || errors !== undefined) throw rt.error('TypeError', encoding !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    const count = countArgument(rt, source, 'bytearray');
    if (count !== null) {
      ba.resize(new Uint8Array(count));
      return ba;
    }
    if (source instanceof PyBytes) {
      ba.resize(source.value.slice());
      return ba;
    }
    const sequence = (source instanceof PyList && source.cls === rt.types.list) || (source instanceof PyTuple && source.cls === rt.types.tuple);
    if (sequence && rt.lang.bytearrayFromSequenceExact) {
      ba.resize(Uint8Array.from((source as PyList | PyTuple).items, (item) => byteValue(rt, item)));
      return ba;
    }
    if (!sequence) iterableOr(rt, source, `cannot convert '${source.cls.name}' object to bytearray`);
    // One byte at a time, each growing the buffer as append would.
    for (const item of collect(rt, source)) ba.resize(concat([ba.value, Uint8Array.of(byteValue(rt, item))]));
    return ba;
  });
}

/** PyByteArray_FromObject: a new bytearray of anything bytearray() accepts. */
export function bytearrayFromObject(rt: Runtime, source: PyObject): PyObject {
  return makeBytearray(rt, [source], null);
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** bytes.hex(sep, bytes_per_sep): _Py_strhex_impl, grouping from the right (from the left when negative). */
function hexText(rt: Runtime, data: Uint8Array, sepObj: PyObject | undefined, perSepObj: PyObject | undefined): string {
  const digits = Array.from(data, hex2);
  if (sepObj === undefined) return digits.join('');
  const sep = sepObj instanceof PyStr ? sepObj.value : latin1Text(buffer(rt, sepObj));
  if ([...sep].length !== 1) throw rt.error('ValueError', 'sep must be length 1.');
  if (sep.charCodeAt(0) > 0x7f) throw rt.error('ValueError', 'sep must be ASCII.');
  const perSep = intArgument(rt, perSepObj, 1);
  if (perSep === 0) return digits.join('');
  const group = Math.abs(perSep);
  let out = '';
  digits.forEach((d, i) => {
    const boundary = perSep < 0 ? i % group === 0 : (digits.length - i) % group === 0;
    if (i > 0 && boundary) out += sep;
    out += d;
  });
  return out;
}

/** bytes.fromhex: pairs of hex digits, with whitespace allowed between the pairs. */
function fromHex(rt: Runtime, obj: PyObject | undefined): Uint8Array {
  if (!(obj instanceof PyStr)) throw rt.error('TypeError', `fromhex() argument must be str, not ${obj?.cls.name ?? 'NoneType'}`);
  const text = obj.value;
  const digit = (i: number): number => {
    const d = i < text.length ? parseInt(text[i], 16) : NaN;
    if (Number.isNaN(d)) throw rt.error('ValueError', `non-hexadecimal number found in fromhex() arg at position ${i}`);
    return d;
  };
  const out: number[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const top = digit(i);
    const bottom = digit(i + 1);
    out.push(top * 16 + bottom);
    i += 2;
  }
  return Uint8Array.from(out);
}

// --- methods -------------------------------------------------------------------------------

/** The methods of bytes and bytearray (one table: a bytearray gets bytearray results). */
export function installBytesMethods(rt: Runtime): void {
  const p = () => rt.vm.p;
  const none = rt.none;
  const ba = (self: PyBytes): boolean => isBytearray(rt, self);
  /** STRINGLIB_NEW(data, n): a result copied out of existing data. */
  const copied = (self: PyBytes, data: Uint8Array): PyObject => (ba(self) ? rt.newBytearray(data) : rt.bytes(data.slice()));
  /** STRINGLIB_NEW(NULL, n): a result allocated, then written. */
  const built = (self: PyBytes, data: Uint8Array): PyObject => (ba(self) ? rt.newBytearray(data) : rt.freshBytes(data));
  /** return_self: an exact bytes object is its own unchanged result. */
  const unchanged = (self: PyBytes): PyObject => (self.cls === rt.types.bytes ? self : copied(self, self.value));
  const list = (self: PyBytes, parts: readonly (PyObject | Uint8Array)[]): PyObject => rt.newList(parts.map((x) => (x instanceof Uint8Array ? copied(self, x) : x)));
  const mapBytes = (self: PyBytes, f: (c: number, i: number, data: Uint8Array) => number): PyObject => built(self, self.value.map((c, i) => f(c, i, self.value)));
  const test = (self: PyBytes, f: (c: number) => boolean, emptyResult = false): PyObject => rt.bool(self.value.length === 0 ? emptyResult : self.value.every(f));

  /** The needle of find() and friends: a byte given as an int, or a bytes-like object. */
  const needle = (sub: PyObject | undefined): Uint8Array => {
    if (sub === undefined) throw rt.error('TypeError', 'find() takes at least 1 argument (0 given)');
    const byte = sub instanceof PyInt || (sub.cls.isHeapType && typeLookup(rt, sub.cls, '__index__') !== undefined) ? asIndex(rt, sub) : null;
    if (byte !== null) {
      if (byte < 0 || byte > 255) throw rt.error('ValueError', 'byte must be in range(0, 256)');
      return Uint8Array.of(byte);
    }
    if (!(sub instanceof PyBytes)) throw rt.error('TypeError', `argument should be integer or bytes-like object, not '${sub.cls.name}'`);
    return sub.value;
  };
  const find = (self: PyBytes, args: Args, fromRight: boolean): number => {
    const sub = needle(args[0]);
    const [start, end] = searchRange(rt, self.value.length, args[1], args[2]);
    if (end - start < sub.length) return -1;
    return search(self.value, sub, start, end, fromRight);
  };
  const index = (self: PyBytes, args: Args, fromRight: boolean): PyObject => {
    const at = find(self, args, fromRight);
    if (at < 0) throw rt.error('ValueError', 'subsection not found');
    return rt.int(at);
  };

  /** _Py_bytes_tailmatch: startswith (direction -1) and endswith (+1). */
  const tailMatch = (name: string, self: PyBytes, args: Args, direction: -1 | 1): PyObject => {
    const data = self.value;
    const [start, end] = searchRange(rt, data.length, args[1], args[2]);
    const matches = (prefix: Uint8Array): boolean => {
      let from = start;
      if (direction < 0) {
        if (from > data.length - prefix.length) return false;
      } else {
        if (end - from < prefix.length || from > data.length) return false;
        if (end - prefix.length > from) from = end - prefix.length;
      }
      if (end - from < prefix.length) return false;
      for (let k = 0; k < prefix.length; k++) if (data[from + k] !== prefix[k]) return false;
      return true;
    };
    const what = args[0];
    if (what instanceof PyTuple) return rt.bool(what.items.some((item) => matches(buffer(rt, item))));
    if (!(what instanceof PyBytes)) throw rt.error('TypeError', `${name} first arg must be bytes or a tuple of bytes, not ${what?.cls.name ?? 'NoneType'}`);
    return rt.bool(matches(what.value));
  };

  /** do_strip and do_xstrip: an exact bytes object that loses nothing is returned itself. */
  const strip = (self: PyBytes, charsObj: PyObject | undefined, left: boolean, right: boolean): PyObject => {
    const data = self.value;
    const chars = charsObj === undefined || charsObj === none ? null : buffer(rt, charsObj);
    const strips = (c: number): boolean => (chars === null ? isSpace(c) : chars.includes(c));
    let i = 0;
    let j = data.length;
    if (left) while (i < j && strips(data[i])) i++;
    if (right) while (j > i && strips(data[j - 1])) j--;
    if (i === 0 && j === data.length && self.cls === rt.types.bytes) return self;
    return copied(self, data.subarray(i, j));
  };

  /** stringlib's split and split_whitespace. */
  const split = (self: PyBytes, args: Args, kwargs: Kwargs): PyObject => {
    const data = self.value;
    const sepObj = argument(args, kwargs, 0, 'sep');
    const maxsplit = intArgument(rt, argument(args, kwargs, 1, 'maxsplit'), -1);
    let remaining = maxsplit < 0 ? Infinity : maxsplit;
    const parts: (PyObject | Uint8Array)[] = [];
    const exact = self.cls === rt.types.bytes;
    if (sepObj === undefined || sepObj === none) {
      let i = 0;
      while (remaining-- > 0) {
        while (i < data.length && isSpace(data[i])) i++;
        if (i === data.length) break;
        const j = i++;
        while (i < data.length && !isSpace(data[i])) i++;
        if (j === 0 && i === data.length && exact) {
          parts.push(self);
          break;
        }
        parts.push(data.subarray(j, i));
      }
      if (i < data.length) {
        while (i < data.length && isSpace(data[i])) i++;
        if (i !== data.length) parts.push(data.subarray(i));
      }
      return list(self, parts);
    }
    const sep = buffer(rt, sepObj);
    if (sep.length === 0) throw rt.error('ValueError', 'empty separator');
    let i = 0;
    while (remaining-- > 0) {
      const at = search(data, sep, i, data.length);
      if (at < 0) break;
      parts.push(data.subarray(i, at));
      i = at + sep.length;
    }
    parts.push(parts.length === 0 && exact ? self : data.subarray(i));
    return list(self, parts);
  };

  /** stringlib's rsplit and rsplit_whitespace. */
  const rsplit = (self: PyBytes, args: Args, kwargs: Kwargs): PyObject => {
    const data = self.value;
    const sepObj = argument(args, kwargs, 0, 'sep');
    const maxsplit = intArgument(rt, argument(args, kwargs, 1, 'maxsplit'), -1);
    let remaining = maxsplit < 0 ? Infinity : maxsplit;
    const parts: (PyObject | Uint8Array)[] = [];
    const exact = self.cls === rt.types.bytes;
    if (sepObj === undefined || sepObj === none) {
      let i = data.length - 1;
      while (remaining-- > 0) {
        while (i >= 0 && isSpace(data[i])) i--;
        if (i < 0) break;
        const j = i--;
        while (i >= 0 && !isSpace(data[i])) i--;
        if (j === data.length - 1 && i < 0 && exact) {
          parts.push(self);
          break;
        }
        parts.push(data.subarray(i + 1, j + 1));
      }
      if (i >= 0) {
        while (i >= 0 && isSpace(data[i])) i--;
        if (i >= 0) parts.push(data.subarray(0, i + 1));
      }
      return list(self, parts.reverse());
    }
    const sep = buffer(rt, sepObj);
    if (sep.length === 0) throw rt.error('ValueError', 'empty separator');
    let j = data.length;
    while (remaining-- > 0) {
      const at = search(data, sep, 0, j, true);
      if (at < 0) break;
      parts.push(data.subarray(at + sep.length, j));
      j = at;
    }
    parts.push(parts.length === 0 && exact ? self : data.subarray(0, j));
    return list(self, parts.reverse());
  };

  /** stringlib's partition (direction 1) and rpartition (-1). */
  const partition = (self: PyBytes, sepObj: PyObject | undefined, direction: 1 | -1): PyObject => {
    const data = self.value;
    const sep = buffer(rt, sepObj ?? none);
    if (sep.length === 0) throw rt.error('ValueError', 'empty separator');
    return p().scope(() => {
      // bytearray partitions by a copy of the separator; bytes hands back the argument.
      const middle = ba(self) ? p().own(rt.newBytearray(sep)) : sepObj!;
      const at = search(data, sep, 0, data.length, direction < 0);
      const empty = (): PyObject => p().own(copied(self, new Uint8Array()));
      const whole = (): PyObject => p().own(unchanged(self));
      if (at < 0) return rt.newTuple(direction > 0 ? [whole(), empty(), empty()] : [empty(), empty(), whole()]);
      const before = p().own(copied(self, data.subarray(0, at)));
      const after = p().own(copied(self, data.subarray(at + sep.length)));
      return rt.newTuple([before, middle, after]);
    });
  };

  /** stringlib's pad: an exact bytes object that needs no padding is returned itself. */
  const pad = (self: PyBytes, left: number, right: number, fill: number): PyObject => {
    left = Math.max(0, left);
    right = Math.max(0, right);
    if (left === 0 && right === 0) return unchanged(self);
    const out = new Uint8Array(left + self.value.length + right).fill(fill);
    out.set(self.value, left);
    return built(self, out);
  };
  const fillChar = (name: string, obj: PyObject | undefined): number => {
    if (obj === undefined) return 0x20;
    if (obj instanceof PyBytes && obj.value.length === 1) return obj.value[0];
    throw rt.error('TypeError', `${name}() argument 2 must be a byte string of length 1, not ${obj.cls.name}`);
  };
  const width = (obj: PyObject | undefined): number => intArgument(rt, obj, 0);

  /** stringlib's replace, which returns an exact bytes object itself when nothing changes. */
  const replace = (self: PyBytes, args: Args, kwargs: Kwargs): PyObject => {
    const data = self.value;
    const from = buffer(rt, args[0] ?? none);
    const to = buffer(rt, args[1] ?? none);
    const count = intArgument(rt, argument(args, kwargs, 2, 'count'), -1);
    let remaining = count < 0 ? Infinity : count;
    const pieces: Uint8Array[] = [];
    let i = 0;
    let changed = false;
    if (from.length === 0) {
      // b'abc'.replace(b'', b'-') puts the replacement around every byte.
      if (to.length === 0 || remaining === 0) return unchanged(self);
      for (; i <= data.length && remaining > 0; remaining--, i++) {
        pieces.push(to, data.subarray(i, i + 1));
        changed = true;
      }
      if (i <= data.length) pieces.push(data.subarray(i));
    } else {
      while (remaining-- > 0) {
        const at = search(data, from, i, data.length);
        if (at < 0) break;
        pieces.push(data.subarray(i, at), to);
        i = at + from.length;
        changed = true;
      }
      pieces.push(data.subarray(i));
    }
    return changed ? built(self, concat(pieces)) : unchanged(self);
  };

  const table: Record<string, Method> = {
    decode(self, args, kwargs) {
      const encoding = stringArgument(rt, 'decode', 'encoding', argument(args, kwargs, 0, 'encoding'), 'utf-8');
      const errors = stringArgument(rt, 'decode', 'errors', argument(args, kwargs, 1, 'errors'), 'strict');
      return rt.str(decodeBytes(rt, self.value, encoding, errors));
    },
    hex: (self, args, kwargs) => rt.str(hexText(rt, self.value, argument(args, kwargs, 0, 'sep'), argument(args, kwargs, 1, 'bytes_per_sep'))),
    upper: (self) => mapBytes(self, toUpper),
    lower: (self) => mapBytes(self, toLower),
    swapcase: (self) => mapBytes(self, (c) => (isLower(c) ? c - 32 : isUpper(c) ? c + 32 : c)),
    capitalize: (self) => mapBytes(self, (c, i) => (i === 0 ? toUpper(c) : toLower(c))),
    title: (self) => {
      let previousCased = false;
      return mapBytes(self, (c) => {
        const out = previousCased ? toLower(c) : toUpper(c);
        previousCased = isLower(c) || isUpper(c);
        return out;
      });
    },
    strip: (self, args) => strip(self, args[0], true, true),
    lstrip: (self, args) => strip(self, args[0], true, false),
    rstrip: (self, args) => strip(self, args[0], false, true),
    split,
    rsplit,
    splitlines(self, args, kwargs) {
      const keepends = p().truthy(argument(args, kwargs, 0, 'keepends') ?? rt.false_);
      const data = self.value;
      const parts: (PyObject | Uint8Array)[] = [];
      for (let i = 0, j = 0; i < data.length; j = i) {
        while (i < data.length && data[i] !== 0x0a && data[i] !== 0x0d) i++;
        let eol = i;
        if (i < data.length) {
          i += data[i] === 0x0d && data[i + 1] === 0x0a ? 2 : 1;
          if (keepends) eol = i;
        }
        if (j === 0 && eol === data.length && self.cls === rt.types.bytes) {
          parts.push(self);
          break;
        }
        parts.push(data.subarray(j, eol));
      }
      return list(self, parts);
    },
    join(self, args) {
      return p().scope(() => {
        const items = collect(rt, args[0] ?? none);
        const values = items.map((item, i) => {
          if (!(item instanceof PyBytes)) throw rt.error('TypeError', `sequence item ${i}: expected a bytes-like object, ${item.cls.name} found`);
          return item.value;
        });
        // bytes.join of one exact bytes object gives back that object (a bytearray joins into a new one).
        if (items.length === 1 && !ba(self) && items[0].cls === rt.types.bytes) return items[0];
        const pieces: Uint8Array[] = [];
        values.forEach((v, i) => (i > 0 ? pieces.push(self.value, v) : pieces.push(v)));
        return built(self, concat(pieces));
      });
    },
    replace,
    startswith: (self, args) => tailMatch('startswith', self, args, -1),
    endswith: (self, args) => tailMatch('endswith', self, args, 1),
    find: (self, args) => rt.int(find(self, args, false)),
    rfind: (self, args) => rt.int(find(self, args, true)),
    index: (self, args) => index(self, args, false),
    rindex: (self, args) => index(self, args, true),
    count(self, args) {
      const sub = needle(args[0]);
      const [start, end] = searchRange(rt, self.value.length, args[1], args[2]);
      if (end - start < sub.length) return rt.int(0);
      if (sub.length === 0) return rt.int(end - start + 1);
      let n = 0;
      for (let at = search(self.value, sub, start, end); at >= 0; at = search(self.value, sub, at + sub.length, end)) n++;
      return rt.int(n);
    },
    partition: (self, args) => partition(self, args[0], 1),
    rpartition: (self, args) => partition(self, args[0], -1),
    center(self, args) {
      const margin = width(args[0]) - self.value.length;
      const left = Math.floor(margin / 2) + (margin & width(args[0]) & 1);
      return pad(self, left, margin - left, fillChar('center', args[1]));
    },
    ljust: (self, args) => pad(self, 0, width(args[0]) - self.value.length, fillChar('ljust', args[1])),
    rjust: (self, args) => pad(self, width(args[0]) - self.value.length, 0, fillChar('rjust', args[1])),
    zfill(self, args) {
      const fill = width(args[0]) - self.value.length;
      if (fill <= 0) return unchanged(self);
      const out = new Uint8Array(fill + self.value.length).fill(0x30);
      out.set(self.value, fill);
      if (out[fill] === 0x2b || out[fill] === 0x2d) {
        out[0] = out[fill];
        out[fill] = 0x30;
      }
      return built(self, out);
    },
    expandtabs(self, args, kwargs) {
      const tabsize = intArgument(rt, argument(args, kwargs, 0, 'tabsize'), 8);
      const out: number[] = [];
      let column = 0;
      for (const c of self.value) {
        if (c === 0x09) {
          if (tabsize > 0) {
            const spaces = tabsize - (column % tabsize);
            for (let k = 0; k < spaces; k++) out.push(0x20);
            column += spaces;
          }
        } else {
          out.push(c);
          column = c === 0x0a || c === 0x0d ? 0 : column + 1;
        }
      }
      return built(self, Uint8Array.from(out));
    },
    removeprefix(self, args) {
      const prefix = buffer(rt, args[0] ?? none);
      const data = self.value;
      if (prefix.length > 0 && search(data.subarray(0, prefix.length), prefix, 0, prefix.length) === 0) return copied(self, data.subarray(prefix.length));
      return unchanged(self);
    },
    removesuffix(self, args) {
      const suffix = buffer(rt, args[0] ?? none);
      const data = self.value;
      const at = data.length - suffix.length;
      if (suffix.length > 0 && at >= 0 && search(data, suffix, at, data.length) === at) return copied(self, data.subarray(0, at));
      return unchanged(self);
    },
    translate(self, args, kwargs) {
      const tableObj = args[0];
      const map = tableObj === undefined || tableObj === none ? null : buffer(rt, tableObj);
      if (map !== null && map.length !== 256) throw rt.error('ValueError', 'translation table must be 256 characters long');
      const deleteObj = argument(args, kwargs, 1, 'delete');
      const deleted = deleteObj === undefined ? new Uint8Array() : buffer(rt, deleteObj);
      const out = Uint8Array.from(self.value.filter((c) => !deleted.includes(c)), (c) => (map === null ? c : map[c]));
      const same = out.length === self.value.length && out.every((c, i) => c === self.value[i]);
      return same ? unchanged(self) : built(self, out);
    },
    isalnum: (self) => test(self, (c) => isLower(c) || isUpper(c) || isDigit(c)),
    isalpha: (self) => test(self, (c) => isLower(c) || isUpper(c)),
    isdigit: (self) => test(self, isDigit),
    isspace: (self) => test(self, isSpace),
    isascii: (self) => test(self, (c) => c < 0x80, true),
    islower: (self) => rt.bool(self.value.some(isLower) && !self.value.some(isUpper)),
    isupper: (self) => rt.bool(self.value.some(isUpper) && !self.value.some(isLower)),
    istitle(self) {
      let cased = false;
      let previousCased = false;
      for (const c of self.value) {
        if (isUpper(c)) {
          if (previousCased) return rt.false_;
          previousCased = cased = true;
        } else if (isLower(c)) {
          if (!previousCased) return rt.false_;
          previousCased = cased = true;
        } else previousCased = false;
      }
      return rt.bool(cased);
    },
  };

  /** bytearray's own methods, which change it in place. */
  const mutators: Record<string, Method> = {
    append(self, args) {
      self.resize(concat([self.value, Uint8Array.of(byteValue(rt, args[0] ?? none))]));
      return none;
    },
    extend(self, args) {
      const source = args[0] ?? none;
      if (source instanceof PyBytes) {
        const n = self.value.length;
        self.replaceRange(n, n, source.value.slice());
        return none;
      }
      p().run(() => {
        iterableOr(rt, source, `can't extend bytearray with ${source.cls.name}`);
        // The ints are gathered in a temporary bytearray, then appended in one go.
        const gathered = p().own(rt.newBytearray(new Uint8Array())) as PyBytes;
        gathered.resize(Uint8Array.from(collect(rt, source), (item) => byteValue(rt, item)));
        const n = self.value.length;
        self.replaceRange(n, n, gathered.value.slice());
      });
      return none;
    },
    pop(self, args) {
      const n = self.value.length;
      if (n === 0) throw rt.error('IndexError', 'pop from empty bytearray');
      let i = intArgument(rt, args[0], -1);
      if (i < 0) i += n;
      if (i < 0 || i >= n) throw rt.error('IndexError', 'pop index out of range');
      const value = self.value[i];
      self.resize(concat([self.value.subarray(0, i), self.value.subarray(i + 1)]));
      return rt.int(value);
    },
    insert(self, args) {
      const item = byteValue(rt, args[1] ?? none);
      const n = self.value.length;
      let i = intArgument(rt, args[0], 0);
      if (i < 0) i = Math.max(0, i + n);
      i = Math.min(i, n);
      self.resize(concat([self.value.subarray(0, i), Uint8Array.of(item), self.value.subarray(i)]));
      return none;
    },
    remove(self, args) {
      const i = self.value.indexOf(byteValue(rt, args[0] ?? none));
      if (i < 0) throw rt.error('ValueError', 'value not found in bytearray');
      self.resize(concat([self.value.subarray(0, i), self.value.subarray(i + 1)]));
      return none;
    },
    clear(self) {
      self.resize(new Uint8Array());
      return none;
    },
    reverse(self) {
      self.value.reverse();
      return none;
    },
    copy: (self) => rt.newBytearray(self.value),
    __alloc__: (self) => rt.int(self.allocated),
  };

  const native = (typeName: string, methods: Record<string, Method>): Record<string, NativeFunction> => {
    const out: Record<string, NativeFunction> = {};
    for (const [name, fn] of Object.entries(methods)) {
      out[name] = (args, kwargs) => {
        const self = args[0];
        if (!(self instanceof PyBytes)) throw rt.error('TypeError', `descriptor '${name}' requires a '${typeName}' object but received a '${self?.cls.name ?? 'NoneType'}'`);
        return fn(self, args.slice(1), kwargs);
      };
    }
    return out;
  };
  /** fromhex and maketrans, called with the class first. */
  const classMethods: Record<string, NativeFunction> = {
    fromhex([cls, text]) {
      const value = fromHex(rt, text);
      if (cls === rt.types.bytes) return rt.bytes(value);
      if (cls === rt.types.bytearray) return rt.newBytearray(value);
      // A subclass is called with the bytes made.
      return p().scope(() => p().call(cls, [p().own(rt.bytes(value))], null));
    },
    maketrans([, from, to]) {
      const source = buffer(rt, from ?? none);
      const target = buffer(rt, to ?? none);
      if (source.length !== target.length) throw rt.error('ValueError', 'maketrans arguments must have same length');
      const out = Uint8Array.from({ length: 256 }, (_, i) => i);
      source.forEach((c, i) => (out[c] = target[i]));
      return rt.freshBytes(out);
    },
  };
  rt.types.bytes.native = { methods: native('bytes', table), classMethods };
  rt.types.bytearray.native = { methods: native('bytearray', { ...table, ...mutators }), classMethods };
}
