import { PyBytes, PyFloat, PyInt, PySingleton, PyStr } from '../objects/atoms';
import { PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyFunction } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import type { Runtime } from '../runtime/runtime';
import type { FreeList, MemoryBlock } from '../../core/memory';

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

/**
 * The free lists CPython 3.10–3.14 keep (same sizes in every version): tuples of 1 to 19
 * items, 2000 of each length; 80 lists; 80 dicts; 100 floats. Only objects of exactly
 * these types go there, not instances of subclasses.
 */
const TUPLE_FREE_LISTS: readonly FreeList[] = Array.from({ length: 20 }, (_, size) => ({ name: `tuple of ${size}`, capacity: size === 0 ? 0 : 2000, gcType: true }));
const LIST_FREE_LIST: FreeList = { name: 'list', capacity: 80, gcType: true };
const DICT_FREE_LIST: FreeList = { name: 'dict', capacity: 80, gcType: true };
const FLOAT_FREE_LIST: FreeList = { name: 'float', capacity: 100, gcType: false };

/**
 * The block an object occupies (what its address is allocated for) and its type's free
 * list. Containers whose items live in a separate buffer (list, dict, set, bytearray)
 * have a fixed-size block.
 */
export function memoryBlockOf(rt: Runtime, obj: PyObject): MemoryBlock {
  const types = rt.types;
  if (obj instanceof PyTuple) {
    const size = obj.items.length;
    return { size: 40 + 8 * size, freeList: obj.cls === types.tuple && size < TUPLE_FREE_LISTS.length ? TUPLE_FREE_LISTS[size] : null };
  }
  if (obj instanceof PyList) return { size: 56, freeList: obj.cls === types.list ? LIST_FREE_LIST : null };
  if (obj instanceof PyDict) return { size: 64, freeList: obj.cls === types.dict ? DICT_FREE_LIST : null };
  if (obj instanceof PyFloat) return { size: 24, freeList: obj.cls === types.float ? FLOAT_FREE_LIST : null };
  if (obj instanceof PySet) return { size: 216, freeList: null };
  // Long strings: their length is enough to tell the block apart, without measuring them.
  if (obj instanceof PyStr) return { size: rt.lang.objectSizes.asciiStr + obj.value.length, freeList: null };
  if (obj instanceof PyBytes && obj.cls === types.bytearray) return { size: 56, freeList: null };
  return { size: sizeOf(rt, obj), freeList: null };
}
