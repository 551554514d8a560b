import assert from 'node:assert/strict';
import { Timeline } from '../../src/core/snapshot';
import { GENERATIONAL, World } from './testObjects';

describe('core: trace and snapshots', () => {
  /** a = []; b = a; del b; a.append(a); del a — one step per line. */
  function script(): { w: World; timeline: Timeline; list: number } {
    const w = new World();
    const h = w.heap;
    h.beginStep(1, 0);
    const list = w.box('list');
    w.bind('a', list);
    h.beginStep(2, 0);
    w.bind('b', list);
    h.beginStep(3, 0);
    w.unbind('b', list);
    h.beginStep(4, 0);
    w.set(list, '[0]', list);
    h.beginStep(5, 0);
    w.unbind('a', list);
    h.output('done\n');
    h.beginStep(6, 0);
    h.collect();
    return { w, timeline: new Timeline(h.trace, GENERATIONAL), list: list.id };
  }

  it('shows the heap right after any step, with refcounts from the references', () => {
    const { timeline, list } = script();
    const rc = (step: number) => timeline.snapshot(step).objects.find((o) => o.id === list)?.refcount;
    assert.deepEqual([0, 1, 2, 3, 4].map(rc), [1, 2, 1, 2, 1]);
    assert.equal(timeline.snapshot(5).objects.find((o) => o.id === list), undefined, 'freed by the collection');
  });

  it('says what a step changed and why', () => {
    const { timeline, list } = script();
    const first = timeline.snapshot(0).changes;
    assert.deepEqual(first.allocated, [list]);
    const second = timeline.snapshot(1).changes;
    assert.equal(second.refcounts.length, 1);
    assert.equal(second.refcounts[0].delta, 1);
    assert.equal(second.refcounts[0].causes[0].label, 'b');
    const last = timeline.snapshot(5);
    assert.deepEqual(last.changes.freed, [list]);
    assert.equal(last.freedObjects[0].id, list);
    assert.equal(last.collections.length, 1);
    assert.equal(last.collections[0].collected, 1);
  });

  it('marks cycle garbage as unreachable', () => {
    const { timeline, list } = script();
    assert.equal(timeline.snapshot(3).objects.find((o) => o.id === list)?.reachable, true);
    assert.equal(timeline.snapshot(4).objects.find((o) => o.id === list)?.reachable, false);
  });

  it('keeps the output printed so far and the referrers of each object', () => {
    const { timeline, list } = script();
    assert.equal(timeline.snapshot(3).stdout, '');
    assert.equal(timeline.snapshot(4).stdout, 'done\n');
    const snap = timeline.snapshot(3);
    const obj = snap.objects.find((o) => o.id === list)!;
    assert.deepEqual(obj.referrers.map((r) => r.label).sort(), ['[0]', 'a']);
    assert.equal(snap.roots.find((r) => r.name === '<module>')!.references[0].label, 'a');
  });

  it('rebuilds the same snapshot whatever was asked before (checkpoints are invisible)', () => {
    const w = new World();
    const h = w.heap;
    const boxes = [];
    for (let i = 0; i < 30000; i++) {
      h.beginStep(i + 1, 0);
      const b = w.box(`b${i}`);
      w.bind(`n${i}`, b);
      boxes.push(b);
      if (i % 3 === 0 && i > 0) w.unbind(`n${i - 1}`, boxes[i - 1]);
    }
    const direct = new Timeline(h.trace, GENERATIONAL).snapshot(25000);
    const warmed = new Timeline(h.trace, GENERATIONAL);
    warmed.snapshot(29999);
    warmed.snapshot(10);
    const again = warmed.snapshot(25000);
    assert.equal(again.objects.length, direct.objects.length);
    assert.deepEqual(
      again.objects.map((o) => [o.id, o.refcount, o.generation]),
      direct.objects.map((o) => [o.id, o.refcount, o.generation]),
    );
  });

  it('records generations: survivors of a collection move to the next one', () => {
    const w = new World();
    const h = w.heap;
    h.beginStep(1, 0);
    const a = w.box('a');
    w.bind('a', a);
    h.beginStep(2, 0);
    h.collect(0);
    h.beginStep(3, 0);
    const t = new Timeline(h.trace, GENERATIONAL);
    assert.equal(t.snapshot(0).objects.find((o) => o.id === a.id)?.generation, 0);
    assert.equal(t.snapshot(1).objects.find((o) => o.id === a.id)?.generation, 1);
  });
});
