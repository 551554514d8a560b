/**
 * The __future__ module (Lib/__future__.py): `from __future__ import annotations` runs an
 * ordinary import at run time, binding a `_Feature` instance. The compiler reads the
 * directive itself (compile/annotations.ts); this is the module the import then finds.
 */
import type { PyObject, PyType } from '../objects/base';
import type { PyDict } from '../objects/containers';
import type { Runtime } from '../runtime/runtime';
import { libraryClass, LibraryModule, methodsOf } from './library';

type Release = readonly [number, number, number, string, number];

/** Name, optional release, mandatory release (null: not yet), compiler flag (CO_*). */
function features(rt: Runtime): readonly (readonly [string, Release, Release | null, number])[] {
  return [
    ['nested_scopes', [2, 1, 0, 'beta', 1], [2, 2, 0, 'alpha', 0], 0x0010],
    ['generators', [2, 2, 0, 'alpha', 1], [2, 3, 0, 'final', 0], 0],
    ['division', [2, 2, 0, 'alpha', 2], [3, 0, 0, 'alpha', 0], 0x20000],
    ['absolute_import', [2, 5, 0, 'alpha', 1], [3, 0, 0, 'alpha', 0], 0x40000],
    ['with_statement', [2, 5, 0, 'alpha', 1], [2, 6, 0, 'alpha', 0], 0x80000],
    ['print_function', [2, 6, 0, 'alpha', 2], [3, 0, 0, 'alpha', 0], 0x100000],
    ['unicode_literals', [2, 6, 0, 'alpha', 2], [3, 0, 0, 'alpha', 0], 0x200000],
    ['barry_as_FLUFL', [3, 1, 0, 'alpha', 2], [4, 0, 0, 'alpha', 0], 0x400000],
    ['generator_stop', [3, 5, 0, 'beta', 1], [3, 7, 0, 'alpha', 0], 0x800000],
    // 3.10 still announced postponed evaluation as mandatory in 3.11.
    ['annotations', [3, 7, 0, 'beta', 1], rt.lang.version === '3.10' ? [3, 11, 0, 'alpha', 0] : null, 0x1000000],
  ];
}

const FLAG_NAMES: readonly (readonly [string, number])[] = [
  ['CO_NESTED', 0x0010],
  ['CO_GENERATOR_ALLOWED', 0],
  ['CO_FUTURE_DIVISION', 0x20000],
  ['CO_FUTURE_ABSOLUTE_IMPORT', 0x40000],
  ['CO_FUTURE_WITH_STATEMENT', 0x80000],
  ['CO_FUTURE_PRINT_FUNCTION', 0x100000],
  ['CO_FUTURE_UNICODE_LITERALS', 0x200000],
  ['CO_FUTURE_BARRY_AS_BDFL', 0x400000],
  ['CO_FUTURE_GENERATOR_STOP', 0x800000],
  ['CO_FUTURE_ANNOTATIONS', 0x1000000],
];

export const futureModule: LibraryModule = {
  install(rt, module, put) {
    const p = rt.vm.p;
    const globals = module.get('__dict__') as PyDict;
    p.run(() => {
      const release = (r: Release): PyObject => p.own(rt.newTuple(r.map((part) => (typeof part === 'number' ? rt.int(part) : rt.str(part)))));
      const names = features(rt).map(([name]) => name);
      put('all_feature_names', p.own(rt.newList(names.map((n) => rt.intern(n)))));
      for (const [name, flag] of FLAG_NAMES) put(name, rt.int(flag));
      const feature = p.own(
        libraryClass(rt, {
          name: '_Feature',
          module: '__future__',
          bases: [rt.types.object],
          namespace: methodsOf(rt, '_Feature', '__future__', globals, {
            __init__(args) {
              const [self, optional, mandatory, flag] = args;
              p.setattr(self, 'optional', optional);
              p.setattr(self, 'mandatory', mandatory);
              p.setattr(self, 'compiler_flag', flag);
              return rt.none;
            },
            getOptionalRelease: (args) => p.getattr(args[0], 'optional'),
            getMandatoryRelease: (args) => p.getattr(args[0], 'mandatory'),
            __repr__: (args) =>
              p.scope(() => {
                const [self] = args;
                const fields = p.own(rt.newTuple(['optional', 'mandatory', 'compiler_flag'].map((f) => p.own(p.getattr(self, f)))));
                return rt.str(`_Feature${p.repr(fields)}`);
              }),
          }),
        }),
      ) as PyType;
      put('_Feature', feature);
      for (const [name, optional, mandatory, flag] of features(rt)) {
        put(name, p.own(p.call(feature, [release(optional), mandatory === null ? rt.none : release(mandatory), rt.int(flag)], null)));
      }
    });
  },
  unsimulated: () => [],
};
