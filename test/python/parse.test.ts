import assert from 'node:assert/strict';
import { parseModule } from '../../src/python/parse';
import type { PythonVersion } from '../../src/protocol';
import { astDump } from './helpers/astDump';
import { listFixtures, readFixture, readJsonFixture } from './helpers/fixtures';

/** Points at the first difference, with some context, instead of a 1000-line diff. */
function assertSameDump(actual: string, expected: string, label: string): void {
  if (actual === expected) return;
  let i = 0;
  while (i < actual.length && actual[i] === expected[i]) i++;
  const from = Math.max(0, i - 300);
  assert.fail(`${label}: ast.dump differs at character ${i}\n--- ours:\n${actual.slice(from, i + 200)}\n--- CPython:\n${expected.slice(from, i + 200)}`);
}

describe('parseModule: ast.dump against CPython', () => {
  for (const file of listFixtures('ast', '.py')) {
    it(file, () => {
      const source = readFixture('ast', file);
      const version: PythonVersion = source.startsWith('# python: 3.13') ? '3.13' : '3.12';
      const { module, errors } = parseModule(source, { version });
      assert.deepEqual(errors, []);
      assertSameDump(astDump(module) + '\n', readFixture('ast', file.replace(/\.py$/, '.ast')), file);
    });
  }
});

describe('parseModule: the conformance programs', () => {
  const programs = readJsonFixture<Record<string, { source: string; dump: string }>>('ast', 'conformance.json');
  for (const [name, { source, dump }] of Object.entries(programs)) {
    it(name, () => {
      const { module, errors } = parseModule(source, { version: '3.12' });
      assert.deepEqual(errors, []);
      assertSameDump(astDump(module, null), dump, name);
    });
  }
});

describe('parseModule: version-specific syntax', () => {
  it('builds 3.14 template strings, and rejects them before 3.14 as CPython does', () => {
    const source = 'x = t"a{y!r:>3}"\n';
    const stmt = parseModule(source, { version: '3.14' }).module.body[0];
    assert.equal(stmt.kind, 'Assign');
    const value = stmt.kind === 'Assign' ? stmt.value : undefined;
    assert.equal(value?.kind, 'TemplateStr');
    if (value?.kind === 'TemplateStr') {
      const field = value.values[1];
      assert.equal(field.kind, 'Interpolation');
      if (field.kind === 'Interpolation') {
        assert.equal(field.str, 'y');
        assert.equal(field.conversion, 114);
      }
    }
    assert.deepEqual(
      parseModule(source, { version: '3.13' }).errors.map((e) => [e.message, e.lineno, e.offset]),
      [['invalid syntax', 1, 6]],
    );
  });

  it('parses the AST fixtures under every version it accepts', () => {
    for (const file of listFixtures('ast', '.py')) {
      const source = readFixture('ast', file);
      if (source.startsWith('# python:')) continue;
      for (const version of ['3.10', '3.11', '3.13', '3.14'] as PythonVersion[]) {
        assert.deepEqual(parseModule(source, { version }).errors, [], `${file} (${version})`);
      }
    }
  });
});
