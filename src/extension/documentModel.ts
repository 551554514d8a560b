/**
 * The editor's model of HeapScope: for each document, the last simulation of its snippet
 * and the executions chosen per line; for the active editor, the state to show at the
 * cursor. A simulation runs only when the snippet's text (or the version or step budget)
 * changes — after `debounceMs` of quiet when the change is an edit; a cursor move only asks
 * the existing run for another view. Results carry the document version they were made
 * from, and a result overtaken by a newer edit is never shown as current.
 */
import * as vscode from 'vscode';
import type { HeapView } from '../protocol';
import { emptyReason, stepExecution } from './cursorMapping';
import { documentName, snippetFor, type PinnedRange } from './editorSnippets';
import type { Settings } from './settings';
import type { SimulationClient } from './simulationClient';
import { adjustLineRange, toDocumentLine, toSnippetLine, type Snippet } from './snippets';
import type { HoverFacts, HoverTarget, LineEffects, RunSummary, WorkerResponse } from './worker/protocol';

/** What went into a simulation; equal inputs give the same run. */
interface RunInputs {
  readonly text: string;
  readonly version: string;
  readonly stepBudget: number;
  readonly fileName: string;
}

/** A finished simulation of one snippet of a document. */
export interface RunInfo {
  /** The run's name in the worker. */
  readonly name: string;
  readonly documentUri: string;
  /** `document.version` when the simulation was asked for. */
  readonly documentVersion: number;
  readonly inputs: RunInputs;
  /** Where the snippet's lines are in the document(s); refreshed when the snippet moves without changing. */
  snippet: Snippet;
  readonly summary: RunSummary;
}

/** What the cursor's line shows; commands return it so that tests can see what happened. */
export type CursorState =
  /** Nothing to simulate here (not Python, outside a Python block...). */
  | { readonly kind: 'none'; readonly reason: string }
  /** A simulation is running; what was shown is stale. */
  | { readonly kind: 'busy' }
  /** The cursor's line has nothing to show (no code, never ran). */
  | { readonly kind: 'empty'; readonly reason: string; readonly run: RunInfo; readonly line: number }
  | { readonly kind: 'view'; readonly view: HeapView; readonly run: RunInfo; readonly line: number; readonly snippetLine: number }
  | { readonly kind: 'failed'; readonly reason: 'timeout' | 'crash' | 'unavailable' | 'error'; readonly message: string };

interface DocumentState {
  run: RunInfo | null;
  pending: { readonly key: string; readonly promise: Promise<RunInfo | Failure | null> } | null;
  debounce: ReturnType<typeof setTimeout> | null;
  /** Chosen execution per anchor line of the current run (reset by every new run). */
  readonly choices: Map<number, number>;
  pinned: PinnedRange | null;
  /** A run that failed (timed out, crashed): not retried until its inputs change. */
  failure: { readonly key: string; readonly failure: Failure } | null;
}

interface Failure {
  readonly kind: 'failed';
  readonly reason: 'timeout' | 'crash' | 'unavailable' | 'error';
  readonly message: string;
}

/** Events for the rest of the extension. */
export interface ModelEvents {
  /** The active editor's cursor state changed. */
  onCursorState(editor: vscode.TextEditor, state: CursorState): void;
  /** A document got a new run (for problems and hints). */
  onRun(document: vscode.TextDocument, run: RunInfo): void;
  /** A document's run is gone (closed). */
  onForget(documentUri: string): void;
  /** A run could not be made (timeout, crash): reported once per kind by the caller. */
  onFailure(document: vscode.TextDocument, failure: Failure): void;
}

function keyOf(inputs: RunInputs): string {
  return `${inputs.version}\u0000${inputs.stepBudget}\u0000${inputs.fileName}\u0000${inputs.text}`;
}

/** Whether HeapScope handles documents of this language. */
export function isHeapScopeDocument(document: vscode.TextDocument): boolean {
  return document.languageId === 'python' || document.languageId === 'markdown' || document.languageId === 'mdx';
}

export class DocumentModel implements vscode.Disposable {
  private readonly documents = new Map<string, DocumentState>();
  private readonly disposables: vscode.Disposable[] = [];
  private runCounter = 0;
  /** Increases with every cursor update; only the latest one may publish its state. */
  private updateSeq = 0;
  /** The most recent update, which overtaken ones answer with. */
  private latestUpdate: Promise<CursorState> = Promise.resolve({ kind: 'busy' });
  /** The editor the panel follows: the active text editor, kept while a webview has focus. */
  private followed: vscode.TextEditor | undefined;
  /** Whether an editor of another kind became active after the followed one (its status bar item went away). */
  private otherEditorSinceFollowed = false;

  constructor(
    private readonly client: SimulationClient,
    private readonly settings: () => Settings,
    private readonly events: ModelEvents,
    private readonly log: (message: string) => void,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidChangeNotebookDocument((e) => this.onNotebookEdit(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === this.followed) void this.update(e.textEditor, 'cursor');
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        // Focus moving to the panel, the Output view or a file of another language keeps
        // following the last Python editor (and the panel keeps its picture).
        if (!editor) return;
        if (!isHeapScopeDocument(editor.document)) {
          this.otherEditorSinceFollowed = true;
          return;
        }
        // Focus coming back to the editor already followed from the panel (or the palette, a
        // picker) changes nothing: the panel keeps its picture, which may be a GC run or a
        // hover's line rather than the cursor's.
        const returning = editor === this.followed && !this.otherEditorSinceFollowed;
        this.otherEditorSinceFollowed = false;
        if (returning) return;
        this.followed = editor;
        void this.update(editor, 'editor');
      }),
    );
  }

  /** The editor HeapScope follows: the active text editor, or the last one while the panel has focus. */
  get editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active && isHeapScopeDocument(active.document)) return active;
    return this.followed && vscode.window.visibleTextEditors.includes(this.followed) ? this.followed : undefined;
  }

  /** Starts following the active editor (at activation). */
  followActiveEditor(): void {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isHeapScopeDocument(editor.document)) return;
    this.followed = editor;
    void this.update(editor, 'editor');
  }

  /** Settings changed: runs with other inputs are redone, for the active editor now. */
  settingsChanged(): void {
    const editor = this.editor;
    if (editor) void this.update(editor, 'settings');
  }

  /** Brings the editor's cursor state up to date now (no debounce) and returns it. */
  refresh(editor: vscode.TextEditor): Promise<CursorState> {
    const state = this.stateOf(editor.document);
    if (state.debounce !== null) {
      clearTimeout(state.debounce);
      state.debounce = null;
    }
    return this.update(editor, 'command');
  }

  /** Steps through the executions of the cursor's line (delta ±1) and shows the one reached. */
  async stepExecution(editor: vscode.TextEditor, delta: number): Promise<CursorState> {
    const before = await this.refresh(editor);
    if (before.kind !== 'view') return before;
    const { index, count } = before.view.execution;
    const next = stepExecution(count, index, delta);
    if (next === index) return before;
    return this.selectExecution(editor, next);
  }

  /** Shows execution `index` (1-based) of the cursor's line; kept for that line until the run changes. */
  async selectExecution(editor: vscode.TextEditor, index: number): Promise<CursorState> {
    const before = await this.refresh(editor);
    if (before.kind !== 'view') return before;
    const anchor = before.run.summary.lines[before.snippetLine - 1].anchor;
    this.stateOf(editor.document).choices.set(anchor, index);
    return this.update(editor, 'command');
  }

  /** Pins the editor's selection as the snippet ("Simulate Selection") until it is run on an empty selection. */
  async pinSelection(editor: vscode.TextEditor): Promise<CursorState> {
    const state = this.stateOf(editor.document);
    const selection = editor.selection;
    if (selection.isEmpty) state.pinned = null;
    else {
      const end = selection.end.character === 0 && selection.end.line > selection.start.line ? selection.end.line - 1 : selection.end.line;
      state.pinned = { start: selection.start.line, end };
    }
    return this.refresh(editor);
  }

  /** The state at a document line's chosen (or last) execution, as a hover's link opens it. */
  async stateAt(document: vscode.TextDocument, line: number, execution?: number): Promise<CursorState> {
    const run = this.currentRunFor(document, line);
    if (!run) return { kind: 'none', reason: `The document changed; hover line ${line + 1} again.` };
    const snippetLine = toSnippetLine(run.snippet, document.uri.toString(), line);
    const anchor = snippetLine === null ? 0 : (run.summary.lines[snippetLine - 1]?.anchor ?? 0);
    if (snippetLine === null || anchor === 0) return { kind: 'empty', reason: `Line ${line + 1} never ran in this simulation.`, run, line };
    // Kept for the line, as a choice made at the cursor is.
    if (execution !== undefined) this.stateOf(document).choices.set(anchor, execution);
    const result = await this.client.request({ kind: 'view', run: run.name, line: anchor, execution, source: this.viewSource(document) });
    const response = this.answer(result, document);
    if (response?.kind === 'view' && response.view) return { kind: 'view', view: remapView(response.view, run.snippet), run, line, snippetLine };
    if (result.kind === 'failed') return { kind: 'failed', reason: result.reason, message: result.message };
    return { kind: 'empty', reason: `Line ${line + 1} never ran in this simulation.`, run, line };
  }

  /** "Run GC at the cursor": the collection right after the cursor line's chosen execution. */
  async collectAtCursor(editor: vscode.TextEditor, generation: 0 | 1 | 2): Promise<CursorState> {
    const state = await this.refresh(editor);
    if (state.kind !== 'view') return state;
    const anchor = state.run.summary.lines[state.snippetLine - 1].anchor;
    const result = await this.client.request({
      kind: 'collect',
      run: state.run.name,
      line: anchor,
      execution: state.view.execution.index,
      generation,
      source: this.viewSource(editor.document),
    });
    const response = this.answer(result, editor.document);
    if (response?.kind !== 'view' || response.view === null) {
      return { kind: 'failed', reason: 'error', message: result.kind === 'failed' ? result.message : 'the collection could not be simulated' };
    }
    return { ...state, view: remapView(response.view, state.run.snippet) };
  }

  /** Hover facts for a target on a document line, when the document's current run covers the line. */
  async hover(document: vscode.TextDocument, line: number, target: HoverTarget): Promise<{ facts: HoverFacts; run: RunInfo } | null> {
    const run = this.currentRunFor(document, line);
    if (!run) return null;
    const snippetLine = toSnippetLine(run.snippet, document.uri.toString(), line);
    if (snippetLine === null) return null;
    const anchor = run.summary.lines[snippetLine - 1]?.anchor ?? 0;
    if (anchor === 0) return null;
    const indent = toDocumentLine(run.snippet, snippetLine)?.indent ?? 0;
    const shifted: HoverTarget = target.probe ? { ...target, probe: { ...target.probe, column: target.probe.column - indent } } : target;
    const execution = this.stateOf(document).choices.get(anchor);
    const result = await this.client.request({ kind: 'hover', run: run.name, line: anchor, execution, target: shifted }, { lane: `hover ${document.uri}` });
    const response = this.answer(result, document);
    return response?.kind === 'hover' && response.facts ? { facts: response.facts, run } : null;
  }

  /**
   * What the executed lines among `lines` (0-based document lines) did to the heap, by
   * document line; null when a newer request replaced this one or the worker failed.
   */
  async effects(document: vscode.TextDocument, run: RunInfo, lines: readonly number[]): Promise<Map<number, LineEffects> | null> {
    const uri = document.uri.toString();
    const wanted = new Map<number, number>();
    for (const line of lines) {
      const snippetLine = toSnippetLine(run.snippet, uri, line);
      if (snippetLine !== null && run.summary.lines[snippetLine - 1]?.anchor === snippetLine) wanted.set(snippetLine, line);
    }
    const out = new Map<number, LineEffects>();
    if (wanted.size === 0) return out;
    const result = await this.client.request({ kind: 'effects', run: run.name, lines: [...wanted.keys()] }, { lane: `effects ${uri}`, background: true });
    const response = this.answer(result, document);
    if (response?.kind !== 'effects') return null;
    for (const e of response.effects) out.set(wanted.get(e.line)!, e);
    return out;
  }

  dispose(): void {
    for (const state of this.documents.values()) if (state.debounce) clearTimeout(state.debounce);
    this.documents.clear();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  // --- internals -----------------------------------------------------------------------

  private stateOf(document: vscode.TextDocument): DocumentState {
    const key = document.uri.toString();
    let state = this.documents.get(key);
    if (!state) this.documents.set(key, (state = { run: null, pending: null, debounce: null, choices: new Map(), pinned: null, failure: null }));
    return state;
  }

  private inputsFor(document: vscode.TextDocument, snippet: Snippet): RunInputs {
    const settings = this.settings();
    return { text: snippet.text, version: settings.pythonVersion, stepBudget: settings.stepBudget, fileName: documentName(document) };
  }

  /** The document's run if it is still what the snippet around `line` would simulate. */
  private currentRunFor(document: vscode.TextDocument, line: number): RunInfo | null {
    const state = this.documents.get(document.uri.toString());
    const run = state?.run;
    if (!run) return null;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const extracted = snippetFor(document, line, this.settings().snippetMode, editor?.selection, state.pinned);
    if (extracted.kind !== 'snippet' || keyOf(this.inputsFor(document, extracted.snippet)) !== keyOf(run.inputs)) return null;
    run.snippet = extracted.snippet;
    return run;
  }

  private viewSource(document: vscode.TextDocument): { uri: string; fileName: string } {
    return { uri: document.uri.toString(), fileName: documentName(document) };
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0 || !isHeapScopeDocument(e.document)) return;
    const state = this.documents.get(e.document.uri.toString());
    if (state?.pinned) {
      let pinned: PinnedRange | null = state.pinned;
      for (const change of e.contentChanges) {
        if (pinned === null) break;
        pinned = adjustLineRange(pinned, { startLine: change.range.start.line, endLine: change.range.end.line, newLineCount: change.text.split(/\r\n|\r|\n/).length });
      }
      state.pinned = pinned;
    }
    const editor = this.followed;
    if (editor?.document === e.document) void this.update(editor, 'edit');
  }

  private onNotebookEdit(e: vscode.NotebookDocumentChangeEvent): void {
    // Cells added, removed or moved change what ran above the active cell.
    if (e.contentChanges.length === 0) return;
    const editor = this.followed;
    if (editor && e.notebook.getCells().some((c) => c.document === editor.document)) void this.update(editor, 'edit');
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    const state = this.documents.get(key);
    if (!state) return;
    if (state.debounce) clearTimeout(state.debounce);
    if (state.run) void this.client.request({ kind: 'release', run: state.run.name });
    this.documents.delete(key);
    this.events.onForget(key);
  }

  private publish(editor: vscode.TextEditor, seq: number, state: CursorState): CursorState {
    if (seq === this.updateSeq && editor === this.followed) {
      this.events.onCursorState(editor, state);
    }
    return state;
  }

  /**
   * Brings the editor's cursor state up to date. `edit` waits for quiet (debounce) before
   * simulating; every other cause simulates at once when the snippet changed. An update
   * overtaken by a newer one (the cursor moved on) answers with the newer one's state, so
   * that a command always returns what is finally shown.
   */
  private update(editor: vscode.TextEditor, cause: 'edit' | 'cursor' | 'editor' | 'settings' | 'command' | 'debounced'): Promise<CursorState> {
    const update = this.updateNow(editor, cause);
    this.latestUpdate = update;
    return update;
  }

  private async updateNow(editor: vscode.TextEditor, cause: 'edit' | 'cursor' | 'editor' | 'settings' | 'command' | 'debounced'): Promise<CursorState> {
    const seq = ++this.updateSeq;
    const document = editor.document;
    if (!isHeapScopeDocument(document)) return this.publish(editor, seq, { kind: 'none', reason: 'HeapScope simulates Python files, Markdown ```python blocks and notebook cells.' });
    const state = this.stateOf(document);
    const settings = this.settings();
    const extracted = snippetFor(document, editor.selection.active.line, settings.snippetMode, editor.selection, state.pinned);
    if (extracted.kind === 'none') return this.publish(editor, seq, { kind: 'none', reason: extracted.reason });
    const snippet = extracted.snippet;
    const inputs = this.inputsFor(document, snippet);
    const key = keyOf(inputs);
    if (state.run && keyOf(state.run.inputs) === key) {
      // Back to the text of the current run (an undo): a simulation of other text is moot.
      if (state.pending && state.pending.key !== key) state.pending = null;
      if (state.debounce) {
        clearTimeout(state.debounce);
        state.debounce = null;
      }
      state.run.snippet = snippet;
      return this.showCursor(editor, seq, state.run);
    }
    if (state.failure?.key === key) return this.publish(editor, seq, state.failure.failure);
    // Dragging out a selection in selection mode changes the snippet at every step: wait for quiet too.
    if (cause === 'edit' || (cause === 'cursor' && extracted.snippet.kind === 'selection' && !state.pinned)) {
      if (state.debounce) clearTimeout(state.debounce);
      state.debounce = setTimeout(() => {
        state.debounce = null;
        if (this.followed === editor) void this.update(editor, 'debounced');
      }, settings.debounceMs);
      return this.publish(editor, seq, { kind: 'busy' });
    }
    this.publish(editor, seq, { kind: 'busy' });
    const outcome = await this.simulate(document, state, inputs, snippet);
    if (seq !== this.updateSeq) return this.latestUpdate;
    if (outcome === null) return { kind: 'busy' };
    if (!('summary' in outcome)) return this.publish(editor, seq, outcome);
    // The cursor may have left the snippet while it ran: start over (the run is kept).
    return this.update(editor, 'cursor');
  }

  private simulate(document: vscode.TextDocument, state: DocumentState, inputs: RunInputs, snippet: Snippet): Promise<RunInfo | Failure | null> {
    const key = keyOf(inputs);
    if (state.pending?.key === key) return state.pending.promise;
    const name = `run-${++this.runCounter}`;
    const documentVersion = document.version;
    const uri = document.uri.toString();
    const started = Date.now();
    const promise = this.client
      .request({ kind: 'simulate', run: name, source: inputs.text, version: inputs.version as Settings['pythonVersion'], fileName: inputs.fileName, stepBudget: inputs.stepBudget }, { lane: `simulate ${uri}` })
      .then((result): RunInfo | Failure | null => {
        const current = state.pending?.promise === promise;
        if (current) state.pending = null;
        const superseded = !current || (document.version !== documentVersion && state.debounce !== null) || this.documents.get(uri) !== state;
        if (result.kind === 'ok' && result.response.kind === 'simulated') {
          if (superseded) {
            void this.client.request({ kind: 'release', run: name });
            return null;
          }
          const summary = result.response.summary;
          const run: RunInfo = { name, documentUri: uri, documentVersion, inputs, snippet, summary };
          if (state.run) void this.client.request({ kind: 'release', run: state.run.name });
          state.run = run;
          state.failure = null;
          state.choices.clear();
          this.log(`simulated ${inputs.fileName} (${snippet.label}, document version ${documentVersion}, Python ${inputs.version}): ${summary.outcome.kind}, ${summary.steps} steps in ${summary.simulateMs.toFixed(1)} ms (${Date.now() - started} ms with the worker)`);
          this.events.onRun(document, run);
          return run;
        }
        if (result.kind === 'cancelled' || superseded) return null;
        const failure: Failure =
          result.kind === 'failed'
            ? { kind: 'failed', reason: result.reason, message: result.message }
            : { kind: 'failed', reason: 'error', message: result.response.kind === 'error' ? result.response.message : `unexpected answer ${result.response.kind}` };
        this.log(`simulation of ${inputs.fileName} failed: ${failure.message}`);
        // A timeout or crash would happen again on the same input: wait for an edit.
        state.failure = { key, failure };
        this.events.onFailure(document, failure);
        return failure;
      });
    state.pending = { key, promise };
    return promise;
  }

  /** The view of the cursor's line in `run`, or why there is none. */
  private async showCursor(editor: vscode.TextEditor, seq: number, run: RunInfo): Promise<CursorState> {
    const document = editor.document;
    const cursorLine = editor.selection.active.line;
    const snippetLine = toSnippetLine(run.snippet, document.uri.toString(), cursorLine);
    if (snippetLine === null) {
      return this.publish(editor, seq, { kind: 'empty', reason: `Line ${cursorLine + 1} is outside the simulated snippet (${run.snippet.label}).`, run, line: cursorLine });
    }
    const info = run.summary.lines[snippetLine - 1];
    if (!info || info.anchor === 0) {
      const outcomeLine = run.summary.outcome.line > 0 ? toDocumentLine(run.snippet, run.summary.outcome.line) : null;
      const reason = emptyReason(info, document.lineAt(cursorLine).text, cursorLine + 1, run.summary.outcome, outcomeLine ? outcomeLine.line + 1 : undefined);
      return this.publish(editor, seq, { kind: 'empty', reason, run, line: cursorLine });
    }
    const state = this.stateOf(document);
    const result = await this.client.request(
      { kind: 'view', run: run.name, line: info.anchor, execution: state.choices.get(info.anchor), source: this.viewSource(document) },
      { lane: `view ${document.uri}` },
    );
    if (seq !== this.updateSeq) return this.latestUpdate;
    if (result.kind === 'ok' && result.response.kind === 'unknownRun') {
      // The worker restarted and lost the run: simulate again.
      if (state.run === run) state.run = null;
      return this.update(editor, 'command');
    }
    const response = this.answer(result, document);
    if (response?.kind === 'view' && response.view) {
      return this.publish(editor, seq, { kind: 'view', view: remapView(response.view, run.snippet), run, line: cursorLine, snippetLine });
    }
    if (result.kind === 'cancelled') return { kind: 'busy' };
    if (result.kind === 'failed') return this.publish(editor, seq, { kind: 'failed', reason: result.reason, message: result.message });
    return this.publish(editor, seq, { kind: 'empty', reason: `Line ${cursorLine + 1} never ran in this simulation.`, run, line: cursorLine });
  }

  /** The response of a request that got one; logs engine errors; forgets runs the worker lost. */
  private answer(result: Awaited<ReturnType<SimulationClient['request']>>, document: vscode.TextDocument): WorkerResponse | null {
    if (result.kind !== 'ok') return null;
    const response = result.response;
    if (response.kind === 'error') this.log(`HeapScope engine error: ${response.message}`);
    if (response.kind === 'unknownRun') {
      const state = this.documents.get(document.uri.toString());
      if (state?.run?.name === response.run) state.run = null;
    }
    return response;
  }
}

/** Views speak document lines (1-based), so that the panel's "line 12" and "Go to line" match the editor. */
function remapView(view: HeapView, snippet: Snippet): HeapView {
  const toDocument = (line: number): number => {
    const mapped = toDocumentLine(snippet, line);
    return mapped ? mapped.line + 1 : line;
  };
  const status = view.status.kind === 'stopped' ? { ...view.status, line: toDocument(view.status.line) } : view.status;
  return { ...view, source: { ...view.source, line: toDocument(view.source.line) }, status };
}
