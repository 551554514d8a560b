import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The CLI as a user (and ../shared/conformance/check.sh) runs it: what it prints and its
 * exit status — CPython's own for a program that ends or raises, HeapScope's for what it
 * does not simulate (2) and for limits (3).
 */
const ROOT = [resolve(__dirname, '../..'), resolve('.')].find((dir) => existsSync(join(dir, 'dist/cli.js')))!;
const CLI = join(ROOT, 'dist/cli.js');

function run(source: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'heapscope-cli-'));
  const file = join(dir, 'prog.py');
  writeFileSync(file, source);
  const result = spawnSync(process.execPath, [CLI, 'run', file, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.replaceAll(file, 'prog.py') };
}

describe('heapscope run', function () {
  this.timeout(30_000);

  it('prints what the program prints and exits 0', () => {
    const r = run('import sys\na = []\nprint(sys.getrefcount(a))\n');
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, '2\n', '']);
  });

  it('exits 1 with CPython\u2019s traceback for an uncaught exception', () => {
    const r = run('print("before")\n[].pop()\n');
    assert.equal(r.status, 1);
    assert.equal(r.stdout, 'before\n');
    assert.match(r.stderr, /^Traceback \(most recent call last\):\n {2}File "prog.py", line 2, in <module>\n/);
    assert.match(r.stderr, /IndexError: pop from empty list\n$/);
  });

  it('exits 1 for a syntax error, as CPython does, with its report', () => {
    const r = run('x = (\n');
    assert.equal(r.status, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '  File "prog.py", line 1\n    x = (\n        ^\nSyntaxError: \'(\' was never closed\n');
  });

  it('exits 2 at a construct it does not simulate, naming its line and column', () => {
    const r = run('print(1)\nimport os\n');
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '1\n');
    assert.match(r.stderr, /^prog\.py:2:0: import of module 'os' is not simulated/);
  });

  it('exits 3 when the step budget stops a runaway loop', () => {
    const r = run('while True:\n    pass\n', '--steps', '1000');
    assert.equal(r.status, 3);
    assert.match(r.stderr, /step budget of 1000 lines reached/);
  });

  it('runs under the version asked for', () => {
    const r = run('import sys\nprint(sys.version_info[:2])\n', '--python', '3.10');
    assert.deepEqual([r.status, r.stdout], [0, '(3, 10)\n']);
  });
});
