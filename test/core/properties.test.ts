import assert from 'node:assert/strict';
import { HeapObject } from '../../src/core/heapObject';
import { Box, GENERATIONAL, INCREMENTAL, World } from './testObjects';

/** A small deterministic PRNG so failures can be replayed from the seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Random programs: allocate, link, unlink, bind, unbind, finalizers that resurrect, weak
 * references with callbacks, collections. Returns what the program could observe, in order.
 */
function runRandom(seed: number, profile = GENERATIONAL, trace = true): string[] {
  const rand = random(seed);
  const w = new World(profile, { trace });
  const observed: string[] = [];
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const bound = new Map<string, HeapObject>();
  const saved = w.box('saved');
  w.bind('saved', saved);
  for (let step = 0; step < 400; step++) {
    const alive = w.alive().filter((o) => o instanceof Box && o !== saved) as Box[];
    const r = rand();
    if (r < 0.25 || alive.length < 3) {
      const b = w.box(`o${step}`);
      if (rand() < 0.1) {
        b.finalizer = (self) => {
          observed.push(`finalized ${self.name}`);
          if (rand() < 0.3) w.set(saved, `r${self.id}`, self);
        };
      }
      const name = `n${step}`;
      w.bind(name, b);
      bound.set(name, b);
    } else if (r < 0.5) {
      w.set(pick(alive), `s${Math.floor(rand() * 3)}`, pick(alive));
    } else if (r < 0.65) {
      const holder = pick(alive);
      const labels = [...holder.slots.keys()];
      if (labels.length) w.del(holder, pick(labels));
    } else if (r < 0.85 && bound.size) {
      const name = pick([...bound.keys()]);
      w.unbind(name, bound.get(name)!);
      bound.delete(name);
    } else if (r < 0.87) {
      const labels = [...saved.slots.keys()];
      if (labels.length) w.del(saved, pick(labels));
    } else if (r < 0.9) {
      // A weak reference held by a random box (so often garbage itself), with a callback.
      const referent = pick(alive);
      const ref = w.weakref(referent, (self) => observed.push(`callback of weakref ${self.id}`));
      w.set(pick(alive), `w${step}`, ref);
    } else {
      const generation = Math.floor(rand() * 3);
      observed.push(`gc.collect(${generation}) = ${w.heap.collect(generation)}, counts ${w.heap.gc.reportedCounts().join(' ')}`);
    }
    w.checkRefcounts();
  }
  // After a full collection, everything alive must be reachable from a root.
  const resurrectedBefore = saved.slots.size;
  w.heap.collect();
  w.checkRefcounts();
  const reachable = new Set<HeapObject>();
  const stack: HeapObject[] = [...w.frame.targets];
  while (stack.length) {
    const o = stack.pop()!;
    if (reachable.has(o)) continue;
    reachable.add(o);
    o.traverse((t) => stack.push(t));
  }
  const unreachable = w.alive().filter((o) => !reachable.has(o));
  assert.deepEqual(
    unreachable.map((o) => o.id),
    [],
    `seed ${seed}: alive but unreachable after a full collection (resurrected before: ${resurrectedBefore})`,
  );
  for (const o of w.live) observed.push(`${o.id}: ${o.freed ? 'freed' : `generation ${o.generation}, refcount ${o.refcount}, address ${o.address}`}`);
  return observed;
}

describe('core: properties on random graphs', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`seed ${seed}: refcount equals incoming references after every step; a full collection leaves no unreachable object`, () => runRandom(seed));
  }
  for (let seed = 101; seed <= 110; seed++) {
    it(`seed ${seed} (incremental): same properties`, () => runRandom(seed, INCREMENTAL));
  }
  // The trace (and each collection's phase-by-phase report with it) is an observer only.
  for (const [name, profile] of [['generational', GENERATIONAL], ['incremental', INCREMENTAL]] as const) {
    it(`${name}: a program observes the same with the trace kept and without`, () => {
      for (let seed = 201; seed <= 215; seed++) assert.deepEqual(runRandom(seed, profile, false), runRandom(seed, profile, true), `seed ${seed}`);
    });
  }
});
