import { PyBytes, PyFloat, PyInt, PySingleton, PyStr } from '../objects/atoms';
import { PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyFunction } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import type { Runtime } from '../runtime/runtime';
import { PyDefaultDict } from './defaultdict';
import { dequeSize, PyDeque } from './deque';
import { PyOrderedDict } from './orderedDict';
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
    // Most ints fit one 30-bit digit: no need to measure them.
    if (typeof v === 'number' && v < 0x40000000 && v > -0x40000000) return v === 0 ? sizes.intZero : 28;
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
  if (obj instanceof PyDeque) return dequeSize(rt, obj);
  // defaultdict adds its factory's pointer to the dict.
  if (obj instanceof PyDefaultDict) return dictSize(rt, obj) + 8;
  // odict_sizeof: the dict, the OrderedDict's own fields, a node per key and the fast-node array (a slot per keys-table slot).
  if (obj instanceof PyOrderedDict) return dictSize(rt, obj) + 64 + (obj.size > 0 ? 32 * obj.size + 8 * dictSlots(obj.size) : 0);
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

/**
 * What `obj.__sizeof__()` returns: sys.getsizeof without what getsizeof adds in front of
 * the object — the collector's header for objects of a GC type, and from 3.11 the managed
 * dict's pre-header of an instance that keeps its attributes inline.
 */
export function sizeofMethodValue(rt: Runtime, obj: PyObject, writtenInC = false): number {
  // deque, defaultdict, OrderedDict are C types here modelled as classes: no managed dict.
  const preHeader = !writtenInC && rt.lang.instanceAttributes !== 'dict' && obj.cls.isHeapType && obj.cls.hasInstanceDict && !(obj instanceof PyType) ? 16 : 0;
  return sizeOf(rt, obj) - (obj.gcType ? 16 : 0) - preHeader;
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
  const slots = dictSlots(dict.size);
  const usable = Math.floor((slots * 2) / 3);
  const indexBytes = slots <= 128 ? 1 : slots <= 1 << 15 ? 2 : 4;
  const allStrKeys = [...dict.liveEntries()].every((e) => e.key instanceof PyStr);
  const entry = allStrKeys ? sizes.dictStrKeyEntry : 24;
  return 64 + sizes.dictKeysHeader + slots * indexBytes + usable * entry;
}

/** The slots of the keys table a dict of `size` entries has. */
function dictSlots(size: number): number {
  let slots = 8;
  while (Math.floor((slots * 2) / 3) < size) slots *= 2;
  return slots;
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
  // Called for every allocation and every free: the common blocks are made once.
  if (obj instanceof PyInt) return typeof obj.value === 'number' && obj.value > 0 && obj.value < 0x40000000 ? ONE_DIGIT_INT_BLOCK : { size: sizeOf(rt, obj), freeList: null };
  if (obj instanceof PyTuple) {
    const size = obj.items.length;
    if (size < EXACT_TUPLE_BLOCKS.length && obj.cls === types.tuple) return EXACT_TUPLE_BLOCKS[size];
    return { size: 40 + 8 * size, freeList: null };
  }
  if (obj instanceof PyList) return obj.cls === types.list ? EXACT_LIST_BLOCK : LIST_BLOCK;
  if (obj instanceof PyDict) return obj.cls === types.dict ? EXACT_DICT_BLOCK : DICT_BLOCK;
  if (obj instanceof PyFloat) return obj.cls === types.float ? EXACT_FLOAT_BLOCK : FLOAT_BLOCK;
  if (obj instanceof PySet) return SET_BLOCK;
  // Long strings: their length is enough to tell the block apart, without measuring them.
  if (obj instanceof PyStr) return { size: rt.lang.objectSizes.asciiStr + obj.value.length, freeList: null };
  if (obj instanceof PyBytes && obj.cls === types.bytearray) return LIST_BLOCK;
  return { size: sizeOf(rt, obj), freeList: null };
}

const ONE_DIGIT_INT_BLOCK: MemoryBlock = { size: 28, freeList: null };
const EXACT_TUPLE_BLOCKS: readonly MemoryBlock[] = TUPLE_FREE_LISTS.map((freeList, size) => ({ size: 40 + 8 * size, freeList }));
const EXACT_LIST_BLOCK: MemoryBlock = { size: 56, freeList: LIST_FREE_LIST };
const LIST_BLOCK: MemoryBlock = { size: 56, freeList: null };
const EXACT_DICT_BLOCK: MemoryBlock = { size: 64, freeList: DICT_FREE_LIST };
const DICT_BLOCK: MemoryBlock = { size: 64, freeList: null };
const EXACT_FLOAT_BLOCK: MemoryBlock = { size: 24, freeList: FLOAT_FREE_LIST };
const FLOAT_BLOCK: MemoryBlock = { size: 24, freeList: null };
const SET_BLOCK: MemoryBlock = { size: 216, freeList: null };
