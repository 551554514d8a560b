import assert from 'node:assert/strict';
import { parseModule, utf16Column } from '../../src/python/parse';
import type { PythonVersion } from '../../src/protocol';
import { listFixtures, readFixture } from './helpers/fixtures';

/** parseModule never throws: garbage, huge and deeply nested input all come back as errors. */
describe('parseModule on hostile input', () => {
  const deep: [string, string, string][] = [
    ['10000 nested parentheses', 'x = ' + '('.repeat(10000) + '1' + ')'.repeat(10000) + '\n', 'too many nested parentheses'],
    ['100000 open parentheses', '('.repeat(100000), 'too many nested parentheses'],
    ['5000 nested nots', 'x = ' + 'not '.repeat(5000) + 'y\n', 'maximum recursion depth exceeded during compilation'],
    ['a 20000-long attribute chain', 'x = a' + '.b'.repeat(20000) + '\n', 'maximum recursion depth exceeded during compilation'],
    ['101 nested blocks', Array.from({ length: 101 }, (_, i) => ' '.repeat(i) + 'if x:\n').join('') + ' '.repeat(101) + 'pass\n', 'too many levels of indentation'],
    ['a null byte', 'x = 1\0\n', 'source code string cannot contain null bytes'],
  ];
  for (const [what, source, message] of deep) {
    it(what, () => {
      const { errors } = parseModule(source, { version: '3.12' });
      assert.equal(errors[0]?.message, message);
    });
  }

  it('accepts nesting CPython accepts (150 nested lists, 99 nested defs, 1000-term sums)', () => {
    const sources = [
      'x = ' + '['.repeat(150) + ']'.repeat(150) + '\n',
      Array.from({ length: 99 }, (_, i) => ' '.repeat(i) + `def f${i}():\n`).join('') + ' '.repeat(99) + 'pass\n',
      'x = ' + Array(900).fill('1').join(' + ') + '\n',
      'x = ' + Array(20000).fill('"a"').join(' ') + '\n',
    ];
    for (const source of sources) assert.deepEqual(parseModule(source, { version: '3.12' }).errors, []);
  });

  it('survives random edits of valid programs with a CPython-style error, never an internal one', () => {
    const programs = listFixtures('ast', '.py').map((file) => readFixture('ast', file));
    const alphabet = '()[]{}:;,.=+-*/\\\'"#@!$?`\n\t fxr0123abcifdefclassreturn lambda€é😀';
    let seed = 20240601;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const versions: PythonVersion[] = ['3.10', '3.11', '3.12', '3.13', '3.14'];
    for (let n = 0; n < 400; n++) {
      let source = programs[Math.floor(random() * programs.length)];
      for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
        const at = Math.floor(random() * (source.length + 1));
        source = random() < 0.4 ? source.slice(0, at) + source.slice(at + 1) : source.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + source.slice(at);
      }
      const version = versions[n % versions.length];
      const { errors } = parseModule(source, { version });
      for (const e of errors) {
        assert.doesNotMatch(e.message, /internal error/, `${version}: ${JSON.stringify(source)}`);
        assert.ok(e.lineno >= 1 && Number.isInteger(e.offset), JSON.stringify(e));
      }
    }
  });
});

describe('utf16Column', () => {
  it('maps UTF-8 byte columns to editor columns', () => {
    assert.equal(utf16Column('x = 1', 4), 4);
    assert.equal(utf16Column('é = "😀"', 0), 0);
    assert.equal(utf16Column('é = "😀"', 2), 1); // after the two bytes of é
    assert.equal(utf16Column('é = "😀"', 6), 5); // the emoji starts at byte 6, UTF-16 column 5
    assert.equal(utf16Column('é = "😀"', 10), 7); // after its four bytes: a surrogate pair
    assert.equal(utf16Column('é', 1), 0); // inside a character: its start
    assert.equal(utf16Column('ab', 5), 5); // past the end
  });

  it('agrees with the tree: a name after non-ASCII text', () => {
    const source = 'é = "日本" ; name = 1\n';
    const stmt = parseModule(source, { version: '3.12' }).module.body[1];
    assert.equal(stmt.kind, 'Assign');
    assert.equal(stmt.col_offset, 16); // é is 2 bytes, 日本 6
    assert.equal(source.slice(utf16Column(source.split('\n')[0], stmt.col_offset)).startsWith('name'), true);
  });
});
