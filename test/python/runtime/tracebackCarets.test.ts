import assert from 'node:assert/strict';
import { simulate } from '../../../src/python/simulate';
import type { PythonVersion } from '../../../src/protocol';
import { readCases, readJsonFixture } from '../helpers/fixtures';

/**
 * Uncaught exceptions print CPython's traceback, carets included (3.11+): the programs
 * of test/python/fixtures/tracebacks.cases against the stderr each CPython printed for
 * them as a script named prog.py (scripts/record-python-fixtures.py tracebacks). 3.13's
 * drawing of expressions over several lines is not simulated; those cases are skipped there.
 */
const MULTI_LINE = new Set(['div', 'multiline_call']);

describe('tracebacks against CPython (carets)', () => {
  const expected = readJsonFixture<Record<string, Partial<Record<PythonVersion, string>>>>('tracebacks.expected.json');
  for (const [name, source] of readCases('tracebacks.cases')) {
    for (const version of ['3.11', '3.12', '3.13'] as const) {
      if (version === '3.13' && MULTI_LINE.has(name)) continue;
      it(`${name} (${version})`, () => {
        const want = expected[name]?.[version];
        assert.ok(want !== undefined, 'not recorded: run scripts/record-python-fixtures.py tracebacks');
        const result = simulate(source, { version, fileName: 'prog.py' });
        assert.equal(result.stderr, want);
      });
    }
  }

  it('3.10 prints no carets', () => {
    const result = simulate('x = 1\ny = "a"\nz = x + y\n', { version: '3.10', fileName: 'prog.py' });
    assert.equal(result.stderr, 'Traceback (most recent call last):\n  File "prog.py", line 3, in <module>\n    z = x + y\nTypeError: unsupported operand type(s) for +: \'int\' and \'str\'\n');
  });
});
