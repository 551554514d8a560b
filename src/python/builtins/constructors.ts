import { INT_MAX_STR_DIGITS } from '../runtime/text';
import { PyBytes, PyComplex, PyFloat, PyInt, PyPlainObject, PyStr } from '../objects/atoms';
import { checkConstructorArguments } from './methodArguments';
import { PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyFunction } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { normalizeInt } from '../format/numbers';
import { typeLookup } from '../runtime/attributes';
import { allocateInstance } from '../runtime/calls';
import { dictSet, setAdd } from '../runtime/dicts';
import { collect, dictIterator, rangeIterator } from '../runtime/iteration';
import type { Runtime } from '../runtime/runtime';
import { makeBytearray, makeBytes } from './bytesMethods';
import { initializeClass, makeClass } from './classes';
import { newWeakrefOfType, weakrefConstructors } from './weakrefModule';

/** Calling a class: builtin types make their values; user classes allocate, then __init__. */

type Constructor = (rt: Runtime, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null, type: PyType) => PyObject;

function arg(args: readonly PyObject[], i: number): PyObject | undefined {
  return args[i];
}

function noKeywords(rt: Runtime, name: string, kwargs: ReadonlyMap<string, PyObject> | null): void {
  if (kwargs && kwargs.size) throw rt.error('TypeError', `${name}() takes no keyword arguments`);
}

export function toInt(rt: Runtime, value: PyObject, base = 10): PyObject {
  if (value instanceof PyInt) return value.cls === rt.types.int ? value : rt.int(value.value);
  if (value instanceof PyFloat) {
    if (!Number.isFinite(value.value)) throw rt.error(Number.isNaN(value.value) ? 'ValueError' : 'OverflowError', Number.isNaN(value.value) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
    return rt.int(Number.isSafeInteger(Math.trunc(value.value)) ? Math.trunc(value.value) : normalizeInt(BigInt(Math.trunc(value.value))));
  }
  if (value instanceof PyStr) return rt.int(parseIntLiteral(rt, value, base));
  if (value.cls.isHeapType) {
    for (const name of ['__int__', '__index__']) {
      const m = typeLookup(rt, value.cls, name);
      if (m instanceof PyFunction) return rt.vm.p.call(m, [value], null);
    }
  }
  throw rt.error('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${value.cls.name}'`);
}

/**
 * PyLong_FromString: optional sign, a 0x/0o/0b prefix when the base allows it (base 0
 * reads the base from it), single underscores between digits.
 */
function parseIntLiteral(rt: Runtime, original: PyStr, requestedBase: number): bigint {
  if (requestedBase !== 0 && (requestedBase < 2 || requestedBase > 36)) throw rt.error('ValueError', 'int() base must be >= 2 and <= 36, or 0');
  const fail = (): never => {
    throw rt.error('ValueError', `invalid literal for int() with base ${requestedBase}: ${rt.vm.p.repr(original)}`);
  };
  let text = original.value.trim();
  let negative = false;
  if (text.startsWith('+') || text.startsWith('-')) {
    negative = text.startsWith('-');
    text = text.slice(1);
  }
  let base = requestedBase;
  const prefix = text.slice(0, 2).toLowerCase();
  const prefixBase = prefix === '0x' ? 16 : prefix === '0o' ? 8 : prefix === '0b' ? 2 : 0;
  let afterPrefix = false;
  if (prefixBase !== 0 && (base === 0 || base === prefixBase)) {
    base = prefixBase;
    text = text.slice(2);
    afterPrefix = true;
  } else if (base === 0) {
    base = 10;
    // Base 0 reads "010" as an error, as a literal would be, but "000" is zero.
    if (/^0[0_]*[1-9]/.test(text)) fail();
  }
  if (afterPrefix && text.startsWith('_')) text = text.slice(1);
  if (text === '' || text.startsWith('_') || text.endsWith('_') || text.includes('__')) fail();
  // Bases that are not powers of two are limited to 4,300 digits, as str(int) is.
  if (![2, 4, 8, 16, 32].includes(base)) {
    const digits = text.replace(/_/g, '').length;
    if (digits > INT_MAX_STR_DIGITS) throw rt.error('ValueError', rt.lang.messages.intDigitsLimit(digits));
  }
  let v = 0n;
  for (const ch of text.toLowerCase()) {
    if (ch === '_') continue;
    const d = parseInt(ch, 36);
    if (Number.isNaN(d) || d >= base) fail();
    v = v * BigInt(base) + BigInt(d);
  }
  return negative ? -v : v;
}

export function toFloat(rt: Runtime, value: PyObject): PyObject {
  if (value instanceof PyFloat) return value.cls === rt.types.float ? value : rt.float(value.value);
  if (value instanceof PyInt) {
    const x = Number(value.value);
    if (!Number.isFinite(x)) throw rt.error('OverflowError', 'int too large to convert to float');
    return rt.float(x);
  }
  if (value instanceof PyStr) {
    const text = value.value.trim().toLowerCase().replace(/_/g, '');
    const special: Record<string, number> = { inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '-infinity': -Infinity, nan: NaN, '+nan': NaN, '-nan': NaN };
    if (text in special) return rt.float(special[text]);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text)) throw rt.error('ValueError', `could not convert string to float: ${rt.vm.p.repr(value)}`);
    return rt.float(parseFloat(text));
  }
  if (value.cls.isHeapType) {
    const m = typeLookup(rt, value.cls, '__float__');
    if (m instanceof PyFunction) return rt.vm.p.call(m, [value], null);
  }
  throw rt.error('TypeError', `float() argument must be a string or a real number, not '${value.cls.name}'`);
}

function intValue(rt: Runtime, o: PyObject | undefined, what: string): number | bigint {
  if (o instanceof PyInt) return o.value;
  throw rt.error('TypeError', `'${o?.cls.name ?? 'NoneType'}' object cannot be interpreted as an integer${what ? '' : ''}`);
}

/** A range object: start, stop, step as Python ints. */
export function makeRange(rt: Runtime, args: readonly PyObject[]): PyStruct {
  if (args.length === 0 || args.length > 3) throw rt.error('TypeError', args.length === 0 ? 'range expected at least 1 argument, got 0' : `range expected at most 3 arguments, got ${args.length}`);
  const values = args.map((a) => intValue(rt, a, 'range'));
  const [start, stop, step] = values.length === 1 ? [0, values[0], 1] : [values[0], values[1], values[2] ?? 1];
  if (step === 0 || step === 0n) throw rt.error('ValueError', 'range() arg 3 must not be zero');
  return newRange(rt, start, stop, step);
}

export function newRange(rt: Runtime, start: number | bigint, stop: number | bigint, step: number | bigint): PyStruct {
  const range = rt.heap.allocate(new PyStruct(rt.types.range));
  range.state = { start, stop, step };
  return range;
}

export function rangeState(r: PyStruct): { start: number | bigint; stop: number | bigint; step: number | bigint } {
  return r.state as { start: number | bigint; stop: number | bigint; step: number | bigint };
}

export function rangeLength(r: PyStruct): number {
  const { start, stop, step } = rangeState(r);
  const [a, b, s] = [Number(start), Number(stop), Number(step)];
  if (s > 0) return a < b ? Math.floor((b - a - 1) / s) + 1 : 0;
  return a > b ? Math.floor((a - b - 1) / -s) + 1 : 0;
}

/** len(x) for objects that have a length (_PyObject_HasLen), else 0. */
function iterationLengthIfSized(rt: Runtime, obj: PyObject): number {
  const sized = obj instanceof PyList || obj instanceof PyTuple || obj instanceof PyStr || obj instanceof PyDict || obj instanceof PySet || obj instanceof PyBytes || rt.vm.p.specialLength(obj) !== null || (obj.cls.isHeapType && typeLookup(rt, obj.cls, '__len__') !== undefined);
  return sized ? rt.vm.p.len(obj) : 0;
}

function singletonOf(rt: Runtime, typeName: string, instance: PyObject, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  if (args.length || kwargs?.size) throw rt.error('TypeError', `${typeName} takes no arguments`);
  return instance;
}

function newStruct(rt: Runtime, type: PyType, fields: Record<string, PyObject>, state: unknown = null, gc = true): PyStruct {
  const obj = rt.heap.allocate(new PyStruct(type), { gc });
  for (const [k, v] of Object.entries(fields)) obj.set(rt.heap, k, v);
  obj.state = state;
  if (gc) rt.heap.track(obj);
  return obj;
}

const BUILTIN_CONSTRUCTORS: Record<string, Constructor> = {
  object: (rt, args) => {
    if (args.length) throw rt.error('TypeError', 'object() takes no arguments');
    return rt.heap.allocate(new PyPlainObject(rt.types.object));
  },
  int: (rt, args, kwargs) => {
    const base = kwargs?.get('base') ?? args[1];
    if (args.length === 0) return rt.int(0);
    return toInt(rt, args[0], base instanceof PyInt ? Number(base.value) : 10);
  },
  float: (rt, args) => (args.length === 0 ? rt.float(0) : toFloat(rt, args[0])),
  complex: (rt, args) => {
    const real = args[0] instanceof PyComplex ? args[0].real : args.length ? Number((toFloat(rt, args[0]) as PyFloat).value) : 0;
    const imag = args.length > 1 ? Number((toFloat(rt, args[1]) as PyFloat).value) : args[0] instanceof PyComplex ? args[0].imag : 0;
    return rt.vm.p.makeComplex(real, imag);
  },
  bool: (rt, args) => rt.bool(args.length > 0 && rt.vm.p.truthy(args[0])),
  // The singletons' types give back the one instance.
  NoneType: (rt, args, kwargs) => singletonOf(rt, 'NoneType', rt.none, args, kwargs),
  ellipsis: (rt, args, kwargs) => singletonOf(rt, 'EllipsisType', rt.ellipsis, args, kwargs),
  NotImplementedType: (rt, args, kwargs) => singletonOf(rt, 'NotImplementedType', rt.notImplemented, args, kwargs),
  str: (rt, args) => {
    if (args.length === 0) return rt.emptyString;
    if (args[0] instanceof PyStr && args[0].cls === rt.types.str) return args[0];
    if (args.length >= 2 && args[0] instanceof PyBytes) return rt.str(new TextDecoder().decode(args[0].value));
    return rt.str(rt.vm.p.str(args[0]));
  },
  bytearray: (rt, args, kwargs) => makeBytearray(rt, args, kwargs),
  bytes: (rt, args, kwargs) => makeBytes(rt, args, kwargs),
  list: (rt, args, kwargs) => {
    noKeywords(rt, 'list', kwargs);
    const list = rt.newList();
    if (args.length) {
      rt.transitResult(list);
      // list___init__: a sized iterable gets exactly enough room first.
      const sized = iterationLengthIfSized(rt, args[0]);
      if (sized > 0) list.preallocate(sized);
      rt.vm.p.listExtend(list, args[0]);
      return list;
    }
    return list;
  },
  tuple: (rt, args) => {
    if (args.length === 0) return rt.emptyTuple;
    const a = args[0];
    if (a instanceof PyTuple && a.cls === rt.types.tuple) return a;
    return rt.vm.p.scope(() => rt.newTuple(collect(rt, a)));
  },
  dict: (rt, args, kwargs) => {
    const dict = rt.newDict();
    rt.transitResult(dict);
    if (args.length) rt.vm.p.dictUpdate(dict, args[0], false);
    if (kwargs) for (const [k, v] of kwargs) dictSet(rt, dict, rt.intern(k), v);
    return dict;
  },
  set: (rt, args) => {
    const set = rt.newSet();
    if (args.length) {
      rt.transitResult(set);
      rt.vm.p.setUpdate(set, args[0]);
    }
    return set;
  },
  frozenset: (rt, args) => {
    if (args.length && args[0] instanceof PySet && args[0].cls === rt.types.frozenset) return args[0];
    const set = rt.newSet(true);
    if (args.length) {
      rt.transitResult(set);
      rt.vm.p.setUpdate(set, args[0]);
    }
    return set;
  },
  type: (rt, args, kwargs) => {
    if (args.length === 1) return args[0].cls;
    if (args.length === 3 && args[0] instanceof PyStr && args[1] instanceof PyTuple && args[2] instanceof PyDict) {
      const cls = rt.transitResult(makeClass(rt, args[0].value, args[1].items, args[2]));
      initializeClass(rt, cls as PyType, kwargs);
      return cls;
    }
    throw rt.error('TypeError', 'type() takes 1 or 3 arguments');
  },
  range: (rt, args) => makeRange(rt, args),
  slice: (rt, args, kwargs) => {
    checkConstructorArguments(rt, 'slice', args, kwargs, 1, 3);
    const [a, b, c] = args.length === 1 ? [rt.none, args[0], rt.none] : [args[0] ?? rt.none, args[1] ?? rt.none, args[2] ?? rt.none];
    return rt.vm.p.makeSlice(a, b, c);
  },
  enumerate: (rt, args, kwargs) => {
    const given = args.length + (kwargs?.size ?? 0);
    if (given > 2) throw rt.error('TypeError', `enumerate() takes at most 2 arguments (${given} given)`);
    for (const key of kwargs?.keys() ?? []) if (key !== 'iterable' && key !== 'start') throw rt.error('TypeError', rt.lang.argumentParsing.unexpectedKeyword('enumerate', key));
    if (args.length === 0 && !kwargs?.has('iterable')) throw rt.error('TypeError', `enumerate() missing required argument 'iterable'${rt.lang.argumentParsing.enumerateNamesPosition ? ' (pos 1)' : ''}`);
    if (args.length === 0) args = [kwargs!.get('iterable')!];
    const start = kwargs?.get('start') ?? args[1];
    return rt.vm.p.scope(() => newStruct(rt, rt.types.enumerate, { it: rt.vm.p.own(rt.vm.p.getIter(args[0])) }, { count: start instanceof PyInt ? Number(start.value) : 0 }));
  },
  zip: (rt, args) =>
    rt.vm.p.scope(() => {
      const iterators = args.map((a) => rt.vm.p.own(rt.vm.p.getIter(a)));
      return newStruct(rt, rt.types.zip, { iterators: rt.newTuple(iterators) });
    }),
  map: (rt, args) =>
    rt.vm.p.scope(() => {
      if (args.length < 2) throw rt.error('TypeError', 'map() must have at least two arguments.');
      const iterators = args.slice(1).map((a) => rt.vm.p.own(rt.vm.p.getIter(a)));
      return newStruct(rt, rt.types.map, { func: args[0], iterators: rt.newTuple(iterators) });
    }),
  filter: (rt, args, kwargs) => {
    checkConstructorArguments(rt, 'filter', args, kwargs, 2);
    return rt.vm.p.scope(() => newStruct(rt, rt.types.filter, { func: args[0], it: rt.vm.p.own(rt.vm.p.getIter(args[1])) }));
  },
  reversed: (rt, args, kwargs) => {
    checkConstructorArguments(rt, 'reversed', args, kwargs, 1);
    const seq = args[0];
    if (seq instanceof PyList) return newStruct(rt, rt.types.list_reverseiterator, { it_seq: seq }, { index: seq.items.length - 1 });
    if (seq.cls.isHeapType) {
      const m = typeLookup(rt, seq.cls, '__reversed__');
      if (m instanceof PyFunction) return rt.vm.p.call(m, [seq], null);
    }
    return rt.vm.p.scope(() => {
      const items = rt.newList(collect(rt, seq));
      return newStruct(rt, rt.types.reversed, { it_seq: rt.vm.p.own(items) }, { index: items.items.length - 1 });
    });
  },
  property: (rt, args, kwargs) => {
    const get = (i: number, name: string): PyObject => kwargs?.get(name) ?? args[i] ?? rt.none;
    return newStruct(rt, rt.types.property, { fget: get(0, 'fget'), fset: get(1, 'fset'), fdel: get(2, 'fdel'), __doc__: get(3, 'doc') });
  },
  staticmethod: (rt, args, kwargs) => {
    checkConstructorArguments(rt, 'staticmethod', args, kwargs, 1);
    return newStruct(rt, rt.types.staticmethod, { __func__: args[0] });
  },
  classmethod: (rt, args, kwargs) => {
    checkConstructorArguments(rt, 'classmethod', args, kwargs, 1);
    return newStruct(rt, rt.types.classmethod, { __func__: args[0] });
  },
  super: (rt, args) => rt.vm.p.makeSuper(args),
};

/** An instance of a subclass of an immutable builtin, carrying `base`'s value. */
function subclassInstance(rt: Runtime, type: PyType, base: PyObject): PyObject {
  let obj: PyObject;
  if (base instanceof PyInt) obj = new PyInt(type, base.value);
  else if (base instanceof PyFloat) obj = new PyFloat(type, base.value, base.display());
  else if (base instanceof PyStr) obj = new PyStr(type, base.value);
  else if (base instanceof PyBytes) obj = new PyBytes(type, base.value);
  else if (base instanceof PyComplex) obj = new PyComplex(type, base.real, base.imag, base.display());
  else if (base instanceof PyTuple) obj = new PyTuple(type, [...base.items]);
  else throw rt.stop('unsupported', `subclasses of ${type.layout!.name} are not simulated`);
  rt.heap.allocate(obj, { gc: true });
  if (obj instanceof PyTuple) obj.items.forEach((item, i) => rt.heap.incref(obj, `[${i}]`, item));
  rt.heap.incref(obj, '__class__', type);
  rt.heap.track(obj);
  return obj;
}

/**
 * Calling a class (type_call): its `__new__` makes the object — a builtin type's own
 * constructor, or a class's `__new__` function — then, when the result is an instance of
 * the class, its `__init__` runs while the new object is held.
 */
export function constructObject(rt: Runtime, type: PyType, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  if (!type.isHeapType) return constructBuiltin(rt, type, args, kwargs);
  const p = rt.vm.p;
  const newFunction = typeLookup(rt, type, '__new__')!;
  let obj: PyObject;
  if (newFunction instanceof PyBuiltin && newFunction.ofType !== null) obj = newInstance(rt, newFunction.ofType, type, args, kwargs);
  else {
    const callable = newFunction.cls === rt.types.staticmethod ? (newFunction as PyStruct).get('__func__')! : newFunction;
    obj = p.call(callable, [type, ...args], kwargs);
  }
  if (!p.isInTransit(obj)) rt.transitResult(obj);
  if (!(obj.cls instanceof PyType) || !obj.cls.isSubtypeOf(type)) return obj;
  // The new object is held (in transit) while __init__ runs, as type_call holds it.
  const init = typeLookup(rt, obj.cls, '__init__');
  if (init instanceof PyFunction) {
    const result = p.call(init, [obj, ...args], kwargs);
    if (result !== rt.none) {
      p.discard(result);
      throw rt.error('TypeError', `__init__() should return None, not '${result.cls.name}'`);
    }
    p.discard(result);
  } else if (type.layout === rt.types.list && args.length) {
    p.listExtend(obj as PyList, args[0]);
  } else if (type.layout === rt.types.dict && (args.length || kwargs?.size)) {
    if (args.length) p.dictUpdate(obj as PyDict, args[0], false);
    if (kwargs) for (const [k, v] of kwargs) dictSet(rt, obj as PyDict, rt.intern(k), v);
  } else if (init !== undefined && init === typeLookup(rt, rt.types.object, '__init__')) {
    objectInitArguments(rt, obj.cls, args, kwargs);
  }
  return obj;
}

/** A builtin type called directly: int('5'), list(), ValueError('x'). */
function constructBuiltin(rt: Runtime, type: PyType, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  const exception = rt.types.exceptions.get(type.name);
  if (exception === type) return rt.vm.p.instantiateException(type, args);
  const make = BUILTIN_CONSTRUCTORS[type.name] ?? weakrefConstructors[type.name];
  if (make === undefined) throw rt.error('TypeError', `cannot create '${type.name}' instances`);
  return make(rt, args, kwargs, type);
}

/**
 * `T.__new__(cls, *args)` for a builtin type T (tp_new): a new `cls` object with T's
 * layout. object.__new__(cls) is what `super().__new__(cls)` reaches in most classes.
 */
function builtinTypeNew(rt: Runtime, owner: PyType, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  const cls = args[0];
  if (cls === undefined) throw rt.error('TypeError', `${owner.name}.__new__(): not enough arguments`);
  if (!(cls instanceof PyType)) throw rt.error('TypeError', `${owner.name}.__new__(X): X is not a type object (${cls.cls.name})`);
  if (!cls.isSubtypeOf(owner)) throw rt.error('TypeError', `${owner.name}.__new__(${cls.name}): ${cls.name} is not a subtype of ${owner.name}`);
  const rest = args.slice(1);
  if (!cls.isHeapType) return constructBuiltin(rt, cls, rest, kwargs);
  return newInstance(rt, owner, cls, rest, kwargs);
}

const IMMUTABLE_LAYOUTS = ['int', 'float', 'str', 'tuple', 'bytes', 'complex'];

/** A new, not yet initialized instance of the class `cls`, made by `owner`'s tp_new. */
function newInstance(rt: Runtime, owner: PyType, cls: PyType, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  const layout = cls.layout ?? rt.types.object;
  if (layout === rt.types.weakref) return newWeakrefOfType(rt, owner, cls, args, kwargs);
  if (IMMUTABLE_LAYOUTS.includes(layout.name)) {
    // int.__new__(cls, ...) and friends: the builtin value, in an instance of the subclass.
    const p = rt.vm.p;
    return p.scope(() => subclassInstance(rt, cls, p.own(BUILTIN_CONSTRUCTORS[layout.name](rt, args, kwargs, layout))));
  }
  if (owner === rt.types.object && (args.length || kwargs?.size)) {
    // object_new: extra arguments are an error unless __init__ is the one taking them.
    if (overrides(rt, cls, '__new__')) throw rt.error('TypeError', 'object.__new__() takes exactly one argument (the type to instantiate)');
    if (!overrides(rt, cls, '__init__')) throw rt.error('TypeError', `${cls.name}() takes no arguments`);
  }
  const obj = allocateInstance(rt, cls);
  if (obj instanceof PyStruct && layout === rt.types.exceptions.get('BaseException')) obj.set(rt.heap, 'args', rt.newTuple(args));
  return obj;
}

/** Whether `cls` has its own `name` rather than object's. */
function overrides(rt: Runtime, cls: PyType, name: string): boolean {
  return typeLookup(rt, cls, name) !== typeLookup(rt, rt.types.object, name);
}

/** object_init: extra arguments are an error unless __new__ is the one taking them. */
export function objectInitArguments(rt: Runtime, cls: PyType, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): void {
  if (args.length === 0 && !kwargs?.size) return;
  if (overrides(rt, cls, '__init__')) throw rt.error('TypeError', 'object.__init__() takes exactly one argument (the instance to initialize)');
  if (!overrides(rt, cls, '__new__')) throw rt.error('TypeError', `${cls.name}() takes no arguments`);
}

/** Gives every builtin type that can make instances its `__new__`. */
export function installConstructors(rt: Runtime): void {
  const types = [...Object.values(rt.types).filter((t): t is PyType => t instanceof PyType), ...rt.types.exceptions.values()];
  for (const type of types) {
    const constructible = type === rt.types.object || rt.types.exceptions.get(type.name) === type || BUILTIN_CONSTRUCTORS[type.name] !== undefined || weakrefConstructors[type.name] !== undefined;
    if (constructible) type.native = { ...type.native, construct: (args, kwargs) => builtinTypeNew(rt, type, args, kwargs) };
  }
}

export { dictIterator, rangeIterator, setAdd };
