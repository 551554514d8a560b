import { Timeline } from '../core/snapshot';
import type { Trace } from '../core/trace';
import type { PythonVersion } from '../protocol';
import { VERSIONS, VersionProfile } from '../versions';
import type { SyntaxErrorInfo, SyntaxWarningInfo } from './ast';
import { compileModule } from './compile/compiler';
import { compileWarnings } from './compile/compileWarnings';
import { foldConstants } from './fold';
import { parseModule } from './parse';
import { bootstrap } from './runtime/bootstrap';
import { materializeProgram } from './runtime/constants';
import { PythonError, SimulationStop } from './runtime/errors';
import { formatException } from './runtime/exceptions';
import { DEFAULT_LIMITS, Limits, Runtime } from './runtime/runtime';
import { scopeTablesFor } from './compile/scopes';
import { runShutdown } from './shutdown';

/**
 * Simulates a Python program: parse, check, compile, run on the heap model. Never throws
 * for any input; the result says how the run ended and keeps the trace of everything up
 * to that point.
 */

export type RunStatus =
  | { readonly kind: 'complete' }
  /** An uncaught Python exception: CPython's traceback text and the line it came from. */
  | { readonly kind: 'exception'; readonly typeName: string; readonly message: string; readonly traceback: string; readonly line: number }
  | { readonly kind: 'syntax'; readonly error: SyntaxErrorInfo; readonly text: string }
  /** A construct HeapScope does not simulate. */
  | { readonly kind: 'unsupported'; readonly message: string; readonly line: number; readonly column: number }
  /** The step budget or another limit ended the run. */
  | { readonly kind: 'budget' | 'limit'; readonly message: string; readonly line: number }
  /** A fault in HeapScope itself (a bug): reported, never hidden. */
  | { readonly kind: 'internal'; readonly message: string; readonly line: number }
  /** "Run GC" at the cursor: the run stopped after the collection it asked for. */
  | { readonly kind: 'probe'; readonly message: string; readonly line: number; readonly collected: number };

export interface SimulationOptions {
  readonly version?: PythonVersion;
  readonly fileName?: string;
  readonly limits?: Partial<Limits>;
  /** Keep the trace (default true); a plain `run` can do without. */
  readonly trace?: boolean;
  /** Simulate the interpreter's shutdown (module teardown, atexit finalizers). Default true. */
  readonly shutdown?: boolean;
  /**
   * Check the heap's invariants when the program ends (tests): see `invariantViolations`.
   * Not after a budget or limit stop, which can come in the middle of an operation.
   */
  readonly checkInvariants?: boolean;
  /** Run gc.collect(generation) right after `step` (a step of an earlier run of the same source) and stop. */
  readonly gcProbe?: { readonly step: number; readonly depth: number; readonly line: number; readonly generation: number };
  readonly onStdout?: (text: string) => void;
  readonly onStderr?: (text: string) => void;
}

export interface SimulationResult {
  readonly status: RunStatus;
  readonly version: VersionProfile;
  readonly trace: Trace;
  readonly stdout: string;
  readonly stderr: string;
  /** The step at which the program itself ended (shutdown steps come after). */
  readonly programSteps: number;
  readonly sourceLines: readonly string[];
  /** Rebuilds the heap at any step. */
  timeline(): Timeline;
  /** With `checkInvariants`: what was wrong with the heap when the program ended. */
  readonly invariantViolations: readonly string[];
  /** What sys.getrefcount and gc.collect returned, with their lines (for hovers). */
  readonly probes: Runtime['probes'];
}

export function simulate(source: string, options: SimulationOptions = {}): SimulationResult {
  const version = VERSIONS[options.version ?? '3.12'];
  const fileName = options.fileName ?? '<string>';
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const sourceLines = source.split(/\r\n|\r|\n/);
  let stdout = '';
  let stderr = '';
  const rt = new Runtime(version, limits, { trace: options.trace ?? true, registry: options.checkInvariants ?? false });
  let invariantViolations: string[] = [];
  rt.stdout = (text) => {
    stdout += text;
    options.onStdout?.(text);
  };
  rt.stderr = (text) => {
    stderr += text;
    options.onStderr?.(text);
  };
  let programSteps = 0;
  const result = (status: RunStatus): SimulationResult => {
    let timeline: Timeline | null = null;
    return {
      status,
      version,
      trace: rt.heap.trace,
      stdout,
      stderr,
      programSteps,
      sourceLines,
      timeline: () => (timeline ??= new Timeline(rt.heap.trace, version.collector)),
      invariantViolations,
      probes: rt.probes,
    };
  };

  if (source.length > 5_000_000) {
    return result({ kind: 'limit', message: `the program is too long to simulate (${source.length} characters; the limit is 5,000,000)`, line: 1 });
  }

  let status: RunStatus;
  try {
    const parsed = parseModule(source, { version: version.version });
    if (parsed.errors.length > 0) return syntaxResult(parsed.errors[0]);
    const folded = foldConstants(parsed.module, version.version);
    const compiled = compileModule(folded, scopeTablesFor(folded, version.version), version.language);
    const warnings = [...(version.language.syntaxWarnings.invalidEscapes ? parsed.escapeWarnings : []), ...compileWarnings(folded, version.language)];
    for (const w of warnings) rt.write(formatSyntaxWarning(w, fileName, sourceLines), 'stderr');
    bootstrap(rt, fileName, sourceLines);
    if (options.gcProbe) rt.gcProbe = { afterStep: options.gcProbe.step, depth: options.gcProbe.depth, line: options.gcProbe.line, generation: options.gcProbe.generation };
    const moduleCode = materializeProgram(rt, compiled.pool, compiled.module);
    status = runProgram(rt, moduleCode.unit, fileName, sourceLines);
    // The chosen line was the program's last: collect at the end.
    if (rt.gcProbe !== null && status.kind === 'complete') status = probeStatus(rt, () => rt.vm.runGcProbe());
  } catch (e) {
    status = internalStatus(rt, e);
  }
  programSteps = rt.heap.trace.stepCount;
  // A resource limit can stop the run anywhere, even halfway through freeing an object (a
  // __del__ that loops), and so can any stop inside a __del__ or a callback: then counts
  // and references need not agree; the trace still does.
  const resourceStop = status.kind === 'budget' || status.kind === 'limit' || rt.stoppedInsideCallback;
  if (options.checkInvariants && status.kind !== 'syntax' && !resourceStop) {
    invariantViolations = rt.heap.checkInvariants();
    // A run stopped inside an operation (a limit, an unsupported construct) leaves its
    // values in transit; a program that ran to its end must have let go of them all.
    const ended = status.kind === 'complete' || status.kind === 'exception';
    for (const root of ended ? [rt.transit, rt.nativeRoot, rt.raising] : []) {
      // The uncaught exception stays referenced (CPython keeps it as sys.last_exc).
      const expected = root === rt.raising && status.kind === 'exception' ? 1 : 0;
      if (root.targets.length > expected) invariantViolations.push(`${root.name} still holds ${root.targets.length} reference(s): ${root.labels.join(', ')}`);
    }
  }
  if ((options.shutdown ?? true) && (status.kind === 'complete' || status.kind === 'exception')) {
    try {
      runShutdown(rt);
    } catch (e) {
      if (e instanceof SimulationStop) status = { kind: e.reason === 'unsupported' ? 'unsupported' : e.reason, message: e.message, line: e.line } as RunStatus;
      else status = internalStatus(rt, e);
    }
  }
  return result(status);

  function syntaxResult(error: SyntaxErrorInfo): SimulationResult {
    const text = formatSyntaxError(error, sourceLines, fileName);
    stderr += text;
    options.onStderr?.(text);
    return result({ kind: 'syntax', error, text });
  }
}

function probeStatus(rt: Runtime, run: () => never): RunStatus {
  try {
    run();
  } catch (e) {
    if (e instanceof SimulationStop && e.reason === 'probe') return { kind: 'probe', message: e.message, line: e.line, collected: rt.gcProbe?.result ?? lastProbe(rt) };
    throw e;
  }
}

function lastProbe(rt: Runtime): number {
  const c = rt.heap.trace.collections;
  return c.length ? c[c.length - 1].collected : 0;
}

function runProgram(rt: Runtime, code: Parameters<Runtime['vm']['runModule']>[0], fileName: string, sourceLines: readonly string[]): RunStatus {
  try {
    rt.vm.runModule(code, rt.mainDict);
    return { kind: 'complete' };
  } catch (e) {
    if (e instanceof PythonError) {
      const exc = e.exception;
      const traceback = formatException(rt, exc, sourceLines, fileName);
      rt.write(traceback, 'stderr');
      const typeName = exc.cls.name;
      const message = rt.vm.p.isException(exc) ? rt.vm.p.exceptionStr(exc) : '';
      return { kind: 'exception', typeName, message, traceback, line: lastTracebackLine(traceback) };
    }
    if (e instanceof SimulationStop) {
      if (e.reason === 'unsupported') return { kind: 'unsupported', message: e.message, line: e.line, column: e.column };
      if (e.reason === 'probe') return { kind: 'probe', message: e.message, line: e.line, collected: lastProbe(rt) };
      return { kind: e.reason, message: e.message, line: e.line };
    }
    throw e;
  }
}

/** As the warnings module shows a warning: `FILE:LINE: SyntaxWarning: message`, then the line, stripped. */
function formatSyntaxWarning(warning: SyntaxWarningInfo, fileName: string, sourceLines: readonly string[]): string {
  const line = (sourceLines[warning.lineno - 1] ?? '').trim();
  return `${fileName}:${warning.lineno}: SyntaxWarning: ${warning.message}\n${line ? `  ${line}\n` : ''}`;
}

/** How a run reports a value the JavaScript engine could not hold. */
export const UNGUARDED_SIZE = 'a value too large to simulate';

function internalStatus(rt: Runtime, e: unknown): RunStatus {
  // The frames are gone by now: the line of the last step is where the run was.
  const trace = rt.heap.trace;
  const line = (rt.vm ? rt.vm.currentLine() : 0) || (trace.stepCount > 0 ? trace.step(trace.stepCount - 1).line : 0);
  if (e instanceof SimulationStop) {
    if (e.reason === 'probe') return { kind: 'probe', message: e.message, line: e.line, collected: lastProbe(rt) };
    return { kind: e.reason === 'unsupported' ? 'unsupported' : e.reason, message: e.message, line: e.line, column: e.column } as RunStatus;
  }
  if (e instanceof RangeError && /call stack/.test(e.message)) {
    return { kind: 'limit', message: 'the program nests too deeply to simulate', line };
  }
  // The engine's own limits, reached where no check of limits.ts came first (the fuzzer
  // reports these as crashes: each should get a check with a precise message).
  if (e instanceof RangeError && /Invalid (string|array|typed array) length|Maximum BigInt size|Array buffer allocation failed/.test(e.message)) {
    return { kind: 'limit', message: `${UNGUARDED_SIZE} (${e.message})`, line };
  }
  const message = e instanceof Error ? `${e.message}${e.stack ? `\n${e.stack.split('\n').slice(1, 6).join('\n')}` : ''}` : String(e);
  return { kind: 'internal', message: `internal error in HeapScope: ${message}`, line };
}

function lastTracebackLine(traceback: string): number {
  const matches = [...traceback.matchAll(/line (\d+)/g)];
  return matches.length ? Number(matches[matches.length - 1][1]) : 0;
}

/** CPython's report of a SyntaxError: the file, the line, a caret under the offset. */
export function formatSyntaxError(error: SyntaxErrorInfo, sourceLines: readonly string[], fileName: string): string {
  const lineText = sourceLines[error.lineno - 1] ?? '';
  const stripped = lineText.replace(/^\s+/, '');
  const indent = lineText.length - stripped.length;
  let out = `  File "${fileName}", line ${error.lineno}\n`;
  if (stripped.length > 0) {
    out += `    ${stripped.replace(/\s+$/, '')}\n`;
    const start = Math.max(0, error.offset - 1 - indent);
    const end = error.end_lineno === error.lineno && error.end_offset > error.offset ? error.end_offset - 1 - indent : start + 1;
    out += `    ${' '.repeat(start)}${'^'.repeat(Math.max(1, end - start))}\n`;
  }
  out += `${error.type}: ${error.message}\n`;
  return out;
}
