import { sizeofMethodValue } from './sizes';
import type { HeapObject, Label, Release } from '../../core/heapObject';
import type { NativeFunction } from '../objects/base';
import { PyObject, PyType } from '../objects/base';
import { slotLabel } from '../objects/containers';
import { PyNativeIterator } from '../objects/native';
import { asIndex } from '../runtime/items';
import type { Runtime } from '../runtime/runtime';
import { repr } from '../runtime/text';
import { bindArguments, forEachItem, libraryClass, libraryProperty, methodsOf, staticType } from './library';
import { newGenericAlias } from './genericAlias';

/**
 * collections.deque (Modules/_collectionsmodule.c): a double-ended queue holding a
 * reference to each item, GC-tracked from birth. Its memory is blocks of 64 slots; the
 * indexes of the first and last slot in use are kept as CPython keeps them, since
 * sys.getsizeof counts the blocks.
 */

const BLOCKLEN = 64;
const CENTER = (BLOCKLEN - 1) >> 1;
/** sizeof(block): the slots and the two links. */
const BLOCK_BYTES = BLOCKLEN * 8 + 16;

export class PyDeque extends PyObject {
  items: PyObject[] = [];
  /** None (-1 in CPython) or the bound. */
  maxlen: number | null = null;
  /** Bumped by every change of length or order: iterators compare it. */
  state = 0;
  leftIndex = CENTER + 1;
  rightIndex = CENTER;
  blocks = 1;

  constructor(
    cls: PyType,
    /** Instances of deque hold their class only where deque is a heap type (3.12+); a subclass's always do. */
    private readonly classReference: boolean,
  ) {
    super(cls);
  }

  override get holdsClass(): boolean {
    return this.classReference;
  }

  /** deque_traverse: the items from left to right. */
  traverse(visit: (target: HeapObject) => void): void {
    for (const item of this.items) visit(item);
    this.traverseExtras(visit);
  }

  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    this.items.forEach((item, i) => visit(i, item));
    this.referencesExtras(visit);
  }

  /** deque_clear (dealloc, tp_clear): emptied first, then the items released left to right. */
  releaseReferences(release: Release): void {
    const items = this.items;
    this.items = [];
    items.forEach((item, i) => release(i, item));
    this.releaseExtras(release);
  }

  override display(): string {
    return '';
  }

  /** The block bookkeeping of an empty deque (a new one, or one just cleared). */
  recenter(): void {
    this.blocks = 1;
    this.leftIndex = CENTER + 1;
    this.rightIndex = CENTER;
  }
}

/** What the collections module's deque needs: its class and its iterator types. */
export interface DequeTypes {
  readonly deque: PyType;
  readonly iterator: PyType;
  readonly reverseIterator: PyType;
}

/** deque_iterator and deque_reverse_iterator: they keep the deque until they die. */
class PyDequeIterator extends PyNativeIterator {
  private index = 0;
  private counter: number;
  /** The deque's state when the iterator was made. */
  private readonly startState: number;

  constructor(
    private readonly rt: Runtime,
    cls: PyType,
    deque: PyDeque,
    private readonly reverse: boolean,
  ) {
    super(cls);
    this.counter = deque.items.length;
    this.startState = deque.state;
  }

  advance(): PyObject | null {
    const deque = this.get('deque') as PyDeque;
    if (deque.state !== this.startState) {
      this.counter = 0;
      throw this.rt.error('RuntimeError', 'deque mutated during iteration');
    }
    if (this.counter === 0) return null;
    const items = deque.items;
    const item = this.reverse ? items[items.length - 1 - this.index] : items[this.index];
    this.index++;
    this.counter--;
    return item;
  }
}

// --- the block bookkeeping and the primitive operations ------------------------------------

function pushRight(rt: Runtime, d: PyDeque, item: PyObject): void {
  if (d.rightIndex === BLOCKLEN - 1) {
    d.blocks++;
    d.rightIndex = -1;
  }
  d.rightIndex++;
  rt.heap.incref(d, slotLabel(d.items.length), item);
  d.items.push(item);
}

function pushLeft(rt: Runtime, d: PyDeque, item: PyObject): void {
  if (d.leftIndex === 0) {
    d.blocks++;
    d.leftIndex = BLOCKLEN;
  }
  d.leftIndex--;
  d.items.unshift(item);
  rt.heap.incref(d, slotLabel(0), item);
  if (d.items.length > 1) rt.heap.recordReorder(d);
}

/** deque_popleft's bookkeeping; the item's reference goes to the caller (in transit). */
function takeLeft(rt: Runtime, d: PyDeque): PyObject {
  const item = d.items.shift()!;
  d.leftIndex++;
  d.state++;
  if (d.leftIndex === BLOCKLEN) {
    if (d.items.length > 0) {
      d.blocks--;
      d.leftIndex = 0;
    } else d.recenter();
  }
  rt.heap.move(d, slotLabel(0), rt.transit, 'result', item);
  if (d.items.length > 0) rt.heap.recordReorder(d);
  return item;
}

function takeRight(rt: Runtime, d: PyDeque): PyObject {
  const item = d.items.pop()!;
  d.rightIndex--;
  d.state++;
  if (d.rightIndex < 0) {
    if (d.items.length > 0) {
      d.blocks--;
      d.rightIndex = BLOCKLEN - 1;
    } else d.recenter();
  }
  rt.heap.move(d, slotLabel(d.items.length), rt.transit, 'result', item);
  return item;
}

/** Drops a reference taken out of the deque (Py_DECREF of the popped item). */
function drop(rt: Runtime, item: PyObject): void {
  rt.heap.decref(rt.transit, 'result', item);
}

/** deque_append_internal: the item goes in, then (past maxlen) the leftmost goes out. */
function appendInternal(rt: Runtime, d: PyDeque, item: PyObject, maxlen: number | null): void {
  pushRight(rt, d, item);
  if (maxlen !== null && d.items.length > maxlen) drop(rt, takeLeft(rt, d));
  else d.state++;
}

function appendLeftInternal(rt: Runtime, d: PyDeque, item: PyObject, maxlen: number | null): void {
  pushLeft(rt, d, item);
  if (maxlen !== null && d.items.length > maxlen) drop(rt, takeRight(rt, d));
  else d.state++;
}

/** _deque_rotate: n steps to the right (negative: to the left), moving whole runs between blocks. */
function rotate(rt: Runtime, d: PyDeque, steps: number): void {
  const len = d.items.length;
  const half = len >> 1;
  let n = steps;
  if (len <= 1) return;
  if (n > half || n < -half) {
    n %= len;
    if (n > half) n -= len;
    else if (n < -half) n += len;
  }
  d.state++;
  if (n === 0) return;
  for (let i = 0; i < n; i++) {
    if (d.leftIndex === 0) {
      d.blocks++;
      d.leftIndex = BLOCKLEN;
    }
    d.leftIndex--;
    d.rightIndex--;
    if (d.rightIndex < 0) {
      d.blocks--;
      d.rightIndex = BLOCKLEN - 1;
    }
  }
  for (let i = 0; i < -n; i++) {
    if (d.rightIndex === BLOCKLEN - 1) {
      d.blocks++;
      d.rightIndex = -1;
    }
    d.rightIndex++;
    d.leftIndex++;
    if (d.leftIndex === BLOCKLEN) {
      d.blocks--;
      d.leftIndex = 0;
    }
  }
  const k = ((n % len) + len) % len;
  d.items = [...d.items.slice(len - k), ...d.items.slice(0, len - k)];
  rt.heap.recordReorder(d);
}

/** deque_clear: empty (and re-centred) first, then the items released from left to right. */
function clear(rt: Runtime, d: PyDeque): void {
  const items = d.items;
  d.items = [];
  d.state++;
  d.recenter();
  items.forEach((item, i) => rt.heap.decref(d, slotLabel(i), item));
}

/** deque_extend (and extendleft): iterates the argument (a copy of it when it is the deque). */
function extend(rt: Runtime, d: PyDeque, iterable: PyObject, left: boolean): void {
  const p = rt.vm.p;
  p.run(() => {
    const source = iterable === d ? p.own(rt.newList(d.items)) : iterable;
    const it = p.own(p.getIter(source));
    if (d.maxlen === 0) {
      for (let item = p.next(it); item !== null; item = p.next(it)) p.discard(item);
      return;
    }
    // Space saving heuristic: an empty deque starts filling from the end it grows away from.
    if (d.items.length === 0) {
      d.leftIndex = left ? BLOCKLEN - 1 : 1;
      d.rightIndex = left ? BLOCKLEN - 2 : 0;
    }
    forEachItem(rt, it, (item) => {
      if (left) appendLeftInternal(rt, d, item, d.maxlen);
      else appendInternal(rt, d, item, d.maxlen);
    });
  });
}

/** The position of a deque item: an index (not a slice), negative counting from the right. */
function itemIndex(rt: Runtime, d: PyDeque, key: PyObject): number {
  const i = asIndex(rt, key);
  if (i === null) throw rt.error('TypeError', `sequence index must be integer, not '${key.cls.name}'`);
  const n = d.items.length;
  const index = i < 0 ? i + n : i;
  if (index < 0 || index >= n) throw rt.error('IndexError', 'deque index out of range');
  return index;
}

/** deque_del_item: rotate the item to the left end, pop it, rotate back, then let it go. */
function deleteItem(rt: Runtime, d: PyDeque, i: number): void {
  rotate(rt, d, -i);
  const item = takeLeft(rt, d);
  rotate(rt, d, i);
  drop(rt, item);
}

/** PyObject_RichCompareBool(a, b, Py_EQ). */
function same(rt: Runtime, a: PyObject, b: PyObject): boolean {
  return a === b || rt.vm.p.equals(a, b);
}

function checkState(rt: Runtime, d: PyDeque, state: number, message = 'deque mutated during iteration', type = 'RuntimeError'): void {
  if (d.state !== state) throw rt.error(type, message);
}

const reprsInProgress = new WeakSet<PyObject>();

/** deque_repr: `deque([...])` (with `, maxlen=n`), `[...]` for a deque inside itself. */
function dequeRepr(rt: Runtime, d: PyDeque): string {
  const name = d.cls.name;
  if (d.items.length === 0) return d.maxlen === null ? `${name}([])` : `${name}([], maxlen=${d.maxlen})`;
  rt.enterRepr();
  if (reprsInProgress.has(d)) return '[...]';
  reprsInProgress.add(d);
  try {
    let inner = '';
    rt.vm.p.run(() => {
      inner = repr(rt, rt.vm.p.own(rt.newList(d.items)));
    });
    return d.maxlen === null ? `${name}(${inner})` : `${name}(${inner}, maxlen=${d.maxlen})`;
  } finally {
    reprsInProgress.delete(d);
  }
}

function maxlenArgument(rt: Runtime, value: PyObject): number | null {
  if (value === rt.none) return null;
  const n = asIndex(rt, value);
  if (n === null) throw rt.error('TypeError', 'an integer is required');
  if (n < 0) throw rt.error('ValueError', 'maxlen must be non-negative');
  return n;
}

/** Makes the deque class (held by the caller's scope) and its iterator types. */
export function makeDequeTypes(rt: Runtime, module: string): DequeTypes {
  const p = rt.vm.p;
  const heapTypes = rt.lang.library.collectionsHeapTypes;
  const privateModule = heapTypes ? 'collections' : '_collections';
  const iterator = staticType(rt, `${privateModule}._deque_iterator`);
  const reverseIterator = staticType(rt, `${privateModule}._deque_reverse_iterator`);
  let dequeType: PyType;
  const self = (args: readonly PyObject[], name: string): PyDeque => {
    const d = args[0];
    if (!(d instanceof PyDeque)) throw rt.error('TypeError', `descriptor '${name}' for 'collections.deque' objects doesn't apply to a '${d?.cls.name ?? 'NoneType'}' object`);
    return d;
  };
  const newDeque = (cls: PyType): PyDeque => {
    const d = rt.heap.allocate(new PyDeque(cls, cls !== dequeType || heapTypes), { gc: true });
    if (d.holdsClass) rt.heap.incref(d, '__class__', cls);
    rt.heap.track(d);
    return d;
  };
  const newIterator = (d: PyDeque, reverse: boolean): PyObject => {
    const it = rt.heap.allocate(new PyDequeIterator(rt, reverse ? reverseIterator : iterator, d, reverse), { gc: true });
    it.set(rt.heap, 'deque', d);
    rt.heap.track(it);
    return it;
  };
  /** deque_copy: an exact deque copies itself by extending a new one; a subclass is called with (d, maxlen). */
  const copy = (d: PyDeque): PyObject => {
    if (d.cls === dequeType) {
      const fresh = newDeque(dequeType);
      fresh.maxlen = d.maxlen;
      rt.transitResult(fresh);
      if (d.items.length === 1) appendInternal(rt, fresh, d.items[0], fresh.maxlen);
      else extend(rt, fresh, d, false);
      return fresh;
    }
    return p.scope(() => p.call(d.cls, d.maxlen === null ? [d] : [d, p.own(rt.int(d.maxlen))], null));
  };
  /** deque_inplace_repeat. */
  const repeat = (d: PyDeque, times: PyObject): PyDeque => {
    const n = asIndex(rt, times);
    if (n === null) throw rt.error('TypeError', `can't multiply sequence by non-int of type '${times.cls.name}'`);
    if (n <= 0 || d.items.length === 0) {
      clear(rt, d);
      return d;
    }
    if (n === 1) return d;
    p.run(() => {
      const seq = p.own(rt.newList(d.items));
      for (let i = 1; i < n; i++) extend(rt, d, seq, false);
    });
    return d;
  };
  const compare = (op: 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE') => (args: readonly PyObject[]): PyObject => {
    const v = self(args, `__${op}__`);
    const w = args[1];
    if (!(w instanceof PyDeque)) return rt.notImplemented;
    const vs = v.items.length;
    const ws = w.items.length;
    if (op === 'Eq' && (v === w || vs !== ws)) return rt.bool(v === w);
    if (op === 'NotEq' && (v === w || vs !== ws)) return rt.bool(v !== w);
    const a = [...v.items];
    const b = [...w.items];
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (!same(rt, a[i], b[i])) {
        if (op === 'Eq') return rt.false_;
        if (op === 'NotEq') return rt.true_;
        return p.richCompare(op, a[i], b[i]);
      }
    }
    const order = { Eq: vs === ws, NotEq: vs !== ws, Lt: vs < ws, LtE: vs <= ws, Gt: vs > ws, GtE: vs >= ws }[op];
    return rt.bool(order);
  };
  const methods: Record<string, NativeFunction> = {
    __new__: (args) => {
      const cls = args[0];
      if (!(cls instanceof PyType) || !cls.isSubtypeOf(dequeType)) throw rt.error('TypeError', 'deque.__new__(X): X is not a subtype of deque');
      return newDeque(cls);
    },
    __init__: (args, kwargs) => {
      const d = self(args, '__init__');
      if (args.length > 3) throw rt.error('TypeError', `deque expected at most 2 arguments, got ${args.length - 1}`);
      const bound = bindArguments(rt, 'deque', [{ name: 'iterable', default: rt.none }, { name: 'maxlen', default: rt.none }], args.slice(1), kwargs);
      d.maxlen = maxlenArgument(rt, bound.values.get('maxlen')!);
      if (d.items.length > 0) clear(rt, d);
      const iterable = args.length > 1 ? args[1] : kwargs?.get('iterable');
      if (iterable !== undefined) extend(rt, d, iterable, false);
      return rt.none;
    },
    append: (args) => {
      const d = self(args, 'append');
      appendInternal(rt, d, args[1], d.maxlen);
      return rt.none;
    },
    appendleft: (args) => {
      const d = self(args, 'appendleft');
      appendLeftInternal(rt, d, args[1], d.maxlen);
      return rt.none;
    },
    pop: (args) => {
      const d = self(args, 'pop');
      if (d.items.length === 0) throw rt.error('IndexError', 'pop from an empty deque');
      return takeRight(rt, d);
    },
    popleft: (args) => {
      const d = self(args, 'popleft');
      if (d.items.length === 0) throw rt.error('IndexError', 'pop from an empty deque');
      return takeLeft(rt, d);
    },
    extend: (args) => {
      extend(rt, self(args, 'extend'), args[1], false);
      return rt.none;
    },
    extendleft: (args) => {
      extend(rt, self(args, 'extendleft'), args[1], true);
      return rt.none;
    },
    clear: (args) => {
      clear(rt, self(args, 'clear'));
      return rt.none;
    },
    copy: (args) => copy(self(args, 'copy')),
    __copy__: (args) => copy(self(args, '__copy__')),
    count: (args) => {
      const d = self(args, 'count');
      const state = d.state;
      let n = 0;
      for (const item of [...d.items]) {
        if (same(rt, item, args[1])) n++;
        checkState(rt, d, state);
      }
      return rt.int(n);
    },
    index: (args) => {
      const d = self(args, 'index');
      const len = d.items.length;
      const bound = (o: PyObject | undefined, dflt: number): number => {
        if (o === undefined) return dflt;
        const i = asIndex(rt, o);
        if (i === null) throw rt.error('TypeError', 'slice indices must be integers or have an __index__ method');
        return i < 0 ? Math.max(0, i + len) : Math.min(i, len);
      };
      const start = bound(args[2], 0);
      const stop = bound(args[3], len);
      const state = d.state;
      for (let i = start; i < stop && i < d.items.length; i++) {
        const found = same(rt, d.items[i], args[1]);
        checkState(rt, d, state);
        if (found) return rt.int(i);
      }
      throw rt.error('ValueError', `${repr(rt, args[1])} is not in deque`);
    },
    insert: (args) => {
      const d = self(args, 'insert');
      const i = asIndex(rt, args[1]);
      if (i === null) throw rt.error('TypeError', `'${args[1].cls.name}' object cannot be interpreted as an integer`);
      const n = d.items.length;
      if (d.maxlen === n) throw rt.error('IndexError', 'deque already at its maximum size');
      if (i >= n) appendInternal(rt, d, args[2], d.maxlen);
      else if (i <= -n || i === 0) appendLeftInternal(rt, d, args[2], d.maxlen);
      else {
        rotate(rt, d, -i);
        if (i < 0) appendInternal(rt, d, args[2], d.maxlen);
        else appendLeftInternal(rt, d, args[2], d.maxlen);
        rotate(rt, d, i);
      }
      return rt.none;
    },
    remove: (args) => {
      const d = self(args, 'remove');
      const state = d.state;
      for (let i = 0; i < d.items.length; i++) {
        const item = d.items[i];
        let found = false;
        p.run(() => {
          found = same(rt, p.own(item), args[1]);
        });
        checkState(rt, d, state, 'deque mutated during remove().', 'IndexError');
        if (found) {
          deleteItem(rt, d, i);
          return rt.none;
        }
      }
      throw rt.error('ValueError', `${repr(rt, args[1])} is not in deque`);
    },
    reverse: (args) => {
      const d = self(args, 'reverse');
      d.items.reverse();
      d.state++;
      rt.heap.recordReorder(d);
      return rt.none;
    },
    rotate: (args) => {
      const d = self(args, 'rotate');
      const n = args[1] === undefined ? 1 : asIndex(rt, args[1]);
      if (n === null) throw rt.error('TypeError', `'${args[1].cls.name}' object cannot be interpreted as an integer`);
      rotate(rt, d, n);
      return rt.none;
    },
    __len__: (args) => rt.int(self(args, '__len__').items.length),
    __bool__: (args) => rt.bool(self(args, '__bool__').items.length > 0),
    __iter__: (args) => newIterator(self(args, '__iter__'), false),
    __reversed__: (args) => newIterator(self(args, '__reversed__'), true),
    __contains__: (args) => {
      const d = self(args, '__contains__');
      const state = d.state;
      for (const item of [...d.items]) {
        const found = same(rt, item, args[1]);
        checkState(rt, d, state);
        if (found) return rt.true_;
      }
      return rt.false_;
    },
    __getitem__: (args) => {
      const d = self(args, '__getitem__');
      return d.items[itemIndex(rt, d, args[1])];
    },
    __setitem__: (args) => {
      const d = self(args, '__setitem__');
      const i = itemIndex(rt, d, args[1]);
      const old = d.items[i];
      rt.heap.incref(d, slotLabel(i), args[2]);
      d.items[i] = args[2];
      rt.heap.decref(d, slotLabel(i), old);
      return rt.none;
    },
    __delitem__: (args) => {
      const d = self(args, '__delitem__');
      deleteItem(rt, d, itemIndex(rt, d, args[1]));
      return rt.none;
    },
    __repr__: (args) => rt.str(dequeRepr(rt, self(args, '__repr__'))),
    __eq__: compare('Eq'),
    __ne__: compare('NotEq'),
    __lt__: compare('Lt'),
    __le__: compare('LtE'),
    __gt__: compare('Gt'),
    __ge__: compare('GtE'),
    __add__: (args) => {
      const d = self(args, '__add__');
      const other = args[1];
      if (!(other instanceof PyDeque)) throw rt.error('TypeError', `can only concatenate deque (not "${other.cls.name}") to deque`);
      const fresh = copy(d);
      p.run(() => extend(rt, p.own(fresh) as PyDeque, other, false));
      return fresh;
    },
    __iadd__: (args) => {
      const d = self(args, '__iadd__');
      extend(rt, d, args[1], false);
      return d;
    },
    __mul__: (args) => {
      const d = self(args, '__mul__');
      if (asIndex(rt, args[1]) === null) return rt.notImplemented;
      const fresh = copy(d) as PyDeque;
      return repeat(fresh, args[1]);
    },
    __rmul__: (args) => {
      const d = self(args, '__rmul__');
      if (asIndex(rt, args[1]) === null) return rt.notImplemented;
      const fresh = copy(d) as PyDeque;
      return repeat(fresh, args[1]);
    },
    __imul__: (args) => repeat(self(args, '__imul__'), args[1]),
    /** deque_reduce: (type, () or ((), maxlen), state, iter(d)). */
    __reduce__: (args) => {
      const d = self(args, '__reduce__');
      return p.scope(() => {
        const ctorArgs = d.maxlen === null ? rt.emptyTuple : p.own(rt.newTuple([rt.emptyTuple, p.own(rt.int(d.maxlen))]));
        return rt.newTuple([d.cls, ctorArgs, rt.none, p.own(newIterator(d, false))]);
      });
    },
    __sizeof__: (args) => rt.int(sizeofMethodValue(rt, self(args, '__sizeof__'), true)),
    __class_getitem__: (args) => newGenericAlias(rt, args[0], args[1]),
  };
  const namespace: [string, PyObject][] = [...methodsOf(rt, 'deque', module, null, methods, 'C'), ['__hash__', rt.none]];
  namespace.push(['maxlen', libraryProperty(rt, 'deque', module, 'maxlen', (args) => {
    const d = self(args, 'maxlen');
    return d.maxlen === null ? rt.none : rt.int(d.maxlen);
  })]);
  const doc = 'A list-like sequence optimized for data accesses near its endpoints.';
  dequeType = p.own(libraryClass(rt, { name: 'deque', module, bases: [rt.types.object], namespace, doc, instances: { dict: false, weakrefs: true } })) as PyType;
  return { deque: dequeType, iterator, reverseIterator };
}

/** deque_sizeof: the object and its blocks. */
export function dequeSize(rt: Runtime, d: PyDeque): number {
  return rt.lang.objectSizes.deque + d.blocks * BLOCK_BYTES;
}
