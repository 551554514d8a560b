import { PyStr } from '../objects/atoms';
import type { NativeFunction } from '../objects/base';
import { PyObject, PyType } from '../objects/base';
import { PyCell, PyFunction } from '../objects/callables';
import { PyDict, PyTuple } from '../objects/containers';
import { PyNativeFunction } from '../objects/native';
import { PyStruct } from '../objects/struct';
import { genericSetattr } from '../runtime/attributes';
import { dictDeleteStr, dictGetStr, dictSet } from '../runtime/dicts';
import { collect } from '../runtime/iteration';
import type { Runtime } from '../runtime/runtime';
import { repr, strRepr } from '../runtime/text';
import { DataclassesState, fieldsOf, slot } from './dataclassesModule';
import { bindArguments, inFrame, isInstance, libraryFunction, Param, raiseInstance } from './library';
import { makeSuper, superGetattr } from './superObject';

/**
 * The @dataclass decorator (_process_class in Lib/dataclasses.py): collects the fields
 * from the class's annotations, then adds __init__, __repr__, __eq__, the order methods,
 * the frozen __setattr__/__delattr__, __hash__, __match_args__ and __doc__ as the version
 * does — each generated method a function of the class's module that runs natively but
 * sets attributes exactly as the generated Python code would.
 */

/** What the doc string's signature needs of a generated __init__. */
interface InitSignature {
  readonly positional: readonly PyObject[];
  readonly keywordOnly: readonly PyObject[];
}

const initSignatures = new WeakMap<PyObject, InitSignature>();

type Flags = ReadonlyMap<string, PyObject>;

function fieldName(f: PyObject): string {
  return (slot(f, 'name') as PyStr).value;
}

/** _process_class: the class, changed in place (or a new one for slots=True). The result is in transit. */
export function processClass(rt: Runtime, st: DataclassesState, clsArg: PyObject, options: Flags): PyObject {
  const p = rt.vm.p;
  const lib = rt.lang.library;
  if (!(clsArg instanceof PyType)) throw rt.stop('unsupported', `@dataclass applied to a '${clsArg.cls.name}' object is not simulated`);
  const cls = clsArg;
  const flag = (name: string): boolean => p.truthy(options.get(name) ?? rt.false_);
  const [init, reprFlag, eq, order, unsafeHash, frozen, matchArgs, slots] = ['init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen', 'match_args', 'slots'].map(flag);
  const weakrefSlot = flag('weakref_slot');
  const moduleName = p.str(p.own(p.getattr(cls, '__module__')));
  const moduleObject = rt.module(moduleName);
  const globals = moduleObject !== undefined ? ((moduleObject as PyStruct).get('__dict__') as PyDict) : (p.own(rt.newDict()) as PyDict);
  const clsName = cls.name;

  const paramNames = lib.dataclassParamsFull ? ['init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen', 'match_args', 'kw_only', 'slots', 'weakref_slot'] : ['init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen'];
  p.setattr(cls, '__dataclass_params__', p.own(p.call(st.paramsType, paramNames.map((n) => options.get(n) ?? rt.false_), null)));

  // The fields of dataclass bases, from the farthest base to the nearest.
  const fields = new Map<string, PyObject>();
  let anyFrozenBase = false;
  let hasDataclassBases = false;
  for (const base of [...cls.mro.slice(1)].reverse()) {
    const baseFields = p.getattrOrUndefined(base, '__dataclass_fields__');
    if (baseFields === undefined) continue;
    p.own(baseFields);
    hasDataclassBases = true;
    for (const f of collect(rt, p.own(p.callMethod(baseFields, 'values', [])))) fields.set(fieldName(f), f);
    if (p.truthy(p.own(p.getattr(p.own(p.getattr(base, '__dataclass_params__')), 'frozen')))) anyFrozenBase = true;
  }

  const annotations = cls.dict !== null ? dictGetStr(cls.dict, '__annotations__') : undefined;
  const annotationEntries = annotations instanceof PyDict ? [...annotations.liveEntries()] : [];
  const classFields: PyObject[] = [];
  let kwOnly = flag('kw_only');
  let kwOnlySeen = false;
  for (const entry of annotationEntries) {
    const name = p.str(entry.key);
    const type = entry.value;
    if (type === st.kwOnly || (type instanceof PyStr && isType(rt, st, type.value, cls, (o) => o === st.kwOnly))) {
      if (kwOnlySeen) throw rt.error('TypeError', `${strRepr(name)} is KW_ONLY, but KW_ONLY has already been specified`);
      kwOnlySeen = true;
      kwOnly = true;
    } else classFields.push(getField(rt, st, cls, name, type, kwOnly));
  }
  for (const f of classFields) {
    const name = fieldName(f);
    fields.set(name, f);
    const attr = p.getattrOrUndefined(cls, name);
    if (attr !== undefined && isInstance(p.own(attr), st.fieldType)) {
      if (slot(f, 'default') === st.missing) p.delattr(cls, name);
      else p.setattr(cls, name, slot(f, 'default'));
    }
  }
  for (const entry of [...cls.dict!.liveEntries()]) {
    if (isInstance(entry.value, st.fieldType) && !annotationEntries.some((a) => a.key === entry.key || p.equals(a.key, entry.key))) throw rt.error('TypeError', `${repr(rt, entry.key)} is a field but has no type annotation`);
  }
  if (hasDataclassBases) {
    if (anyFrozenBase && !frozen) throw rt.error('TypeError', 'cannot inherit non-frozen dataclass from a frozen one');
    if (!anyFrozenBase && frozen) throw rt.error('TypeError', 'cannot inherit frozen dataclass from a non-frozen one');
  }
  const fieldsDict = p.own(rt.newDict()) as PyDict;
  for (const [name, f] of fields) dictSet(rt, fieldsDict, rt.intern(name), f);
  p.setattr(cls, '__dataclass_fields__', fieldsDict);

  const classHash = dictGetStr(cls.dict!, '__hash__');
  const hasExplicitHash = !(classHash === undefined || (classHash === rt.none && dictGetStr(cls.dict!, '__eq__') !== undefined));
  if (order && !eq) throw rt.error('ValueError', 'eq must be true if order is true');

  const kind = (f: PyObject): PyObject => slot(f, '_field_type');
  const allInitFields = [...fields.values()].filter((f) => kind(f) === st.fieldKinds.field || kind(f) === st.fieldKinds.initVar);
  const stdInitFields = allInitFields.filter((f) => p.truthy(slot(f, 'init')) && !p.truthy(slot(f, 'kw_only')));
  const kwOnlyInitFields = allInitFields.filter((f) => p.truthy(slot(f, 'init')) && p.truthy(slot(f, 'kw_only')));
  const fieldList = [...fields.values()].filter((f) => kind(f) === st.fieldKinds.field);
  const site = (name: string) => ({ name, qualname: `${clsName}.${name}`, module: moduleName, globals });

  // The generated methods: set at once before 3.13, all together after __hash__ from 3.13.
  const pending: [string, PyObject, string | null][] = [];
  const add = (name: string, fn: PyObject, overwriteError: string | null = null): void => {
    if (lib.dataclassMethodsAddedLast) pending.push([name, fn, overwriteError]);
    else addMethod(name, fn, overwriteError);
  };
  const addMethod = (name: string, fn: PyObject, overwriteError: string | null): void => {
    if (setNewAttribute(rt, cls, name, fn) && overwriteError !== null) throw rt.error('TypeError', overwriteError);
  };

  if (init) {
    const hasPostInit = p.getattrOrUndefined(cls, '__post_init__') !== undefined;
    let seenDefault: PyObject | null = null;
    for (const f of stdInitFields) {
      if (!(slot(f, 'default') === st.missing && slot(f, 'default_factory') === st.missing)) seenDefault = f;
      else if (seenDefault !== null) throw rt.error('TypeError', `non-default argument ${strRepr(fieldName(f))} follows default argument${lib.dataclassNamesDefaultArgument ? ` ${strRepr(fieldName(seenDefault))}` : ''}`);
    }
    const selfName = fields.has('self') ? '__dataclass_self__' : 'self';
    add('__init__', p.own(makeInit(rt, st, site('__init__'), allInitFields, stdInitFields, kwOnlyInitFields, frozen, hasPostInit, selfName, slots)));
  }
  if (lib.replaceProtocol && st.replace !== null) setNewAttribute(rt, cls, '__replace__', st.replace);
  if (reprFlag) add('__repr__', p.own(makeRepr(rt, site('__repr__'), fieldList.filter((f) => p.truthy(slot(f, 'repr'))).map(fieldName))));
  const compared = fieldList.filter((f) => p.truthy(slot(f, 'compare'))).map(fieldName);
  if (eq) add('__eq__', p.own(makeEq(rt, site('__eq__'), compared)));
  if (order) {
    for (const [name, op] of [
      ['__lt__', 'Lt'],
      ['__le__', 'LtE'],
      ['__gt__', 'Gt'],
      ['__ge__', 'GtE'],
    ] as const) {
      add(name, p.own(makeOrder(rt, site(name), op, compared)), `Cannot overwrite attribute ${name} in class ${clsName}. Consider using functools.total_ordering`);
    }
  }
  if (frozen) {
    const names = fieldList.map(fieldName);
    for (const name of ['__setattr__', '__delattr__'] as const) add(name, p.own(makeFrozenHook(rt, st, site(name), cls, names, name === '__setattr__')), `Cannot overwrite attribute ${name} in class ${clsName}`);
  }
  const action = hashAction(unsafeHash, eq, frozen, hasExplicitHash);
  if (action === 'exception') throw rt.error('TypeError', `Cannot overwrite attribute __hash__ in class ${clsName}`);
  if (action === 'none') p.setattr(cls, '__hash__', rt.none);
  if (action === 'add') {
    const hashed = fieldList.filter((f) => (slot(f, 'hash') === rt.none ? p.truthy(slot(f, 'compare')) : p.truthy(slot(f, 'hash')))).map(fieldName);
    const fn = p.own(makeHash(rt, site('__hash__'), hashed));
    if (lib.dataclassMethodsAddedLast) pending.push(['__hash__', fn, null]);
    else p.setattr(cls, '__hash__', fn);
  }
  for (const [name, fn, overwriteError] of pending) {
    if (name === '__hash__') p.setattr(cls, name, fn);
    else addMethod(name, fn, overwriteError);
  }

  if (!p.truthy(p.own(p.getattr(cls, '__doc__')))) p.setattr(cls, '__doc__', p.own(rt.str(clsName + signatureText(rt, st, cls))));
  if (matchArgs) setNewAttribute(rt, cls, '__match_args__', p.own(rt.newTuple(stdInitFields.map((f) => slot(f, 'name')))));
  if (weakrefSlot && !slots) throw rt.error('TypeError', 'weakref_slot is True but slots is False');
  if (slots) return addSlots(rt, st, cls, frozen, weakrefSlot);
  return cls;
}

/** _set_new_attribute: sets the attribute unless the class defines it itself; whether it did. */
function setNewAttribute(rt: Runtime, cls: PyType, name: string, value: PyObject): boolean {
  if (dictGetStr(cls.dict!, name) !== undefined) return true;
  rt.vm.p.setattr(cls, name, value);
  return false;
}

/** _hash_action: what (unsafe_hash, eq, frozen, explicit __hash__) means for __hash__. */
function hashAction(unsafeHash: boolean, eq: boolean, frozen: boolean, explicit: boolean): 'keep' | 'none' | 'add' | 'exception' {
  if (unsafeHash) return explicit ? 'exception' : 'add';
  if (!eq || explicit) return 'keep';
  return frozen ? 'add' : 'none';
}

/** __class__.__hash__ is None: the class (or a base) sets it to None, or a builtin base is unhashable. */
function unhashableClass(rt: Runtime, cls: PyType): boolean {
  const t = rt.types;
  for (const c of cls.mro) {
    const own = c.dict !== null ? dictGetStr(c.dict, '__hash__') : undefined;
    if (own !== undefined) return own === rt.none;
    if (c === t.list || c === t.dict || c === t.set || c === t.bytearray) return true;
  }
  return false;
}

/** _is_type: a string annotation names the type (`InitVar[int]`, `dataclasses.KW_ONLY`) in the class's module. */
function isType(rt: Runtime, st: DataclassesState, annotation: string, cls: PyType, predicate: (o: PyObject | undefined) => boolean): boolean {
  const p = rt.vm.p;
  const match = /^(?:\s*([\p{L}\p{N}_]+)\s*\.)?\s*([\p{L}\p{N}_]+)/u.exec(annotation);
  if (match === null) return false;
  const module = rt.module(p.str(p.own(p.getattr(cls, '__module__'))));
  const moduleDict = module !== undefined ? ((module as PyStruct).get('__dict__') as PyDict) : undefined;
  let ns: PyDict | undefined;
  if (match[1] === undefined) ns = moduleDict;
  else if (moduleDict !== undefined && dictGetStr(moduleDict, match[1]) === rt.module('dataclasses')) ns = st.globals;
  return ns !== undefined && predicate(dictGetStr(ns, match[2]));
}

/** _get_field: the Field of an annotated name (its class attribute's, or a new one with that default). */
function getField(rt: Runtime, st: DataclassesState, cls: PyType, name: string, type: PyObject, defaultKwOnly: boolean): PyObject {
  const p = rt.vm.p;
  const lib = rt.lang.library;
  let dflt = p.getattrOrUndefined(cls, name) ?? st.missing;
  p.own(dflt);
  let f: PyObject;
  if (isInstance(dflt, st.fieldType)) f = dflt;
  else {
    if (dflt.cls === rt.types.member_descriptor) dflt = st.missing;
    f = p.own(p.call(st.fieldType, [dflt, st.missing, rt.true_, rt.true_, rt.none, rt.true_, rt.none, st.missing], null));
  }
  const set = (slotName: string, value: PyObject): void => genericSetattr(rt, f, slotName, value);
  set('name', rt.intern(name));
  set('type', type);
  set('_field_type', st.fieldKinds.field);
  const isInitVar = (o: PyObject | undefined): boolean => o !== undefined && (o === st.initVarType || o.cls === st.initVarType);
  if (isInitVar(type) || (type instanceof PyStr && isType(rt, st, type.value, cls, isInitVar))) set('_field_type', st.fieldKinds.initVar);
  if (slot(f, '_field_type') === st.fieldKinds.initVar && slot(f, 'default_factory') !== st.missing) throw rt.error('TypeError', `field ${name} cannot have a default factory`);
  if (slot(f, 'kw_only') === st.missing) set('kw_only', rt.bool(defaultKwOnly));
  const d = slot(f, 'default');
  if (slot(f, '_field_type') === st.fieldKinds.field) {
    const mutable = lib.dataclassUnhashableDefaultIsMutable ? unhashableClass(rt, d.cls) : [rt.types.list, rt.types.dict, rt.types.set].some((t) => d.cls.isSubtypeOf(t));
    if (mutable) throw rt.error('ValueError', `mutable default ${repr(rt, d.cls)} for field ${name} is not allowed: use default_factory`);
  }
  return f;
}

/** A generated method: a function of the class's module, running as its frame would. */
function generated(rt: Runtime, site: { name: string; qualname: string; module: string; globals: PyDict }, impl: NativeFunction): PyNativeFunction {
  return libraryFunction(rt, site, (args, kwargs) => inFrame(rt, [...args, ...(kwargs?.values() ?? [])], () => impl(args, kwargs)));
}

/** A tuple of cells holding `values`: the closure __create_fn__ gives a generated function. */
function closureOf(rt: Runtime, values: readonly PyObject[]): PyObject {
  const p = rt.vm.p;
  return p.scope(() =>
    rt.newTuple(
      values.map((value) => {
        const cell = rt.heap.allocate(new PyCell(rt.types.cell), { gc: true, track: true });
        p.own(cell);
        cell.set(rt.heap, 'cell_contents', value);
        return cell;
      }),
    ),
  );
}

/**
 * _init_fn: __init__(self, <fields with init>, *, <keyword-only fields>). Each field is
 * assigned in order — `self.name = value` (through the class's __setattr__), or
 * object.__setattr__ when frozen — a default factory called when its argument was left
 * out; then __post_init__ with the InitVar values.
 */
function makeInit(
  rt: Runtime,
  st: DataclassesState,
  site: { name: string; qualname: string; module: string; globals: PyDict },
  fields: readonly PyObject[],
  std: readonly PyObject[],
  kwOnly: readonly PyObject[],
  frozen: boolean,
  hasPostInit: boolean,
  selfName: string,
  slots: boolean,
): PyFunction {
  const p = rt.vm.p;
  const defaultOf = (f: PyObject): PyObject | undefined => (slot(f, 'default') !== st.missing ? slot(f, 'default') : slot(f, 'default_factory') !== st.missing ? st.hasDefaultFactory : undefined);
  const params: Param[] = [{ name: selfName }, ...std.map((f) => ({ name: fieldName(f), default: defaultOf(f) })), ...kwOnly.map((f) => ({ name: fieldName(f), default: defaultOf(f), kind: 'keyword-only' as const }))];
  // The frame holds one reference per parameter: the arguments and the defaults used.
  const fn = libraryFunction(rt, site, (args, kwargs) => inFrame(rt, [], () => {
    const bound = bindArguments(rt, site.qualname, params, args, kwargs);
    const self = bound.values.get(selfName)!;
    for (const v of bound.values.values()) p.own(v);
    for (const f of fields) {
      const name = fieldName(f);
      const factory = slot(f, 'default_factory');
      const init = p.truthy(slot(f, 'init'));
      let value: PyObject | null;
      if (factory !== st.missing) {
        const arg = init ? bound.values.get(name)! : st.hasDefaultFactory;
        value = arg === st.hasDefaultFactory ? p.own(p.call(factory, [], null)) : arg;
      } else if (init) value = bound.values.get(name)!;
      else value = slots && slot(f, 'default') !== st.missing ? slot(f, 'default') : null;
      if (value === null || slot(f, '_field_type') === st.fieldKinds.initVar) continue;
      if (frozen) genericSetattr(rt, self, name, value);
      else p.setattr(self, name, value);
    }
    if (hasPostInit) {
      const initVars = fields.filter((f) => slot(f, '_field_type') === st.fieldKinds.initVar).map((f) => bound.values.get(fieldName(f))!);
      p.discard(p.call(p.own(p.getattr(self, '__post_init__')), initVars, null));
    }
    return rt.none;
  }));
  // Its defaults, and the closure holding the default factories (and the sentinel and object).
  const positionalDefaults = std.map(defaultOf).filter((d): d is PyObject => d !== undefined);
  if (positionalDefaults.length) fn.set(rt.heap, '__defaults__', p.own(rt.newTuple(positionalDefaults)));
  const keywordDefaults = kwOnly.filter((f) => defaultOf(f) !== undefined);
  if (keywordDefaults.length) {
    const kwdefaults = p.own(rt.newDict()) as PyDict;
    for (const f of keywordDefaults) dictSet(rt, kwdefaults, rt.intern(fieldName(f)), defaultOf(f)!);
    fn.set(rt.heap, '__kwdefaults__', kwdefaults);
  }
  const factories = fields.filter((f) => slot(f, 'default_factory') !== st.missing);
  const closure = [...(factories.some((f) => p.truthy(slot(f, 'init'))) ? [st.hasDefaultFactory] : []), ...(frozen ? [rt.types.object] : []), ...factories.map((f) => slot(f, 'default_factory'))];
  if (closure.length) fn.set(rt.heap, '__closure__', p.own(closureOf(rt, closure)));
  initSignatures.set(fn, { positional: std, keywordOnly: kwOnly });
  return fn;
}

const reprsRunning = new WeakSet<PyObject>();

/**
 * _repr_fn: `QualName(a=..., b=...)`, wrapped by _recursive_repr (reprlib.recursive_repr
 * from 3.13) — `...` for an instance inside itself. The wrapper is what the class gets:
 * it holds the set of reprs running and the generated function (its __wrapped__).
 */
function makeRepr(rt: Runtime, site: { name: string; qualname: string; module: string; globals: PyDict }, names: readonly string[]): PyFunction {
  const p = rt.vm.p;
  const inner = p.own(generated(rt, { ...site, qualname: '__create_fn__.<locals>.__repr__' }, (args) => {
    const self = args[0];
    if (reprsRunning.has(self)) return rt.str('...');
    reprsRunning.add(self);
    try {
      const qualname = p.str(p.own(p.getattr(p.own(p.getattr(self, '__class__')), '__qualname__')));
      const parts = names.map((name) => `${name}=${repr(rt, p.own(p.getattr(self, name)))}`);
      return rt.str(`${qualname}(${parts.join(', ')})`);
    } finally {
      reprsRunning.delete(self);
    }
  }));
  const wrapper = generated(rt, site, (args) => p.call(inner, args, null));
  const running = p.own(rt.newSet());
  const cells = [...(rt.lang.library.dataclassReprlibRecursiveRepr ? [p.own(rt.str('...'))] : []), running, inner];
  wrapper.set(rt.heap, '__closure__', p.own(closureOf(rt, cells)));
  const attributes = p.own(rt.newDict()) as PyDict;
  dictSet(rt, attributes, rt.intern('__wrapped__'), inner);
  wrapper.set(rt.heap, '__dict__', attributes);
  return wrapper;
}

/** The tuple `(obj.a, obj.b,)` the generated comparisons build (held by the scope). */
function fieldTuple(rt: Runtime, obj: PyObject, names: readonly string[]): PyObject {
  const p = rt.vm.p;
  return p.own(rt.newTuple(names.map((name) => p.own(p.getattr(obj, name)))));
}

/**
 * __eq__: before 3.13 the two tuples of compared fields; from 3.13 `self is other`, then
 * each field's == in turn (the first false result, or the last).
 */
function makeEq(rt: Runtime, site: { name: string; qualname: string; module: string; globals: PyDict }, names: readonly string[]): PyFunction {
  const p = rt.vm.p;
  const fieldwise = rt.lang.library.dataclassFieldwiseEq;
  return generated(rt, site, (args) => {
    const [self, other] = args;
    if (fieldwise && self === other) return rt.true_;
    if (p.own(p.getattr(other, '__class__')) !== p.own(p.getattr(self, '__class__'))) return rt.notImplemented;
    if (!fieldwise) return p.richCompare('Eq', fieldTuple(rt, self, names), fieldTuple(rt, other, names));
    let result: PyObject = rt.true_;
    for (const name of names) {
      result = p.own(p.richCompare('Eq', p.own(p.getattr(self, name)), p.own(p.getattr(other, name))));
      if (!p.truthy(result)) return result;
    }
    return result;
  });
}

function makeOrder(rt: Runtime, site: { name: string; qualname: string; module: string; globals: PyDict }, op: 'Lt' | 'LtE' | 'Gt' | 'GtE', names: readonly string[]): PyFunction {
  const p = rt.vm.p;
  return generated(rt, site, (args) => {
    const [self, other] = args;
    if (p.own(p.getattr(other, '__class__')) !== p.own(p.getattr(self, '__class__'))) return rt.notImplemented;
    return p.richCompare(op, fieldTuple(rt, self, names), fieldTuple(rt, other, names));
  });
}

function makeHash(rt: Runtime, site: { name: string; qualname: string; module: string; globals: PyDict }, names: readonly string[]): PyFunction {
  const p = rt.vm.p;
  return generated(rt, site, (args) => rt.int(p.hashValue(fieldTuple(rt, args[0], names))));
}

/**
 * _frozen_get_del_attr: assigning or deleting a field (any attribute, on an instance of
 * the class itself) raises FrozenInstanceError; otherwise super(cls, self) does it.
 */
function makeFrozenHook(rt: Runtime, st: DataclassesState, site: { name: string; qualname: string; module: string; globals: PyDict }, cls: PyType, fieldNames: readonly string[], assign: boolean): PyFunction {
  const p = rt.vm.p;
  return generated(rt, site, (args) => {
    const [self, nameObj, value] = args;
    const name = p.str(nameObj);
    if (self.cls === cls || fieldNames.includes(name)) throw raiseInstance(rt, st.frozenError, [p.own(rt.str(`cannot ${assign ? 'assign to' : 'delete'} field ${strRepr(name)}`))]);
    const parent = p.own(makeSuper(rt, [cls, self])) as PyStruct;
    const method = p.own(superGetattr(rt, parent, assign ? '__setattr__' : '__delattr__'));
    return p.call(method, assign ? [nameObj, value] : [nameObj], null);
  });
}

// --- the doc string ------------------------------------------------------------------------

/** inspect.formatannotation: a class by its (module-qualified) name, a generic alias as written, anything else by repr. */
function formatAnnotation(rt: Runtime, annotation: PyObject): string {
  const p = rt.vm.p;
  if (annotation instanceof PyType) {
    let text = '';
    p.run(() => {
      const module = p.str(p.own(p.getattr(annotation, '__module__')));
      const qualname = p.str(p.own(p.getattr(annotation, '__qualname__')));
      text = module === 'builtins' ? qualname : `${module}.${qualname}`;
    });
    return text;
  }
  return repr(rt, annotation);
}

/**
 * str(inspect.signature(cls)) without ' -> None': the parameters of the class's __init__
 * (a generated one's fields with their annotations and defaults), `()` for object's.
 */
function signatureText(rt: Runtime, st: DataclassesState, cls: PyType): string {
  const p = rt.vm.p;
  const init = p.getattrOrUndefined(cls, '__init__');
  if (init === undefined) return '()';
  p.own(init);
  const signature = initSignatures.get(init);
  if (signature === undefined) {
    if (init instanceof PyNativeFunction || !(init instanceof PyFunction)) return '()';
    return functionSignature(rt, init);
  }
  const param = (f: PyObject): string => {
    const dflt = slot(f, 'default') !== st.missing ? slot(f, 'default') : slot(f, 'default_factory') !== st.missing ? st.hasDefaultFactory : null;
    const text = `${fieldName(f)}: ${formatAnnotation(rt, slot(f, 'type'))}`;
    return dflt === null ? text : `${text} = ${repr(rt, dflt)}`;
  };
  const parts = [...signature.positional.map(param), ...(signature.keywordOnly.length ? ['*', ...signature.keywordOnly.map(param)] : [])];
  return `(${parts.join(', ')})`;
}

/** str(inspect.signature(cls)) for a class's own Python __init__: its parameters after self. */
function functionSignature(rt: Runtime, fn: PyFunction): string {
  const code = fn.code;
  const annotations = fn.get('__annotations__');
  const annotation = (name: string): PyObject | undefined => (annotations instanceof PyDict ? dictGetStr(annotations, name) : undefined);
  const defaults = fn.get('__defaults__');
  const kwdefaults = fn.get('__kwdefaults__');
  const positionalDefaults = defaults instanceof PyTuple ? defaults.items : [];
  const param = (name: string, dflt: PyObject | undefined, prefix = ''): string => {
    const ann = annotation(name);
    const head = `${prefix}${name}${ann !== undefined ? `: ${formatAnnotation(rt, ann)}` : ''}`;
    if (dflt === undefined) return head;
    return ann !== undefined ? `${head} = ${repr(rt, dflt)}` : `${head}=${repr(rt, dflt)}`;
  };
  const names = code.varnames;
  const parts: string[] = [];
  const firstDefault = code.argcount - positionalDefaults.length;
  for (let i = 1; i < code.argcount; i++) {
    parts.push(param(names[i], i >= firstDefault ? positionalDefaults[i - firstDefault] : undefined));
    if (i === code.posonlyargcount - 1) parts.push('/');
  }
  let next = code.argcount + code.kwonlyargcount;
  if (code.hasVarargs) parts.push(param(names[next++], undefined, '*'));
  else if (code.kwonlyargcount > 0) parts.push('*');
  for (let i = code.argcount; i < code.argcount + code.kwonlyargcount; i++) parts.push(param(names[i], kwdefaults instanceof PyDict ? dictGetStr(kwdefaults, names[i]) : undefined));
  if (code.hasVarkw) parts.push(param(names[next], undefined, '**'));
  const returns = annotation('return');
  return `(${parts.join(', ')})${returns !== undefined && returns !== rt.none ? ` -> ${formatAnnotation(rt, returns)}` : ''}`;
}

// --- slots=True ------------------------------------------------------------------------------

/**
 * _add_slots: a new class from the old one's dict, with __slots__ for the fields (less
 * those a base already has, 3.11+), without the fields' class attributes and the __dict__
 * (and, 3.11+, __weakref__) descriptors; frozen classes get __getstate__/__setstate__.
 */
function addSlots(rt: Runtime, st: DataclassesState, cls: PyType, frozen: boolean, weakrefSlot: boolean): PyObject {
  const p = rt.vm.p;
  const lib = rt.lang.library;
  if (dictGetStr(cls.dict!, '__slots__') !== undefined) throw rt.error('TypeError', `${cls.name} already specifies __slots__`);
  const clsDict = p.own(p.call(rt.types.dict, [cls.dict!], null)) as PyDict;
  const names = fieldsOf(rt, cls).map(fieldName);
  let slotNames = [...names, ...(weakrefSlot ? ['__weakref__'] : [])];
  if (lib.dataclassWeakrefSlot) {
    const inherited = new Set<string>();
    for (const base of cls.mro.slice(1, -1)) {
      const declared = base.dict !== null ? dictGetStr(base.dict, '__slots__') : undefined;
      if (declared === undefined) continue;
      for (const name of declared instanceof PyStr ? [declared.value] : collect(rt, declared).map((n) => p.str(n))) inherited.add(name);
    }
    slotNames = slotNames.filter((n) => !inherited.has(n));
  }
  dictSet(rt, clsDict, rt.intern('__slots__'), p.own(rt.newTuple(slotNames.map((n) => rt.intern(n)))));
  for (const name of names) dictDeleteStr(rt, clsDict, name);
  dictDeleteStr(rt, clsDict, '__dict__');
  if (lib.dataclassWeakrefSlot) dictDeleteStr(rt, clsDict, '__weakref__');
  const fresh = p.own(p.call(rt.types.type, [p.own(rt.str(cls.name)), p.own(rt.newTuple(cls.bases)), clsDict], null)) as PyType;
  if (frozen) {
    for (const [name, fn] of [
      ['__getstate__', st.getstate],
      ['__setstate__', st.setstate],
    ] as const) {
      if (!lib.dataclassWeakrefSlot || dictGetStr(clsDict, name) === undefined) p.setattr(fresh, name, fn);
    }
  }
  return fresh;
}

