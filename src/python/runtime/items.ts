import { PyBytes, PyComplex, PyFloat, PyInt, PyStr } from '../objects/atoms';
import { PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyFunction } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { typeLookup } from './attributes';
import { dictDelete, dictFind, dictGet, dictSet } from './dicts';
import { PythonError } from './errors';
import { collect } from './iteration';
import type { Runtime } from './runtime';
import { bytearrayFromObject, isBytearray } from '../builtins/bytesMethods';
import { classGetitem } from '../builtins/genericAlias';

/** Subscription: x[i], x[i] = v, del x[i], slices, and len(). */

/** A normalized slice: start, stop, step and the indices it selects. */
export interface SliceIndices {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly length: number;
}

function sliceValue(rt: Runtime, v: PyObject | undefined): number | null {
  if (v === undefined || v === rt.none) return null;
  if (v instanceof PyInt) return Number(v.value);
  const index = indexMethod(rt, v);
  if (index !== null) return index;
  throw rt.error('TypeError', 'slice indices must be integers or None or have an __index__ method');
}

/** PyNumber_Index as a number: an int, or an object whose class defines __index__; null otherwise. */
export function asIndex(rt: Runtime, v: PyObject): number | null {
  return v instanceof PyInt ? Number(v.value) : indexMethod(rt, v);
}

/** _getbytevalue: an int in range(256), as bytearray's item assignment and append take. */
export function byteValue(rt: Runtime, v: PyObject, rangeMessage = 'byte must be in range(0, 256)'): number {
  const i = asIndex(rt, v);
  if (i === null) throw rt.error('TypeError', `'${v.cls.name}' object cannot be interpreted as an integer`);
  if (i < 0 || i >= 256) throw rt.error('ValueError', rangeMessage);
  return i;
}

function indexMethod(rt: Runtime, v: PyObject): number | null {
  if (!v.cls.isHeapType) return null;
  const m = typeLookup(rt, v.cls, '__index__');
  if (!(m instanceof PyFunction)) return null;
  let result = 0;
  rt.vm.p.run(() => {
    const r = rt.vm.p.own(rt.vm.p.call(m, [v], null));
    if (!(r instanceof PyInt)) throw rt.error('TypeError', `__index__ returned non-int (type ${r.cls.name})`);
    result = Number(r.value);
  });
  return result;
}

/** PySlice_AdjustIndices. */
export function sliceIndices(rt: Runtime, slice: PyStruct, length: number): SliceIndices {
  const step = sliceValue(rt, slice.get('step')) ?? 1;
  if (step === 0) throw rt.error('ValueError', 'slice step cannot be zero');
  const lowerDefault = step < 0 ? length - 1 : 0;
  const upperDefault = step < 0 ? -1 : length;
  const clamp = (v: number | null, dflt: number): number => {
    if (v === null) return dflt;
    if (v < 0) {
      v += length;
      if (v < 0) v = step < 0 ? -1 : 0;
    } else if (v >= length) v = step < 0 ? length - 1 : length;
    return v;
  };
  const start = clamp(sliceValue(rt, slice.get('start')), lowerDefault);
  const stop = clamp(sliceValue(rt, slice.get('stop')), upperDefault);
  let n = 0;
  if (step > 0 && start < stop) n = Math.floor((stop - start - 1) / step) + 1;
  if (step < 0 && start > stop) n = Math.floor((start - stop - 1) / -step) + 1;
  return { start, stop, step, length: n };
}

function isSlice(rt: Runtime, o: PyObject): o is PyStruct {
  return o.cls === rt.types.slice;
}

/** An index into a sequence of `length`, negative counting from the end; null when out of range. */
function sequenceIndex(rt: Runtime, key: PyObject, length: number, typeName: string): number | null {
  let i: number;
  if (key instanceof PyInt) i = Number(key.value);
  else {
    const index = indexMethod(rt, key);
    if (index === null) throw rt.error('TypeError', typeName === 'string' ? rt.lang.messages.strIndexType(key.cls.name) : `${typeName} indices must be integers or slices, not ${key.cls.name}`);
    i = index;
  }
  if (i < 0) i += length;
  return i >= 0 && i < length ? i : null;
}

/** A __getitem__-style method from a user class, or from a builtin type that defines one natively. */
function userItemMethod(rt: Runtime, obj: PyObject, name: string): PyObject | null {
  if (!obj.cls.isHeapType && obj.cls.native.methods?.[name] === undefined) return null;
  const m = typeLookup(rt, obj.cls, name);
  return m instanceof PyFunction || m instanceof PyBuiltin ? m : null;
}

export function getitem(rt: Runtime, obj: PyObject, key: PyObject): PyObject {
  const user = userItemMethod(rt, obj, '__getitem__');
  if (user !== null) return rt.vm.p.call(user, [obj, key], null);
  if (obj instanceof PyList || obj instanceof PyTuple) {
    const kind = obj instanceof PyList ? 'list' : 'tuple';
    if (isSlice(rt, key)) {
      const s = sliceIndices(rt, key, obj.items.length);
      const picked: PyObject[] = [];
      for (let i = 0, j = s.start; i < s.length; i++, j += s.step) picked.push(obj.items[j]);
      if (obj instanceof PyList) return rt.newList(picked);
      // A full slice of an exact tuple is the tuple itself.
      if (obj.cls === rt.types.tuple && s.step === 1 && s.length === obj.items.length) return obj;
      return rt.newTuple(picked);
    }
    const i = sequenceIndex(rt, key, obj.items.length, kind);
    if (i === null) throw rt.error('IndexError', `${kind} index out of range`);
    return obj.items[i];
  }
  if (obj instanceof PyDict) {
    const value = dictGet(rt, obj, key);
    if (value !== undefined) return value;
    if (obj.cls.isHeapType) {
      const missing = typeLookup(rt, obj.cls, '__missing__');
      if (missing instanceof PyFunction) return rt.vm.p.call(missing, [obj, key], null);
    }
    throw rt.vm.raiseObject(rt.vm.p.instantiateException(rt.types.exceptions.get('KeyError')!, [key]));
  }
  if (obj instanceof PyStr) {
    const chars = Array.from(obj.value);
    if (isSlice(rt, key)) {
      const s = sliceIndices(rt, key, chars.length);
      if (s.step === 1 && s.length === chars.length && obj.cls === rt.types.str) return obj;
      let out = '';
      for (let i = 0, j = s.start; i < s.length; i++, j += s.step) out += chars[j];
      return rt.str(out);
    }
    const i = sequenceIndex(rt, key, chars.length, 'string');
    if (i === null) throw rt.error('IndexError', 'string index out of range');
    return rt.str(chars[i]);
  }
  if (obj instanceof PyBytes) return bytesSubscript(rt, obj, key);
  const special = rt.vm.p.specialGetitem(obj, key);
  if (special !== null) return special;
  if (obj instanceof PyType) {
    // `list[int]`, a class's __class_getitem__.
    const alias = classGetitem(rt, obj, key);
    if (alias !== null) return alias;
    throw rt.error('TypeError', `type '${obj.name}' is not subscriptable`);
  }
  throw rt.error('TypeError', `'${obj.cls.name}' object is not subscriptable`);
}

export function setitem(rt: Runtime, obj: PyObject, key: PyObject, value: PyObject): void {
  const user = userItemMethod(rt, obj, '__setitem__');
  if (user !== null) {
    rt.vm.p.discard(rt.vm.p.call(user, [obj, key, value], null));
    return;
  }
  if (obj instanceof PyList) {
    if (isSlice(rt, key)) return setSlice(rt, obj, key, value);
    const i = sequenceIndex(rt, key, obj.items.length, 'list');
    if (i === null) throw rt.error('IndexError', 'list assignment index out of range');
    obj.setItem(rt.heap, i, value);
    return;
  }
  if (obj instanceof PyDict) {
    dictSet(rt, obj, key, value);
    return;
  }
  if (obj instanceof PyBytes && isBytearray(rt, obj)) return bytearrayAssign(rt, obj, key, value);
  throw rt.error('TypeError', `'${obj.cls.name}' object does not support item assignment`);
}

/** bytes_subscript and bytearray_subscript. */
function bytesSubscript(rt: Runtime, obj: PyBytes, key: PyObject): PyObject {
  const data = obj.value;
  const bytearray = isBytearray(rt, obj);
  if (isSlice(rt, key)) {
    const s = sliceIndices(rt, key, data.length);
    const picked = s.step === 1 ? data.slice(s.start, s.start + s.length) : Uint8Array.from({ length: s.length }, (_, k) => data[s.start + k * s.step]);
    if (bytearray) return rt.newBytearray(picked);
    // A full slice of an exact bytes object is the object itself; a step builds a new one.
    if (s.step === 1 && s.length === data.length && obj.cls === rt.types.bytes) return obj;
    return s.step === 1 ? rt.bytes(picked) : rt.freshBytes(picked);
  }
  const i = sequenceIndex(rt, key, data.length, bytearray ? 'bytearray' : 'byte');
  if (i === null) throw rt.error('IndexError', bytearray ? 'bytearray index out of range' : 'index out of range');
  return rt.int(data[i]);
}

/** bytearray_ass_subscript: `ba[key] = value`, or `del ba[key]` when value is null. */
function bytearrayAssign(rt: Runtime, ba: PyBytes, key: PyObject, value: PyObject | null): void {
  const size = ba.value.length;
  let s: SliceIndices;
  if (isSlice(rt, key)) s = sliceIndices(rt, key, size);
  else {
    const i = sequenceIndex(rt, key, size, 'bytearray');
    if (i === null) throw rt.error('IndexError', 'bytearray index out of range');
    if (value !== null) {
      ba.value[i] = byteValue(rt, value);
      return;
    }
    s = { start: i, stop: i + 1, step: 1, length: 1 };
  }
  if (value !== null && (value === ba || !isBytearray(rt, value))) {
    if (value instanceof PyStr || asNumber(rt, value)) throw rt.error('TypeError', 'can assign only bytes, buffers, or iterables of ints in range(0, 256)');
    // Anything else is first copied into a temporary bytearray (PyByteArray_FromObject).
    rt.vm.p.run(() => bytearrayAssign(rt, ba, key, rt.vm.p.own(bytearrayFromObject(rt, value))));
    return;
  }
  const bytes = value === null ? new Uint8Array() : (value as PyBytes).value;
  // b[5:2] = ... inserts at 5.
  const stop = (s.step < 0 && s.start < s.stop) || (s.step > 0 && s.start > s.stop) ? s.start : s.stop;
  if (s.step === 1) {
    ba.replaceRange(s.start, stop, bytes);
    return;
  }
  const picked = new Set<number>();
  for (let k = 0, j = s.start; k < s.length; k++, j += s.step) picked.add(j);
  if (bytes.length === 0) {
    // Assigning nothing to an extended slice deletes it, as del would.
    ba.resize(ba.value.filter((_, j) => !picked.has(j)));
    return;
  }
  if (bytes.length !== s.length) throw rt.error('ValueError', `attempt to assign bytes of size ${bytes.length} to extended slice of size ${s.length}`);
  for (let k = 0, j = s.start; k < s.length; k++, j += s.step) ba.value[j] = bytes[k];
}

/** PyNumber_Check: numbers and objects that convert to one. */
function asNumber(rt: Runtime, v: PyObject): boolean {
  if (v instanceof PyInt || v instanceof PyFloat || v instanceof PyComplex) return true;
  return v.cls.isHeapType && ['__index__', '__int__', '__float__'].some((name) => typeLookup(rt, v.cls, name) !== undefined);
}

function setSlice(rt: Runtime, list: PyList, slice: PyStruct, value: PyObject): void {
  const p = rt.vm.p;
  p.run(() => {
    const items = collect(rt, value);
    const s = sliceIndices(rt, slice, list.items.length);
    if (s.step === 1) {
      const stop = Math.max(s.start, s.stop);
      const removed = list.items.slice(s.start, stop);
      for (const item of items) p.own(item);
      for (const r of removed) p.own(r);
      list.removeRange(rt.heap, s.start, stop);
      items.forEach((item, k) => list.insert(rt.heap, s.start + k, item));
      return;
    }
    if (items.length !== s.length) throw rt.error('ValueError', `attempt to assign sequence of size ${items.length} to extended slice of size ${s.length}`);
    for (let k = 0, j = s.start; k < s.length; k++, j += s.step) list.setItem(rt.heap, j, items[k]);
  });
}

export function delitem(rt: Runtime, obj: PyObject, key: PyObject): void {
  const user = userItemMethod(rt, obj, '__delitem__');
  if (user !== null) {
    rt.vm.p.discard(rt.vm.p.call(user, [obj, key], null));
    return;
  }
  if (obj instanceof PyList) {
    if (isSlice(rt, key)) {
      const s = sliceIndices(rt, key, obj.items.length);
      if (s.step === 1) obj.removeRange(rt.heap, s.start, Math.max(s.start, s.stop));
      else {
        const indices: number[] = [];
        for (let k = 0, j = s.start; k < s.length; k++, j += s.step) indices.push(j);
        indices.sort((a, b) => b - a);
        for (const j of indices) obj.removeRange(rt.heap, j, j + 1);
      }
      return;
    }
    const i = sequenceIndex(rt, key, obj.items.length, 'list');
    if (i === null) throw rt.error('IndexError', 'list assignment index out of range');
    obj.removeRange(rt.heap, i, i + 1);
    return;
  }
  if (obj instanceof PyDict) {
    if (!dictDelete(rt, obj, key)) throw rt.vm.raiseObject(rt.vm.p.instantiateException(rt.types.exceptions.get('KeyError')!, [key]));
    return;
  }
  if (obj instanceof PyBytes && isBytearray(rt, obj)) return bytearrayAssign(rt, obj, key, null);
  throw rt.error('TypeError', `'${obj.cls.name}' object doesn't support item deletion`);
}

export function len(rt: Runtime, obj: PyObject): number {
  const user = userItemMethod(rt, obj, '__len__');
  if (user !== null) {
    let n = 0;
    rt.vm.p.run(() => {
      const r = rt.vm.p.own(rt.vm.p.call(user, [obj], null));
      if (!(r instanceof PyInt)) throw rt.error('TypeError', `'${r.cls.name}' object cannot be interpreted as an integer`);
      n = Number(r.value);
      if (n < 0) throw rt.error('ValueError', '__len__() should return >= 0');
    });
    return n;
  }
  if (obj instanceof PyList || obj instanceof PyTuple) return obj.items.length;
  if (obj instanceof PyStr) return Array.from(obj.value).length;
  if (obj instanceof PyDict) return obj.size;
  if (obj instanceof PySet) return obj.items.length;
  if (obj instanceof PyBytes) return obj.value.length;
  const special = rt.vm.p.specialLength(obj);
  if (special !== null) return special;
  throw rt.error('TypeError', `object of type '${obj.cls.name}' has no len()`);
}

/** dict.update / {**x} / f(**x): from a dict, a mapping with keys(), or pairs. */
export function dictUpdate(rt: Runtime, dict: PyDict, other: PyObject, merge: boolean): void {
  const p = rt.vm.p;
  if (other instanceof PyDict) {
    for (const e of [...other.liveEntries()]) {
      if (merge && dictFind(rt, dict, e.key) >= 0) throw rt.error('TypeError', `got multiple values for keyword argument '${p.str(e.key)}'`);
      dictSet(rt, dict, e.key, e.value);
    }
    return;
  }
  p.run(() => {
    if (p.getattrOrUndefined(other, 'keys') !== undefined) {
      const keys = collect(rt, p.own(p.callMethod(other, 'keys', [])));
      for (const k of keys) dictSet(rt, dict, k, p.own(p.getitem(other, k)));
      return;
    }
    collect(rt, other).forEach((pair, i) => {
      // dict_merge_from_seq2: each element through PySequence_Fast, whose TypeError it rewords.
      let kv: PyObject[];
      try {
        kv = collect(rt, pair);
      } catch (e) {
        if (!(e instanceof PythonError) || !p.isInstanceOfName(e.exception, 'TypeError')) throw e;
        p.clearError(e);
        throw rt.error('TypeError', `cannot convert dictionary update sequence element #${i} to a sequence`);
      }
      if (kv.length !== 2) throw rt.error('ValueError', `dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
      dictSet(rt, dict, kv[0], kv[1]);
    });
  });
}

export { dictGet };
