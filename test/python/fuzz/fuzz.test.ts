import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PYTHON_VERSIONS } from '../../../src/protocol';
import { simulate } from '../../../src/python/simulate';
import { fuzzInput, loadCorpus, runCampaign, truncations } from './campaign';
import { isCrash, IsolatedRunner } from './isolate';
import { minimize } from './minimize';

/**
 * The fuzzer's regressions (every input that ever broke the simulator, minimized), a short
 * seeded campaign, and the fuzzer's own machinery: isolation, hang detection, shrinking.
 */

/** The repository, found from the bundle (dist/test/python/fuzz) or from where mocha runs. */
const ROOT = [resolve(__dirname, '../../../..'), resolve('.')].find((dir) => existsSync(join(dir, 'test/python/fuzz/regressions')))!;
const LIBRARY = join(ROOT, 'dist/lib/simulate.js');
const REGRESSIONS = join(ROOT, 'test/python/fuzz/regressions');
/** As in `npm run fuzz`. */
const STEPS = 100_000;

describe('fuzz regressions', function () {
  this.timeout(120_000);
  const files = readdirSync(REGRESSIONS)
    .filter((f) => f.endsWith('.py'))
    .sort();
  let runner: IsolatedRunner;
  before(() => (runner = new IsolatedRunner(LIBRARY, 10_000, { steps: STEPS })));
  after(() => runner.close());

  it('are kept', () => assert.ok(files.length > 0));
  for (const file of files) {
    it(file, async () => {
      const source = readFileSync(join(REGRESSIONS, file), 'utf8');
      for (const version of PYTHON_VERSIONS) {
        const report = await runner.run(source, version);
        assert.ok(!isCrash(report.kind), `${version}: ${report.kind}: ${report.detail}`);
      }
    });
  }
});

/**
 * Inputs that were quadratic or worse (the fuzzer reported them as hangs); generated, as a
 * file of each would be hundreds of kilobytes. Each must be simulated, and its last step
 * rebuilt from the trace as the editor does, well within the editor's time limit.
 */
describe('fuzz regressions: inputs that were slow', function () {
  this.timeout(60_000);
  const slow: [string, string][] = [
    ['a dict display of 20,000 entries', 'x = {' + Array.from({ length: 20_000 }, (_, i) => `${i}: ${i}`).join(', ') + '}\n'],
    ['a call with 20,000 arguments', 'def f(*a):\n    return len(a)\nprint(f(' + Array(20_000).fill('[]').join(', ') + '))\n'],
    ['iterating over a str of 200,000 characters', "n = 0\nfor c in 'x' * 200000: n += 1\nprint(n)\n"],
    ['a line of 100,000 characters with a non-ASCII one at its end', 'x = 1; '.repeat(14_000) + "s = 'é'\n"],
    // Fuzz seed 5 run 591 (3.11): the traceback quotes the whole line.
    ['a NameError inside a 20,000-entry dict display', 'x = {' + Array.from({ length: 20_000 }, (_, i) => (i === 10_000 ? `${i}: h` : `${i}: ${i}`)).join(', ') + '}\n'],
    // Fuzz seed 5 run 3720 (3.10): rebuilding the snapshot spread 200,000 edges into one call.
    ['200,000 statements on one line', 'x = 1; '.repeat(200_000) + '\n'],
    ['a 10,000-entry dict display rebuilt 17 times', 'for i in range(17):\n    x = {' + Array.from({ length: 10_000 }, (_, i) => `${i}: ${i}`).join(', ') + '}\n'],
  ];
  for (const [what, source] of slow) {
    it(what, () => {
      const started = performance.now();
      const result = simulate(source, { version: '3.12', limits: { steps: 1_000_000 } });
      assert.ok(['complete', 'exception'].includes(result.status.kind), JSON.stringify(result.status).slice(0, 300));
      result.timeline().snapshot(result.trace.stepCount - 1);
      const ms = performance.now() - started;
      assert.ok(ms < 8000, `took ${Math.round(ms)} ms`);
    });
  }
});

describe('fuzzer', function () {
  this.timeout(120_000);
  const corpus = loadCorpus(ROOT);

  it('reads its corpus from the repository (conformance snippets, cases, examples)', () => {
    const folders = new Set(corpus.map((f) => f.name.split('/').slice(0, -1).join('/')));
    assert.deepEqual([...folders].sort(), ['examples', 'test/python/cases', 'test/python/conformance']);
    assert.ok(corpus.some((f) => f.name.startsWith('test/python/cases/seed_')), 'the seed articles\u2019 examples');
  });

  it('makes the same input from the same seed and run', () => {
    for (const run of [0, 1, 17, 500]) assert.deepEqual(fuzzInput(7, run, corpus), fuzzInput(7, run, corpus));
    assert.notEqual(fuzzInput(7, 1, corpus).source, fuzzInput(8, 1, corpus).source);
  });

  it('cuts every program at every position (--truncate-all)', () => {
    const cuts = truncations([
      { name: 'a.py', source: 'ab' },
      { name: 'b.py', source: 'c' },
    ]);
    assert.equal(cuts.count, 5);
    assert.deepEqual(
      Array.from({ length: cuts.count }, (_, run) => [cuts.at(run).from, cuts.at(run).source]),
      [['a.py', ''], ['a.py', 'a'], ['a.py', 'ab'], ['b.py', ''], ['b.py', 'c']],
    );
  });

  it('runs a short seeded campaign with no crash and no hang', async () => {
    const result = await runCampaign({ library: LIBRARY, corpus, seed: 20_240_611, seconds: 60, maxRuns: 30, jobs: 1, timeoutMs: 5000, minimizeMs: 0, steps: STEPS });
    assert.equal(result.runs, 30);
    const crashes = result.crashes.map((c) => `${c.signature} (run ${c.run}, ${c.version}: ${c.mutations.join(' + ')} of ${c.from})`);
    assert.deepEqual(crashes, []);
    assert.ok((result.outcomes.syntax ?? 0) > 0 && (result.outcomes.complete ?? 0) > 0, JSON.stringify(result.outcomes));
  });

  describe('isolation', () => {
    // A stand-in for the simulator that hangs, throws or dies on request.
    const dir = mkdtempSync(join(tmpdir(), 'heapscope-fuzz-'));
    const fake = join(dir, 'fake.js');
    writeFileSync(
      fake,
      `exports.UNGUARDED_SIZE = 'a value too large to simulate';
exports.simulate = (source) => {
  if (source === 'hang') for (;;);
  if (source === 'throw') throw new Error('boom');
  const status = source === 'internal' ? { kind: 'internal', message: 'internal error in HeapScope: x is undefined', line: 3 } : { kind: 'complete' };
  return { status, invariantViolations: [], trace: { stepCount: 0 }, timeline: () => null };
};`,
    );
    let runner: IsolatedRunner;
    before(() => (runner = new IsolatedRunner(fake, 500)));
    after(() => runner.close());

    it('sorts runs into outcomes and crashes', async () => {
      assert.equal((await runner.run('ok', '3.12')).kind, 'complete');
      assert.equal((await runner.run('internal', '3.12')).kind, 'internal');
      assert.equal((await runner.run('throw', '3.12')).kind, 'threw');
    });

    it('reports a hang as a timeout and goes on with a new worker', async () => {
      const report = await runner.run('hang', '3.12');
      assert.equal(report.kind, 'timeout');
      assert.equal((await runner.run('ok', '3.12')).kind, 'complete');
    });
  });

  it('shrinks a failing input to what makes it fail', async () => {
    const input = 'a = 1\nb = [2, 3]\nprint(a)\nx = (1 << 10**10)\nc = 4\n';
    const minimized = await minimize(input, async (candidate) => /<< 10\*\*10/.test(candidate), { budgetMs: 10_000 });
    assert.equal(minimized, '<< 10**10');
  });
});
