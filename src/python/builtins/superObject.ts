import { PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyFunction } from '../objects/callables';
import { PyStruct } from '../objects/struct';
import { bind, boundBuiltin, newMethod, ownAttribute } from '../runtime/attributes';
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

/**
 * Attribute lookup on a super object (super_getattro): the MRO after the class, with
 * descriptors bound to the instance — or to nothing when super's second argument is the
 * starting class itself (super(C, cls) in a __new__ or classmethod).
 */
export function superGetattr(rt: Runtime, sup: PyStruct, name: string): PyObject {
  const thisClass = sup.get('__thisclass__') as PyType;
  const self = sup.get('__self__');
  if (name === '__thisclass__' || name === '__self__' || name === '__self_class__') {
    if (name === '__self_class__') return self === undefined ? rt.none : self instanceof PyType && self.isSubtypeOf(thisClass) ? self : self.cls;
    return sup.get(name) ?? rt.none;
  }
  if (name === '__class__') return sup.cls;
  const startType = self === undefined ? thisClass : self instanceof PyType && self.isSubtypeOf(thisClass) ? self : self.cls;
  const mro = startType.mro;
  const instance = self === undefined || self === startType ? null : self;
  for (const t of mro.slice(mro.indexOf(thisClass) + 1)) {
    const found = ownAttribute(rt, t, name);
    if (found === undefined) continue;
    if (found instanceof PyFunction) return instance === null ? found : newMethod(rt, found, instance);
    if (found instanceof PyBuiltin && found.cls === rt.types.method_descriptor) return instance === null ? found : boundBuiltin(rt, found, instance);
    if (found instanceof PyBuiltin && found.cls === rt.types.classmethod_descriptor) return boundBuiltin(rt, found, startType);
    if (found.cls === rt.types.classmethod) return newMethod(rt, (found as PyStruct).get('__func__')!, startType);
    if (found.cls === rt.types.staticmethod) return (found as PyStruct).get('__func__')!;
    if ((found.cls === rt.types.property || found.cls.isHeapType) && instance !== null) return bind(rt, found, instance, startType);
    return found;
  }
  throw rt.error('AttributeError', `'super' object has no attribute '${name}'`);
}
