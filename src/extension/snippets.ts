/**
 * What to simulate, taken from what the user is editing: a whole Python file, the `# %%`
 * cell around the cursor, the selection, the fenced Python block around the cursor in
 * Markdown, or a notebook cell with the Python cells above it. Every snippet keeps a map
 * between its lines and the documents they came from, both ways, so that views, hovers
 * and problems land on the right line.
 *
 * Pure (no `vscode`): the editor glue passes text, language and cursor in.
 * Conventions: snippet lines are 1-based (as the simulation counts them); document lines
 * and columns are 0-based (as `vscode.Position` counts them).
 */

export type SnippetMode = 'auto' | 'file' | 'cell' | 'selection';
export const SNIPPET_MODES: readonly SnippetMode[] = ['auto', 'file', 'cell', 'selection'];

/** A run of consecutive snippet lines that come from consecutive lines of one document. */
export interface Segment {
  /** The document the lines come from (the caller's id: a URI string). */
  readonly source: string;
  /** 1-based snippet line of the segment's first line. */
  readonly snippetLine: number;
  /** 0-based document line of the segment's first line. */
  readonly documentLine: number;
  readonly lineCount: number;
  /** Columns removed from the start of every line (a dedented selection or Markdown block). */
  readonly indent: number;
}

export type SnippetKind = 'file' | 'cell' | 'selection' | 'markdown' | 'notebook';

export interface Snippet {
  readonly kind: SnippetKind;
  readonly text: string;
  readonly lineCount: number;
  /** For people: `whole file`, `cell 2 (lines 10–18)`, `selection (lines 3–7)`. */
  readonly label: string;
  readonly segments: readonly Segment[];
}

export type SnippetResult = { readonly kind: 'snippet'; readonly snippet: Snippet } | { readonly kind: 'none'; readonly reason: string };

export interface TextDocumentInput {
  /** Identifies the document in the snippet's segments. */
  readonly id: string;
  readonly text: string;
  readonly languageId: string;
}

/** A selection in document coordinates (0-based). */
export interface SelectionInput {
  readonly startLine: number;
  readonly startCharacter: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

export interface NotebookCellInput {
  readonly id: string;
  readonly kind: 'code' | 'markup';
  readonly languageId: string;
  readonly text: string;
}

const PYTHON_LANGUAGES = new Set(['python']);
const MARKDOWN_LANGUAGES = new Set(['markdown', 'mdx']);

/** Whether HeapScope has anything to simulate in a document of this language. */
export function isSupportedLanguage(languageId: string): boolean {
  return PYTHON_LANGUAGES.has(languageId) || MARKDOWN_LANGUAGES.has(languageId);
}

/** Splits text into lines the way VS Code and the simulation do (\r\n, \r or \n). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * The snippet for a text document with the cursor on `cursorLine`. In `auto` mode: the
 * Markdown block around the cursor, the `# %%` cell around it when the file has cells,
 * else the whole file; `selection` uses a non-empty selection and otherwise falls back
 * to `auto`.
 */
export function extractSnippet(document: TextDocumentInput, cursorLine: number, mode: SnippetMode, selection?: SelectionInput): SnippetResult {
  const lines = splitLines(document.text);
  const isPython = PYTHON_LANGUAGES.has(document.languageId);
  const isMarkdown = MARKDOWN_LANGUAGES.has(document.languageId);
  if (!isPython && !isMarkdown) {
    return { kind: 'none', reason: 'HeapScope simulates Python: open a .py file, a Markdown file with ```python blocks, or a notebook.' };
  }
  if (mode === 'selection' && selection) {
    const range = selectedLines(selection);
    if (range) return { kind: 'snippet', snippet: dedentedSnippet('selection', document.id, lines, range.start, range.end, `selection (lines ${range.start + 1}–${range.end + 1})`) };
  }
  if (isMarkdown) return markdownSnippet(document.id, lines, cursorLine);
  const cells = pythonCells(lines);
  if (mode !== 'file' && cells.length > 0) {
    const index = cells.findIndex((c) => cursorLine >= c.start && cursorLine <= c.end);
    const cell = cells[index === -1 ? cells.length - 1 : index];
    if (cell.markdown) return { kind: 'none', reason: 'The cursor is in a Markdown cell (`# %% [markdown]`): put it in a code cell.' };
    const number = cells.filter((c) => !c.markdown).indexOf(cell) + 1;
    return { kind: 'snippet', snippet: plainSnippet('cell', document.id, lines, cell.start, cell.end, `cell ${number} (lines ${cell.start + 1}–${cell.end + 1})`) };
  }
  return { kind: 'snippet', snippet: plainSnippet('file', document.id, lines, 0, lines.length - 1, 'whole file') };
}

/**
 * The snippet for notebook cell `index`: the code of the Python cells above it, then the
 * cell itself, as a kernel that ran the notebook top to bottom would have run them. IPython
 * magics (`%time`, `!pip`) become comments; a cell whose first line is a cell magic other
 * than timing or capturing is not Python and is left out the same way.
 */
export function extractNotebookSnippet(cells: readonly NotebookCellInput[], index: number): SnippetResult {
  const current = cells[index];
  if (!current) return { kind: 'none', reason: 'The notebook cell was not found.' };
  if (current.kind !== 'code' || !PYTHON_LANGUAGES.has(current.languageId)) {
    return { kind: 'none', reason: 'HeapScope simulates Python code cells: put the cursor in one.' };
  }
  const segments: Segment[] = [];
  const out: string[] = [];
  let used = 0;
  for (let i = 0; i <= index; i++) {
    const cell = cells[i];
    if (cell.kind !== 'code' || !PYTHON_LANGUAGES.has(cell.languageId)) continue;
    used++;
    const lines = withoutMagics(splitLines(cell.text));
    segments.push({ source: cell.id, snippetLine: out.length + 1, documentLine: 0, lineCount: lines.length, indent: 0 });
    out.push(...lines);
  }
  const above = used - 1;
  const label = above > 0 ? `this cell and the ${above} Python cell${above === 1 ? '' : 's'} above` : 'this cell';
  return { kind: 'snippet', snippet: { kind: 'notebook', text: out.join('\n'), lineCount: out.length, label, segments } };
}

const SILENT_CELL_MAGICS = /^\s*%%(time|timeit|capture|prun)\b/;
const MAGIC_LINE = /^(\s*)([%!])/;

function withoutMagics(lines: string[]): string[] {
  if (lines.length > 0 && /^\s*%%/.test(lines[0]) && !SILENT_CELL_MAGICS.test(lines[0])) {
    // The cell body is another language (%%bash, %%html...): keep its lines as comments.
    return lines.map((line) => (line.trim() === '' ? line : `# ${line}`));
  }
  return lines.map((line) => line.replace(MAGIC_LINE, '$1#$2'));
}

/** Maps a snippet line to the document line it came from. */
export function toDocumentLine(snippet: Snippet, snippetLine: number): { source: string; line: number; indent: number } | null {
  for (const s of snippet.segments) {
    if (snippetLine >= s.snippetLine && snippetLine < s.snippetLine + s.lineCount) {
      return { source: s.source, line: s.documentLine + (snippetLine - s.snippetLine), indent: s.indent };
    }
  }
  return null;
}

/** Maps a document line (of `source`) to its snippet line, or null when the snippet does not contain it. */
export function toSnippetLine(snippet: Snippet, source: string, documentLine: number): number | null {
  for (const s of snippet.segments) {
    if (s.source === source && documentLine >= s.documentLine && documentLine < s.documentLine + s.lineCount) {
      return s.snippetLine + (documentLine - s.documentLine);
    }
  }
  return null;
}

/** The 0-based line range a selection covers; a selection ending at column 0 leaves that line out. Null when empty. */
export function selectedLines(selection: SelectionInput): { start: number; end: number } | null {
  const { startLine, startCharacter, endLine, endCharacter } = selection;
  if (startLine === endLine && startCharacter === endCharacter) return null;
  const end = endLine > startLine && endCharacter === 0 ? endLine - 1 : endLine;
  return { start: startLine, end: Math.max(startLine, end) };
}

/**
 * Keeps a pinned line range (from "Simulate Selection") on the same code across an edit of
 * `startLine..endLine` that became `newLineCount` lines. Null when the edit crosses the
 * range's edges (the pinned code is no longer one piece).
 */
export function adjustLineRange(range: { start: number; end: number }, edit: { startLine: number; endLine: number; newLineCount: number }): { start: number; end: number } | null {
  const delta = edit.newLineCount - 1 - (edit.endLine - edit.startLine);
  if (edit.endLine < range.start) return { start: range.start + delta, end: range.end + delta };
  if (edit.startLine > range.end) return range;
  if (edit.startLine >= range.start && edit.endLine <= range.end) {
    const end = range.end + delta;
    return end >= range.start ? { start: range.start, end } : null;
  }
  return null;
}

interface PythonCell {
  readonly start: number;
  readonly end: number;
  readonly markdown: boolean;
}

/** VS Code Jupyter's cell markers: `# %%`, `#%%`, `# In[3]:`, `# <codecell>`. */
const CELL_MARKER = /^#\s*(%%|In\[[\d ]*\]:?|<codecell>|<markdowncell>)/;
const MARKDOWN_MARKER = /^#\s*(%%.*\[(markdown|md)\]|<markdowncell>)/i;

/** The `# %%` cells of a Python file (a preamble before the first marker is a cell too); none without markers. */
function pythonCells(lines: readonly string[]): PythonCell[] {
  const markers: number[] = [];
  lines.forEach((line, i) => {
    if (CELL_MARKER.test(line)) markers.push(i);
  });
  if (markers.length === 0) return [];
  const cells: PythonCell[] = [];
  if (markers[0] > 0 && lines.slice(0, markers[0]).some((l) => l.trim() !== '')) cells.push({ start: 0, end: markers[0] - 1, markdown: false });
  markers.forEach((start, i) => {
    const end = i + 1 < markers.length ? markers[i + 1] - 1 : lines.length - 1;
    cells.push({ start, end, markdown: MARKDOWN_MARKER.test(lines[start]) });
  });
  // A preamble of blank lines belongs to the first cell, so a cursor there finds it.
  if (cells[0].start > 0) cells[0] = { ...cells[0], start: 0 };
  return cells;
}

interface FencedBlock {
  /** The opening fence's line. */
  readonly open: number;
  /** The closing fence's line, or the last line + 1 when the block is never closed. */
  readonly close: number;
  readonly python: boolean;
}

const OPEN_FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)/;
const PYTHON_INFO = /^\{?\.?(python3?|py3?)(\}|\b|$)/i;

/** CommonMark fenced code blocks: a fence of 3+ backticks or tildes, closed by a fence of the same character at least as long. */
function fencedBlocks(lines: readonly string[]): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN_FENCE.exec(lines[i]);
    if (!open) continue;
    const fence = open[2];
    // A backtick fence's info string may not contain backticks.
    if (fence[0] === '`' && lines[i].slice(open[0].length).includes('`')) continue;
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let close = i + 1;
    while (close < lines.length && !closing.test(lines[close])) close++;
    blocks.push({ open: i, close, python: PYTHON_INFO.test(open[3]) });
    i = close;
  }
  return blocks;
}

function markdownSnippet(id: string, lines: readonly string[], cursorLine: number): SnippetResult {
  const blocks = fencedBlocks(lines);
  const block = blocks.find((b) => cursorLine >= b.open && cursorLine <= b.close);
  if (!block || !block.python) {
    const count = blocks.filter((b) => b.python).length;
    return {
      kind: 'none',
      reason: count > 0 ? 'Put the cursor inside a ```python block to see its heap.' : 'This Markdown file has no ```python blocks to simulate.',
    };
  }
  const first = block.open + 1;
  const last = Math.min(block.close, lines.length) - 1;
  if (last < first) return { kind: 'none', reason: 'This ```python block is empty.' };
  const number = blocks.filter((b) => b.python).indexOf(block) + 1;
  return { kind: 'snippet', snippet: dedentedSnippet('markdown', id, lines, first, last, `Python block ${number} (lines ${first + 1}–${last + 1})`) };
}

function plainSnippet(kind: SnippetKind, id: string, lines: readonly string[], start: number, end: number, label: string): Snippet {
  const body = lines.slice(start, end + 1);
  return { kind, text: body.join('\n'), lineCount: body.length, label, segments: [{ source: id, snippetLine: 1, documentLine: start, lineCount: body.length, indent: 0 }] };
}

/** Lines `start..end` with their common indentation removed (a selected method body must run at the top level). */
function dedentedSnippet(kind: SnippetKind, id: string, lines: readonly string[], start: number, end: number, label: string): Snippet {
  const body = lines.slice(start, end + 1);
  let prefix: string | null = null;
  for (const line of body) {
    if (line.trim() === '') continue;
    const indent = /^[ \t]*/.exec(line)![0];
    if (prefix === null) prefix = indent;
    else {
      let k = 0;
      while (k < prefix.length && k < indent.length && prefix[k] === indent[k]) k++;
      prefix = prefix.slice(0, k);
    }
  }
  const indent = prefix?.length ?? 0;
  const text = body.map((line) => (line.trim() === '' ? '' : line.slice(indent)));
  return { kind, text: text.join('\n'), lineCount: text.length, label, segments: [{ source: id, snippetLine: 1, documentLine: start, lineCount: text.length, indent }] };
}
