import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PYTHON_VERSIONS, PythonVersion } from './protocol';
import { simulate, SimulationResult } from './python/simulate';
import { traceToJson } from './python/traceJson';
import { DEFAULT_VERSION } from './versions';

/**
 * heapscope — the command line.
 *
 *   heapscope run FILE.py [--python 3.10|3.11|3.12|3.13|3.14] [--steps N]
 *       Prints what the program prints under that CPython. Exit status: 0 when it ran to
 *       the end, 1 for an uncaught exception or a syntax error (CPython's report on stderr),
 *       2 for an unsupported construct (FILE:LINE:COL: message), 3 when a limit stopped it.
 *   heapscope trace FILE.py --json [--python V]
 *       Prints the timeline as JSON (see the README).
 */

const USAGE = `usage: heapscope run FILE.py [--python ${PYTHON_VERSIONS.join('|')}] [--steps N]
       heapscope trace FILE.py --json [--python VERSION] [--steps N]`;

interface Options {
  command: 'run' | 'trace';
  file: string;
  version: PythonVersion;
  steps?: number;
  json: boolean;
}

function parseArgs(argv: readonly string[]): Options | string {
  const [command, ...rest] = argv;
  if (command !== 'run' && command !== 'trace') return USAGE;
  let file: string | null = null;
  let version: PythonVersion = DEFAULT_VERSION;
  let steps: number | undefined;
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--python' || a.startsWith('--python=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (!(PYTHON_VERSIONS as readonly string[]).includes(v)) return `heapscope: unknown Python version '${v}' (choose ${PYTHON_VERSIONS.join(', ')})`;
      version = v as PythonVersion;
    } else if (a === '--steps') {
      steps = Number(rest[++i]);
      if (!Number.isInteger(steps) || steps <= 0) return 'heapscope: --steps needs a positive integer';
    } else if (a === '--json') {
      json = true;
    } else if (a.startsWith('-')) {
      return `heapscope: unknown option '${a}'\n${USAGE}`;
    } else if (file === null) {
      file = a;
    } else {
      return USAGE;
    }
  }
  if (file === null) return USAGE;
  return { command, file, version, steps, json };
}

function exitCode(result: SimulationResult): number {
  switch (result.status.kind) {
    case 'complete':
      return 0;
    // A SyntaxError is an uncaught exception to CPython too.
    case 'exception':
    case 'syntax':
      return 1;
    case 'unsupported':
      return 2;
    case 'budget':
    case 'limit':
      return 3;
    case 'internal':
      return 70;
    case 'probe':
      return 0;
  }
}

function main(argv: readonly string[]): number {
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    process.stderr.write(options + '\n');
    return 2;
  }
  let source: string;
  try {
    source = readFileSync(options.file, 'utf8');
  } catch (e) {
    process.stderr.write(`heapscope: cannot read ${options.file}: ${(e as Error).message}\n`);
    return 2;
  }
  const stdoutChunks: string[] = [];
  const result = simulate(source, {
    version: options.version,
    // CPython names the main script by its absolute path in tracebacks and warnings (3.9+).
    fileName: resolve(options.file),
    limits: options.steps ? { steps: options.steps } : undefined,
    trace: options.command === 'trace',
    onStdout: options.command === 'run' ? (text) => stdoutChunks.push(text) : undefined,
    onStderr: options.command === 'run' ? (text) => process.stderr.write(text) : undefined,
  });
  if (options.command === 'run') {
    process.stdout.write(stdoutChunks.join(''));
  } else {
    process.stdout.write(JSON.stringify(traceToJson(result)) + '\n');
  }
  const status = result.status;
  if (status.kind === 'unsupported') process.stderr.write(`${options.file}:${status.line}:${status.column}: ${status.message}\n`);
  else if (status.kind === 'budget' || status.kind === 'limit') process.stderr.write(`${options.file}:${status.line}: ${status.message}\n`);
  else if (status.kind === 'internal') process.stderr.write(`${options.file}:${status.line}: ${status.message}\n`);
  return exitCode(result);
}

process.exitCode = main(process.argv.slice(2));
