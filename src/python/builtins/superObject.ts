import { PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyFunction } from '../objects/callables';
import { PyStruct } from '../objects/struct';
import { newMethod } from '../runtime/attributes';
import { dictGetStr } from '../runtime/dicts';
import type { Runtime } from '../runtime/runtime';

/**
 * super(): with no arguments it finds the class from the method's `__class__` cell and
 * the instance from its first argument, as CPython's super_init_without_args does.
 */
export function makeSuper(rt: Runtime, args: readonly PyObject[]): PyObject {
  let thisClass: PyObject;
  let self: PyObject;
  if (args.length === 0) {
    const frame = rt.vm.current;
    if (frame === null || frame.code.argcount === 0) throw rt.error('RuntimeError', 'super(): no arguments');
    const cellIndex = frame.code.freevars.indexOf('__class__');
    if (cellIndex < 0) throw rt.error('RuntimeError', 'super(): __class__ cell not found');
    const cell = frame.cells[frame.code.cellvars.length + cellIndex]!;
    const cls = cell.get('cell_contents');
    if (cls === undefined) throw rt.error('RuntimeError', 'super(): empty __class__ cell');
    thisClass = cls;
    const first = frame.fast[0] ?? frame.cells[frame.code.cellvars.indexOf(frame.code.varnames[0])]?.get('cell_contents');
    if (first === undefined || first === null) throw rt.error('RuntimeError', 'super(): arg[0] deleted');
    self = first;
  } else {
    [thisClass, self] = args;
  }
  if (!(thisClass instanceof PyType)) throw rt.error('TypeError', `super() argument 1 must be a type, not ${thisClass.cls.name}`);
  const sup = rt.heap.allocate(new PyStruct(rt.types.super), { gc: true });
  sup.set(rt.heap, '__thisclass__', thisClass);
  if (self !== undefined) sup.set(rt.heap, '__self__', self);
  rt.heap.track(sup);
  return sup;
}

/** Attribute lookup on a super object: the MRO after the class, bound to the instance. */
export function superGetattr(rt: Runtime, sup: PyStruct, name: string): PyObject {
  const thisClass = sup.get('__thisclass__') as PyType;
  const self = sup.get('__self__');
  if (name === '__thisclass__' || name === '__self__') return sup.get(name) ?? rt.none;
  const startType = self instanceof PyType && self.isSubtypeOf(thisClass) ? self : self?.cls ?? thisClass;
  const mro = startType.mro;
  const from = mro.indexOf(thisClass) + 1;
  for (const t of mro.slice(from)) {
    const found = t.dict !== null ? dictGetStr(t.dict, name) : undefined;
    if (found !== undefined) {
      if (found instanceof PyFunction && self !== undefined && !(self instanceof PyType && !(found instanceof PyFunction))) return newMethod(rt, found, self);
      if (found.cls === rt.types.classmethod) return newMethod(rt, (found as PyStruct).get('__func__')!, self instanceof PyType ? self : self!.cls);
      if (found.cls === rt.types.staticmethod) return (found as PyStruct).get('__func__')!;
      return found;
    }
    const method = t.native.methods?.[name];
    if (method !== undefined && self !== undefined) {
      const impl = method;
      return rt.heap.allocate(new PyBuiltin(rt.types.builtin_function_or_method, name, (a, k) => impl([self, ...a], k)));
    }
  }
  throw rt.error('AttributeError', `'super' object has no attribute '${name}'`);
}
