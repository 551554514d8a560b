import { PyStruct } from './objects/struct';
import { PythonError } from './runtime/errors';
import type { Runtime } from './runtime/runtime';

/**
 * What CPython does after the last line of a script, which programs can see when objects
 * with __del__ (or weakref.finalize) are still alive: atexit runs the live finalizers, newest
 * first; then the modules are torn down and the collector frees what is left, running the
 * remaining __del__ methods.
 */
export function runShutdown(rt: Runtime): void {
  const heap = rt.heap;
  const p = rt.vm.p;
  heap.beginStep(0, 0);
  // weakref.finalize's atexit hook: live finalizers, the most recently made first.
  const registry = rt.finalizeRegistry;
  for (const fin of [...registry.targets].reverse()) {
    if (fin.freed || !registry.targets.includes(fin)) continue;
    try {
      p.discard(p.call(fin as PyStruct, [], null));
    } catch (e) {
      if (!(e instanceof PythonError)) throw e;
      rt.vm.reportUnraisable(e, p.repr(fin as PyStruct));
    }
  }
  // The program's constants and code die with the interpreter; the modules go, and a last
  // collection (without gc.callbacks) frees the cycles.
  rt.shuttingDown = true;
  heap.closeRoot(rt.programRoot);
  heap.closeRoot(rt.interpreterRoot);
  heap.collect(2);
}
