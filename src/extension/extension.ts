/**
 * HeapScope's entry point (desktop, code-server and the browser). `activate` only creates
 * the parts and wires their events together; each part lives in its own file:
 * documentModel (runs and cursor state), simulationClient + worker/ (simulation off the
 * host's thread), panelSync (the Heap Inspector), hoverProvider, inlineHints, statusBar,
 * diagnostics (Problems), commands.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { Problems } from './diagnostics';
import { DocumentModel, isHeapScopeDocument } from './documentModel';
import { registerHoverProvider } from './hoverProvider';
import { InlineHints } from './inlineHints';
import { Notices } from './notices';
import { HeapPanel } from './panel/heapPanel';
import { PanelSync } from './panelSync';
import { readSettings, type Settings } from './settings';
import { SimulationClient } from './simulationClient';
import { StatusBar } from './statusBar';
import { simulationWorkerFactory } from './worker/workerFactory';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('HeapScope', { log: true });
  const log = (message: string): void => output.info(message);
  HeapPanel.setLogger((level, message) => (level === 'error' ? output.error(`panel: ${message}`) : output.info(`panel: ${message}`)));

  let settings = readSettings(vscode.workspace.getConfiguration('heapscope'));
  const client = new SimulationClient(simulationWorkerFactory(context.extensionUri), { log });
  const notices = new Notices(log, () => output.show(true));
  const problems = new Problems();
  const statusBar = new StatusBar();
  let hints: InlineHints | undefined;
  let panel: PanelSync | undefined;

  const model = new DocumentModel(
    client,
    () => settings,
    {
      onCursorState: (editor, state) => {
        statusBar.update(state, settings.pythonVersion);
        panel?.showState(state);
        if ((state.kind === 'view' || state.kind === 'empty') && settings.inlineHints) hints?.show(editor, state.run);
      },
      onRun: (_document, run) => problems.publish(run),
      onForget: (uri) => problems.clear(uri),
      onFailure: (_document, failure) => notices.report(failure.reason, failure.message),
    },
    log,
  );
  hints = new InlineHints(model, settings.inlineHints);
  panel = new PanelSync(context.extensionUri, model, () => settings.openPanelAutomatically, log);

  context.subscriptions.push(
    output,
    { dispose: () => client.dispose() },
    client.onDidRestart((reason, message) => {
      if (reason === 'crash') notices.report('crash', message);
    }),
    problems,
    statusBar,
    model,
    hints,
    panel,
    registerHoverProvider(model),
    HeapPanel.registerSerializer(context.extensionUri),
    ...registerCommands({ model, panel, settings: () => settings, log }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('heapscope')) return;
      const before = settings;
      settings = readSettings(vscode.workspace.getConfiguration('heapscope'));
      log(`settings: ${JSON.stringify(settings)}`);
      if (before.inlineHints !== settings.inlineHints) hints?.setEnabled(settings.inlineHints);
      if (rerunNeeded(before, settings)) model.settingsChanged();
    }),
    // The status bar and the keybindings belong to Python, Markdown and notebook-cell editors.
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (!editor) return;
      const ours = isHeapScopeDocument(editor.document);
      void vscode.commands.executeCommand('setContext', 'heapscope.active', ours);
      if (!ours) statusBar.update(undefined, settings.pythonVersion);
    }),
  );
  log(`HeapScope activated (${process.env.HEAPSCOPE_WEB ? 'web worker' : 'worker_threads'} simulation, ${vscode.env.appName}, Python ${settings.pythonVersion})`);
  void vscode.commands.executeCommand('setContext', 'heapscope.active', !!vscode.window.activeTextEditor && isHeapScopeDocument(vscode.window.activeTextEditor.document));
  model.followActiveEditor();
}

/** Settings that change what is simulated (or which snippet) call for new runs. */
function rerunNeeded(before: Settings, after: Settings): boolean {
  return before.pythonVersion !== after.pythonVersion || before.stepBudget !== after.stepBudget || before.snippetMode !== after.snippetMode;
}

export function deactivate(): void {
  // Everything is in context.subscriptions (the worker is stopped by the client's dispose).
}
