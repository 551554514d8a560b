import { installBytesMethods } from '../builtins/bytesMethods';
import { installConstructors } from '../builtins/constructors';
import { installMethods } from '../builtins/methods';
import { installBuiltins } from '../builtins/functions';
import { importModule, newModule, runUnraisable } from '../builtins/modules';
import { memoryBlockOf } from '../builtins/sizes';
import { installWeakrefMethods } from '../builtins/weakrefModule';
import { VirtualMachine } from '../interpret/vm';
import { PyStr } from '../objects/atoms';
import type { PyObject } from '../objects/base';
import { PyInstance } from '../objects/base';
import { PyGenerator } from '../objects/callables';
import { PyDict, PyList } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { typeLookup } from './attributes';
import { dictSet } from './dicts';
import { Protocols } from './protocols';
import type { Runtime } from './runtime';

/**
 * Brings a runtime to the state of an interpreter about to run a script: builtin types
 * with their methods, the builtins and __main__ modules, gc's lists, sys.stdout, and the
 * heap's hooks into Python code (finalizers, weakref callbacks, gc.callbacks).
 */
export function bootstrap(rt: Runtime, fileName: string, source: readonly string[]): void {
  const vm = new VirtualMachine(rt);
  rt.vm = vm;
  vm.p = new Protocols(rt);
  vm.p.fileName = fileName;
  rt.sourceLines = source;
  installMethods(rt);
  installBytesMethods(rt);
  installWeakrefMethods(rt);
  installConstructors(rt);
  rt.sysModules = rt.newDict();
  rt.heap.incref(rt.interpreterRoot, 'sys.modules', rt.sysModules);
  const builtinsModule = newModule(rt, 'builtins');
  rt.registerModule('builtins', builtinsModule);
  rt.builtins = builtinsModule.get('__dict__') as PyDict;
  rt.gcGarbage = rt.newList();
  rt.heap.incref(rt.interpreterRoot, 'gc.garbage', rt.gcGarbage);
  rt.gcCallbacks = rt.newList();
  rt.heap.incref(rt.interpreterRoot, 'gc.callbacks', rt.gcCallbacks);
  rt.sysStdout = rt.preexistingTracked(new PyStruct(rt.types.TextIOWrapper), 2);
  rt.sysStderr = rt.preexistingTracked(new PyStruct(rt.types.TextIOWrapper), 2);
  installBuiltins(rt, rt.builtins);
  // sys exists before any program runs; `import sys` only binds it.
  importModule(rt, 'sys');
  const main = newModule(rt, '__main__');
  rt.registerModule('__main__', main);
  rt.mainModule = main;
  rt.mainDict = main.get('__dict__') as PyDict;
  dictSet(rt, rt.mainDict, rt.intern('__builtins__'), builtinsModule);
  dictSet(rt, rt.mainDict, rt.intern('__file__'), rt.str(fileName));
  dictSet(rt, rt.mainDict, rt.intern('__doc__'), rt.none);
  installHooks(rt);
}

function installHooks(rt: Runtime): void {
  const p = rt.vm.p;
  rt.heap.hooks = {
    runFinalizer(obj) {
      if (obj instanceof PyGenerator) {
        runUnraisable(rt, () => p.discard(rt.vm.closeGenerator(obj)), () => p.repr(obj));
        return;
      }
      const del = typeLookup(rt, (obj as PyInstance).cls, '__del__');
      if (del === undefined) return;
      runUnraisable(
        rt,
        () => p.discard(p.call(del, [obj as PyObject], null)),
        () => p.repr(del),
      );
    },
    runWeakrefCallback(callback, weakref) {
      runUnraisable(
        rt,
        () => p.discard(p.call(callback as PyObject, [weakref as unknown as PyObject], null)),
        () => p.repr(callback as PyObject),
      );
    },
    runGcCallbacks(phase, info) {
      const callbacks = rt.gcCallbacks;
      if (callbacks.items.length === 0 || rt.shuttingDown) return;
      p.run(() => {
        const infoDict = p.own(rt.newDict()) as PyDict;
        dictSet(rt, infoDict, rt.intern('generation'), rt.int(info.generation));
        dictSet(rt, infoDict, rt.intern('collected'), rt.int(info.collected));
        dictSet(rt, infoDict, rt.intern('uncollectable'), rt.int(info.uncollectable));
        const phaseStr = p.own(rt.str(phase));
        for (const cb of [...callbacks.items]) {
          p.own(cb);
          runUnraisable(
            rt,
            () => p.discard(p.call(cb, [phaseStr, infoDict], null)),
            () => `calling GC callback ${p.repr(cb)}`,
          );
        }
      });
    },
    memoryBlock: (obj) => memoryBlockOf(rt, obj as PyObject),
    saveGarbage(obj) {
      (rt.gcGarbage as PyList).append(rt.heap, obj as PyObject);
    },
  };
}

export { PyStr };
