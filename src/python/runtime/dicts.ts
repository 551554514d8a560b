import { mayBeTracked } from '../../core/collector';
import type { Holder } from '../../core/heapObject';
import { PyComplex, PyFloat, PyInt, PySingleton, PyStr } from '../objects/atoms';
import type { PyObject } from '../objects/base';
import { DictEntry, dictKeyLabel, dictValueLabel, PyDict, PyDictView, PySet, PyTuple, TableKey } from '../objects/containers';
import { TEMPORARY } from '../interpret/frame';
import type { ExecFrame } from '../interpret/frame';
import type { Runtime } from './runtime';
import { genericDelattr, genericSetattr, typeLookup } from './attributes';
import { PyFunction } from '../objects/callables';

/**
 * Dict and set tables with Python's hashing and equality: builtin keys index directly;
 * keys with a Python-level __hash__ share a bucket and are compared with __eq__.
 */

/** The table key of a hashable object, or throws TypeError (unhashable). */
export function tableKey(rt: Runtime, obj: PyObject): TableKey {
  if (obj instanceof PyStr) return 's' + obj.value;
  if (obj instanceof PyInt) return typeof obj.value === 'number' ? obj.value : 'b' + obj.value.toString();
  if (obj instanceof PyFloat) {
    const v = obj.value;
    if (Number.isInteger(v)) return Number.isSafeInteger(v) ? v : 'b' + BigInt(v).toString();
    if (Number.isNaN(v)) return 'o' + obj.id;
    return 'f' + v;
  }
  if (obj instanceof PySingleton) return 'o' + obj.id;
  if (obj instanceof PyComplex) return obj.imag === 0 ? tableKey(rt, rt.float(obj.real)) : `c${obj.real},${obj.imag}`;
  // A tuple subclass (a named tuple) hashes and compares as its items do, unless it has a __hash__ of its own.
  if (obj instanceof PyTuple && (obj.cls === rt.types.tuple || !(typeLookup(rt, obj.cls, '__hash__') instanceof PyFunction || typeLookup(rt, obj.cls, '__hash__') === rt.none))) {
    return 't(' + obj.items.map((i) => keyText(tableKey(rt, i))).join(',') + ')';
  }
  if (obj instanceof PySet && obj.cls === rt.types.frozenset) return 'z(' + obj.tableKeys.map(keyText).sort().join(',') + ')';
  return rt.vm.p.hashKey(obj);
}

function keyText(key: TableKey): string {
  return typeof key === 'number' ? 'n' + key : key;
}

/** A short text of a key for reference labels (never runs Python code). */
export function keyLabelText(obj: PyObject): string {
  if (obj instanceof PyStr || obj instanceof PyInt || obj instanceof PyFloat || obj instanceof PySingleton) return obj.display();
  if (obj instanceof PyTuple) return `(${obj.items.map(keyLabelText).join(', ')}${obj.items.length === 1 ? ',' : ''})`;
  return `<${obj.cls.name}#${obj.id}>`;
}

/** Whether a key found in a bucket equals `key` (identity, then __eq__ for Python-hashed keys). */
function sameKey(rt: Runtime, stored: PyObject, key: PyObject, tk: TableKey): boolean {
  if (stored === key) return true;
  if (typeof tk === 'string' && tk.startsWith('h')) return rt.vm.p.equals(stored, key);
  return true;
}

/** The position of `key` in the dict's entries, or -1. */
export function dictFind(rt: Runtime, dict: PyDict, key: PyObject, tk: TableKey = tableKey(rt, key)): number {
  const found = dict.index.get(tk);
  if (found === undefined) return -1;
  if (typeof found === 'number') return sameKey(rt, dict.entries[found]!.key, key, tk) ? found : -1;
  for (const i of found) if (sameKey(rt, dict.entries[i]!.key, key, tk)) return i;
  return -1;
}

export function dictGet(rt: Runtime, dict: PyDict, key: PyObject): PyObject | undefined {
  const i = dictFind(rt, dict, key);
  return i < 0 ? undefined : dict.entries[i]!.value;
}

/** Fast path for str keys (names in namespaces). */
export function dictGetStr(dict: PyDict, name: string): PyObject | undefined {
  const i = dict.index.get('s' + name);
  return typeof i === 'number' ? dict.entries[i]!.value : undefined;
}

/**
 * d[key] = value. New entries take a reference to the key and the value; an existing entry
 * keeps its key and drops the old value after storing the new one.
 * `from` moves the value's reference from that holder instead of taking a new one.
 */
export function dictSet(rt: Runtime, dict: PyDict, key: PyObject, value: PyObject, from?: { holder: Holder; label: string }): void {
  if (dict instanceof PyDictView) {
    if (!(key instanceof PyStr)) throw rt.error('TypeError', 'attribute name must be string');
    // A store into the instance's __dict__ bypasses its class's __setattr__.
    genericSetattr(rt, dict.owner, key.value, value);
    if (from) rt.heap.decref(from.holder, from.label, value);
    return;
  }
  const heap = rt.heap;
  const tk = tableKey(rt, key);
  const i = dictFind(rt, dict, key, tk);
  if (i >= 0) {
    const entry = dict.entries[i]!;
    const old = entry.value;
    const label = dictValueLabel(dict.keyTexts[i]);
    if (from) heap.move(from.holder, from.label, dict, label, value);
    else heap.incref(dict, label, value);
    entry.value = value;
    maintainTracking(rt, dict, key, value);
    heap.decref(dict, label, old);
    return;
  }
  const position = dict.entries.length;
  if (!(key instanceof PyStr) || key.cls !== rt.types.str) dict.generalKeys = true;
  const text = keyLabelText(key);
  dict.keyTexts.push(text);
  const entry: DictEntry = { key, value, tableKey: tk };
  heap.incref(dict, dictKeyLabel(text), key);
  if (from) heap.move(from.holder, from.label, dict, dictValueLabel(text), value);
  else heap.incref(dict, dictValueLabel(text), value);
  dict.entries.push(entry);
  const existing = dict.index.get(tk);
  if (existing === undefined) dict.index.set(tk, position);
  else dict.index.set(tk, typeof existing === 'number' ? [existing, position] : [...existing, position]);
  dict.size++;
  maintainTracking(rt, dict, key, value);
}

/** MAINTAIN_TRACKING: a dict starts untracked and is tracked once it holds something trackable. */
function maintainTracking(rt: Runtime, dict: PyDict, key: PyObject, value: PyObject): void {
  if (dict.tracked || dict.untrackKind !== 'dict') return;
  if (rt.lang.dictsAlwaysTracked || mayBeTracked(key) || mayBeTracked(value)) rt.heap.track(dict);
}

/** Stores the top of `frame`'s stack under a str key (STORE_NAME into a namespace). */
export function dictSetStrFromStack(rt: Runtime, dict: PyDict, name: string, frame: ExecFrame): void {
  const value = frame.stack.pop()!;
  const borrowed = frame.borrowed.pop();
  const key = rt.intern(name);
  if (borrowed) dictSet(rt, dict, key, value);
  else dictSet(rt, dict, key, value, { holder: frame.holder, label: TEMPORARY });
}

/** del d[key]: the entry leaves a hole; its key and value references are dropped (key first). */
export function dictDeleteAt(rt: Runtime, dict: PyDict, i: number): void {
  const entry = dict.entries[i]!;
  const text = dict.keyTexts[i];
  dict.entries[i] = null;
  const existing = dict.index.get(entry.tableKey)!;
  if (typeof existing === 'number') dict.index.delete(entry.tableKey);
  else {
    const rest = existing.filter((p) => p !== i);
    dict.index.set(entry.tableKey, rest.length === 1 ? rest[0] : rest);
  }
  dict.size--;
  compactIfSparse(dict);
  rt.heap.decref(dict, dictKeyLabel(text), entry.key);
  rt.heap.decref(dict, dictValueLabel(text), entry.value);
}

export function dictDelete(rt: Runtime, dict: PyDict, key: PyObject): boolean {
  if (dict instanceof PyDictView) {
    if (!(key instanceof PyStr) || dictGetStr(dict, key.value) === undefined) return false;
    genericDelattr(rt, dict.owner, key.value);
    return true;
  }
  const i = dictFind(rt, dict, key);
  if (i < 0) return false;
  dictDeleteAt(rt, dict, i);
  return true;
}

export function dictDeleteStr(rt: Runtime, dict: PyDict, name: string): boolean {
  const i = dict.index.get('s' + name);
  if (typeof i !== 'number') return false;
  dictDeleteAt(rt, dict, i);
  return true;
}

/** Removes every entry (dict.clear): references dropped in order, after the dict is empty. */
export function dictClear(rt: Runtime, dict: PyDict): void {
  const entries = dict.entries;
  const texts = dict.keyTexts;
  dict.entries = [];
  dict.keyTexts = [];
  dict.index.clear();
  dict.size = 0;
  entries.forEach((entry, i) => {
    if (entry === null) return;
    rt.heap.decref(dict, dictKeyLabel(texts[i]), entry.key);
    rt.heap.decref(dict, dictValueLabel(texts[i]), entry.value);
  });
}

/** Drops holes once they outnumber live entries, keeping insertion order (as a resize does). */
function compactIfSparse(dict: PyDict): void {
  if (dict.entries.length < 16 || dict.size * 2 > dict.entries.length) return;
  const entries: (DictEntry | null)[] = [];
  const texts: string[] = [];
  dict.index.clear();
  dict.entries.forEach((entry, i) => {
    if (entry === null) return;
    const position = entries.length;
    entries.push(entry);
    texts.push(dict.keyTexts[i]);
    const existing = dict.index.get(entry.tableKey);
    if (existing === undefined) dict.index.set(entry.tableKey, position);
    else dict.index.set(entry.tableKey, typeof existing === 'number' ? [existing, position] : [...existing, position]);
  });
  dict.entries = entries;
  dict.keyTexts = texts;
}

// --- sets ----------------------------------------------------------------------------

export function setFind(rt: Runtime, set: PySet, item: PyObject, tk: TableKey = tableKey(rt, item)): number {
  const found = set.index.get(tk);
  if (found === undefined) return -1;
  if (typeof found === 'number') return sameKey(rt, set.items[found], item, tk) ? found : -1;
  for (const i of found) if (sameKey(rt, set.items[i], item, tk)) return i;
  return -1;
}

/** set.add: a new item takes a reference, placed where CPython's table would iterate it. */
export function setAdd(rt: Runtime, set: PySet, item: PyObject): void {
  const tk = tableKey(rt, item);
  if (setFind(rt, set, item, tk) >= 0) return;
  const position = setInsertPosition(set, tk);
  set.items.splice(position, 0, item);
  set.tableKeys.splice(position, 0, tk);
  reindexSet(set);
  rt.heap.incref(set, `{${position}}`, item);
  if (position < set.items.length - 1) rt.heap.recordReorder(set);
  // set_add_entry: past 3/5 full, the table grows to fit four times the items.
  if (set.items.length * 5 >= (set.tableSize - 1) * 3) resizeSetTable(set, set.items.length > 50000 ? set.items.length * 2 : set.items.length * 4);
}

/** set_table_resize: the smallest power of two above `minUsed` (at least 8). */
export function resizeSetTable(set: PySet, minUsed: number): void {
  let size = 8;
  while (size <= minUsed) size *= 2;
  set.tableSize = size;
}

export function setDiscard(rt: Runtime, set: PySet, item: PyObject): boolean {
  const i = setFind(rt, set, item);
  if (i < 0) return false;
  const [removed] = set.items.splice(i, 1);
  set.tableKeys.splice(i, 1);
  reindexSet(set);
  if (i < set.items.length) rt.heap.recordReorder(set);
  rt.heap.decref(set, `{${i}}`, removed);
  return true;
}

function reindexSet(set: PySet): void {
  set.index.clear();
  set.tableKeys.forEach((tk, i) => {
    const existing = set.index.get(tk);
    if (existing === undefined) set.index.set(tk, i);
    else set.index.set(tk, typeof existing === 'number' ? [existing, i] : [...existing, i]);
  });
}

/**
 * Where a new item goes in iteration order. CPython iterates a set in hash-table slot
 * order; for small non-negative ints (hash = value) that is ascending order modulo the
 * table size, which programs print. Other keys keep insertion order.
 */
function setInsertPosition(set: PySet, tk: TableKey): number {
  if (typeof tk !== 'number' || tk < 0) return set.items.length;
  const size = tableSize(set.items.length + 1);
  const slot = tk % size;
  for (let i = 0; i < set.tableKeys.length; i++) {
    const other = set.tableKeys[i];
    if (typeof other === 'number' && other >= 0 && other % size > slot) return i;
  }
  return set.items.length;
}

/** CPython's set table size for `n` items: 8, growing ×4 while more than 3/5 full. */
function tableSize(n: number): number {
  let size = 8;
  while (n * 5 >= size * 3) size *= 4;
  return size;
}

/** Keeps a 3.13+ instance dict view in step with the instance, without references. */
export function mirrorSet(rt: Runtime, view: PyDictView, name: string, value: PyObject | null): void {
  const tk = 's' + name;
  const i = view.index.get(tk);
  if (value === null) {
    if (typeof i !== 'number') return;
    const entry = view.entries[i]!;
    view.entries[i] = null;
    view.index.delete(tk);
    view.size--;
    rt.heap.decref(view, dictKeyLabel(view.keyTexts[i]), entry.key);
    return;
  }
  if (typeof i === 'number') {
    view.entries[i]!.value = value;
    return;
  }
  const key = rt.intern(name);
  const text = `'${name}'`;
  view.index.set(tk, view.entries.length);
  view.entries.push({ key, value, tableKey: tk });
  view.keyTexts.push(text);
  view.size++;
  rt.heap.incref(view, dictKeyLabel(text), key);
}
