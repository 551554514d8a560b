/**
 * Tells the user once — not on every keystroke — when simulations time out or the worker
 * crashes; every occurrence still goes to the HeapScope output channel.
 */
import * as vscode from 'vscode';

export type NoticeKind = 'timeout' | 'crash' | 'unavailable' | 'error';

const TEXT: Record<NoticeKind, string> = {
  timeout: 'HeapScope: simulation timed out. The snippet may loop for very long; lower "heapscope.stepBudget" or simplify it. Editing it simulates again.',
  crash: 'HeapScope: the simulation worker crashed and was restarted.',
  unavailable: 'HeapScope: the simulation worker could not be started.',
  error: 'HeapScope: the simulation failed (an internal error).',
};

export class Notices {
  private readonly reported = new Set<NoticeKind>();

  constructor(
    private readonly log: (message: string) => void,
    private readonly showLog: () => void,
  ) {}

  /** Logs the failure, and shows a notification the first time this kind happens. */
  report(kind: NoticeKind, detail: string): void {
    this.log(`${kind}: ${detail}`);
    if (this.reported.has(kind)) return;
    this.reported.add(kind);
    void vscode.window.showWarningMessage(TEXT[kind], 'Show Log').then((choice) => {
      if (choice === 'Show Log') this.showLog();
    });
  }
}
