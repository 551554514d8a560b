// Shared by the extension-host tests (bundled into each *.test.js that imports it). Only the
// public `vscode` API and HeapScope's commands: the suite runs unchanged in code-server and
// in a desktop VS Code.
import * as vscode from 'vscode';
import type { CursorState } from '../../../src/extension/documentModel';
import type { HeapView, PythonVersion, ViewObject } from '../../../src/protocol';

/** The extension's id: `publisher.name` from package.json. */
export const EXTENSION_ID = 'heapscope.heapscope';

/** A cursor state that has a view (what `heapscope.openPanel` and `heapscope.runGc` return). */
export type ViewState = Extract<CursorState, { kind: 'view' }>;

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
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
}

/** Untitled documents this test file opened, to be reverted and closed. */
const untitled: vscode.TextDocument[] = [];

let untitledCount = 0;

/**
 * Opens a new untitled document with this text and language in an editor. Each gets a name
 * of its own: VS Code hands out a closed document's "Untitled-N" again at once, and an
 * editor opened on it can still hold the closed document's text for a moment (a cursor set
 * then lands in the old text).
 */
export async function openUntitled(language: 'python' | 'markdown', content: string): Promise<vscode.TextEditor> {
  const name = `heapscope-test-${Date.now().toString(36)}-${++untitledCount}.${language === 'python' ? 'py' : 'md'}`;
  let document = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'untitled', path: name }));
  untitled.push(document);
  if (document.languageId !== language) document = await vscode.languages.setTextDocumentLanguage(document, language);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One });
  if (!(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content)))) throw new Error(`could not fill ${name}`);
  return editor;
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  await waitForValue(async () => ((await condition()) ? true : undefined), what, timeoutMs);
}

/** Polls `probe` until it returns something other than `undefined`, and returns that. */
export async function waitForValue<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The position of the middle of `token` on a 1-based `line` (as the editor numbers lines),
 * its `occurrence`-th appearance there (0 = first). Fails when the line does not hold it, so a
 * changed example breaks the test loudly instead of hovering somewhere else.
 */
export function positionOf(document: vscode.TextDocument, line: number, token: string, occurrence = 0): vscode.Position {
  const text = document.lineAt(line - 1).text;
  let index = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    index = text.indexOf(token, index + 1);
    if (index === -1) throw new Error(`line ${line} of ${document.uri.path} has no ${occurrence + 1}. "${token}": ${JSON.stringify(text)}`);
  }
  return new vscode.Position(line - 1, index + Math.floor(token.length / 2));
}

/**
 * Puts the cursor at the start of a 1-based line, and waits until the workbench has applied
 * it: the selection event comes back from the workbench later than HeapScope's own commands
 * answer, and would otherwise redraw the panel after them.
 */
export async function moveCursor(editor: vscode.TextEditor, line: number, character = 0): Promise<void> {
  const position = new vscode.Position(line - 1, character);
  const selection = new vscode.Selection(position, position);
  if (editor.selection.isEqual(selection)) return;
  const seen: string[] = [];
  const applied = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`the cursor move to ${line}:${character} in ${editor.document.uri.toString()} never came back as a selection event; events seen: ${seen.join('; ') || 'none'}`));
    }, 10_000);
    const listener = vscode.window.onDidChangeTextEditorSelection((e) => {
      seen.push(`${e.textEditor === editor ? 'this editor' : e.textEditor.document.uri.toString()} ${e.selections.map((s) => `${s.active.line + 1}:${s.active.character}`).join(',')} (${e.kind})`);
      if (e.textEditor !== editor || !e.selections[0]?.isEqual(selection)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve();
    });
  });
  editor.selection = selection;
  await applied;
}

/**
 * Moves the cursor to a 1-based line and returns the Heap Inspector's state there, as
 * `heapscope.openPanel` reports it, once the simulation has answered (not `busy`).
 */
export async function stateAt(editor: vscode.TextEditor, line: number, character = 0): Promise<CursorState> {
  await moveCursor(editor, line, character);
  return waitForValue(async () => {
    const state = await vscode.commands.executeCommand<CursorState | undefined>('heapscope.openPanel');
    return state && state.kind !== 'busy' ? state : undefined;
  }, `HeapScope's state at line ${line} of ${editor.document.uri.path}`);
}

/** Like {@link stateAt}, but the state must be a view of that line. */
export async function viewAt(editor: vscode.TextEditor, line: number): Promise<ViewState> {
  const state = await stateAt(editor, line);
  if (state.kind !== 'view') throw new Error(`expected a heap view at line ${line}, got ${JSON.stringify(state.kind === 'failed' || state.kind === 'none' || state.kind === 'empty' ? { kind: state.kind, reason: state.reason } : state.kind)}`);
  if (state.view.source.line !== line) throw new Error(`the view is of line ${state.view.source.line}, not ${line}`);
  return state;
}

/**
 * What HeapScope's hover says at a token on a 1-based line (the Markdown, as VS Code gets it
 * from the hover providers); '' when HeapScope has no hover there. Call after the document
 * has been simulated (stateAt/viewAt), as a hover is answered from the document's last run.
 */
export async function hoverAt(document: vscode.TextDocument, line: number, token: string, occurrence = 0): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, line, token, occurrence));
  const texts = (hovers ?? []).flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value)));
  // Other extensions (a desktop VS Code may have Python's) add hovers of their own.
  return texts.filter((text) => text.includes('HeapScope, after line')).join('\n\n');
}

/**
 * Chooses the simulated CPython version the way the command does (no picker when given),
 * and waits until the extension has read the new setting.
 */
export async function selectVersion(version: PythonVersion): Promise<void> {
  const chosen = await vscode.commands.executeCommand<PythonVersion | undefined>('heapscope.selectVersion', version);
  if (chosen !== version) throw new Error(`heapscope.selectVersion answered ${String(chosen)}, not ${version}`);
  await waitFor(() => vscode.workspace.getConfiguration('heapscope').get('pythonVersion') === version, `heapscope.pythonVersion to be ${version}`);
}

/**
 * {@link viewAt} under a given CPython version: waits until the view is of that version (a
 * settings change reaches the extension as an event of its own).
 */
export async function viewAtVersion(editor: vscode.TextEditor, line: number, version: PythonVersion): Promise<ViewState> {
  return waitForValue(async () => {
    const state = await viewAt(editor, line);
    return state.view.version === version ? state : undefined;
  }, `a CPython ${version} view of line ${line}`);
}

/** The objects of a view with this Python type, in view order. */
export function objectsOfType(view: HeapView, type: string): ViewObject[] {
  return view.objects.filter((object) => object.type === type);
}

/** The object a name in the module's frame is bound to. */
export function boundTo(view: HeapView, name: string): ViewObject {
  const module = view.frames.find((frame) => frame.kind === 'module');
  const target = module?.variables.find((variable) => variable.label === name)?.target;
  const object = view.objects.find((o) => o.id === target);
  if (!object) throw new Error(`no object bound to "${name}" at line ${view.source.line}; names: ${module?.variables.map((v) => v.label).join(', ')}`);
  return object;
}

/** HeapScope's diagnostics on a document (they have `source` HeapScope). */
export function heapScopeDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'HeapScope');
}

/**
 * Closes every editor (and the panel), so each test starts from the same workbench. Untitled
 * documents are reverted first: closing one with text would ask whether to save it.
 */
export async function closeAllEditors(): Promise<void> {
  for (const document of untitled.splice(0)) {
    if (document.isClosed) continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
