import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, openExample, waitFor } from './helpers';

describe('HeapScope in the VS Code extension host', () => {
  it('is loaded and activates when a Python file is opened', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among the loaded extensions`);
    // Activation must come from the manifest's activation events, so never call activate().
    await openExample('getrefcount_alias.py');
    await waitFor(() => extension.isActive, `${EXTENSION_ID} to activate on a .py file`);
  });

  // The product's extension-host suites go here, one *.test.ts per feature next to this file
  // (hover.test.ts, commands.test.ts, panel.test.ts…): index.ts runs every *.test.js that
  // build.mjs bundles into dist/test/vscode/suite/.
});
