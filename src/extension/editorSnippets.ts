/**
 * Snippets from VS Code's documents: hands a text editor, its notebook (when the document is
 * a notebook cell) and its selection to the pure extractors in snippets.ts.
 */
import * as vscode from 'vscode';
import { extractNotebookSnippet, extractSnippet, type SelectionInput, type SnippetMode, type SnippetResult } from './snippets';

/** A line range pinned by "Simulate Selection" (0-based, inclusive). */
export interface PinnedRange {
  readonly start: number;
  readonly end: number;
}

/** The notebook a cell document belongs to, with the cell's index. */
export function notebookCellOf(document: vscode.TextDocument): { notebook: vscode.NotebookDocument; index: number } | null {
  if (document.uri.scheme !== 'vscode-notebook-cell') return null;
  for (const notebook of vscode.workspace.notebookDocuments) {
    const index = notebook.getCells().findIndex((cell) => cell.document === document);
    if (index !== -1) return { notebook, index };
  }
  return null;
}

/** The snippet for `document` with the cursor on `cursorLine` (0-based). */
export function snippetFor(document: vscode.TextDocument, cursorLine: number, mode: SnippetMode, selection: vscode.Selection | undefined, pinned: PinnedRange | null): SnippetResult {
  const cell = notebookCellOf(document);
  if (cell) {
    return extractNotebookSnippet(
      cell.notebook.getCells().map((c) => ({
        id: c.document.uri.toString(),
        kind: c.kind === vscode.NotebookCellKind.Code ? 'code' : 'markup',
        languageId: c.document.languageId,
        text: c.document.getText(),
      })),
      cell.index,
    );
  }
  const input = { id: document.uri.toString(), text: document.getText(), languageId: document.languageId };
  if (pinned) {
    const endCharacter = document.lineAt(Math.min(pinned.end, document.lineCount - 1)).text.length;
    return extractSnippet(input, cursorLine, 'selection', { startLine: pinned.start, startCharacter: 0, endLine: pinned.end, endCharacter: Math.max(1, endCharacter) });
  }
  const selected: SelectionInput | undefined = selection && {
    startLine: selection.start.line,
    startCharacter: selection.start.character,
    endLine: selection.end.line,
    endCharacter: selection.end.character,
  };
  return extractSnippet(input, cursorLine, mode, selected);
}

/** How the panel and tracebacks name a document: its file name, or the notebook's with the cell number. */
export function documentName(document: vscode.TextDocument): string {
  const cell = notebookCellOf(document);
  if (cell) return `${baseName(cell.notebook.uri)} (cell ${cell.index + 1})`;
  return document.isUntitled ? document.uri.path : baseName(document.uri);
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
