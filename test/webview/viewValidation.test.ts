import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { isHeapView, validateHostMessage } from '../../src/protocol';
import { fixture, FIXTURES } from './harness';

/** The panel trusts nothing it receives: every fixture passes, every broken variant is refused. */
describe('HeapView validation (what the panel accepts)', () => {
  const names = readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5));

  it('accepts every fixture, and the mortal badges add up', () => {
    for (const name of names) {
      const view = fixture(name);
      assert.ok(isHeapView(view), name);
      for (const o of [...view.objects, ...view.changes.freed]) {
        if (o.gc.kind !== 'immortal') assert.equal(o.referrers.length + o.externalRefs, o.refcount, `${name}: ${o.name}`);
      }
    }
  });

  const breakages: [string, (v: Record<string, any>) => void][] = [
    ['a referrer without a holder name', (v) => delete v.objects[0].referrers[0].holderName],
    ['an unknown GC status', (v) => (v.objects[0].gc = { kind: 'zombie' })],
    ['a generation without a label', (v) => (v.objects[0].gc = { kind: 'generation', generation: 0 })],
    ['a refcount change without causes', (v) => (v.changes.refcounts = [{ id: 1, delta: 1 }])],
    ['a phase without an explanation', (v) => (v.collections = [{ ...v.collections[0], phases: [{ name: 'merge' }] }])],
    ['gc_refs that are not numbers', (v) => (v.collections[0].phases[1].gcRefs = [{ id: 1, name: 'x', gcRefs: 'one' }])],
    ['a stop without a line', (v) => (v.status = { kind: 'stopped', reason: 'exception', message: 'boom' })],
    ['an unknown GC scheme', (v) => (v.gc.scheme = 'magic')],
    ['a non-integer focus', (v) => (v.focus = 'x')],
    ['a value that is not a string', (v) => (v.objects[0].value = { html: '<b>' })],
  ];
  for (const [what, breakIt] of breakages) {
    it(`refuses ${what}`, () => {
      const view = JSON.parse(JSON.stringify(fixture('node-03-gc-run'))) as Record<string, any>;
      breakIt(view);
      assert.equal(isHeapView(view), false);
      assert.equal(validateHostMessage({ kind: 'view', view }), null);
    });
  }
});
