#!/usr/bin/env node
// `npm run fuzz`: mutates the conformance snippets, HeapScope's recorded cases and the
// examples (lines and tokens deleted, duplicated, swapped; truncations; deep nesting; huge
// literals and allocations; very long lines; odd unicode; broken indentation) and runs
// each mutant on CPython 3.10–3.14 in a worker thread with a wall-clock limit, for a fixed
// time (one worker by default: the machines it runs on are shared). Prints the counts per
// outcome. A crash — an internal error, an exception escaping simulate(), a JavaScript size
// limit reached before HeapScope's own checks, a broken heap invariant, a trace that cannot
// be replayed, a worker that died, a hang — is minimized (lines, then words, then
// characters, keeping the same failure) and saved as
// test/python/fuzz/regressions/NNN-short-name.py, which test/python/fuzz/fuzz.test.ts runs.
//
// Usage: node scripts/fuzz.mjs [--seconds 60] [--seed N] [--jobs N] [--timeout 2000]
//          [--runs N] [--steps 100000] [--minimize-seconds 60] [--no-save] [--json FILE]
//        node scripts/fuzz.mjs --truncate-all [--seconds N]   every cut of the examples and snippets
//        node scripts/fuzz.mjs --show SEED:RUN     prints that run's program
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const seconds = Number(option('--seconds', 60));
const seed = Number(option('--seed', Date.now() % 1_000_000));
const jobs = Number(option('--jobs', 1));
const timeoutMs = Number(option('--timeout', 2000));
// A step budget of 100,000 (the editor's is 1,000,000) keeps every run within a second or
// two, so a run that does not answer in time is stuck inside one step: a hang.
const steps = Number(option('--steps', 100_000));
const maxRuns = Number(option('--runs', Infinity));
const minimizeMs = Number(option('--minimize-seconds', 60)) * 1000;
const save = !args.includes('--no-save');
const jsonOut = option('--json', null);

const library = join(root, 'dist/lib/simulate.js');
const fuzzLibrary = join(root, 'dist/lib/fuzz.js');
if (!existsSync(library) || !existsSync(fuzzLibrary)) {
  console.error('fuzz: build first (npm run build)');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const { runCampaign, loadCorpus, saveRegression, fuzzInput, truncations } = require(fuzzLibrary);
const { simulate, UNGUARDED_SIZE } = require(library);
const corpus = loadCorpus(root);

const show = option('--show', null);
if (show) {
  const [s, r] = show.split(':').map(Number);
  const input = fuzzInput(s, r, corpus);
  process.stderr.write(`# run ${r} of seed ${s}: Python ${input.version}, ${input.mutations.join(' + ')} of ${input.from}\n`);
  process.stdout.write(input.source);
  process.exit(0);
}

// --truncate-all: instead of random mutations, the examples (examples/, the seed articles'
// cases) and the conformance snippets cut at every character position, as far as the time
// allows.
const truncatable = (name) => name.startsWith('examples/') || name.startsWith('test/python/cases/seed_') || name.startsWith('test/python/conformance/');
const truncated = args.includes('--truncate-all') ? truncations(corpus.filter((f) => truncatable(f.name))) : null;
const what = truncated ? `every truncation of the examples and conformance snippets (${truncated.count} cuts)` : `mutations of ${corpus.length} corpus programs with seed ${seed}`;
console.log(`Fuzzing for ${seconds} s: ${what}; ${jobs} worker${jobs === 1 ? '' : 's'}, ${timeoutMs} ms per run, step budget ${steps}`);
const result = await runCampaign({
  library,
  corpus,
  seed,
  seconds,
  maxRuns: truncated ? Math.min(maxRuns, truncated.count) : maxRuns,
  inputs: truncated?.at,
  jobs,
  timeoutMs,
  minimizeMs,
  steps,
  log: (line) => console.log(line),
});

console.log(`\n${result.runs} runs in ${result.seconds.toFixed(1)} s (${truncated ? `${result.runs} of ${truncated.count} cuts` : `seed ${seed}`})\nOutcomes:`);
for (const [kind, n] of Object.entries(result.outcomes).sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${kind}`);
console.log(`\nCrashes: ${result.crashes.length} distinct`);
const regressions = join(root, 'test/python/fuzz/regressions');
for (const crash of result.crashes) {
  console.log(`  ${crash.count}x ${crash.signature}\n     first: run ${crash.run} (Python ${crash.version}, ${crash.mutations.join(' + ')} of ${crash.from})`);
  if (!save) continue;
  const path = saveRegression(regressions, crash);
  // The saved file (with its comment line) must still break the same way, or it is no test.
  const saved = readFileSync(path, 'utf8');
  const still = reproduces(saved, crash);
  console.log(`     saved ${relative(root, path)}${still ? '' : ' (WARNING: the saved file does not reproduce it in-process)'}`);
}
console.log(`Slow (over ${timeoutMs} ms, answered within ${timeoutMs * 5} ms): ${result.slow.length}`);
for (const s of [...result.slow].sort((a, b) => b.ms - a.ms).slice(0, 10)) console.log(`  run ${s.run} (Python ${s.version}, ${s.mutations.join(' + ')}): ${s.ms} ms`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ seed, ...result, crashes: result.crashes.map(({ source, ...c }) => c) }, null, 2));
process.exitCode = result.crashes.length ? 1 : 0;

/** In-process check of a saved regression (hangs and dead workers are not re-checked). */
function reproduces(source, crash) {
  if (crash.report.kind === 'timeout' || crash.report.kind === 'died') return true;
  try {
    const r = simulate(source, { version: crash.version, fileName: 'fuzz.py', checkInvariants: true, limits: { steps } });
    if (crash.report.kind === 'invariant') return r.invariantViolations.length > 0;
    if (crash.report.kind === 'internal') return r.status.kind === 'internal';
    if (crash.report.kind === 'unguarded') return r.status.kind === 'limit' && r.status.message.startsWith(UNGUARDED_SIZE);
    if (crash.report.kind === 'replay') {
      try {
        r.timeline().snapshot(r.trace.stepCount - 1);
        return false;
      } catch {
        return true;
      }
    }
    return false;
  } catch {
    return crash.report.kind === 'threw';
  }
}
