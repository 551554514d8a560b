import type * as ast from '../ast';
import type { HeapObject, Label, Release } from '../../core/heapObject';
import { WEAKREF_CALLBACK_LABEL, WeakReferenceObject } from '../../core/heapObject';
import { PyStr } from '../objects/atoms';
import { PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyFunction, PyGenerator } from '../objects/callables';
import { PyDict, PyList } from '../objects/containers';
import { AttributeStore } from '../objects/instance';
import { PyStruct } from '../objects/struct';
import { bind, newMethod, typeLookup } from '../runtime/attributes';
import { dictDeleteAt, dictSet } from '../runtime/dicts';
import { isIterator } from '../runtime/iteration';
import type { Runtime } from '../runtime/runtime';
import { hexAddress } from '../runtime/text';

/**
 * Weak references: weakref.ref (and its subclasses, WeakMethod among them), proxy,
 * finalize, and the weak containers. A weak reference does not count; the core clears it
 * when the referent dies and calls its callback, and a weak reference that dies first
 * leaves its referent's list.
 */

export class PyWeakref extends PyObject implements WeakReferenceObject {
  readonly isWeakReference = true as const;
  referent: HeapObject | null = null;
  callback: PyObject | null = null;
  /** weakref_hash's cache: the referent's hash, computed once and kept after it dies. */
  hash: number | bigint | null = null;

  /** Instances of subclasses hold their class, WeakMethod's too (a class of Lib/weakref.py). */
  override get holdsClass(): boolean {
    return this.cls.isHeapType || this.cls.module !== null;
  }

  // subtype_traverse: a subclass instance's slots, dict and class, then gc_traverse's callback.
  traverse(visit: (target: HeapObject) => void): void {
    this.traverseExtras(visit);
    if (this.callback) visit(this.callback);
  }
  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    this.referencesExtras(visit);
    if (this.callback) visit(WEAKREF_CALLBACK_LABEL, this.callback);
  }
  // subtype_dealloc: slots and dict, then weakref_dealloc (the callback), then the class.
  releaseReferences(release: Release): void {
    if (this.attrs !== null) this.attrs.release(release, null);
    const callback = this.callback;
    this.callback = null;
    if (callback) release(WEAKREF_CALLBACK_LABEL, callback);
    if (this.holdsClass) release('__class__', this.cls);
  }
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

function isProxyType(rt: Runtime, type: PyType): boolean {
  return type === rt.types.weakproxy || type === rt.types.weakcallableproxy;
}

/** PyWeakref_CheckProxy. */
export function isProxy(rt: Runtime, obj: PyObject): obj is PyWeakref {
  return obj instanceof PyWeakref && isProxyType(rt, obj.cls);
}

function isWeakMethod(rt: Runtime, obj: PyObject): obj is PyWeakref {
  return obj instanceof PyWeakref && obj.cls.isSubtypeOf(rt.types.WeakMethod);
}

// --- making weak references ------------------------------------------------------------

/**
 * get_basic_refs: the shared callback-less ref and proxy. They lead the referent's list
 * (the ref first), so only its first two entries are looked at.
 */
function basicRefs(rt: Runtime, referent: HeapObject): { ref: PyWeakref | null; proxy: PyWeakref | null } {
  const list = (referent.weakrefs ?? []) as PyWeakref[];
  let ref: PyWeakref | null = null;
  let proxy: PyWeakref | null = null;
  const head = list[0];
  if (head !== undefined && head.callback === null) {
    if (head.cls === rt.types.weakref) ref = head;
    const next = ref === null ? head : list[1];
    if (next !== undefined && next.callback === null && isProxyType(rt, next.cls)) proxy = next;
  }
  return { ref, proxy };
}

/**
 * weakref.ref(obj, callback) (weakref___new__, also for subclasses) and weakref.proxy(obj,
 * callback) (PyWeakref_NewProxy; pass either proxy type). A ref or proxy without callback
 * is shared; a new one takes its place in the referent's list: the basic ref at the head,
 * the basic proxy after it, any other after both (so the newest of those comes first).
 */
export function newWeakref(rt: Runtime, type: PyType, referent: PyObject, callback: PyObject | null): PyWeakref {
  if (!referent.cls.weakrefable) throw rt.error('TypeError', `cannot create weak reference to '${referent.cls.name}' object`);
  const cb = callback === rt.none ? null : callback;
  const proxy = isProxyType(rt, type);
  const basic = basicRefs(rt, referent);
  if (cb === null && type === rt.types.weakref && basic.ref !== null) return basic.ref;
  if (cb === null && proxy && basic.proxy !== null) return basic.proxy;
  const actualType = proxy ? (rt.vm.p.isCallable(referent) ? rt.types.weakcallableproxy : rt.types.weakproxy) : type;
  const ref = rt.heap.allocate(new PyWeakref(actualType), { gc: true });
  // Instances of a subclass hold their class (PyType_GenericAlloc).
  if (ref.holdsClass) rt.heap.incref(ref, '__class__', actualType);
  if (cb !== null) {
    ref.callback = cb;
    rt.heap.incref(ref, WEAKREF_CALLBACK_LABEL, cb);
  }
  // The allocation may have collected: look at the list again, as CPython does.
  const { ref: basicRef, proxy: basicProxy } = basicRefs(rt, referent);
  let prev: PyWeakref | null;
  if (cb === null && type === rt.types.weakref) prev = null;
  else if (cb === null && proxy) prev = basicRef;
  else prev = basicProxy ?? basicRef;
  rt.heap.addWeakref(referent, ref, prev === null ? 0 : referent.weakrefs!.indexOf(prev) + 1);
  rt.heap.track(ref);
  return ref;
}

/** The arguments of ref(obj[, callback]) and proxy(obj[, callback]) (PyArg_UnpackTuple). */
function referentAndCallback(rt: Runtime, name: string, args: readonly PyObject[]): [PyObject, PyObject | null] {
  if (args.length < 1) throw rt.error('TypeError', `${name} expected at least 1 argument, got 0`);
  if (args.length > 2) throw rt.error('TypeError', `${name} expected at most 2 arguments, got ${args.length}`);
  return [args[0], args[1] ?? null];
}

/** `ref.__new__(cls, obj[, callback])` for `cls` a subclass of `owner` (ref or WeakMethod): its instance. */
export function newWeakrefOfType(rt: Runtime, owner: PyType, cls: PyType, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  if (owner.isSubtypeOf(rt.types.WeakMethod)) return newWeakMethod(rt, cls, args, kwargs);
  const [referent, callback] = referentAndCallback(rt, '__new__', args);
  return newWeakref(rt, cls, referent, callback);
}

/** weakref.proxy(obj[, callback]). */
export function newProxy(rt: Runtime, args: readonly PyObject[]): PyObject {
  const [referent, callback] = referentAndCallback(rt, 'proxy', args);
  return newWeakref(rt, rt.types.weakproxy, referent, callback);
}

// --- what weak references do -------------------------------------------------------------

export function weakrefRepr(rt: Runtime, obj: PyObject): string | null {
  if (obj instanceof PyWeakref) {
    const target = obj.target;
    if (isProxyType(rt, obj.cls)) {
      // proxy_repr: 3.13 quotes the type and says "dead"; before, a dead proxy's referent was None.
      if (rt.lang.weakproxyReprQuoted) return target === null ? `<weakproxy at ${hexAddress(obj)}; dead>` : `<weakproxy at ${hexAddress(obj)}; to '${target.cls.name}' at ${hexAddress(target)}>`;
      const shown = target ?? rt.none;
      return `<weakproxy at ${hexAddress(obj)} to ${shown.cls.name} at ${hexAddress(shown)}>`;
    }
    if (target === null) return `<weakref at ${hexAddress(obj)}; dead>`;
    const name = referentName(rt, target);
    return `<weakref at ${hexAddress(obj)}; to '${target.cls.name}' at ${hexAddress(target)}${name === null ? '' : ` (${name})`}>`;
  }
  if (obj instanceof PyStruct && obj.cls === rt.types.finalize) return `<finalize object at ${hexAddress(obj)}; ${obj.state && (obj.state as FinalizeState).alive ? 'for' : 'dead'}>`;
  return null;
}

/**
 * The referent's `__name__` that weakref_repr adds when it is a str: any attribute in 3.10,
 * from 3.11 only one its type defines (_PyObject_LookupSpecial), which a bound method's is not.
 */
function referentName(rt: Runtime, target: PyObject): string | null {
  const p = rt.vm.p;
  let name: string | null = null;
  const fromType = target instanceof PyType || target instanceof PyFunction || target instanceof PyGenerator || target instanceof PyBuiltin;
  if (!rt.lang.weakrefReprNameFromType || fromType) {
    p.run(() => {
      try {
        const value = p.own(p.getattr(target, '__name__'));
        if (value instanceof PyStr) name = value.value;
      } catch (e) {
        if (!p.isAttributeError(e)) throw e;
      }
    });
  } else if (target.cls.isHeapType) {
    const found = typeLookup(rt, target.cls, '__name__');
    if (found !== undefined) {
      p.run(() => {
        const value = p.own(bind(rt, found, target, target.cls));
        if (value instanceof PyStr) name = value.value;
      });
    }
  }
  return name;
}

/** Calls a ref (its referent or None), a WeakMethod, a callable proxy or a finalize; null for anything else. */
export function weakrefCall(rt: Runtime, callable: PyObject, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject | null {
  if (callable instanceof PyWeakref) {
    if (isProxyType(rt, callable.cls)) {
      if (callable.cls !== rt.types.weakcallableproxy) return null;
      return forward(rt, [callable], ([target]) => rt.vm.p.call(target, args, kwargs));
    }
    // A subclass may define its own __call__.
    const call = callable.cls.isHeapType ? typeLookup(rt, callable.cls, '__call__') : undefined;
    if (call instanceof PyFunction) return rt.vm.p.call(call, [callable, ...args], kwargs);
    if (isWeakMethod(rt, callable)) {
      checkNoArguments(rt, 'WeakMethod.__call__', args, kwargs);
      return callWeakMethod(rt, callable);
    }
    return refCall(rt, callable, args, kwargs);
  }
  if (callable instanceof PyStruct && callable.cls === rt.types.finalize) return callFinalize(rt, callable);
  return null;
}

/** weakref_call / weakref_vectorcall: no arguments; the referent, or None once it died. */
function refCall(rt: Runtime, ref: PyWeakref, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  const vectorcall = rt.lang.weakrefVectorcall;
  if (kwargs !== null && kwargs.size > 0) throw rt.error('TypeError', vectorcall ? 'weakref() takes no keyword arguments' : `__call__() takes at most 0 keyword arguments (${kwargs.size} given)`);
  if (args.length > 0) throw rt.error('TypeError', vectorcall ? `weakref expected 0 arguments, got ${args.length}` : `__call__() takes at most 0 arguments (${args.length} given)`);
  return ref.target ?? rt.none;
}

function checkNoArguments(rt: Runtime, name: string, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): void {
  if (kwargs !== null && kwargs.size > 0) throw rt.error('TypeError', `${name}() got an unexpected keyword argument '${[...kwargs.keys()][0]}'`);
  if (args.length > 0) throw rt.error('TypeError', `${name}() takes 1 positional argument but ${args.length + 1} were given`);
}

/**
 * weakref_richcompare: two refs are equal when their referents are, while both live;
 * otherwise only when they are the same ref. WeakMethod.__eq__ comes first, and also
 * compares the functions.
 */
export function weakrefCompare(rt: Runtime, op: ast.CmpOp, a: PyObject, b: PyObject): boolean | null {
  if (op !== 'Eq' && op !== 'NotEq') return null;
  const method = isWeakMethod(rt, a) ? weakMethodEquals(rt, a, b) : isWeakMethod(rt, b) ? weakMethodEquals(rt, b, a) : null;
  if (method !== null) return method === (op === 'Eq');
  if (!(a instanceof PyWeakref) || !(b instanceof PyWeakref) || isProxyType(rt, a.cls) || isProxyType(rt, b.cls)) return null;
  const ta = a.target;
  const tb = b.target;
  if (ta === null || tb === null) return (a === b) === (op === 'Eq');
  const p = rt.vm.p;
  let result = false;
  p.run(() => {
    result = p.truthy(p.own(p.richCompare(op, ta, tb)));
  });
  return result;
}

/**
 * The table key of a weak reference: weakref_hash is the referent's hash, computed on first
 * use and kept, so a ref hashed while alive stays usable as a key. Proxies are unhashable.
 * Null for other objects, and for subclasses that define their own __hash__ (or None).
 */
export function weakrefHashKey(rt: Runtime, obj: PyObject): string | null {
  if (!(obj instanceof PyWeakref)) return null;
  if (isProxyType(rt, obj.cls)) throw rt.error('TypeError', `unhashable type: '${obj.cls.name}'`);
  if (obj.cls.isHeapType) {
    const own = typeLookup(rt, obj.cls, '__hash__');
    if (own === rt.none || own instanceof PyFunction) return null;
  }
  if (obj.hash === null) {
    const target = obj.target;
    if (target === null) throw rt.error('TypeError', 'weak object has gone away');
    obj.hash = rt.vm.p.hashValue(target);
  }
  return 'h' + String(obj.hash);
}

// --- proxies ---------------------------------------------------------------------------

/**
 * UNWRAP: runs `op` with each proxy among `operands` replaced by its referent, which it
 * holds meanwhile (ReferenceError once one died). `hold` false borrows the referents, as
 * proxy_richcompare did before 3.13.
 */
function forward<T extends PyObject | null>(rt: Runtime, operands: readonly PyObject[], op: (unwrapped: PyObject[]) => T, hold = true): T {
  const p = rt.vm.p;
  return p.scope(() => {
    const unwrapped = operands.map((o) => {
      if (!isProxy(rt, o)) return o;
      const target = o.target;
      if (target === null) throw rt.error('ReferenceError', 'weakly-referenced object no longer exists');
      return hold ? p.own(target) : target;
    });
    return op(unwrapped);
  });
}

/** Like `forward`, for operations whose result is not an object (len, truth, membership). */
function forwardValue<T>(rt: Runtime, proxy: PyWeakref, op: (target: PyObject) => T): T {
  let result!: T;
  forward(rt, [proxy], ([target]) => {
    result = op(target);
    return null;
  });
  return result;
}

/** A proxy's binary operator slot: the operator applied to the referents. */
export function proxyBinaryOp(rt: Runtime, a: PyObject, b: PyObject, op: (x: PyObject, y: PyObject) => PyObject): PyObject {
  return forward(rt, [a, b], ([x, y]) => op(x, y));
}

/** A proxy's unary operator slot. */
export function proxyUnaryOp(rt: Runtime, a: PyWeakref, op: (x: PyObject) => PyObject): PyObject {
  return forward(rt, [a], ([x]) => op(x));
}

/** proxy_richcompare: the comparison of the referents (borrowed before 3.13). */
export function proxyRichCompare(rt: Runtime, a: PyObject, b: PyObject, op: (x: PyObject, y: PyObject) => PyObject): PyObject {
  return forward(rt, [a, b], ([x, y]) => op(x, y), rt.lang.weakproxyCompareHoldsReferent);
}

/** proxy_bool. */
export function proxyTruthy(rt: Runtime, proxy: PyWeakref): boolean {
  return forwardValue(rt, proxy, (target) => rt.vm.p.truthy(target));
}

/** proxy_str. */
export function proxyStr(rt: Runtime, proxy: PyWeakref, str: (target: PyObject) => string): string {
  return forwardValue(rt, proxy, str);
}

/** proxy_getattr: every attribute, __class__ included, is the referent's. */
export function proxyGetattr(rt: Runtime, proxy: PyWeakref, name: string): PyObject {
  return forward(rt, [proxy], ([target]) => rt.vm.p.getattr(target, name));
}

/** proxy_setattr (and deletion, with `value` null). */
export function proxySetattr(rt: Runtime, proxy: PyWeakref, name: string, value: PyObject | null): void {
  const p = rt.vm.p;
  forwardValue(rt, proxy, (target) => (value === null ? p.delattr(target, name) : p.setattr(target, name, value)));
}

/** proxy_setitem (and deletion, with `value` null). */
export function proxySetitem(rt: Runtime, proxy: PyWeakref, key: PyObject, value: PyObject | null): void {
  const p = rt.vm.p;
  forwardValue(rt, proxy, (target) => (value === null ? p.delitem(target, key) : p.setitem(target, key, value)));
}

/** proxy_iternext: next() of a referent that must itself be an iterator. */
export function proxyNext(rt: Runtime, proxy: PyWeakref): PyObject | null {
  return forward(rt, [proxy], ([target]) => {
    if (!(target instanceof PyGenerator) && !isIterator(rt, target)) throw rt.error('TypeError', `Weakref proxy referenced a non-iterator '${target.cls.name}' object`);
    return rt.vm.p.next(target);
  });
}

/** What a proxy does for len(), iter(), `in` and subscription; null for anything else. */
export function proxyLength(rt: Runtime, obj: PyObject): number | null {
  return isProxy(rt, obj) ? forwardValue(rt, obj, (target) => rt.vm.p.len(target)) : null;
}
export function proxyIter(rt: Runtime, obj: PyObject): PyObject | null {
  return isProxy(rt, obj) ? forward(rt, [obj], ([target]) => rt.vm.p.getIter(target)) : null;
}
export function proxyContains(rt: Runtime, obj: PyObject, item: PyObject): boolean | null {
  return isProxy(rt, obj) ? forwardValue(rt, obj, (target) => rt.vm.p.contains(target, item)) : null;
}
export function proxyGetitem(rt: Runtime, obj: PyObject, key: PyObject): PyObject | null {
  return isProxy(rt, obj) ? forward(rt, [obj, key], ([target, k]) => rt.vm.p.getitem(target, k)) : null;
}

// --- WeakMethod ------------------------------------------------------------------------

/**
 * weakref.WeakMethod(meth[, callback]) (Lib/weakref.py): a ref to `meth.__self__` whose
 * slots keep a ref to `meth.__func__` (_func_ref), the method's type and whether both still
 * live (_alive). Both refs share one callback, `_cb`, which holds the user's callback and a
 * ref to the WeakMethod itself (CPython's closure cells; here a builtin holds them).
 */
function newWeakMethod(rt: Runtime, cls: PyType, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  const p = rt.vm.p;
  const meth = args[0] ?? kwargs?.get('meth');
  if (meth === undefined) throw rt.error('TypeError', `WeakMethod.__new__() missing 1 required positional argument: 'meth'`);
  const callback = args[1] ?? kwargs?.get('callback') ?? rt.none;
  if (args.length > 2) throw rt.error('TypeError', `WeakMethod.__new__() takes from 2 to 3 positional arguments but ${args.length + 1} were given`);
  return p.scope(() => {
    let obj: PyObject;
    let func: PyObject;
    try {
      obj = p.own(p.getattr(meth, '__self__'));
      func = p.own(p.getattr(meth, '__func__'));
    } catch (e) {
      if (!p.isAttributeError(e)) throw e;
      throw rt.error('TypeError', `argument should be a bound method, not ${p.repr(meth.cls)}`);
    }
    const heap = rt.heap;
    const cb: PyBuiltin = p.own(
      heap.allocate(
        new PyBuiltin(rt.types.builtin_function_or_method, '_cb', () => {
          weakMethodDied(rt, cb);
          return rt.none;
        }),
        { gc: true },
      ),
    ) as PyBuiltin;
    cb.set(heap, 'callback', callback);
    heap.track(cb);
    const self = p.own(newWeakref(rt, cls, obj, cb)) as PyWeakref;
    const funcRef = p.own(newWeakref(rt, rt.types.weakref, func, cb));
    // Slots are kept (and traversed) in the sorted order type_new gives them.
    const attrs = new AttributeStore('dict', rt.types.WeakMethod.slots);
    self.attrs = attrs;
    attrs.setValue(heap, self, '_alive', rt.true_);
    attrs.setValue(heap, self, '_func_ref', funcRef);
    attrs.setValue(heap, self, '_meth_type', meth.cls);
    cb.set(heap, 'self_wr', newWeakref(rt, rt.types.weakref, self, null));
    return self;
  });
}

/** `_cb`: the first of the instance and the function to die marks the WeakMethod dead and calls the user's callback. */
function weakMethodDied(rt: Runtime, cb: PyBuiltin): void {
  const p = rt.vm.p;
  const self = (cb.get('self_wr') as PyWeakref | undefined)?.target ?? null;
  if (self === null) return;
  p.run(() => {
    p.own(self);
    if (!p.truthy(p.own(p.getattr(self, '_alive')))) return;
    p.setattr(self, '_alive', rt.false_);
    const callback = cb.get('callback');
    if (callback !== undefined && callback !== rt.none) p.own(p.call(callback, [self], null));
  });
}

/** WeakMethod.__call__: a new bound method of the function to the instance, or None once either died. */
function callWeakMethod(rt: Runtime, self: PyWeakref): PyObject {
  const p = rt.vm.p;
  return p.scope(() => {
    const obj = self.target;
    const funcRef = p.own(p.getattr(self, '_func_ref'));
    const func = funcRef instanceof PyWeakref ? funcRef.target : null;
    if (obj === null || func === null) return rt.none;
    p.own(obj);
    p.own(func);
    const methType = p.own(p.getattr(self, '_meth_type'));
    if (methType === rt.types.method) return newMethod(rt, func, obj);
    return p.call(methType, [func, obj], null);
  });
}

/** WeakMethod.__eq__: null (NotImplemented) unless `other` is a WeakMethod too. */
function weakMethodEquals(rt: Runtime, self: PyWeakref, other: PyObject): boolean | null {
  if (!isWeakMethod(rt, other)) return null;
  const p = rt.vm.p;
  let result = false;
  p.run(() => {
    const alive = (w: PyWeakref): boolean => p.truthy(p.own(p.getattr(w, '_alive')));
    if (!alive(self) || !alive(other)) {
      result = self === other;
      return;
    }
    const ta = self.target;
    const tb = other.target;
    const sameObject = ta !== null && tb !== null ? p.truthy(p.own(p.richCompare('Eq', ta, tb))) : self === other;
    result = sameObject && p.equals(p.own(p.getattr(self, '_func_ref')), p.own(p.getattr(other, '_func_ref')));
  });
  return result;
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

/** A weak reference to `referent` that removes its entry from `container` when it dies. */
function weakrefWithRemover(rt: Runtime, referent: PyObject, container: PyStruct): PyWeakref {
  const callback = remover(rt, container);
  try {
    return newWeakref(rt, rt.types.weakref, referent, callback);
  } catch (e) {
    // Not weakly referenceable: the callback nobody took is freed.
    rt.vm.p.discard(callback);
    throw e;
  }
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
    const ref = weakrefWithRemover(rt, value, c);
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
    pair.set(heap, 'ref', weakrefWithRemover(rt, key, c));
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


export const weakrefConstructors: Record<string, (rt: Runtime, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null, type: PyType) => PyObject> = {
  ['weakref.ReferenceType']: (rt, args, kwargs) => {
    const [referent, callback] = referentAndCallback(rt, '__new__', args);
    if (kwargs !== null && kwargs.size > 0) throw rt.error('TypeError', 'ref() takes no keyword arguments');
    return newWeakref(rt, rt.types.weakref, referent, callback);
  },
  WeakMethod: (rt, args, kwargs) => newWeakMethod(rt, rt.types.WeakMethod, args, kwargs),
  finalize: (rt, args, kwargs) => makeFinalize(rt, args, kwargs),
  WeakValueDictionary: (rt, args, kwargs) => newWeakDict(rt, rt.types.WeakValueDictionary, args, kwargs),
  WeakKeyDictionary: (rt, args, kwargs) => newWeakDict(rt, rt.types.WeakKeyDictionary, args, kwargs),
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

/** WeakValueDictionary(other=(), **kw) and WeakKeyDictionary(dict=None): their __init__ calls update(). */
function newWeakDict(rt: Runtime, type: PyType, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  const c = newWeakContainer(rt, type);
  if (args.length === 0 && !kwargs?.size) return c;
  rt.transitResult(c);
  weakDictUpdate(rt, c, args[0] ?? rt.none, type === rt.types.WeakValueDictionary ? kwargs : null);
  return c;
}

/**
 * update(other, **kwargs): every key and value of a mapping (anything with items()), or of
 * the dict made from pairs; then the keywords.
 */
function weakDictUpdate(rt: Runtime, c: PyStruct, other: PyObject, kwargs: ReadonlyMap<string, PyObject> | null): void {
  const p = rt.vm.p;
  p.run(() => {
    if (other !== rt.none) {
      let pairs: PyObject[];
      if (other instanceof PyDict) pairs = [...other.liveEntries()].map((e) => p.own(rt.newTuple([e.key, e.value])));
      else if (p.getattrOrUndefined(other, 'items') !== undefined) pairs = p.collectItems(p.own(p.callMethod(other, 'items', [])));
      else {
        const dict = p.own(rt.newDict()) as PyDict;
        p.dictUpdate(dict, other, false);
        pairs = [...dict.liveEntries()].map((e) => p.own(rt.newTuple([e.key, e.value])));
      }
      for (const pair of pairs) {
        const [key, value] = p.collectItems(pair);
        weakSet(rt, c, key, value);
      }
    }
    if (kwargs) for (const [k, v] of kwargs) p.run(() => weakSet(rt, c, p.own(rt.str(k)), v));
  });
}

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
    update: (args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null) => {
      const self = args[0] as PyStruct;
      weakDictUpdate(rt, self, args[1] ?? rt.none, kwargs);
      return rt.none;
    },
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
  t.weakref.native = {
    methods: {
      __call__: (args, kwargs) => refCall(rt, args[0] as PyWeakref, args.slice(1), kwargs),
      // weakref___init__: checks the arguments __new__ used.
      __init__: (args, kwargs) => {
        referentAndCallback(rt, '__init__', args.slice(1));
        if (kwargs !== null && kwargs.size > 0) throw rt.error('TypeError', 'ref() takes no keyword arguments');
        return rt.none;
      },
    },
    getters: { __callback__: (self) => (self as PyWeakref).callback ?? rt.none },
  };
  t.WeakMethod.native = {
    methods: {
      __call__: (args, kwargs) => {
        checkNoArguments(rt, 'WeakMethod.__call__', args.slice(1), kwargs);
        return callWeakMethod(rt, args[0] as PyWeakref);
      },
    },
  };
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

export { isWeakref };
