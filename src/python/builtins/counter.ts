import type * as ast from '../ast';
import { BINARY_OPERATORS } from '../compile/compiler';
import { PyInt } from '../objects/atoms';
import type { NativeFunction } from '../objects/base';
import { PyObject, PyType } from '../objects/base';
import { PyDict, PyTuple } from '../objects/containers';
import { PyCell } from '../objects/callables';
import { PyNativeIterator } from '../objects/native';
import type { PyStruct } from '../objects/struct';
import { typeLookup } from '../runtime/attributes';
import { dictDelete, dictFind, dictGet, dictGetStr, dictSet } from '../runtime/dicts';
import { PythonError } from '../runtime/errors';
import { collect } from '../runtime/iteration';
import type { Runtime } from '../runtime/runtime';
import { repr } from '../runtime/text';
import { bindArguments, classMethod, forEachItem, inFrame, isInstance, libraryClass, libraryFunction, methodsOf, staticType } from './library';
import { newGenericAlias } from './genericAlias';

/**
 * collections.Counter (Lib/collections/__init__.py): a Python class deriving from dict, so
 * its instances hold their class, have a __dict__, and its methods are functions — each
 * runs here as its frame would, holding its arguments.
 */

/** itertools.chain as Counter.elements() makes it: each element repeated by its count. */
class PyElementsIterator extends PyNativeIterator {
  private remaining = 0;

  constructor(
    private readonly rt: Runtime,
    cls: PyType,
  ) {
    super(cls);
  }

  advance(): PyObject | null {
    const rt = this.rt;
    const p = rt.vm.p;
    while (this.remaining <= 0) {
      const source = this.get('source');
      if (source === undefined) return null;
      let exhausted = false;
      p.run(() => {
        const pair = p.next(source);
        if (pair === null) {
          exhausted = true;
          return;
        }
        const [elem, n] = collect(rt, p.own(pair));
        if (!(n instanceof PyInt)) throw rt.error('TypeError', `'${n.cls.name}' object cannot be interpreted as an integer`);
        this.remaining = Number(n.value);
        this.set(rt.heap, 'active', elem);
      });
      if (exhausted) {
        this.clear(rt.heap, 'source');
        this.clear(rt.heap, 'active');
        return null;
      }
    }
    this.remaining--;
    return this.get('active')!;
  }
}

function binary(rt: Runtime, op: ast.Operator, a: PyObject, b: PyObject): PyObject {
  return rt.vm.p.binaryOp(BINARY_OPERATORS.indexOf(op), a, b, false);
}

function holds(rt: Runtime, op: ast.CmpOp, a: PyObject, b: PyObject): boolean {
  const p = rt.vm.p;
  let result = false;
  p.run(() => {
    result = p.truthy(p.own(p.richCompare(op, a, b)));
  });
  return result;
}

/**
 * The (key, value) pairs of a dict, as iterating its items() gives them (held by the scope).
 * `other.items()` of anything else: AttributeError for most things a user passes by mistake;
 * a mapping of their own is not simulated here.
 */
function itemsOf(rt: Runtime, dict: PyObject): [PyObject, PyObject][] {
  const p = rt.vm.p;
  if (!(dict instanceof PyDict)) {
    p.own(p.callMethod(dict, 'items', []));
    throw rt.stop('unsupported', `Counter with a mapping of type '${dict.cls.name}' is not simulated`);
  }
  return [...dict.liveEntries()].map((e) => [p.own(e.key), p.own(e.value)]);
}

/** Makes the Counter class (held by the caller's scope). */
export function makeCounterType(rt: Runtime, module: string, globals: PyDict): PyType {
  const p = rt.vm.p;
  const t = rt.types;
  const chainType = staticType(rt, 'itertools.chain');
  let counterType!: PyType;
  const zero = rt.int(0);
  const builtin = (name: string): PyObject => dictGetStr(rt.builtins, name)!;
  const counter = (args: readonly PyObject[]): PyDict => args[0] as PyDict;
  /** `self.get` of a dict that does not override it: the stored value or the default. */
  const getOr = (self: PyDict, key: PyObject, dflt: PyObject): PyObject => {
    if (typeLookup(rt, self.cls, 'get') === typeLookup(rt, t.dict, 'get')) return dictGet(rt, self, key) ?? dflt;
    return p.own(p.callMethod(self, 'get', [key, dflt]));
  };
  const newCounter = (): PyDict => p.own(p.call(counterType, [], null)) as PyDict;
  /** The method, as the frame of a Python function runs it. */
  const method = (impl: (self: PyDict, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null) => PyObject): NativeFunction => (args, kwargs) =>
    inFrame(rt, [...args, ...(kwargs?.values() ?? [])], () => impl(counter(args), args.slice(1), kwargs));
  /** The rich comparisons (3.10+): NotImplemented unless the other is a Counter; missing counts are zero. */
  const allCounts = (op: ast.CmpOp) =>
    method((self, [other]) => {
      if (!isInstance(other, counterType)) return rt.notImplemented;
      // all(self[e] op other[e] for c in (self, other) for e in c)
      for (const c of [self, other as PyDict]) {
        for (const e of liveKeys(c)) {
          let ok = true;
          p.run(() => {
            ok = holds(rt, op, p.own(p.getitem(self, e)), p.own(p.getitem(other, e)));
          });
          if (!ok) return rt.false_;
        }
      }
      return rt.true_;
    });
  const liveKeys = (dict: PyDict): PyObject[] => [...dict.liveEntries()].map((e) => p.own(e.key));
  /** _keep_positive: deletes the elements whose count is not positive. */
  const keepPositive = (self: PyDict): PyObject => {
    const nonpositive = itemsOf(rt, self)
      .filter(([, count]) => !holds(rt, 'Gt', count, zero))
      .map(([elem]) => elem);
    for (const elem of nonpositive) p.delitem(self, elem);
    return self;
  };
  /** most_common: the items by count, highest first, ties in insertion order (sorted / heapq.nlargest). */
  const mostCommon = (self: PyDict, n: PyObject): PyObject => {
    const items = p.collectItems(p.own(p.callMethod(self, 'items', []))) as PyTuple[];
    const sorted = [...items].sort((a, b) => (holds(rt, 'Lt', b.items[1], a.items[1]) ? -1 : holds(rt, 'Lt', a.items[1], b.items[1]) ? 1 : 0));
    if (n === rt.none) return rt.newList(sorted);
    if (!(n instanceof PyInt)) throw rt.error('TypeError', `'${n.cls.name}' object cannot be interpreted as an integer`);
    return rt.newList(sorted.slice(0, Math.max(0, Number(n.value))));
  };
  /** _count_elements (C): each element's count plus one, straight into the dict when its get and __setitem__ are dict's. */
  const countElements = (self: PyDict, iterable: PyObject): void => {
    const one = rt.int(1);
    const fast = typeLookup(rt, self.cls, 'get') === typeLookup(rt, t.dict, 'get') && typeLookup(rt, self.cls, '__setitem__') === undefined;
    forEachItem(rt, p.own(p.getIter(iterable)), (key) => {
      if (fast) {
        const old = dictGet(rt, self, key);
        dictSet(rt, self, key, old === undefined ? one : p.own(binary(rt, 'Add', old, one)));
      } else {
        const old = p.own(p.callMethod(self, 'get', [key, zero]));
        p.setitem(self, key, p.own(binary(rt, 'Add', old, one)));
      }
    });
  };
  const methods: Record<string, NativeFunction> = {
    __init__: method((self, args, kwargs) => {
      const bound = bindArguments(rt, 'Counter.__init__', [{ name: 'self', kind: 'positional-only' }, { name: 'iterable', default: rt.none, kind: 'positional-only' }], [self, ...args], kwargs, { varkw: true });
      const update = p.own(p.getattr(self, 'update'));
      p.discard(p.call(update, [bound.values.get('iterable')!], bound.extraKeywords.size ? bound.extraKeywords : null));
      return rt.none;
    }),
    __missing__: method(() => zero),
    total: method((self) => p.call(builtin('sum'), [p.own(p.callMethod(self, 'values', []))], null)),
    most_common: method((self, args, kwargs) => {
      const bound = bindArguments(rt, 'Counter.most_common', [{ name: 'self' }, { name: 'n', default: rt.none }], [self, ...args], kwargs);
      return mostCommon(self, bound.values.get('n')!);
    }),
    elements: method((self) => {
      const it = rt.heap.allocate(new PyElementsIterator(rt, chainType), { gc: true });
      p.own(it);
      it.set(rt.heap, 'source', p.own(p.getIter(p.own(p.callMethod(self, 'items', [])))));
      rt.heap.track(it);
      return it;
    }),
    update: method((self, args, kwargs) => {
      const bound = bindArguments(rt, 'Counter.update', [{ name: 'self', kind: 'positional-only' }, { name: 'iterable', default: rt.none, kind: 'positional-only' }], [self, ...args], kwargs, { varkw: true });
      const iterable = bound.values.get('iterable')!;
      if (iterable !== rt.none) {
        if (iterable instanceof PyDict) {
          if (p.truthy(self)) {
            for (const [elem, count] of itemsOf(rt, iterable)) p.run(() => p.setitem(self, elem, p.own(binary(rt, 'Add', count, getOr(self, elem, zero)))));
          } else p.dictUpdate(self, iterable, false);
        } else countElements(self, iterable);
      }
      if (bound.extraKeywords.size) p.run(() => p.discard(p.callMethod(self, 'update', [p.own(keywordDict(rt, bound.extraKeywords))])));
      return rt.none;
    }),
    subtract: method((self, args, kwargs) => {
      const bound = bindArguments(rt, 'Counter.subtract', [{ name: 'self', kind: 'positional-only' }, { name: 'iterable', default: rt.none, kind: 'positional-only' }], [self, ...args], kwargs, { varkw: true });
      const iterable = bound.values.get('iterable')!;
      if (iterable !== rt.none) {
        if (iterable instanceof PyDict) {
          for (const [elem, count] of itemsOf(rt, iterable)) p.run(() => p.setitem(self, elem, p.own(binary(rt, 'Sub', getOr(self, elem, zero), count))));
        } else {
          for (const elem of collect(rt, iterable)) p.run(() => p.setitem(self, elem, p.own(binary(rt, 'Sub', getOr(self, elem, zero), rt.int(1)))));
        }
      }
      if (bound.extraKeywords.size) p.run(() => p.discard(p.callMethod(self, 'subtract', [p.own(keywordDict(rt, bound.extraKeywords))])));
      return rt.none;
    }),
    copy: method((self) => p.call(self.cls, [self], null)),
    __reduce__: method((self) => rt.newTuple([self.cls, p.own(rt.newTuple([p.own(p.call(t.dict, [self], null))]))])),
    __delitem__: method((self, [elem]) => {
      if (dictFind(rt, self, elem) >= 0) dictDelete(rt, self, elem);
      return rt.none;
    }),
    __repr__: method((self) => {
      const name = self.cls.name;
      if (!p.truthy(self)) return rt.str(`${name}()`);
      let d: PyObject;
      try {
        d = p.own(p.call(t.dict, [p.own(p.callMethod(self, 'most_common', []))], null));
      } catch (e) {
        if (!(e instanceof PythonError) || !p.isInstanceOfName(e.exception, 'TypeError')) throw e;
        p.clearError(e);
        d = p.own(p.call(t.dict, [self], null));
      }
      return rt.str(`${name}(${repr(rt, d)})`);
    }),
    __eq__: allCounts('Eq'),
    __ne__: method((self, [other]) => {
      if (!isInstance(other, counterType)) return rt.notImplemented;
      return rt.bool(!holds(rt, 'Eq', self, other));
    }),
    __le__: allCounts('LtE'),
    __lt__: method((self, [other]) => {
      if (!isInstance(other, counterType)) return rt.notImplemented;
      return rt.bool(holds(rt, 'LtE', self, other) && holds(rt, 'NotEq', self, other));
    }),
    __ge__: allCounts('GtE'),
    __gt__: method((self, [other]) => {
      if (!isInstance(other, counterType)) return rt.notImplemented;
      return rt.bool(holds(rt, 'GtE', self, other) && holds(rt, 'NotEq', self, other));
    }),
    __add__: method((self, [other]) => {
      if (!isInstance(other, counterType)) return rt.notImplemented;
      const result = newCounter();
      for (const [elem, count] of itemsOf(rt, self)) {
        p.run(() => {
          const newcount = p.own(binary(rt, 'Add', count, p.own(p.getitem(other, elem))));
          if (holds(rt, 'Gt', newcount, zero)) p.setitem(result, elem, newcount);
        });
      }
      for (const [elem, count] of itemsOf(rt, other)) if (!p.contains(self, elem) && holds(rt, 'Gt', count, zero)) p.setitem(result, elem, count);
      return result;
    }),
    __sub__: method((self, [other]) => {
      if (!isInstance(other, counterType)) return rt.notImplemented;
      const result = newCounter();
      for (const [elem, count] of itemsOf(rt, self)) {
        p.run(() => {
          const newcount = p.own(binary(rt, 'Sub', count, p.own(p.getitem(other, elem))));
          if (holds(rt, 'Gt', newcount, zero)) p.setitem(result, elem, newcount);
        });
      }
      for (const [elem, count] of itemsOf(rt, other)) {
        if (!p.contains(self, elem) && holds(rt, 'Lt', count, zero)) p.run(() => p.setitem(result, elem, p.own(binary(rt, 'Sub', zero, count))));
      }
      return result;
    }),
    __or__: method((self, [other]) => {
      if (!isInstance(other, counterType)) return rt.notImplemented;
      const result = newCounter();
      for (const [elem, count] of itemsOf(rt, self)) {
        p.run(() => {
          const otherCount = p.own(p.getitem(other, elem));
          const newcount = holds(rt, 'Lt', count, otherCount) ? otherCount : count;
          if (holds(rt, 'Gt', newcount, zero)) p.setitem(result, elem, newcount);
        });
      }
      for (const [elem, count] of itemsOf(rt, other)) if (!p.contains(self, elem) && holds(rt, 'Gt', count, zero)) p.setitem(result, elem, count);
      return result;
    }),
    __and__: method((self, [other]) => {
      if (!isInstance(other, counterType)) return rt.notImplemented;
      const result = newCounter();
      for (const [elem, count] of itemsOf(rt, self)) {
        p.run(() => {
          const otherCount = p.own(p.getitem(other, elem));
          const newcount = holds(rt, 'Lt', count, otherCount) ? count : otherCount;
          if (holds(rt, 'Gt', newcount, zero)) p.setitem(result, elem, newcount);
        });
      }
      return result;
    }),
    __pos__: method((self) => {
      const result = newCounter();
      for (const [elem, count] of itemsOf(rt, self)) if (holds(rt, 'Gt', count, zero)) p.setitem(result, elem, count);
      return result;
    }),
    __neg__: method((self) => {
      const result = newCounter();
      for (const [elem, count] of itemsOf(rt, self)) if (holds(rt, 'Lt', count, zero)) p.run(() => p.setitem(result, elem, p.own(binary(rt, 'Sub', zero, count))));
      return result;
    }),
    _keep_positive: method((self) => keepPositive(self)),
    __iadd__: method((self, [other]) => {
      for (const [elem, count] of itemsOf(rt, other)) p.run(() => p.setitem(self, elem, p.own(binary(rt, 'Add', p.own(p.getitem(self, elem)), count))));
      return keepPositive(self);
    }),
    __isub__: method((self, [other]) => {
      for (const [elem, count] of itemsOf(rt, other)) p.run(() => p.setitem(self, elem, p.own(binary(rt, 'Sub', p.own(p.getitem(self, elem)), count))));
      return keepPositive(self);
    }),
    __ior__: method((self, [other]) => {
      for (const [elem, otherCount] of itemsOf(rt, other)) {
        p.run(() => {
          const count = p.own(p.getitem(self, elem));
          if (holds(rt, 'Gt', otherCount, count)) p.setitem(self, elem, otherCount);
        });
      }
      return keepPositive(self);
    }),
    __class_getitem__: (args) => newGenericAlias(rt, args[0], args[1]),
    __iand__: method((self, [other]) => {
      for (const [elem, count] of itemsOf(rt, self)) {
        p.run(() => {
          const otherCount = p.own(p.getitem(other, elem));
          if (holds(rt, 'Lt', otherCount, count)) p.setitem(self, elem, otherCount);
        });
      }
      return keepPositive(self);
    }),
  };
  const fromkeys = p.own(
    libraryFunction(rt, { name: 'fromkeys', qualname: 'Counter.fromkeys', module, globals }, () => {
      throw rt.error('NotImplementedError', 'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.');
    }),
  );
  const functions = methodsOf(rt, 'Counter', module, globals, methods, 'Python');
  const namespace: [string, PyObject][] = [...functions, ['fromkeys', p.own(classMethod(rt, fromkeys))]];
  const doc = 'Dict subclass for counting hashable items.  Sometimes called a bag\n    or multiset.  Elements are stored as dictionary keys and their counts\n    are stored as dictionary values.\n    ';
  counterType = p.own(libraryClass(rt, { name: 'Counter', module, bases: [t.dict], namespace, doc })) as PyType;
  // The methods that call super() close over the class body's __class__ cell.
  const classCell = p.own(rt.heap.allocate(new PyCell(t.cell), { gc: true, track: true })) as PyCell;
  classCell.set(rt.heap, 'cell_contents', counterType);
  for (const [name, fn] of functions) {
    if (name === '__init__' || name === 'update' || name === '__delitem__') p.run(() => (fn as PyStruct).set(rt.heap, '__closure__', p.own(rt.newTuple([classCell]))));
  }
  return counterType;
}

/** The dict of a call's extra keywords (**kwds). */
function keywordDict(rt: Runtime, kwargs: ReadonlyMap<string, PyObject>): PyDict {
  const dict = rt.newDict();
  for (const [k, v] of kwargs) dictSet(rt, dict, rt.intern(k), v);
  return dict;
}
