import assert from 'node:assert/strict';
import { Box, INCREMENTAL, World } from './testObjects';

describe('core: the incremental collector (3.14)', () => {
  it('promotes survivors of a young collection straight to the old generation', () => {
    const w = new World(INCREMENTAL);
    w.heap.collect();
    const x = w.box('x');
    w.bind('x', x);
    const where = () => [0, 1, 2].map((g) => w.heap.getObjects(g).includes(x));
    assert.deepEqual(where(), [true, false, false]);
    w.heap.collect(0);
    assert.deepEqual(where(), [false, false, true]);
    w.heap.collect(1);
    assert.deepEqual(where(), [false, false, true]);
    w.heap.collect(2);
    assert.deepEqual(where(), [false, false, true]);
  });

  it('keeps the counters as 3.14 reports them', () => {
    const w = new World(INCREMENTAL);
    w.heap.collect();
    const counts = () => w.heap.gc.reportedCounts().slice(1);
    assert.deepEqual(counts(), [0, 0]);
    w.heap.collect(0);
    assert.deepEqual(counts(), [1, 0]);
    w.heap.collect(0);
    assert.deepEqual(counts(), [2, 0]);
    w.heap.collect(1);
    assert.deepEqual(counts(), [2, 0]);
    w.heap.collect(2);
    assert.deepEqual(counts(), [0, 0]);
    assert.deepEqual(w.heap.gc.reportedThresholds(), [2000, 10, 0]);
  });

  it('finds a young cycle with a young collection and everything with a full one', () => {
    const w = new World(INCREMENTAL);
    w.heap.collect();
    const a = w.box('a');
    w.set(a, 'me', a);
    assert.equal(w.heap.collect(0), 1);
    const b = w.box('b');
    w.set(b, 'me', b);
    w.bind('b', b);
    w.heap.collect(0);
    w.unbind('b', b);
    assert.equal(w.heap.collect(0), 0, 'b is old now');
    assert.equal(w.heap.collect(), 1);
  });

  it('eventually frees old garbage through automatic increments', () => {
    const w = new World(INCREMENTAL);
    w.heap.setThresholds([100, 10, 10]);
    const c = w.box('c');
    w.set(c, 'me', c);
    w.bind('c', c);
    w.heap.collect(0);
    w.unbind('c', c);
    const keep: Box[] = [];
    for (let i = 0; i < 20000 && !c.freed; i++) {
      const b = w.box(`k${i}`);
      w.bind(`k${i}`, b);
      keep.push(b);
      w.heap.beginStep(i, 0);
    }
    assert.ok(c.freed);
  });
});
