import { DEBUG_SAVEALL } from '../../core/gcState';
import { checkedFunction } from './methodArguments';
import type { HeapObject } from '../../core/heapObject';
import { PyInt, PyStr } from '../objects/atoms';
import { NativeFunction, PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyFunction, PyGenerator } from '../objects/callables';
import { PyDict, PyList, PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { dictGetStr, dictSet } from '../runtime/dicts';
import { PythonError } from '../runtime/errors';
import type { Runtime } from '../runtime/runtime';
import { newProxy, PyWeakref } from './weakrefModule';
import { collectionsModule } from './collectionsModule';
import { copyModule } from './copyModule';
import { dataclassesModule } from './dataclassesModule';
import { futureModule } from './futureModule';
import { installMath } from './mathModule';
import type { LibraryModule } from './library';

/** The modules a snippet can import: sys, gc, weakref, math, copy, collections, dataclasses (and builtins, __main__, __future__). */

const SIMULATED = ['sys', 'gc', 'weakref', 'math', 'builtins', '__main__', '__future__', 'copy', 'collections', 'dataclasses'];

/** The standard library's Python modules HeapScope writes in TypeScript. */
function libraryModule(name: string): LibraryModule | undefined {
  if (name === 'copy') return copyModule;
  if (name === 'collections') return collectionsModule;
  if (name === 'dataclasses') return dataclassesModule;
  if (name === '__future__') return futureModule;
  return undefined;
}

export function newModule(rt: Runtime, name: string): PyStruct {
  const module = rt.heap.allocate(new PyStruct(rt.types.module), { gc: true });
  module.set(rt.heap, '__name__', rt.intern(name));
  rt.heap.setDisplay(module);
  const dict = rt.newDict();
  module.set(rt.heap, '__dict__', dict);
  dictSet(rt, dict, rt.intern('__name__'), rt.intern(name));
  rt.heap.track(module);
  return module;
}

function moduleDict(module: PyStruct): PyDict {
  return module.get('__dict__') as PyDict;
}

/** `import name`: the module, made on first import and kept in sys.modules. */
export function importModule(rt: Runtime, name: string): PyObject {
  const top = name.split('.')[0];
  const existing = rt.module(top);
  if (existing !== undefined) return existing;
  if (!SIMULATED.includes(top) || (name !== top && libraryModule(top) !== undefined)) {
    throw rt.stop('unsupported', `import of module '${name}' is not simulated (HeapScope simulates sys, gc, weakref, math, copy, collections and dataclasses)`);
  }
  const module = newModule(rt, top);
  rt.registerModule(top, module);
  const dict = moduleDict(module);
  const put = (key: string, value: PyObject): void => dictSet(rt, dict, rt.intern(key), value);
  const fn = (key: string, impl: NativeFunction): void => put(key, rt.preexistingTracked(new PyBuiltin(rt.types.builtin_function_or_method, key, checkedFunction(rt, top, key, impl)), 1));
  if (top === 'sys') installSys(rt, put, fn);
  if (top === 'gc') installGc(rt, put, fn);
  if (top === 'weakref') installWeakref(rt, put, fn);
  if (top === 'math') installMath(rt, put, fn);
  libraryModule(top)?.install(rt, module, put);
  return module;
}

/**
 * Getting a name a simulated library module has in CPython but HeapScope does not
 * simulate stops the run, rather than raising an AttributeError CPython would not.
 */
export function stopIfUnsimulated(rt: Runtime, module: PyObject, name: string): void {
  const moduleName = ((module as PyStruct).get('__name__') as PyStr | undefined)?.value ?? '';
  const library = libraryModule(moduleName);
  if (library !== undefined && library.unsimulated(rt).includes(name)) throw rt.stop('unsupported', `${moduleName}.${name} is not simulated`);
}

/** `from module import name`. */
export function importFrom(rt: Runtime, module: PyObject, name: string): PyObject {
  const value = rt.vm.p.getattrOrUndefined(module, name);
  if (value === undefined) {
    stopIfUnsimulated(rt, module, name);
    const moduleName = ((module as PyStruct).get('__name__') as PyStr | undefined)?.value ?? '?';
    throw rt.error('ImportError', `cannot import name '${name}' from '${moduleName}' (unknown location)`);
  }
  return value;
}

type Put = (key: string, value: PyObject) => void;
type Fn = (key: string, impl: NativeFunction) => void;

function intArg(rt: Runtime, o: PyObject | undefined, name: string): number {
  if (!(o instanceof PyInt)) throw rt.error('TypeError', `'${o?.cls.name}' object cannot be interpreted as an integer`);
  void name;
  return Number(o.value);
}

function installSys(rt: Runtime, put: Put, fn: Fn): void {
  fn('getrefcount', (args) => {
    rt.probe('getrefcount', args[0].refcount);
    return rt.int(args[0].refcount);
  });
  fn('intern', (args) => {
    const s = args[0];
    if (!(s instanceof PyStr) || s.cls !== rt.types.str) throw rt.error('TypeError', `intern() argument must be str, not ${s.cls.name}`);
    return rt.internInPlace(s);
  });
  fn('getrecursionlimit', () => rt.int(rt.vm.recursionLimit));
  fn('setrecursionlimit', (args) => {
    const n = intArg(rt, args[0], 'limit');
    if (n < 1) throw rt.error('ValueError', 'recursion limit must be greater or equal than 1');
    rt.vm.recursionLimit = Math.min(n, 20000);
    return rt.none;
  });
  fn('_getframe', (args) => rt.vm.getFrame(args[0] === undefined ? 0 : intArg(rt, args[0], 'depth')));
  fn('exc_info', () => {
    const exc = rt.vm.handling;
    if (exc === null) return rt.newTuple([rt.none, rt.none, rt.none]);
    return rt.newTuple([exc.cls, exc, (exc as PyStruct).get('__traceback__') ?? rt.none]);
  });
  fn('exception', () => rt.vm.handling ?? rt.none);
  fn('getsizeof', (args) => rt.int(rt.vm.p.sizeOf(args[0])));
  fn('exit', (args) => rt.vm.systemExit(args[0] ?? rt.none));
  const [major, minor] = rt.lang.version.split('.').map(Number);
  put('version_info', rt.newTuple([rt.int(major), rt.int(minor), rt.int(0), rt.str('final'), rt.int(0)]));
  put('version', rt.str(`${rt.lang.version} (HeapScope simulation)`));
  put('maxsize', rt.int(9223372036854775807n));
  put('byteorder', rt.str('little'));
  put('platform', rt.str('linux'));
  put('argv', rt.newList([rt.str(rt.vm.p.fileName)]));
  put('stdout', rt.sysStdout);
  put('stderr', rt.sysStderr);
  put('modules', rt.sysModules);
}

function installGc(rt: Runtime, put: Put, fn: Fn): void {
  const heap = rt.heap;
  const genArg = (o: PyObject | undefined): number => {
    if (o === undefined) return 2;
    const g = intArg(rt, o, 'generation');
    if (g < 0 || g > 2) throw rt.error('ValueError', 'invalid generation');
    return g;
  };
  fn('collect', (args, kwargs) => {
    const found = heap.collect(genArg(args[0] ?? kwargs?.get('generation')));
    rt.probe('collect', found);
    return rt.int(found);
  });
  fn('enable', () => {
    heap.setEnabled(true);
    return rt.none;
  });
  fn('disable', () => {
    heap.setEnabled(false);
    return rt.none;
  });
  fn('isenabled', () => rt.bool(heap.gc.enabled));
  fn('get_count', () => rt.newTuple(heap.gc.reportedCounts().map((c) => rt.int(c))));
  fn('get_threshold', () => rt.newTuple(heap.gc.reportedThresholds().map((c) => rt.int(c))));
  fn('set_threshold', (args) => {
    heap.setThresholds(args.map((a) => intArg(rt, a, 'threshold')));
    return rt.none;
  });
  fn('get_objects', (args, kwargs) => {
    const g = args[0] ?? kwargs?.get('generation');
    const generation = g === undefined || g === rt.none ? undefined : intArg(rt, g, 'generation');
    if (generation !== undefined && (generation < 0 || generation > 2)) throw rt.error('ValueError', generation < 0 ? 'generation parameter must be a positive integer' : 'generation parameter must be less than the number of available generations (3)');
    return rt.newList(heap.getObjects(generation) as PyObject[]);
  });
  fn('get_referrers', (args) => rt.newList(heap.getReferrers(args).filter((o) => !isFrameLike(rt, o)) as PyObject[]));
  fn('get_referents', (args) => rt.newList(args.flatMap((o) => referentsOf(rt, o))));
  fn('is_tracked', (args) => rt.bool(rt.isTracked(args[0])));
  fn('is_finalized', (args) => rt.bool(args[0].finalized));
  fn('freeze', () => {
    heap.freeze();
    return rt.none;
  });
  fn('unfreeze', () => {
    heap.unfreeze();
    return rt.none;
  });
  fn('get_freeze_count', () => rt.int(heap.freezeCount()));
  fn('get_debug', () => rt.int(heap.gc.debugFlags));
  fn('set_debug', (args) => {
    heap.gc.debugFlags = intArg(rt, args[0], 'flags');
    return rt.none;
  });
  fn('get_stats', () =>
    rt.vm.p.scope(() =>
      rt.newList(
        heap.gc.stats.map((s) => {
          const dict = rt.vm.p.own(rt.newDict()) as PyDict;
          for (const [key, value] of [['collections', s.collections], ['collected', s.collected], ['uncollectable', s.uncollectable]] as const) dictSet(rt, dict, rt.intern(key), rt.int(value));
          return dict;
        }),
      ),
    ),
  );
  put('garbage', rt.gcGarbage);
  put('callbacks', rt.gcCallbacks);
  put('DEBUG_STATS', rt.int(1));
  put('DEBUG_COLLECTABLE', rt.int(2));
  put('DEBUG_UNCOLLECTABLE', rt.int(4));
  put('DEBUG_SAVEALL', rt.int(DEBUG_SAVEALL));
  put('DEBUG_LEAK', rt.int(38));
}

/** What tp_traverse visits: builtins report their items; frames and atoms nothing. */
function referentsOf(rt: Runtime, obj: PyObject): PyObject[] {
  if (!obj.gcType) return [];
  const found: PyObject[] = [];
  obj.traverse((t: HeapObject) => found.push(t as PyObject));
  return found;
}

function isFrameLike(rt: Runtime, o: HeapObject): boolean {
  return (o as PyObject).cls === rt.types.frame && false;
}

function installWeakref(rt: Runtime, put: Put, fn: Fn): void {
  const t = rt.types;
  put('ref', t.weakref);
  put('ReferenceType', t.weakref);
  put('ProxyType', t.weakproxy);
  put('CallableProxyType', t.weakcallableproxy);
  put('WeakMethod', t.WeakMethod);
  put('finalize', t.finalize);
  put('WeakValueDictionary', t.WeakValueDictionary);
  put('WeakKeyDictionary', t.WeakKeyDictionary);
  put('WeakSet', t.WeakSet);
  fn('proxy', (args) => newProxy(rt, args));
  fn('getweakrefcount', (args) => rt.int(args[0].weakrefs?.length ?? 0));
  fn('getweakrefs', (args) => rt.newList((args[0].weakrefs ?? []) as PyWeakref[]));
}

/** Runs a callable from the core (a finalizer, a weakref callback); errors are printed, not raised. */
export function runUnraisable(rt: Runtime, what: () => void, describe: () => string): void {
  try {
    what();
  } catch (e) {
    if (!(e instanceof PythonError)) {
      // A stop (a limit, an unsupported construct) inside a finalizer or callback leaves
      // whatever the heap was doing around it (a deallocation, a collection) half done.
      rt.stoppedInsideCallback = true;
      throw e;
    }
    rt.vm.reportUnraisable(e, describe());
  }
}

export { dictGetStr, PyGenerator, PyList, PyTuple };
