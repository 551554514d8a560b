import type * as ast from '../ast';
import type { CodeUnit } from '../compile/code';
import { constructObject } from '../builtins/constructors';
import { initializeClass, makeClass } from '../builtins/classes';
import { importFrom, importModule } from '../builtins/modules';
import { rangeIndex, specialCall, specialCompare, specialContains, specialIter, specialLength, specialRepr, specialGetitem } from '../builtins/special';
import { isProxy, proxyGetattr, proxyNext, proxySetattr, proxySetitem, PyWeakref, weakContainerContains, weakContainerGetitem, weakContainerIter, weakContainerLength, weakrefCompare } from '../builtins/weakrefModule';
import { makeSuper, superGetattr } from '../builtins/superObject';
import { sizeOf } from '../builtins/sizes';
import type { ExecFrame } from '../interpret/frame';
import { PyComplex, PyStr } from '../objects/atoms';
import type { PyObject, PyType } from '../objects/base';
import { PyCode, PyFunction } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import * as attributes from './attributes';
import * as calls from './calls';
import { materializeConstant } from './constants';
import * as dicts from './dicts';
import { PythonError } from './errors';
import * as exceptions from './exceptions';
import * as items from './items';
import * as iteration from './iteration';
import { checkLength } from './limits';
import * as operators from './operators';
import type { Runtime } from './runtime';
import * as text from './text';

/**
 * The object protocol the interpreter and the builtins share: one place that answers
 * "get this attribute", "add these", "call that", each delegating to the module that
 * implements it.
 */
export class Protocols {
  fileName = '<string>';

  constructor(private readonly rt: Runtime) {}

  recursionLimit(): number {
    return this.rt.vm.recursionLimit;
  }

  // --- constants and names ---------------------------------------------------------------

  constant(poolIndex: number): PyObject {
    return materializeConstant(this.rt, poolIndex);
  }

  /** The object of a code unit's `index`-th constant (co_consts). */
  constantForCode(unit: CodeUnit, index: number): PyObject {
    return this.constant(unit.consts[index]);
  }

  dictGetStr(dict: PyDict, name: string): PyObject | undefined {
    return dicts.dictGetStr(dict, name);
  }

  dictSetStrFromStack(dict: PyDict, name: string, frame: ExecFrame): void {
    dicts.dictSetStrFromStack(this.rt, dict, name, frame);
  }

  dictDeleteStr(dict: PyDict, name: string): boolean {
    return dicts.dictDeleteStr(this.rt, dict, name);
  }

  dictSet(dict: PyDict, key: PyObject, value: PyObject): void {
    dicts.dictSet(this.rt, dict, key, value);
  }

  dictToStrMap(dict: PyDict): Map<string, PyObject> {
    const map = new Map<string, PyObject>();
    for (const e of dict.liveEntries()) {
      if (!(e.key instanceof PyStr)) throw this.rt.error('TypeError', 'keywords must be strings');
      map.set(e.key.value, e.value);
    }
    return map;
  }

  dictUpdate(dict: PyDict, other: PyObject, merge: boolean): void {
    items.dictUpdate(this.rt, dict, other, merge);
  }

  copyDict(dict: PyDict): PyDict {
    const copy = this.rt.newDict();
    for (const e of dict.liveEntries()) dicts.dictSet(this.rt, copy, e.key, e.value);
    return copy;
  }

  setAdd(set: PySet, item: PyObject): void {
    dicts.setAdd(this.rt, set, item);
  }

  setUpdate(set: PySet, iterable: PyObject): void {
    // set_merge: merging a set (or dict keys) sizes the table for both at once.
    const other = iterable instanceof PySet ? iterable.items.length : iterable instanceof PyDict ? iterable.size : -1;
    if (other >= 0 && (set.items.length + other) * 5 >= (set.tableSize - 1) * 3) dicts.resizeSetTable(set, (set.items.length + other) * 2);
    this.run(() => {
      for (const item of iteration.collect(this.rt, iterable)) dicts.setAdd(this.rt, set, item);
    });
  }

  /** Makes `target` hold exactly `source`'s items (in-place set operators). */
  setReplace(target: PySet, source: PySet): void {
    for (const item of [...target.items]) if (dicts.setFind(this.rt, source, item) < 0) dicts.setDiscard(this.rt, target, item);
    for (const item of source.items) dicts.setAdd(this.rt, target, item);
  }

  /**
   * list.extend (list_extend): room first — exactly for a list or tuple, from the length
   * hint for anything else (cut back afterwards if the guess was too generous).
   */
  listExtend(list: PyList, iterable: PyObject): void {
    const rt = this.rt;
    if ((iterable instanceof PyList && iterable.cls === rt.types.list) || (iterable instanceof PyTuple && iterable.cls === rt.types.tuple)) {
      const items = [...iterable.items];
      if (items.length === 0) return;
      checkLength(rt, 'list', list.items.length + items.length);
      if (list.allocated === 0) list.preallocate(items.length);
      else list.resize(list.items.length + items.length);
      for (const item of items) list.append(rt.heap, item);
      return;
    }
    this.run(() => {
      list.resize(list.items.length + iteration.lengthHint(rt, iterable, 8));
      for (const item of iteration.collect(rt, iterable)) list.append(rt.heap, item);
      if (list.items.length < list.allocated) list.resize(list.items.length);
    });
  }

  // --- attributes and items --------------------------------------------------------------

  getattr(obj: PyObject, name: string): PyObject {
    if (isProxy(this.rt, obj)) return proxyGetattr(this.rt, obj, name);
    if (obj.cls === this.rt.types.super) return superGetattr(this.rt, obj as PyStruct, name);
    return attributes.getattr(this.rt, obj, name);
  }

  getattrOrUndefined(obj: PyObject, name: string): PyObject | undefined {
    return attributes.getattrOrUndefined(this.rt, obj, name);
  }

  lookupMethod(obj: PyObject, name: string): PyObject | null {
    return attributes.lookupMethod(this.rt, obj, name);
  }

  setattr(obj: PyObject, name: string, value: PyObject): void {
    if (isProxy(this.rt, obj)) return proxySetattr(this.rt, obj, name, value);
    attributes.setattr(this.rt, obj, name, value);
  }

  delattr(obj: PyObject, name: string): void {
    if (isProxy(this.rt, obj)) return proxySetattr(this.rt, obj, name, null);
    attributes.delattr(this.rt, obj, name);
  }

  getitem(obj: PyObject, key: PyObject): PyObject {
    return items.getitem(this.rt, obj, key);
  }

  setitem(obj: PyObject, key: PyObject, value: PyObject): void {
    if (isProxy(this.rt, obj)) return proxySetitem(this.rt, obj, key, value);
    items.setitem(this.rt, obj, key, value);
  }

  delitem(obj: PyObject, key: PyObject): void {
    if (isProxy(this.rt, obj)) return proxySetitem(this.rt, obj, key, null);
    items.delitem(this.rt, obj, key);
  }

  makeSlice(start: PyObject, stop: PyObject, step: PyObject): PyObject {
    const slice = this.rt.heap.allocate(new PyStruct(this.rt.types.slice));
    slice.set(this.rt.heap, 'start', start);
    slice.set(this.rt.heap, 'stop', stop);
    slice.set(this.rt.heap, 'step', step);
    return slice;
  }

  len(obj: PyObject): number {
    return items.len(this.rt, obj);
  }

  // --- operators -------------------------------------------------------------------------

  binaryOp(opIndex: number, a: PyObject, b: PyObject, inplace: boolean): PyObject {
    return operators.binaryOp(this.rt, opIndex, a, b, inplace);
  }

  unaryOp(opIndex: number, a: PyObject): PyObject {
    return operators.unaryOp(this.rt, opIndex, a);
  }

  compareOp(opIndex: number, a: PyObject, b: PyObject): PyObject {
    return operators.compareOp(this.rt, opIndex, a, b);
  }

  richCompare(op: ast.CmpOp, a: PyObject, b: PyObject): PyObject {
    return operators.richCompare(this.rt, op, a, b);
  }

  equals(a: PyObject, b: PyObject): boolean {
    return operators.equals(this.rt, a, b);
  }

  truthy(obj: PyObject): boolean {
    return operators.truthy(this.rt, obj);
  }

  contains(container: PyObject, item: PyObject): boolean {
    return operators.contains(this.rt, container, item);
  }

  hashKey(obj: PyObject): string {
    return operators.hashKey(this.rt, obj);
  }

  makeComplex(real: number, imag: number): PyComplex {
    return this.rt.complex(real, imag, text.complexRepr(real, imag));
  }

  // --- calls -----------------------------------------------------------------------------

  call(callable: PyObject, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
    return calls.call(this.rt, callable, args, kwargs);
  }

  /** obj.name(*args); the result is in transit. */
  callMethod(obj: PyObject, name: string, args: readonly PyObject[]): PyObject {
    return this.scope(() => {
      const method = this.own(this.getattr(obj, name));
      return this.call(method, args, null);
    });
  }

  /** Calls and tests the result's truth, releasing the result. */
  callTruthy(callable: PyObject, args: readonly PyObject[]): boolean {
    let value = false;
    this.run(() => {
      value = this.truthy(this.own(this.call(callable, args, null)));
    });
    return value;
  }

  /** Calls a user __repr__/__str__/__format__ and checks it returned a str. */
  callForString(method: PyObject, self: PyObject, name: string, args: readonly PyObject[] = []): string {
    let value = '';
    this.run(() => {
      const r = this.own(this.call(method, [self, ...args], null));
      if (!(r instanceof PyStr)) throw this.rt.error('TypeError', `${name} returned non-string (type ${r.cls.name})`);
      value = r.value;
    });
    return value;
  }

  bindArguments(frame: ExecFrame, fn: PyFunction, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): void {
    calls.bindArguments(this.rt, frame, fn, args, kwargs);
  }

  makeFunction(frame: ExecFrame, flags: number): PyFunction {
    return calls.makeFunction(this.rt, frame, flags);
  }

  construct(type: PyType, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
    return constructObject(this.rt, type, args, kwargs);
  }

  buildClassFunction(): PyObject {
    return this.rt.buildClass;
  }

  makeClass(name: string, bases: readonly PyObject[], namespace: PyDict): PyType {
    return makeClass(this.rt, name, bases, namespace);
  }

  initializeClass(type: PyType, keywords: ReadonlyMap<string, PyObject> | null): void {
    initializeClass(this.rt, type, keywords);
  }

  // --- iteration -------------------------------------------------------------------------

  getIter(obj: PyObject): PyObject {
    return iteration.getIter(this.rt, obj);
  }

  next(it: PyObject): PyObject | null {
    if (isProxy(this.rt, it)) return proxyNext(this.rt, it);
    return iteration.next(this.rt, it);
  }

  /** `yield from`: send into a generator, or next() on any other iterator. */
  send(it: PyObject, value: PyObject): PyObject | null {
    if (it instanceof PyStruct === false && 'frame' in it) return this.rt.vm.resumeGenerator(it as never, value, null);
    return iteration.next(this.rt, it);
  }

  unpack(frame: ExecFrame, count: number, starIndex: number): void {
    iteration.unpack(this.rt, frame, count, starIndex);
  }

  /** The str items of an iterable (e.g. __slots__). */
  scopeCollectStrings(iterable: PyObject): string[] {
    const names: string[] = [];
    this.run(() => {
      for (const item of iteration.collect(this.rt, iterable)) {
        if (!(item instanceof PyStr)) throw this.rt.error('TypeError', `__slots__ items must be strings, not '${item.cls.name}'`);
        names.push(item.value);
      }
    });
    return names;
  }

  iterateContains(container: PyObject, item: PyObject): boolean {
    let found = false;
    this.run(() => {
      found = iteration.collect(this.rt, container).some((x) => x === item || this.equals(x, item));
    });
    return found;
  }

  // --- text ------------------------------------------------------------------------------

  repr(obj: PyObject): string {
    return text.repr(this.rt, obj);
  }

  str(obj: PyObject): string {
    return text.str(this.rt, obj);
  }

  defaultRepr(obj: PyObject): string {
    return text.defaultRepr(this.rt, obj);
  }

  /** FORMAT_VALUE: `!s`, `!r`, `!a` make a str first (freed once formatted), then format(). */
  formatValue(value: PyObject, conversion: number, spec: string): string {
    const rt = this.rt;
    if (conversion === 0) return text.format(rt, value, spec);
    let out = '';
    this.run(() => {
      const converted = conversion === 1 ? text.str(rt, value) : conversion === 2 ? text.repr(rt, value) : text.asciiRepr(text.repr(rt, value));
      out = text.format(rt, this.own(rt.str(converted)), spec);
    });
    return out;
  }

  // --- exceptions ------------------------------------------------------------------------

  instantiateException(type: PyType, args: readonly PyObject[]): PyStruct {
    return exceptions.instantiateException(this.rt, type, args);
  }

  exceptionFromRaise(raised: PyObject): PythonError {
    return exceptions.exceptionFromRaise(this.rt, raised);
  }

  setCause(exc: PyObject, cause: PyObject): void {
    exceptions.setCause(this.rt, exc, cause);
  }

  setContext(exc: PyObject, context: PyObject): void {
    exceptions.setContext(this.rt, exc, context);
  }

  exceptionMatches(exc: PyObject, spec: PyObject): boolean {
    return exceptions.exceptionMatches(this.rt, exc, spec);
  }

  isException(obj: PyObject): obj is PyStruct {
    return exceptions.isException(this.rt, obj);
  }

  exceptionStr(exc: PyObject): string {
    return exceptions.exceptionStr(this.rt, exc as PyStruct);
  }

  isInstanceOfName(obj: PyObject, typeName: string): boolean {
    const type = this.rt.types.exceptions.get(typeName);
    return type !== undefined && obj.cls.isSubtypeOf(type);
  }

  /** A caught-and-ignored exception lets go of its object. */
  clearError(error: PythonError): void {
    this.rt.heap.decref(this.rt.raising, 'raised', error.exception);
  }

  // --- modules ---------------------------------------------------------------------------

  importModule(name: string): PyObject {
    return importModule(this.rt, name);
  }

  importFrom(module: PyObject, name: string): PyObject {
    return importFrom(this.rt, module, name);
  }

  // --- builtin types' special behaviour ----------------------------------------------------

  specialRepr(obj: PyObject): string | null {
    return specialRepr(this.rt, obj);
  }
  specialLength(obj: PyObject): number | null {
    return specialLength(this.rt, obj);
  }
  specialIter(obj: PyObject): PyObject | null {
    return specialIter(this.rt, obj);
  }
  specialCall(callable: PyObject, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject | null {
    return specialCall(this.rt, callable, args, kwargs);
  }
  specialCompare(op: ast.CmpOp, a: PyObject, b: PyObject): boolean | null {
    return specialCompare(this.rt, op, a, b);
  }
  specialContains(container: PyObject, item: PyObject): boolean | null {
    return specialContains(this.rt, container, item);
  }
  specialGetitem(obj: PyObject, key: PyObject): PyObject | null {
    return specialGetitem(this.rt, obj, key);
  }

  // --- temporary ownership for TypeScript code -------------------------------------------

  /**
   * Takes ownership of a value for the current scope: a result in transit moves into the
   * scope, anything else gains a reference from it. Returns the value.
   */
  own(obj: PyObject): PyObject {
    const rt = this.rt;
    if (rt.inTransit(obj)) rt.heap.move(rt.transit, 'result', rt.nativeRoot, 'held', obj);
    else rt.heap.incref(rt.nativeRoot, 'held', obj);
    return obj;
  }

  /** Whether `obj` is the value in transit (a call's result not yet taken). */
  isInTransit(obj: PyObject): boolean {
    return this.rt.inTransit(obj);
  }

  /** Drops a result nobody wants (it may be in transit, fresh, or borrowed). */
  discard(obj: PyObject): void {
    if (this.isInTransit(obj)) this.rt.heap.decref(this.rt.transit, 'result', obj);
    else if (obj.refcount === 0 && !obj.immortal) {
      // A fresh object nobody took: free it through a reference of our own.
      this.rt.heap.incref(this.rt.transit, 'result', obj);
      this.rt.heap.decref(this.rt.transit, 'result', obj);
    }
  }

  /**
   * Runs `fn`; every value `own`ed meanwhile is released when it ends (last first). A
   * result is put in transit first, so it survives the release.
   */
  scope<T extends PyObject | null>(fn: () => T): T {
    const rt = this.rt;
    const mark = rt.nativeRoot.targets.length;
    const savedTransitMark = rt.transitMark;
    rt.transitMark = rt.transit.targets.length;
    try {
      const result = fn();
      if (result !== null && !rt.inTransit(result)) rt.transitResult(result);
      return result;
    } finally {
      this.releaseOwned(mark);
      rt.transitMark = savedTransitMark;
    }
  }

  /** Like `scope`, for work that returns nothing. */
  run(fn: () => void): void {
    const rt = this.rt;
    const mark = rt.nativeRoot.targets.length;
    const savedTransitMark = rt.transitMark;
    rt.transitMark = rt.transit.targets.length;
    try {
      fn();
    } finally {
      this.releaseOwned(mark);
      rt.transitMark = savedTransitMark;
    }
  }

  private releaseOwned(mark: number): void {
    const root = this.rt.nativeRoot;
    while (root.targets.length > mark) {
      const i = root.targets.length - 1;
      this.rt.heap.decref(root, root.labels[i], root.targets[i]);
    }
  }

  /** hash(obj) as a Python int value. */
  hashValue(obj: PyObject): number | bigint {
    const key = dicts.tableKey(this.rt, obj);
    if (typeof key === 'number') return key === -1 ? -2 : key;
    if (key.startsWith('h')) return BigInt(key.slice(1));
    if (key.startsWith('o')) return Math.floor(Number(key.slice(1)) * 0x30 / 16);
    if (key.startsWith('b')) return BigInt(key.slice(1)) % 2305843009213693951n;
    // bytes hash as the str of the same code points: CPython hashes the same buffer for both.
    const text = key.startsWith('y') ? 's' + key.slice(1) : key;
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    return h | 0;
  }

  isCallable(obj: PyObject): boolean {
    const t = this.rt.types;
    if (obj instanceof PyFunction || obj.cls === t.builtin_function_or_method || obj.cls === t.method_descriptor || obj.cls === t.method) return true;
    if (obj instanceof PyStruct && obj.cls === t.type) return true;
    if ('isHeapType' in obj && obj.cls === t.type) return true;
    if (obj instanceof PyWeakref) return obj.cls !== t.weakproxy;
    if (obj.cls === t.finalize) return true;
    return attributes.typeLookup(this.rt, obj.cls, '__call__') !== undefined;
  }

  isAttributeError(e: unknown): boolean {
    if (e instanceof PythonError && this.isInstanceOfName(e.exception, 'AttributeError')) {
      this.clearError(e);
      return true;
    }
    return false;
  }

  sizeOf(obj: PyObject): number {
    return sizeOf(this.rt, obj);
  }

  /** Items of an iterable, held by the current scope. */
  collectItems(iterable: PyObject): PyObject[] {
    return iteration.collect(this.rt, iterable);
  }

  weakContainerLength(obj: PyObject): number | null {
    return obj instanceof PyStruct ? weakContainerLength(this.rt, obj) : null;
  }
  weakContainerContains(obj: PyObject, item: PyObject): boolean | null {
    return obj instanceof PyStruct ? weakContainerContains(this.rt, obj, item) : null;
  }
  weakContainerGetitem(obj: PyObject, key: PyObject): PyObject | null {
    return obj instanceof PyStruct ? weakContainerGetitem(this.rt, obj, key) : null;
  }
  weakContainerIter(obj: PyObject): PyObject | null {
    return obj instanceof PyStruct ? weakContainerIter(this.rt, obj) : null;
  }
  weakrefCompare(op: ast.CmpOp, a: PyObject, b: PyObject): boolean | null {
    return weakrefCompare(this.rt, op, a, b);
  }
  rangeIndex(range: PyStruct, item: PyObject): number {
    return rangeIndex(this.rt, range, item);
  }
  makeSuper(args: readonly PyObject[]): PyObject {
    return makeSuper(this.rt, args);
  }
  builtinsModule(): PyObject {
    return this.rt.module('builtins') ?? this.rt.none;
  }
  exceptionRepr(exc: PyStruct): string {
    return exceptions.exceptionRepr(this.rt, exc);
  }
  /** "Exception ignored in: ..." and the traceback, as PyErr_WriteUnraisable prints it. */
  formatUnraisable(exc: PyObject, where: string): string {
    return `Exception ignored in: ${where}\n` + exceptions.formatException(this.rt, exc, this.rt.sourceLines, this.fileName);
  }

  isCode(obj: PyObject): obj is PyCode {
    return obj instanceof PyCode;
  }

  isTuple(obj: PyObject): obj is PyTuple {
    return obj instanceof PyTuple;
  }
}
