import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeAllEditors, openExample, viewAt, waitFor } from './helpers';

describe('HeapScope in the VS Code extension host', () => {
  after(closeAllEditors);

  it('activates when a Python file is opened, and simulates it', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the loaded extensions`);
    // Activation must come from the manifest's activation events, so never call activate().
    // This file runs first (index.ts sorts them) and nothing is open yet.
    assert.equal(extension.isActive, false, 'HeapScope was active before any Python file was opened');
    const editor = await openExample('getrefcount_alias.py');
    await waitFor(() => extension.isActive, `${EXTENSION_ID} to activate on a .py file`);
    const { view } = await viewAt(editor, 5);
    assert.equal(view.source.fileName, 'getrefcount_alias.py');
    assert.equal(view.source.lineText, 'a = [1, 2, 3]');
  });

  it('registers every command package.json contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const contributed: string[] = extension.packageJSON.contributes.commands.map((c: { command: string }) => c.command);
    assert.ok(contributed.length >= 10, `package.json contributes ${contributed.length} commands`);
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((command) => !registered.has(command));
    assert.deepEqual(missing, [], 'contributed but not registered');
    // And the other way round: every heapscope.* command is in the palette's list.
    const unlisted = [...registered].filter((command) => command.startsWith('heapscope.') && !contributed.includes(command));
    assert.deepEqual(unlisted, [], 'registered but not contributed');
  });
});
