// HeapScope's browser entry (package.json `browser`, dist/web/extension.js) in VS Code's web
// worker extension host. scripts/vscode/test.mjs loads the packaged extension with a manifest
// that has no `main`, so the workbench can only run it there, and this module as the tests
// (`extensionTestsPath`). A web worker has no `require` and no Node: this is one esbuild
// bundle without mocha; each check throws with its name, and `run()` rejects on the first.
// The UI suite (test/vscode/ui/webWorker.test.ts) reads the outcome, looks at the panel this
// leaves open and then closes it, which ends the run.
import * as vscode from 'vscode';
import type { CursorState } from '../../../src/extension/documentModel';

type ViewState = Extract<CursorState, { kind: 'view' }>;

const EXTENSION_ID = 'heapscope.heapscope';

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function waitForValue<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function open(name: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  check(folder, 'no workspace folder');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
}

/** Moves the cursor and waits until the workbench has applied it (see test/vscode/suite/helpers.ts). */
async function moveCursor(editor: vscode.TextEditor, line: number): Promise<void> {
  const selection = new vscode.Selection(line - 1, 0, line - 1, 0);
  if (editor.selection.isEqual(selection)) return;
  const applied = new Promise<void>((resolve) => {
    const listener = vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor !== editor || !e.selections[0]?.isEqual(selection)) return;
      listener.dispose();
      resolve();
    });
  });
  editor.selection = selection;
  await applied;
}

async function viewAt(editor: vscode.TextEditor, line: number): Promise<ViewState> {
  await moveCursor(editor, line);
  const state = await waitForValue(async () => {
    const s = await vscode.commands.executeCommand<CursorState | undefined>('heapscope.openPanel');
    return s && s.kind !== 'busy' ? s : undefined;
  }, `a view of line ${line}`);
  check(state.kind === 'view' && state.view.source.line === line, `expected a view of line ${line}, got ${JSON.stringify(state).slice(0, 300)}`);
  return state;
}

async function hover(document: vscode.TextDocument, line: number, token: string, occurrence = 0): Promise<string> {
  const text = document.lineAt(line - 1).text;
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(token, index + 1);
  check(index >= 0, `"${token}" is not on line ${line}`);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(line - 1, index + 1));
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** The checks, in order; the last one leaves the Heap Inspector showing a collection. */
const CHECKS: readonly (readonly [string, () => Promise<void>])[] = [
  [
    'runs in a web worker, without Node',
    async () => {
      const scope = globalThis as { WorkerGlobalScope?: unknown; document?: unknown; process?: { versions?: { node?: string } } };
      check(typeof scope.WorkerGlobalScope === 'function' && globalThis instanceof (scope.WorkerGlobalScope as typeof Object), 'not in a worker (no WorkerGlobalScope)');
      check(scope.document === undefined, 'a DOM is present: not a worker');
      check(!scope.process?.versions?.node, 'Node.js is present: this is not the web worker host');
      check(vscode.env.uiKind === vscode.UIKind.Web, 'not the web UI');
    },
  ],
  [
    'activates from the browser entry on a Python file',
    async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      check(extension, `${EXTENSION_ID} is not loaded`);
      check(!extension.packageJSON.main && extension.packageJSON.browser === './dist/web/extension.js', 'the manifest under test should have only the browser entry');
      await open('getrefcount_alias.py');
      await waitForValue(async () => (extension.isActive ? true : undefined), 'activation');
    },
  ],
  [
    'simulates in its web worker: refcounts and a getrefcount probe as CPython 3.12.1 prints them',
    async () => {
      const editor = await open('getrefcount_alias.py');
      const { view } = await viewAt(editor, 7);
      const list = view.objects.find((o) => o.type === 'list');
      // b = a: CPython 3.12.1 prints 3 for getrefcount(b) on the next line (2 + the argument).
      check(list?.refcount === 2, `list refcount ${list?.refcount}`);
      check(view.stdout === '2\n', `stdout ${JSON.stringify(view.stdout)}`);
      const probe = await hover(editor.document, 8, 'getrefcount');
      check(probe.includes('returns **3** here'), `hover: ${probe}`);
    },
  ],
  [
    'runs the GC at the cursor: the Node cycle, 2 collected',
    async () => {
      const editor = await open('circular_nodes.py');
      await viewAt(editor, 20);
      const state = await vscode.commands.executeCommand<ViewState>('heapscope.runGc');
      check(state?.kind === 'view', `runGc answered ${JSON.stringify(state).slice(0, 200)}`);
      const collection = state.view.collections[state.view.collections.length - 1];
      // CPython 3.12.1: gc.collect() after line 20 returns 2.
      check(collection?.collected === 2, `collected ${collection?.collected}`);
    },
  ],
];

/** Whether the Heap Inspector's tab is open in some editor group. */
function inspectorOpen(): boolean {
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === 'Heap Inspector'));
}

/**
 * Keeps the web worker host running while the UI test looks at what the checks left on
 * screen: the workbench stops the extension host as soon as `run()` settles. The UI test
 * says it is done the way a person would, by closing the Heap Inspector.
 */
async function untilInspectorClosed(timeoutMs: number): Promise<void> {
  if (!inspectorOpen()) throw new Error('the checks left no Heap Inspector open');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`nobody closed the Heap Inspector within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const listener = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (inspectorOpen()) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
}

/**
 * Runs the checks; rejects on the first failure (the runner then exits with 1). Once they
 * pass, it waits for the Heap Inspector to be closed before it resolves.
 */
export async function run(): Promise<void> {
  let passed = 0;
  for (const [name, body] of CHECKS) {
    try {
      await body();
    } catch (error) {
      console.error(`  ✗ ${name}: ${error instanceof Error ? error.message : String(error)}`);
      throw new Error(`web worker host: "${name}" failed after ${passed} passing`);
    }
    passed++;
    console.log(`  ✓ ${name}`);
  }
  console.log(`web worker host: ${passed} passing`);
  await untilInspectorClosed(120_000);
}
