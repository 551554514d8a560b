import assert from 'node:assert/strict';
import type { SyntaxWarningInfo } from '../../../src/python/ast';
import { compileWarnings } from '../../../src/python/compile/compileWarnings';
import { foldConstants } from '../../../src/python/fold';
import { parseModule } from '../../../src/python/parse';
import { simulate } from '../../../src/python/simulate';
import type { PythonVersion } from '../../../src/protocol';
import { VERSIONS as PROFILES } from '../../../src/versions';
import { readCases, readJsonFixture } from '../helpers/fixtures';

const VERSIONS: PythonVersion[] = ['3.10', '3.11', '3.12', '3.13'];

/** What the front end warns about a program, as the simulation prints it: the parser's escapes (3.12+), then the compiler's. */
function warningsOf(source: string, version: PythonVersion): SyntaxWarningInfo[] {
  const { module, errors, escapeWarnings } = parseModule(source, { version });
  assert.deepEqual(errors, []);
  const language = PROFILES[version].language;
  return [...(language.syntaxWarnings.invalidEscapes ? escapeWarnings : []), ...compileWarnings(foldConstants(module, version), language)];
}

/**
 * The SyntaxWarnings CPython prints before running a script, against what `compile()`
 * warned in each CPython (test/python/fixtures/warnings.cases, recorded by
 * scripts/record-python-fixtures.py warnings): which, where, worded how, in what order.
 */
describe('SyntaxWarnings against CPython', () => {
  const expected = readJsonFixture<Record<string, Record<PythonVersion, SyntaxWarningInfo[]>>>('warnings.expected.json');
  for (const [name, source] of readCases('warnings.cases')) {
    for (const version of VERSIONS) {
      it(`${name} (${version})`, () => {
        const want = expected[name]?.[version];
        assert.ok(want, 'not recorded: run scripts/record-python-fixtures.py warnings');
        assert.deepEqual(warningsOf(source, version), want);
      });
    }
  }

  it('prints them to stderr before the program runs, as the warnings module formats them', () => {
    const result = simulate('x = 1\nprint(x is 1)\n\ny = [x for x in "ab\\d"]\n', { version: '3.12', fileName: '/tmp/prog.py' });
    assert.equal(result.stdout, 'True\n');
    assert.equal(
      result.stderr,
      [
        "/tmp/prog.py:4: SyntaxWarning: invalid escape sequence '\\d'",
        '  y = [x for x in "ab\\d"]',
        '/tmp/prog.py:2: SyntaxWarning: "is" with \'int\' literal. Did you mean "=="?',
        '  print(x is 1)',
        '',
      ].join('\n'),
    );
    // 3.10: the escape is a hidden DeprecationWarning, the literal has no type in the message.
    assert.equal(simulate('x = 1\nprint(x is 1, "\\d")\n', { version: '3.10', fileName: 'p.py' }).stderr, 'p.py:2: SyntaxWarning: "is" with a literal. Did you mean "=="?\n  print(x is 1, "\\d")\n');
  });

  it('prints none for a program that does not compile', () => {
    const result = simulate('x = "\\d"\nprint(x is 1\n', { version: '3.12' });
    assert.equal(result.status.kind, 'syntax');
    assert.doesNotMatch(result.stderr, /SyntaxWarning/);
  });
});
