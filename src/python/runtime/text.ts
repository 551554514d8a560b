import { floatRepr, formatWithSpec } from '../format/numbers';
import { countWork } from './limits';
import { PyBytes, PyComplex, PyFloat, PyInt, PySingleton, PyStr } from '../objects/atoms';
import { PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyFunction, PyGenerator, PyMethod } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { typeLookup } from './attributes';
import { checkLength } from './limits';
import type { Runtime } from './runtime';
import { isProxy, proxyStr } from '../builtins/weakrefModule';

/** repr() and str() of objects, as CPython writes them. */

/** A stand-in address for reprs and id(): stable per object, shaped like CPython's. */
/** ascii(): repr with everything outside ASCII escaped. */
export function asciiRepr(text: string): string {
  return [...text]
    .map((c) => {
      const code = c.codePointAt(0)!;
      if (code < 0x80) return c;
      if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
      if (code < 0x10000) return `\\u${code.toString(16).padStart(4, '0')}`;
      return `\\U${code.toString(16).padStart(8, '0')}`;
    })
    .join('');
}

/** id(): where the object lives; a freed object's address is reused (see core/memory.ts). */
export function addressOf(obj: PyObject): number {
  return obj.address;
}

export function hexAddress(obj: PyObject): string {
  return '0x' + addressOf(obj).toString(16);
}

/** Python's repr of a str. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c >= 0x80 && c < 0xa0) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c === 0xad) out += '\\xad';
    else if ((c >= 0xd800 && c < 0xe000) || c === 0xfffe || c === 0xffff) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + quote;
}

/** bytes_repr; bytearray_repr escapes a single quote even inside double quotes. */
function bytesRepr(b: Uint8Array, bytearray = false): string {
  const hasSingle = b.includes(0x27);
  const hasDouble = b.includes(0x22);
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + quote;
  for (const c of b) {
    if (c === quote.charCodeAt(0) || c === 0x5c || (bytearray && c === 0x27)) out += '\\' + String.fromCharCode(c);
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

/** repr of a complex, e.g. `(1+2j)`, `2j`, `(-0-1j)`. */
export function complexRepr(real: number, imag: number): string {
  const part = (x: number): string => {
    const r = floatRepr(x);
    return r.endsWith('.0') ? r.slice(0, -2) : r;
  };
  if (real === 0 && !Object.is(real, -0)) return `${part(imag)}j`;
  const sign = imag < 0 || Object.is(imag, -0) ? '-' : '+';
  return `(${part(real)}${sign}${part(Math.abs(imag))}j)`;
}

/** Objects whose repr is being computed, to print `[...]` for recursive containers. */
const inProgress = new Set<PyObject>();

function itemRepr(rt: Runtime, item: PyObject): string {
  countWork(rt);
  return repr(rt, item);
}

/** The most decimal digits an int converts to or from text (sys.get_int_max_str_digits()). */
export const INT_MAX_STR_DIGITS = 4300;

/** str(int): CPython refuses more than 4,300 digits (CVE-2020-10735); the sign does not count. */
export function decimalText(rt: Runtime, v: number | bigint): string {
  if (typeof v === 'number') return String(v);
  const digits = (v < 0n ? -v : v).toString();
  if (digits.length > INT_MAX_STR_DIGITS) throw rt.error('ValueError', rt.lang.messages.intDigitsLimit(null));
  return v < 0n ? `-${digits}` : digits;
}

export function repr(rt: Runtime, obj: PyObject): string {
  if (obj instanceof PyStr) return obj.cls === rt.types.str ? strRepr(obj.value) : userRepr(rt, obj) ?? strRepr(obj.value);
  if (obj instanceof PyInt) {
    if (obj.cls === rt.types.bool) return obj.value ? 'True' : 'False';
    return obj.cls === rt.types.int ? decimalText(rt, obj.value) : userRepr(rt, obj) ?? decimalText(rt, obj.value);
  }
  if (obj instanceof PyFloat) return floatRepr(obj.value);
  if (obj instanceof PyComplex) return complexRepr(obj.real, obj.imag);
  if (obj instanceof PySingleton) return obj.name;
  if (obj instanceof PyBytes) return obj.cls === rt.types.bytearray ? `bytearray(${bytesRepr(obj.value, true)})` : bytesRepr(obj.value);
  const custom = userRepr(rt, obj);
  if (custom !== null) return custom;
  if (obj instanceof PyType) return `<class '${obj.qualifiedName()}'>`;
  if (inProgress.has(obj)) {
    if (obj instanceof PyList) return '[...]';
    if (obj instanceof PyDict) return '{...}';
    return '...';
  }
  // Py_ReprEnter guards the containers' reprs (lists and tuples only when not empty).
  if (obj instanceof PyDict || obj instanceof PySet || ((obj instanceof PyList || obj instanceof PyTuple) && obj.items.length > 0)) rt.enterRepr();
  inProgress.add(obj);
  try {
    // Each item is work a builtin does within the line (countWork): the repr of a list of
    // 10,000 items made 10,000 times counts against the step budget like any loop.
    if (obj instanceof PyList) return '[' + obj.items.map((i) => itemRepr(rt, i)).join(', ') + ']';
    if (obj instanceof PyTuple) {
      if (obj.items.length === 1) return '(' + repr(rt, obj.items[0]) + ',)';
      return '(' + obj.items.map((i) => itemRepr(rt, i)).join(', ') + ')';
    }
    if (obj instanceof PyDict) {
      const parts: string[] = [];
      for (const e of obj.liveEntries()) parts.push(`${itemRepr(rt, e.key)}: ${repr(rt, e.value)}`);
      return '{' + parts.join(', ') + '}';
    }
    if (obj instanceof PySet) {
      const frozen = obj.cls === rt.types.frozenset;
      const name = obj.cls.name;
      if (obj.items.length === 0) return `${name}()`;
      // set_repr lists the items first (a list that lives while the repr is made).
      let inner = '';
      rt.vm.p.run(() => {
        rt.vm.p.own(rt.newList(obj.items));
        inner = '{' + obj.items.map((i) => itemRepr(rt, i)).join(', ') + '}';
      });
      return frozen || obj.cls !== rt.types.set ? `${name}(${inner})` : inner;
    }
    return rt.vm.p.defaultRepr(obj);
  } finally {
    inProgress.delete(obj);
  }
}

/** Calls a Python-level __repr__ if the object's class defines one. */
function userRepr(rt: Runtime, obj: PyObject): string | null {
  if (!obj.cls.isHeapType) return null;
  const method = typeLookup(rt, obj.cls, '__repr__');
  if (!(method instanceof PyFunction)) return null;
  return rt.vm.p.callForString(method, obj, '__repr__');
}

/** The repr of objects without a literal form: functions, instances, modules... */
export function defaultRepr(rt: Runtime, obj: PyObject): string {
  const at = hexAddress(obj);
  if (obj instanceof PyFunction) return `<function ${obj.code.qualname} at ${at}>`;
  if (obj instanceof PyBuiltin) {
    const self = obj.get('__self__');
    if (self !== undefined) return `<built-in method ${obj.name} of ${self.cls.name} object at ${hexAddress(self)}>`;
    return obj.ownerType ? `<method '${obj.name}' of '${obj.ownerType.name}' objects>` : `<built-in function ${obj.name}>`;
  }
  if (obj instanceof PyMethod) {
    const fn = obj.get('__func__');
    const name = fn instanceof PyFunction ? fn.code.qualname : '?';
    return `<bound method ${name} of ${repr(rt, obj.get('__self__')!)}>`;
  }
  if (obj instanceof PyGenerator) return `<generator object ${obj.qualname} at ${at}>`;
  if (obj.cls === rt.types.module) {
    const name = (obj as PyStruct).get('__name__') as PyStr | undefined;
    return name?.value === '__main__' ? `<module '__main__' from '${rt.vm.p.fileName}'>` : `<module '${name?.value ?? '?'}' (built-in)>`;
  }
  const special = rt.vm.p.specialRepr(obj);
  if (special !== null) return special;
  return `<${obj.cls.qualifiedName()} object at ${at}>`;
}

export function str(rt: Runtime, obj: PyObject): string {
  if (obj instanceof PyStr) return obj.value;
  if (isProxy(rt, obj)) return proxyStr(rt, obj, (target) => str(rt, target));
  if (obj.cls.isHeapType) {
    const method = typeLookup(rt, obj.cls, '__str__');
    if (method instanceof PyFunction) return rt.vm.p.callForString(method, obj, '__str__');
  }
  if (rt.vm.p.isException(obj)) return rt.vm.p.exceptionStr(obj);
  // mappingproxy_str: the str of the mapping.
  if (obj.cls === rt.types.mappingproxy && obj instanceof PyStruct) return str(rt, obj.get('mapping')!);
  return repr(rt, obj);
}

/** format(value, spec) for f-strings and format(). */
export function format(rt: Runtime, value: PyObject, spec: string): string {
  if (value.cls.isHeapType) {
    const method = typeLookup(rt, value.cls, '__format__');
    if (method instanceof PyFunction) return rt.vm.p.callForString(method, value, '__format__', [rt.str(spec)]);
  }
  if (spec === '') return str(rt, value);
  const width = /^(?:.?[<>=^])?[+\- ]?#?0?(\d+)/.exec(spec);
  if (width) checkLength(rt, 'str', Number(width[1]));
  let result: string | null = null;
  if (value instanceof PyInt && typeof value.value === 'bigint' && /[dn]?$/.test(spec) && !/[bcoxX]$/.test(spec)) decimalText(rt, value.value);
  if (value instanceof PyInt && value.cls !== rt.types.bool) result = formatWithSpec('int', value.value, spec);
  else if (value instanceof PyInt) result = formatWithSpec('int', value.value, spec);
  else if (value instanceof PyFloat) result = formatWithSpec('float', value.value, spec);
  else if (value instanceof PyStr) result = formatWithSpec('str', value.value, spec);
  // complex's own __format__, for alignment and width (its numeric codes are not simulated).
  else if (value instanceof PyComplex) result = formatWithSpec('str', str(rt, value), spec);
  // object.__format__ takes only an empty spec.
  else throw rt.error('TypeError', `unsupported format string passed to ${value.cls.name}.__format__`);
  if (result === null) {
    // A spec that parses but ends in a type the object does not have: "Unknown format code".
    const code = /^(?:.?[<>=^])?[+\- ]?#?0?\d*[,_]?(?:\.\d+)?([a-zA-Z%])$/.exec(spec)?.[1];
    if (code !== undefined) throw rt.error('ValueError', `Unknown format code '${code}' for object of type '${value.cls.name}'`);
    throw rt.error('ValueError', `Invalid format specifier '${spec}' for object of type '${value.cls.name}'`);
  }
  return result;
}

/**
 * printf-style `str % args` for the common conversions; with `bytes`, PEP 461's
 * `bytes % args` on the template's latin-1 text (%s and %b take bytes, %r and %a give ascii()).
 */
export function percentFormat(rt: Runtime, template: string, args: PyObject, bytes = false): string {
  let text = '';
  rt.vm.p.run(() => {
    text = percentFormatIn(rt, template, args, bytes);
  });
  return text;
}

function percentFormatIn(rt: Runtime, template: string, args: PyObject, bytes: boolean): string {
  const values = args instanceof PyTuple && args.cls === rt.types.tuple ? args.items : [args];
  let i = 0;
  const text = template.replace(/%(\((\w+)\))?([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([sdirfFeEgGxXocab%])/g, (whole: string, _k, key: string | undefined, flags: string, width: string | undefined, precision: string | undefined, conv: string, offset: number) => {
    if (conv === '%') return '%';
    if (conv === 'b' && !bytes) throw rt.error('ValueError', `unsupported format character 'b' (0x62) at index ${offset + whole.length - 1}`);
    let value: PyObject;
    if (key !== undefined) value = rt.vm.p.own(rt.vm.p.getitem(args, rt.vm.p.own(bytes ? rt.freshBytes(Uint8Array.from(key, (c) => c.charCodeAt(0))) : rt.str(key))));
    else {
      if (i >= values.length) throw rt.error('TypeError', 'not enough arguments for format string');
      value = values[i++];
    }
    // The numeric conversions check their argument as PyUnicode_Format does.
    const isNumber = value instanceof PyInt || value instanceof PyFloat;
    if ('di'.includes(conv) && !isNumber) throw rt.error('TypeError', `%${conv} format: a real number is required, not ${value.cls.name}`);
    if ('xXo'.includes(conv) && !(value instanceof PyInt)) throw rt.error('TypeError', `%${conv} format: an integer is required, not ${value.cls.name}`);
    if ('feEgGF'.includes(conv) && !isNumber) throw rt.error('TypeError', `must be real number, not ${value.cls.name}`);
    let body: string;
    switch (bytes && conv === 's' ? 'b' : bytes && conv === 'r' ? 'a' : conv) {
      case 's':
        body = str(rt, value);
        break;
      case 'r':
        body = repr(rt, value);
        break;
      case 'a':
        body = asciiRepr(repr(rt, value));
        break;
      case 'b':
        if (!(value instanceof PyBytes)) throw rt.error('TypeError', `%b requires a bytes-like object, or an object that implements __bytes__, not '${value.cls.name}'`);
        body = value.latin1();
        break;
      case 'd':
      case 'i':
        if (value instanceof PyFloat) {
          // '%d' truncates a float as int() does.
          if (Number.isNaN(value.value)) throw rt.error('ValueError', 'cannot convert float NaN to integer');
          if (!Number.isFinite(value.value)) throw rt.error('OverflowError', 'cannot convert float infinity to integer');
          body = decimalText(rt, BigInt(Math.trunc(value.value)));
        } else body = decimalText(rt, (value as PyInt).value);
        break;
      case 'c':
        if (bytes && value instanceof PyBytes && value.value.length === 1) body = value.latin1();
        else if (bytes && value instanceof PyInt && (value.value < 0 || value.value > 255)) throw rt.error('OverflowError', '%c arg not in range(256)');
        else body = value instanceof PyStr ? value.value : String.fromCodePoint(Number((value as PyInt).value));
        break;
      default: {
        const spec = `${flags.includes('0') ? '0' : ''}${precision !== undefined ? '.' + precision : ''}${conv}`;
        body = formatWithSpec(value instanceof PyFloat ? 'float' : 'int', (value as PyInt | PyFloat).value, spec) ?? '';
      }
    }
    if (flags.includes('+') && /^\d/.test(body)) body = '+' + body;
    if (width !== undefined && width !== '*') {
      const w = parseInt(width, 10);
      checkLength(rt, 'str', w);
      body = flags.includes('-') ? body.padEnd(w) : body.padStart(w, flags.includes('0') && conv !== 's' ? '0' : ' ');
    }
    return body;
  });
  if (i < values.length && !(args instanceof PyDict)) throw rt.error('TypeError', 'not all arguments converted during string formatting');
  return text;
}
