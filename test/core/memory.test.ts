import assert from 'node:assert/strict';
import { AddressSpace, type FreeList, type MemoryBlock } from '../../src/core/memory';
import { World } from './testObjects';

const LISTS: FreeList = { name: 'list', capacity: 2, gcType: true };
const LIST_BLOCK: MemoryBlock = { size: 56, freeList: LISTS };

describe('core: addresses', () => {
  it('hands a freed block to the next object of its size class, last freed first', () => {
    const memory = new AddressSpace();
    const small = { size: 30, freeList: null };
    const a = memory.allocate(small);
    const b = memory.allocate(small);
    assert.notEqual(a, b);
    memory.release(a, small);
    memory.release(b, small);
    assert.equal(memory.allocate({ size: 32, freeList: null }), b, 'same 16-byte class, most recent first');
    assert.equal(memory.allocate(small), a);
    assert.notEqual(memory.allocate({ size: 100, freeList: null }), a, 'another class gets fresh memory');
  });

  it('keeps dead objects on their free list up to its capacity, and gives them back when cleared', () => {
    const memory = new AddressSpace();
    const addresses = [1, 2, 3].map(() => memory.allocate(LIST_BLOCK));
    assert.deepEqual(addresses.map((address) => memory.release(address, LIST_BLOCK)), [true, true, false]);
    assert.equal(memory.allocate(LIST_BLOCK), addresses[1]);
    assert.equal(memory.lastReusedWhole, true);
    assert.equal(memory.clearFreeLists(), 1);
    // Now both dead blocks are plain freed memory of their size.
    memory.allocate(LIST_BLOCK);
    assert.equal(memory.lastReusedWhole, false);
  });

  it('gives a live object an address no other live object has', () => {
    const w = new World();
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const box = w.box(`b${i}`);
      w.bind(`b${i}`, box);
      if (i % 3 !== 0) w.unbind(`b${i}`, box);
    }
    const kept = [...w.live].filter((box) => !box.freed);
    assert.equal(kept.length, 17);
    for (const box of kept) {
      assert.ok(!seen.has(box.address));
      seen.add(box.address);
    }
  });
});

describe('core: free lists and generation counts', () => {
  it('reuses a freed object whole, without counting it again for generation 0', () => {
    const w = new World();
    const first = w.box('first', { block: LIST_BLOCK });
    w.bind('x', first);
    assert.equal(w.heap.gc.counts[0], 1);
    w.unbind('x', first);
    assert.equal(w.heap.gc.counts[0], 1, 'kept by the free list: not freed for the collector');
    const second = w.box('second', { block: LIST_BLOCK });
    w.bind('y', second);
    assert.equal(second.address, first.address, 'id() of the new object is the dead one\'s');
    assert.equal(w.heap.gc.counts[0], 1);
  });

  it('lowers the count when an object without a free list is freed', () => {
    const w = new World();
    const box = w.box('plain');
    w.bind('x', box);
    assert.equal(w.heap.gc.counts[0], 1);
    w.unbind('x', box);
    assert.equal(w.heap.gc.counts[0], 0);
  });

  it('empties the free lists when the oldest generation is collected', () => {
    const w = new World();
    const box = w.box('kept', { block: LIST_BLOCK });
    w.bind('x', box);
    w.unbind('x', box);
    w.heap.collect(2);
    const after = w.box('after', { block: LIST_BLOCK });
    w.bind('y', after);
    assert.equal(w.heap.gc.counts[0], 1, 'allocated afresh: counted');
  });
});
