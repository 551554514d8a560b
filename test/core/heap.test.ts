import assert from 'node:assert/strict';
import { Heap } from '../../src/core/heap';
import { Box, GENERATIONAL, World } from './testObjects';

describe('core: reference counts', () => {
  it('counts every reference and frees at zero', () => {
    const w = new World();
    const a = w.box('a');
    w.bind('a', a);
    assert.equal(a.refcount, 1);
    w.bind('b', a);
    assert.equal(a.refcount, 2);
    w.unbind('b', a);
    assert.equal(a.refcount, 1);
    assert.equal(a.freed, false);
    w.checkRefcounts();
    w.unbind('a', a);
    assert.equal(a.freed, true);
    assert.equal(w.heap.liveCount, 0);
  });

  it('frees what a dying object held, depth first, in the order its type releases', () => {
    const w = new World();
    const order: string[] = [];
    const list = w.box('list', { reversed: true });
    for (const name of ['a', 'b', 'c']) {
      const item = w.box(name);
      const part = w.box(`${name}.part`);
      part.finalizer = (self) => order.push(`del ${self.name}`);
      item.finalizer = (self) => order.push(`del ${self.name}`);
      w.set(item, 'part', part);
      w.set(list, `[${name}]`, item);
    }
    w.bind('list', list);
    w.checkRefcounts();
    w.unbind('list', list);
    assert.deepEqual(order, ['del c', 'del c.part', 'del b', 'del b.part', 'del a', 'del a.part']);
  });

  it('runs the owner\'s finalizer before it releases what it owns', () => {
    const w = new World();
    const order: string[] = [];
    const owner = w.box('owner');
    const part = w.box('part');
    w.set(owner, 'left', part);
    owner.finalizer = (self) => order.push(`owner sees ${(self.slots.get('left') as Box).name}`);
    part.finalizer = () => order.push('part');
    w.bind('o', owner);
    w.unbind('o', owner);
    assert.deepEqual(order, ['owner sees part', 'part']);
  });

  it('frees a chain of a million objects without overflowing the stack', function () {
    this.timeout(60000);
    const heap = new Heap(GENERATIONAL, { trace: false });
    const frame = heap.openRoot('frame', 'f');
    const first = heap.allocate(new Box('0'));
    heap.incref(frame, 'head', first);
    let tail = first;
    for (let i = 1; i < 1_000_000; i++) {
      const next = heap.allocate(new Box(String(i)));
      tail.slots.set('next', next);
      heap.incref(tail, 'next', next);
      tail = next;
    }
    assert.equal(heap.liveCount, 1_000_000);
    heap.decref(frame, 'head', first);
    assert.equal(heap.liveCount, 0);
    assert.equal(tail.freed, true);
  });

  it('resurrects an object whose finalizer stores a reference to it, and finalizes it only once', () => {
    const w = new World();
    const keep = w.box('keep');
    w.bind('keep', keep);
    const lazarus = w.box('lazarus');
    let calls = 0;
    lazarus.finalizer = (self) => {
      calls++;
      w.set(keep, 'saved', self);
    };
    w.bind('x', lazarus);
    w.unbind('x', lazarus);
    assert.equal(lazarus.freed, false);
    assert.equal(lazarus.finalized, true);
    assert.equal(lazarus.refcount, 1);
    w.checkRefcounts();
    w.del(keep, 'saved');
    assert.equal(lazarus.freed, true);
    assert.equal(calls, 1);
  });

  it('moves a reference between holders without changing the count', () => {
    const w = new World();
    const stack = w.heap.openRoot('frame', 'stack');
    const a = w.box('a');
    w.heap.incref(stack, 'temporary', a);
    w.heap.move(stack, 'temporary', w.frame, 'a', a);
    assert.equal(a.refcount, 1);
    assert.deepEqual(stack.targets, []);
    assert.deepEqual(w.frame.labels, ['a']);
    w.checkRefcounts();
  });

  it('closing a root releases everything it held, last first', () => {
    const w = new World();
    const order: string[] = [];
    const root = w.heap.openRoot('frame', 'f');
    for (const name of ['x', 'y']) {
      const b = w.box(name);
      b.finalizer = (self) => order.push(self.name);
      w.heap.incref(root, name, b);
    }
    w.heap.closeRoot(root);
    assert.deepEqual(order, ['y', 'x']);
    assert.equal(w.heap.roots.has(root), false);
  });

  it('counts references from outside the program, and immortal objects never move', () => {
    const heap = new Heap({ ...GENERATIONAL, immortalRefcount: 4294967295 });
    const frame = heap.openRoot('frame', 'f');
    const none = heap.allocate(new Box('None'), { immortal: true });
    heap.incref(frame, 'x', none);
    heap.decref(frame, 'x', none);
    assert.equal(none.refcount, 4294967295);
    assert.equal(none.freed, false);
    const one = heap.allocate(new Box('1'), { externalRefs: 100 });
    heap.incref(frame, 'y', one);
    assert.equal(one.refcount, 101);
  });

  it('clears weak references of a dying object before any callback, and calls them in list order', () => {
    const w = new World();
    const target = w.box('target');
    w.bind('t', target);
    const seen: string[] = [];
    const refs = [
      w.weakref(target, () => seen.push(`first sees ${refs.map((r) => (r.referent ? 'alive' : 'dead')).join(',')}`)),
      w.weakref(target, () => seen.push('second')),
      w.weakref(target),
    ];
    refs.forEach((r, i) => w.bind(`r${i}`, r));
    w.unbind('t', target);
    assert.deepEqual(seen, ['first sees dead,dead,dead', 'second']);
    assert.equal(target.freed, true);
    w.checkRefcounts();
  });

  it('does not call the callback of a weak reference that is itself gone', () => {
    const w = new World();
    const target = w.box('target');
    w.bind('t', target);
    let called = false;
    const r = w.weakref(target, () => (called = true));
    w.bind('r', r);
    w.unbind('r', r);
    assert.equal(r.freed, true);
    w.unbind('t', target);
    assert.equal(called, false);
  });

  it('counts allocations of GC types and uncounts their deallocations', () => {
    const w = new World();
    const before = w.heap.gc.counts[0];
    const a = w.box('a');
    const b = w.box('b');
    assert.equal(w.heap.gc.counts[0], before + 2);
    w.bind('a', a);
    w.unbind('a', a);
    assert.equal(w.heap.gc.counts[0], before + 1);
    void b;
  });
});
