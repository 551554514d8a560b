import { PyInt, PyStr } from '../objects/atoms';
import { PyObject, PyType } from '../objects/base';
import { PyDict, PyList, PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { PyCell, PyFunction } from '../objects/callables';
import { typeLookup } from '../runtime/attributes';
import { dictDeleteAt, dictDeleteStr, dictGetStr, dictSet } from '../runtime/dicts';
import { addressOf } from '../runtime/text';
import { makeSuper, superGetattr } from './superObject';
import { newWeakref, PyWeakref } from './weakrefModule';
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
  // __slots__ is read before the class exists (type_new does too): a bad one leaves nothing behind.
  const slotsValue = dictGetStr(namespace, '__slots__');
  const slotNames = slotsValue === undefined ? null : slotsValue instanceof PyStr ? [slotsValue.value] : rt.vm.p.scopeCollectStrings(slotsValue);
  const type = new PyType(rt.types.type, name, [], { heapType: true });
  // Likewise the MRO and the layout, which can fail (inconsistent order, layout conflict).
  type.mro = linearize(rt, type, bases);
  type.layout = solidBase(rt, bases);
  heap.allocate(type, { gc: true });
  const inheritedDict = bases.some((b) => b.hasInstanceDict && (b.isHeapType || b.layout === b && b !== rt.types.object));
  const inheritedWeakref = bases.some((b) => b.isHeapType && b.weakrefable) || bases.some((b) => !b.isHeapType && b.weakrefable && b !== rt.types.object);
  if (slotNames !== null) {
    const names = slotNames;
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
  // A plain function as __new__ is a static method; __init_subclass__ and __class_getitem__ are class methods.
  for (const [name, wrapper] of [['__new__', rt.types.staticmethod], ['__init_subclass__', rt.types.classmethod], ['__class_getitem__', rt.types.classmethod]] as const) {
    const fn = dictGetStr(dict, name);
    if (fn instanceof PyFunction) rt.vm.p.run(() => dictSet(rt, dict, rt.intern(name), rt.vm.p.own(wrapMethod(rt, wrapper, fn))));
  }
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
  for (const base of bases) addSubclass(rt, base, type);
  type.leaveBases = () => {
    for (const base of bases) removeSubclass(rt, base, type);
  };
  const classCell = dictGetStr(namespace, '__classcell__');
  if (classCell instanceof PyCell) classCell.set(heap, 'cell_contents', type);
  return type;
}

/**
 * The end of type_new, once the class exists: __set_name__ on every attribute that has
 * one, then the parent's __init_subclass__ with the class statement's keywords.
 */
export function initializeClass(rt: Runtime, type: PyType, keywords: ReadonlyMap<string, PyObject> | null): void {
  const p = rt.vm.p;
  p.run(() => {
    for (const e of [...type.dict!.liveEntries()]) {
      const setName = e.value.cls.isHeapType ? typeLookup(rt, e.value.cls, '__set_name__') : undefined;
      if (setName !== undefined) p.discard(p.call(setName, [p.own(e.value), type, p.own(e.key)], null));
    }
    const parent = p.own(makeSuper(rt, [type, type])) as PyStruct;
    const parentInit = p.own(superGetattr(rt, parent, '__init_subclass__'));
    p.discard(p.call(parentInit, [], keywords));
  });
}

function wrapMethod(rt: Runtime, wrapper: PyType, fn: PyFunction): PyStruct {
  const method = rt.heap.allocate(new PyStruct(wrapper), { gc: true });
  method.set(rt.heap, '__func__', fn);
  rt.heap.track(method);
  return method;
}

/**
 * tp_subclasses: a base keeps weak references to its subclasses, keyed by their id, so
 * `__subclasses__()` can list them without keeping them alive. A class's list belongs to
 * the class; the builtin types' lists belong to the interpreter.
 */
function addSubclass(rt: Runtime, base: PyType, sub: PyType): void {
  let list = base.subclassList;
  if (list === null) {
    list = rt.newDict();
    if (base.isHeapType) rt.heap.incref(base, '__subclasses__', list);
    else rt.heap.incref(rt.builtinSubclassLists, `${base.name}.__subclasses__`, list);
    base.subclassList = list;
  }
  const p = rt.vm.p;
  const target = list;
  p.run(() => dictSet(rt, target, p.own(rt.int(addressOf(sub))), p.own(newWeakref(rt, rt.types.weakref, sub, null))));
}

function removeSubclass(rt: Runtime, base: PyType, sub: PyType): void {
  const list = base.subclassList;
  if (list === null) return;
  const address = addressOf(sub);
  const index = list.entries.findIndex((e) => e !== null && e.key instanceof PyInt && e.key.value === address);
  if (index >= 0) dictDeleteAt(rt, list, index);
}

/** type.__subclasses__(): the subclasses still alive, oldest first. */
export function subclassesOf(type: PyType): PyType[] {
  const out: PyType[] = [];
  for (const e of type.subclassList?.liveEntries() ?? []) {
    const target = (e.value as PyWeakref).target;
    if (target instanceof PyType) out.push(target);
  }
  return out;
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
      throw rt.error('TypeError', rt.lang.messages.inconsistentMro(bases.map((b) => b.name).join(', ')));
    }
    result.push(head);
    for (const s of nonEmpty) if (s[0] === head) s.shift();
  }
}

export { PyList, PyTuple };
