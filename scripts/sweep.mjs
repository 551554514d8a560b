#!/usr/bin/env node
// `npm run sweep`: feeds every .py file of a CPython standard library to the simulator
// with the default budgets. Each file must end as: simulated to the end, a CPython-like
// exception, "not simulated: ..." at a line, or a limit — within 2 s. An internal error
// (a JavaScript exception in HeapScope) is a crash; a worker that does not answer in time
// is a hang. Prints the counts per outcome and the ten most common unsupported
// constructs (the roadmap).
//
// Usage: node scripts/sweep.mjs [LIB_DIR] [--limit N] [--jobs N] [--timeout MS] [--json FILE]
// LIB_DIR defaults to pyenv's 3.11 Lib (or the system python3's).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const limit = Number(option('--limit', Infinity));
const jobs = Number(option('--jobs', Math.max(1, Math.min(4, cpus().length))));
const timeoutMs = Number(option('--timeout', 2000));
const jsonOut = option('--json', null);

function defaultLib() {
  const pyenv = `${process.env.HOME}/.pyenv/versions/3.11.7/lib/python3.11`;
  if (existsSync(pyenv)) return pyenv;
  try {
    return execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["stdlib"])'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

const lib = positional[0] ?? defaultLib();
if (!lib || !existsSync(lib)) {
  console.error('sweep: no standard library found; pass its folder');
  process.exit(2);
}
const library = join(root, 'dist/lib/simulate.js');
if (!existsSync(library)) {
  console.error('sweep: build first (npm run build)');
  process.exit(2);
}

function findPy(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'site-packages' || name === '__pycache__') continue;
    const path = join(dir, name);
    const st = statSync(path);
    if (st.isDirectory()) findPy(path, out);
    else if (name.endsWith('.py')) out.push(path);
  }
  return out;
}

const files = findPy(lib, []).sort().slice(0, limit);

// Each worker simulates one file at a time and answers with the outcome.
const WORKER = `
const { parentPort } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { simulate } = require(${JSON.stringify(library)});
parentPort.on('message', (file) => {
  const started = performance.now();
  let status;
  try {
    status = simulate(readFileSync(file, 'utf8'), { version: '3.11', fileName: file, trace: true, shutdown: true }).status;
  } catch (e) {
    status = { kind: 'internal', message: 'simulate threw: ' + (e && e.stack || e), line: 0 };
  }
  parentPort.postMessage({ file, status, ms: performance.now() - started });
});
`;

const outcomes = new Map();
const unsupported = new Map();
const crashes = [];
const hangs = [];
const slow = [];
let done = 0;

function record(file, status, ms) {
  const kind = status.kind === 'syntax' ? 'syntax error (as CPython would raise)' : status.kind;
  outcomes.set(kind, (outcomes.get(kind) ?? 0) + 1);
  if (status.kind === 'unsupported') {
    const construct = status.message.replace(/^not simulated: /, '').replace(/'[^']*'/g, "'…'").replace(/\(.*\)$/, '').trim();
    unsupported.set(construct, (unsupported.get(construct) ?? 0) + 1);
  }
  if (status.kind === 'internal') crashes.push({ file: relative(lib, file), message: status.message.split('\n').slice(0, 3).join(' | ') });
  if (ms > timeoutMs) slow.push({ file: relative(lib, file), ms: Math.round(ms) });
}

async function runWorker(queue) {
  let worker = null;
  const start = () => {
    worker = new Worker(WORKER, { eval: true, resourceLimits: { maxOldGenerationSizeMb: 2048 } });
    worker.unref();
  };
  start();
  while (queue.length) {
    const file = queue.shift();
    const answer = await new Promise((resolveAnswer) => {
      const timer = setTimeout(() => resolveAnswer(null), timeoutMs + 3000);
      worker.once('message', (m) => {
        clearTimeout(timer);
        resolveAnswer(m);
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        resolveAnswer({ file, status: { kind: 'internal', message: 'worker died: ' + e.message, line: 0 }, ms: 0 });
      });
      worker.postMessage(file);
    });
    worker.removeAllListeners('message');
    worker.removeAllListeners('error');
    if (answer === null) {
      hangs.push(relative(lib, file));
      outcomes.set('hang', (outcomes.get('hang') ?? 0) + 1);
      await worker.terminate();
      start();
    } else {
      if (answer.status.kind === 'internal' && answer.status.message.startsWith('worker died')) {
        await worker.terminate();
        start();
      }
      record(file, answer.status, answer.ms);
    }
    done++;
    if (done % 200 === 0) process.stderr.write(`  ${done}/${files.length}\n`);
  }
  await worker.terminate();
}

const started = Date.now();
const queue = [...files];
await Promise.all(Array.from({ length: jobs }, () => runWorker(queue)));
const seconds = ((Date.now() - started) / 1000).toFixed(1);

console.log(`Swept ${files.length} files of ${lib} in ${seconds} s (${jobs} workers, ${timeoutMs} ms per file)\n`);
console.log('Outcomes:');
for (const [kind, n] of [...outcomes].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${kind}`);
console.log('\nMost common constructs not simulated (the roadmap):');
for (const [construct, n] of [...unsupported].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${String(n).padStart(5)}  ${construct}`);
console.log(`\nCrashes (internal errors): ${crashes.length}`);
for (const c of crashes.slice(0, 20)) console.log(`  ${c.file}: ${c.message}`);
console.log(`Hangs (no answer within ${timeoutMs + 3000} ms): ${hangs.length}`);
for (const h of hangs.slice(0, 20)) console.log(`  ${h}`);
console.log(`Over ${timeoutMs} ms: ${slow.length}`);
for (const s of slow.sort((a, b) => b.ms - a.ms).slice(0, 10)) console.log(`  ${s.file}: ${s.ms} ms`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ files: files.length, outcomes: Object.fromEntries(outcomes), unsupported: Object.fromEntries(unsupported), crashes, hangs, slow }, null, 2));
process.exitCode = crashes.length || hangs.length || slow.length ? 1 : 0;
void readFileSync;
