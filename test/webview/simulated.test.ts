import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isHeapView, type HeapView } from '../../src/protocol';
import { SimulationSession } from '../../src/python/session';
import { Harness, type PanelPage } from './harness';

/**
 * The panel on real simulator output (src/python/session.ts) for the seed examples, next to
 * the hand-made fixtures: every view validates, and the picture shows CPython's numbers.
 */
// The project's copy of the shared conformance cases (a clean clone has no ../shared).
const CONFORMANCE = join(__dirname, '../../../test/python/conformance');

function session(source: string, version: '3.12' | '3.10' = '3.12'): SimulationSession {
  return new SimulationSession(source, { version, fileName: 'seed.py' });
}

function viewAt(s: SimulationSession, line: number): HeapView {
  const view = s.view(line, undefined, { uri: 'file:///seed.py', fileName: 'seed.py' });
  assert.ok(view, `line ${line} ran`);
  assert.ok(isHeapView(view), `the view of line ${line} is valid`);
  return view;
}

async function badgeOf(panel: PanelPage, type: string): Promise<string[]> {
  return panel.page.$$eval(`.picture .obj[data-type="${type}"] .badge text`, (els) => els.map((e) => e.textContent ?? ''));
}

describe('Heap Inspector on simulator output (Chromium)', function () {
  this.timeout(120000);
  let harness: Harness;
  let panel: PanelPage;

  before(async () => {
    harness = await Harness.start();
    panel = await harness.open({ theme: 'dark' });
  });
  after(async () => {
    await harness?.stop();
  });
  afterEach(async () => {
    assert.deepEqual(panel.errors, []);
    assert.deepEqual(await panel.cspViolations(), []);
  });

  it('seed 001: a = []; b = a; del b, then the Node self-cycle, its garbage and gc.collect()', async () => {
    const s = session(readFileSync(`${CONFORMANCE}/cycle_node_self_ref.py`, 'utf8'));
    for (const [line, refcount] of [
      [7, '1'],
      [9, '2'],
      [11, '1'],
    ] as const) {
      await panel.show(viewAt(s, line));
      assert.deepEqual(await badgeOf(panel, 'list'), [refcount], `line ${line}`);
    }
    // Names in the screen-reader label, whatever the simulator calls the module's holder.
    assert.match(await panel.page.$eval('.obj[data-type="list"]', (e) => e.getAttribute('aria-label') ?? ''), /^list, refcount 1, generation 0, referenced by a,/);
    await panel.screenshot('simulated-alias-line11-dark');
    await panel.show(viewAt(s, 18));
    const garbage = await panel.page.$$eval('.picture .obj.garbage', (els) => els.map((e) => e.getAttribute('data-type')));
    assert.deepEqual(garbage, ['Node']);
    assert.equal(await panel.page.$eval('.garbage-region', (e) => e.getAttribute('data-count')), '1');
    await panel.screenshot('simulated-del-node-dark');
    const collected = viewAt(s, 19);
    await panel.show(collected);
    assert.equal(await panel.page.$$eval('.picture .obj.freed', (els) => els.length), collected.changes.freed.length);
    assert.equal(await panel.page.$eval('.gc-stepper [data-collected]', (e) => e.getAttribute('data-collected')), '1');
    assert.match(await panel.page.$eval('.output .stdout', (e) => e.textContent ?? ''), /Garbage collector after deleting node: 1\n$/);
    await panel.screenshot('simulated-gc-collect-dark');
  });

  it('seed 002: x, y, z and the dict, with 3.12 refcounts (x 4, y 3, z 1)', async () => {
    const s = session('x = [1, 2, 3]\ny = [x, dict(key1=x)]\nz = [y, (x, y)]\n');
    const view = viewAt(s, 3);
    await panel.show(view);
    const named = (name: string) => view.frames[0].variables.find((v) => v.label === name)!.target;
    for (const [name, refcount] of [
      ['x', '4'],
      ['y', '3'],
      ['z', '1'],
    ] as const) {
      assert.equal(await panel.page.$eval(`.obj[data-id="${named(name)}"]`, (e) => e.getAttribute('data-refcount')), refcount, name);
    }
    const arrows = await panel.page.$$eval('.picture .edge', (els) => els.length);
    assert.ok(arrows >= 12, `${arrows} arrows`);
    await panel.screenshot('simulated-objgraph-dark');
  });

  it('seed 004: node_a and node_b after del — two objects of garbage holding each other', async () => {
    const source = [
      'class Node:',
      '    def __init__(self, name):',
      '        self.name = name',
      '        self.connection = None',
      'node_a = Node("Alpha")',
      'node_b = Node("Beta")',
      'node_a.connection = node_b',
      'node_b.connection = node_a',
      'del node_a',
      'del node_b',
    ].join('\n');
    const s = session(source);
    await panel.show(viewAt(s, 10));
    const garbage = await panel.page.$$eval('.picture .obj.garbage', (els) => els.map((e) => e.getAttribute('data-refcount')));
    assert.deepEqual(garbage, ['1', '1']);
    const cycle = await panel.page.$$eval('.picture .edge.edge-garbage', (els) => els.map((e) => e.getAttribute('data-label')));
    assert.ok(cycle.filter((l) => l?.includes('connection')).length === 2, cycle.join());
    await panel.screenshot('simulated-two-nodes-dark');
  });

  it('Run GC at the cursor: every phase the collection reports is a step', async () => {
    const s = session(readFileSync(`${CONFORMANCE}/cycle_node_self_ref.py`, 'utf8'));
    const run = s.collectAfter(18, undefined, 2, { version: '3.12', fileName: 'seed.py' });
    const view = run?.lastStepView({ uri: 'file:///seed.py', fileName: 'seed.py', line: 18 });
    assert.ok(view && isHeapView(view));
    await panel.show(view);
    const steps = await panel.page.$$eval('.gc-stepper .step', (els) => els.map((e) => e.getAttribute('data-phase')));
    assert.deepEqual(steps, view.collections[0].phases.map((p) => p.name));
    await panel.page.click('.gc-stepper .step[data-phase="moveUnreachable"]');
    assert.ok((await panel.page.$$eval('.obj.unreachable-set', (els) => els.length)) >= 1);
    await panel.screenshot('simulated-run-gc-dark');
  });

  it('a line that changes hundreds of refcounts lists the first 40 changes and shows the rest on request', async () => {
    const s = session(['records = [[i * 1000] for i in range(300)]', 'index = {id(r): r for r in records}', ''].join('\n'));
    const view = viewAt(s, 2);
    // Every record gains the dict's reference: more changes than the list shows at first.
    const changed = view.changes.allocated.length + view.changes.freed.length + view.changes.refcounts.filter((c) => c.delta !== 0 || c.causes.length > 0).length;
    assert.ok(changed > 300, `${changed} changes`);
    await panel.show(view);
    const items = () => panel.page.$$eval('.line-changes .change-list :is(li.allocated, li.freed, li.up, li.down)', (els) => els.length);
    assert.equal(await items(), 40);
    assert.equal(await panel.page.$eval('.show-all-changes', (e) => e.textContent), `Show all ${changed} changes`);
    await panel.page.click('.show-all-changes');
    assert.equal(await items(), changed);
    assert.equal(await panel.page.$$eval('.show-all-changes', (els) => els.length), 0);
  });
});
