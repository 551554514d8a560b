/**
 * Where objects live. CPython's `id()` is an address, and addresses repeat: a freed block
 * is the next one handed out for the same size (pymalloc keeps freed blocks per size class,
 * last in first out), and some types keep their dead objects on a free list of their own
 * to reuse them whole. That is why `id([]) == id([])` is True, and why free lists show in
 * `gc.get_count()`: an object taken from a free list was never freed for the collector, so
 * neither its reuse nor its death moves the count.
 */

/** A type's free list: dead objects of that type kept whole, up to `capacity`. */
export interface FreeList {
  readonly name: string;
  readonly capacity: number;
  /** Whether its objects are the collector's (freeing them for real lowers generation 0's count). */
  readonly gcType: boolean;
}

/** The block an object occupies, as its type allocates it. */
export interface MemoryBlock {
  /** Bytes of the object's own block (not the buffers it points to). */
  readonly size: number;
  /** The free list a dead object of exactly this kind goes to, if its type keeps one. */
  readonly freeList: FreeList | null;
}

/** The first address handed out: where a 64-bit Linux heap typically lies. */
const BASE_ADDRESS = 0x7f5e3c000000;

/**
 * The address at `offset` from the first. The address space hands out offsets, not
 * addresses: small integers, which a JavaScript engine keeps unboxed in an object's field,
 * where an address this large would be a boxed number of its own (freeing a million
 * objects took a third longer with those).
 */
export function addressAt(offset: number): number {
  return BASE_ADDRESS + offset;
}

/** pymalloc's alignment: sizes are rounded up to it to find the size class. */
const ALIGNMENT = 16;

/** Addresses handed out and freed, all as offsets from the first (see `addressAt`). */
export class AddressSpace {
  private nextOffset = 0;
  /** Freed blocks per size class (indexed by size / 16), the most recently freed last. */
  private readonly freeBlocks: (AddressStack | undefined)[] = [];
  /** Offsets of dead objects kept by their type's free list, the most recent last. */
  private readonly freeLists = new Map<FreeList, { size: number; addresses: number[] }>();

  /** Whether the last `allocate` took its object whole from a free list. */
  lastReusedWhole = false;

  /** The offset of a new object: from its type's free list, else a freed block of its size, else fresh memory. */
  allocate(block: MemoryBlock): number {
    const kept = block.freeList ? this.freeLists.get(block.freeList) : undefined;
    this.lastReusedWhole = kept !== undefined && kept.addresses.length > 0;
    if (this.lastReusedWhole) return kept!.addresses.pop()!;
    const sizeClass = sizeClassOf(block.size);
    const freed = this.freeBlocks[sizeClass / ALIGNMENT];
    if (freed !== undefined && freed.length > 0) return freed.pop();
    const offset = this.nextOffset;
    this.nextOffset += sizeClass;
    return offset;
  }

  /** Gives back a dead object's block. True when its type's free list kept it. */
  release(offset: number, block: MemoryBlock): boolean {
    const freeList = block.freeList;
    if (freeList) {
      let kept = this.freeLists.get(freeList);
      if (!kept) this.freeLists.set(freeList, (kept = { size: block.size, addresses: [] }));
      if (kept.addresses.length < freeList.capacity) {
        kept.addresses.push(offset);
        return true;
      }
    }
    this.freeBlock(offset, block.size);
    return false;
  }

  /**
   * Empties every free list into the allocator (CPython does it when it collects the oldest
   * generation). Returns how many of the objects freed were the collector's.
   */
  clearFreeLists(): number {
    let freedGcObjects = 0;
    for (const [freeList, kept] of this.freeLists) {
      while (kept.addresses.length > 0) {
        this.freeBlock(kept.addresses.pop()!, kept.size);
        if (freeList.gcType) freedGcObjects++;
      }
    }
    return freedGcObjects;
  }

  private freeBlock(offset: number, size: number): void {
    const index = sizeClassOf(size) / ALIGNMENT;
    let freed = this.freeBlocks[index];
    if (freed === undefined) {
      // Fill the gap below so the array stays dense.
      while (this.freeBlocks.length < index) this.freeBlocks.push(undefined);
      this.freeBlocks[index] = freed = new AddressStack();
    }
    freed.push(offset);
  }
}

/**
 * Offsets of freed blocks, last in first out. A collection can free a million blocks of one
 * size: a typed array takes them several times faster than a JavaScript array does.
 */
class AddressStack {
  private offsets = new Float64Array(64);
  length = 0;

  push(offset: number): void {
    if (this.length === this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.offsets[this.length++] = offset;
  }

  pop(): number {
    return this.offsets[--this.length];
  }
}

function sizeClassOf(size: number): number {
  return Math.max(ALIGNMENT, Math.ceil(size / ALIGNMENT) * ALIGNMENT);
}
