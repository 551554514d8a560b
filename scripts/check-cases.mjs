#!/usr/bin/env node
// Runs the built HeapScope CLI over a folder of recorded cases and compares stdout with
// NAME.expected.<version> byte for byte.
//
// Usage: node scripts/check-cases.mjs [FOLDER] [--version 3.12[,3.13]] [--only NAME[,NAME]]
//                                     [--fails] [-j N] [--cli dist/cli.js]
//
// FOLDER defaults to test/python/cases. Build first (npm run build). Every case with an
// expectation for a version prints one line:
//   PASS name 3.12
//   FAIL name 3.12: line 3: expected "1", got "2"   (exit 1: ValueError: ...)
// (--fails prints only FAIL lines), then a summary per version. Exit status 0 when every
// case passed, 1 otherwise, 2 for bad arguments.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALL_VERSIONS = ['3.10', '3.11', '3.12', '3.13', '3.14'];

function usage(message) {
  if (message) process.stderr.write(message + '\n');
  process.stderr.write('usage: node scripts/check-cases.mjs [FOLDER] [--version V[,V]] [--only NAME[,NAME]] [--fails] [-j N] [--cli PATH]\n');
  process.exit(2);
}

let folder = join(root, 'test/python/cases');
let versions = ALL_VERSIONS;
let only = null;
let failsOnly = false;
let jobs = 4;
let cli = join(root, 'dist/cli.js');
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i] ?? usage(`${a} needs a value`));
  if (a.startsWith('--version')) versions = value().split(',');
  else if (a.startsWith('--only')) only = new Set(value().split(',').map((n) => n.replace(/\.py$/, '')));
  else if (a === '--fails') failsOnly = true;
  else if (a === '-j' || a.startsWith('--jobs')) jobs = Number(value());
  else if (a.startsWith('--cli')) cli = resolve(value());
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('-')) usage(`unknown option ${a}`);
  else folder = resolve(a);
}
for (const v of versions) if (!ALL_VERSIONS.includes(v)) usage(`unknown version ${v}`);
if (!existsSync(folder)) usage(`no such folder: ${folder}`);
if (!existsSync(cli)) usage(`no CLI at ${cli}: run npm run build first`);
if (!Number.isInteger(jobs) || jobs < 1) usage('-j needs a positive integer');

const clip = (s) => JSON.stringify(s.length > 70 ? s.slice(0, 67) + '...' : s);

/** The first line where two outputs differ, as one short phrase. */
function firstDifference(expected, actual) {
  const e = expected.split('\n');
  const g = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, g.length); i++) {
    if (e[i] === g[i]) continue;
    if (i >= g.length || (i === g.length - 1 && g[i] === '' && e[i] !== undefined)) {
      return `line ${i + 1}: expected ${clip(e[i])}, got end of output`;
    }
    if (i >= e.length || (i === e.length - 1 && e[i] === '')) return `line ${i + 1}: expected end of output, got ${clip(g[i])}`;
    return `line ${i + 1}: expected ${clip(e[i])}, got ${clip(g[i])}`;
  }
  return 'output differs only in line endings';
}

function runCli(file, version) {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, 'run', file, '--python', version], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, 20000);
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr, timedOut });
    });
  });
}

const names = readdirSync(folder)
  .filter((f) => f.endsWith('.py'))
  .map((f) => f.slice(0, -3))
  .filter((n) => !only || only.has(n))
  .sort();
const tasks = [];
for (const version of versions) {
  for (const name of names) {
    const expectedFile = join(folder, `${name}.expected.${version}`);
    if (existsSync(expectedFile)) tasks.push({ name, version, expectedFile });
  }
}

const results = new Array(tasks.length);
let next = 0;
let printed = 0;
function flush() {
  // Print in task order as results arrive.
  while (printed < tasks.length && results[printed]) {
    const r = results[printed++];
    if (r.pass) {
      if (!failsOnly) console.log(`PASS ${r.name} ${r.version}`);
    } else {
      console.log(`FAIL ${r.name} ${r.version}: ${r.why}`);
    }
  }
}
async function worker() {
  while (next < tasks.length) {
    const index = next++;
    const { name, version, expectedFile } = tasks[index];
    const expected = readFileSync(expectedFile, 'utf8');
    const r = await runCli(join(folder, `${name}.py`), version);
    let why = null;
    if (r.timedOut) why = 'timed out after 20 s';
    else if (r.stdout !== expected || r.code !== 0) {
      why = r.stdout !== expected ? firstDifference(expected, r.stdout) : 'stdout matches';
      if (r.code !== 0) {
        const lines = r.stderr.trim().split('\n');
        why += ` (exit ${r.code}: ${lines[lines.length - 1]})`;
        // The CLI exits 1, 2 or 3 by design; anything else is a crash: show all of it.
        if (![1, 2, 3].includes(r.code)) why += `\n--- stderr ---\n${r.stderr}--- end ---`;
      }
    }
    results[index] = { name, version, pass: why === null, why };
    flush();
  }
}
await Promise.all(Array.from({ length: jobs }, worker));
flush();

let allPass = true;
const summary = [];
for (const version of versions) {
  const mine = results.filter((r) => r.version === version);
  if (mine.length === 0) continue;
  const failed = mine.filter((r) => !r.pass).length;
  if (failed) allPass = false;
  summary.push(`${version}: ${mine.length - failed} passed, ${failed} failed`);
}
const failedNames = new Set(results.filter((r) => !r.pass).map((r) => r.name));
console.log(summary.join('; '));
console.log(`${names.length} cases, ${failedNames.size} failing on at least one version`);
process.exit(allPass ? 0 : 1);
