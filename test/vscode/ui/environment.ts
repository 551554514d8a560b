// What scripts/vscode/test.mjs tells the UI tests: the workbench to open (code-server with the
// packaged .vsix installed, on the examples workspace) and where the examples are.

/** The workbench URL (`http://127.0.0.1:PORT/?folder=…/examples`). */
export function workbenchUrl(): string {
  const url = process.env.HEAPSCOPE_VSCODE_URL;
  if (!url) throw new Error('HEAPSCOPE_VSCODE_URL is not set: run the UI suite with `npm run test:vscode`');
  return url;
}

/** Absolute path of the examples workspace folder. */
export function examplesDir(): string {
  const dir = process.env.HEAPSCOPE_EXAMPLES;
  if (!dir) throw new Error('HEAPSCOPE_EXAMPLES is not set: run the UI suite with `npm run test:vscode`');
  return dir;
}
