// The `heapscope.pythonVersion` setting changes what is simulated: the same example gives
// the results of another CPython. Checked against CPython 3.10.13 and 3.12.1.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { boundTo, closeAllEditors, hoverAt, openExample, selectVersion, viewAtVersion, type ViewState } from './helpers';

describe('The Python version setting', () => {
  afterEach(async () => {
    await selectVersion('3.12');
    await closeAllEditors();
  });

  it('is what heapscope.selectVersion writes', async () => {
    await selectVersion('3.10');
    assert.equal(vscode.workspace.getConfiguration('heapscope').get('pythonVersion'), '3.10');
  });

  it('changes what Run GC collects: 3.10 instances carry a __dict__ each', async () => {
    const editor = await openExample('circular_nodes.py');
    const collected = async (): Promise<number> => {
      const state = await vscode.commands.executeCommand<ViewState>('heapscope.runGc');
      assert.equal(state.kind, 'view');
      return state.view.collections[state.view.collections.length - 1].collected;
    };
    await selectVersion('3.12');
    await viewAtVersion(editor, 20, '3.12');
    // gc.collect() after line 20 (with `import gc` first): CPython 3.12.1 returns 2, 3.10.13 returns 4.
    assert.equal(await collected(), 2);
    await selectVersion('3.10');
    await viewAtVersion(editor, 20, '3.10');
    assert.equal(await collected(), 4);
  });

  it('changes what a gc.collect() probe returns', async () => {
    const editor = await openExample('refcount_alias_and_self_cycle.py');
    await selectVersion('3.10');
    await viewAtVersion(editor, 24, '3.10');
    // refcount_alias_and_self_cycle.py's last line prints 2 under CPython 3.10.13 (1 under 3.12.1).
    const hover = await hoverAt(editor.document, 24, 'collect', 1); // the first is in 'Garbage collector...'
    assert.ok(hover.includes('`gc.collect()` returns **2** here'), hover);
    assert.match(hover, /CPython 3\.10 \(simulated\)/);
  });

  it('makes small ints immortal from 3.12 (PEP 683)', async () => {
    const editor = await openExample('shared_int_object.py'); // x = 24; y = x
    await selectVersion('3.12');
    const immortal = boundTo((await viewAtVersion(editor, 4, '3.12')).view, 'x');
    assert.equal(immortal.gc.kind, 'immortal');
    // CPython 3.12.1: sys.getrefcount(24) is 4294967295 before and after `y = x`.
    assert.equal(immortal.refcount, 4294967295);
    const hover = await hoverAt(editor.document, 4, 'x');
    assert.ok(hover.includes('refcount **4294967295** (the fixed count of an immortal object)'), hover);

    await selectVersion('3.10');
    const before = boundTo((await viewAtVersion(editor, 3, '3.10')).view, 'x');
    const after = boundTo((await viewAtVersion(editor, 4, '3.10')).view, 'x');
    assert.notEqual(after.gc.kind, 'immortal');
    // CPython 3.10.13: sys.getrefcount(x) goes from 10 to 11 across `y = x`. The count itself
    // depends on what the interpreter loaded at start-up; the +1 is the program's own.
    assert.equal(after.refcount - before.refcount, 1);
    assert.match(await hoverAt(editor.document, 4, 'x'), new RegExp(`refcount \\*\\*${after.refcount}\\*\\*, held by:`));
  });
});
