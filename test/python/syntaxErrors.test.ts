import assert from 'node:assert/strict';
import { parseModule } from '../../src/python/parse';
import type { PythonVersion } from '../../src/protocol';
import { readCases, readJsonFixture } from './helpers/fixtures';

interface Recorded {
  type: string;
  message: string;
  lineno: number | null;
  offset: number | null;
  end_lineno: number | null;
  end_offset: number | null;
}

const VERSIONS: PythonVersion[] = ['3.10', '3.11', '3.12', '3.13'];

/**
 * The syntax error catalogue: for each case and version, the first error CPython's
 * compile() raised (message, type, line, offset, end), recorded by
 * scripts/record-python-fixtures.py.
 */
describe('syntax errors in CPython\'s words', () => {
  const cases = readCases('syntax-errors.cases');
  const expected = readJsonFixture<Record<string, Record<PythonVersion, Recorded | null>>>('syntax-errors.expected.json');
  for (const [name, source] of cases) {
    for (const version of VERSIONS) {
      it(`${name} (${version})`, () => {
        const want = expected[name]?.[version];
        assert.notEqual(want, undefined, 'not recorded: run scripts/record-python-fixtures.py errors');
        const { errors } = parseModule(source, { version });
        if (want === null) {
          assert.deepEqual(errors, []);
          return;
        }
        assert.equal(errors.length, 1, 'expected one error');
        const got = errors[0];
        const actual = { type: got.type, message: got.message, lineno: got.lineno, offset: got.offset, end_lineno: got.end_lineno, end_offset: got.end_offset };
        // CPython leaves some ends unset (None); those are not compared.
        const wanted = { ...want, end_lineno: want.end_lineno ?? actual.end_lineno, end_offset: want.end_offset ?? actual.end_offset, lineno: want.lineno ?? actual.lineno, offset: want.offset ?? actual.offset };
        assert.deepEqual(actual, wanted);
      });
    }
  }
});
