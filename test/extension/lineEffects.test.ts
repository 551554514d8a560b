import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLineEffects } from '../../src/extension/lineEffects';
import { SimulationEngine } from '../../src/extension/worker/engine';
import type { LineEffects } from '../../src/extension/worker/protocol';
import type { PythonVersion } from '../../src/protocol';

/**
 * Inline hints: what each line of a seed example did to the heap (lineEffects.ts through the
 * engine). Counts and `gc.collect()` results are CPython's (the examples print them).
 */

const EXAMPLES = join(__dirname, '../../../examples');

function hints(file: string, version: PythonVersion): Map<number, string> {
  const engine = new SimulationEngine();
  const source = readFileSync(join(EXAMPLES, file), 'utf8');
  assert.equal(engine.handle({ kind: 'simulate', run: 'r', source, version, fileName: file, stepBudget: 1_000_000 }).kind, 'simulated');
  const lines = source.split('\n').map((_, i) => i + 1);
  const response = engine.handle({ kind: 'effects', run: 'r', lines });
  assert.equal(response.kind, 'effects');
  return new Map((response as { effects: readonly LineEffects[] }).effects.map((e) => [e.line, formatLineEffects(e)]));
}

/** `list#331` → `list#N`: ids are the simulation's business. */
function normalized(map: Map<number, string>): Record<number, string> {
  return Object.fromEntries([...map].filter(([, text]) => text !== '').map(([line, text]) => [line, text.replace(/#\d+/g, '#N')]));
}

describe('inline hints on the seed examples', () => {
  it('an alias: a new list, then its count going 1→2 (sys exists before the program: importing it changes nothing)', () => {
    assert.deepEqual(normalized(hints('getrefcount_alias.py', '3.12')), { 5: 'new list#N', 7: 'list#N rc 1→2' });
  });

  it('3.10 shows small ints counted, 3.12 does not (they are immortal)', () => {
    assert.match(hints('getrefcount_alias.py', '3.10').get(5)!, /^new list#\d+ · int 1 rc \d+→\d+/);
    assert.equal(normalized(hints('getrefcount_alias.py', '3.12'))[5], 'new list#N');
  });

  it('a cycle left behind: cycle garbage, then what gc.collect() found', () => {
    const text = normalized(hints('cycle_pitfalls.py', '3.12'));
    assert.equal(text[12], 'cycle garbage 1 · Cycle#N rc 2→1');
    assert.equal(text[13], 'gc: collected 1 · freed Cycle#N · Cycle rc 5→4');
    assert.equal(text[18], 'gc: collected 0', 'lst is still reachable through its name');
    // 3.10 keeps the instance's attributes in a separate __dict__: two objects collected
    // and freed (the key 'ref' lives on in __init__'s co_names).
    assert.match(hints('cycle_pitfalls.py', '3.10').get(13)!, /^gc: collected 2 · freed 2 · Cycle rc/);
  });

  it('two lists holding each other: the last del leaves both as garbage', () => {
    assert.deepEqual(normalized(hints('two_list_cycle.py', '3.12')), {
      4: 'new list#N',
      5: 'new list#N · list#N rc 1→2',
      6: 'list#N rc 1→2',
      8: 'list#N rc 2→1',
      10: 'cycle garbage 2 · list#N rc 2→1',
    });
  });

  it('names the outer object of a nested literal and counts the rest', () => {
    const engine = new SimulationEngine();
    engine.handle({ kind: 'simulate', run: 'r', source: 'x = [[1], [2, [3]]]\nclass A:\n    pass\na = A()\n', version: '3.12', fileName: 'x.py', stepBudget: 1000 });
    const response = engine.handle({ kind: 'effects', run: 'r', lines: [1, 2, 4] });
    const text = (response as { effects: readonly LineEffects[] }).effects.map((e) => formatLineEffects(e).replace(/#\d+/g, '#N'));
    assert.equal(text[0], 'new list#N · +3 nested');
    assert.match(text[1], /^new A\b/, 'the class line shows the class made (its module-level execution finishes last)');
    assert.equal(text[2], 'new A#N · A rc 4→5');
  });

  it('says how often a line ran, and keeps long hints short', () => {
    assert.equal(formatLineEffects({ line: 2, executions: 10, effects: [] }), 'ran 10×');
    assert.equal(
      formatLineEffects({
        line: 3,
        executions: 3,
        effects: [
          { kind: 'freed', names: ['list#4', 'list#5'] },
          { kind: 'allocated', name: 'dict#9' },
          { kind: 'refcount', name: 'list#3', from: 1, to: 2 },
          { kind: 'refcount', name: 'Node#7', from: 2, to: 1 },
          { kind: 'collected', generation: 0, collected: 4, reason: 'automatic' },
        ],
      }),
      'freed 2 · new dict#9 · list#3 rc 1→2 · Node#7 rc 2→1 · +1 more (last of 3 runs)',
    );
    assert.equal(formatLineEffects({ line: 1, executions: 1, effects: [{ kind: 'collected', generation: 0, collected: 4, reason: 'automatic' }] }), 'gc (auto): collected 4');
  });
});
