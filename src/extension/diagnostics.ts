/**
 * Problems: how a run ended — a syntax error, a construct HeapScope does not simulate, an
 * uncaught exception, the step budget — as a diagnostic at its line, mapped from the
 * snippet back to the document (or, in a notebook, to the cell it came from). The trace up
 * to that point stays inspectable, and the message says so.
 */
import * as vscode from 'vscode';
import type { RunInfo } from './documentModel';
import { toDocumentLine } from './snippets';
import type { RunOutcome } from './worker/protocol';

const SEVERITY: Record<RunOutcome['kind'], vscode.DiagnosticSeverity | null> = {
  complete: null,
  probe: null,
  syntax: vscode.DiagnosticSeverity.Error,
  exception: vscode.DiagnosticSeverity.Warning,
  internal: vscode.DiagnosticSeverity.Warning,
  unsupported: vscode.DiagnosticSeverity.Information,
  budget: vscode.DiagnosticSeverity.Information,
  limit: vscode.DiagnosticSeverity.Information,
};

function messageOf(outcome: RunOutcome): string {
  switch (outcome.kind) {
    case 'syntax':
      return `${outcome.message} (nothing was simulated)`;
    case 'exception':
      return `Uncaught ${outcome.message} — the simulated run stopped here; the heap up to this line is still shown.`;
    case 'unsupported':
      return `HeapScope does not simulate this: ${outcome.message} — the heap up to here is still shown.`;
    case 'budget':
    case 'limit':
      return `The simulation stopped here: ${outcome.message} (see heapscope.stepBudget) — the heap up to here is still shown.`;
    default:
      return outcome.message;
  }
}

export class Problems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('heapscope');
  /** Per document: the URIs its last run published to (a notebook run may point at another cell). */
  private readonly published = new Map<string, string[]>();

  /** Replaces the document's problems with those of its new run. */
  publish(run: RunInfo): void {
    this.clear(run.documentUri);
    const outcome = run.summary.outcome;
    const severity = SEVERITY[outcome.kind];
    if (severity === null || outcome.line <= 0) return;
    const start = toDocumentLine(run.snippet, outcome.line);
    if (!start) return;
    const end = outcome.endLine !== undefined ? toDocumentLine(run.snippet, outcome.endLine) : null;
    const range =
      outcome.column !== undefined
        ? new vscode.Range(
            start.line,
            outcome.column + start.indent,
            end && end.source === start.source ? end.line : start.line,
            end && end.source === start.source && outcome.endColumn !== undefined ? outcome.endColumn + end.indent : outcome.column + start.indent + 1,
          )
        : new vscode.Range(start.line, 0, start.line, Number.MAX_SAFE_INTEGER);
    const diagnostic = new vscode.Diagnostic(range, messageOf(outcome), severity);
    diagnostic.source = 'HeapScope';
    diagnostic.code = outcome.kind;
    const uri = vscode.Uri.parse(start.source);
    this.collection.set(uri, [diagnostic]);
    this.published.set(run.documentUri, [start.source]);
  }

  /** Removes the problems a document's run published. */
  clear(documentUri: string): void {
    for (const uri of this.published.get(documentUri) ?? []) this.collection.delete(vscode.Uri.parse(uri));
    this.published.delete(documentUri);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
