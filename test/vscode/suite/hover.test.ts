// Hovers on the seed examples: the refcount HeapScope shows is CPython's ob_refcnt at that
// point, and a hover on `sys.getrefcount` / `gc.collect` says what the call returns. Every
// number was checked against real CPython 3.12.1 (`PYENV_VERSION=3.12.1 python3`): for an
// object's refcount, sys.getrefcount(name) right after the line, minus the one reference
// the call's own argument holds; for a probe, what the example prints.
import { strict as assert } from 'node:assert';
import { closeAllEditors, hoverAt, openExample, selectVersion, stateAt } from './helpers';

interface HoverCase {
  readonly file: string;
  /** 1-based, as the editor shows it. */
  readonly line: number;
  readonly token: string;
  /** Which appearance of `token` on the line (0 = the first). */
  readonly occurrence?: number;
  /** Each must be in the hover's Markdown. */
  readonly says: readonly (string | RegExp)[];
}

const CASES: readonly HoverCase[] = [
  // getrefcount_alias.py: `print(getrefcount(a))` after line 5 prints 2, after line 7 `print(getrefcount(b))` prints 3.
  { file: 'getrefcount_alias.py', line: 5, token: 'a', says: ['`a` → `list`', 'refcount **1**', /`a` in /] },
  { file: 'getrefcount_alias.py', line: 6, token: 'getrefcount', says: ['returns **2** here'] },
  { file: 'getrefcount_alias.py', line: 7, token: 'b', says: ['`b` → `list`', 'refcount **2**', /`a` in /, /`b` in /] },
  { file: 'getrefcount_alias.py', line: 8, token: 'getrefcount', says: ['returns **3** here'] },
  // list_holds_references.py: `b = [a, a]` holds two references to a; line 8 prints 4.
  { file: 'list_holds_references.py', line: 7, token: 'a', occurrence: 0, says: ['refcount **3**', /`a` in /, /\[0\]`/, /\[1\]`/] },
  { file: 'list_holds_references.py', line: 8, token: 'getrefcount', says: ['returns **4** here'] },
  // del_name_and_item.py: after `del a`, b's list is held once more than by b: line 10 prints 2.
  { file: 'del_name_and_item.py', line: 10, token: 'getrefcount', says: ['returns **2** here'] },
  // inspecting_refcounts.py, probes inside f-strings: prints 2, 3, then 2 again.
  { file: 'inspecting_refcounts.py', line: 10, token: 'getrefcount', says: ['returns **2** here'] },
  { file: 'inspecting_refcounts.py', line: 15, token: 'getrefcount', says: ['returns **3** here'] },
  { file: 'inspecting_refcounts.py', line: 19, token: 'getrefcount', says: ['returns **2** here'] },
  // circular_nodes.py, checked with sys.getrefcount(x) - 1 after each line and gc.is_tracked(node_a):
  // 1 after line 11; node_b 2 after line 14 (its name and node_a.connection); node_a 2 after line 15.
  { file: 'circular_nodes.py', line: 11, token: 'node_a', says: ['`node_a` → `Node`', 'refcount **1**', 'tracked by the cycle collector', 'reachable'] },
  { file: 'circular_nodes.py', line: 14, token: 'node_b', says: ['refcount **2**', /`node_b` in /, /\.connection`/] },
  { file: 'circular_nodes.py', line: 15, token: 'node_a', occurrence: 0, says: ['`node_a` → `Node`', 'refcount **2**', /`node_a` in /, /\.connection`/] },
  // `del node_b` unbinds the name: the hover shows node_b as it was before the line (refcount 2).
  { file: 'circular_nodes.py', line: 20, token: 'node_b', says: ['refcount **2**', 'unbound after this line'] },
  // refcount_alias_and_self_cycle.py prints 2, 3, 2, then gc.collect() returns 0 and, once node is deleted, 1.
  { file: 'refcount_alias_and_self_cycle.py', line: 8, token: 'getrefcount', says: ['returns **2** here'] },
  { file: 'refcount_alias_and_self_cycle.py', line: 10, token: 'getrefcount', says: ['returns **3** here'] },
  { file: 'refcount_alias_and_self_cycle.py', line: 12, token: 'getrefcount', says: ['returns **2** here'] },
  // ("collect" appears first in the string 'Garbage collector...'.)
  { file: 'refcount_alias_and_self_cycle.py', line: 22, token: 'collect', occurrence: 1, says: ['`gc.collect()` returns **0** here'] },
  { file: 'refcount_alias_and_self_cycle.py', line: 24, token: 'collect', occurrence: 1, says: ['`gc.collect()` returns **1** here'] },
];

describe('Hovers on the seed examples (CPython 3.12)', () => {
  before(() => selectVersion('3.12'));
  after(closeAllEditors);

  for (const c of CASES) {
    it(`${c.file}:${c.line} on "${c.token}"`, async () => {
      const editor = await openExample(c.file);
      // The hover is answered from the document's run: make sure it has one.
      const state = await stateAt(editor, c.line);
      assert.equal(state.kind, 'view');
      const text = await hoverAt(editor.document, c.line, c.token, c.occurrence);
      assert.ok(text, `no HeapScope hover on "${c.token}" at ${c.file}:${c.line}`);
      for (const expected of c.says) {
        if (typeof expected === 'string') assert.ok(text.includes(expected), `hover at ${c.file}:${c.line} lacks ${JSON.stringify(expected)}:\n${text}`);
        else assert.match(text, expected);
      }
      assert.match(text, new RegExp(`HeapScope, after line ${c.line}\\b.*CPython 3\\.12 \\(simulated\\)`));
    });
  }

  it('has no hover on keywords, strings and comments', async () => {
    const editor = await openExample('circular_nodes.py');
    await stateAt(editor, 19);
    assert.equal(await hoverAt(editor.document, 19, 'del'), '');
    assert.equal(await hoverAt(editor.document, 11, 'Alpha'), '');
    assert.equal(await hoverAt(editor.document, 18, 'node_a'), '', 'a name in a comment');
    const cycle = await openExample('refcount_alias_and_self_cycle.py');
    await stateAt(cycle, 22);
    assert.equal(await hoverAt(cycle.document, 22, 'collect', 0), '', '"collect" in a string');
  });
});
