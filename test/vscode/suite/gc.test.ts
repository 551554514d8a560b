// "HeapScope: Run GC" at the cursor: gc.collect(generation) simulated right after the cursor's
// line, returned (and shown) with its phases. The numbers are what CPython 3.12.1 returns
// for gc.collect(...) inserted after that line of the example, with `import gc` added as the
// example's first line (an `import gc` next to the call would run importlib's Python code,
// whose allocations can trigger an automatic collection first).
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, moveCursor, objectsOfType, openExample, selectVersion, viewAt, type ViewState } from './helpers';

async function runGc(command: 'heapscope.runGc' | 'heapscope.runGcGeneration0' = 'heapscope.runGc'): Promise<ViewState> {
  const state = await vscode.commands.executeCommand<ViewState | undefined>(command);
  assert.ok(state, `${command} returned nothing`);
  assert.equal(state.kind, 'view', `${command} did not answer with a view: ${JSON.stringify(state)}`);
  return state;
}

describe('Run GC at the cursor', () => {
  before(() => selectVersion('3.12'));
  after(closeAllEditors);

  it('collects the two-node cycle once both names are deleted, phase by phase', async () => {
    const editor = await openExample('circular_nodes.py');
    const before = await viewAt(editor, 20);
    const nodes = objectsOfType(before.view, 'Node');
    assert.equal(nodes.length, 2);
    assert.ok(nodes.every((node) => node.garbage && node.refcount === 1), 'both nodes are cycle garbage, each held once by the other');
    assert.equal(before.view.collections.length, 0, 'the example itself never collects');

    const { view } = await runGc();
    assert.equal(view.source.line, 20, 'collected right after the cursor line');
    const collection = view.collections[view.collections.length - 1];
    assert.ok(collection);
    assert.equal(collection.generation, 2);
    assert.equal(collection.reason, 'manual');
    // CPython 3.12.1: gc.collect() after line 20 returns 2 (the nodes; their attributes live
    // inline, without a __dict__ each, from 3.11 on).
    assert.equal(collection.collected, 2);
    const phases = collection.phases.map((phase) => phase.name);
    // (No finalizeGarbage phase: the nodes have no __del__.)
    for (const name of ['updateRefs', 'subtractRefs', 'moveUnreachable', 'deleteGarbage'] as const) {
      assert.ok(phases.includes(name), `no ${name} phase in ${phases.join(', ')}`);
    }
    assert.ok(phases.indexOf('subtractRefs') < phases.indexOf('moveUnreachable') && phases.indexOf('moveUnreachable') < phases.indexOf('deleteGarbage'), phases.join(', '));
    const nodeIds = new Set(nodes.map((node) => node.id));
    const unreachable = collection.phases.find((phase) => phase.name === 'moveUnreachable')?.objects?.map((o) => o.id) ?? [];
    assert.deepEqual(new Set(unreachable.filter((id) => nodeIds.has(id))), nodeIds, 'both nodes found unreachable');
    // subtract_refs leaves each node's gc_refs at 0: its only reference comes from the cycle.
    const subtracted = collection.phases.find((phase) => phase.name === 'subtractRefs')?.gcRefs ?? [];
    for (const id of nodeIds) assert.equal(subtracted.find((entry) => entry.id === id)?.gcRefs, 0);
    assert.ok(collection.phases.every((phase) => phase.explanation.length > 0), 'every phase is explained');
  });

  it('finds nothing to collect while the names still hold the nodes', async () => {
    const editor = await openExample('circular_nodes.py');
    await viewAt(editor, 15);
    const { view } = await runGc();
    // CPython 3.12.1: gc.collect() after line 15 returns 0.
    assert.equal(view.collections[view.collections.length - 1].collected, 0);
    assert.ok(objectsOfType(view, 'Node').every((node) => !node.garbage));
  });

  it('collects generation 0 only with "Run GC: Generation 0"', async () => {
    const editor = await openExample('two_list_cycle.py');
    await viewAt(editor, 10);
    const { view } = await runGc('heapscope.runGcGeneration0');
    const collection = view.collections[view.collections.length - 1];
    assert.equal(collection.generation, 0);
    // CPython 3.12.1: gc.collect(0) after line 10 returns 2 (the two young lists).
    assert.equal(collection.collected, 2);
  });

  it('is a no-op with a clear answer when the cursor line never ran', async () => {
    const editor = await openExample('circular_nodes.py');
    await viewAt(editor, 11);
    await moveCursor(editor, 18); // a comment line
    const state = await vscode.commands.executeCommand<{ kind: string }>('heapscope.runGc');
    assert.equal(state?.kind, 'empty');
  });
});
