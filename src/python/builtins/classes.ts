import { PyStr } from '../objects/atoms';
import { PyObject, PyType } from '../objects/base';
import { PyDict, PyList, PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { dictDeleteStr, dictGetStr, dictSet } from '../runtime/dicts';
import type { Runtime } from '../runtime/runtime';

/**
 * type(name, bases, namespace): a heap type. Like CPython's type_new it copies the
 * namespace into the class's own dict, adds the __dict__ and __weakref__ descriptors
 * (each referring back to the class), and builds __bases__ and __mro__ tuples — so a
 * class is a small cycle of objects that only the collector frees.
 */
export function makeClass(rt: Runtime, name: string, baseObjects: readonly PyObject[], namespace: PyDict): PyType {
  const heap = rt.heap;
  for (const b of baseObjects) if (!(b instanceof PyType)) throw rt.error('TypeError', `bases must be types`);
  const bases = (baseObjects.length ? baseObjects : [rt.types.object]) as PyType[];
  for (const b of bases) {
    if (b === rt.types.bool || b === rt.types.NoneType) throw rt.error('TypeError', `type '${b.name}' is not an acceptable base type`);
  }
  const type = new PyType(rt.types.type, name, [], { heapType: true });
  heap.allocate(type, { gc: true });
  type.mro = linearize(rt, type, bases);
  type.layout = solidBase(rt, bases);
  const slotsValue = dictGetStr(namespace, '__slots__');
  const inheritedDict = bases.some((b) => b.hasInstanceDict && (b.isHeapType || b.layout === b && b !== rt.types.object));
  const inheritedWeakref = bases.some((b) => b.isHeapType && b.weakrefable) || bases.some((b) => !b.isHeapType && b.weakrefable && b !== rt.types.object);
  if (slotsValue !== undefined) {
    const names = slotsValue instanceof PyStr ? [slotsValue.value] : rt.vm.p.scopeCollectStrings(slotsValue);
    type.slots = [...(bases.flatMap((b) => b.slots ?? [])), ...names.filter((n) => n !== '__dict__' && n !== '__weakref__')];
    type.hasInstanceDict = names.includes('__dict__') || bases.some((b) => b.isHeapType && b.hasInstanceDict);
    type.weakrefable = names.includes('__weakref__') || inheritedWeakref;
  } else {
    type.slots = bases.some((b) => b.slots) ? bases.flatMap((b) => b.slots ?? []) : null;
    type.hasInstanceDict = true;
    type.weakrefable = true;
  }
  // The class's own dict: a copy of the namespace.
  const dict = rt.newDict();
  type.dict = dict;
  heap.incref(type, '__dict__', dict);
  for (const e of namespace.liveEntries()) {
    if (e.key instanceof PyStr && (e.key.value === '__qualname__' || e.key.value === '__classcell__')) continue;
    dictSet(rt, dict, e.key, e.value);
  }
  if (dictGetStr(dict, '__doc__') === undefined) dictSet(rt, dict, rt.intern('__doc__'), rt.none);
  // Defining __eq__ without __hash__ makes instances unhashable.
  if (dictGetStr(dict, '__eq__') !== undefined && dictGetStr(dict, '__hash__') === undefined) dictSet(rt, dict, rt.intern('__hash__'), rt.none);
  if (slotsValue !== undefined) {
    dictDeleteStr(rt, dict, '__slots__');
    dictSet(rt, dict, rt.intern('__slots__'), slotsValue);
    for (const slot of type.slots!.filter((s) => !bases.some((b) => b.slots?.includes(s)))) {
      dictSet(rt, dict, rt.intern(slot), descriptor(rt, rt.types.member_descriptor, type, slot));
    }
  }
  if (type.hasInstanceDict && !inheritedDict) dictSet(rt, dict, rt.intern('__dict__'), descriptor(rt, rt.types.getset_descriptor, type, '__dict__'));
  if (type.weakrefable && !inheritedWeakref) dictSet(rt, dict, rt.intern('__weakref__'), descriptor(rt, rt.types.getset_descriptor, type, '__weakref__'));
  // __bases__ and __mro__ (which holds the class itself).
  type.bases = bases;
  const basesTuple = rt.newTuple(bases);
  heap.incref(type, '__bases__', basesTuple);
  type.basesTuple = basesTuple;
  const mro = rt.newTuple(type.mro);
  type.mroTuple = mro;
  heap.incref(type, '__mro__', mro);
  heap.track(type);
  return type;
}

function descriptor(rt: Runtime, kind: PyType, owner: PyType, name: string): PyStruct {
  const d = rt.heap.allocate(new PyStruct(kind), { gc: true });
  d.set(rt.heap, '__objclass__', owner);
  d.state = name;
  rt.heap.track(d);
  return d;
}

/** The builtin layout instances will have (object, list, dict, BaseException...). */
function solidBase(rt: Runtime, bases: readonly PyType[]): PyType {
  let best = rt.types.object;
  for (const b of bases) {
    const layout = b.layout ?? rt.types.object;
    if (layout !== rt.types.object) {
      if (best !== rt.types.object && best !== layout) throw rt.error('TypeError', 'multiple bases have instance lay-out conflict');
      best = layout;
    }
  }
  return best;
}

/** C3 linearization (the MRO). */
function linearize(rt: Runtime, type: PyType, bases: readonly PyType[]): PyType[] {
  const sequences = [...bases.map((b) => [...b.mro]), [...bases]];
  const result: PyType[] = [type];
  for (;;) {
    const nonEmpty = sequences.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return result;
    const head = nonEmpty.map((s) => s[0]).find((candidate) => !nonEmpty.some((s) => s.indexOf(candidate) > 0));
    if (head === undefined) {
      throw rt.error('TypeError', `Cannot create a consistent method resolution order (MRO) for bases ${bases.map((b) => b.name).join(', ')}`);
    }
    result.push(head);
    for (const s of nonEmpty) if (s[0] === head) s.shift();
  }
}

export { PyList, PyTuple };
