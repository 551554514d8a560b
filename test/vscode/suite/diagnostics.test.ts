// Problems: how a run ended, as a diagnostic at its line, while the heap up to there stays
// inspectable.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { closeAllEditors, heapScopeDiagnostics, openExample, openUntitled, selectVersion, stateAt, viewAt, waitForValue } from './helpers';

async function diagnosticsOf(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitForValue(() => {
    const found = heapScopeDiagnostics(uri);
    return found.length > 0 ? found : undefined;
  }, `HeapScope diagnostics on ${uri.toString()}`);
}

describe('Diagnostics', () => {
  before(() => selectVersion('3.12'));
  after(closeAllEditors);

  it('reports a syntax error where CPython does', async () => {
    const editor = await openUntitled('python', ['a = [1, 2]', 'b = a', 'if b', '    print(b)', ''].join('\n'));
    const state = await stateAt(editor, 2);
    assert.notEqual(state.kind, 'view', 'nothing runs when the file does not compile');
    const [problem, ...more] = await diagnosticsOf(editor.document.uri);
    assert.equal(more.length, 0);
    // CPython 3.12.1: `File "...", line 3 / if b / ^ / SyntaxError: expected ':'`, the caret
    // just after `b` (column 5, 1-based).
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(problem.code, 'syntax');
    assert.equal(problem.range.start.line, 2);
    assert.equal(problem.range.start.character, 4);
    assert.match(problem.message, /expected ':'/);
  });

  it('reports a construct HeapScope does not simulate at its line, and shows the heap before it', async () => {
    const editor = await openUntitled('python', ['import sys', 'a = []', 'import numpy', 'b = a', ''].join('\n'));
    const [problem, ...more] = await diagnosticsOf(editor.document.uri);
    assert.equal(more.length, 0);
    assert.equal(problem.code, 'unsupported');
    assert.equal(problem.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(problem.range.start.line, 2);
    assert.match(problem.message, /numpy/);
    const { view } = await viewAt(editor, 2);
    assert.deepEqual(view.status, { kind: 'stopped', reason: 'unsupported', line: 3, message: view.status.kind === 'stopped' ? view.status.message : '' });
    assert.ok(view.objects.some((object) => object.type === 'list'), 'the list from line 2 is there');
  });

  it('reports an uncaught exception at the line that raised it', async () => {
    const editor = await openUntitled('python', ['a = []', 'b = 1 / 0', 'c = a', ''].join('\n'));
    const [problem] = await diagnosticsOf(editor.document.uri);
    assert.equal(problem.code, 'exception');
    assert.equal(problem.range.start.line, 1);
    assert.match(problem.message, /ZeroDivisionError: division by zero/);
  });

  it('clears them when the document is fixed', async () => {
    const editor = await openUntitled('python', ['a = []', 'if a', '    pass', ''].join('\n'));
    await diagnosticsOf(editor.document.uri);
    await editor.edit((edit) => edit.insert(new vscode.Position(1, 4), ':'));
    await waitForValue(() => (heapScopeDiagnostics(editor.document.uri).length === 0 ? true : undefined), 'the syntax error to go away');
    assert.equal((await viewAt(editor, 1)).view.status.kind, 'complete');
  });

  it('has none for the seed examples', async () => {
    const editor = await openExample('cycle_pitfalls.py');
    await viewAt(editor, 22);
    assert.deepEqual(heapScopeDiagnostics(editor.document.uri), []);
  });
});
