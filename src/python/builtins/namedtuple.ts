import type { HeapObject, Label, Release } from '../../core/heapObject';
import { PyStr } from '../objects/atoms';
import type { NativeFunction } from '../objects/base';
import { PyObject, PyType } from '../objects/base';
import { PyCell, PyFunction } from '../objects/callables';
import type { PyStruct } from '../objects/struct';
import { PyDict, PyTuple } from '../objects/containers';
import { builtinNew } from '../runtime/attributes';
import { dictGetStr, dictSet } from '../runtime/dicts';
import { collect } from '../runtime/iteration';
import type { Runtime } from '../runtime/runtime';
import { repr, strRepr } from '../runtime/text';
import { bindArguments, classMethod, inFrame, libraryClass, libraryFunction, libraryProperty, methodsOf, Param } from './library';

/**
 * collections.namedtuple (Lib/collections/__init__.py): a new subclass of tuple with
 * `__slots__ = ()`, whose fields are _tuplegetter descriptors and whose methods are
 * functions made for it. Its instances are tuples holding their class; the collector
 * never untracks them (untrack_tuples is for exact tuples).
 */

const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);
const IDENTIFIER = /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u;

/** _collections._tuplegetter: the descriptor of field `index`, with its doc string. */
export class PyTupleGetter extends PyObject {
  constructor(
    cls: PyType,
    readonly index: number,
    /** A static type before 3.12: its instances do not hold it. */
    private readonly classReference: boolean,
  ) {
    super(cls);
  }
  override get holdsClass(): boolean {
    return this.classReference;
  }
  doc: PyObject | null = null;
  // tuplegetter_traverse visits the doc.
  traverse(visit: (target: HeapObject) => void): void {
    if (this.doc !== null) visit(this.doc);
    this.traverseExtras(visit);
  }
  forEachReference(visit: (label: Label, target: HeapObject) => void): void {
    if (this.doc !== null) visit('__doc__', this.doc);
    this.referencesExtras(visit);
  }
  releaseReferences(release: Release): void {
    const doc = this.doc;
    this.doc = null;
    if (doc !== null) release('__doc__', doc);
    this.releaseExtras(release);
  }
}

/** A new instance of the tuple subclass `cls` with `items` (tuple_subtype_new's allocation). */
export function newTupleOfType(rt: Runtime, cls: PyType, items: readonly PyObject[]): PyTuple {
  const obj = rt.heap.allocate(new PyTuple(cls, [...items]), { gc: true });
  items.forEach((item, i) => rt.heap.incref(obj, `[${i}]`, item));
  if (obj.holdsClass) rt.heap.incref(obj, '__class__', cls);
  rt.heap.track(obj);
  return obj;
}

/**
 * tuple.__new__(cls, iterable) for a subclass: a plain tuple of the items first (the
 * argument itself when it is one), copied into the new instance, then let go.
 */
function tupleNew(rt: Runtime, cls: PyType, iterable: PyObject): PyTuple {
  const p = rt.vm.p;
  let made: PyTuple | null = null;
  p.run(() => {
    const tmp = iterable instanceof PyTuple && iterable.cls === rt.types.tuple ? iterable : (p.own(p.call(rt.types.tuple, [iterable], null)) as PyTuple);
    made = newTupleOfType(rt, cls, tmp.items);
    rt.transitResult(made);
  });
  return made!;
}

/** Makes the _tuplegetter class and the namedtuple function (both held by the caller's scope). */
export function makeNamedtuple(rt: Runtime, module: string, globals: PyDict): { tuplegetter: PyType; namedtuple: PyFunction } {
  const p = rt.vm.p;
  const heapTypes = rt.lang.library.collectionsHeapTypes;
  const getterModule = heapTypes ? 'collections' : '_collections';
  let getterType!: PyType;
  const getter = (args: readonly PyObject[]): PyTupleGetter => args[0] as PyTupleGetter;
  const getterMethods: Record<string, NativeFunction> = {
    __get__: (args) => {
      const g = getter(args);
      const obj = args[1];
      if (obj === undefined || obj === rt.none) return g;
      if (!(obj instanceof PyTuple)) throw rt.error('TypeError', `descriptor for index '${g.index}' for tuple subclasses doesn't apply to '${obj.cls.name}' object`);
      if (g.index >= obj.items.length) throw rt.error('IndexError', 'tuple index out of range');
      return obj.items[g.index];
    },
    __set__: () => {
      throw rt.error('AttributeError', "can't set attribute");
    },
    __delete__: () => {
      throw rt.error('AttributeError', "can't delete attribute");
    },
    __repr__: (args) => {
      const g = getter(args);
      return rt.str(`${g.cls.name}(${g.index}, ${repr(rt, g.doc ?? rt.none)})`);
    },
    __reduce__: (args) => {
      const g = getter(args);
      return p.scope(() => rt.newTuple([g.cls, p.own(rt.newTuple([p.own(rt.int(g.index)), g.doc ?? rt.none]))]));
    },
  };
  const docProperty = libraryProperty(rt, '_tuplegetter', getterModule, '__doc__', (args) => getter(args).doc ?? rt.none);
  getterType = p.own(libraryClass(rt, { name: '_tuplegetter', module: getterModule, bases: [rt.types.object], namespace: [...methodsOf(rt, '_tuplegetter', getterModule, null, getterMethods), ['__doc__', docProperty]], instances: { dict: false, weakrefs: false } })) as PyType;
  const newGetter = (index: number, doc: PyObject): PyTupleGetter => {
    const g = rt.heap.allocate(new PyTupleGetter(getterType, index, heapTypes), { gc: true });
    if (g.holdsClass) rt.heap.incref(g, '__class__', getterType);
    rt.heap.incref(g, '__doc__', doc);
    g.doc = doc;
    rt.heap.track(g);
    return g;
  };

  const namedtuple = libraryFunction(rt, { name: 'namedtuple', module, globals }, (args, kwargs) =>
    inFrame(rt, [...args, ...(kwargs?.values() ?? [])], () => {
      const bound = bindArguments(
        rt,
        'namedtuple',
        [{ name: 'typename' }, { name: 'field_names' }, { name: 'rename', default: rt.false_, kind: 'keyword-only' }, { name: 'defaults', default: rt.none, kind: 'keyword-only' }, { name: 'module', default: rt.none, kind: 'keyword-only' }],
        args,
        kwargs,
      );
      const v = bound.values;
      return makeClass(rt, v.get('typename')!, v.get('field_names')!, p.truthy(v.get('rename')!), v.get('defaults')!, v.get('module')!, newGetter, globals);
    }),
  );
  return { tuplegetter: getterType, namedtuple: p.own(namedtuple) as PyFunction };
}

function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** The body of namedtuple(): checks the names, then builds the class as the source does. */
function makeClass(
  rt: Runtime,
  typenameArg: PyObject,
  fieldNamesArg: PyObject,
  rename: boolean,
  defaultsArg: PyObject,
  moduleArg: PyObject,
  newGetter: (index: number, doc: PyObject) => PyObject,
  globals: PyDict,
): PyType {
  const p = rt.vm.p;
  const lib = rt.lang.library;
  let fieldNames: string[] =
    fieldNamesArg instanceof PyStr ? fieldNamesArg.value.replace(/,/g, ' ').split(/\s+/).filter((s) => s !== '') : collect(rt, fieldNamesArg).map((o) => p.str(o));
  const typename = p.str(typenameArg);
  if (rename) {
    const seen = new Set<string>();
    fieldNames = fieldNames.map((name, index) => {
      const renamed = !isIdentifier(name) || KEYWORDS.has(name) || name.startsWith('_') || seen.has(name) ? `_${index}` : name;
      seen.add(name);
      return renamed;
    });
  }
  for (const name of [typename, ...fieldNames]) {
    if (!isIdentifier(name)) throw rt.error('ValueError', `Type names and field names must be valid identifiers: ${strRepr(name)}`);
    if (KEYWORDS.has(name)) throw rt.error('ValueError', `Type names and field names cannot be a keyword: ${strRepr(name)}`);
  }
  const seen = new Set<string>();
  for (const name of fieldNames) {
    if (name.startsWith('_') && !rename) throw rt.error('ValueError', `Field names cannot start with an underscore: ${strRepr(name)}`);
    if (seen.has(name)) throw rt.error('ValueError', `Encountered duplicate field name: ${strRepr(name)}`);
    seen.add(name);
  }
  let defaults: PyTuple | null = null;
  if (defaultsArg !== rt.none) {
    defaults = p.own(p.call(rt.types.tuple, [defaultsArg], null)) as PyTuple;
    if (defaults.items.length > fieldNames.length) throw rt.error('TypeError', 'Got more default values than field names');
  }
  const fieldDefaults = p.own(rt.newDict()) as PyDict;
  if (defaults !== null) {
    const first = fieldNames.length - defaults.items.length;
    defaults.items.forEach((value, i) => dictSet(rt, fieldDefaults, rt.intern(fieldNames[first + i]), value));
  }
  const fields = p.own(rt.newTuple(fieldNames.map((n) => rt.intern(n)))) as PyTuple;
  const argList = fieldNames.join(', ') + (fieldNames.length === 1 ? ',' : '');
  let cls!: PyType;

  // __new__ is a lambda eval'd in a namespace of its own: its globals.
  const namespace = p.own(rt.newDict()) as PyDict;
  dictSet(rt, namespace, rt.intern('_tuple_new'), builtinNew(rt, rt.types.tuple)!);
  dictSet(rt, namespace, rt.intern('__builtins__'), p.own(rt.newDict()));
  dictSet(rt, namespace, rt.intern('__name__'), p.own(rt.str(`namedtuple_${typename}`)));
  const params: Param[] = [{ name: '_cls' }, ...fieldNames.map((name, i): Param => ({ name, default: defaults !== null && i >= fieldNames.length - defaults.items.length ? defaults.items[i - (fieldNames.length - defaults.items.length)] : undefined }))];
  const newFunction = p.own(
    libraryFunction(rt, { name: '__new__', qualname: `${typename}.__new__`, module: `namedtuple_${typename}`, globals: namespace }, (args, kwargs) =>
      inFrame(rt, [...args, ...(kwargs?.values() ?? [])], () => {
        const bound = bindArguments(rt, `${typename}.__new__`, params, args, kwargs);
        const type = bound.values.get('_cls')!;
        const items = fieldNames.map((name) => bound.values.get(name)!);
        if (!(type instanceof PyType)) throw rt.error('TypeError', `tuple.__new__(X): X is not a type object (${type.cls.name})`);
        // _tuple_new(_cls, (x, y)): the tuple of the arguments, then the instance made from it.
        return tupleNew(rt, type, p.own(rt.newTuple(items)));
      }),
    ),
  ) as PyFunction;
  if (defaults !== null) newFunction.set(rt.heap, '__defaults__', defaults);

  const site = (name: string) => ({ name, qualname: `${typename}.${name}`, module: 'collections', globals });
  const make = p.own(
    libraryFunction(rt, site('_make'), (args, kwargs) =>
      inFrame(rt, [...args, ...(kwargs?.values() ?? [])], () => {
        const bound = bindArguments(rt, `${typename}._make`, [{ name: 'cls' }, { name: 'iterable' }], args, kwargs);
        const result = p.own(tupleNew(rt, bound.values.get('cls') as PyType, bound.values.get('iterable')!)) as PyTuple;
        if (result.items.length !== fieldNames.length) throw rt.error('TypeError', `Expected ${fieldNames.length} arguments, got ${result.items.length}`);
        return result;
      }),
    ),
  );
  const replace = p.own(
    libraryFunction(rt, site('_replace'), (args, kwargs) =>
      inFrame(rt, [...args, ...(kwargs?.values() ?? [])], () => {
        const bound = bindArguments(rt, `${typename}._replace`, [{ name: 'self', kind: 'positional-only' }], args, kwargs, { varkw: true });
        const self = bound.values.get('self') as PyTuple;
        const changes = new Map(bound.extraKeywords);
        const values = fieldNames.map((name, i) => {
          const changed = changes.get(name);
          changes.delete(name);
          return changed ?? self.items[i];
        });
        const result = p.own(p.call(p.own(p.getattr(self, '_make')), [p.own(rt.newList(values))], null));
        if (changes.size > 0) throw rt.error(lib.replaceErrorsAreTypeErrors ? 'TypeError' : 'ValueError', `Got unexpected field names: [${[...changes.keys()].map(strRepr).join(', ')}]`);
        return result;
      }),
    ),
  );
  const methods: Record<string, NativeFunction> = {
    __repr__: (args) =>
      inFrame(rt, args, () => {
        const self = args[0] as PyTuple;
        const parts = fieldNames.map((name, i) => `${name}=${self.items[i] === undefined ? '' : repr(rt, self.items[i])}`);
        return rt.str(`${self.cls.name}(${parts.join(', ')})`);
      }),
    _asdict: (args) =>
      inFrame(rt, args, () => {
        const self = args[0] as PyTuple;
        const dict = rt.newDict();
        (p.own(p.getattr(self, '_fields')) as PyTuple).items.forEach((name, i) => {
          if (i < self.items.length) dictSet(rt, dict, name, self.items[i]);
        });
        return dict;
      }),
    __getnewargs__: (args) => inFrame(rt, args, () => rt.newTuple((args[0] as PyTuple).items)),
  };
  const [reprFn, asdictFn, getnewargsFn] = methodsOf(rt, typename, 'collections', globals, methods).map(([, fn]) => fn);
  // The closures the methods have in CPython: cells of namedtuple()'s locals they use.
  const cell = (value: PyObject): PyCell => {
    const c = p.own(rt.heap.allocate(new PyCell(rt.types.cell), { gc: true, track: true })) as PyCell;
    c.set(rt.heap, 'cell_contents', value);
    return c;
  };
  const builtin = (name: string): PyObject => dictGetStr(rt.builtins, name)!;
  const reprFormat = p.own(rt.str(`(${fieldNames.map((n) => `${n}=%r`).join(', ')})`));
  const closures: [PyObject, PyObject[]][] = [
    [make, [builtin('len'), p.own(rt.int(fieldNames.length)), builtinNew(rt, rt.types.tuple)!]],
    [replace, [rt.types.map, fields]],
    [reprFn, [reprFormat]],
    [asdictFn, [rt.types.dict, rt.types.zip]],
    [getnewargsFn, [rt.types.tuple]],
  ];
  for (const [fn, values] of closures) (fn as PyStruct).set(rt.heap, '__closure__', p.own(rt.newTuple(values.map(cell))));
  // classmethod() copies the function's attributes into a __dict__ of its own (3.10+).
  const makeMethod = p.own(classMethod(rt, make)) as PyStruct;
  const wrapped = p.own(rt.newDict()) as PyDict;
  for (const name of ['__module__', '__name__', '__qualname__', '__doc__']) dictSet(rt, wrapped, rt.intern(name), (make as PyStruct).get(name) ?? rt.none);
  dictSet(rt, wrapped, rt.intern('__annotations__'), p.own(rt.newDict()));
  makeMethod.set(rt.heap, '__dict__', wrapped);
  const namespaceEntries: [string, PyObject][] = [
    ['_fields', fields],
    ['_field_defaults', fieldDefaults],
    ['__new__', newFunction],
    ['_make', makeMethod],
    ...(lib.replaceProtocol ? ([['__replace__', replace]] as [string, PyObject][]) : []),
    ['_replace', replace],
    ['__repr__', reprFn],
    ['_asdict', asdictFn],
    ['__getnewargs__', getnewargsFn],
    ['__match_args__', fields],
    ...fieldNames.map((name, index): [string, PyObject] => [name, p.own(newGetter(index, rt.intern(`Alias for field number ${index}`)))]),
  ];
  cls = p.own(libraryClass(rt, { name: typename, module: 'collections', bases: [rt.types.tuple], namespace: namespaceEntries, doc: `${typename}(${argList})`, slots: [], moduleLast: true })) as PyType;
  // The class belongs to the caller's module (sys._getframe(1).f_globals['__name__']).
  let moduleName: PyObject = moduleArg;
  if (moduleName === rt.none) moduleName = dictGetStr(rt.vm.current?.globals ?? rt.mainDict, '__name__') ?? rt.intern('__main__');
  p.setattr(cls, '__module__', moduleName);
  cls.module = moduleName instanceof PyStr && moduleName.value !== '__main__' ? moduleName.value : null;
  return cls;
}
