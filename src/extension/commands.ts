/**
 * The command palette. Every command returns what it produced — the cursor state (with its
 * view), the version chosen, the file written — so that a test driving VS Code can check it;
 * optional arguments skip the dialogs for the same reason.
 */
import * as vscode from 'vscode';
import { PYTHON_VERSIONS, type PythonVersion } from '../protocol';
import { VERSIONS } from '../versions';
import type { CursorState, DocumentModel } from './documentModel';
import { exportPicture, type ExportOptions } from './exportPicture';
import { OPEN_PANEL_COMMAND, type OpenPanelArgs } from './hoverProvider';
import { HeapPanel } from './panel/heapPanel';
import type { PanelSync } from './panelSync';
import type { Settings } from './settings';
import { generationMeanings, versionNotes } from './versionNotes';

export interface CommandContext {
  readonly model: DocumentModel;
  readonly panel: PanelSync;
  readonly settings: () => Settings;
  readonly log: (message: string) => void;
}

const NO_EDITOR = { kind: 'none', reason: 'Open a Python file, a Markdown file with ```python blocks, or a notebook cell.' } as const satisfies CursorState;

/** Registers every HeapScope command. */
export function registerCommands(context: CommandContext): vscode.Disposable[] {
  const { model, panel } = context;
  const register = (id: string, run: (...args: never[]) => unknown): vscode.Disposable =>
    vscode.commands.registerCommand(id, async (...args: never[]) => {
      try {
        return await run(...args);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        context.log(`${id} failed: ${message}`);
        void vscode.window.showErrorMessage(`HeapScope: ${message}`);
        return undefined;
      }
    });

  const openPanel = async (args?: OpenPanelArgs): Promise<CursorState> => {
    const shown = panel.open();
    if (args?.uri) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
      const state = await model.stateAt(document, args.line, args.execution);
      if (state.kind === 'view') {
        const view = args.focus !== undefined ? { ...state.view, focus: args.focus } : state.view;
        panel.showView(view);
        return { ...state, view };
      }
      shown.show(null, state.kind === 'busy' ? undefined : state.reason);
      return state;
    }
    const editor = model.editor;
    if (!editor) {
      shown.show(null, NO_EDITOR.reason);
      return NO_EDITOR;
    }
    const state = await model.refresh(editor);
    panel.showState(state);
    return state;
  };

  const runGc = async (generation: 0 | 1 | 2): Promise<CursorState> => {
    const editor = model.editor;
    if (!editor) return NO_EDITOR;
    const state = await model.collectAtCursor(editor, generation);
    if (state.kind === 'view') {
      panel.open();
      panel.showView(state.view);
      const collection = state.view.collections[state.view.collections.length - 1];
      const meaning = generationMeanings(VERSIONS[state.view.version])[generation];
      if (collection) vscode.window.setStatusBarMessage(`HeapScope: gc.collect(${generation}) (${meaning}) after line ${state.view.source.line} returns ${collection.collected}`, 5000);
    } else if (state.kind === 'failed') {
      void vscode.window.showWarningMessage(`HeapScope: could not run the GC here: ${state.message}`);
    } else if (state.kind === 'empty' || state.kind === 'none') {
      vscode.window.setStatusBarMessage(`HeapScope: ${state.reason}`, 5000);
    }
    return state;
  };

  const stepExecution = async (delta: number): Promise<CursorState> => {
    const editor = model.editor;
    if (!editor) return NO_EDITOR;
    const state = await model.stepExecution(editor, delta);
    if (state.kind === 'view') {
      const { index, count } = state.view.execution;
      const edge = count <= 1 ? 'the line ran once' : (delta > 0 && index === count) ? 'the last' : (delta < 0 && index === 1) ? 'the first' : '';
      vscode.window.setStatusBarMessage(`HeapScope: line ${state.view.source.line}, execution ${index} of ${count}${edge ? ` (${edge})` : ''}`, 3000);
    } else if (state.kind === 'empty' || state.kind === 'none') {
      vscode.window.setStatusBarMessage(`HeapScope: ${state.reason}`, 3000);
    }
    return state;
  };

  const selectVersion = async (version?: string): Promise<PythonVersion | undefined> => {
    const current = context.settings().pythonVersion;
    let chosen = (PYTHON_VERSIONS as readonly string[]).includes(version ?? '') ? (version as PythonVersion) : undefined;
    if (!chosen) {
      const items = versionNotes().map((note) => ({
        label: `CPython ${note.version}`,
        description: `${note.version === current ? '(current) ' : ''}${note.description}`,
        detail: `${note.detail} · gc.collect(0/1/2): ${note.generations.join(' / ')}`,
        version: note.version,
        picked: note.version === current,
      }));
      const picked = await vscode.window.showQuickPick(items, { title: 'HeapScope: CPython version to simulate', placeHolder: `Now simulating ${current}`, matchOnDescription: true, matchOnDetail: true });
      chosen = picked?.version;
    }
    if (!chosen) return undefined;
    await updateSetting('pythonVersion', chosen);
    return chosen;
  };

  const exportHeapPicture = async (options?: ExportOptions): Promise<string | undefined> => {
    const editor = model.editor;
    const shown = panel.open();
    const state = editor ? await model.refresh(editor) : NO_EDITOR;
    panel.showState(state);
    if (state.kind !== 'view') throw new Error(state.kind === 'empty' || state.kind === 'none' ? state.reason : 'there is no heap picture to export yet');
    const written = await exportPicture(shown, { fileName: state.view.source.fileName, line: state.view.source.line, documentUri: editor?.document.uri }, options);
    if (written) void vscode.window.showInformationMessage(`HeapScope: heap picture saved to ${vscode.Uri.parse(written).fsPath || written}`);
    return written;
  };

  const toggleInlineHints = async (): Promise<boolean> => {
    const enabled = !context.settings().inlineHints;
    await updateSetting('inlineHints', enabled);
    return enabled;
  };

  const simulateSelection = async (): Promise<CursorState> => {
    const editor = model.editor;
    if (!editor) return NO_EDITOR;
    const state = await model.pinSelection(editor);
    if (HeapPanel.current === undefined && state.kind === 'view') panel.open();
    panel.showState(state);
    return state;
  };

  return [
    register(OPEN_PANEL_COMMAND, openPanel),
    register('heapscope.runGc', () => runGc(2)),
    register('heapscope.runGcGeneration0', () => runGc(0)),
    register('heapscope.runGcGeneration1', () => runGc(1)),
    register('heapscope.runGcGeneration2', () => runGc(2)),
    register('heapscope.nextExecution', () => stepExecution(1)),
    register('heapscope.previousExecution', () => stepExecution(-1)),
    register('heapscope.selectVersion', selectVersion),
    register('heapscope.exportPicture', exportHeapPicture),
    register('heapscope.toggleInlineHints', toggleInlineHints),
    register('heapscope.simulateSelection', simulateSelection),
  ];
}

/** Writes a setting where it is already set (workspace or folder), else for the user. */
async function updateSetting(key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration('heapscope');
  const inspected = config.inspect(key);
  const target =
    inspected?.workspaceFolderValue !== undefined
      ? vscode.ConfigurationTarget.WorkspaceFolder
      : inspected?.workspaceValue !== undefined
        ? vscode.ConfigurationTarget.Workspace
        : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}
