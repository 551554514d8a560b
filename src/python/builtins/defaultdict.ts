import { sizeofMethodValue } from './sizes';
import type { HeapObject, Label, Release } from '../../core/heapObject';
import type { NativeFunction } from '../objects/base';
import { PyObject, PyType } from '../objects/base';
import { PyDict } from '../objects/containers';
import type { Runtime } from '../runtime/runtime';
import { repr } from '../runtime/text';
import { dictRepr, libraryClass, libraryProperty, methodsOf } from './library';
import { newGenericAlias } from './genericAlias';

/**
 * collections.defaultdict (Modules/_collectionsmodule.c): a dict that holds its
 * default_factory, and whose __missing__ calls it and stores the result. It is tracked
 * by the collector from birth, like every instance of a dict subclass.
 */
export class PyDefaultDict extends PyDict {
  /** default_factory: null when never given (it reads as None). */
  factory: PyObject | null = null;

  constructor(
    cls: PyType,
    /** Instances of defaultdict hold their class only where it is a heap type (3.12+); a subclass's always do. */
    private readonly classReference: boolean,
  ) {
    super(cls);
    // _PyDict_MaybeUntrack is for exact dicts only.
    this.untrackKind = 'none';
  }

  override get holdsClass(): boolean {
    return this.classReference;
  }

  /** defdict_traverse: the factory, then the dict. */
  override traverse(visit: (target: HeapObject) => void): void {
    if (this.factory !== null) visit(this.factory);
    super.traverse(visit);
  }

  override forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    if (this.factory !== null) visit('default_factory', this.factory);
    super.forEachReference(visit);
  }

  /** defdict_dealloc: Py_CLEAR(default_factory), then the dict's dealloc. */
  override releaseReferences(release: Release): void {
    const factory = this.factory;
    this.factory = null;
    if (factory !== null) release('default_factory', factory);
    super.releaseReferences(release);
  }
}

/** Sets (or clears) the factory, dropping the old one after. */
function setFactory(rt: Runtime, dd: PyDefaultDict, value: PyObject | null): void {
  const old = dd.factory;
  if (value !== null) rt.heap.incref(dd, 'default_factory', value);
  dd.factory = value;
  if (old !== null) rt.heap.decref(dd, 'default_factory', old);
}

/** Makes the defaultdict class (held by the caller's scope). */
export function makeDefaultdictType(rt: Runtime, module: string): PyType {
  const p = rt.vm.p;
  const heapTypes = rt.lang.library.collectionsHeapTypes;
  let ddType: PyType;
  const self = (args: readonly PyObject[], name: string): PyDefaultDict => {
    const dd = args[0];
    if (!(dd instanceof PyDefaultDict)) throw rt.error('TypeError', `descriptor '${name}' for 'collections.defaultdict' objects doesn't apply to a '${dd?.cls.name ?? 'NoneType'}' object`);
    return dd;
  };
  /** new_defdict: `type(dd)(dd.default_factory, arg)`, as copy() and | make the result. */
  const newLike = (dd: PyDefaultDict, arg: PyObject): PyObject => p.call(dd.cls, [dd.factory ?? rt.none, arg], null);
  const methods: Record<string, NativeFunction> = {
    __new__: (args) => {
      const cls = args[0];
      if (!(cls instanceof PyType) || !cls.isSubtypeOf(ddType)) throw rt.error('TypeError', 'defaultdict.__new__(X): X is not a subtype of defaultdict');
      const dd = rt.heap.allocate(new PyDefaultDict(cls, cls !== ddType || heapTypes), { gc: true });
      if (dd.holdsClass) rt.heap.incref(dd, '__class__', cls);
      rt.heap.track(dd);
      return dd;
    },
    /** defdict_init: the first positional argument is the factory, the rest go to dict.__init__. */
    __init__: (args, kwargs) => {
      const dd = self(args, '__init__');
      const rest = args.slice(1);
      let factory: PyObject | null = null;
      if (rest.length > 0) {
        factory = rest[0];
        if (factory !== rt.none && !p.isCallable(factory)) throw rt.error('TypeError', 'first argument must be callable or None');
      }
      const dictArgs = rest.slice(1);
      if (dictArgs.length > 1) throw rt.error('TypeError', `dict expected at most 1 argument, got ${dictArgs.length}`);
      const old = dd.factory;
      if (factory !== null) rt.heap.incref(dd, 'default_factory', factory);
      dd.factory = factory;
      p.run(() => {
        if (dictArgs.length) p.dictUpdate(dd, dictArgs[0], false);
        if (kwargs) for (const [k, v] of kwargs) p.dictSet(dd, rt.intern(k), v);
      });
      if (old !== null) rt.heap.decref(dd, 'default_factory', old);
      return rt.none;
    },
    /** defdict_missing: KeyError without a factory; else factory(), stored under the key. */
    __missing__: (args) => {
      const dd = self(args, '__missing__');
      const key = args[1];
      if (dd.factory === null || dd.factory === rt.none) throw rt.vm.raiseObject(p.instantiateException(rt.types.exceptions.get('KeyError')!, [key]));
      const value = p.call(dd.factory, [], null);
      p.run(() => p.setitem(dd, key, p.own(value)));
      return value;
    },
    copy: (args) => newLike(self(args, 'copy'), args[0]),
    __copy__: (args) => newLike(self(args, '__copy__'), args[0]),
    /** defdict_reduce: (type, (factory,) or (), None, None, iter(items)). */
    __reduce__: (args) => {
      const dd = self(args, '__reduce__');
      return p.scope(() => {
        const ctorArgs = dd.factory === null || dd.factory === rt.none ? rt.emptyTuple : p.own(rt.newTuple([dd.factory]));
        const items = p.own(p.getIter(p.own(p.callMethod(dd, 'items', []))));
        return rt.newTuple([dd.cls, ctorArgs, rt.none, rt.none, items]);
      });
    },
    /** defdict_repr: `defaultdict(<factory repr>, {...})`. */
    __repr__: (args) => {
      const dd = self(args, '__repr__');
      const base = dictRepr(rt, dd);
      const factory = dd.factory === null ? 'None' : factoryRepr(rt, dd.factory);
      return rt.str(`${dd.cls.name}(${factory}, ${base})`);
    },
    /** defdict_or: a copy of the defaultdict operand, updated with the other. */
    __or__: (args) => binaryOr(args[0], args[1], false),
    __ror__: (args) => binaryOr(args[0], args[1], true),
    __sizeof__: (args) => rt.int(sizeofMethodValue(rt, self(args, '__sizeof__'), true)),
    __class_getitem__: (args) => newGenericAlias(rt, args[0], args[1]),
  };
  function binaryOr(selfArg: PyObject, other: PyObject, reflected: boolean): PyObject {
    const dd = self([selfArg], reflected ? '__ror__' : '__or__');
    if (!(other instanceof PyDict)) return rt.notImplemented;
    return p.scope(() => {
      const fresh = p.own(newLike(dd, reflected ? other : dd)) as PyDict;
      p.dictUpdate(fresh, reflected ? dd : other, false);
      return fresh;
    });
  }
  const factoryProperty = libraryProperty(
    rt,
    'defaultdict',
    module,
    'default_factory',
    (args) => self(args, 'default_factory').factory ?? rt.none,
    (args) => {
      setFactory(rt, self(args, 'default_factory'), args[1]);
      return rt.none;
    },
  );
  const namespace: [string, PyObject][] = [...methodsOf(rt, 'defaultdict', module, null, methods, 'C'), ['default_factory', factoryProperty]];
  const doc = 'defaultdict(default_factory=None, /, [...]) --> dict with default factory';
  ddType = p.own(libraryClass(rt, { name: 'defaultdict', module, bases: [rt.types.dict], namespace, doc, instances: { dict: false, weakrefs: false } })) as PyType;
  return ddType;
}

/** The factory's repr inside defaultdict's (`...` when the factory's repr is already under way). */
const factoryReprsInProgress = new WeakSet<PyObject>();
function factoryRepr(rt: Runtime, factory: PyObject): string {
  rt.enterRepr();
  if (factoryReprsInProgress.has(factory)) return '...';
  factoryReprsInProgress.add(factory);
  try {
    return repr(rt, factory);
  } finally {
    factoryReprsInProgress.delete(factory);
  }
}
