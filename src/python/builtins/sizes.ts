import { PyBytes, PyFloat, PyInt, PySingleton, PyStr } from '../objects/atoms';
import type { PyObject } from '../objects/base';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import type { Runtime } from '../runtime/runtime';

/**
 * sys.getsizeof for the common types, from CPython's object layouts on 64-bit Linux
 * (measured on 3.10–3.13). Lists are sized as if grown by append (list_resize's
 * over-allocation); other containers by their minimal table sizes.
 */
export function sizeOf(rt: Runtime, obj: PyObject): number {
  const modern = rt.lang.version !== '3.10' && rt.lang.version !== '3.11';
  if (obj instanceof PyInt) {
    const v = obj.value;
    const abs = v < 0 ? -BigInt(v) : BigInt(v);
    if (abs === 0n) return rt.lang.version === '3.10' ? 24 : 28;
    const digits = Math.ceil(abs.toString(2).length / 30);
    return 24 + 4 * digits;
  }
  if (obj instanceof PyFloat) return 24;
  if (obj instanceof PySingleton) return 16;
  if (obj instanceof PyStr) {
    const chars = [...obj.value];
    const max = chars.reduce((m, c) => Math.max(m, c.codePointAt(0)!), 0);
    if (max < 128) return (modern ? 41 : 49) + chars.length;
    const width = max < 256 ? 1 : max < 65536 ? 2 : 4;
    return (modern ? 57 : 73) + width * (chars.length + 1) - (max < 256 ? 0 : 0);
  }
  if (obj instanceof PyList) {
    let capacity = 0;
    for (let n = 1; n <= obj.items.length; n++) if (n > capacity) capacity = (n + (n >> 3) + 6) & ~3;
    return 56 + 8 * capacity;
  }
  if (obj instanceof PyTuple) return 40 + 8 * obj.items.length;
  if (obj instanceof PyBytes) {
    // bytearray_sizeof: the object and the buffer it has allocated (ob_alloc), NUL included.
    if (obj.cls === rt.types.bytearray) return 56 + obj.allocated;
    return 33 + obj.value.length;
  }
  if (obj instanceof PyDict) return obj.size === 0 ? 64 : rt.lang.version === '3.10' ? 232 : 184;
  if (obj instanceof PySet) return obj.items.length <= 4 ? 216 : 728;
  return rt.lang.instanceAttributes === 'inline' && obj.attrs !== null ? 56 : 48;
}
