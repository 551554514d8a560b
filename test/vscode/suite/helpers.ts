// Shared by the extension-host tests (bundled into each *.test.js that imports it).
import * as vscode from 'vscode';

/** The extension's id: `publisher.name` from package.json. */
export const EXTENSION_ID = 'heapscope.heapscope';

/**
 * The workspace the suite runs in: the repository's `examples/` folder, opened by
 * scripts/vscode/test.mjs.
 */
export function examplesFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open: run the suite with `npm run test:vscode`');
  return folder.uri;
}

/** Opens `examples/<name>` in an editor and returns the editor. */
export async function openExample(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(examplesFolder(), name));
  return vscode.window.showTextDocument(document);
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
