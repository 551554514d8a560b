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

/**
 * The workbench that runs HeapScope's browser entry in the web worker extension host, with
 * test/vscode/web/ as its tests: a code-server of its own (with the smoke-test driver, which
 * makes the workbench honour the extension-tests payload in the URL).
 */
export function webWorkerWorkbenchUrl(): string {
  const url = process.env.HEAPSCOPE_WEB_WORKBENCH_URL;
  if (!url) throw new Error('HEAPSCOPE_WEB_WORKBENCH_URL is not set: run the UI suite with `npm run test:vscode`');
  return url;
}
