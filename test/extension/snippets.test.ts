import { strict as assert } from 'node:assert';
import {
  adjustLineRange,
  extractNotebookSnippet,
  extractSnippet,
  selectedLines,
  toDocumentLine,
  toSnippetLine,
  type NotebookCellInput,
  type Snippet,
  type SnippetResult,
} from '../../src/extension/snippets';

/** Snippet extraction and the line maps between snippets and documents (snippets.ts). */

function snippetOf(result: SnippetResult): Snippet {
  assert.equal(result.kind, 'snippet', result.kind === 'none' ? result.reason : '');
  return (result as { snippet: Snippet }).snippet;
}

const py = (text: string) => ({ id: 'file:///a.py', text, languageId: 'python' });
const md = (text: string) => ({ id: 'file:///a.md', text, languageId: 'markdown' });

/** Every snippet line maps to a document line and back to itself. */
function assertRoundTrip(snippet: Snippet): void {
  for (let line = 1; line <= snippet.lineCount; line++) {
    const doc = toDocumentLine(snippet, line);
    assert.ok(doc, `snippet line ${line} has no document line`);
    assert.equal(toSnippetLine(snippet, doc.source, doc.line), line);
  }
}

describe('snippets: whole Python files', () => {
  it('takes the whole file, lines mapped one to one', () => {
    const s = snippetOf(extractSnippet(py('a = []\nb = a\r\ndel b\n'), 1, 'auto'));
    assert.equal(s.kind, 'file');
    assert.equal(s.text, 'a = []\nb = a\ndel b\n');
    assert.equal(s.lineCount, 4);
    assert.deepEqual(toDocumentLine(s, 2), { source: 'file:///a.py', line: 1, indent: 0 });
    assert.equal(toSnippetLine(s, 'file:///a.py', 2), 3);
    assert.equal(toSnippetLine(s, 'file:///other.py', 2), null);
    assertRoundTrip(s);
  });

  it('refuses other languages with a reason', () => {
    const r = extractSnippet({ id: 'x', text: 'x = 1', languageId: 'javascript' }, 0, 'auto');
    assert.equal(r.kind, 'none');
  });
});

describe('snippets: # %% cells', () => {
  const text = ['import gc', '# %%', 'a = []', 'b = a', '# %% [markdown]', '# some prose', '#%% second code cell', 'x = [1]', 'x.append(x)'].join('\n');

  it('takes the cell around the cursor, marker line included', () => {
    const s = snippetOf(extractSnippet(py(text), 3, 'auto'));
    assert.equal(s.kind, 'cell');
    assert.equal(s.text, '# %%\na = []\nb = a');
    assert.equal(s.label, 'cell 2 (lines 2–4)');
    assert.equal(toSnippetLine(s, 'file:///a.py', 2), 2);
    assert.equal(toDocumentLine(s, 3)?.line, 3);
    assert.equal(toSnippetLine(s, 'file:///a.py', 7), null, 'a line of another cell is not in the snippet');
    assertRoundTrip(s);
  });

  it('treats the code before the first marker as a cell', () => {
    const s = snippetOf(extractSnippet(py(text), 0, 'auto'));
    assert.equal(s.text, 'import gc');
  });

  it('takes the last cell to the end of the file', () => {
    const s = snippetOf(extractSnippet(py(text), 8, 'cell'));
    assert.equal(s.text, '#%% second code cell\nx = [1]\nx.append(x)');
    assert.equal(toDocumentLine(s, 1)?.line, 6);
  });

  it('has nothing to simulate in a Markdown cell', () => {
    assert.equal(extractSnippet(py(text), 5, 'auto').kind, 'none');
  });

  it('takes the whole file in file mode, and when there are no cells', () => {
    assert.equal(snippetOf(extractSnippet(py(text), 3, 'file')).lineCount, 9);
    assert.equal(snippetOf(extractSnippet(py('a = 1\nb = 2'), 1, 'cell')).kind, 'file');
  });

  it('knows the other marker spellings', () => {
    const s = snippetOf(extractSnippet(py('# In[1]:\na = 1\n# In[ ]:\nb = 2'), 3, 'auto'));
    assert.equal(s.text, '# In[ ]:\nb = 2');
  });
});

describe('snippets: selection', () => {
  const text = ['class Node:', '    def __init__(self):', '        self.ref = self', '        x = [self]', '        del x', 'n = Node()'].join('\n');

  it('takes the selected lines, dedented, with the indent in the map', () => {
    const s = snippetOf(extractSnippet(py(text), 3, 'selection', { startLine: 3, startCharacter: 4, endLine: 4, endCharacter: 13 }));
    assert.equal(s.kind, 'selection');
    assert.equal(s.text, 'x = [self]\ndel x');
    assert.deepEqual(toDocumentLine(s, 2), { source: 'file:///a.py', line: 4, indent: 8 });
    assert.equal(toSnippetLine(s, 'file:///a.py', 3), 1);
    assert.equal(toSnippetLine(s, 'file:///a.py', 5), null);
    assertRoundTrip(s);
  });

  it('leaves out a last line the selection only touches at column 0', () => {
    assert.deepEqual(selectedLines({ startLine: 2, startCharacter: 0, endLine: 5, endCharacter: 0 }), { start: 2, end: 4 });
    assert.equal(selectedLines({ startLine: 2, startCharacter: 3, endLine: 2, endCharacter: 3 }), null);
  });

  it('falls back to auto without a selection', () => {
    const s = snippetOf(extractSnippet(py(text), 3, 'selection', { startLine: 3, startCharacter: 4, endLine: 3, endCharacter: 4 }));
    assert.equal(s.kind, 'file');
  });

  it('keeps a pinned range on its code across edits', () => {
    const range = { start: 10, end: 14 };
    // Two lines inserted above: the range moves down.
    assert.deepEqual(adjustLineRange(range, { startLine: 2, endLine: 2, newLineCount: 3 }), { start: 12, end: 16 });
    // A line deleted inside: the range shrinks.
    assert.deepEqual(adjustLineRange(range, { startLine: 11, endLine: 12, newLineCount: 1 }), { start: 10, end: 13 });
    // Typing within a line: unchanged.
    assert.deepEqual(adjustLineRange(range, { startLine: 12, endLine: 12, newLineCount: 1 }), range);
    // Below: unchanged; across an edge: dropped.
    assert.deepEqual(adjustLineRange(range, { startLine: 20, endLine: 25, newLineCount: 1 }), range);
    assert.equal(adjustLineRange(range, { startLine: 8, endLine: 11, newLineCount: 1 }), null);
  });
});

describe('snippets: Markdown', () => {
  const text = [
    '# Reference counts', // 0
    '', // 1
    '```python', // 2
    'a = []', // 3
    'b = a', // 4
    '```', // 5
    'Some prose.', // 6
    '~~~~ py', // 7
    '  x = [1]', // 8
    '  ```', // 9 (not a closing fence for ~~~~)
    '  x.append(x)', // 10
    '~~~~', // 11
    '```js', // 12
    'let a = 1;', // 13
    '```', // 14
    '   ```{.python .numberLines}', // 15
    '   import gc', // 16
  ].join('\n');

  it('takes the fenced Python block around the cursor', () => {
    const s = snippetOf(extractSnippet(md(text), 4, 'auto'));
    assert.equal(s.kind, 'markdown');
    assert.equal(s.text, 'a = []\nb = a');
    assert.equal(s.label, 'Python block 1 (lines 4–5)');
    assert.equal(toDocumentLine(s, 1)?.line, 3);
    assert.equal(toSnippetLine(s, 'file:///a.md', 5), null, 'the closing fence is not code');
    assertRoundTrip(s);
  });

  it('closes a fence only with the same character, at least as long; dedents the block', () => {
    const s = snippetOf(extractSnippet(md(text), 10, 'auto'));
    assert.equal(s.text, 'x = [1]\n```\nx.append(x)');
    assert.deepEqual(toDocumentLine(s, 3), { source: 'file:///a.md', line: 10, indent: 2 });
  });

  it('accepts pandoc-style info strings and an unclosed block at the end', () => {
    const s = snippetOf(extractSnippet(md(text), 16, 'auto'));
    assert.equal(s.text, 'import gc');
  });

  it('has nothing to simulate outside a Python block', () => {
    const prose = extractSnippet(md(text), 6, 'auto');
    assert.equal(prose.kind, 'none');
    assert.match((prose as { reason: string }).reason, /```python block/);
    assert.equal(extractSnippet(md(text), 13, 'auto').kind, 'none', 'a JavaScript block');
    assert.equal(extractSnippet(md('# Title\n\nNo code.'), 1, 'auto').kind, 'none');
  });
});

describe('snippets: notebook cells', () => {
  const cells: NotebookCellInput[] = [
    { id: 'cell:0', kind: 'code', languageId: 'python', text: 'import sys\na = []' },
    { id: 'cell:1', kind: 'markup', languageId: 'markdown', text: '# Alias' },
    { id: 'cell:2', kind: 'code', languageId: 'python', text: '%time b = a\n!echo hi\nprint(sys.getrefcount(a))\n' },
    { id: 'cell:3', kind: 'code', languageId: 'python', text: '%%bash\necho not python' },
    { id: 'cell:4', kind: 'code', languageId: 'python', text: 'del b' },
  ];

  it('takes the Python cells above and the cell, as a kernel ran them', () => {
    const s = snippetOf(extractNotebookSnippet(cells, 4));
    assert.equal(s.kind, 'notebook');
    assert.equal(s.text, ['import sys', 'a = []', '#%time b = a', '#!echo hi', 'print(sys.getrefcount(a))', '', '# %%bash', '# echo not python', 'del b'].join('\n'));
    assert.equal(s.label, 'this cell and the 3 Python cells above');
    assert.deepEqual(toDocumentLine(s, 9), { source: 'cell:4', line: 0, indent: 0 });
    assert.deepEqual(toDocumentLine(s, 5), { source: 'cell:2', line: 2, indent: 0 });
    assert.equal(toSnippetLine(s, 'cell:0', 1), 2);
    assert.equal(toSnippetLine(s, 'cell:1', 0), null, 'Markdown cells are left out');
    assertRoundTrip(s);
  });

  it('takes the first cell alone, and nothing for a Markdown cell', () => {
    assert.equal(snippetOf(extractNotebookSnippet(cells, 0)).text, 'import sys\na = []');
    assert.equal(extractNotebookSnippet(cells, 1).kind, 'none');
  });
});
