import type * as ast from '../ast';
import type { HeapObject, Label, Release } from '../../core/heapObject';
import { WEAKREF_CALLBACK_LABEL, WeakReferenceObject } from '../../core/heapObject';
import { PyObject, PyType } from '../objects/base';
import { PyBuiltin } from '../objects/callables';
import { PyDict, PyList } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { getattr } from '../runtime/attributes';
import { dictDeleteAt, dictSet } from '../runtime/dicts';
import type { Runtime } from '../runtime/runtime';
import { hexAddress } from '../runtime/text';

/**
 * Weak references: weakref.ref, proxy, finalize, and the weak containers. A weak reference
 * does not count; the core clears it when the referent dies and calls its callback.
 */

export class PyWeakref extends PyObject implements WeakReferenceObject {
  readonly isWeakReference = true as const;
  referent: HeapObject | null = null;
  callback: PyObject | null = null;
  /** hash(ref) is the referent's hash, remembered after it dies. */
  hashKey: string | number | null = null;

  traverse(visit: (target: HeapObject) => void): void {
    if (this.callback) visit(this.callback);
    this.traverseExtras(visit);
  }
  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    if (this.callback) visit(WEAKREF_CALLBACK_LABEL, this.callback);
    this.referencesExtras(visit);
  }
  releaseReferences(release: Release): void {
    const callback = this.callback;
    this.callback = null;
    if (callback) release(WEAKREF_CALLBACK_LABEL, callback);
    this.releaseExtras(release);
  }
  /** weakref_dealloc: a dying weak reference leaves its referent's list. */
  peekCallback(): HeapObject | null {
    return this.callback;
  }
  takeCallback(): HeapObject | null {
    const c = this.callback;
    this.callback = null;
    return c;
  }
  get target(): PyObject | null {
    return this.referent as PyObject | null;
  }
}

function isWeakref(rt: Runtime, o: PyObject): o is PyWeakref {
  return o instanceof PyWeakref;
}

/** weakref.ref(obj[, callback]) and the proxies: PyWeakref_NewRef's list placement. */
export function newWeakref(rt: Runtime, type: PyType, referent: PyObject, callback: PyObject | null): PyWeakref {
  if (!referent.cls.weakrefable || (referent.cls.isHeapType === false && !referent.cls.weakrefable)) {
    throw rt.error('TypeError', `cannot create weak reference to '${referent.cls.name}' object`);
  }
  const list = (referent.weakrefs ?? []) as PyWeakref[];
  const basicRef = list.find((w) => w.cls === rt.types.weakref && w.callback === null) ?? null;
  const basicProxy = list.find((w) => w.cls !== rt.types.weakref && w.callback === null) ?? null;
  // A plain ref without callback is shared (weakref.ref(o) is weakref.ref(o)).
  if (callback === null && type === rt.types.weakref && basicRef !== null) return basicRef;
  if (callback === null && type !== rt.types.weakref && basicProxy !== null) return basicProxy;
  const ref = rt.heap.allocate(new PyWeakref(type), { gc: true });
  if (callback !== null && callback !== rt.none) {
    ref.callback = callback;
    rt.heap.incref(ref, WEAKREF_CALLBACK_LABEL, callback);
  }
  let position = 0;
  if (!(callback === null && type === rt.types.weakref)) {
    const prev = basicProxy ?? basicRef;
    position = prev === null ? 0 : list.indexOf(prev) + 1;
  }
  rt.heap.addWeakref(referent, ref, position);
  rt.heap.track(ref);
  return ref;
}

export function weakrefRepr(rt: Runtime, obj: PyObject): string | null {
  if (obj instanceof PyWeakref) {
    const target = obj.target;
    const kind = obj.cls === rt.types.weakref ? 'weakref' : 'weakproxy';
    if (target === null) return `<${kind} at ${hexAddress(obj)}; dead>`;
    return `<${kind} at ${hexAddress(obj)}; to '${target.cls.qualifiedName()}' at ${hexAddress(target)}>`;
  }
  if (obj instanceof PyStruct && obj.cls === rt.types.finalize) return `<finalize object at ${hexAddress(obj)}; ${obj.state && (obj.state as FinalizeState).alive ? 'for' : 'dead'}>`;
  return null;
}

export function weakrefCall(rt: Runtime, callable: PyObject, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject | null {
  if (callable instanceof PyWeakref && callable.cls === rt.types.weakref) {
    if (args.length) throw rt.error('TypeError', `weakref() takes no arguments`);
    return callable.target ?? rt.none;
  }
  if (callable instanceof PyWeakref) return rt.vm.p.call(proxyTarget(rt, callable), args, kwargs);
  if (callable instanceof PyStruct && callable.cls === rt.types.finalize) return callFinalize(rt, callable);
  return null;
}

export function proxyTarget(rt: Runtime, proxy: PyWeakref): PyObject {
  const target = proxy.target;
  if (target === null) throw rt.error('ReferenceError', 'weakly-referenced object no longer exists');
  return target;
}

// --- weakref.finalize ----------------------------------------------------------------

interface FinalizeState {
  alive: boolean;
  index: number;
}

let finalizeCount = 0;

/** weakref.finalize(obj, func, *args, **kwargs): kept alive by a registry until it runs. */
function makeFinalize(rt: Runtime, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  if (args.length < 2) throw rt.error('TypeError', 'finalize expected at least 2 positional arguments');
  const [obj, func, ...rest] = args;
  const heap = rt.heap;
  const fin = heap.allocate(new PyStruct(rt.types.finalize), { gc: true });
  fin.state = { alive: true, index: finalizeCount++ } satisfies FinalizeState;
  fin.set(heap, 'func', func);
  fin.set(heap, 'args', rt.newTuple(rest));
  const kw = rt.newDict();
  fin.set(heap, 'kwargs', kw);
  if (kwargs) for (const [k, v] of kwargs) dictSet(rt, kw, rt.intern(k), v);
  // The weak reference's callback is the finalize object itself.
  const ref = newWeakref(rt, rt.types.weakref, obj, fin);
  fin.set(heap, 'weakref', ref);
  heap.track(fin);
  heap.incref(rt.finalizeRegistry, 'registered', fin);
  return fin;
}

function callFinalize(rt: Runtime, fin: PyStruct): PyObject {
  const state = fin.state as FinalizeState;
  if (!state.alive) return rt.none;
  state.alive = false;
  const p = rt.vm.p;
  return p.scope(() => {
    const func = p.own(fin.get('func')!);
    const args = p.own(fin.get('args')!) as PyStruct & { items: PyObject[] };
    const kw = p.own(fin.get('kwargs')!) as PyDict;
    detachFinalize(rt, fin);
    return p.call(func, args.items, p.dictToStrMap(kw));
  });
}

function detachFinalize(rt: Runtime, fin: PyStruct): void {
  (fin.state as FinalizeState).alive = false;
  const ref = fin.get('weakref');
  if (ref instanceof PyWeakref) rt.heap.clearWeakref(ref);
  for (const field of ['weakref', 'kwargs', 'args', 'func']) fin.clear(rt.heap, field);
  const registry = rt.finalizeRegistry;
  const i = registry.targets.indexOf(fin);
  if (i >= 0) rt.heap.decref(registry, 'registered', fin);
}

// --- weak containers -----------------------------------------------------------------

/**
 * WeakValueDictionary: a dict of key → weak reference whose callback removes the key.
 * WeakKeyDictionary and WeakSet: a list of (weak reference to key, value) pairs whose
 * callbacks remove the pair.
 */
function newWeakContainer(rt: Runtime, type: PyType): PyStruct {
  const c = rt.heap.allocate(new PyStruct(type), { gc: true });
  c.set(rt.heap, 'data', type === rt.types.WeakValueDictionary ? rt.newDict() : rt.newList());
  rt.heap.track(c);
  return c;
}

/** The builtin used as callback: removes the dead entry from its container. */
function remover(rt: Runtime, container: PyStruct): PyBuiltin {
  return rt.heap.allocate(
    new PyBuiltin(rt.types.builtin_function_or_method, 'remove', (args) => {
      removeDead(rt, container, args[0]);
      return rt.none;
    }),
  );
}

function removeDead(rt: Runtime, container: PyStruct, ref: PyObject): void {
  if (container.freed) return;
  const data = container.get('data');
  if (data instanceof PyDict) {
    data.entries.forEach((e, i) => {
      if (e !== null && e.value === ref) dictDeleteAt(rt, data, i);
    });
  } else if (data instanceof PyList) {
    const i = data.items.findIndex((pair) => (pair as PyStruct).get('ref') === ref);
    if (i >= 0) data.removeRange(rt.heap, i, i + 1);
  }
}

function pairsOf(container: PyStruct): PyStruct[] {
  return ((container.get('data') as PyList).items as PyStruct[]).filter((pair) => (pair.get('ref') as PyWeakref).target !== null);
}

function findPair(rt: Runtime, container: PyStruct, key: PyObject): PyStruct | undefined {
  return pairsOf(container).find((pair) => {
    const k = (pair.get('ref') as PyWeakref).target!;
    return k === key || rt.vm.p.equals(k, key);
  });
}

function weakDictGet(rt: Runtime, c: PyStruct, key: PyObject): PyObject | undefined {
  if (c.cls === rt.types.WeakValueDictionary) {
    const data = c.get('data') as PyDict;
    for (const e of data.liveEntries()) if (e.key === key || rt.vm.p.equals(e.key, key)) return (e.value as PyWeakref).target ?? undefined;
    return undefined;
  }
  const pair = findPair(rt, c, key);
  return pair?.get('value');
}

function weakSet(rt: Runtime, c: PyStruct, key: PyObject, value: PyObject): void {
  const heap = rt.heap;
  if (c.cls === rt.types.WeakValueDictionary) {
    const ref = newWeakref(rt, rt.types.weakref, value, remover(rt, c));
    rt.vm.p.run(() => {
      rt.vm.p.own(ref);
      dictSet(rt, c.get('data') as PyDict, key, ref);
    });
    return;
  }
  const existing = findPair(rt, c, key);
  if (existing) {
    existing.set(heap, 'value', value);
    return;
  }
  const pair = heap.allocate(new PyStruct(rt.types.weakref_entry), { gc: true });
  rt.vm.p.run(() => {
    rt.vm.p.own(pair);
    pair.set(heap, 'ref', newWeakref(rt, rt.types.weakref, key, remover(rt, c)));
    pair.set(heap, 'value', value);
    heap.track(pair);
    (c.get('data') as PyList).append(heap, pair);
  });
}

export function weakContainerLength(rt: Runtime, c: PyStruct): number | null {
  const t = rt.types;
  if (c.cls === t.WeakValueDictionary) return [...(c.get('data') as PyDict).liveEntries()].filter((e) => (e.value as PyWeakref).target !== null).length;
  if (c.cls === t.WeakKeyDictionary || c.cls === t.WeakSet) return pairsOf(c).length;
  return null;
}

export function weakContainerContains(rt: Runtime, c: PyStruct, item: PyObject): boolean | null {
  const t = rt.types;
  if (c.cls === t.WeakValueDictionary || c.cls === t.WeakKeyDictionary || c.cls === t.WeakSet) return weakDictGet(rt, c, item) !== undefined;
  return null;
}

export function weakContainerGetitem(rt: Runtime, c: PyStruct, key: PyObject): PyObject | null {
  const t = rt.types;
  if (c.cls !== t.WeakValueDictionary && c.cls !== t.WeakKeyDictionary) return null;
  const value = weakDictGet(rt, c, key);
  if (value === undefined) throw rt.vm.raiseObject(rt.vm.p.instantiateException(t.exceptions.get('KeyError')!, [key]));
  return value;
}

/** The live keys (or set items) of a weak container, as a list to iterate. */
export function weakContainerIter(rt: Runtime, c: PyStruct): PyObject | null {
  const t = rt.types;
  let items: PyObject[];
  if (c.cls === t.WeakValueDictionary) items = [...(c.get('data') as PyDict).liveEntries()].filter((e) => (e.value as PyWeakref).target !== null).map((e) => e.key);
  else if (c.cls === t.WeakKeyDictionary || c.cls === t.WeakSet) items = pairsOf(c).map((pair) => (pair.get('ref') as PyWeakref).target!);
  else return null;
  return rt.vm.p.scope(() => rt.vm.p.getIter(rt.vm.p.own(rt.newList(items))));
}

export function weakrefCompare(rt: Runtime, op: ast.CmpOp, a: PyObject, b: PyObject): boolean | null {
  if (!(a instanceof PyWeakref) || !(b instanceof PyWeakref) || (op !== 'Eq' && op !== 'NotEq')) return null;
  const ta = a.target;
  const tb = b.target;
  const same = ta !== null && tb !== null ? ta === tb || rt.vm.p.equals(ta, tb) : a === b;
  return same === (op === 'Eq');
}

export const weakrefConstructors: Record<string, (rt: Runtime, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null, type: PyType) => PyObject> = {
  [`weakref`]: (rt, args) => newWeakref(rt, rt.types.weakref, args[0], args[1] ?? null),
  ['weakref.ReferenceType']: (rt, args) => newWeakref(rt, rt.types.weakref, args[0], args[1] ?? null),
  finalize: (rt, args, kwargs) => makeFinalize(rt, args, kwargs),
  WeakValueDictionary: (rt) => newWeakContainer(rt, rt.types.WeakValueDictionary),
  WeakKeyDictionary: (rt) => newWeakContainer(rt, rt.types.WeakKeyDictionary),
  WeakSet: (rt, args) => {
    const c = newWeakContainer(rt, rt.types.WeakSet);
    if (args.length) {
      rt.transitResult(c);
      rt.vm.p.run(() => {
        for (const item of rt.vm.p.collectItems(args[0])) weakSet(rt, c, item, rt.none);
      });
    }
    return c;
  },
};

/** Methods of the weak containers and finalize objects. */
export function installWeakrefMethods(rt: Runtime): void {
  const t = rt.types;
  const m = (fn: (self: PyStruct, args: readonly PyObject[]) => PyObject) => (args: readonly PyObject[]) => fn(args[0] as PyStruct, args.slice(1));
  const dictLike = {
    __setitem__: m((self, [k, v]) => {
      weakSet(rt, self, k, v);
      return rt.none;
    }),
    __getitem__: m((self, [k]) => weakContainerGetitem(rt, self, k)!),
    get: m((self, [k, dflt]) => weakDictGet(rt, self, k) ?? dflt ?? rt.none),
    __contains__: m((self, [k]) => rt.bool(weakDictGet(rt, self, k) !== undefined)),
    __len__: m((self) => rt.int(weakContainerLength(rt, self)!)),
    __delitem__: m((self, [k]) => {
      if (weakDictGet(rt, self, k) === undefined) throw rt.vm.raiseObject(rt.vm.p.instantiateException(t.exceptions.get('KeyError')!, [k]));
      deleteKey(rt, self, k);
      return rt.none;
    }),
    pop: m((self, [k, dflt]) => {
      const v = weakDictGet(rt, self, k);
      if (v === undefined) {
        if (dflt !== undefined) return dflt;
        throw rt.vm.raiseObject(rt.vm.p.instantiateException(t.exceptions.get('KeyError')!, [k]));
      }
      rt.transitResult(v);
      deleteKey(rt, self, k);
      return v;
    }),
    keys: m((self) => rt.newList(liveItems(rt, self, 'keys'))),
    values: m((self) => rt.newList(liveItems(rt, self, 'values'))),
    items: m((self) => rt.vm.p.scope(() => rt.newList(liveItems(rt, self, 'keys').map((k, i) => rt.vm.p.own(rt.newTuple([k, liveItems(rt, self, 'values')[i]])))))),
    setdefault: m((self, [k, v]) => {
      const found = weakDictGet(rt, self, k);
      if (found !== undefined) return found;
      weakSet(rt, self, k, v ?? rt.none);
      return v ?? rt.none;
    }),
  };
  t.WeakValueDictionary.native = { methods: dictLike };
  t.WeakKeyDictionary.native = { methods: dictLike };
  t.WeakSet.native = {
    methods: {
      add: m((self, [item]) => {
        weakSet(rt, self, item, rt.none);
        return rt.none;
      }),
      discard: m((self, [item]) => {
        if (weakDictGet(rt, self, item) !== undefined) deleteKey(rt, self, item);
        return rt.none;
      }),
      remove: m((self, [item]) => {
        if (weakDictGet(rt, self, item) === undefined) throw rt.vm.raiseObject(rt.vm.p.instantiateException(t.exceptions.get('KeyError')!, [item]));
        deleteKey(rt, self, item);
        return rt.none;
      }),
      __len__: m((self) => rt.int(weakContainerLength(rt, self)!)),
      __contains__: m((self, [item]) => rt.bool(weakDictGet(rt, self, item) !== undefined)),
    },
  };
  t.finalize.native = {
    methods: {
      detach: m((self) => {
        const state = self.state as FinalizeState;
        if (!state.alive) return rt.none;
        const target = (self.get('weakref') as PyWeakref | undefined)?.target ?? null;
        if (target === null) return rt.none;
        const result = rt.vm.p.scope(() => {
          const info = rt.newTuple([target, self.get('func')!, self.get('args')!, self.get('kwargs')!]);
          rt.vm.p.own(info);
          detachFinalize(rt, self);
          return info;
        });
        return result;
      }),
      peek: m((self) => {
        const state = self.state as FinalizeState;
        const target = (self.get('weakref') as PyWeakref | undefined)?.target ?? null;
        if (!state.alive || target === null) return rt.none;
        return rt.newTuple([target, self.get('func')!, self.get('args')!, self.get('kwargs')!]);
      }),
    },
    getters: {
      alive: (self) => rt.bool((self as PyStruct).state !== null && ((self as PyStruct).state as FinalizeState).alive),
      atexit: () => rt.true_,
    },
  };
  t.weakref.native = { getters: { __callback__: (self) => (self as PyWeakref).callback ?? rt.none } };
}

function deleteKey(rt: Runtime, c: PyStruct, key: PyObject): void {
  if (c.cls === rt.types.WeakValueDictionary) {
    const data = c.get('data') as PyDict;
    data.entries.forEach((e, i) => {
      if (e !== null && (e.key === key || rt.vm.p.equals(e.key, key))) dictDeleteAt(rt, data, i);
    });
    return;
  }
  const data = c.get('data') as PyList;
  const i = data.items.findIndex((pair) => {
    const k = ((pair as PyStruct).get('ref') as PyWeakref).target;
    return k !== null && (k === key || rt.vm.p.equals(k, key));
  });
  if (i >= 0) data.removeRange(rt.heap, i, i + 1);
}

function liveItems(rt: Runtime, c: PyStruct, which: 'keys' | 'values'): PyObject[] {
  if (c.cls === rt.types.WeakValueDictionary) {
    const entries = [...(c.get('data') as PyDict).liveEntries()].filter((e) => (e.value as PyWeakref).target !== null);
    return entries.map((e) => (which === 'keys' ? e.key : (e.value as PyWeakref).target!));
  }
  return pairsOf(c).map((pair) => (which === 'keys' ? (pair.get('ref') as PyWeakref).target! : pair.get('value')!));
}

/** Attribute access through a proxy goes to the referent. */
export function proxyGetattr(rt: Runtime, proxy: PyWeakref, name: string): PyObject {
  return getattr(rt, proxyTarget(rt, proxy), name);
}

export { isWeakref };
