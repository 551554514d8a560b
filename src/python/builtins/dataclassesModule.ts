import { PyStr } from '../objects/atoms';
import type { NativeFunction } from '../objects/base';
import { PyObject, PyType } from '../objects/base';
import { PyDict, PyList, PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { genericSetattr } from '../runtime/attributes';
import { dictSet } from '../runtime/dicts';
import { collect } from '../runtime/iteration';
import type { Runtime } from '../runtime/runtime';
import { repr } from '../runtime/text';
import { deepcopy } from './copyModule';
import { processClass } from './dataclass';
import { bindArguments, classMethod, inFrame, libraryClass, libraryFunction, LibraryModule, methodsOf } from './library';

/**
 * The dataclasses module (Lib/dataclasses.py): field(), Field, the sentinels (MISSING,
 * KW_ONLY), InitVar, FrozenInstanceError, and fields/asdict/astuple/replace/is_dataclass.
 * The @dataclass decorator itself, which adds the generated methods to a class, is in
 * dataclass.ts.
 */

/** The module's objects the decorator and the functions use. */
export interface DataclassesState {
  readonly globals: PyDict;
  readonly missing: PyObject;
  readonly kwOnly: PyObject;
  readonly hasDefaultFactory: PyObject;
  readonly fieldKinds: { readonly field: PyObject; readonly classVar: PyObject; readonly initVar: PyObject };
  readonly fieldType: PyType;
  readonly paramsType: PyType;
  readonly initVarType: PyType;
  readonly frozenError: PyType;
  readonly emptyMetadata: PyObject;
  /** _dataclass_getstate and _dataclass_setstate (frozen classes with slots). */
  readonly getstate: PyObject;
  readonly setstate: PyObject;
  /** 3.13+: the one _replace every dataclass has as __replace__. */
  readonly replace: PyObject | null;
}

const states = new WeakMap<Runtime, DataclassesState>();

export function dataclassesState(rt: Runtime): DataclassesState {
  return states.get(rt)!;
}

/** A slot of a Field (or of another slotted instance of the module). */
export function slot(obj: PyObject, name: string): PyObject {
  return obj.attrs?.values.get(name) ?? (undefined as unknown as PyObject);
}

/** Field.__slots__. */
const FIELD_SLOTS = ['name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init', 'compare', 'metadata', 'kw_only', '_field_type'];

export const dataclassesModule: LibraryModule = {
  install(rt, module, put) {
    const globals = module.get('__dict__') as PyDict;
    const p = rt.vm.p;
    const lib = rt.lang.library;
    const object = rt.types.object;
    p.run(() => {
      const site = (name: string) => ({ name, module: 'dataclasses', globals });
      const fn = (name: string, impl: NativeFunction): PyObject => p.own(libraryFunction(rt, site(name), impl));
      const classOf = (name: string, namespace: [string, PyObject][] = [], extra: { bases?: PyType[]; slots?: string[]; doc?: string | null } = {}): PyType =>
        p.own(libraryClass(rt, { name, module: 'dataclasses', bases: extra.bases ?? [object], namespace, doc: extra.doc, slots: extra.slots })) as PyType;
      const instance = (cls: PyType, args: readonly PyObject[] = []): PyObject => p.own(p.call(cls, args, null));

      const frozenError = classOf('FrozenInstanceError', [], { bases: [rt.types.exceptions.get('AttributeError')!] });
      const hasDefaultFactoryClass = classOf('_HAS_DEFAULT_FACTORY_CLASS', methodsOf(rt, '_HAS_DEFAULT_FACTORY_CLASS', 'dataclasses', globals, { __repr__: () => rt.str('<factory>') }));
      const hasDefaultFactory = instance(hasDefaultFactoryClass);
      const missing = instance(classOf('_MISSING_TYPE'));
      const kwOnly = instance(classOf('_KW_ONLY_TYPE'));
      const fieldBase = classOf(
        '_FIELD_BASE',
        methodsOf(rt, '_FIELD_BASE', 'dataclasses', globals, {
          __init__: (args) => inFrame(rt, args, () => (p.setattr(args[0], 'name', args[1]), rt.none)),
          __repr__: (args) => inFrame(rt, args, () => p.getattr(args[0], 'name')),
        }),
      );
      const fieldKinds = { field: instance(fieldBase, [p.own(rt.str('_FIELD'))]), classVar: instance(fieldBase, [p.own(rt.str('_FIELD_CLASSVAR'))]), initVar: instance(fieldBase, [p.own(rt.str('_FIELD_INITVAR'))]) };
      const metadataProxy = (mapping: PyObject): PyObject => {
        const proxy = rt.heap.allocate(new PyStruct(rt.types.mappingproxy), { gc: true });
        proxy.set(rt.heap, 'mapping', mapping);
        rt.heap.track(proxy);
        return proxy;
      };
      const emptyMetadata = p.own(metadataProxy(p.own(rt.newDict())));
      const fieldReprs = new WeakSet<PyObject>();
      const fieldType = classOf(
        'Field',
        methodsOf(rt, 'Field', 'dataclasses', globals, {
          __init__: (args) =>
            inFrame(rt, args, () => {
              const [self, dflt, factory, init, reprFlag, hash, compare, metadata, kwOnlyFlag] = args;
              const set = (name: string, value: PyObject): void => genericSetattr(rt, self, name, value);
              set('name', rt.none);
              set('type', rt.none);
              set('default', dflt);
              set('default_factory', factory);
              set('init', init);
              set('repr', reprFlag);
              set('hash', hash);
              set('compare', compare);
              set('metadata', metadata === rt.none ? emptyMetadata : p.own(metadataProxy(metadata)));
              set('kw_only', kwOnlyFlag);
              set('_field_type', rt.none);
              return rt.none;
            }),
          __repr__: (args) =>
            inFrame(rt, args, () => {
              const self = args[0];
              if (fieldReprs.has(self)) return rt.str('...');
              fieldReprs.add(self);
              try {
                const r = (name: string): string => repr(rt, slot(self, name));
                const fieldTypeText = p.str(slot(self, '_field_type'));
                return rt.str(`Field(name=${r('name')},type=${r('type')},default=${r('default')},default_factory=${r('default_factory')},init=${r('init')},repr=${r('repr')},hash=${r('hash')},compare=${r('compare')},metadata=${r('metadata')},kw_only=${r('kw_only')},_field_type=${fieldTypeText})`);
              } finally {
                fieldReprs.delete(self);
              }
            }),
          // A Field's default with a __set_name__ of its own hears of the class too.
          __set_name__: (args) =>
            inFrame(rt, args, () => {
              const [self, owner, name] = args;
              const dflt = slot(self, 'default');
              const setName = p.getattrOrUndefined(dflt.cls, '__set_name__');
              if (setName !== undefined) {
                p.own(setName);
                p.discard(p.call(setName, [dflt, owner, name], null));
              }
              return rt.none;
            }),
        }),
        { slots: FIELD_SLOTS },
      );
      const paramNames = lib.dataclassParamsFull ? ['init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen', 'match_args', 'kw_only', 'slots', 'weakref_slot'] : ['init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen'];
      const paramsType = classOf(
        '_DataclassParams',
        methodsOf(rt, '_DataclassParams', 'dataclasses', globals, {
          __init__: (args) =>
            inFrame(rt, args, () => {
              paramNames.forEach((name, i) => genericSetattr(rt, args[0], name, args[i + 1]));
              return rt.none;
            }),
          __repr__: (args) => inFrame(rt, args, () => rt.str(`_DataclassParams(${paramNames.map((name) => `${name}=${repr(rt, slot(args[0], name))}`).join(',')})`)),
        }),
        { slots: paramNames },
      );
      let initVarType!: PyType;
      const initVarGetitem = fn('__class_getitem__', (args) => inFrame(rt, args, () => p.call(args[0], [args[1]], null)));
      initVarType = classOf(
        'InitVar',
        [
          ...methodsOf(rt, 'InitVar', 'dataclasses', globals, {
            __init__: (args) => inFrame(rt, args, () => (genericSetattr(rt, args[0], 'type', args[1]), rt.none)),
            __repr__: (args) =>
              inFrame(rt, args, () => {
                const type = slot(args[0], 'type');
                const name = type instanceof PyType ? (p.own(p.getattr(type, '__name__')) as PyStr).value : repr(rt, type);
                return rt.str(`dataclasses.InitVar[${name}]`);
              }),
          }),
          ['__class_getitem__', p.own(classMethod(rt, initVarGetitem))],
        ],
        { slots: ['type'] },
      );
      const getstate = fn('_dataclass_getstate', (args) => inFrame(rt, args, () => rt.newList(fieldsOf(rt, args[0]).map((f) => p.own(p.getattr(args[0], (slot(f, 'name') as PyStr).value))))));
      const setstate = fn('_dataclass_setstate', (args) =>
        inFrame(rt, args, () => {
          const values = collect(rt, args[1]);
          fieldsOf(rt, args[0]).forEach((f, i) => {
            if (i < values.length) genericSetattr(rt, args[0], (slot(f, 'name') as PyStr).value, values[i]);
          });
          return rt.none;
        }),
      );
      const replace = fn('replace', (args, kwargs) =>
        inFrame(rt, [...args, ...(kwargs?.values() ?? [])], () => {
          const bound = bindArguments(rt, 'replace', [{ name: 'obj', kind: 'positional-only' }], args, kwargs, { varkw: true });
          return replaceFields(rt, bound.values.get('obj')!, bound.extraKeywords, 'replace');
        }),
      );
      const replaceMethod = lib.replaceProtocol
        ? fn('_replace', (args, kwargs) =>
            inFrame(rt, [...args, ...(kwargs?.values() ?? [])], () => {
              const bound = bindArguments(rt, '_replace', [{ name: 'self', kind: 'positional-only' }], args, kwargs, { varkw: true });
              return replaceFields(rt, bound.values.get('self')!, bound.extraKeywords, '_replace');
            }),
          )
        : null;
      // What the module keeps in its namespace (and so alive).
      for (const [name, value] of [
        ['_HAS_DEFAULT_FACTORY_CLASS', hasDefaultFactoryClass],
        ['_HAS_DEFAULT_FACTORY', hasDefaultFactory],
        ['_MISSING_TYPE', missing.cls],
        ['_KW_ONLY_TYPE', kwOnly.cls],
        ['_FIELD_BASE', fieldBase],
        ['_FIELD', fieldKinds.field],
        ['_FIELD_CLASSVAR', fieldKinds.classVar],
        ['_FIELD_INITVAR', fieldKinds.initVar],
        ['_EMPTY_METADATA', emptyMetadata],
        ['_DataclassParams', paramsType],
        ['_dataclass_getstate', getstate],
        ['_dataclass_setstate', setstate],
        ...(replaceMethod !== null ? [['_replace', replaceMethod]] : []),
      ] as [string, PyObject][]) {
        put(name, value);
      }
      const state: DataclassesState = { globals, missing, kwOnly, hasDefaultFactory, fieldKinds, fieldType, paramsType, initVarType, frozenError, emptyMetadata, getstate, setstate, replace: replaceMethod };
      states.set(rt, state);

      const dataclassParams = [
        ['init', rt.true_],
        ['repr', rt.true_],
        ['eq', rt.true_],
        ['order', rt.false_],
        ['unsafe_hash', rt.false_],
        ['frozen', rt.false_],
        ['match_args', rt.true_],
        ['kw_only', rt.false_],
        ['slots', rt.false_],
        ...(lib.dataclassWeakrefSlot ? [['weakref_slot', rt.false_]] : []),
      ] as [string, PyObject][];
      put(
        'dataclass',
        fn('dataclass', (args, kwargs) =>
          inFrame(rt, [...args, ...(kwargs?.values() ?? [])], () => {
            const bound = bindArguments(rt, 'dataclass', [{ name: 'cls', default: rt.none, kind: 'positional-only' }, ...dataclassParams.map(([name, dflt]) => ({ name, default: dflt, kind: 'keyword-only' as const }))], args, kwargs);
            const options = new Map(dataclassParams.map(([name]) => [name, bound.values.get(name)!]));
            const cls = bound.values.get('cls')!;
            if (cls !== rt.none) return processClass(rt, state, cls, options);
            // @dataclass(...): the decorator to apply.
            return libraryFunction(rt, { name: 'wrap', qualname: 'dataclass.<locals>.wrap', module: 'dataclasses', globals }, (wrapArgs) => inFrame(rt, wrapArgs, () => processClass(rt, state, wrapArgs[0], options)));
          }),
        ),
      );
      const fieldParams = [
        ['default', missing],
        ['default_factory', missing],
        ['init', rt.true_],
        ['repr', rt.true_],
        ['hash', rt.none],
        ['compare', rt.true_],
        ['metadata', rt.none],
        ['kw_only', missing],
      ] as [string, PyObject][];
      put(
        'field',
        fn('field', (args, kwargs) =>
          inFrame(rt, [...args, ...(kwargs?.values() ?? [])], () => {
            const bound = bindArguments(rt, 'field', fieldParams.map(([name, dflt]) => ({ name, default: dflt, kind: 'keyword-only' as const })), args, kwargs);
            const v = (name: string): PyObject => bound.values.get(name)!;
            if (v('default') !== missing && v('default_factory') !== missing) throw rt.error('ValueError', 'cannot specify both default and default_factory');
            return p.call(fieldType, fieldParams.map(([name]) => v(name)), null);
          }),
        ),
      );
      put(
        'fields',
        fn('fields', (args, kwargs) =>
          inFrame(rt, args, () => {
            const bound = bindArguments(rt, 'fields', [{ name: 'class_or_instance' }], args, kwargs);
            return rt.newTuple(fieldsOf(rt, bound.values.get('class_or_instance')!));
          }),
        ),
      );
      put(
        'is_dataclass',
        fn('is_dataclass', (args, kwargs) =>
          inFrame(rt, args, () => {
            const obj = bindArguments(rt, 'is_dataclass', [{ name: 'obj' }], args, kwargs).values.get('obj')!;
            const cls = obj instanceof PyType ? obj : obj.cls;
            return rt.bool(hasFields(rt, cls));
          }),
        ),
      );
      for (const [name, tuple] of [
        ['asdict', false],
        ['astuple', true],
      ] as const) {
        const factoryName = tuple ? 'tuple_factory' : 'dict_factory';
        put(
          name,
          fn(name, (args, kwargs) =>
            inFrame(rt, [...args, ...(kwargs?.values() ?? [])], () => {
              const bound = bindArguments(rt, name, [{ name: 'obj' }, { name: factoryName, default: tuple ? rt.types.tuple : rt.types.dict, kind: 'keyword-only' }], args, kwargs);
              const obj = bound.values.get('obj')!;
              if (!hasFields(rt, obj.cls)) throw rt.error('TypeError', `${name}() should be called on dataclass instances`);
              return convert(rt, obj, bound.values.get(factoryName)!, tuple);
            }),
          ),
        );
      }
      put('replace', replace);
      put('Field', fieldType);
      put('FrozenInstanceError', frozenError);
      put('InitVar', initVarType);
      put('MISSING', missing);
      put('KW_ONLY', kwOnly);
      put(
        'make_dataclass',
        fn('make_dataclass', () => {
          throw rt.stop('unsupported', 'dataclasses.make_dataclass is not simulated');
        }),
      );
    });
  },
  unsimulated: () => [
    '__all__', '__builtins__', '__cached__', '__doc__', '__file__', '__loader__', '__package__', '__spec__',
    'FunctionType', 'GenericAlias', '_ATOMIC_TYPES', '_FIELDS', '_FuncBuilder',
    '_MODULE_IDENTIFIER_RE', '_PARAMS', '_POST_INIT_NAME', '_add_slots', '_asdict_inner',
    '_astuple_inner', '_cmp_fn', '_create_fn', '_field_assign', '_field_init', '_fields_in_init_order', '_frozen_get_del_attr',
    '_get_field', '_get_slots', '_hash_action', '_hash_add', '_hash_exception', '_hash_fn', '_hash_set_none', '_init_fn', '_init_param', '_is_classvar', '_is_dataclass_instance',
    '_is_initvar', '_is_kw_only', '_is_type', '_process_class', '_recursive_repr', '_repr_fn', '_set_new_attribute', '_set_qualname', '_thread', '_tuple_str', 'abc',
    'builtins', 'copy', 'functools', 'inspect', 'itertools', 'keyword', 're', 'recursive_repr', 'sys', 'types',
  ],
};

/** Whether a class has __dataclass_fields__ (along its MRO). */
export function hasFields(rt: Runtime, cls: PyType): boolean {
  return rt.vm.p.getattrOrUndefined(cls, '__dataclass_fields__') !== undefined;
}

/** fields(class_or_instance): the Field objects of real fields (not ClassVar or InitVar pseudo-fields), held by the scope. */
export function fieldsOf(rt: Runtime, classOrInstance: PyObject): PyObject[] {
  const p = rt.vm.p;
  const st = dataclassesState(rt);
  const found = p.getattrOrUndefined(classOrInstance, '__dataclass_fields__');
  if (found === undefined) throw rt.error('TypeError', 'must be called with a dataclass type or instance');
  p.own(found);
  const values = found instanceof PyDict ? [...found.liveEntries()].map((e) => e.value) : collect(rt, p.own(p.callMethod(found, 'values', [])));
  return values.filter((f) => slot(f, '_field_type') === st.fieldKinds.field).map((f) => p.own(f));
}

/**
 * _asdict_inner / _astuple_inner: dataclass instances become dicts (tuples) of their
 * fields, recursively through named tuples, lists, tuples and dicts (a defaultdict keeps
 * its factory, 3.12+); anything else is deep-copied. The result is in transit.
 */
function convert(rt: Runtime, obj: PyObject, factory: PyObject, tuple: boolean): PyObject {
  const p = rt.vm.p;
  const t = rt.types;
  return inFrame(rt, [obj, factory], () => {
    const inner = (value: PyObject): PyObject => p.own(convert(rt, value, factory, tuple));
    const atomic = [t.NoneType, t.bool, t.int, t.float, t.str, t.complex, t.bytes, t.ellipsis, t.NotImplementedType, t.code, t.builtin_function_or_method, t.function, t.type, t.range, t.property];
    // _ATOMIC_TYPES (3.12+; before, deepcopy gave these back unchanged all the same).
    if (atomic.includes(obj.cls)) return obj;
    if (hasFields(rt, obj.cls)) {
      const fields = fieldsOf(rt, obj);
      const values = fields.map((f) => inner(p.own(p.getattr(obj, (slot(f, 'name') as PyStr).value))));
      if (tuple) return p.call(factory, [p.own(rt.newList(values))], null);
      if (factory === t.dict) {
        const dict = rt.newDict();
        fields.forEach((f, i) => dictSet(rt, dict, slot(f, 'name'), values[i]));
        return dict;
      }
      return p.call(factory, [p.own(rt.newList(fields.map((f, i) => p.own(rt.newTuple([slot(f, 'name'), values[i]])))))], null);
    }
    if (obj instanceof PyTuple && p.getattrOrUndefined(obj, '_fields') !== undefined) return p.call(obj.cls, obj.items.map(inner), null);
    if (obj instanceof PyList || obj instanceof PyTuple) return p.call(obj.cls, [p.own(rt.newList([...obj.items].map(inner)))], null);
    if (obj instanceof PyDict) {
      const entries = [...obj.liveEntries()];
      if (rt.lang.library.dataclassConvertsDefaultdict && p.getattrOrUndefined(obj.cls, 'default_factory') !== undefined) {
        const result = p.own(p.call(obj.cls, [p.own(p.getattr(obj, 'default_factory'))], null));
        for (const e of entries) p.setitem(result, inner(e.key), inner(e.value));
        return result;
      }
      return p.call(obj.cls, [p.own(rt.newList(entries.map((e) => p.own(rt.newTuple([inner(e.key), inner(e.value)])))))], null);
    }
    return deepcopy(rt, obj, rt.none);
  });
}

/** replace(obj, /, **changes) (and __replace__, 3.13+): a new instance from obj's init fields and the changes. */
function replaceFields(rt: Runtime, obj: PyObject, changesArg: ReadonlyMap<string, PyObject>, name: string): PyObject {
  const p = rt.vm.p;
  const st = dataclassesState(rt);
  const errorType = rt.lang.library.replaceErrorsAreTypeErrors ? 'TypeError' : 'ValueError';
  if (!hasFields(rt, obj.cls)) throw rt.error('TypeError', `${name === 'replace' ? 'replace' : 'replace'}() should be called on dataclass instances`);
  const changes = new Map(changesArg);
  const fieldsDict = p.own(p.getattr(obj, '__dataclass_fields__')) as PyDict;
  for (const entry of [...fieldsDict.liveEntries()]) {
    const f = entry.value;
    if (slot(f, '_field_type') === st.fieldKinds.classVar) continue;
    const fieldName = (slot(f, 'name') as PyStr).value;
    if (!p.truthy(slot(f, 'init'))) {
      if (changes.has(fieldName)) throw rt.error(errorType, `field ${fieldName} is declared with init=False, it cannot be specified with replace()`);
      continue;
    }
    if (!changes.has(fieldName)) {
      if (slot(f, '_field_type') === st.fieldKinds.initVar && slot(f, 'default') === st.missing) throw rt.error(errorType, `InitVar '${fieldName}' must be specified with replace()`);
      changes.set(fieldName, p.own(p.getattr(obj, fieldName)));
    }
  }
  return p.call(obj.cls, [], changes);
}

