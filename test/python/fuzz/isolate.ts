/**
 * Runs programs through the simulator in worker threads, each with a wall-clock limit, and
 * sorts how each run ended into the outcomes `simulate()` promises (complete, exception,
 * syntax, unsupported, budget, limit) or a crash: an internal error, an exception escaping
 * `simulate()`, a JavaScript size limit hit where no check of HeapScope's came first
 * ('unguarded': the run ends with a limit, but a vague one), a heap invariant broken at the
 * end, a trace that cannot be replayed, a worker that died (out of memory), or no answer
 * in time (a hang).
 */
import { Worker } from 'node:worker_threads';
import type { PythonVersion } from '../../../src/protocol';

export const CRASH_KINDS = ['internal', 'unguarded', 'threw', 'invariant', 'replay', 'died', 'timeout'] as const;
export type CrashKind = (typeof CRASH_KINDS)[number];
export type OutcomeKind = 'complete' | 'exception' | 'syntax' | 'unsupported' | 'budget' | 'limit' | 'probe' | CrashKind;

export interface RunReport {
  readonly kind: OutcomeKind;
  /** The status message, the internal error's first lines, or the violations. */
  readonly detail: string;
  readonly line: number;
  readonly ms: number;
}

export function isCrash(kind: OutcomeKind): kind is CrashKind {
  return (CRASH_KINDS as readonly string[]).includes(kind);
}

/**
 * What makes two crashes "the same" while a crashing input is minimized: the kind and the
 * first line of the detail with numbers and object names blurred.
 */
export function crashSignature(report: RunReport): string {
  if (report.kind === 'timeout' || report.kind === 'died') return report.kind;
  const first = report.detail.replace(/^internal error in HeapScope: /, '').split('\n')[0];
  return `${report.kind}: ${first.replace(/\d+/g, 'N').replace(/'[^']*'/g, "'…'").replace(/#N/g, '')}`;
}

/** The worker: simulates each program it is sent and answers with a `RunReport`. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { simulate, UNGUARDED_SIZE } = require(workerData.library);
parentPort.on('message', ({ source, version }) => {
  const started = performance.now();
  let report;
  try {
    const result = simulate(source, { version, fileName: 'fuzz.py', checkInvariants: true, limits: workerData.limits });
    const status = result.status;
    const detail = status.kind === 'exception' ? status.typeName + ': ' + status.message : status.kind === 'syntax' ? status.error.type + ': ' + status.error.message : status.message || '';
    const line = status.kind === 'syntax' ? status.error.lineno : status.kind === 'complete' ? 0 : status.line;
    if (status.kind === 'internal') report = { kind: 'internal', detail, line };
    else if (status.kind === 'limit' && status.message.startsWith(UNGUARDED_SIZE)) report = { kind: 'unguarded', detail, line };
    else if (result.invariantViolations.length) report = { kind: 'invariant', detail: result.invariantViolations.slice(0, 5).join('\\n'), line };
    else if (typeof line !== 'number' || !Number.isInteger(line) || line < 0) report = { kind: 'internal', detail: 'malformed status: ' + JSON.stringify(status), line: 0 };
    else {
      report = { kind: status.kind, detail, line };
      // The editor rebuilds the heap from the trace: it must replay to the last step.
      try {
        const steps = result.trace.stepCount;
        if (steps > 0) result.timeline().snapshot(steps - 1);
      } catch (e) {
        report = { kind: 'replay', detail: String((e && e.stack) || e).split('\\n').slice(0, 4).join('\\n'), line };
      }
    }
  } catch (e) {
    report = { kind: 'threw', detail: String((e && e.stack) || e).split('\\n').slice(0, 6).join('\\n'), line: 0 };
  }
  report.ms = performance.now() - started;
  parentPort.postMessage(report);
});
`;

/** Worker memory before a run counts as a crash ('died'): the extension's worker has 2 GB. */
const MAX_HEAP_MB = 2048;

/** One worker thread that runs one program at a time, replaced after a hang or a crash. */
export class IsolatedRunner {
  private worker: Worker | null = null;

  constructor(
    private readonly library: string,
    private readonly timeoutMs: number,
    /** The simulator's limits (its defaults where not given). */
    private readonly limits: { readonly steps?: number } = {},
  ) {}

  run(source: string, version: PythonVersion, timeoutMs = this.timeoutMs): Promise<RunReport> {
    const worker = (this.worker ??= this.start());
    const started = performance.now();
    return new Promise((resolve) => {
      let settled = false;
      const finish = (report: RunReport, restart: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.removeAllListeners('message');
        worker.removeAllListeners('error');
        worker.removeAllListeners('exit');
        if (restart) {
          this.worker = null;
          void worker.terminate();
        }
        resolve(report);
      };
      const timer = setTimeout(() => finish({ kind: 'timeout', detail: `no answer within ${timeoutMs} ms`, line: 0, ms: timeoutMs }, true), timeoutMs);
      const died = (message: string): void => finish({ kind: 'died', detail: message, line: 0, ms: performance.now() - started }, true);
      worker.once('message', (report: RunReport) => finish(report, false));
      worker.once('error', (e) => died(`worker died: ${e.message}`));
      worker.once('exit', (code) => died(`worker exited with code ${code}`));
      worker.postMessage({ source, version });
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { library: this.library, limits: this.limits }, resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB } });
    worker.unref();
    return worker;
  }
}
