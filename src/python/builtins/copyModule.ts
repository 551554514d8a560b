import { PyBytes, PyStr } from '../objects/atoms';
import type { PyObject } from '../objects/base';
import { PyInstance, PyType } from '../objects/base';
import { PyFunction, PyMethod } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { instanceDict, newMethod, typeLookup } from '../runtime/attributes';
import { dictGet, dictGetStr, dictSet } from '../runtime/dicts';
import { collect } from '../runtime/iteration';
import type { Runtime } from '../runtime/runtime';
import { addressOf } from '../runtime/text';
import { bindArguments, inFrame, libraryClass, libraryFunction, LibraryModule, raiseInstance } from './library';

/**
 * The copy module (Lib/copy.py): copy.copy and copy.deepcopy with their dispatch tables,
 * the memo, and the reduce protocol (__reduce_ex__(4), __getnewargs__, __getstate__,
 * __setstate__, __copy__, __deepcopy__) as object.__reduce_ex__ answers it. Each function
 * runs as its Python frame would, holding its arguments; the memo is a real dict keyed
 * by id(), kept alive by the list at memo[id(memo)].
 */

/** What copy.py's functions need from the module: its Error class and the dict of its globals. */
interface CopyState {
  readonly error: PyType;
  readonly globals: PyDict;
}

const states = new WeakMap<Runtime, CopyState>();

export const copyModule: LibraryModule = {
  install(rt, module, put) {
    const globals = module.get('__dict__') as PyDict;
    const p = rt.vm.p;
    p.run(() => {
      const error = p.own(libraryClass(rt, { name: 'Error', module: 'copy', bases: [rt.types.exceptions.get('Exception')!], namespace: [] })) as PyType;
      states.set(rt, { error, globals });
      put('Error', error);
      put('error', error);
      const site = (name: string) => ({ name, module: 'copy', globals });
      put('copy', p.own(libraryFunction(rt, site('copy'), (args, kwargs) => {
        const bound = bindArguments(rt, 'copy', [{ name: 'x' }], args, kwargs);
        return shallowCopy(rt, bound.values.get('x')!);
      })));
      // deepcopy(x, memo=None, _nil=[]): its defaults live in the function, as in copy.py.
      const nil = p.own(rt.newList());
      const deepcopyFunction = p.own(libraryFunction(rt, site('deepcopy'), (args, kwargs) => {
        const bound = bindArguments(rt, 'deepcopy', [{ name: 'x' }, { name: 'memo', default: rt.none }, { name: '_nil', default: nil }], args, kwargs);
        return deepcopy(rt, bound.values.get('x')!, bound.values.get('memo')!);
      })) as PyStruct;
      deepcopyFunction.set(rt.heap, '__defaults__', p.own(rt.newTuple([rt.none, nil])));
      put('deepcopy', deepcopyFunction);
      if (rt.lang.library.replaceProtocol) {
        put('replace', p.own(libraryFunction(rt, site('replace'), (args, kwargs) => {
          const bound = bindArguments(rt, 'replace', [{ name: 'obj', kind: 'positional-only' }], args, kwargs, { varkw: true });
          return replace(rt, bound.values.get('obj')!, bound.extraKeywords);
        })));
      }
    });
  },
  unsimulated: () => [
    '__all__', '__builtins__', '__cached__', '__doc__', '__file__', '__loader__', '__package__', '__spec__', 'dispatch_table', 'PyStringMap',
    '_copy_dispatch', '_copy_immutable', '_deepcopy_atomic', '_deepcopy_dict', '_deepcopy_dispatch', '_deepcopy_list', '_deepcopy_method', '_deepcopy_tuple', '_keep_alive', '_reconstruct',
  ],
};

function state(rt: Runtime): CopyState {
  return states.get(rt)!;
}

// --- copy.copy -------------------------------------------------------------------------

/** Classes _copy_dispatch returns unchanged (_copy_immutable), by exact type. */
function isImmutableForCopy(rt: Runtime, x: PyObject): boolean {
  const t = rt.types;
  const cls = x.cls;
  return (
    [t.NoneType, t.int, t.float, t.bool, t.complex, t.str, t.tuple, t.bytes, t.frozenset, t.type, t.range, t.slice, t.property, t.builtin_function_or_method, t.ellipsis, t.NotImplementedType, t.function, t.code, t.weakref].includes(cls) ||
    x instanceof PyType
  );
}

/** copy.copy(x). The result is in transit. */
export function shallowCopy(rt: Runtime, x: PyObject): PyObject {
  const p = rt.vm.p;
  const t = rt.types;
  return inFrame(rt, [x], () => {
    const cls = x.cls;
    if (isImmutableForCopy(rt, x)) return x;
    // _copy_dispatch: list.copy, dict.copy, set.copy, bytearray.copy, called as descriptors.
    if (cls === t.list || cls === t.dict || cls === t.set || cls === t.bytearray) return p.call(typeLookup(rt, cls, 'copy')!, [x], null);
    const copier = p.getattrOrUndefined(cls, '__copy__');
    if (copier !== undefined) {
      p.own(copier);
      return p.call(copier, [x], null);
    }
    const reduction = reduce(rt, x);
    if (reduction === 'self') return x;
    return reconstruct(rt, x, null, reduction);
  });
}

// --- copy.deepcopy ---------------------------------------------------------------------

/** Classes _deepcopy_dispatch returns unchanged (_deepcopy_atomic), by exact type. */
function isAtomicForDeepcopy(rt: Runtime, x: PyObject): boolean {
  const t = rt.types;
  return [t.NoneType, t.ellipsis, t.NotImplementedType, t.int, t.float, t.bool, t.complex, t.bytes, t.str, t.code, t.type, t.range, t.builtin_function_or_method, t.function, t.weakref, t.property].includes(x.cls);
}

/** id(x) as the int copy.py keys its memo with. */
function idOf(rt: Runtime, x: PyObject): PyObject {
  return rt.vm.p.own(rt.int(addressOf(x)));
}

function memoDict(rt: Runtime, memo: PyObject): PyDict {
  if (!(memo instanceof PyDict)) throw rt.stop('unsupported', `copy.deepcopy with a memo of type '${memo.cls.name}' is not simulated`);
  return memo;
}

/** copy.deepcopy(x, memo). The result is in transit. */
export function deepcopy(rt: Runtime, x: PyObject, memoArg: PyObject): PyObject {
  const p = rt.vm.p;
  const t = rt.types;
  return inFrame(rt, [x, memoArg], () => {
    const memo = memoArg === rt.none ? (p.own(rt.newDict()) as PyDict) : memoDict(rt, memoArg);
    const d = idOf(rt, x);
    const found = dictGet(rt, memo, d);
    if (found !== undefined) return found;
    const cls = x.cls;
    let y: PyObject;
    if (isAtomicForDeepcopy(rt, x) || x instanceof PyType) y = x;
    else if (cls === t.list) y = p.own(deepcopyList(rt, x as PyList, memo));
    else if (cls === t.tuple) y = p.own(deepcopyTuple(rt, x as PyTuple, memo));
    else if (cls === t.dict) y = p.own(deepcopyDict(rt, x as PyDict, memo));
    else if (cls === t.method) y = p.own(deepcopyMethod(rt, x as PyMethod, memo));
    else {
      const copier = p.getattrOrUndefined(x, '__deepcopy__');
      if (copier !== undefined) {
        p.own(copier);
        y = p.own(p.call(copier, [memo], null));
      } else {
        const reduction = reduce(rt, x);
        y = reduction === 'self' ? x : p.own(reconstruct(rt, x, memo, reduction));
      }
    }
    // An object that is its own copy is not memoized.
    if (y !== x) {
      dictSet(rt, memo, d, y);
      keepAlive(rt, x, memo);
    }
    return y;
  });
}

/** _deepcopy_list: the new list is in the memo before its items are copied (so a cycle finds it). */
function deepcopyList(rt: Runtime, x: PyList, memo: PyDict): PyObject {
  const p = rt.vm.p;
  return inFrame(rt, [x, memo], () => {
    const y = p.own(rt.newList()) as PyList;
    dictSet(rt, memo, idOf(rt, x), y);
    for (const item of [...x.items]) p.run(() => y.append(rt.heap, p.own(deepcopy(rt, p.own(item), memo))));
    return y;
  });
}

/**
 * _deepcopy_tuple: the items first; a tuple whose copying put it in the memo (through a
 * cycle) is that copy; one whose items all came back unchanged is itself.
 */
function deepcopyTuple(rt: Runtime, x: PyTuple, memo: PyDict): PyObject {
  const p = rt.vm.p;
  return inFrame(rt, [x, memo], () => {
    const copies = p.own(rt.newList(x.items.map((item) => p.own(deepcopy(rt, item, memo))))) as PyList;
    const already = dictGet(rt, memo, idOf(rt, x));
    if (already !== undefined) return already;
    if (x.items.every((item, i) => item === copies.items[i])) return x;
    return rt.newTuple(copies.items);
  });
}

/** _deepcopy_dict: each key, then its value. */
function deepcopyDict(rt: Runtime, x: PyDict, memo: PyDict): PyObject {
  const p = rt.vm.p;
  return inFrame(rt, [x, memo], () => {
    const y = p.own(rt.newDict()) as PyDict;
    dictSet(rt, memo, idOf(rt, x), y);
    for (const entry of [...x.liveEntries()]) {
      p.run(() => {
        const key = p.own(deepcopy(rt, p.own(entry.key), memo));
        const value = p.own(deepcopy(rt, p.own(entry.value), memo));
        p.setitem(y, key, value);
      });
    }
    return y;
  });
}

/** _deepcopy_method: the same function bound to a copy of its object. */
function deepcopyMethod(rt: Runtime, x: PyMethod, memo: PyDict): PyObject {
  const p = rt.vm.p;
  return inFrame(rt, [x, memo], () => newMethod(rt, x.get('__func__')!, p.own(deepcopy(rt, x.get('__self__')!, memo))));
}

/** _keep_alive: memo[id(memo)] lists every original, so no id is reused while the memo lives. */
function keepAlive(rt: Runtime, x: PyObject, memo: PyDict): void {
  const p = rt.vm.p;
  p.run(() => {
    const key = idOf(rt, memo);
    const list = dictGet(rt, memo, key);
    if (list instanceof PyList) list.append(rt.heap, x);
    else if (list !== undefined) p.discard(p.callMethod(list, 'append', [x]));
    else dictSet(rt, memo, key, p.own(rt.newList([x])));
  });
}

// --- the reduce protocol -------------------------------------------------------------------

/**
 * What __reduce_ex__(4) says about an object: how to make a new one, the state to give
 * it, and the items to append or set. Values are held by the current scope.
 */
interface Reduction {
  readonly make: PyObject;
  readonly args: readonly PyObject[];
  /** The keyword arguments of copyreg.__newobj_ex__ (__getnewargs_ex__). */
  readonly kwargs: ReadonlyMap<string, PyObject> | null;
  readonly state: PyObject;
  readonly listItems: PyObject;
  readonly dictItems: PyObject;
}

/** A method a class defines in Python (or a library class in TypeScript), not object's. */
function ownMethod(rt: Runtime, cls: PyType, name: string): PyObject | undefined {
  const found = typeLookup(rt, cls, name);
  return found instanceof PyFunction ? found : undefined;
}

/**
 * getattr(x, "__reduce_ex__")(4), as object.__reduce_ex__ answers it: a class's own
 * __reduce_ex__ or __reduce__ first; the builtin types' __reduce__; otherwise
 * reduce_newobj (copyreg.__newobj__ with the class and its __getnewargs__, and the state).
 * 'self' when the reduction is a string (the object is its own copy).
 */
function reduce(rt: Runtime, x: PyObject): Reduction | 'self' {
  const p = rt.vm.p;
  const t = rt.types;
  const cls = x.cls;
  const own = ownMethod(rt, cls, '__reduce_ex__') !== undefined ? '__reduce_ex__' : ownMethod(rt, cls, '__reduce__') !== undefined ? '__reduce__' : null;
  if (own !== null) {
    const method = p.own(p.getattr(x, own));
    return fromReduceValue(rt, p.own(p.call(method, own === '__reduce_ex__' ? [rt.int(4)] : [], null)));
  }
  const none = rt.none;
  if ((x instanceof PySet && (cls === t.set || cls === t.frozenset)) || (x instanceof PyBytes && cls === t.bytearray)) {
    // set_reduce, bytearray_reduce_ex: the type called with a list of the items (the bytes).
    const contents = x instanceof PySet ? p.own(rt.newList(x.items)) : p.own(rt.bytes((x as PyBytes).value));
    return { make: cls, args: [contents], kwargs: null, state: none, listItems: none, dictItems: none };
  }
  if (cls === t.slice) {
    const slice = x as PyStruct;
    return { make: cls, args: ['start', 'stop', 'step'].map((f) => slice.get(f)!), kwargs: null, state: none, listItems: none, dictItems: none };
  }
  if (cls === t.method) {
    // method_reduce: getattr(self, name).
    const fn = (x as PyMethod).get('__func__')!;
    return { make: p.own(p.getattr(p.builtinsModule(), 'getattr')), args: [(x as PyMethod).get('__self__')!, p.own(p.getattr(fn, '__name__'))], kwargs: null, state: none, listItems: none, dictItems: none };
  }
  if (p.isException(x)) {
    // BaseException.__reduce__: the type and its args, then its __dict__ when it holds anything.
    const state = instanceDictSize(x) > 0 ? instanceDict(rt, x)! : none;
    return { make: cls, args: [...(p.own(p.getattr(x, 'args')) as PyTuple).items], kwargs: null, state, listItems: none, dictItems: none };
  }
  if (cls.isHeapType && (x instanceof PyInstance || x instanceof PyList || x instanceof PyDict || x instanceof PyTuple)) return reduceNewobj(rt, x);
  throw rt.stop('unsupported', `copying '${cls.name}' objects is not simulated`);
}

/** Reads a __reduce__/__reduce_ex__ result: a string, or a tuple of 2 to 5 items. */
function fromReduceValue(rt: Runtime, rv: PyObject): Reduction | 'self' {
  const p = rt.vm.p;
  if (rv instanceof PyStr) return 'self';
  if (!(rv instanceof PyTuple)) throw raiseInstance(rt, state(rt).error, [p.own(rt.str(`__reduce__ must return a string or tuple`))]);
  const [make, args, st, listItems, dictItems] = rv.items;
  if (rv.items.length < 2 || rv.items.length > 5) throw rt.error('TypeError', `_reconstruct() takes from 4 to 7 positional arguments but ${rv.items.length + 2} were given`);
  const none = rt.none;
  return { make, args: p.collectItems(args), kwargs: null, state: st ?? none, listItems: listItems ?? none, dictItems: dictItems ?? none };
}

/**
 * reduce_newobj: copyreg.__newobj__(cls, *args) with the arguments __getnewargs_ex__ or
 * __getnewargs__ give (none without them), the state (a class's __getstate__, or the
 * instance's __dict__ and slots), and the items of a list or dict.
 */
function reduceNewobj(rt: Runtime, x: PyObject): Reduction {
  const p = rt.vm.p;
  const cls = x.cls;
  const none = rt.none;
  let args: readonly PyObject[] = [];
  let kwargs: Map<string, PyObject> | null = null;
  if (ownMethod(rt, cls, '__getnewargs_ex__') !== undefined) {
    const pair = p.own(p.callMethod(x, '__getnewargs_ex__', []));
    const [a, k] = p.collectItems(pair);
    args = p.collectItems(a);
    kwargs = k instanceof PyDict && k.size > 0 ? p.dictToStrMap(k) : null;
  } else if (ownMethod(rt, cls, '__getnewargs__') !== undefined) {
    args = p.collectItems(p.own(p.callMethod(x, '__getnewargs__', [])));
  }
  const newFunction = p.own(p.getattr(cls, '__new__'));
  const listItems = x instanceof PyList ? p.own(p.getIter(x)) : none;
  const dictItems = x instanceof PyDict ? p.own(p.getIter(p.own(p.callMethod(x, 'items', [])))) : none;
  return { make: newFunction, args: [cls, ...args], kwargs, state: getState(rt, x), listItems, dictItems };
}

/**
 * The state reduce_newobj saves: the class's own __getstate__, or object's — the
 * instance's __dict__ when it holds anything (reading it makes the dict, in 3.11–3.12
 * moving the attributes out of the instance), paired with a dict of the filled slots.
 */
function getState(rt: Runtime, x: PyObject): PyObject {
  const p = rt.vm.p;
  if (ownMethod(rt, x.cls, '__getstate__') !== undefined) return p.own(p.callMethod(x, '__getstate__', []));
  let result: PyObject = rt.none;
  if (instanceDictSize(x) > 0) result = instanceDict(rt, x)!;
  const names = slotNames(rt, x.cls);
  if (names.length > 0) {
    const slots = p.own(rt.newDict()) as PyDict;
    for (const name of names) {
      const value = x.attrs?.values.get(name);
      if (value !== undefined) dictSet(rt, slots, rt.intern(name), value);
    }
    if (slots.size > 0) result = p.own(rt.newTuple([result, slots]));
  }
  return result;
}

/** How many attributes an instance's __dict__ would show (without making it). */
function instanceDictSize(x: PyObject): number {
  const attrs = x.attrs;
  if (attrs === null) return 0;
  if (attrs.inDict) return attrs.dict!.size;
  const slots = x.cls.slots ?? [];
  return [...attrs.values.keys()].filter((name) => !slots.includes(name)).length;
}

/**
 * copyreg._slotnames: the class's __slots__ names along its MRO (private names mangled,
 * __dict__ and __weakref__ left out), cached in the class as __slotnames__.
 */
function slotNames(rt: Runtime, cls: PyType): string[] {
  const p = rt.vm.p;
  const cached = cls.dict !== null ? dictGetStr(cls.dict, '__slotnames__') : undefined;
  if (cached !== undefined) return cached instanceof PyList ? cached.items.filter((n): n is PyStr => n instanceof PyStr).map((n) => n.value) : [];
  const names: string[] = [];
  for (const c of cls.mro) {
    const slots = c.dict !== null ? dictGetStr(c.dict, '__slots__') : undefined;
    if (slots === undefined) continue;
    const declared = slots instanceof PyStr ? [slots.value] : p.scopeCollectStrings(slots);
    for (const name of declared) {
      if (name === '__dict__' || name === '__weakref__') continue;
      const stripped = c.name.replace(/^_+/, '');
      names.push(name.startsWith('__') && !name.endsWith('__') && stripped !== '' ? `_${stripped}${name}` : name);
    }
  }
  if (cls.isHeapType) p.run(() => p.setattr(cls, '__slotnames__', p.own(rt.newList(names.map((n) => rt.intern(n))))));
  return names;
}

/**
 * _reconstruct: makes the copy from a reduction (deep-copying the arguments, state and
 * items when `memo` is given, and memoizing the copy before its state is copied).
 */
function reconstruct(rt: Runtime, x: PyObject, memo: PyDict | null, r: Reduction): PyObject {
  const p = rt.vm.p;
  const none = rt.none;
  return inFrame(rt, [x, ...(memo ? [memo] : []), r.make, ...r.args, r.state, r.listItems, r.dictItems], () => {
    const deep = memo !== null;
    const args = deep ? r.args.map((arg) => p.own(deepcopy(rt, arg, memo))) : r.args;
    const y = p.own(p.call(r.make, args, r.kwargs));
    if (deep) dictSet(rt, memo, idOf(rt, x), y);
    let st = r.state;
    if (st !== none) {
      if (deep) st = p.own(deepcopy(rt, st, memo));
      const setstate = p.getattrOrUndefined(y, '__setstate__');
      if (setstate !== undefined) {
        p.own(setstate);
        p.discard(p.call(setstate, [st], null));
      } else {
        let slotState: PyObject = none;
        if (st instanceof PyTuple && st.items.length === 2) [st, slotState] = st.items;
        if (st !== none) p.dictUpdate(p.own(p.getattr(y, '__dict__')) as PyDict, st, false);
        if (slotState !== none) {
          for (const pair of collect(rt, p.own(p.callMethod(slotState, 'items', [])))) {
            const [key, value] = collect(rt, pair);
            p.setattr(y, (key as PyStr).value, value);
          }
        }
      }
    }
    if (r.listItems !== none) {
      for (const item of collect(rt, r.listItems)) {
        p.run(() => p.discard(p.callMethod(y, 'append', [deep ? p.own(deepcopy(rt, item, memo)) : item])));
      }
    }
    if (r.dictItems !== none) {
      for (const pair of collect(rt, r.dictItems)) {
        p.run(() => {
          const [key, value] = collect(rt, pair);
          p.setitem(y, deep ? p.own(deepcopy(rt, key, memo)) : key, deep ? p.own(deepcopy(rt, value, memo)) : value);
        });
      }
    }
    return y;
  });
}

// --- copy.replace (3.13+) ------------------------------------------------------------------

/** copy.replace(obj, /, **changes): the class's __replace__. */
function replace(rt: Runtime, obj: PyObject, changes: ReadonlyMap<string, PyObject>): PyObject {
  const p = rt.vm.p;
  return inFrame(rt, [obj], () => {
    const cls = obj.cls;
    const func = p.getattrOrUndefined(cls, '__replace__');
    if (func === undefined) throw rt.error('TypeError', `replace() does not support ${cls.name} objects`);
    p.own(func);
    return p.call(func, [obj], changes);
  });
}

