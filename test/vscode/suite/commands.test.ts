// The other commands, through their returned results: executions of a loop line, picture
// export, inline hints, re-simulation after an edit, a runaway loop.
import { strict as assert } from 'node:assert';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CursorState } from '../../../src/extension/documentModel';
import { boundTo, closeAllEditors, openExample, openUntitled, selectVersion, stateAt, viewAt, waitForValue, type ViewState } from './helpers';

const LOOP = ['items = []', 'for i in range(3):', '    items.append([i])', 'print(len(items))', ''].join('\n');

describe('Commands', () => {
  before(() => selectVersion('3.12'));
  after(closeAllEditors);

  it('steps through the executions of a loop line', async () => {
    const editor = await openUntitled('python', LOOP);
    const last = await viewAt(editor, 3);
    assert.deepEqual(last.view.execution, { index: 3, count: 3 }, 'the last execution by default');
    assert.equal(boundTo(last.view, 'items').length, 3);
    const previous = await vscode.commands.executeCommand<ViewState>('heapscope.previousExecution');
    assert.deepEqual(previous.view.execution, { index: 2, count: 3 });
    assert.equal(boundTo(previous.view, 'items').length, 2);
    const again = await vscode.commands.executeCommand<ViewState>('heapscope.openPanel');
    assert.deepEqual(again.view.execution, { index: 2, count: 3 }, 'the choice is kept for the line');
    await vscode.commands.executeCommand('heapscope.previousExecution');
    const first = await vscode.commands.executeCommand<ViewState>('heapscope.previousExecution');
    assert.deepEqual(first.view.execution, { index: 1, count: 3 }, 'stops at the first');
    const next = await vscode.commands.executeCommand<ViewState>('heapscope.nextExecution');
    assert.deepEqual(next.view.execution, { index: 2, count: 3 });
  });

  it('re-simulates after an edit and shows the new heap', async () => {
    const editor = await openUntitled('python', 'a = []\nb = a\n');
    assert.equal(boundTo((await viewAt(editor, 2)).view, 'a').refcount, 2);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 5), '\nc = a'));
    const edited = await waitForValue(async () => {
      const state = await stateAt(editor, 3);
      return state.kind === 'view' && state.run.documentVersion === editor.document.version ? state : undefined;
    }, 'a run of the edited text');
    assert.equal(edited.view.source.lineText, 'c = a');
    assert.equal(boundTo(edited.view, 'a').refcount, 3);
  });

  it('exports the picture as SVG', async () => {
    const editor = await openExample('two_list_cycle.py');
    await viewAt(editor, 10);
    const target = vscode.Uri.file(join(tmpdir(), `heapscope-export-${process.pid}-${Date.now()}.svg`));
    try {
      const written = await vscode.commands.executeCommand<string>('heapscope.exportPicture', { format: 'svg', uri: target.toString() });
      assert.equal(written, target.toString());
      const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(svg, /<svg[\s>]/);
      assert.match(svg, /list#\d+/, 'the picture names the lists');
    } finally {
      await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
    }
  });

  it('toggles the inline hints setting', async () => {
    const config = () => vscode.workspace.getConfiguration('heapscope');
    const before = config().get<boolean>('inlineHints');
    try {
      const now = await vscode.commands.executeCommand<boolean>('heapscope.toggleInlineHints');
      assert.equal(now, !before);
      assert.equal(config().get('inlineHints'), now);
    } finally {
      await config().update('inlineHints', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('stops a runaway loop at the time limit, says so, and recovers on the next edit', async function () {
    this.timeout(60_000);
    const config = vscode.workspace.getConfiguration('heapscope');
    // A budget so large that the time limit (10 s) stops the loop first.
    await config.update('stepBudget', 100_000_000, vscode.ConfigurationTarget.Global);
    try {
      const editor = await openUntitled('python', 'n = 0\nwhile True:\n    n += 1\n');
      const failed = await waitForValue(async () => {
        const state = await stateAt(editor, 1);
        return state.kind === 'failed' ? state : undefined;
      }, 'the simulation to time out', 40_000);
      assert.equal((failed as Extract<CursorState, { kind: 'failed' }>).reason, 'timeout');
      await editor.edit((edit) => edit.replace(new vscode.Range(1, 6, 1, 10), 'n < 5'));
      const recovered = await waitForValue(async () => {
        const state = await stateAt(editor, 1);
        return state.kind === 'view' ? state : undefined;
      }, 'a view after the fix');
      assert.equal(recovered.view.status.kind, 'complete');
    } finally {
      await config.update('stepBudget', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
