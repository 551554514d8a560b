import { sizeofMethodValue } from './sizes';
import type { HeapObject, Label, Release } from '../../core/heapObject';
import type { NativeFunction } from '../objects/base';
import { PyObject, PyType } from '../objects/base';
import { DictEntry, dictKeyLabel, dictValueLabel, PyDict } from '../objects/containers';
import { PyNativeIterator } from '../objects/native';
import { PyStruct } from '../objects/struct';
import { dictClear, dictDeleteAt, dictFind, dictSet, keyLabelText } from '../runtime/dicts';
import { collect } from '../runtime/iteration';
import type { Runtime } from '../runtime/runtime';
import { repr } from '../runtime/text';
import { classMethod, libraryClass, libraryFunction, methodsOf, staticType } from './library';
import { newGenericAlias } from './genericAlias';
import { checkedMethod } from './methodArguments';

/**
 * collections.OrderedDict (Objects/odictobject.c): a dict plus a linked list of nodes,
 * each holding its own reference to a key — so a key in an OrderedDict counts two
 * references from it. The simulation keeps the dict's entries in the list's order, so
 * everything that reads the dict through the OrderedDict reads its order; where CPython
 * walks the underlying dict itself (traversal, deallocation), the entries' insertion
 * order is kept aside.
 */
export class PyOrderedDict extends PyDict {
  /** od_state: bumped when a node is added, removed or moved (iterators compare it). */
  state = 0;
  /** Each entry's place in the underlying dict (insertion order, which move_to_end does not change). */
  readonly dictOrder = new Map<DictEntry, number>();
  private nextPosition = 0;

  constructor(
    cls: PyType,
    /** OrderedDict is a static type in every version: only instances of subclasses hold their class. */
    private readonly classReference: boolean,
  ) {
    super(cls);
    // _PyDict_MaybeUntrack is for exact dicts only.
    this.untrackKind = 'none';
  }

  override get holdsClass(): boolean {
    return this.classReference;
  }

  /** Notes a new entry's place in the underlying dict. */
  inserted(entry: DictEntry): void {
    this.dictOrder.set(entry, this.nextPosition++);
  }

  /** The live entries (with their key texts) in the underlying dict's order. */
  private entriesInDictOrder(): [DictEntry, string][] {
    const live: [DictEntry, string][] = [];
    this.entries.forEach((entry, i) => {
      if (entry !== null) live.push([entry, this.keyTexts[i]]);
    });
    return live.sort((a, b) => (this.dictOrder.get(a[0]) ?? 0) - (this.dictOrder.get(b[0]) ?? 0));
  }

  /** odict_traverse: the node keys, then dict_traverse over the underlying dict. */
  override traverse(visit: (target: HeapObject) => void): void {
    for (const entry of this.entries) if (entry !== null) visit(entry.key);
    for (const [entry] of this.entriesInDictOrder()) {
      visit(entry.value);
      if (this.generalKeys) visit(entry.key);
    }
    this.traverseExtras(visit);
  }

  override forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    this.entries.forEach((entry, i) => {
      if (entry !== null) visit(nodeLabel(this.keyTexts[i]), entry.key);
    });
    super.forEachReference(visit);
  }

  /** odict_dealloc: the nodes' keys (in the list's order), then the dict's entries (in its own order). */
  override releaseReferences(release: Release): void {
    this.releaseContents(release, true);
    this.releaseExtras(release);
  }

  /** odict_tp_clear: the instance dict, the dict's entries, then the nodes; the class stays. */
  override clearReferences(release: Release): boolean {
    const dict = this.attrs?.dict ?? null;
    if (dict !== null) {
      this.attrs!.dict = null;
      release('__dict__', dict);
    }
    this.releaseContents(release, false);
    return true;
  }

  private releaseContents(release: Release, nodesFirst: boolean): void {
    const nodes = this.entries.flatMap((entry, i) => (entry === null ? [] : [[nodeLabel(this.keyTexts[i]), entry.key] as const]));
    const entries = this.entriesInDictOrder();
    this.entries = [];
    this.keyTexts = [];
    this.index.clear();
    this.size = 0;
    this.dictOrder.clear();
    const releaseNodes = (): void => {
      for (const [label, key] of nodes) release(label, key);
    };
    if (nodesFirst) releaseNodes();
    for (const [entry, text] of entries) {
      release(dictKeyLabel(text), entry.key);
      release(dictValueLabel(text), entry.value);
    }
    if (!nodesFirst) releaseNodes();
  }
}

function nodeLabel(keyText: string): string {
  return `node ${keyText}`;
}

/** The types the OrderedDict needs: its class, its iterator type and its view types. */
interface OrderedDictTypes {
  readonly iterator: PyType;
  readonly keys: PyType;
  readonly values: PyType;
  readonly items: PyType;
}

/** odictiter: holds the OrderedDict (until exhausted) and the next key to give. */
class PyOrderedDictIterator extends PyNativeIterator {
  private readonly startState: number;
  private readonly startSize: number;

  constructor(
    private readonly rt: Runtime,
    cls: PyType,
    od: PyOrderedDict,
    private readonly reverse: boolean,
  ) {
    super(cls);
    this.startState = od.state;
    this.startSize = od.size;
  }

  advance(): PyObject | null {
    const rt = this.rt;
    const od = this.get('od') as PyOrderedDict | undefined;
    const current = this.get('current');
    if (od === undefined) return null;
    if (current === undefined) {
      this.clear(rt.heap, 'od');
      return null;
    }
    if (od.state !== this.startState) throw rt.error('RuntimeError', 'OrderedDict mutated during iteration');
    if (od.size !== this.startSize) throw rt.error('RuntimeError', 'OrderedDict changed size during iteration');
    const keys = liveKeys(od);
    const at = keys.indexOf(current);
    if (at < 0) throw rt.vm.raiseObject(rt.vm.p.instantiateException(rt.types.exceptions.get('KeyError')!, [current]));
    const next = keys[this.reverse ? at - 1 : at + 1];
    // The key's reference passes to the caller; the next key is held instead.
    rt.transitResult(current);
    if (next !== undefined) this.set(rt.heap, 'current', next);
    else this.clear(rt.heap, 'current');
    return current;
  }
}

function liveKeys(od: PyDict): PyObject[] {
  return [...od.liveEntries()].map((e) => e.key);
}

/** Puts the entry of `key` first or last, as _odict_remove_node and _odict_add_head/_tail do. */
function moveEntry(rt: Runtime, od: PyOrderedDict, index: number, last: boolean): void {
  const live: [DictEntry, string][] = [];
  od.entries.forEach((entry, i) => {
    if (entry !== null && i !== index) live.push([entry, od.keyTexts[i]]);
  });
  const moved: [DictEntry, string] = [od.entries[index]!, od.keyTexts[index]];
  if (last) live.push(moved);
  else live.unshift(moved);
  od.entries = live.map(([entry]) => entry);
  od.keyTexts = live.map(([, text]) => text);
  od.index.clear();
  od.entries.forEach((entry, i) => {
    const existing = od.index.get(entry!.tableKey);
    if (existing === undefined) od.index.set(entry!.tableKey, i);
    else od.index.set(entry!.tableKey, typeof existing === 'number' ? [existing, i] : [...existing, i]);
  });
  od.state++;
  rt.heap.recordReorder(od);
}

/** PyODict_SetItem: the dict's entry, and a node (holding the key) when the key is new. */
function setItem(rt: Runtime, od: PyOrderedDict, key: PyObject, value: PyObject): void {
  const isNew = dictFind(rt, od, key) < 0;
  dictSet(rt, od, key, value);
  if (isNew) {
    od.inserted(od.entries[od.entries.length - 1]!);
    rt.heap.incref(od, nodeLabel(keyLabelText(key)), key);
    od.state++;
  }
}

/** Removes the key's node, then its dict entry (its value in transit when `keepValue`). */
function removeItem(rt: Runtime, od: PyOrderedDict, index: number, keepValue: boolean): PyObject {
  const entry = od.entries[index]!;
  od.state++;
  od.dictOrder.delete(entry);
  rt.heap.decref(od, nodeLabel(od.keyTexts[index]), entry.key);
  if (keepValue) rt.transitResult(entry.value);
  dictDeleteAt(rt, od, index);
  return entry.value;
}

function keyError(rt: Runtime, key: PyObject): Error {
  return rt.vm.raiseObject(rt.vm.p.instantiateException(rt.types.exceptions.get('KeyError')!, [key]));
}

/** The dict comparison (dict_equal): same size, and each key's value equal in the other. */
function dictEqual(rt: Runtime, a: PyDict, b: PyDict): boolean {
  if (a.size !== b.size) return false;
  for (const entry of [...a.liveEntries()]) {
    const i = dictFind(rt, b, entry.key);
    if (i < 0) return false;
    const other = b.entries[i]!.value;
    if (entry.value !== other && !rt.vm.p.equals(entry.value, other)) return false;
  }
  return true;
}

const reprsInProgress = new WeakSet<PyObject>();

/** Makes the OrderedDict class (held by the caller's scope). */
export function makeOrderedDictType(rt: Runtime, module: string): PyType {
  const p = rt.vm.p;
  const types: OrderedDictTypes = {
    iterator: staticType(rt, 'odict_iterator'),
    keys: staticType(rt, 'odict_keys', rt.types.dict_keys),
    values: staticType(rt, 'odict_values', rt.types.dict_values),
    items: staticType(rt, 'odict_items', rt.types.dict_items),
  };
  let odType: PyType;
  const self = (args: readonly PyObject[], name: string): PyOrderedDict => {
    const od = args[0];
    if (!(od instanceof PyOrderedDict)) throw rt.error('TypeError', `descriptor '${name}' for 'collections.OrderedDict' objects doesn't apply to a '${od?.cls.name ?? 'NoneType'}' object`);
    return od;
  };
  const view = (od: PyOrderedDict, type: PyType): PyObject => {
    const v = rt.heap.allocate(new PyStruct(type), { gc: true });
    v.set(rt.heap, 'mapping', od);
    rt.heap.track(v);
    return v;
  };
  const iterator = (od: PyOrderedDict, reverse: boolean): PyObject => {
    const it = rt.heap.allocate(new PyOrderedDictIterator(rt, types.iterator, od, reverse), { gc: true });
    it.set(rt.heap, 'od', od);
    const keys = liveKeys(od);
    const first = reverse ? keys[keys.length - 1] : keys[0];
    if (first !== undefined) it.set(rt.heap, 'current', first);
    rt.heap.track(it);
    return it;
  };
  /** Sets through the class's __setitem__ when a subclass has its own (PyObject_SetItem). */
  const store = (od: PyOrderedDict, key: PyObject, value: PyObject): void => {
    if (od.cls === odType) setItem(rt, od, key, value);
    else p.setitem(od, key, value);
  };
  /** mutablemapping_update: a dict's items, a mapping's keys, or pairs; then the keywords. */
  const update = (od: PyOrderedDict, name: string, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): void => {
    if (args.length > 1) throw rt.error('TypeError', `${name} expected at most 1 argument, got ${args.length}`);
    p.run(() => {
      const other = args[0];
      if (other !== undefined) {
        if (other instanceof PyDict && other.cls === rt.types.dict) {
          for (const entry of [...other.liveEntries()]) p.run(() => store(od, p.own(entry.key), p.own(entry.value)));
        } else if (p.getattrOrUndefined(other, 'keys') !== undefined) {
          for (const key of collect(rt, p.own(p.callMethod(other, 'keys', [])))) p.run(() => store(od, key, p.own(p.getitem(other, key))));
        } else {
          for (const pair of collect(rt, other)) {
            const kv = collect(rt, pair);
            if (kv.length !== 2) throw rt.error('TypeError', 'expected 2-item tuples');
            store(od, kv[0], kv[1]);
          }
        }
      }
      if (kwargs) for (const [k, v] of kwargs) store(od, p.own(rt.str(k)), v);
    });
  };
  const copy = (od: PyOrderedDict): PyObject =>
    p.scope(() => {
      const fresh = p.own(p.call(od.cls, [], null)) as PyOrderedDict;
      for (const entry of [...od.liveEntries()]) store(fresh, entry.key, entry.value);
      return fresh;
    });
  const compare = (eq: boolean) => (args: readonly PyObject[]): PyObject => {
    const od = self(args, eq ? '__eq__' : '__ne__');
    const other = args[1];
    if (!(other instanceof PyDict)) return rt.notImplemented;
    let same = dictEqual(rt, od, other);
    if (same && other instanceof PyOrderedDict) {
      const a = liveKeys(od);
      const b = liveKeys(other);
      same = a.every((key, i) => key === b[i] || p.equals(key, b[i]));
    }
    return rt.bool(same === eq);
  };
  const orOperator = (selfArg: PyObject, other: PyObject, reflected: boolean): PyObject => {
    const od = self([selfArg], reflected ? '__ror__' : '__or__');
    if (!(other instanceof PyDict)) return rt.notImplemented;
    return p.scope(() => {
      const base = reflected ? other : od;
      const fresh = p.own(p.call(od.cls, [], null)) as PyOrderedDict;
      for (const entry of [...base.liveEntries()]) store(fresh, entry.key, entry.value);
      update(fresh, 'update', [reflected ? od : other], null);
      return fresh;
    });
  };
  const methods: Record<string, NativeFunction> = {
    __new__: (args) => {
      const cls = args[0];
      if (!(cls instanceof PyType) || !cls.isSubtypeOf(odType)) throw rt.error('TypeError', 'OrderedDict.__new__(X): X is not a subtype of OrderedDict');
      const od = rt.heap.allocate(new PyOrderedDict(cls, cls !== odType), { gc: true });
      if (od.holdsClass) rt.heap.incref(od, '__class__', cls);
      rt.heap.track(od);
      return od;
    },
    __init__: (args, kwargs) => {
      update(self(args, '__init__'), 'OrderedDict', args.slice(1), kwargs);
      return rt.none;
    },
    __setitem__: (args) => {
      setItem(rt, self(args, '__setitem__'), args[1], args[2]);
      return rt.none;
    },
    __delitem__: (args) => {
      const od = self(args, '__delitem__');
      const i = dictFind(rt, od, args[1]);
      if (i < 0) throw keyError(rt, args[1]);
      removeItem(rt, od, i, false);
      return rt.none;
    },
    __iter__: (args) => iterator(self(args, '__iter__'), false),
    __reversed__: (args) => iterator(self(args, '__reversed__'), true),
    __eq__: compare(true),
    __ne__: compare(false),
    __repr__: (args) => rt.str(orderedDictRepr(rt, self(args, '__repr__'))),
    keys: (args) => view(self(args, 'keys'), types.keys),
    values: (args) => view(self(args, 'values'), types.values),
    items: (args) => view(self(args, 'items'), types.items),
    update: (args, kwargs) => {
      update(self(args, 'update'), 'update', args.slice(1), kwargs);
      return rt.none;
    },
    pop: (args, kwargs) => {
      const od = self(args, 'pop');
      const key = args[1] ?? kwargs?.get('key');
      if (key === undefined) throw rt.error('TypeError', "pop() missing required argument 'key' (pos 1)");
      const i = dictFind(rt, od, key);
      if (i < 0) {
        const dflt = args[2] ?? kwargs?.get('default');
        if (dflt !== undefined) return dflt;
        throw keyError(rt, key);
      }
      return removeItem(rt, od, i, true);
    },
    popitem: (args, kwargs) => {
      const od = self(args, 'popitem');
      const last = p.truthy(args[1] ?? kwargs?.get('last') ?? rt.true_);
      const keys = liveKeys(od);
      if (keys.length === 0) throw rt.error('KeyError', 'dictionary is empty');
      const key = last ? keys[keys.length - 1] : keys[0];
      return p.scope(() => {
        p.own(key);
        const value = p.own(removeItem(rt, od, dictFind(rt, od, key), true));
        return rt.newTuple([key, value]);
      });
    },
    setdefault: (args) => {
      const od = self(args, 'setdefault');
      const key = args[1];
      const dflt = args[2] ?? rt.none;
      const i = dictFind(rt, od, key);
      if (i >= 0) return od.entries[i]!.value;
      store(od, key, dflt);
      return dflt;
    },
    clear: (args) => {
      const od = self(args, 'clear');
      // odict_clear: PyDict_Clear (the entries in the dict's own order), then the nodes (which still held the keys).
      const nodes = [...od.entries.entries()].filter(([, e]) => e !== null).map(([i, e]) => [nodeLabel(od.keyTexts[i]), e!.key] as const);
      const inDictOrder = [...od.entries.entries()].filter(([, e]) => e !== null).sort(([, a], [, b]) => (od.dictOrder.get(a!) ?? 0) - (od.dictOrder.get(b!) ?? 0));
      od.keyTexts = inDictOrder.map(([i]) => od.keyTexts[i]);
      od.entries = inDictOrder.map(([, e]) => e);
      od.dictOrder.clear();
      dictClear(rt, od);
      od.state++;
      for (const [label, key] of nodes) rt.heap.decref(od, label, key);
      return rt.none;
    },
    copy: (args) => copy(self(args, 'copy')),
    move_to_end: (args, kwargs) => {
      const od = self(args, 'move_to_end');
      const key = args[1];
      const last = p.truthy(args[2] ?? kwargs?.get('last') ?? rt.true_);
      const i = dictFind(rt, od, key);
      if (i < 0) throw keyError(rt, key);
      moveEntry(rt, od, i, last);
      return rt.none;
    },
    /** odict_reduce: (type, (), state, None, iter(items)). */
    __reduce__: (args) => {
      const od = self(args, '__reduce__');
      return p.scope(() => {
        const dict = od.attrs?.dict ?? null;
        const state = dict !== null && dict.size > 0 ? dict : rt.none;
        const items = p.own(p.getIter(p.own(p.callMethod(od, 'items', []))));
        return rt.newTuple([od.cls, rt.emptyTuple, state, rt.none, items]);
      });
    },
    __or__: (args) => orOperator(args[0], args[1], false),
    __ror__: (args) => orOperator(args[0], args[1], true),
    __ior__: (args) => {
      const od = self(args, '__ior__');
      update(od, 'update', [args[1]], null);
      return od;
    },
    __sizeof__: (args) => rt.int(sizeofMethodValue(rt, self(args, '__sizeof__'), true)),
    __class_getitem__: (args) => newGenericAlias(rt, args[0], args[1]),
  };
  const fromkeysImpl: NativeFunction = (args, kwargs) =>
    p.scope(() => {
      const [cls, iterable, value] = [args[0], args[1] ?? kwargs?.get('iterable'), args[2] ?? kwargs?.get('value') ?? rt.none];
      const made = p.own(p.call(cls, [], null));
      for (const key of collect(rt, iterable!)) p.setitem(made, key, value);
      return made;
    });
  const fromkeys = libraryFunction(rt, { name: 'fromkeys', qualname: 'OrderedDict.fromkeys', module }, checkedMethod(rt, 'OrderedDict', 'fromkeys', fromkeysImpl));
  p.own(fromkeys);
  const namespace: [string, PyObject][] = [...methodsOf(rt, 'OrderedDict', module, null, methods, 'C'), ['fromkeys', p.own(classMethod(rt, fromkeys))]];
  odType = p.own(libraryClass(rt, { name: 'OrderedDict', module, bases: [rt.types.dict], namespace, doc: 'Dictionary that remembers insertion order', instances: { dict: true, weakrefs: true } })) as PyType;
  return odType;
}

/**
 * odict_repr: `OrderedDict()` when empty; else the pairs as a list (3.10, 3.11) or a dict
 * (3.12+); `...` for the OrderedDict inside itself.
 */
function orderedDictRepr(rt: Runtime, od: PyOrderedDict): string {
  const p = rt.vm.p;
  const name = od.cls.name;
  if (od.size === 0) return `${name}()`;
  rt.enterRepr();
  if (reprsInProgress.has(od)) return '...';
  reprsInProgress.add(od);
  try {
    let inner = '';
    p.run(() => {
      const pairs = [...od.liveEntries()];
      if (rt.lang.library.orderedDictReprAsDict) {
        const dict = p.own(rt.newDict()) as PyDict;
        for (const entry of pairs) dictSet(rt, dict, entry.key, entry.value);
        inner = repr(rt, dict);
      } else {
        inner = repr(rt, p.own(rt.newList(pairs.map((entry) => p.own(rt.newTuple([entry.key, entry.value]))))));
      }
    });
    return `${name}(${inner})`;
  } finally {
    reprsInProgress.delete(od);
  }
}

