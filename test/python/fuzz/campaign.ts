/**
 * A fuzzing campaign: mutated corpus programs run in isolated workers for a fixed time on
 * CPython 3.10–3.14; every crash is minimized and can be saved as a regression. Run `i` of
 * seed `s` is a pure function of (s, i), so any reported input can be made again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PYTHON_VERSIONS, type PythonVersion } from '../../../src/protocol';
import { crashSignature, isCrash, IsolatedRunner, type RunReport } from './isolate';
import { minimize } from './minimize';
import { mutate, Random } from './mutate';

export interface CorpusFile {
  readonly name: string;
  readonly source: string;
}

export interface CampaignOptions {
  /** dist/lib/simulate.js. */
  readonly library: string;
  readonly corpus: readonly CorpusFile[];
  readonly seed: number;
  /** Stop starting runs after this long... */
  readonly seconds: number;
  /** ...or after this many runs. */
  readonly maxRuns?: number;
  readonly jobs: number;
  /** A run with no answer by then is a hang (confirmed once with a longer limit). */
  readonly timeoutMs: number;
  /** Time spent shrinking each new crash (0: keep it as found). */
  readonly minimizeMs: number;
  /**
   * The step budget of each run (the simulator's default where not given). A smaller one
   * keeps runs short, so that a run with no answer in time is a hang inside one step.
   */
  readonly steps?: number;
  readonly versions?: readonly PythonVersion[];
  /** The inputs to run (default: `fuzzInput` of the seed, mutations of the corpus). */
  readonly inputs?: (run: number) => FuzzInput;
  readonly log?: (line: string) => void;
}

/** One run's program, where it came from, and the version it runs on. */
export interface FuzzInput {
  readonly source: string;
  readonly mutations: readonly string[];
  readonly from: string;
  readonly version: PythonVersion;
}

export interface Crash {
  readonly signature: string;
  readonly report: RunReport;
  readonly version: PythonVersion;
  readonly seed: number;
  readonly run: number;
  readonly from: string;
  readonly mutations: readonly string[];
  readonly source: string;
  /** The minimized input (the same signature). */
  readonly minimized: string;
  /** How many runs crashed this way. */
  count: number;
}

export interface CampaignResult {
  readonly runs: number;
  readonly seconds: number;
  readonly outcomes: Record<string, number>;
  readonly crashes: readonly Crash[];
  /** Runs that missed the time limit but finished within the confirmation limit. */
  readonly slow: readonly { readonly run: number; readonly version: PythonVersion; readonly ms: number; readonly mutations: readonly string[] }[];
}

/** The program of run `run` in a campaign of `seed`, and the version it runs on. */
export function fuzzInput(seed: number, run: number, corpus: readonly CorpusFile[], versions: readonly PythonVersion[] = PYTHON_VERSIONS): FuzzInput {
  const random = new Random(Math.imul(seed, 0x9e3779b1) ^ Math.imul(run + 1, 0x85ebca6b));
  const sources = corpus.map((f) => f.source);
  const { source, mutations, from } = mutate(random, sources);
  return { source, mutations, from: corpus[from].name, version: versions[run % versions.length] };
}

export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const versions = options.versions ?? PYTHON_VERSIONS;
  const log = options.log ?? (() => {});
  const started = Date.now();
  const deadline = started + options.seconds * 1000;
  const maxRuns = options.maxRuns ?? Infinity;
  const outcomes: Record<string, number> = {};
  const crashes = new Map<string, Crash>();
  const slow: { run: number; version: PythonVersion; ms: number; mutations: readonly string[] }[] = [];
  let next = 0;
  const runners = Array.from({ length: options.jobs }, () => new IsolatedRunner(options.library, options.timeoutMs, { steps: options.steps }));

  const work = async (runner: IsolatedRunner): Promise<void> => {
    while (Date.now() < deadline && next < maxRuns) {
      const run = next++;
      const input = options.inputs ? options.inputs(run) : fuzzInput(options.seed, run, options.corpus, versions);
      let report = await runner.run(input.source, input.version);
      if (report.kind === 'timeout') {
        // A loaded machine can be slow: only a run that still has no answer at five times
        // the limit is a hang.
        const again = await runner.run(input.source, input.version, options.timeoutMs * 5);
        if (again.kind !== 'timeout') {
          slow.push({ run, version: input.version, ms: Math.round(again.ms), mutations: input.mutations });
          report = again;
        }
      }
      outcomes[report.kind] = (outcomes[report.kind] ?? 0) + 1;
      if (!isCrash(report.kind)) continue;
      const signature = crashSignature(report);
      const known = crashes.get(signature);
      if (known) {
        known.count++;
        continue;
      }
      log(`crash in run ${run} (${input.version}, ${input.mutations.join(' + ')} of ${input.from}): ${signature}`);
      const crash: Crash = { signature, report, version: input.version, seed: options.seed, run, from: input.from, mutations: input.mutations, source: input.source, minimized: input.source, count: 1 };
      crashes.set(signature, crash);
      if (options.minimizeMs > 0) {
        const minimized = await minimize(input.source, async (candidate) => crashSignature(await runner.run(candidate, input.version)) === signature, { budgetMs: options.minimizeMs });
        crashes.set(signature, { ...crash, minimized, count: crashes.get(signature)!.count });
        log(`  minimized to ${minimized.length} characters: ${JSON.stringify(minimized.slice(0, 200))}`);
      }
    }
  };
  try {
    await Promise.all(runners.map(work));
  } finally {
    await Promise.all(runners.map((r) => r.close()));
  }
  return { runs: next, seconds: (Date.now() - started) / 1000, outcomes, crashes: [...crashes.values()], slow };
}

/**
 * Every program of `files` cut at every character position (a program being typed, or
 * pasted half): run `run` is the `run`-th cut, on the versions in turn.
 */
export function truncations(files: readonly CorpusFile[], versions: readonly PythonVersion[] = PYTHON_VERSIONS): { readonly count: number; readonly at: (run: number) => FuzzInput } {
  const starts: number[] = [];
  let count = 0;
  for (const file of files) {
    starts.push(count);
    count += file.source.length + 1;
  }
  const at = (run: number): FuzzInput => {
    let i = starts.length - 1;
    while (starts[i] > run) i--;
    const file = files[i];
    const cut = run - starts[i];
    return { source: file.source.slice(0, cut), mutations: [`truncate at ${cut}`], from: file.name, version: versions[run % versions.length] };
  };
  return { count, at };
}

/** The corpus: the conformance snippets, HeapScope's recorded cases and the examples. */
export function loadCorpus(root: string): CorpusFile[] {
  const files: CorpusFile[] = [];
  for (const folder of ['test/python/conformance', 'test/python/cases', 'examples']) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (name.endsWith('.py')) files.push({ name: `${folder}/${name}`, source: readFileSync(join(dir, name), 'utf8') });
    }
  }
  return files;
}

/**
 * Saves a crash as `NNN-short-name.py` in `dir`, its first line a comment saying what
 * broke; returns the file's path.
 */
export function saveRegression(dir: string, crash: Crash): string {
  mkdirSync(dir, { recursive: true });
  const taken = readdirSync(dir).map((name) => Number(/^(\d+)-/.exec(name)?.[1] ?? 0));
  const number = String(Math.max(0, ...taken) + 1).padStart(3, '0');
  const words = (crash.signature === crash.report.kind ? '' : crash.signature)
    .replace(/^[a-z]+: /, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 2 && !['internal', 'error', 'heapscope', 'the', 'and', 'reading', 'properties', 'cannot'].includes(w))
    .slice(0, 4);
  const name = `${number}-${crash.report.kind}${words.length ? '-' + words.join('-') : ''}.py`;
  // One line, and nothing a tokenizer could read as an encoding declaration.
  const what = `${crash.signature} (Python ${crash.version}; fuzz seed ${crash.seed} run ${crash.run})`.replace(/[\r\n]+/g, ' ').replace(/coding[:=]/g, 'coding ');
  const path = join(dir, name);
  writeFileSync(path, `# ${what}\n${crash.minimized}`);
  return path;
}

export { IsolatedRunner } from './isolate';
