import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeReferrer, hoverMarkdown, hoverTargetAt } from '../../src/extension/hover';
import { SimulationEngine } from '../../src/extension/worker/engine';
import type { HoverFacts, HoverTarget } from '../../src/extension/worker/protocol';
import type { PythonVersion } from '../../src/protocol';

/**
 * Hovers (hover.ts, and the engine's facts behind them) on the seed examples. Every
 * refcount below is what CPython printed for `sys.getrefcount(expr) - 1` right after the
 * line (3.10.13, 3.11.7, 3.12.1 and 3.13.0 agree on all of them); every probe value is what
 * the example printed.
 */

const EXAMPLES = join(__dirname, '../../../examples');

function target(text: string, character: number): HoverTarget | null {
  return hoverTargetAt(text, character)?.target ?? null;
}

describe('hover: what is under the mouse', () => {
  it('takes the access path up to the hovered part', () => {
    const line = 'x = node.next.items[0]["k"] + other';
    assert.deepEqual(target(line, 5), { expression: 'node' });
    assert.deepEqual(target(line, 10), { expression: 'node.next' });
    assert.deepEqual(target(line, 8), { expression: 'node.next' }, 'the dot belongs to the attribute after it');
    assert.deepEqual(target(line, 16), { expression: 'node.next.items' });
    assert.deepEqual(target(line, 20), { expression: 'node.next.items[0]' });
    assert.deepEqual(target(line, 24), { expression: 'node.next.items[0]["k"]' });
    assert.deepEqual(target(line, 31), { expression: 'other' });
    assert.equal(target(line, 2), null, 'an operator');
  });

  it('spans the columns of the path', () => {
    assert.deepEqual(hoverTargetAt('print(a.b)', 8), { target: { expression: 'a.b' }, start: 6, end: 9 });
  });

  it('ignores strings, comments, keywords, calls and numbers', () => {
    assert.equal(target('s = "a.b"', 6), null);
    assert.equal(target('x = 1  # see a.b', 14), null);
    assert.equal(target('del a', 1), null);
    assert.equal(target('f().x', 4), null, 'a call result is not a path');
    assert.equal(target('y = 1e5', 5), null);
    assert.equal(target('print(f"x")', 6), null, 'a string prefix');
    assert.deepEqual(target('del a', 4), { expression: 'a' });
  });

  it('finds names inside f-string replacement fields', () => {
    const line = 'print(f"Count: {sys.getrefcount(user_data)} {{a}}")';
    assert.deepEqual(target(line, line.indexOf('user_data') + 2), { expression: 'user_data' });
    assert.deepEqual(target(line, line.indexOf('getrefcount')), { expression: 'sys.getrefcount', probe: { kind: 'getrefcount', column: line.indexOf('sys') } });
    assert.equal(target(line, line.indexOf('{a}') + 1), null, 'doubled braces are text');
  });

  it('marks the callee of getrefcount(...) and gc.collect() as a probe', () => {
    assert.deepEqual(target('print(getrefcount(b))', 8), { expression: 'getrefcount', probe: { kind: 'getrefcount', column: 6 } });
    assert.deepEqual(target('n = gc.collect()', 8), { expression: 'gc.collect', probe: { kind: 'collect', column: 4 } });
    assert.deepEqual(target('n = gc.collect()', 5), { expression: 'gc' }, 'the module itself');
    assert.deepEqual(target('n = gc.collect', 8), { expression: 'gc.collect' }, 'no call, no probe');
  });
});

/** Simulations of the examples, kept by the engine as the worker keeps them (the last few). */
class Examples {
  private readonly engine = new SimulationEngine();

  hover(file: string, line: number, character: number | string, version: PythonVersion): HoverFacts | null {
    const run = `${file}@${version}`;
    const source = readFileSync(join(EXAMPLES, file), 'utf8');
    const simulate = (): void => assert.equal(this.engine.handle({ kind: 'simulate', run, source, version, fileName: file, stepBudget: 1_000_000 }).kind, 'simulated');
    const text = source.split('\n')[line - 1];
    const column = typeof character === 'number' ? character : text.indexOf(character);
    assert.ok(column >= 0, `"${character}" is not on line ${line} of ${file}`);
    const found = hoverTargetAt(text, column);
    assert.ok(found, `nothing to hover at ${file}:${line}:${column}`);
    let response = this.engine.handle({ kind: 'hover', run, line, target: found.target });
    if (response.kind === 'unknownRun') {
      simulate();
      response = this.engine.handle({ kind: 'hover', run, line, target: found.target });
    }
    assert.equal(response.kind, 'hover');
    return (response as { facts: HoverFacts | null }).facts;
  }
}

// [file, line, the text hovered (its first occurrence on the line), the expression, refcount]
const REFCOUNTS: [string, number, string, string, number][] = [
  ['getrefcount_alias.py', 5, 'a', 'a', 1],
  ['getrefcount_alias.py', 7, 'b', 'b', 2],
  ['getrefcount_alias.py', 7, 'a', 'a', 2],
  ['del_name_and_item.py', 6, 'b', 'b', 2],
  ['del_name_and_item.py', 14, 'a', 'a', 1],
  ['list_holds_references.py', 5, 'a', 'a', 1],
  ['list_holds_references.py', 7, 'a,', 'a', 3],
  ['list_holds_references.py', 7, 'b', 'b', 1],
  ['rebind_decrements_old.py', 6, 'b', 'b', 2],
  ['inspecting_refcounts.py', 6, 'user_data', 'user_data', 1],
  ['inspecting_refcounts.py', 14, 'user_data', 'user_data', 2],
  ['refcount_alias_and_self_cycle.py', 7, 'a', 'a', 1],
  ['refcount_alias_and_self_cycle.py', 9, 'a', 'a', 2],
  ['refcount_alias_and_self_cycle.py', 21, 'node', 'node', 2],
  ['circular_nodes.py', 12, 'node_b', 'node_b', 1],
  ['circular_nodes.py', 15, 'node_a', 'node_a', 2],
  ['circular_nodes.py', 15, 'connection', 'node_b.connection', 2],
  ['two_list_cycle.py', 6, 'a', 'a', 2],
  ['two_list_cycle.py', 5, 'b', 'b', 1],
  ['attribute_holds_reference.py', 9, 'a', 'a', 1],
  ['attribute_holds_reference.py', 10, 'to_obj', 'a.to_obj', 2],
  ['getrefcount_and_collect.py', 6, 'x', 'x', 1],
  ['cycle_pitfalls.py', 17, 'lst.', 'lst', 2],
];

// [file, line, the callee hovered, { version: value }] — what the example printed there.
const PROBES: [string, number, string, Partial<Record<PythonVersion, number>>][] = [
  ['getrefcount_alias.py', 6, 'getrefcount', { '3.10': 2, '3.12': 2, '3.13': 2 }],
  ['getrefcount_alias.py', 8, 'getrefcount', { '3.10': 3, '3.12': 3, '3.13': 3 }],
  ['del_name_and_item.py', 7, 'getrefcount', { '3.10': 3, '3.12': 3 }],
  ['del_name_and_item.py', 10, 'getrefcount', { '3.10': 2, '3.12': 2 }],
  ['list_holds_references.py', 8, 'getrefcount', { '3.10': 4, '3.12': 4 }],
  ['inspecting_refcounts.py', 10, 'getrefcount', { '3.10': 2, '3.12': 2 }],
  ['inspecting_refcounts.py', 15, 'getrefcount', { '3.10': 3, '3.12': 3 }],
  ['refcount_alias_and_self_cycle.py', 22, 'collect()', { '3.10': 0, '3.12': 0 }],
  ['refcount_alias_and_self_cycle.py', 24, 'collect()', { '3.10': 2, '3.12': 1 }],
  ['cycle_pitfalls.py', 13, 'collect()', { '3.10': 2, '3.12': 1 }],
  ['cycle_pitfalls.py', 18, 'collect()', { '3.10': 0, '3.12': 0 }],
  ['getrefcount_and_collect.py', 8, 'getrefcount', { '3.10': 2, '3.12': 2 }],
  ['getrefcount_and_collect.py', 10, 'collect()', { '3.10': 0, '3.12': 0 }],
];

describe('hover: refcounts on the seed examples', () => {
  const examples = new Examples();
  for (const version of ['3.10', '3.11', '3.12', '3.13'] as const) {
    it(`reports CPython ${version}'s counts for names, attributes and items`, () => {
      for (const [file, line, hovered, expression, refcount] of REFCOUNTS) {
        const facts = examples.hover(file, line, hovered, version);
        const where = `${file}:${line} ${expression}`;
        assert.equal(facts?.expression, expression, where);
        assert.equal(facts?.when, 'after', where);
        assert.equal(facts?.object?.refcount, refcount, where);
        // A mortal object's count is exactly the references the hover lists.
        assert.equal(facts.object.referrers.length + facts.object.externalRefs, refcount, `${where}: referrers`);
      }
    });
  }

  it('returns what sys.getrefcount() and gc.collect() return there', () => {
    for (const [file, line, callee, values] of PROBES) {
      for (const [version, value] of Object.entries(values) as [PythonVersion, number][]) {
        const facts = examples.hover(file, line, callee, version);
        assert.deepEqual(facts?.probe?.values, [value], `${file}:${line} on ${version}`);
      }
    }
  });

  it('lists who holds the object, and its collector status', () => {
    const facts = examples.hover('getrefcount_alias.py', 7, 'b', '3.12')!;
    assert.deepEqual(
      facts.object!.referrers.map((r) => [r.holderName, r.label, r.variable]),
      [
        ['<module>', 'a', true],
        ['<module>', 'b', true],
      ],
    );
    assert.deepEqual(facts.object!.gc, { kind: 'generation', generation: 0, label: 'gen 0' });
    assert.equal(facts.object!.garbage, false);
  });

  it('says "immortal" for 3.12+ singletons and small ints, with their fixed count', () => {
    const small = examples.hover('shared_int_object.py', 4, 'y', '3.12')!;
    assert.equal(small.object!.gc.kind, 'immortal');
    assert.equal(small.object!.refcount, 4294967295);
    const mortal = examples.hover('shared_int_object.py', 4, 'y', '3.10')!;
    assert.notEqual(mortal.object!.gc.kind, 'immortal');
  });

  it('shows a name deleted by the line as the line found it', () => {
    // `del a` on line 9: afterwards only b holds the list (CPython: 1); before, a and b did.
    const facts = examples.hover('del_name_and_item.py', 9, 'a', '3.12')!;
    assert.equal(facts.when, 'before');
    assert.equal(facts.object!.refcount, 2);
    assert.equal(examples.hover('del_name_and_item.py', 10, 'b)', '3.12')!.object!.refcount, 1);
  });

  it('marks cycle garbage', () => {
    // After `del node_a` and `del node_b` the two nodes are unreachable; node_b.connection
    // (node_a) right after `del node_a` is still reachable through node_b.
    const facts = examples.hover('circular_nodes.py', 19, 'node_a', '3.12')!;
    assert.equal(facts.when, 'before');
    const reachable = examples.hover('circular_nodes.py', 15, 'connection', '3.12')!;
    assert.equal(reachable.object!.garbage, false);
  });
});

describe('hover: the Markdown', () => {
  const examples = new Examples();

  it('describes an object: type, value, refcount, holders, collector status, link', () => {
    const facts = examples.hover('getrefcount_alias.py', 7, 'b', '3.12')!;
    const text = hoverMarkdown(facts, { line: 7, openLink: 'command:heapscope.openPanel?%5B%5D' });
    const id = facts.object!.id;
    assert.equal(
      text,
      [
        `\`b\` → \`list\` \`list#${id}\`: \`[1, 2, 3]\``,
        'refcount **2**, held by:\n- `a` in \\<module\\>\n- `b` in \\<module\\>',
        'tracked by the cycle collector, **gen 0** · reachable',
        '*HeapScope, after line 7 · CPython 3.12 (simulated)* · [Show in Heap Inspector](command:heapscope.openPanel?%5B%5D)',
      ].join('\n\n'),
    );
  });

  it('gives a probe its value, and every execution’s when the line ran more than once', () => {
    const facts = examples.hover('getrefcount_alias.py', 8, 'getrefcount', '3.12')!;
    assert.match(hoverMarkdown(facts, { line: 8 }), /^`sys\.getrefcount\(\.\.\.\)` returns \*\*3\*\* here/);
    const loop: HoverFacts = { version: '3.12', line: 4, execution: { index: 2, count: 3 }, when: 'after', probe: { kind: 'collect', values: [0, 2, 0] } };
    const text = hoverMarkdown(loop, { line: 4 });
    assert.match(text, /^`gc\.collect\(\)` returns \*\*2\*\* here/);
    assert.match(text, /Each execution: 0, 2, 0/);
    assert.match(text, /after line 4, execution 2 of 3/);
    assert.doesNotMatch(text, /command:/, 'no link without an object');
  });

  it('names cycle garbage and immortal objects', () => {
    const facts = examples.hover('shared_int_object.py', 4, 'y', '3.12')!;
    assert.match(hoverMarkdown(facts, { line: 4 }), /refcount \*\*4294967295\*\* \(the fixed count of an immortal object\)/);
    const garbage: HoverFacts = {
      version: '3.12',
      line: 3,
      execution: { index: 1, count: 1 },
      when: 'after',
      expression: 'x',
      object: { id: 5, name: 'list#5', type: 'list', value: '[[…]]', refcount: 1, gc: { kind: 'generation', generation: 0, label: 'gen 0' }, garbage: true, finalized: false, externalRefs: 0, referrers: [{ holderName: 'list#5', label: '[0]', hidden: false, variable: false }] },
    };
    const text = hoverMarkdown(garbage, { line: 3 });
    assert.match(text, /\*\*cycle garbage\*\*: unreachable/);
    assert.match(text, /- `list#5\[0\]`/);
  });

  it('escapes what the program named', () => {
    assert.equal(describeReferrer({ holderName: 'frame f', label: 'x', hidden: false, variable: true }), '`x` in frame f');
    assert.equal(describeReferrer({ holderName: '<module>', label: 'x', hidden: false, variable: true }), '`x` in \\<module\\>', 'not an HTML tag');
    assert.equal(describeReferrer({ holderName: 'dict#3', label: "['k`']", hidden: false, variable: false }), "`` dict#3['k`'] ``");
    assert.equal(describeReferrer({ holderName: 'the compiled program (code constants)', label: 'co_consts', hidden: true, variable: false }), 'the compiled program \\(code constants\\) (co\\_consts) *(not drawn)*');
  });
});
