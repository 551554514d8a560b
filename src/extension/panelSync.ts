/**
 * Keeps the Heap Inspector in step with the editor: shows the cursor's state (view, empty
 * state, busy), opens the panel by itself when the setting asks for it, and carries out
 * what the user asks in the panel (step executions, go to a line, run the GC).
 */
import * as vscode from 'vscode';
import type { HeapView } from '../protocol';
import type { CursorState, DocumentModel } from './documentModel';
import { HeapPanel, type PanelIntent } from './panel/heapPanel';

export class PanelSync implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The last view sent, whose document "Go to line" refers to. */
  private lastView: HeapView | null = null;
  /** Set when the user closed a panel we opened: no more opening by ourselves this session. */
  private closedByUser = false;
  private hadPanel = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly model: DocumentModel,
    private readonly openAutomatically: () => boolean,
    private readonly log: (message: string) => void,
  ) {
    this.disposables.push(HeapPanel.onDidReceiveIntent((intent) => void this.onIntent(intent)));
  }

  /** Opens the panel (or brings it forward) without taking focus from the editor. */
  open(): HeapPanel {
    this.closedByUser = false;
    this.hadPanel = true;
    return HeapPanel.createOrShow(this.extensionUri, vscode.ViewColumn.Beside);
  }

  /** Shows a cursor state in the panel, if it is open (or should open by itself). */
  showState(state: CursorState): void {
    if (this.hadPanel && HeapPanel.current === undefined) {
      this.closedByUser = true;
      this.hadPanel = false;
    }
    let panel = HeapPanel.current;
    if (!panel && state.kind === 'view' && this.openAutomatically() && !this.closedByUser) panel = this.open();
    if (!panel) return;
    this.hadPanel = true;
    switch (state.kind) {
      case 'view':
        this.showView(state.view);
        break;
      case 'busy':
        panel.setBusy();
        break;
      case 'empty':
      case 'none':
        panel.show(null, state.reason);
        break;
      case 'failed':
        panel.show(null, `HeapScope could not simulate this snippet: ${state.message}`);
        break;
    }
  }

  /** Shows a view (a cursor view, a GC run, a hover's object) and remembers it. */
  showView(view: HeapView): void {
    this.lastView = view;
    HeapPanel.current?.show(view);
    if (view.focus !== undefined) HeapPanel.current?.focusObject(view.focus);
  }

  private async onIntent(intent: PanelIntent): Promise<void> {
    switch (intent.kind) {
      case 'selectExecution': {
        const editor = this.model.editor;
        if (!editor) break;
        const shown = this.lastView?.source;
        const cursorLine = editor.selection.active.line + 1;
        if (shown && (shown.uri !== editor.document.uri.toString() || shown.line !== cursorLine)) {
          // The panel shows another line (a hover's link): step that line's executions.
          const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === shown.uri);
          const state = document ? await this.model.stateAt(document, shown.line - 1, intent.index) : null;
          if (state?.kind === 'view') this.showView(state.view);
          break;
        }
        await this.model.selectExecution(editor, intent.index);
        break;
      }
      case 'revealLine':
        await this.revealLine(intent.line);
        break;
      case 'runGc':
        await vscode.commands.executeCommand(`heapscope.runGcGeneration${intent.generation}`);
        break;
    }
  }

  /** Moves the editor's cursor to a (1-based) line of the document the panel shows. */
  private async revealLine(line: number): Promise<void> {
    const uri = this.lastView?.source.uri;
    let editor = uri ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri) : this.model.editor;
    if (!editor && uri) {
      try {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
      } catch (error) {
        this.log(`could not open ${uri}: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
    if (!editor) return;
    const target = Math.min(Math.max(0, line - 1), editor.document.lineCount - 1);
    const position = new vscode.Position(target, editor.document.lineAt(target).firstNonWhitespaceCharacterIndex);
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
