import assert from 'node:assert/strict';
import { DEBUG_SAVEALL } from '../../src/core/gcState';
import { Box, GENERATIONAL, SCHEDULED, World } from './testObjects';

/** Two boxes referencing each other, bound to no name. */
function cycle(w: World, a = 'a', b = 'b'): [Box, Box] {
  const x = w.box(a);
  const y = w.box(b);
  w.set(x, 'other', y);
  w.set(y, 'other', x);
  return [x, y];
}

describe('core: the cycle collector', () => {
  it('finds a two-object cycle and frees it, phase by phase', () => {
    const w = new World();
    w.heap.collect();
    const [a, b] = cycle(w);
    w.bind('a', a);
    assert.equal(w.heap.collect(), 0, 'reachable through a name');
    w.unbind('a', a);
    assert.equal(a.freed, false, 'reference counting cannot free a cycle');
    const report = () => w.heap.trace.collections[w.heap.trace.collections.length - 1];
    assert.equal(w.heap.collect(), 2);
    assert.ok(a.freed && b.freed);
    const phases = report().phases;
    assert.deepEqual(
      phases.map((p) => p.name),
      ['merge', 'updateRefs', 'subtractRefs', 'moveUnreachable', 'deleteGarbage'],
    );
    const updated = phases[1];
    const subtracted = phases[2];
    assert.ok(updated.name === 'updateRefs' && subtracted.name === 'subtractRefs');
    assert.deepEqual(updated.refs.map((r) => r.gcRefs), [1, 1]);
    assert.deepEqual(subtracted.refs.map((r) => r.gcRefs), [0, 0]);
    const moved = phases[3];
    assert.ok(moved.name === 'moveUnreachable');
    assert.deepEqual(moved.unreachable, [a.id, b.id]);
    w.checkRefcounts();
  });

  it('keeps what a reachable object reaches, even when scanned first with gc_refs 0', () => {
    const w = new World();
    // a <- b <- c, only c named: a and b start with gc_refs 0 and are moved back.
    const a = w.box('a');
    const b = w.box('b');
    const c = w.box('c');
    w.set(b, 'next', a);
    w.set(c, 'next', b);
    w.bind('c', c);
    assert.equal(w.heap.collect(), 0);
    assert.ok(!a.freed && !b.freed);
    // move_unreachable leaves them in the order c, b, a (gc.c's comment).
    assert.deepEqual(w.heap.getObjects(2).map((o) => (o as Box).name), ['c', 'b', 'a']);
  });

  it('collects only the generation asked for; an old referrer keeps a young cycle alive', () => {
    const w = new World();
    const old = w.box('old');
    w.bind('old', old);
    w.heap.collect(); // old is now in generation 2
    const [a] = cycle(w);
    w.set(old, 'held', a);
    w.checkRefcounts();
    // Dropping the last reference from the old object makes the cycle garbage.
    assert.equal(w.heap.collect(0), 0, 'referenced from generation 2');
    w.del(old, 'held');
    assert.equal(a.generation, 1, 'promoted by the collection of generation 0');
    assert.equal(w.heap.collect(0), 0, 'generation 1 is not examined');
    assert.equal(w.heap.collect(1), 2);
  });

  it('runs each finalizer once, lets a finalizer resurrect, and does not count the resurrected', () => {
    const w = new World();
    const keep = w.box('keep');
    w.bind('keep', keep);
    const laz = w.box('lazarus');
    w.set(laz, 'me', laz);
    let calls = 0;
    laz.finalizer = (self) => {
      calls++;
      w.set(keep, 'saved', self);
    };
    const [x, y] = cycle(w, 'x', 'y');
    void x;
    void y;
    assert.equal(w.heap.collect(), 2, 'the x–y cycle is collected, lazarus is not counted');
    assert.equal(laz.freed, false);
    assert.equal(calls, 1);
    w.del(keep, 'saved');
    assert.equal(w.heap.collect(), 1);
    assert.equal(calls, 1, 'PEP 442: never twice');
    assert.ok(laz.freed);
  });

  it('calls finalizers of a garbage cycle in list order, before anything is cleared', () => {
    const w = new World();
    const order: string[] = [];
    const [a, b] = cycle(w);
    a.finalizer = (self) => order.push(`${self.name} sees ${(self.slots.get('other') as Box).name}`);
    b.finalizer = (self) => order.push(`${self.name} sees ${(self.slots.get('other') as Box).name}`);
    assert.equal(w.heap.collect(), 2);
    assert.deepEqual(order, ['a sees b', 'b sees a']);
  });

  it('clears weak references to garbage first, then calls callbacks of live weak references only', () => {
    const w = new World();
    const [a, b] = cycle(w);
    const seen: string[] = [];
    const refA = w.weakref(a, () => seen.push(`a: ${refA.referent === null} ${refB.referent === null}`));
    const refB = w.weakref(b, () => seen.push(`b: ${refA.referent === null} ${refB.referent === null}`));
    w.bind('ra', refA);
    w.bind('rb', refB);
    // A weak reference that is itself garbage gets no callback.
    const inner = w.weakref(a, () => seen.push('inner'));
    w.set(b, 'weak', inner);
    // a, b, the inner weak reference and its callback are all garbage.
    assert.equal(w.heap.collect(), 4);
    assert.deepEqual(seen, ['a: true true', 'b: true true']);
    w.checkRefcounts();
  });

  it('counts a weak reference freed by its own callback as collected', () => {
    const w = new World();
    const [a] = cycle(w);
    const holder = w.box('holder');
    w.bind('holder', holder);
    const r = w.weakref(a, () => w.del(holder, 'r'));
    w.set(holder, 'r', r);
    assert.equal(w.heap.collect(), 3);
    assert.ok(r.freed);
  });

  it('with DEBUG_SAVEALL keeps the garbage instead of clearing it', () => {
    const w = new World();
    cycle(w);
    w.heap.gc.debugFlags = DEBUG_SAVEALL;
    assert.equal(w.heap.collect(), 2);
    assert.deepEqual(w.log.filter((l) => l.startsWith('saved')), ['saved a', 'saved b']);
  });

  it('tells gc.callbacks before and after, and refuses a collection inside a collection', () => {
    const w = new World();
    const [a] = cycle(w);
    let nested = -1;
    a.finalizer = () => (nested = w.heap.collect());
    w.heap.collect();
    assert.equal(nested, 0);
    assert.deepEqual(w.log, ['gc start 2 0', 'gc stop 2 2']);
  });

  it('untracks tuples of atoms in every collection and dicts only in full ones', () => {
    const w = new World();
    const t = w.tuple('t');
    w.set(t, '[0]', w.atom('1'));
    const nested = w.tuple('nested');
    w.set(nested, '[0]', t);
    const holdsList = w.tuple('holds a list');
    w.set(holdsList, '[0]', w.box('list'));
    const dict = w.box('dict');
    dict.untrackKind = 'dict';
    w.set(dict, 'k', w.atom('2'));
    for (const [n, o] of [['t', t], ['n', nested], ['h', holdsList], ['d', dict]] as const) w.bind(n, o);
    w.heap.collect(0);
    assert.equal(t.tracked, false);
    assert.equal(nested.tracked, false, 'its only item is an untracked tuple');
    assert.equal(holdsList.tracked, true);
    assert.equal(dict.tracked, true, 'dicts wait for a full collection');
    w.heap.collect(2);
    assert.equal(dict.tracked, false);
  });

  it('updates the generation counters as gc.c does', () => {
    const w = new World();
    w.heap.collect();
    const counts = () => w.heap.gc.reportedCounts().slice(1);
    assert.deepEqual(counts(), [0, 0]);
    w.heap.collect(0);
    assert.deepEqual(counts(), [1, 0]);
    w.heap.collect(0);
    assert.deepEqual(counts(), [2, 0]);
    w.heap.collect(1);
    assert.deepEqual(counts(), [0, 1]);
    w.heap.collect(2);
    assert.deepEqual(counts(), [0, 0]);
    assert.deepEqual(w.heap.gc.reportedCounts(), [0, 0, 0]);
  });

  it('collects automatically inside the allocation that crosses the threshold (before 3.12)', () => {
    const w = new World(GENERATIONAL);
    w.heap.setThresholds([10]);
    const [a] = cycle(w);
    let i = 0;
    while (!a.freed && i < 20) {
      w.bind(`k${i}`, w.box(`k${i}`));
      i++;
    }
    assert.ok(a.freed);
    assert.equal(w.heap.trace.collections[0].reason, 'automatic');
    assert.equal(w.heap.trace.collections[0].generation, 0);
  });

  it('from 3.12 only schedules it, for the next step boundary', () => {
    const w = new World(SCHEDULED);
    w.heap.setThresholds([10]);
    const [a] = cycle(w);
    for (let i = 0; i < 20; i++) w.bind(`k${i}`, w.box(`k${i}`));
    assert.equal(a.freed, false);
    assert.equal(w.heap.gc.scheduled, true);
    w.heap.beginStep(2, 0);
    assert.equal(a.freed, true);
  });

  it('does not collect automatically when disabled', () => {
    const w = new World(GENERATIONAL);
    w.heap.setThresholds([5]);
    w.heap.setEnabled(false);
    const [a] = cycle(w);
    for (let i = 0; i < 20; i++) w.bind(`k${i}`, w.box(`k${i}`));
    assert.equal(a.freed, false);
    assert.equal(w.heap.trace.collections.length, 0);
  });

  it('collects the oldest generation only when a quarter of the long-lived objects are new (issue #4074)', () => {
    const w = new World(GENERATIONAL);
    // 40 long-lived objects after a full collection.
    for (let i = 0; i < 40; i++) w.bind(`o${i}`, w.box(`o${i}`));
    w.heap.collect();
    assert.equal(w.heap.gc.longLivedTotal, 40);
    w.heap.gc.counts[2] = 11; // over the threshold of 10...
    w.heap.gc.counts[1] = 11;
    w.heap.gc.longLivedPending = 9; // ...but fewer than 40 / 4 promoted
    w.heap.gc.thresholds[0] = 0;
    w.heap.gc.counts[0] = 0;
    w.heap.runScheduledCollection();
    // Trigger through the collector's own choice:
    const before = w.heap.trace.collections.length;
    w.heap.gc.thresholds[0] = 1;
    w.box('x1');
    w.box('x2');
    const chosen = w.heap.trace.collections.slice(before).map((c) => c.generation);
    assert.deepEqual(chosen, [1], 'generation 2 skipped, generation 1 collected');
  });

  it('freeze moves every tracked object out of the collector\'s sight', () => {
    const w = new World();
    const [a, b] = cycle(w);
    w.heap.freeze();
    assert.equal(w.heap.freezeCount(), 2);
    assert.equal(w.heap.collect(), 0);
    w.heap.unfreeze();
    assert.equal(w.heap.collect(), 2);
    assert.ok(a.freed && b.freed);
  });

  it('leaves objects of older generations and frozen ones out of a collection, even when garbage refers to them', () => {
    const w = new World();
    const frozen = w.box('frozen');
    w.set(frozen, 'self', frozen);
    w.heap.freeze();
    const old = w.box('old');
    w.set(old, 'self', old);
    w.bind('old', old);
    w.heap.collect(1);
    w.unbind('old', old);
    assert.equal(old.generation, 2, 'garbage, in a generation not collected next');
    const [a, b] = cycle(w);
    w.set(a, 'frozen', frozen);
    w.set(b, 'old', old);
    assert.equal(w.heap.collect(1), 2, 'a and b only');
    assert.ok(a.freed && b.freed && !old.freed && !frozen.freed);
    assert.deepEqual([old.refcount, frozen.refcount], [1, 1]);
    assert.equal(w.heap.collect(), 1, 'old');
    w.heap.unfreeze();
    assert.equal(w.heap.collect(), 1, 'frozen, once unfrozen');
    w.checkRefcounts();
  });

  it('finds referrers among tracked objects and referents by traversal', () => {
    const w = new World();
    const a = w.box('a');
    const b = w.box('b');
    const c = w.box('c');
    w.set(a, 'x', c);
    w.set(b, 'y', c);
    w.bind('a', a);
    w.bind('b', b);
    assert.deepEqual(w.heap.getReferrers([c]).map((o) => (o as Box).name).sort(), ['a', 'b']);
    assert.deepEqual(w.heap.getReferents(a), [c]);
  });
  it('untracks a tuple holding a tuple that comes after it only in the next collection: untrack_tuples walks in list order', () => {
    const w = new World();
    const outer = w.tuple('outer');
    const inner = w.tuple('inner');
    w.set(inner, '[0]', w.atom('1'));
    w.set(outer, '[0]', inner);
    w.bind('outer', outer);
    w.heap.collect();
    assert.deepEqual([outer.tracked, inner.tracked], [true, false]);
    w.heap.collect();
    assert.equal(outer.tracked, false);
  });

  it('untracks a dict holding a tuple that comes after it in the same full collection: dicts after tuples', () => {
    const w = new World();
    const dict = w.box('dict');
    dict.untrackKind = 'dict';
    const t = w.tuple('t');
    w.set(t, '[0]', w.atom('1'));
    w.set(dict, 'k', t);
    w.bind('d', dict);
    w.heap.collect();
    assert.deepEqual([dict.tracked, t.tracked], [false, false]);
    const untrack = w.heap.trace.collections[0].phases.find((p) => p.name === 'untrack');
    assert.ok(untrack?.name === 'untrack');
    assert.deepEqual(untrack.untracked, [t.id, dict.id]);
  });

  it('leaves the weak references of an object found reachable late alone', () => {
    const w = new World();
    // a <- b <- c, only c named: a and b are set apart first, then taken back.
    const a = w.box('a');
    const b = w.box('b');
    const c = w.box('c');
    w.set(b, 'next', a);
    w.set(c, 'next', b);
    w.bind('c', c);
    const calls: string[] = [];
    const ref = w.weakref(a, () => calls.push('called'));
    w.bind('ref', ref);
    assert.equal(w.heap.collect(), 0);
    assert.deepEqual(calls, []);
    assert.equal(ref.referent, a);
    assert.equal(w.heap.trace.collections[0].phases.some((p) => p.name === 'handleWeakrefs'), false);
  });

  it('finalizes in list order among plain garbage, even when a finalizer frees the garbage ahead of it', () => {
    const w = new World();
    // A ring a -> b -> c -> d -> a; b and d have finalizers, b's cuts the ring after itself.
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => w.box(n));
    w.set(a, 'next', b);
    w.set(b, 'next', c);
    w.set(c, 'next', d);
    w.set(d, 'next', a);
    const order: string[] = [];
    b.finalizer = (self) => {
      order.push('b');
      w.del(self, 'next');
    };
    d.finalizer = () => order.push('d');
    // c dies in b's finalizer, d (finalized on its way out) and a with it, then b: nothing
    // is left for handle_resurrected_objects to count.
    assert.equal(w.heap.collect(), 0);
    assert.deepEqual(order, ['b', 'd']);
    assert.ok([a, b, c, d].every((o) => o.freed));
    w.checkRefcounts();
  });

  it('runs a finalizer a weakref callback gave to the garbage in the same collection', () => {
    const w = new World();
    const [a, b] = cycle(w);
    const order: string[] = [];
    const ref = w.weakref(a, () => {
      order.push('callback');
      b.finalizer = () => order.push('b finalized');
    });
    w.bind('ref', ref);
    assert.equal(w.heap.collect(), 2);
    assert.deepEqual(order, ['callback', 'b finalized']);
    assert.ok(a.freed && b.freed);
  });

  it('keeps garbage a weakref callback stored, as handle_resurrected_objects finds it', () => {
    const w = new World();
    const keep = w.box('keep');
    w.bind('keep', keep);
    const [a, b] = cycle(w);
    const c = w.box('c');
    w.set(b, 'c', c);
    let stored = false;
    // A callback cannot reach the garbage; a finalizer can, and runs after it.
    const ref = w.weakref(a, () => {
      b.finalizer = (self) => {
        stored = true;
        w.set(keep, 'b', self);
      };
    });
    w.bind('ref', ref);
    assert.equal(w.heap.collect(), 0, 'b resurrected keeps a and c alive: nothing collected');
    assert.ok(stored && !a.freed && !b.freed && !c.freed);
    // move_unreachable's order over [a, b, c]: a set apart, b reachable, c, then a taken back.
    assert.deepEqual(
      w.heap.getObjects(2).filter((o) => o === a || o === b || o === c).map((o) => (o as Box).name),
      ['b', 'c', 'a'],
    );
    w.checkRefcounts();
  });
});
