import assert from 'node:assert/strict';
import { LineMap, utf8Length } from '../../src/python/lineMap';

describe('LineMap', () => {
  it('gives UTF-8 columns on long non-ASCII lines (counted from checkpoints) as from the line start', () => {
    let seed = 7;
    const random = (n: number): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const pieces = ['x = 1; ', 'é', '😀', '日本', '\u200e', 'ab'];
    const line = Array.from({ length: 3000 }, () => pieces[random(pieces.length)]).join('');
    const text = 'first = "ü"\n' + line + '\nlast\n';
    const map = new LineMap(text);
    const start = text.indexOf('\n') + 1;
    for (let i = 0; i < 2000; i++) {
      let offset = start + random(line.length + 1);
      // Offsets the parser gives are never inside a surrogate pair.
      const c = text.charCodeAt(offset);
      if (c >= 0xdc00 && c <= 0xdfff) offset--;
      assert.deepEqual(map.position(offset), { lineno: 2, col: utf8Length(text, start, offset) });
    }
    assert.deepEqual(map.position(text.length - 5), { lineno: 3, col: 0 });
  });

  it('parses a 50,000-character line with a non-ASCII character quickly', () => {
    const started = performance.now();
    const map = new LineMap('x = 1; '.repeat(7000) + 'é');
    for (let offset = 0; offset < 49_000; offset += 7) map.position(offset);
    assert.ok(performance.now() - started < 2000);
  });
});
