// What is simulated: a whole Python file, the `# %%` cell around the cursor, or the fenced
// ```python block around the cursor in Markdown; views and hovers speak document lines.
// Refcounts checked with CPython 3.12.1: sys.getrefcount(name) after the line, minus one.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { boundTo, closeAllEditors, hoverAt, openExample, openUntitled, selectVersion, stateAt, viewAt } from './helpers';

const CELLS = [
  '# %%', //                 1
  'a = [1, 2, 3]', //        2
  'b = a', //                3
  '# %%', //                 4
  'c = []', //               5
  'd = [c, c]', //           6
].join('\n');

const MARKDOWN = [
  '# Aliasing', //           1
  '', //                     2
  'Two names, one list:', // 3
  '', //                     4
  '```python', //            5
  'a = [1, 2, 3]', //        6
  'b = a', //                7
  '```', //                  8
  '', //                     9
  'A dict that holds itself:', // 10
  '', //                     11
  '```python', //            12
  'x = {}', //               13
  'x["self"] = x', //        14
  '```', //                  15
].join('\n');

function moduleNames(view: { frames: readonly { kind: string; variables: readonly { label: string }[] }[] }): string[] {
  return view.frames.find((frame) => frame.kind === 'module')?.variables.map((variable) => variable.label) ?? [];
}

describe('Snippet modes', () => {
  before(() => selectVersion('3.12'));
  afterEach(async () => {
    await vscode.workspace.getConfiguration('heapscope').update('snippetMode', undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('simulates a whole Python file', async () => {
    const editor = await openExample('getrefcount_alias.py');
    const state = await viewAt(editor, 8);
    assert.equal(state.run.snippet.kind, 'file');
    assert.equal(state.view.source.lineText, 'print(getrefcount(b))');
    // getrefcount_alias.py prints "2" then "3" under CPython 3.12.1.
    assert.equal(state.view.stdout, '2\n3\n');
    assert.equal(boundTo(state.view, 'a').refcount, 2);
  });

  it('simulates the # %% cell around the cursor, alone', async () => {
    const editor = await openUntitled('python', CELLS);
    const first = await viewAt(editor, 3);
    assert.equal(first.run.snippet.kind, 'cell');
    assert.deepEqual(moduleNames(first.view), ['a', 'b']);
    assert.equal(boundTo(first.view, 'a').refcount, 2); // getrefcount(a) after `b = a`: 3
    assert.match(await hoverAt(editor.document, 3, 'a'), /refcount \*\*2\*\*/);

    const second = await viewAt(editor, 6);
    assert.equal(second.run.snippet.kind, 'cell');
    assert.deepEqual(moduleNames(second.view), ['c', 'd'], 'the first cell is not part of the second');
    assert.equal(boundTo(second.view, 'c').refcount, 3); // getrefcount(c) after `d = [c, c]`: 4
    assert.match(await hoverAt(editor.document, 6, 'c'), /refcount \*\*3\*\*/);
  });

  it('simulates the whole file when heapscope.snippetMode is "file"', async () => {
    await vscode.workspace.getConfiguration('heapscope').update('snippetMode', 'file', vscode.ConfigurationTarget.Global);
    const editor = await openUntitled('python', CELLS);
    const state = await viewAt(editor, 6);
    assert.equal(state.run.snippet.kind, 'file');
    assert.deepEqual(moduleNames(state.view), ['a', 'b', 'c', 'd']);
  });

  it('simulates the ```python block around the cursor in Markdown, on document lines', async () => {
    const editor = await openUntitled('markdown', MARKDOWN);
    const aliases = await viewAt(editor, 7);
    assert.equal(aliases.run.snippet.kind, 'markdown');
    assert.equal(aliases.view.source.lineText, 'b = a');
    assert.equal(boundTo(aliases.view, 'a').refcount, 2); // getrefcount(a) after `b = a`: 3
    const hover = await hoverAt(editor.document, 7, 'a');
    assert.match(hover, /refcount \*\*2\*\*/);
    assert.match(hover, /HeapScope, after line 7\b/, 'the hover names the document line');

    const cycle = await viewAt(editor, 14);
    assert.deepEqual(moduleNames(cycle.view), ['x'], 'only the block around the cursor');
    const x = boundTo(cycle.view, 'x');
    assert.equal(x.type, 'dict');
    assert.equal(x.refcount, 2); // getrefcount(x) after `x["self"] = x`: 3
    assert.equal(x.garbage, false);

    const prose = await stateAt(editor, 3);
    assert.equal(prose.kind, 'none', 'prose outside the blocks is not simulated');
  });
});
