import type { ExecFrame } from '../interpret/frame';
import { TEMPORARY } from '../interpret/frame';
import { PyBytes, PyInt, PyStr } from '../objects/atoms';
import type { PyObject } from '../objects/base';
import { PyFunction, PyGenerator } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import { PyNativeIterator } from '../objects/native';
import { PyStruct } from '../objects/struct';
import { typeLookup } from './attributes';
import { PythonError } from './errors';
import { countWork } from './limits';
import type { Runtime } from './runtime';

/**
 * Iterators. Builtin iterators hold their sequence (a counted reference, `it_seq`) and
 * let go of it when exhausted, as CPython's do.
 */

interface SeqState {
  index: number;
}
interface RangeState {
  next: number | bigint;
  stop: number | bigint;
  step: number | bigint;
}
interface DictIterState {
  position: number;
  kind: 'keys' | 'values' | 'items';
  size: number;
}

function newIterator(rt: Runtime, type: PyStruct['cls'], fields: Record<string, PyObject>, state: unknown): PyStruct {
  const it = rt.heap.allocate(new PyStruct(type), { gc: true });
  for (const [name, value] of Object.entries(fields)) it.set(rt.heap, name, value);
  it.state = state;
  rt.heap.track(it);
  return it;
}

/** iter(obj). */
export function getIter(rt: Runtime, obj: PyObject): PyObject {
  const t = rt.types;
  if (obj instanceof PyGenerator) return obj;
  if (obj.cls.isHeapType) {
    const method = typeLookup(rt, obj.cls, '__iter__');
    if (method instanceof PyFunction) {
      const it = rt.vm.p.call(method, [obj], null);
      return it;
    }
    if (typeLookup(rt, obj.cls, '__getitem__') instanceof PyFunction) return newIterator(rt, t.callable_iterator, { it_seq: obj }, { index: 0, getitem: true });
  }
  if (obj instanceof PyList) return newIterator(rt, t.list_iterator, { it_seq: obj }, { index: 0 } satisfies SeqState);
  if (obj instanceof PyTuple) return newIterator(rt, t.tuple_iterator, { it_seq: obj }, { index: 0 } satisfies SeqState);
  if (obj instanceof PyStr) return newIterator(rt, t.str_iterator, { it_seq: obj }, { index: 0 } satisfies SeqState);
  if (obj instanceof PyDict) return dictIterator(rt, obj, 'keys');
  if (obj instanceof PySet) return newIterator(rt, t.set_iterator, { it_seq: obj }, { index: 0, size: obj.items.length });
  if (obj instanceof PyBytes) {
    return rt.vm.p.scope(() => newIterator(rt, t.tuple_iterator, { it_seq: rt.vm.p.own(rt.newTuple(Array.from(obj.value, (b) => rt.int(b)))) }, { index: 0 } satisfies SeqState));
  }
  const special = rt.vm.p.specialIter(obj);
  if (special !== null) return special;
  if (isIterator(rt, obj)) return obj;
  throw rt.error('TypeError', `'${obj.cls.name}' object is not iterable`);
}

export function dictIterator(rt: Runtime, dict: PyDict, kind: 'keys' | 'values' | 'items'): PyStruct {
  const t = rt.types;
  const type = kind === 'keys' ? t.dict_keyiterator : kind === 'values' ? t.dict_valueiterator : t.dict_itemiterator;
  return newIterator(rt, type, { it_seq: dict }, { position: 0, kind, size: dict.size } satisfies DictIterState);
}

export function rangeIterator(rt: Runtime, start: number | bigint, stop: number | bigint, step: number | bigint): PyStruct {
  return newIterator(rt, rt.types.range_iterator, {}, { next: start, stop, step } satisfies RangeState);
}

const ITERATOR_TYPES = new Set(['list_iterator', 'tuple_iterator', 'str_iterator', 'str_ascii_iterator', 'set_iterator', 'dict_keyiterator', 'dict_valueiterator', 'dict_itemiterator', 'range_iterator', 'callable_iterator', 'list_reverseiterator', 'enumerate', 'zip', 'map', 'filter', 'reversed']);

/** PyIter_Check. */
export function isIterator(rt: Runtime, obj: PyObject): boolean {
  if (obj instanceof PyNativeIterator) return true;
  if (ITERATOR_TYPES.has(obj.cls.name) && !obj.cls.isHeapType) return true;
  return obj.cls.isHeapType && typeLookup(rt, obj.cls, '__next__') instanceof PyFunction;
}

/** The sequence is done: the iterator drops it. */
function exhaust(rt: Runtime, it: PyStruct): null {
  it.clear(rt.heap, 'it_seq');
  return null;
}

/** next(iterator): the item (borrowed, fresh or in transit), or null when exhausted. */
export function next(rt: Runtime, it: PyObject): PyObject | null {
  if (it instanceof PyNativeIterator) return it.advance();
  if (it instanceof PyGenerator) {
    // A for loop or list() ends quietly on return: the return value is dropped.
    const step = rt.vm.resume(it, rt.none, null);
    if (step === null) return null;
    if (!step.done) return step.value;
    rt.vm.p.discard(step.value);
    return null;
  }
  countWork(rt);
  if (it instanceof PyStruct && !it.cls.isHeapType) {
    const t = rt.types;
    const seq = it.get('it_seq');
    switch (it.cls) {
      case t.list_iterator:
      case t.tuple_iterator: {
        const state = it.state as SeqState;
        if (seq === undefined) return null;
        const items = (seq as PyList | PyTuple).items;
        if (state.index < items.length) return items[state.index++];
        return exhaust(rt, it);
      }
      case t.list_reverseiterator:
      case t.reversed: {
        const state = it.state as SeqState;
        if (seq === undefined) return null;
        const items = (seq as PyList).items;
        if (state.index >= 0 && state.index < items.length) return items[state.index--];
        return exhaust(rt, it);
      }
      case t.str_iterator: {
        // `index` counts code points; `offset` is where the next one starts in the JS string.
        const state = it.state as SeqState & { offset?: number };
        if (seq === undefined) return null;
        const value = (seq as PyStr).value;
        const offset = state.offset ?? 0;
        if (offset < value.length) {
          const codePoint = value.codePointAt(offset)!;
          state.offset = offset + (codePoint > 0xffff ? 2 : 1);
          state.index++;
          return rt.str(String.fromCodePoint(codePoint));
        }
        return exhaust(rt, it);
      }
      case t.set_iterator: {
        const state = it.state as { index: number; size: number };
        if (seq === undefined) return null;
        const set = seq as PySet;
        if (set.items.length !== state.size) throw rt.error('RuntimeError', 'Set changed size during iteration');
        if (state.index < set.items.length) return set.items[state.index++];
        return exhaust(rt, it);
      }
      case t.dict_keyiterator:
      case t.dict_valueiterator:
      case t.dict_itemiterator: {
        const state = it.state as DictIterState;
        if (seq === undefined) return null;
        const dict = seq as PyDict;
        if (dict.size !== state.size) {
          state.size = -1;
          throw rt.error('RuntimeError', 'dictionary changed size during iteration');
        }
        while (state.position < dict.entries.length && dict.entries[state.position] === null) state.position++;
        if (state.position >= dict.entries.length) return exhaust(rt, it);
        const entry = dict.entries[state.position++]!;
        if (state.kind === 'keys') return entry.key;
        if (state.kind === 'values') return entry.value;
        return rt.newTuple([entry.key, entry.value]);
      }
      case t.range_iterator: {
        const s = it.state as RangeState;
        const more = s.step > 0 ? s.next < s.stop : s.next > s.stop;
        if (!more) return null;
        const value = s.next;
        s.next = typeof value === 'number' && typeof s.step === 'number' ? value + s.step : BigInt(value) + BigInt(s.step);
        return rt.int(value);
      }
      case t.callable_iterator: {
        const state = it.state as { index: number; getitem?: boolean; sentinel?: boolean };
        if (seq === undefined) return null;
        if (state.getitem) {
          try {
            return rt.vm.p.getitem(seq, rt.int(state.index++));
          } catch (e) {
            if (e instanceof PythonError && rt.vm.p.isInstanceOfName(e.exception, 'IndexError')) {
              rt.vm.p.clearError(e);
              return exhaust(rt, it);
            }
            throw e;
          }
        }
        const value = rt.vm.p.call(seq, [], null);
        const sentinel = it.get('sentinel')!;
        if (rt.vm.p.equals(value, sentinel)) {
          rt.vm.p.discard(value);
          return exhaust(rt, it);
        }
        return value;
      }
      case t.enumerate: {
        const inner = it.get('it')!;
        const state = it.state as { count: number };
        return rt.vm.p.scope(() => {
          const item = next(rt, inner);
          if (item === null) return null;
          return rt.newTuple([rt.int(state.count++), rt.vm.p.own(item)]);
        });
      }
      case t.zip: {
        const iterators = (it.get('iterators') as PyTuple).items;
        return rt.vm.p.scope(() => {
          const items: PyObject[] = [];
          for (const inner of iterators) {
            const item = next(rt, inner);
            if (item === null) return null;
            items.push(rt.vm.p.own(item));
          }
          return rt.newTuple(items);
        });
      }
      case t.map: {
        const fn = it.get('func')!;
        const iterators = (it.get('iterators') as PyTuple).items;
        return rt.vm.p.scope(() => {
          const items: PyObject[] = [];
          for (const inner of iterators) {
            const item = next(rt, inner);
            if (item === null) return null;
            items.push(rt.vm.p.own(item));
          }
          return rt.vm.p.call(fn, items, null);
        });
      }
      case t.filter: {
        const fn = it.get('func')!;
        const inner = it.get('it')!;
        return rt.vm.p.scope(() => {
          for (;;) {
            const item = next(rt, inner);
            if (item === null) return null;
            rt.vm.p.own(item);
            const keep = fn === rt.none ? rt.vm.p.truthy(item) : rt.vm.p.callTruthy(fn, [item]);
            if (keep) return item;
          }
        });
      }
    }
  }
  if (it.cls.isHeapType) {
    const method = typeLookup(rt, it.cls, '__next__');
    if (method instanceof PyFunction) {
      try {
        return rt.vm.p.call(method, [it], null);
      } catch (e) {
        if (e instanceof PythonError && rt.vm.p.isInstanceOfName(e.exception, 'StopIteration')) {
          rt.vm.p.clearError(e);
          return null;
        }
        throw e;
      }
    }
  }
  throw rt.error('TypeError', `'${it.cls.name}' object is not an iterator`);
}

/**
 * PyObject_LengthHint: len() for objects that have one, what an iterator says is left
 * (__length_hint__), or `fallback`. list.extend sizes the list with it before iterating.
 */
export function lengthHint(rt: Runtime, obj: PyObject, fallback: number): number {
  const p = rt.vm.p;
  const sized = obj instanceof PyList || obj instanceof PyTuple || obj instanceof PyStr || obj instanceof PyDict || obj instanceof PySet || obj instanceof PyBytes;
  if (sized || (obj.cls.isHeapType && typeLookup(rt, obj.cls, '__len__') !== undefined)) return p.len(obj);
  const special = obj.cls.isHeapType ? null : p.specialLength(obj);
  if (special !== null) return special;
  if (obj instanceof PyStruct && !obj.cls.isHeapType) {
    const t = rt.types;
    const seq = obj.get('it_seq');
    switch (obj.cls) {
      case t.list_iterator:
      case t.tuple_iterator:
        return seq === undefined ? 0 : Math.max(0, (seq as PyList | PyTuple).items.length - (obj.state as SeqState).index);
      case t.list_reverseiterator:
      case t.reversed:
        return seq === undefined ? 0 : Math.max(0, Math.min((obj.state as SeqState).index + 1, (seq as PyList).items.length));
      case t.range_iterator: {
        const { next: at, stop, step } = obj.state as RangeState;
        const [a, b, c] = [Number(at), Number(stop), Number(step)];
        return c > 0 ? Math.max(0, Math.ceil((b - a) / c)) : Math.max(0, Math.ceil((a - b) / -c));
      }
    }
  }
  if (obj.cls.isHeapType) {
    const hint = typeLookup(rt, obj.cls, '__length_hint__');
    if (hint !== undefined) {
      let n = fallback;
      p.run(() => {
        const r = p.own(p.call(hint, [obj], null));
        if (r instanceof PyInt) n = Number(r.value);
      });
      return n;
    }
  }
  return fallback;
}

/**
 * Every item of an iterable. Call inside `p.scope`: the items are held by the scope (a
 * generator's items would otherwise die at once) until it ends.
 */
export function collect(rt: Runtime, iterable: PyObject): PyObject[] {
  if ((iterable instanceof PyList || iterable instanceof PyTuple) && !iterable.cls.isHeapType) return [...iterable.items];
  const p = rt.vm.p;
  const it = p.own(getIter(rt, iterable));
  const items: PyObject[] = [];
  for (;;) {
    const item = next(rt, it);
    if (item === null) break;
    items.push(p.own(item));
  }
  return items;
}

/** UNPACK_SEQUENCE / UNPACK_EX: replaces the iterable on the stack by its items, first on top. */
export function unpack(rt: Runtime, frame: ExecFrame, count: number, starIndex: number): void {
  const source = frame.stack[frame.stack.length - 1]!;
  rt.vm.p.scope(() => {
    unpackItems(rt, frame, source, count, starIndex);
    return null;
  });
}

function unpackItems(rt: Runtime, frame: ExecFrame, source: PyObject, count: number, starIndex: number): void {
  const heap = rt.heap;
  let items: PyObject[];
  const exactSequence = (source instanceof PyList || source instanceof PyTuple) && !source.cls.isHeapType;
  items = exactSequence ? [...(source as PyList).items] : collect(rt, source);
  if (starIndex < 0) {
    if (items.length < count) throw rt.error('ValueError', `not enough values to unpack (expected ${count}, got ${items.length})`);
    if (items.length > count) throw rt.error('ValueError', tooMany(rt, count, items.length, exactSequence));
  } else {
    if (items.length < count) throw rt.error('ValueError', `not enough values to unpack (expected at least ${count}, got ${items.length})`);
    const after = count - starIndex;
    const middle = rt.newList(items.slice(starIndex, items.length - after));
    items = [...items.slice(0, starIndex), middle, ...items.slice(items.length - after)];
  }
  for (let i = items.length - 1; i >= 0; i--) {
    heap.incref(frame.holder, TEMPORARY, items[i]);
    frame.stack.push(items[i]);
    frame.borrowed.push(false);
  }
  rt.vm.release(frame, frame.stack.length - 1 - items.length);
}

function tooMany(rt: Runtime, expected: number, got: number, known: boolean): string {
  return rt.lang.messages.tooManyToUnpack(expected, known ? got : null);
}

export function isIntObject(o: PyObject): o is PyInt {
  return o instanceof PyInt;
}
