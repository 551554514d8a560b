/**
 * Inline hints: after each executed line of the current snippet, what it did to the heap
 * (`list#3 rc 1→2 · freed 2`), as an `after` decoration in the theme's muted colour. Only
 * the visible lines are asked for, in the background, and cached per run.
 */
import * as vscode from 'vscode';
import type { DocumentModel, RunInfo } from './documentModel';
import { formatLineEffects } from './lineEffects';

/** Lines beyond the visible ones that are fetched too, so scrolling a little shows hints at once. */
const MARGIN_LINES = 30;
const SCROLL_QUIET_MS = 120;

export class InlineHints implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    after: { color: new vscode.ThemeColor('editorCodeLens.foreground'), margin: '0 0 0 2.5em', fontStyle: 'italic' },
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
  /** Per run: document line → hint text ('' when the line changed nothing). */
  private readonly texts = new Map<string, Map<number, string>>();
  private readonly disposables: vscode.Disposable[] = [];
  private scrollTimer: ReturnType<typeof setTimeout> | null = null;
  private shown: { editor: vscode.TextEditor; run: RunInfo } | null = null;

  constructor(
    private readonly model: DocumentModel,
    private enabled: boolean,
  ) {
    this.disposables.push(
      this.decoration,
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (this.shown?.editor !== e.textEditor) return;
        if (this.scrollTimer) clearTimeout(this.scrollTimer);
        this.scrollTimer = setTimeout(() => this.shown && void this.render(this.shown.editor, this.shown.run), SCROLL_QUIET_MS);
      }),
    );
  }

  /** Turns the hints on or off (the `heapscope.inlineHints` setting). */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) for (const editor of vscode.window.visibleTextEditors) editor.setDecorations(this.decoration, []);
    else if (this.shown) void this.render(this.shown.editor, this.shown.run);
  }

  /** Shows the hints of `run` in `editor` (a no-op when they are already there). */
  show(editor: vscode.TextEditor, run: RunInfo): void {
    if (this.shown?.editor === editor && this.shown.run === run) return;
    if (this.shown && this.shown.run !== run) this.texts.delete(this.shown.run.name);
    this.shown = { editor, run };
    void this.render(editor, run);
  }

  private async render(editor: vscode.TextEditor, run: RunInfo): Promise<void> {
    if (!this.enabled) return;
    let texts = this.texts.get(run.name);
    if (!texts) this.texts.set(run.name, (texts = new Map()));
    const wanted: number[] = [];
    for (const range of editor.visibleRanges) {
      const from = Math.max(0, range.start.line - MARGIN_LINES);
      const to = Math.min(editor.document.lineCount - 1, range.end.line + MARGIN_LINES);
      for (let line = from; line <= to; line++) if (!texts.has(line)) wanted.push(line);
    }
    if (wanted.length > 0) {
      const effects = await this.model.effects(editor.document, run, wanted);
      // Replaced by a newer request (scrolling on) or failed: nothing to cache.
      if (effects === null) return;
      for (const line of wanted) texts.set(line, effects.has(line) ? formatLineEffects(effects.get(line)!) : '');
    }
    if (!this.enabled || this.shown?.run !== run || this.shown.editor !== editor) return;
    const options: vscode.DecorationOptions[] = [];
    for (const [line, text] of texts) {
      if (!text || line >= editor.document.lineCount) continue;
      const end = editor.document.lineAt(line).range.end;
      options.push({ range: new vscode.Range(end, end), renderOptions: { after: { contentText: text } } });
    }
    editor.setDecorations(this.decoration, options);
  }

  dispose(): void {
    if (this.scrollTimer) clearTimeout(this.scrollTimer);
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}
