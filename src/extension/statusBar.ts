/**
 * Two status bar items while a Python, Markdown or notebook-cell editor is active: the
 * simulated CPython version (click: choose another) and, at the cursor, the collector's
 * counters against its thresholds — or why there is nothing to show (click: open the panel).
 */
import * as vscode from 'vscode';
import type { PythonVersion } from '../protocol';
import type { CursorState } from './documentModel';
import { describeGcCounts, formatGcCounts } from './gcCounts';
import { versionNotes } from './versionNotes';

export class StatusBar implements vscode.Disposable {
  private readonly version = vscode.window.createStatusBarItem('heapscope.version', vscode.StatusBarAlignment.Right, 101);
  private readonly gc = vscode.window.createStatusBarItem('heapscope.gc', vscode.StatusBarAlignment.Right, 100);
  private readonly notes = new Map(versionNotes().map((n) => [n.version, n]));

  constructor() {
    this.version.name = 'HeapScope: Python version';
    this.version.command = 'heapscope.selectVersion';
    this.gc.name = 'HeapScope: GC counters';
    this.gc.command = 'heapscope.openPanel';
  }

  /** Shows the items for a HeapScope editor's state, or hides them (`undefined`: not a HeapScope editor). */
  update(state: CursorState | undefined, version: PythonVersion): void {
    if (state === undefined) {
      this.version.hide();
      this.gc.hide();
      return;
    }
    const note = this.notes.get(version);
    this.version.text = `$(symbol-namespace) CPython ${version}`;
    this.version.tooltip = new vscode.MarkdownString(`**HeapScope simulates CPython ${version}**\n\n${note?.detail ?? ''}\n\nClick to choose another version.`);
    this.version.show();
    this.gc.backgroundColor = undefined;
    switch (state.kind) {
      case 'view': {
        const { view } = state;
        const execution = view.execution.count > 1 ? ` · run ${view.execution.index}/${view.execution.count}` : '';
        this.gc.text = `$(trash) ${formatGcCounts(view.gc)}${execution}`;
        const tooltip = new vscode.MarkdownString(`**Collector after line ${view.source.line}**\n\n${describeGcCounts(view.gc).map((l) => `- ${l}`).join('\n')}\n\nClick to open the Heap Inspector.`);
        this.gc.tooltip = tooltip;
        break;
      }
      case 'busy':
        this.gc.text = '$(sync~spin) HeapScope: simulating…';
        this.gc.tooltip = 'HeapScope is simulating the snippet; the heap shown is from before the last edit.';
        break;
      case 'empty':
        this.gc.text = `$(circle-slash) HeapScope: line ${state.line + 1}`;
        this.gc.tooltip = state.reason;
        break;
      case 'none':
        this.gc.text = '$(circle-slash) HeapScope';
        this.gc.tooltip = state.reason;
        break;
      case 'failed':
        this.gc.text = `$(warning) HeapScope: ${state.reason === 'timeout' ? 'timed out' : 'failed'}`;
        this.gc.tooltip = state.message;
        this.gc.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
    }
    this.gc.show();
  }

  dispose(): void {
    this.version.dispose();
    this.gc.dispose();
  }
}
