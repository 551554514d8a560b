/**
 * Hovers on names, attributes and subscripts in Python files, Markdown Python blocks and
 * notebook cells: the facts come from the document's current run (in the worker), the text
 * from hover.ts. The Markdown is trusted for one command only: the link that opens the panel
 * on the object.
 */
import * as vscode from 'vscode';
import type { DocumentModel } from './documentModel';
import { hoverMarkdown, hoverTargetAt } from './hover';
import { toDocumentLine } from './snippets';

/** The arguments of `heapscope.openPanel` when a hover link opens it. */
export interface OpenPanelArgs {
  readonly uri: string;
  /** 0-based document line. */
  readonly line: number;
  readonly execution?: number;
  readonly focus?: number;
}

export const OPEN_PANEL_COMMAND = 'heapscope.openPanel';

export function registerHoverProvider(model: DocumentModel): vscode.Disposable {
  const selector: vscode.DocumentSelector = [{ language: 'python' }, { language: 'markdown' }, { language: 'mdx' }];
  return vscode.languages.registerHoverProvider(selector, {
    async provideHover(document, position, token) {
      const found = hoverTargetAt(document.lineAt(position.line).text, position.character);
      if (!found) return undefined;
      const answer = await model.hover(document, position.line, found.target);
      if (!answer || token.isCancellationRequested) return undefined;
      const { facts, run } = answer;
      const anchor = toDocumentLine(run.snippet, facts.line);
      const line = anchor && anchor.source === document.uri.toString() ? anchor.line : position.line;
      const args: OpenPanelArgs[] = [{ uri: document.uri.toString(), line, execution: facts.execution.index, focus: facts.object?.id }];
      const link = `command:${OPEN_PANEL_COMMAND}?${encodeURIComponent(JSON.stringify(args))}`;
      const markdown = new vscode.MarkdownString(hoverMarkdown(facts, { line: line + 1, openLink: link }));
      markdown.isTrusted = { enabledCommands: [OPEN_PANEL_COMMAND] };
      return new vscode.Hover(markdown, new vscode.Range(position.line, found.start, position.line, found.end));
    },
  });
}
