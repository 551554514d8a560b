import assert from 'node:assert/strict';
import type { PythonVersion } from '../../src/protocol';
import { simulate, type SimulationOptions } from '../../src/python/simulate';

/**
 * Every limit stops the run with a clear message at the line that reached it, keeps the
 * output and the trace up to there (the last step can be rebuilt), and takes little time.
 * Where CPython itself refuses a size, its exception is raised instead.
 */

interface LimitCase {
  readonly what: string;
  readonly source: string;
  readonly limits?: SimulationOptions['limits'];
  readonly kind: 'budget' | 'limit' | 'exception';
  readonly message: string | RegExp;
  readonly line: number;
  /** What the program printed before the stop. */
  readonly stdout?: string;
  /** Stopped before the first step (nothing to keep). */
  readonly noSteps?: true;
}

const CASES: LimitCase[] = [
  {
    what: 'step budget: a runaway loop',
    source: 'print("start")\nwhile True:\n    pass\n',
    limits: { steps: 1000 },
    kind: 'budget',
    message: 'step budget of 1000 lines reached',
    // The line that would have run next.
    line: 2,
    stdout: 'start\n',
  },
  {
    what: 'step budget: items a builtin goes through in one line',
    source: 'print("start")\nx = sum(range(10**12))\n',
    limits: { steps: 1000 },
    kind: 'budget',
    message: 'step budget reached: builtins went through more than 1,000 items',
    line: 2,
    stdout: 'start\n',
  },
  {
    what: 'step budget: comparisons while sorting',
    source: 'x = [5, 3, 9] * 3000\ny = sorted(x)\n',
    limits: { steps: 10_000 },
    kind: 'budget',
    message: 'step budget reached: builtins went through more than 10,000 items',
    line: 2,
  },
  {
    // Found by the fuzzer: 1,000 recursive calls each building a 20,000-item list.
    what: 'trace length: every line of a deep recursion builds a long list display',
    source: 'def f(n):\n    x = [' + Array(20_000).fill('1').join(', ') + ']\n    return f(n + 1)\nf(0)\n',
    limits: { steps: 10_000 },
    kind: 'limit',
    message: 'the trace grew too long to keep (over 160,000 heap events)',
    line: 2,
  },
  {
    // Found by the fuzzer: the joined text was built whole (gigabytes) before the limit was checked.
    what: 'output: one print of a 1 MB value 5,000 times',
    source: 'x = "x" * 1_000_000\nprint(' + Array(5000).fill('x').join(', ') + ')\n',
    kind: 'limit',
    message: 'output limit reached (10000000 characters)',
    line: 2,
  },
  {
    what: 'live references: one list holding four million',
    source: 'x = [0] * 4_000_000\n',
    kind: 'limit',
    message: 'too many live references (over 2,000,000)',
    line: 1,
  },
  {
    what: 'live references: a concatenation past the limit',
    source: 'x = [0] * 600\ny = x + x\n',
    limits: { references: 1000 },
    kind: 'limit',
    message: 'too many live references (over 1,000)',
    line: 2,
  },
  {
    // Found by the fuzzer: an f-string formatting an 11,000-item list thousands of times.
    what: 'step budget: items a repr goes through',
    source: 'x = [1] * 11_000\ny = f"' + '{x}'.repeat(200) + '"\n',
    kind: 'budget',
    message: 'step budget reached: builtins went through more than 1,000,000 items',
    line: 2,
  },
  {
    what: 'step budget: the default stops sum(range(10**12))',
    source: 'x = sum(range(10**12))\n',
    kind: 'budget',
    message: 'step budget reached: builtins went through more than 1,000,000 items',
    line: 1,
  },
  {
    what: 'recursion depth: RecursionError as CPython raises it',
    source: 'print("start")\ndef f(n):\n    return f(n + 1)\nf(0)\n',
    kind: 'exception',
    message: 'RecursionError: maximum recursion depth exceeded',
    line: 3,
    stdout: 'start\n',
  },
  {
    what: 'recursion depth: through a builtin (repr of a self-repr)',
    source: 'class R:\n    def __repr__(self):\n        return repr(self)\nrepr(R())\n',
    kind: 'exception',
    message: /^RecursionError: maximum recursion depth exceeded/,
    line: 3,
  },
  {
    what: 'live objects: one per line',
    source: 'x = []\nwhile True:\n    x.append([])\n',
    limits: { objects: 1000 },
    kind: 'limit',
    message: 'too many live objects (over 1000)',
    line: 3,
  },
  {
    what: 'live objects: many in one line',
    source: 'print("start")\nx = list(map(list, [()] * 30000))\n',
    limits: { objects: 10_000 },
    kind: 'limit',
    message: 'too many live objects (over 10000)',
    line: 2,
    stdout: 'start\n',
  },
  {
    what: 'output size',
    source: 'while True:\n    print("y" * 99)\n',
    limits: { output: 1000 },
    kind: 'limit',
    message: 'output limit reached (1000 characters)',
    line: 2,
    stdout: ('y'.repeat(99) + '\n').repeat(10),
  },
  {
    what: 'source size',
    source: 'x = 1\n' + '#'.repeat(5_000_000) + '\n',
    kind: 'limit',
    message: 'the program is too long to simulate (5000007 characters; the limit is 5,000,000)',
    line: 1,
    noSteps: true,
  },
  {
    what: '[0] * 10**9',
    source: 'a = 1\nx = [0] * 10**9\n',
    kind: 'limit',
    message: 'a list of 1,000,000,000 items is too large to simulate (the limit is 10,000,000 items)',
    line: 2,
  },
  {
    what: "'x' * 10**10",
    source: "print('start')\nx = 'x' * 10**10\n",
    kind: 'limit',
    message: 'a str of 10,000,000,000 characters is too large to simulate (the limit is 10,000,000 characters)',
    line: 2,
    stdout: 'start\n',
  },
  {
    what: '10**10**8',
    source: 'a = 1\nx = 10**10**8\n',
    kind: 'limit',
    message: 'an int of about 332,192,809 bits is too large to simulate (the limit is 4,000,000 bits)',
    line: 2,
  },
  {
    what: '1 << 10**10',
    source: 'x = 1 << 10**10\n',
    kind: 'limit',
    message: /^an int of about 10,000,000,001 bits is too large to simulate/,
    line: 1,
  },
  {
    what: 'an int squared until it is too large',
    source: 'x = 3\nwhile True:\n    x = x * x\n',
    kind: 'limit',
    message: /^an int of about [\d,]+ bits is too large to simulate \(the limit is 4,000,000 bits\)$/,
    line: 3,
  },
  {
    what: 'pow(3, 10**9)',
    source: 'x = pow(3, 10**9)\n',
    kind: 'limit',
    message: /^an int of about 1,584,962,50\d bits is too large to simulate/,
    line: 1,
  },
  {
    what: "b'x' * 10**10",
    source: "x = b'x' * 10**10\n",
    kind: 'limit',
    message: 'a bytes object of 10,000,000,000 bytes is too large to simulate (the limit is 10,000,000 bytes)',
    line: 1,
  },
  {
    what: 'bytearray(10**10)',
    source: 'x = bytearray(10**10)\n',
    kind: 'limit',
    message: 'a bytearray of 10,000,000,000 bytes is too large to simulate (the limit is 10,000,000 bytes)',
    line: 1,
  },
  {
    what: 'x *= 10**9 on a list',
    source: 'x = [0]\nx *= 10**9\n',
    kind: 'limit',
    message: /^a list of 1,000,000,000 items is too large/,
    line: 2,
  },
  {
    what: 'a str doubled until it is too large',
    source: "s = 'x' * 1000\nwhile True:\n    s += s\n",
    kind: 'limit',
    message: /^a str of [\d,]+ characters is too large to simulate/,
    line: 3,
  },
  {
    what: "'x'.ljust(10**10)",
    source: "x = 'x'.ljust(10**10)\n",
    kind: 'limit',
    message: /^a str of 10,000,000,000 characters is too large/,
    line: 1,
  },
  {
    what: "'x\\ty'.expandtabs(10**10)",
    source: "x = 'x\\ty'.expandtabs(10**10)\n",
    kind: 'limit',
    message: /^a str of [\d,]+ characters is too large/,
    line: 1,
  },
  {
    what: 'a format width of 10**10',
    source: "x = f'{1:>10000000000}'\n",
    kind: 'limit',
    message: /^a str of 10,000,000,000 characters is too large/,
    line: 1,
  },
  {
    what: '[0] * 10**100: CPython refuses it with OverflowError',
    source: 'x = [0] * 10**100\n',
    kind: 'exception',
    message: "OverflowError: cannot fit 'int' into an index-sized integer",
    line: 1,
  },
  {
    what: "'x' * (1 << 63): CPython refuses it with OverflowError",
    source: "x = 'x' * (1 << 63)\n",
    kind: 'exception',
    message: "OverflowError: cannot fit 'int' into an index-sized integer",
    line: 1,
  },
];

const VERSIONS: PythonVersion[] = ['3.10', '3.12', '3.14'];

describe('limits', function () {
  this.timeout(60000);
  for (const c of CASES) {
    for (const version of VERSIONS) {
      it(`${c.what} (${version})`, () => {
        const started = performance.now();
        const result = simulate(c.source, { version, fileName: 'limits.py', limits: c.limits, checkInvariants: true });
        const ms = performance.now() - started;
        const status = result.status;
        assert.equal(status.kind, c.kind, JSON.stringify(status).slice(0, 500));
        const message = status.kind === 'exception' ? `${status.typeName}: ${status.message}` : status.kind === 'budget' || status.kind === 'limit' ? status.message : '';
        if (typeof c.message === 'string') assert.equal(message, c.message);
        else assert.match(message, c.message);
        assert.equal((status as { line: number }).line, c.line, 'line');
        if (c.stdout !== undefined) assert.equal(result.stdout, c.stdout);
        assert.deepEqual(result.invariantViolations, [], 'heap invariants');
        // The partial trace is kept: the heap at its last step can be rebuilt.
        if (!c.noSteps) {
          assert.ok(result.trace.stepCount > 0, 'no steps kept');
          result.timeline().snapshot(result.trace.stepCount - 1);
        }
        assert.ok(ms < 20_000, `took ${Math.round(ms)} ms`);
      });
    }
  }

  it('a RecursionError can be caught, and the program goes on', () => {
    const source = 'def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(type(e).__name__, e)\nprint("after")\n';
    const result = simulate(source, { version: '3.12', checkInvariants: true });
    assert.equal(result.status.kind, 'complete');
    assert.equal(result.stdout, 'RecursionError maximum recursion depth exceeded\nafter\n');
    assert.deepEqual(result.invariantViolations, []);
  });
});
