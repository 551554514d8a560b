import { PyBytes, PyFloat, PyInt, PySingleton, PyStr } from '../objects/atoms';
import { PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyFunction } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import type { Runtime } from '../runtime/runtime';

/**
 * sys.getsizeof for the common types, from CPython's object layouts on 64-bit Linux; the
 * figures that changed between versions come from the profile. Lists report the slots
 * they have allocated (append over-allocates), sets their table, dicts their keys table.
 */
export function sizeOf(rt: Runtime, obj: PyObject): number {
  const sizes = rt.lang.objectSizes;
  if (obj instanceof PyInt) {
    const v = obj.value;
    const abs = v < 0 ? -BigInt(v) : BigInt(v);
    if (abs === 0n) return sizes.intZero;
    const digits = Math.ceil(abs.toString(2).length / 30);
    return 24 + 4 * digits;
  }
  if (obj instanceof PyFloat) return 24;
  if (obj instanceof PySingleton) return 16;
  if (obj instanceof PyStr) return strSize(rt, obj.value);
  if (obj instanceof PyList) return 56 + 8 * obj.allocated;
  if (obj instanceof PyTuple) return 40 + 8 * obj.items.length;
  if (obj instanceof PyDict) return dictSize(rt, obj);
  // The set object has room for 8 slots itself; a larger table is allocated beside it.
  if (obj instanceof PySet) return obj.tableSize <= 8 ? 216 : 216 + 16 * obj.tableSize;
  if (obj instanceof PyBytes) {
    // bytearray_sizeof: the object and the buffer it has allocated (ob_alloc), NUL included.
    if (obj.cls === rt.types.bytearray) return 56 + obj.allocated;
    return 33 + obj.value.length;
  }
  if (obj instanceof PyFunction) return sizes.function;
  if (obj instanceof PyType) return obj.isHeapType ? sizes.heapType : sizes.staticType;
  if (obj instanceof PyBuiltin) return 72;
  if (obj.cls.isHeapType && obj.cls.slots !== null && !obj.cls.hasInstanceDict) {
    return 32 + 8 * obj.cls.slots.length + (obj.cls.weakrefable ? 8 : 0);
  }
  return obj.cls.isHeapType ? sizes.plainInstance : 16;
}

function strSize(rt: Runtime, value: string): number {
  const sizes = rt.lang.objectSizes;
  const chars = [...value];
  const max = chars.reduce((m, c) => Math.max(m, c.codePointAt(0)!), 0);
  if (max < 128) return sizes.asciiStr + chars.length;
  const width = max < 256 ? 1 : max < 65536 ? 2 : 4;
  const size = sizes.compactStr + width * (chars.length + 1);
  // The static one-character strings also hold their two-byte UTF-8 form and its NUL.
  return sizes.latin1CharsHaveUtf8 && chars.length === 1 && max < 256 ? size + 3 : size;
}

/** The dict object (48 + GC header) plus its keys table, sized for the entries it holds. */
function dictSize(rt: Runtime, dict: PyDict): number {
  if (dict.size === 0) return 64;
  const sizes = rt.lang.objectSizes;
  let slots = 8;
  while (Math.floor((slots * 2) / 3) < dict.size) slots *= 2;
  const usable = Math.floor((slots * 2) / 3);
  const indexBytes = slots <= 128 ? 1 : slots <= 1 << 15 ? 2 : 4;
  const allStrKeys = [...dict.liveEntries()].every((e) => e.key instanceof PyStr);
  const entry = allStrKeys ? sizes.dictStrKeyEntry : 24;
  return 64 + sizes.dictKeysHeader + slots * indexBytes + usable * entry;
}
