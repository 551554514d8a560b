import { PyInstance, PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyCell, PyFunction, PyMethod } from '../objects/callables';
import { PyDict, PyDictView } from '../objects/containers';
import { AttributeStore, attributeLabel } from '../objects/instance';
import { PyStruct } from '../objects/struct';
import { PyStr } from '../objects/atoms';
import { dictDeleteStr, dictGetStr, dictSet, mirrorSet } from './dicts';
import type { Runtime } from './runtime';
import { stopIfUnsimulated } from '../builtins/modules';
import { checkedMethod } from '../builtins/methodArguments';
import { typeModuleName, typeShortName } from './typeSystem';

/**
 * Attribute access: type lookup along the MRO, descriptors (functions become bound
 * methods, properties call their getters), instance attributes where the version keeps
 * them, and the builtin types' own attributes.
 */

const descriptorCache = new WeakMap<PyType, Map<string, PyBuiltin>>();

/** The attribute `name` of a type or its bases (no descriptor binding). */
export function typeLookup(rt: Runtime, type: PyType, name: string): PyObject | undefined {
  for (const t of type.mro) {
    const found = ownAttribute(rt, t, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * What `t` itself defines under `name`: its dict's entry, or for a builtin type one of its
 * methods (a method_descriptor), class methods (classmethod_descriptor) or its `__new__`.
 */
export function ownAttribute(rt: Runtime, t: PyType, name: string): PyObject | undefined {
  if (t.dict !== null) {
    const found = dictGetStr(t.dict, name);
    if (found !== undefined) return found;
  }
  if (t.isHeapType) return undefined;
  if (t.native.methods?.[name] !== undefined) return nativeDescriptor(rt, t, name, 'method');
  if (t.native.classMethods?.[name] !== undefined) return nativeDescriptor(rt, t, name, 'classmethod');
  if (name === '__new__' && t.native.construct !== undefined) return nativeDescriptor(rt, t, name, 'new');
  return undefined;
}

/**
 * The name passed to getattr(), setattr(), `obj.__setattr__(name, ...)`: a str or a
 * TypeError. 3.10's getattr() and hasattr() name themselves in it.
 */
export function attributeName(rt: Runtime, name: PyObject, caller: 'getattr' | 'hasattr' | 'setattr' | 'delattr' | null): string {
  if (name instanceof PyStr) return name.value;
  if (rt.lang.argumentParsing.getattrNamesItself && (caller === 'getattr' || caller === 'hasattr')) throw rt.error('TypeError', `${caller}(): attribute name must be string`);
  throw rt.error('TypeError', `attribute name must be string, not '${name.cls.name}'`);
}

/** The method_descriptor object for a builtin type's method (made once, kept by the type). */
export function methodDescriptor(rt: Runtime, type: PyType, name: string): PyBuiltin {
  return nativeDescriptor(rt, type, name, 'method');
}

/**
 * A builtin type's method as an object, made once per type. Methods are method_descriptors
 * that bind to instances; class methods (dict.fromkeys) bind to the class; `__new__` is a
 * builtin function of the type (object.__new__(cls)) that binds to nothing.
 */
function nativeDescriptor(rt: Runtime, type: PyType, name: string, kind: 'method' | 'classmethod' | 'new'): PyBuiltin {
  let cache = descriptorCache.get(type);
  if (cache === undefined) descriptorCache.set(type, (cache = new Map()));
  let descriptor = cache.get(name);
  if (descriptor === undefined) {
    if (kind === 'method') descriptor = new PyBuiltin(rt.types.method_descriptor, name, checkedMethod(rt, type.name, name, type.native.methods![name], true), type);
    else if (kind === 'classmethod') descriptor = new PyBuiltin(rt.types.classmethod_descriptor, name, checkedMethod(rt, type.name, name, type.native.classMethods![name]), type);
    else descriptor = new PyBuiltin(rt.types.builtin_function_or_method, name, type.native.construct!, null, type);
    rt.preexistingTracked(descriptor, 1);
    cache.set(name, descriptor);
  }
  return descriptor;
}

/** A builtin type's own `__new__` (object.__new__, int.__new__...). */
export function builtinNew(rt: Runtime, type: PyType): PyBuiltin | undefined {
  return type.native.construct !== undefined ? nativeDescriptor(rt, type, '__new__', 'new') : undefined;
}

function isProperty(rt: Runtime, obj: PyObject): obj is PyStruct {
  return obj.cls === rt.types.property;
}

/** A Python-level data descriptor (its class defines __set__ or __delete__): it wins over instance attributes. */
function isDataDescriptor(rt: Runtime, obj: PyObject): boolean {
  return obj.cls.isHeapType && (typeLookup(rt, obj.cls, '__set__') !== undefined || typeLookup(rt, obj.cls, '__delete__') !== undefined);
}

/** Calls a Python-level descriptor's `__set__` or `__delete__`; false when it has none. */
function callDescriptorHook(rt: Runtime, descriptor: PyObject, hook: '__set__' | '__delete__', args: readonly PyObject[]): boolean {
  if (!descriptor.cls.isHeapType) return false;
  const method = typeLookup(rt, descriptor.cls, hook);
  if (method === undefined) {
    if (hook === '__set__' && typeLookup(rt, descriptor.cls, '__delete__') !== undefined) throw rt.error('AttributeError', '__set__');
    if (hook === '__delete__' && typeLookup(rt, descriptor.cls, '__set__') !== undefined) throw rt.error('AttributeError', '__delete__');
    return false;
  }
  rt.vm.p.discard(rt.vm.p.call(method, [descriptor, ...args], null));
  return true;
}

/** Binds what a type lookup found to `obj` (the descriptor protocol for the types we have). */
export function bind(rt: Runtime, found: PyObject, obj: PyObject, owner: PyType): PyObject {
  if (found instanceof PyFunction) return newMethod(rt, found, obj);
  if (found instanceof PyBuiltin && found.ownerType !== null) return boundBuiltin(rt, found, found.cls === rt.types.classmethod_descriptor ? owner : obj);
  if (found.cls === rt.types.staticmethod) return (found as PyStruct).get('__func__')!;
  if (found.cls === rt.types.classmethod) return newMethod(rt, (found as PyStruct).get('__func__')!, owner);
  if (found.cls.isHeapType) {
    // A descriptor written in Python: its __get__(instance, owner).
    const get = typeLookup(rt, found.cls, '__get__');
    if (get !== undefined) return rt.vm.p.call(get, [found, obj, owner], null);
  }
  if (isProperty(rt, found)) {
    const getter = found.get('fget');
    if (getter === undefined || getter === rt.none) throw rt.error('AttributeError', `property '${propertyName(found)}' of '${obj.cls.name}' object has no getter`);
    return rt.vm.p.call(getter, [obj], null);
  }
  return found;
}

function propertyName(prop: PyStruct): string {
  const getter = prop.get('fget');
  return getter instanceof PyFunction ? getter.code.name : '?';
}

export function newMethod(rt: Runtime, fn: PyObject, self: PyObject): PyMethod {
  const method = rt.heap.allocate(new PyMethod(rt.types.method), { gc: true });
  method.set(rt.heap, '__func__', fn);
  method.set(rt.heap, '__self__', self);
  rt.heap.track(method);
  return method;
}

export function boundBuiltin(rt: Runtime, descriptor: PyBuiltin, self: PyObject): PyBuiltin {
  const impl = descriptor.impl;
  const bound = rt.heap.allocate(new PyBuiltin(rt.types.builtin_function_or_method, descriptor.name, (args, kwargs) => impl([self, ...args], kwargs)), { gc: true });
  bound.set(rt.heap, '__self__', self);
  rt.heap.track(bound);
  return bound;
}

/** The instance attributes' store, made on first use for objects that may have attributes. */
export function attributesOf(rt: Runtime, obj: PyObject): AttributeStore | null {
  if (obj.attrs !== null) return obj.attrs;
  const type = obj.cls;
  // Builtin exceptions have a __dict__ of their own (BaseException's dict slot).
  if (!type.isHeapType && type.layout === rt.types.exceptions.get('BaseException')) {
    obj.attrs = new AttributeStore('dict');
    return obj.attrs;
  }
  if (!type.isHeapType) return null;
  if (!type.hasInstanceDict && type.slots === null) return null;
  let mode = rt.lang.instanceAttributes;
  // Before 3.14, subclasses of variable-size builtins keep a separate __dict__.
  if (obj instanceof PyInstance === false && !rt.lang.inlineValuesForBuiltinSubclasses) mode = 'dict';
  obj.attrs = new AttributeStore(mode, type.slots);
  return obj.attrs;
}

/** The instance's __dict__, made (and, in 3.11–3.12, filled from the inline values) on request. */
export function instanceDict(rt: Runtime, obj: PyObject): PyDict | null {
  const attrs = attributesOf(rt, obj);
  if (attrs === null || !obj.cls.hasInstanceDict) return null;
  if (attrs.dict !== null) return attrs.dict;
  if (attrs.mode === 'inline-always') {
    // 3.13+: a view of the inline values, holding no references of its own.
    const view = rt.heap.allocate(new PyDictView(rt.types.dict, obj), { gc: true });
    if (rt.lang.dictsAlwaysTracked) rt.heap.track(view);
    for (const [name, value] of attrs.values) if (!obj.cls.slots?.includes(name)) mirrorSet(rt, view, name, value);
    rt.heap.incref(obj, '__dict__', view);
    attrs.dict = view;
    return view;
  }
  const dict = rt.newDict();
  rt.heap.incref(obj, '__dict__', dict);
  attrs.dict = dict;
  if (attrs.mode === 'inline') {
    // 3.11/3.12: the values move into the new dict.
    for (const [name, value] of [...attrs.values]) {
      if (obj.cls.slots?.includes(name)) continue;
      dictSet(rt, dict, rt.intern(name), value, { holder: obj, label: attributeLabel(name) });
      attrs.values.delete(name);
    }
  }
  return dict;
}

function instanceGet(rt: Runtime, obj: PyObject, name: string): PyObject | undefined {
  const attrs = obj.attrs;
  if (attrs === null) return undefined;
  const inline = attrs.values.get(name);
  if (inline !== undefined) return inline;
  if (attrs.dict !== null) return dictGetStr(attrs.dict, name);
  return undefined;
}

/** getattr(obj, name). */
export function getattr(rt: Runtime, obj: PyObject, name: string): PyObject {
  const found = getattrOrUndefined(rt, obj, name);
  if (found !== undefined) return found;
  const type = obj.cls;
  const getattrHook = typeLookup(rt, type, '__getattr__');
  if (getattrHook !== undefined && getattrHook instanceof PyFunction) return rt.vm.p.call(getattrHook, [obj, rt.str(name)], null);
  if (obj instanceof PyType) throw rt.error('AttributeError', `type object '${obj.name}' has no attribute '${name}'`);
  if (obj.cls === rt.types.module) {
    stopIfUnsimulated(rt, obj, name);
    throw rt.error('AttributeError', `module '${moduleName(obj)}' has no attribute '${name}'`);
  }
  throw rt.error('AttributeError', `'${type.name}' object has no attribute '${name}'`);
}

function moduleName(module: PyObject): string {
  const name = (module as PyStruct).get('__name__');
  return name !== undefined && 'value' in name ? String((name as { value: unknown }).value) : '?';
}

export function getattrOrUndefined(rt: Runtime, obj: PyObject, name: string): PyObject | undefined {
  if (obj instanceof PyType) return typeGetattr(rt, obj, name);
  const type = obj.cls;
  if (name === '__class__') return type;
  if (name === '__dict__') {
    if (obj.cls === rt.types.module || obj instanceof PyFunction) return moduleOrFunctionDict(rt, obj as PyStruct);
    const dict = instanceDict(rt, obj);
    if (dict !== null) return dict;
  }
  const found = typeLookup(rt, type, name);
  if (found !== undefined && (isProperty(rt, found) || isDataDescriptor(rt, found))) return bind(rt, found, obj, type);
  if (found !== undefined && found.cls === rt.types.member_descriptor) {
    // A __slots__ member: the instance's value, or AttributeError when the slot is empty.
    const value = obj.attrs?.values.get(name);
    if (value !== undefined) return value;
    throw rt.error('AttributeError', `'${type.name}' object has no attribute '${name}'`);
  }
  const own = instanceGet(rt, obj, name);
  if (own !== undefined) return own;
  if (obj.cls === rt.types.module || obj instanceof PyFunction) {
    const dict = (obj as PyStruct).get('__dict__');
    if (dict instanceof PyDict) {
      const value = dictGetStr(dict, name);
      if (value !== undefined) return value;
    }
  }
  if (found !== undefined) return bind(rt, found, obj, type);
  const getter = nativeGetter(type, name);
  if (getter !== undefined) return getter(obj);
  return undefined;
}

function nativeGetter(type: PyType, name: string): ((self: PyObject) => PyObject) | undefined {
  for (const t of type.mro) {
    const getter = t.native.getters?.[name];
    if (getter !== undefined) return getter;
  }
  return undefined;
}

function nativeSetterOf(type: PyType, name: string): ((self: PyObject, value: PyObject) => void) | undefined {
  for (const t of type.mro) {
    const setter = t.native.setters?.[name];
    if (setter !== undefined) return setter;
  }
  return undefined;
}

function moduleOrFunctionDict(rt: Runtime, obj: PyStruct): PyDict {
  let dict = obj.get('__dict__') as PyDict | undefined;
  if (dict === undefined) {
    dict = rt.newDict();
    obj.set(rt.heap, '__dict__', dict);
  }
  return dict;
}

/** Attribute lookup on a class: its MRO's dicts, then the metatype's attributes. */
function typeGetattr(rt: Runtime, type: PyType, name: string): PyObject | undefined {
  if (name === '__module__' && !type.isHeapType) return rt.str(typeModuleName(type));
  switch (name) {
    case '__name__':
      return rt.str(typeShortName(type));
    case '__qualname__':
      return rt.str(typeShortName(type));
    case '__mro__':
      return rt.newTuple(type.mro);
    case '__bases__':
      return rt.newTuple(type.bases.length ? type.bases : type === rt.types.object ? [] : [rt.types.object]);
    case '__base__':
      return type.bases[0] ?? rt.none;
    case '__class__':
      return type.cls;
    case '__dict__':
      return type.dict ?? rt.newDict();
  }
  const found = typeLookup(rt, type, name);
  if (found !== undefined) {
    if (found.cls === rt.types.staticmethod) return (found as PyStruct).get('__func__')!;
    if (found.cls === rt.types.classmethod) return newMethod(rt, (found as PyStruct).get('__func__')!, type);
    if (found.cls === rt.types.classmethod_descriptor) return boundBuiltin(rt, found as PyBuiltin, type);
    if (found.cls.isHeapType) {
      const get = typeLookup(rt, found.cls, '__get__');
      if (get !== undefined) return rt.vm.p.call(get, [found, rt.none, type], null);
    }
    return found;
  }
  const meta = typeLookup(rt, type.cls, name);
  if (meta !== undefined) return bind(rt, meta, type, type.cls);
  return undefined;
}

/**
 * For `obj.name(...)`: the plain function or method descriptor to call with obj as self
 * (LOAD_METHOD, no bound method made), or null when a normal getattr is needed.
 */
export function lookupMethod(rt: Runtime, obj: PyObject, name: string): PyObject | null {
  if (obj instanceof PyType || hasOwnGetattr(rt, obj)) return null;
  const found = typeLookup(rt, obj.cls, name);
  if (found === undefined) return null;
  if (!(found instanceof PyFunction) && !(found instanceof PyBuiltin && found.cls === rt.types.method_descriptor)) return null;
  if (instanceGet(rt, obj, name) !== undefined) return null;
  if ((obj.cls === rt.types.module || obj instanceof PyFunction) && (obj as PyStruct).get('__dict__') !== undefined) return null;
  return found;
}

/** Super objects and weak proxies look attributes up their own way, not in their type. */
function hasOwnGetattr(rt: Runtime, obj: PyObject): boolean {
  const t = rt.types;
  return obj.cls === t.super || obj.cls === t.weakproxy || obj.cls === t.weakcallableproxy;
}

/**
 * A class's own `__setattr__` or `__delattr__` (slot_tp_setattro): a function other than
 * object's, which then handles every assignment or deletion on its instances.
 */
function attributeHook(rt: Runtime, obj: PyObject, name: '__setattr__' | '__delattr__'): PyObject | null {
  if (obj instanceof PyType || !obj.cls.isHeapType) return null;
  const hook = typeLookup(rt, obj.cls, name);
  return hook instanceof PyFunction ? hook : null;
}

/** setattr(obj, name, value): through the class's `__setattr__` when it defines one. */
export function setattr(rt: Runtime, obj: PyObject, name: string, value: PyObject): void {
  const hook = attributeHook(rt, obj, '__setattr__');
  if (hook !== null) {
    rt.vm.p.discard(rt.vm.p.call(hook, [obj, rt.intern(name), value], null));
    return;
  }
  genericSetattr(rt, obj, name, value);
}

/** PyObject_GenericSetAttr (object.__setattr__): descriptors, then the instance's attributes. */
export function genericSetattr(rt: Runtime, obj: PyObject, name: string, value: PyObject): void {
  if (obj instanceof PyType) {
    if (!obj.isHeapType) throw rt.error('TypeError', `cannot set '${name}' attribute of immutable type '${obj.name}'`);
    dictSet(rt, obj.dict!, rt.intern(name), value);
    invalidateTypeCaches(obj);
    return;
  }
  const type = obj.cls;
  const found = typeLookup(rt, type, name);
  if (found !== undefined && isProperty(rt, found)) {
    const setter = found.get('fset');
    if (setter === undefined || setter === rt.none) throw rt.error('AttributeError', `property '${propertyName(found)}' of '${type.name}' object has no setter`);
    const result = rt.vm.p.call(setter, [obj, value], null);
    rt.vm.p.discard(result);
    return;
  }
  if (found !== undefined && callDescriptorHook(rt, found, '__set__', [obj, value])) return;
  const nativeSetter = nativeSetterOf(type, name);
  if (nativeSetter !== undefined) {
    nativeSetter(obj, value);
    return;
  }
  if (obj.cls === rt.types.module || obj instanceof PyFunction) {
    dictSet(rt, moduleOrFunctionDict(rt, obj as PyStruct), rt.intern(name), value);
    return;
  }
  const attrs = attributesOf(rt, obj);
  if (attrs === null || (!type.hasInstanceDict && !type.slots?.includes(name))) {
    throw rt.error('AttributeError', noAttributeMessage(rt, type, name));
  }
  if (type.slots?.includes(name) || !attrs.inDict) {
    if (attrs.mode === 'dict' && !type.slots?.includes(name)) {
      dictSet(rt, instanceDict(rt, obj)!, rt.intern(name), value);
      return;
    }
    attrs.setValue(rt.heap, obj, name, value);
    if (attrs.dict instanceof PyDictView && !type.slots?.includes(name)) mirrorSet(rt, attrs.dict, name, value);
    return;
  }
  dictSet(rt, attrs.dict!, rt.intern(name), value);
}

function noAttributeMessage(rt: Runtime, type: PyType, name: string): string {
  const message = `'${type.name}' object has no attribute '${name}'`;
  return rt.lang.setattrNoDictNote ? `${message} and no __dict__ for setting new attributes` : message;
}

/** delattr(obj, name): through the class's `__delattr__` when it defines one. */
export function delattr(rt: Runtime, obj: PyObject, name: string): void {
  const hook = attributeHook(rt, obj, '__delattr__');
  if (hook !== null) {
    rt.vm.p.discard(rt.vm.p.call(hook, [obj, rt.intern(name)], null));
    return;
  }
  genericDelattr(rt, obj, name);
}

/** object.__delattr__. */
export function genericDelattr(rt: Runtime, obj: PyObject, name: string): void {
  if (obj instanceof PyType) {
    if (!obj.isHeapType || !dictDeleteStr(rt, obj.dict!, name)) throw rt.error('AttributeError', `type object '${obj.name}' has no attribute '${name}'`);
    invalidateTypeCaches(obj);
    return;
  }
  const type = obj.cls;
  const found = typeLookup(rt, type, name);
  if (found !== undefined && isProperty(rt, found)) {
    const deleter = found.get('fdel');
    if (deleter === undefined || deleter === rt.none) throw rt.error('AttributeError', `property '${propertyName(found)}' of '${type.name}' object has no deleter`);
    rt.vm.p.discard(rt.vm.p.call(deleter, [obj], null));
    return;
  }
  if (found !== undefined && callDescriptorHook(rt, found, '__delete__', [obj])) return;
  if (obj.cls === rt.types.module || obj instanceof PyFunction) {
    const dict = (obj as PyStruct).get('__dict__') as PyDict | undefined;
    if (dict && dictDeleteStr(rt, dict, name)) return;
    throw rt.error('AttributeError', name);
  }
  const attrs = obj.attrs;
  if (attrs !== null) {
    const hadValue = attrs.deleteValue(rt.heap, obj, name);
    if (attrs.dict instanceof PyDictView) {
      mirrorSet(rt, attrs.dict, name, null);
      if (hadValue) return;
    } else if (attrs.dict !== null && dictGetStr(attrs.dict, name) !== undefined) {
      dictDeleteStr(rt, attrs.dict, name);
      return;
    }
    if (hadValue) return;
  }
  throw rt.error('AttributeError', type.slots?.includes(name) ? name : `'${type.name}' object has no attribute '${name}'`);
}

function invalidateTypeCaches(type: PyType): void {
  type.finalizerCache = null;
}

export { PyCell };
