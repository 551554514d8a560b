import type { NativeFunction, PyObject } from '../objects/base';
import { PyType } from '../objects/base';
import { PyDict } from '../objects/containers';
import { nativeCode, PyNativeFunction } from '../objects/native';
import type { PyStruct } from '../objects/struct';
import { dictDeleteStr, dictSet } from '../runtime/dicts';
import { PythonError } from '../runtime/errors';
import type { Runtime } from '../runtime/runtime';
import { repr } from '../runtime/text';
import { initializeClass, makeClass } from './classes';
import { checkedMethod } from './methodArguments';

/**
 * The toolkit for the standard library's Python modules written in TypeScript (copy,
 * collections, dataclasses): functions that are `function` objects to Python code,
 * classes made the way `class` statements make them, CPython's argument errors, and the
 * references a Python frame would hold while such a function runs.
 */

/** A simulated library module: how `import` fills it, and what of CPython's it leaves out. */
export interface LibraryModule {
  install(rt: Runtime, module: PyStruct, put: (name: string, value: PyObject) => void): void;
  /** Names CPython's module has that HeapScope does not simulate: using one stops the run. */
  unsimulated(rt: Runtime): readonly string[];
}

/** Where a library function is defined: its qualified name and its module. */
export interface FunctionSite {
  readonly name: string;
  /** `Counter.most_common`, `Item.__init__`; the name when omitted. */
  readonly qualname?: string;
  readonly module: string;
  /** The dict `__globals__` refers to (the module's, or the class's module for generated methods). */
  readonly globals?: PyDict | null;
}

/** A new `function` object running `impl` (a Python function of a library module, or one it generates). */
export function libraryFunction(rt: Runtime, site: FunctionSite, impl: NativeFunction): PyNativeFunction {
  const heap = rt.heap;
  const qualname = site.qualname ?? site.name;
  const fn = heap.allocate(new PyNativeFunction(rt.types.function, nativeCode(site.name, qualname), impl), { gc: true });
  if (site.globals) fn.set(heap, '__globals__', site.globals);
  fn.set(heap, '__name__', rt.intern(site.name));
  fn.set(heap, '__qualname__', rt.str(qualname));
  fn.set(heap, '__module__', rt.intern(site.module));
  heap.track(fn);
  return fn;
}

// --- arguments -------------------------------------------------------------------------

/** A parameter of a library function, as its `def` line has it. */
export interface Param {
  readonly name: string;
  /** The default value (an object that lives on, as a function's __defaults__ do); required when omitted. */
  readonly default?: PyObject;
  readonly kind?: 'positional' | 'positional-only' | 'keyword-only';
}

/** What a call bound: each parameter's value (borrowed), then the rest of `*args` and `**kwargs`. */
export interface BoundArguments {
  readonly values: Map<string, PyObject>;
  readonly extraPositional: readonly PyObject[];
  readonly extraKeywords: ReadonlyMap<string, PyObject>;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function quotedList(names: readonly string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length === 1) return quoted[0];
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

/**
 * Binds a call's arguments as CPython binds a Python function's (with its TypeError
 * messages, which name the function by its qualified name). `self` counts among the
 * positional parameters when the function is a method. Values are borrowed.
 */
export function bindArguments(
  rt: Runtime,
  qualname: string,
  params: readonly Param[],
  args: readonly PyObject[],
  kwargs: ReadonlyMap<string, PyObject> | null,
  options: { varargs?: boolean; varkw?: boolean } = {},
): BoundArguments {
  const called = `${qualname}()`;
  const positional = params.filter((p) => p.kind !== 'keyword-only');
  const keywordOnly = params.filter((p) => p.kind === 'keyword-only');
  const values = new Map<string, PyObject>();
  const extraKeywords = new Map<string, PyObject>();
  if (args.length > positional.length && !options.varargs) {
    const withDefaults = positional.filter((p) => p.default !== undefined).length;
    const takes = withDefaults > 0 ? `from ${positional.length - withDefaults} to ${positional.length} positional arguments` : plural(positional.length, 'positional argument');
    const kwGiven = kwargs ? [...kwargs.keys()].filter((k) => keywordOnly.some((p) => p.name === k)).length : 0;
    const was = args.length === 1 ? 'was' : 'were';
    const detail = kwGiven ? ` positional argument${args.length === 1 ? '' : 's'} (and ${plural(kwGiven, 'keyword-only argument')}) ${was} given` : ` ${was} given`;
    throw rt.error('TypeError', `${called} takes ${takes} but ${args.length}${detail}`);
  }
  positional.forEach((p, i) => {
    if (i < args.length) values.set(p.name, args[i]);
  });
  const extraPositional = args.slice(positional.length);
  const positionalOnlyAsKeywords: string[] = [];
  for (const [key, value] of kwargs ?? []) {
    const param = params.find((p) => p.name === key);
    if (param !== undefined && param.kind !== 'positional-only') {
      if (values.has(key)) throw rt.error('TypeError', `${called} got multiple values for argument '${key}'`);
      values.set(key, value);
    } else if (options.varkw) {
      extraKeywords.set(key, value);
    } else if (param !== undefined) {
      positionalOnlyAsKeywords.push(key);
    } else {
      throw rt.error('TypeError', `${called} got an unexpected keyword argument '${key}'`);
    }
  }
  if (positionalOnlyAsKeywords.length) throw rt.error('TypeError', `${called} got some positional-only arguments passed as keyword arguments: '${positionalOnlyAsKeywords.join(', ')}'`);
  const missing = positional.filter((p) => !values.has(p.name) && p.default === undefined).map((p) => p.name);
  if (missing.length) throw rt.error('TypeError', `${called} missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${quotedList(missing)}`);
  const missingKw = keywordOnly.filter((p) => !values.has(p.name) && p.default === undefined).map((p) => p.name);
  if (missingKw.length) throw rt.error('TypeError', `${called} missing ${missingKw.length} required keyword-only argument${missingKw.length === 1 ? '' : 's'}: ${quotedList(missingKw)}`);
  for (const p of params) if (!values.has(p.name) && p.default !== undefined) values.set(p.name, p.default);
  return { values, extraPositional, extraKeywords };
}

// --- running as a Python frame would ------------------------------------------------------

/** How deep the native library functions running now are nested (their Python frames in CPython). */
let nativeDepth = 0;

/**
 * Runs the body of a library function the way its Python frame would: the frame holds a
 * reference to each argument until it returns (so a callback sees the counts CPython
 * shows), and it counts against the recursion limit. The result is in transit.
 */
export function inFrame<T extends PyObject | null>(rt: Runtime, locals: readonly PyObject[], body: () => T): T {
  const p = rt.vm.p;
  if ((rt.vm.current?.depth ?? 0) + nativeDepth + 1 > p.recursionLimit()) throw rt.error('RecursionError', 'maximum recursion depth exceeded');
  nativeDepth++;
  try {
    return p.scope(() => {
      for (const value of locals) p.own(value);
      return body();
    });
  } finally {
    nativeDepth--;
  }
}

/** `isinstance(obj, cls)` for a class (no __instancecheck__). */
export function isInstance(obj: PyObject, cls: PyType): boolean {
  return obj.cls.isSubtypeOf(cls);
}

/** Raises an instance of `cls` (a library's exception class, such as copy.Error) made from `args`. */
export function raiseInstance(rt: Runtime, cls: PyType, args: readonly PyObject[]): PythonError {
  const p = rt.vm.p;
  let exc: PyObject | null = null;
  p.run(() => {
    exc = p.own(p.call(cls, args, null));
    rt.heap.incref(rt.raising, 'raised', exc);
  });
  return new PythonError(exc!);
}

// --- classes ---------------------------------------------------------------------------

/** A class a library module defines: its namespace as its `class` statement would build it. */
export interface ClassSpec {
  readonly name: string;
  readonly module: string;
  readonly bases: readonly PyType[];
  /** Class attributes in definition order (functions, descriptors, constants). */
  readonly namespace: readonly (readonly [string, PyObject])[];
  readonly doc?: string | null;
  /** `__slots__`: the instances' member names; omitted for instances with a `__dict__`. */
  readonly slots?: readonly string[];
  /** A C type's instance layout (no `__slots__` attribute): whether instances have a `__dict__`, weak references. */
  readonly instances?: { readonly dict: boolean; readonly weakrefs: boolean };
  /** `__module__` goes in last, as type() adds it when the namespace has none (namedtuple). */
  readonly moduleLast?: boolean;
}

/**
 * Makes a class as `class Name(bases): ...` does in the module (type_new, __set_name__,
 * __init_subclass__), with `__module__` naming the library module. The class is new and
 * in transit.
 */
export function libraryClass(rt: Runtime, spec: ClassSpec): PyType {
  const p = rt.vm.p;
  return p.scope(() => {
    const namespace = p.own(rt.newDict()) as PyDict;
    if (!spec.moduleLast) dictSet(rt, namespace, rt.intern('__module__'), rt.intern(spec.module));
    dictSet(rt, namespace, rt.intern('__qualname__'), p.own(rt.str(spec.name)));
    if (spec.doc !== undefined) dictSet(rt, namespace, rt.intern('__doc__'), spec.doc === null ? rt.none : p.own(rt.str(spec.doc)));
    const layout = spec.instances;
    const slots = spec.slots ?? (layout === undefined || layout.dict ? undefined : layout.weakrefs ? ['__weakref__'] : []);
    if (slots !== undefined) dictSet(rt, namespace, rt.intern('__slots__'), p.own(rt.newTuple(slots.map((s) => rt.intern(s)))));
    for (const [name, value] of spec.namespace) dictSet(rt, namespace, rt.intern(name), value);
    const cls = makeClass(rt, spec.name, spec.bases, namespace);
    rt.transitResult(cls);
    if (spec.moduleLast) dictSet(rt, cls.dict!, rt.intern('__module__'), rt.intern(spec.module));
    if (spec.module !== '__main__') cls.module = spec.module;
    // A C type shows no __slots__ of its own.
    if (layout !== undefined && spec.slots === undefined) dictDeleteStr(rt, cls.dict!, '__slots__');
    initializeClass(rt, cls, null);
    return cls;
  });
}

/** Methods for a class namespace: each a library function named `Class.method`. */
export function methodsOf(
  rt: Runtime,
  className: string,
  module: string,
  globals: PyDict | null,
  table: Readonly<Record<string, NativeFunction>>,
  /** Whose argument counts to check first: a class CPython writes in C, or in Python. */
  argumentsAsIn?: 'C' | 'Python',
): [string, PyObject][] {
  const p = rt.vm.p;
  return Object.entries(table).map(([name, impl]) => {
    const checked = argumentsAsIn === undefined ? impl : checkedMethod(rt, className, name, impl, argumentsAsIn === 'C');
    return [name, p.own(libraryFunction(rt, { name, qualname: `${className}.${name}`, module, globals }, checked))];
  });
}

/** `classmethod(fn)`. */
export function classMethod(rt: Runtime, fn: PyObject): PyObject {
  return rt.vm.p.scope(() => rt.vm.p.call(rt.types.classmethod, [fn], null));
}

/**
 * A type of a library's C module that Python code never dispatches special methods to
 * (an iterator type, a view type): static like the builtin types, named by its tp_name
 * (`_collections._deque_iterator`).
 */
export function staticType(rt: Runtime, name: string, base: PyType = rt.types.object): PyType {
  const type = new PyType(rt.types.type, name, [base]);
  type.mro = [type, ...base.mro];
  type.layout = base.layout ?? type;
  type.hasInstanceDict = false;
  type.weakrefable = false;
  return rt.preexisting(type, 50);
}

const dictReprsInProgress = new WeakSet<PyObject>();

/**
 * dict_repr applied to a dict subclass's instance (what defaultdict's repr wraps):
 * `{key: value, ...}`, and `{...}` for the dict inside itself. Py_ReprEnter as it begins.
 */
export function dictRepr(rt: Runtime, dict: PyDict): string {
  rt.enterRepr();
  if (dictReprsInProgress.has(dict)) return '{...}';
  dictReprsInProgress.add(dict);
  try {
    const parts: string[] = [];
    for (const entry of [...dict.liveEntries()]) parts.push(`${repr(rt, entry.key)}: ${repr(rt, entry.value)}`);
    return `{${parts.join(', ')}}`;
  } finally {
    dictReprsInProgress.delete(dict);
  }
}

/** A property of a library class whose getter (and setter) are native (held by the caller's scope). */
export function libraryProperty(rt: Runtime, className: string, module: string, name: string, get: NativeFunction, set?: NativeFunction): PyObject {
  const p = rt.vm.p;
  const site = { name, qualname: `${className}.${name}`, module };
  const getter = p.own(libraryFunction(rt, site, get));
  const setter = set === undefined ? rt.none : p.own(libraryFunction(rt, site, set));
  return p.own(p.call(rt.types.property, [getter, setter], null));
}

/**
 * `for item in iterator: body(item)` — each item held (as the loop variable holds it)
 * until its turn ends, so only the current one gains a reference.
 */
export function forEachItem(rt: Runtime, iterator: PyObject, body: (item: PyObject) => void): void {
  const p = rt.vm.p;
  for (let done = false; !done; ) {
    p.run(() => {
      const item = p.next(iterator);
      if (item === null) done = true;
      else body(p.own(item));
    });
  }
}
