import { RootHolder } from '../../core/heapObject';
import { CallFlags } from '../compile/opcodes';
import type { ExecFrame } from '../interpret/frame';
import { TEMPORARY } from '../interpret/frame';
import { PyStr } from '../objects/atoms';
import { PyInstance, PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyCell, PyCode, PyFunction, PyMethod } from '../objects/callables';
import { PyDict, PyList, PyTuple } from '../objects/containers';
import { PyNativeFunction } from '../objects/native';
import { PyStruct } from '../objects/struct';
import { typeLookup } from './attributes';
import { dictGetStr, dictSet } from './dicts';
import type { Runtime } from './runtime';

/** Calling things: Python functions, bound methods, builtins, classes, callable instances. */

export function call(rt: Runtime, callable: PyObject, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  if (callable instanceof PyNativeFunction) return callable.impl(args, kwargs);
  if (callable instanceof PyFunction) return rt.vm.callFunction(callable, args, kwargs);
  if (callable instanceof PyMethod) return call(rt, callable.get('__func__')!, [callable.get('__self__')!, ...args], kwargs);
  if (callable instanceof PyBuiltin) {
    if (callable.ownerType !== null && callable.get('__self__') === undefined) {
      const self = args[0];
      if (self === undefined || !self.cls.isSubtypeOf(callable.ownerType)) {
        throw rt.error('TypeError', `descriptor '${callable.name}' for '${callable.ownerType.name}' objects doesn't apply to a '${self?.cls.name ?? 'NoneType'}' object`);
      }
    }
    return callable.impl(args, kwargs);
  }
  if (callable instanceof PyType) return rt.vm.p.construct(callable, args, kwargs);
  const special = rt.vm.p.specialCall(callable, args, kwargs);
  if (special !== null) return special;
  if (callable.cls.isHeapType) {
    const method = typeLookup(rt, callable.cls, '__call__');
    if (method !== undefined) return call(rt, method, [callable, ...args], kwargs);
  }
  throw rt.error('TypeError', `'${callable.cls.name}' object is not callable`);
}

/** The qualified name CPython uses in argument errors. */
function calledName(fn: PyFunction): string {
  return `${fn.code.qualname}()`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function missingList(names: string[]): string {
  const quoted = names.map((n) => `'${n}'`);
  if (quoted.length === 1) return quoted[0];
  if (quoted.length === 2) return `${quoted[0]} and ${quoted[1]}`;
  return `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
}

/**
 * Binds a call's arguments to the frame's parameters, each taking its own reference:
 * positional, keyword, defaults, *args (a new tuple) and **kwargs (a new dict); then
 * makes the cells (a parameter captured by an inner function moves into its cell) and
 * takes the closure's cells.
 */
export function bindArguments(rt: Runtime, frame: ExecFrame, fn: PyFunction, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): void {
  const code = fn.code;
  const heap = rt.heap;
  const nPositional = code.argcount;
  const names = code.varnames;
  const values: (PyObject | null)[] = new Array(nPositional + code.kwonlyargcount).fill(null);
  const given = Math.min(args.length, nPositional);
  for (let i = 0; i < given; i++) values[i] = args[i];
  const extraPositional = args.slice(nPositional);
  if (extraPositional.length > 0 && !code.hasVarargs) {
    const defaults = fn.get('__defaults__') as PyTuple | undefined;
    const nDefaults = defaults?.items.length ?? 0;
    const takes =
      nDefaults > 0 ? `from ${nPositional - nDefaults} to ${nPositional} positional arguments` : `${plural(nPositional, 'positional argument')}`;
    const kwGiven = kwargs ? [...kwargs.keys()].filter((k) => names.indexOf(k) >= nPositional && names.indexOf(k) < nPositional + code.kwonlyargcount).length : 0;
    const was = args.length === 1 ? 'was' : 'were';
    const detail = kwGiven ? ` positional argument${args.length === 1 ? '' : 's'} (and ${plural(kwGiven, 'keyword-only argument')}) ${was} given` : ` ${was} given`;
    throw rt.error('TypeError', `${calledName(fn)} takes ${takes} but ${args.length}${kwGiven ? detail : detail}`);
  }
  let extraKeywords: [string, PyObject][] | null = code.hasVarkw ? [] : null;
  if (kwargs) {
    for (const [key, value] of kwargs) {
      const index = names.indexOf(key);
      if (index >= code.posonlyargcount && index < nPositional + code.kwonlyargcount) {
        if (values[index] !== null) throw rt.error('TypeError', `${calledName(fn)} got multiple values for argument '${key}'`);
        values[index] = value;
      } else if (extraKeywords !== null) {
        extraKeywords.push([key, value]);
      } else if (index >= 0 && index < code.posonlyargcount) {
        throw rt.error('TypeError', `${calledName(fn)} got some positional-only arguments passed as keyword arguments: '${key}'`);
      } else {
        throw rt.error('TypeError', `${calledName(fn)} got an unexpected keyword argument '${key}'`);
      }
    }
  }
  // Defaults for missing positional parameters.
  const defaults = fn.get('__defaults__') as PyTuple | undefined;
  if (defaults) {
    const first = nPositional - defaults.items.length;
    for (let i = first; i < nPositional; i++) if (values[i] === null) values[i] = defaults.items[i - first];
  }
  const missing = names.slice(0, nPositional).filter((_, i) => values[i] === null);
  if (missing.length) throw rt.error('TypeError', `${calledName(fn)} missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${missingList(missing)}`);
  const kwdefaults = fn.get('__kwdefaults__') as PyDict | undefined;
  for (let i = nPositional; i < nPositional + code.kwonlyargcount; i++) {
    if (values[i] === null && kwdefaults) values[i] = dictGetStr(kwdefaults, names[i]) ?? null;
  }
  const missingKw = names.slice(nPositional, nPositional + code.kwonlyargcount).filter((_, i) => values[nPositional + i] === null);
  if (missingKw.length) throw rt.error('TypeError', `${calledName(fn)} missing ${missingKw.length} required keyword-only argument${missingKw.length === 1 ? '' : 's'}: ${missingList(missingKw)}`);
  values.forEach((value, i) => {
    heap.incref(frame.holder, names[i], value!);
    frame.fast[i] = value;
  });
  let next = nPositional + code.kwonlyargcount;
  if (code.hasVarargs) {
    const tuple = rt.newTuple(extraPositional);
    heap.incref(frame.holder, names[next], tuple);
    frame.fast[next++] = tuple;
  }
  if (code.hasVarkw) {
    const dict = rt.newDict();
    heap.incref(frame.holder, names[next], dict);
    frame.fast[next] = dict;
    for (const [key, value] of extraKeywords!) dictSet(rt, dict, rt.intern(key), value);
  }
  // Cells: new ones for the code's cell variables (a parameter's value moves into its cell)...
  code.cellvars.forEach((name, i) => {
    const cell = heap.allocate(new PyCell(rt.types.cell), { gc: true, track: true });
    heap.incref(frame.holder, name, cell);
    frame.cells[i] = cell;
    const param = names.indexOf(name);
    if (param >= 0 && frame.fast[param] !== null) {
      const value = frame.fast[param]!;
      cell.set(heap, 'cell_contents', value);
      frame.fast[param] = null;
      heap.decref(frame.holder, name, value);
    }
  });
  // ...and the closure's cells for its free variables.
  const closure = fn.get('__closure__');
  if (closure instanceof PyTuple) {
    closure.items.forEach((cell, i) => {
      const slot = code.cellvars.length + i;
      heap.incref(frame.holder, code.freevars[i], cell);
      frame.cells[slot] = cell as PyCell;
    });
  }
}

/**
 * MAKE_FUNCTION: the code object is on top, under it (in order) the closure tuple,
 * annotations, keyword defaults and defaults, as `flags` says.
 */
export function makeFunction(rt: Runtime, frame: ExecFrame, flags: number): PyFunction {
  const heap = rt.heap;
  const codeObject = frame.stack[frame.stack.length - 1] as PyCode;
  const unit = codeObject.unit;
  const fn = heap.allocate(new PyFunction(rt.types.function, unit), { gc: true });
  // Fields in the order func_clear releases them, roughly.
  fn.set(heap, '__globals__', frame.globals);
  fn.set(heap, '__code__', codeObject);
  fn.set(heap, '__name__', rt.intern(unit.name));
  fn.set(heap, '__qualname__', rt.str(unit.qualname));
  const moduleName = dictGetStr(frame.globals, '__name__');
  if (moduleName !== undefined) fn.set(heap, '__module__', moduleName);
  if (unit.docstring !== null) fn.set(heap, '__doc__', rt.vm.p.constantForCode(unit, 0));
  const take = (field: string): void => {
    const value = frame.stack[frame.stack.length - 1]!;
    const borrowed = frame.borrowed[frame.borrowed.length - 1];
    frame.stack.pop();
    frame.borrowed.pop();
    if (borrowed) heap.incref(fn, field, value);
    else heap.move(frame.holder as RootHolder, TEMPORARY, fn, field, value);
    fn.fields.set(field, value);
  };
  // Pop the code object (the function holds its own reference to it, taken above).
  rt.vm.release(frame, frame.stack.length - 1);
  if (flags & CallFlags.Closure) take('__closure__');
  if (flags & CallFlags.Annotations) take('__annotations__');
  if (flags & CallFlags.KwDefaults) take('__kwdefaults__');
  if (flags & CallFlags.Defaults) take('__defaults__');
  heap.track(fn);
  return fn;
}

/**
 * __build_class__(body, name, *bases, **kwds): runs the class body in a fresh namespace,
 * then makes the class (with `type`, or the metaclass).
 */
export function buildClass(rt: Runtime, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
  const [body, nameObj, ...bases] = args;
  if (!(body instanceof PyFunction)) throw rt.error('TypeError', '__build_class__: func must be a function');
  if (!(nameObj instanceof PyStr)) throw rt.error('TypeError', '__build_class__: name is not a string');
  const metaclass = kwargs?.get('metaclass');
  if (metaclass !== undefined && metaclass !== rt.types.type) throw rt.stop('unsupported', 'metaclasses are not simulated');
  const namespace = rt.newDict();
  rt.heap.incref(rt.transit, 'class namespace', namespace);
  try {
    const cellResult = rt.vm.runClassBody(body, namespace);
    if (cellResult !== null) rt.heap.decref(rt.transit, 'result', cellResult);
    const cls = rt.vm.p.makeClass(nameObj.value, bases, namespace);
    rt.transitResult(cls);
    const keywords = kwargs === null ? null : new Map([...kwargs].filter(([name]) => name !== 'metaclass'));
    rt.vm.p.initializeClass(cls, keywords);
    return cls;
  } finally {
    rt.heap.decref(rt.transit, 'class namespace', namespace);
  }
}

/** A new instance of a heap type (before __init__): the layout of its builtin base. */
export function allocateInstance(rt: Runtime, type: PyType): PyObject {
  const layout = type.layout;
  let obj: PyObject;
  if (layout === null || layout === rt.types.object) obj = new PyInstance(type);
  else if (layout === rt.types.list) obj = new PyList(type);
  else if (layout === rt.types.dict) obj = new PyDict(type);
  else if (layout === rt.types.exceptions.get('BaseException') || layout === rt.types.object) obj = new PyStruct(type);
  else throw rt.stop('unsupported', `subclasses of ${layout.name} are not simulated`);
  rt.heap.allocate(obj, { gc: true });
  // Instances of heap types hold their class.
  rt.heap.incref(obj, '__class__', type);
  if (obj instanceof PyDict && rt.lang.dictsAlwaysTracked) rt.heap.track(obj);
  if (!(obj instanceof PyDict)) rt.heap.track(obj);
  else rt.heap.track(obj);
  return obj;
}

export { PyMethod };
