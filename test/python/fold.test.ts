import assert from 'node:assert/strict';
import type * as ast from '../../src/python/ast';
import { foldConstants } from '../../src/python/fold';
import { parseModule } from '../../src/python/parse';
import type { PythonVersion } from '../../src/protocol';
import { astDump } from './helpers/astDump';
import { codeConstants } from './helpers/codeConstants';
import { readCases, readJsonFixture } from './helpers/fixtures';
import { constantRepr } from './helpers/pyRepr';

const VERSIONS: PythonVersion[] = ['3.10', '3.11', '3.12', '3.13'];

interface Recorded {
  /** repr of the constant `x = E` compiled to, or null when E was not one constant. */
  folded: string | null;
  /** co_consts, recursively, as sorted reprs (None left out). */
  consts: string[];
  /** 3.13 only: ast.dump of the optimized tree, with positions. */
  optimized?: string;
}

/**
 * Constant folding against CPython: for each case and version, whether `x = E` became a
 * single constant, and which constants the code ended up with.
 */
describe('constant folding against CPython', () => {
  const cases = readCases('fold.cases');
  const expected = readJsonFixture<Record<string, Record<PythonVersion, Recorded>>>('fold.expected.json');
  for (const [name, source] of cases) {
    for (const version of VERSIONS) {
      it(`${name} (${version})`, () => {
        const want = expected[name]?.[version];
        assert.ok(want, 'not recorded: run scripts/record-python-fixtures.py fold');
        const { module, errors } = parseModule(source, { version });
        assert.deepEqual(errors, []);
        const folded = foldConstants(module, version);
        // Cases marked consts-only fold further in CPython's compiler (jumps), not its AST.
        if (!name.endsWith('-consts-only')) {
          const first = folded.body[0];
          const isX = first?.kind === 'Assign' && first.targets.length === 1 && first.targets[0].kind === 'Name' && first.targets[0].id === 'x';
          const value = isX && first.value.kind === 'Constant' ? constantRepr(first.value.value) : null;
          assert.equal(value, want.folded, 'the value of x');
        }
        assert.deepEqual(codeConstants(folded, version), want.consts, 'co_consts');
        // 3.13 can show its optimized tree (ast.parse(optimize=1)): compare it whole, except
        // where __debug__ is involved (that tree is optimized as under -O).
        if (want.optimized && !source.includes('__debug__')) assert.equal(astDump(folded, null), want.optimized, 'the optimized tree');
      });
    }
  }

  it('leaves the input tree untouched and keeps positions', () => {
    const { module } = parseModule('x = (1, 2) + (3,)\n', { version: '3.12' });
    const before = JSON.stringify(module, (_, v) => (typeof v === 'bigint' ? String(v) : v));
    const folded = foldConstants(module, '3.12');
    assert.equal(JSON.stringify(module, (_, v) => (typeof v === 'bigint' ? String(v) : v)), before);
    const value = (folded.body[0] as ast.Assign).value;
    assert.equal(value.kind, 'Constant');
    assert.deepEqual([value.lineno, value.col_offset, value.end_lineno, value.end_col_offset], [1, 4, 1, 17]);
  });

  it('inverts not-is and not-in, as fold_unaryop does', () => {
    const { module } = parseModule('x = not a is b\ny = not a in b\nz = not a == b\n', { version: '3.12' });
    const body = foldConstants(module, '3.12').body as ast.Assign[];
    assert.deepEqual((body[0].value as ast.Compare).ops, ['IsNot']);
    assert.deepEqual((body[1].value as ast.Compare).ops, ['NotIn']);
    assert.equal(body[2].value.kind, 'UnaryOp');
  });

  it('folds match patterns and leaves annotations alone under __future__.annotations', () => {
    const { module } = parseModule('from __future__ import annotations\nx: 1 + 1 = 2 + 2\nmatch y:\n    case -1:\n        pass\n', { version: '3.12' });
    const body = foldConstants(module, '3.12').body;
    const ann = body[1] as ast.AnnAssign;
    assert.equal(ann.annotation.kind, 'BinOp');
    assert.equal(ann.value?.kind, 'Constant');
    const pattern = (body[2] as ast.Match).cases[0].pattern as ast.MatchValue;
    assert.equal(pattern.value.kind, 'Constant');
  });
});
