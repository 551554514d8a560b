import { PyStr } from '../objects/atoms';
import type { NativeFunction, PyObject } from '../objects/base';
import { PyType } from '../objects/base';
import { PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { typeLookup } from '../runtime/attributes';
import type { Runtime } from '../runtime/runtime';
import { repr } from '../runtime/text';
import { libraryClass, libraryProperty, methodsOf } from './library';

/**
 * types.GenericAlias (`list[int]`, Objects/genericaliasobject.c) and types.UnionType
 * (`int | None`, Objects/unionobject.c), as far as annotations use them: made, shown,
 * compared, hashed, called (an alias) and joined with `|`.
 */

interface AliasTypes {
  readonly alias: PyType;
  readonly union: PyType;
}

const aliasTypes = new WeakMap<Runtime, AliasTypes>();

/** The builtin classes whose `__class_getitem__` makes a GenericAlias. */
function isBuiltinGeneric(rt: Runtime, type: PyType): boolean {
  const t = rt.types;
  return [t.list, t.dict, t.tuple, t.set, t.frozenset, t.type, t.enumerate, t.weakref].includes(type);
}

/**
 * `cls[key]` for a class: its `__class_getitem__` (a class method of Python classes and
 * of the library's), or a GenericAlias for the builtin generic types; null when the
 * class is not subscriptable.
 */
export function classGetitem(rt: Runtime, type: PyType, key: PyObject): PyObject | null {
  const p = rt.vm.p;
  if (typeLookup(rt, type, '__class_getitem__') !== undefined) return p.scope(() => p.call(p.own(p.getattr(type, '__class_getitem__')), [key], null));
  if (isBuiltinGeneric(rt, type)) return newGenericAlias(rt, type, key);
  return null;
}

/** GenericAlias(origin, args): `args` a tuple, or one argument. */
export function newGenericAlias(rt: Runtime, origin: PyObject, args: PyObject): PyObject {
  const p = rt.vm.p;
  const types = typesOf(rt);
  return p.scope(() => {
    const alias = rt.heap.allocate(new PyStruct(types.alias), { gc: true });
    rt.heap.incref(alias, '__class__', types.alias);
    alias.set(rt.heap, '__origin__', origin);
    alias.set(rt.heap, '__args__', args instanceof PyTuple && args.cls === rt.types.tuple ? args : p.own(rt.newTuple([args])));
    rt.heap.track(alias);
    return alias;
  });
}

function isAlias(rt: Runtime, obj: PyObject): obj is PyStruct {
  return obj instanceof PyStruct && obj.cls === typesOf(rt).alias;
}

function isUnion(rt: Runtime, obj: PyObject): obj is PyStruct {
  return obj instanceof PyStruct && obj.cls === typesOf(rt).union;
}

/** What `|` accepts for a union: None, a class, an alias or a union. */
function unionable(rt: Runtime, obj: PyObject): boolean {
  return obj === rt.none || obj instanceof PyType || isAlias(rt, obj) || isUnion(rt, obj);
}

/**
 * `a | b` for types (_Py_union_type_or): the members of both, flattened and without
 * repeats, None as NoneType; a single member is itself. Null when either side cannot
 * be part of a union.
 */
export function unionOf(rt: Runtime, a: PyObject, b: PyObject): PyObject | null {
  if (!unionable(rt, a) || !unionable(rt, b)) return null;
  const p = rt.vm.p;
  const members: PyObject[] = [];
  for (const side of [a, b]) {
    const items = isUnion(rt, side) ? (side.get('__args__') as PyTuple).items : [side === rt.none ? rt.types.NoneType : side];
    for (const item of items) if (!members.some((m) => m === item || p.equals(m, item))) members.push(item);
  }
  if (members.length === 1) return members[0];
  return p.scope(() => {
    const union = rt.heap.allocate(new PyStruct(typesOf(rt).union), { gc: true });
    rt.heap.incref(union, '__class__', typesOf(rt).union);
    union.set(rt.heap, '__args__', p.own(rt.newTuple(members)));
    rt.heap.track(union);
    return union;
  });
}

/**
 * What isinstance() makes of a union (its members) or an alias (a TypeError, as
 * CPython refuses parameterized generics); null for anything else.
 */
export function unionMembers(rt: Runtime, spec: PyObject): readonly PyObject[] | null {
  if (!aliasTypes.has(rt)) return null;
  if (isUnion(rt, spec)) return (spec.get('__args__') as PyTuple).items;
  if (isAlias(rt, spec)) throw rt.error('TypeError', 'isinstance() argument 2 cannot be a parameterized generic');
  return null;
}

/** ga_repr_item: `...`, a class as `module.qualname` (bare for builtins), anything else by repr. */
function itemRepr(rt: Runtime, item: PyObject): string {
  if (item === rt.ellipsis) return '...';
  if (item === rt.types.NoneType) return 'None';
  if (item instanceof PyType) {
    const p = rt.vm.p;
    let text = '';
    p.run(() => {
      const module = p.own(p.getattr(item, '__module__'));
      const qualname = p.own(p.getattr(item, '__qualname__'));
      text = module instanceof PyStr && module.value !== 'builtins' ? `${module.value}.${(qualname as PyStr).value}` : (qualname as PyStr).value;
    });
    return text;
  }
  return repr(rt, item);
}

function aliasRepr(rt: Runtime, alias: PyStruct): string {
  const args = (alias.get('__args__') as PyTuple).items;
  const inner = args.length === 0 ? '()' : args.map((a) => itemRepr(rt, a)).join(', ');
  return `${itemRepr(rt, alias.get('__origin__')!)}[${inner}]`;
}

function typesOf(rt: Runtime): AliasTypes {
  let types = aliasTypes.get(rt);
  if (types !== undefined) return types;
  const p = rt.vm.p;
  p.run(() => {
    const self = (args: readonly PyObject[]): PyStruct => args[0] as PyStruct;
    const sameMembers = (a: PyTuple, b: PyTuple): boolean => a.items.length === b.items.length && a.items.every((x) => b.items.some((y) => x === y || p.equals(x, y)));
    const aliasMethods: Record<string, NativeFunction> = {
      __repr__: (args) => rt.str(aliasRepr(rt, self(args))),
      __call__: (args, kwargs) => p.call(self(args).get('__origin__')!, args.slice(1), kwargs),
      __eq__: (args) => {
        const [a, b] = [self(args), args[1]];
        if (!isAlias(rt, b)) return rt.notImplemented;
        return rt.bool(p.equals(a.get('__origin__')!, b.get('__origin__')!) && p.equals(a.get('__args__')!, b.get('__args__')!));
      },
      __hash__: (args) => rt.int(Number(p.hashValue(self(args).get('__origin__')!)) ^ Number(p.hashValue(self(args).get('__args__')!))),
      __or__: (args) => unionOf(rt, args[0], args[1]) ?? rt.notImplemented,
      __ror__: (args) => unionOf(rt, args[1], args[0]) ?? rt.notImplemented,
      __mro_entries__: () => {
        throw rt.stop('unsupported', 'a class deriving from a generic alias is not simulated');
      },
    };
    const unionMethods: Record<string, NativeFunction> = {
      __repr__: (args) => rt.str((self(args).get('__args__') as PyTuple).items.map((a) => itemRepr(rt, a)).join(' | ')),
      __eq__: (args) => {
        const [a, b] = [self(args), args[1]];
        if (!isUnion(rt, b)) return rt.notImplemented;
        return rt.bool(sameMembers(a.get('__args__') as PyTuple, b.get('__args__') as PyTuple));
      },
      __hash__: (args) => rt.int((self(args).get('__args__') as PyTuple).items.reduce((h, x) => h ^ Number(p.hashValue(x)), 0)),
      __or__: (args) => unionOf(rt, args[0], args[1]) ?? rt.notImplemented,
      __ror__: (args) => unionOf(rt, args[1], args[0]) ?? rt.notImplemented,
    };
    const field = (className: string, name: string) => [name, libraryProperty(rt, className, 'types', name, (args) => self(args).get(name)!)] as [string, PyObject];
    const alias = p.own(libraryClass(rt, { name: 'GenericAlias', module: 'types', bases: [rt.types.object], namespace: [...methodsOf(rt, 'GenericAlias', 'types', null, aliasMethods), field('GenericAlias', '__origin__'), field('GenericAlias', '__args__')], instances: { dict: false, weakrefs: true } })) as PyType;
    const union = p.own(libraryClass(rt, { name: 'UnionType', module: 'types', bases: [rt.types.object], namespace: [...methodsOf(rt, 'UnionType', 'types', null, unionMethods), field('UnionType', '__args__')], instances: { dict: false, weakrefs: true } })) as PyType;
    // The interpreter's own types: they live as long as it does.
    rt.heap.incref(rt.interpreterCaches, 'types.GenericAlias', alias);
    rt.heap.incref(rt.interpreterCaches, 'types.UnionType', union);
    types = { alias, union };
    aliasTypes.set(rt, types);
  });
  return types!;
}
