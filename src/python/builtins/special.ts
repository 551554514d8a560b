import type * as ast from '../ast';
import { PyInt } from '../objects/atoms';
import { PyBuiltin, PyMethod } from '../objects/callables';
import type { PyObject, PyType } from '../objects/base';
import { PyDict } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { dictFind } from '../runtime/dicts';
import { dictIterator, rangeIterator } from '../runtime/iteration';
import type { Runtime } from '../runtime/runtime';
import { hexAddress, repr } from '../runtime/text';
import { sliceIndices } from '../runtime/items';
import { newRange, rangeLength, rangeState } from './constructors';
import { proxyContains, proxyGetitem, proxyIter, proxyLength, weakrefCall, weakrefRepr } from './weakrefModule';

/**
 * What the builtin struct-like types (range, slice, dict views, weak references, ...) do
 * for repr, len, iter, calls, comparison and membership.
 */

export function specialRepr(rt: Runtime, obj: PyObject): string | null {
  const t = rt.types;
  const weak = weakrefRepr(rt, obj);
  if (weak !== null) return weak;
  if (!(obj instanceof PyStruct)) return null;
  switch (dictViewBase(rt, obj.cls)) {
    case t.TextIOWrapper:
      return `<_io.TextIOWrapper name='<${obj === rt.sysStderr ? 'stderr' : 'stdout'}>' mode='w' encoding='utf-8'>`;
    case t.range: {
      const { start, stop, step } = rangeState(obj);
      return step === 1 || step === 1n ? `range(${start}, ${stop})` : `range(${start}, ${stop}, ${step})`;
    }
    case t.slice:
      return `slice(${repr(rt, obj.get('start')!)}, ${repr(rt, obj.get('stop')!)}, ${repr(rt, obj.get('step')!)})`;
    case t.dict_keys:
    case t.dict_values:
    case t.dict_items: {
      const dict = obj.get('mapping') as PyDict;
      const kind = dictViewBase(rt, obj.cls);
      const parts = [...dict.liveEntries()].map((e) => (kind === t.dict_keys ? repr(rt, e.key) : kind === t.dict_values ? repr(rt, e.value) : `(${repr(rt, e.key)}, ${repr(rt, e.value)})`));
      return `${obj.cls.name}([${parts.join(', ')}])`;
    }
    case t.cell: {
      const v = obj.get('cell_contents');
      return v === undefined ? `<cell at ${hexAddress(obj)}: empty>` : `<cell at ${hexAddress(obj)}: ${v.cls.name} object at ${hexAddress(v)}>`;
    }
    case t.getset_descriptor:
    case t.member_descriptor:
      return `<${obj.cls === t.getset_descriptor ? 'attribute' : 'member'} '${String(obj.state)}' of '${(obj.get('__objclass__') as PyObject & { name: string }).name}' objects>`;
    case t.property:
      return `<property object at ${hexAddress(obj)}>`;
    case t.mappingproxy:
      return `mappingproxy(${repr(rt, obj.get('mapping')!)})`;
    case t.frame:
      return `<frame at ${hexAddress(obj)}>`;
  }
  if (rt.vm.p.isException(obj)) return rt.vm.p.exceptionRepr(obj);
  return null;
}

export function specialLength(rt: Runtime, obj: PyObject): number | null {
  const t = rt.types;
  if (!(obj instanceof PyStruct)) return proxyLength(rt, obj);
  if (obj.cls === t.range) return rangeLength(obj);
  if (obj.cls === t.mappingproxy) return rt.vm.p.len(obj.get('mapping')!);
  const view = dictViewBase(rt, obj.cls);
  if (view === t.dict_keys || view === t.dict_values || view === t.dict_items) return (obj.get('mapping') as PyDict).size;
  return rt.vm.p.weakContainerLength(obj);
}

export function specialIter(rt: Runtime, obj: PyObject): PyObject | null {
  const t = rt.types;
  if (!(obj instanceof PyStruct)) return proxyIter(rt, obj);
  if (obj.cls === t.range) {
    const { start, stop, step } = rangeState(obj);
    return rangeIterator(rt, start, stop, step);
  }
  if (obj.cls === t.mappingproxy) return rt.vm.p.getIter(obj.get('mapping')!);
  const view = dictViewBase(rt, obj.cls);
  if (view === t.dict_keys) return dictIterator(rt, obj.get('mapping') as PyDict, 'keys');
  if (view === t.dict_values) return dictIterator(rt, obj.get('mapping') as PyDict, 'values');
  if (view === t.dict_items) return dictIterator(rt, obj.get('mapping') as PyDict, 'items');
  return rt.vm.p.weakContainerIter(obj);
}

export function specialCall(rt: Runtime, callable: PyObject, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject | null {
  return weakrefCall(rt, callable, args, kwargs);
}

export function specialCompare(rt: Runtime, op: ast.CmpOp, a: PyObject, b: PyObject): boolean | null {
  const t = rt.types;
  // Bound methods are equal when they bind the same function to the same object.
  if ((a instanceof PyMethod && b instanceof PyMethod) || (a instanceof PyBuiltin && b instanceof PyBuiltin && a.get('__self__') !== undefined)) {
    if (op !== 'Eq' && op !== 'NotEq') return null;
    const sa = (a as PyStruct).get('__self__');
    const sb = (b as PyStruct).get('__self__');
    const fa = a instanceof PyMethod ? a.get('__func__') : (a as PyBuiltin).name;
    const fb = b instanceof PyMethod ? b.get('__func__') : (b as PyBuiltin).name;
    return (sa === sb && fa === fb) === (op === 'Eq');
  }
  if (a instanceof PyStruct && b instanceof PyStruct && a.cls === t.range && b.cls === t.range) {
    if (op !== 'Eq' && op !== 'NotEq') return null;
    const x = rangeState(a);
    const y = rangeState(b);
    const la = rangeLength(a);
    const same = la === rangeLength(b) && (la === 0 || (x.start === y.start && (la === 1 || x.step === y.step)));
    return same === (op === 'Eq');
  }
  if (a instanceof PyStruct && b instanceof PyStruct && (dictViewBase(rt, a.cls) === t.dict_keys || dictViewBase(rt, a.cls) === t.dict_items) && dictViewBase(rt, a.cls) === dictViewBase(rt, b.cls)) {
    if (op !== 'Eq' && op !== 'NotEq') return null;
    const da = a.get('mapping') as PyDict;
    const db = b.get('mapping') as PyDict;
    const same = da.size === db.size && [...da.liveEntries()].every((e) => dictFind(rt, db, e.key) >= 0);
    return same === (op === 'Eq');
  }
  return rt.vm.p.weakrefCompare(op, a, b);
}

export function specialContains(rt: Runtime, container: PyObject, item: PyObject): boolean | null {
  const t = rt.types;
  if (!(container instanceof PyStruct)) return proxyContains(rt, container, item);
  if (container.cls === t.range) return rt.vm.p.rangeIndex(container, item) >= 0;
  if (container.cls === t.mappingproxy) return rt.vm.p.contains(container.get('mapping')!, item);
  if (dictViewBase(rt, container.cls) === t.dict_keys) return dictFind(rt, container.get('mapping') as PyDict, item) >= 0;
  return rt.vm.p.weakContainerContains(container, item);
}

export function specialGetitem(rt: Runtime, obj: PyObject, key: PyObject): PyObject | null {
  const t = rt.types;
  if (!(obj instanceof PyStruct)) return proxyGetitem(rt, obj, key);
  if (obj.cls === t.mappingproxy) return rt.vm.p.getitem(obj.get('mapping')!, key);
  if (obj.cls === t.range) {
    const n = rangeLength(obj);
    const { start, step } = rangeState(obj);
    if (key.cls === t.slice) {
      // compute_slice: the selected positions of a range are a range again.
      const s = sliceIndices(rt, key as PyStruct, n);
      return newRange(rt, Number(start) + s.start * Number(step), Number(start) + s.stop * Number(step), Number(step) * s.step);
    }
    if (!(key instanceof PyInt)) throw rt.error('TypeError', `range indices must be integers or slices, not ${key.cls.name}`);
    let i = Number(key.value);
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw rt.error('IndexError', 'range object index out of range');
    return rt.int(Number(start) + i * Number(step));
  }
  return rt.vm.p.weakContainerGetitem(obj, key);
}

/**
 * The dict view type a view type derives from (OrderedDict's odict_keys is a dict_keys):
 * views of subclasses behave as the dict's. Any other type is itself.
 */
function dictViewBase(rt: Runtime, cls: PyType): PyType {
  const t = rt.types;
  if (cls === t.dict_keys || cls === t.dict_values || cls === t.dict_items || cls.isHeapType) return cls;
  return [t.dict_keys, t.dict_values, t.dict_items].find((view) => cls.isSubtypeOf(view)) ?? cls;
}

/** The position of `item` in a range, or -1. */
export function rangeIndex(rt: Runtime, range: PyStruct, item: PyObject): number {
  if (!(item instanceof PyInt)) return -1;
  const { start, step } = rangeState(range);
  const n = rangeLength(range);
  const offset = Number(item.value) - Number(start);
  const s = Number(step);
  if (offset % s !== 0) return -1;
  const i = offset / s;
  return i >= 0 && i < n ? i : -1;
}
