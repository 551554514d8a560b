/**
 * The worker's side of the editor: keeps the last few `SimulationSession`s by run name and
 * answers the host's requests with plain JSON (views, hover facts, line effects). It knows
 * nothing about threads or VS Code, so it runs the same under `worker_threads`, in a Web
 * Worker, and directly in tests and benchmarks.
 */
import type { HeapView, PythonVersion } from '../../protocol';
import { present } from '../../python/present';
import { SimulationSession } from '../../python/session';
import type { RunStatus, SimulationOptions } from '../../python/simulate';
import { chooseExecution, defaultExecution, lineExecutions, lineInfos } from '../cursorMapping';
import { effectsOfView } from '../lineEffects';
import type { HoverFacts, HoverTarget, LineEffects, RunOutcome, RunSummary, ViewSource, WorkerRequest, WorkerResponse } from './protocol';

interface Run {
  readonly session: SimulationSession;
  readonly options: SimulationOptions;
  /** Line → the program's steps on that line, in order (the session's own list). */
  readonly steps: Map<number, number[]>;
  /** Line → the last step of each execution (see `lineExecutions`). */
  readonly executions: Map<number, number[]>;
  readonly views: Map<string, HeapView | null>;
  readonly effects: Map<number, LineEffects>;
}

/** Sessions hold their whole trace; a few documents' worth is plenty. */
const MAX_RUNS = 6;
const MAX_CACHED_VIEWS = 64;

export class SimulationEngine {
  /** In least-recently-used order (a Map keeps insertion order). */
  private readonly runs = new Map<string, Run>();

  /** Answers one request; never throws (a fault in the engine becomes an `error` response). */
  handle(request: WorkerRequest): WorkerResponse {
    try {
      switch (request.kind) {
        case 'simulate':
          return this.simulate(request);
        case 'release':
          this.runs.delete(request.run);
          return { kind: 'released' };
      }
      const run = this.runs.get(request.run);
      if (run === undefined) return { kind: 'unknownRun', run: request.run };
      this.runs.delete(request.run);
      this.runs.set(request.run, run);
      switch (request.kind) {
        case 'view':
          return { kind: 'view', ...this.view(run, request.line, request.execution, request.source, request.maxObjects) };
        case 'hover':
          return { kind: 'hover', facts: this.hover(run, request.line, request.execution, request.target) };
        case 'effects':
          return { kind: 'effects', effects: request.lines.map((line) => this.effects(run, line)).filter((e): e is LineEffects => e !== null) };
        case 'collect':
          return { kind: 'view', ...this.collect(run, request.line, request.execution, request.generation, request.source) };
      }
    } catch (e) {
      return { kind: 'error', message: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
    }
  }

  private simulate(request: Extract<WorkerRequest, { kind: 'simulate' }>): WorkerResponse {
    // No interpreter shutdown: the editor shows the program's own lines, never the teardown after them.
    const options: SimulationOptions = { version: request.version, fileName: request.fileName, limits: { steps: request.stepBudget }, shutdown: false };
    const started = performance.now();
    const session = new SimulationSession(request.source, options);
    const simulateMs = performance.now() - started;
    const run: Run = { session, options, steps: stepsByLine(session), executions: new Map(), views: new Map(), effects: new Map() };
    this.runs.delete(request.run);
    this.runs.set(request.run, run);
    while (this.runs.size > MAX_RUNS) this.runs.delete(this.runs.keys().next().value!);
    const result = session.result;
    const summary: RunSummary = {
      version: session.version,
      outcome: outcomeOf(result.status),
      lines: lineInfos(result.sourceLines, (line) => this.executionsOf(run, line).length),
      steps: result.trace.stepCount,
      simulateMs,
      stdout: clip(result.stdout),
      stderr: clip(result.stderr),
    };
    return { kind: 'simulated', run: request.run, summary };
  }

  private executionsOf(run: Run, line: number): number[] {
    let steps = run.executions.get(line);
    if (steps === undefined) {
      steps = lineExecutions(run.steps.get(line) ?? [], run.session.result.trace);
      run.executions.set(line, steps);
    }
    return steps;
  }

  /** The execution to show and its position in the session's own (unfolded) list of steps. */
  private pick(run: Run, line: number, execution: number | undefined): { index: number; count: number; step: number; sessionIndex: number } | null {
    const steps = this.executionsOf(run, line);
    if (steps.length === 0) return null;
    const index = chooseExecution(steps.length, execution ?? defaultExecution(steps, run.session.result.trace));
    const step = steps[index - 1];
    return { index, count: steps.length, step, sessionIndex: run.steps.get(line)!.indexOf(step) + 1 };
  }

  private view(run: Run, line: number, execution: number | undefined, source: ViewSource, maxObjects?: number): { view: HeapView | null; reason?: string } {
    const picked = this.pick(run, line, execution);
    if (picked === null) return { view: null, reason: 'never-ran' };
    // Cached without the document's name, which only the host's requests carry.
    const key = `${line}:${picked.index}:${maxObjects ?? ''}`;
    let view = run.views.get(key);
    if (view === undefined) {
      const raw = run.session.view(line, picked.sessionIndex, { uri: '', fileName: '' }, maxObjects);
      view = raw && { ...raw, execution: { index: picked.index, count: picked.count } };
      run.views.set(key, view);
      if (run.views.size > MAX_CACHED_VIEWS) run.views.delete(run.views.keys().next().value!);
    }
    return { view: view && { ...view, source: { ...view.source, uri: source.uri, fileName: source.fileName } } };
  }

  private collect(run: Run, line: number, execution: number | undefined, generation: number, source: ViewSource): { view: HeapView | null; reason?: string } {
    const picked = this.pick(run, line, execution);
    if (picked === null) return { view: null, reason: 'never-ran' };
    const probe = run.session.collectAfter(line, picked.sessionIndex, generation, run.options);
    const view = probe?.lastStepView({ ...source, line }) ?? null;
    return { view: view && { ...view, execution: { index: picked.index, count: picked.count } } };
  }

  private hover(run: Run, line: number, execution: number | undefined, target: HoverTarget): HoverFacts | null {
    const picked = this.pick(run, line, execution);
    if (picked === null) return null;
    const base = { version: run.session.version as PythonVersion, line, execution: { index: picked.index, count: picked.count } };
    if (target.probe) {
      const { kind, column } = target.probe;
      const values = run.session
        .probesOnLine(line)
        .filter((p) => p.kind === kind && p.column === column)
        .map((p) => p.value);
      if (values.length > 0) return { ...base, when: 'after', probe: { kind, values } };
    }
    const session = run.session;
    let when: 'after' | 'before' = 'after';
    let step = picked.step;
    let found = session.resolve(step, target.expression);
    if (found === null) {
      // Unbound after the line (`del b`, the last line of a call): show it as the line found it.
      const trace = session.result.trace;
      let before = step - 1;
      if (before >= 0 && trace.step(before).firstEvent === trace.step(step).firstEvent) before--;
      if (before < 0) return null;
      found = session.resolve(before, target.expression);
      if (found === null) return null;
      when = 'before';
      step = before;
    }
    const view =
      when === 'after'
        ? this.view(run, line, picked.index, { uri: '', fileName: '' }).view
        : present(found.snapshot, {
            version: session.result.version,
            status: session.result.status,
            source: { uri: '', fileName: '', line, lineText: '' },
            execution: base.execution,
          });
    const shown = view?.objects.find((o) => o.id === found.object.id);
    const frameIds = new Set(view?.frames.map((f) => f.id) ?? []);
    const raw = found.object;
    const object: HoverFacts['object'] = shown
      ? {
          id: shown.id,
          name: shown.name,
          type: shown.type,
          value: shown.value,
          refcount: shown.refcount,
          gc: shown.gc,
          garbage: shown.garbage,
          finalized: shown.finalized,
          externalRefs: shown.externalRefs,
          referrers: shown.referrers.map((r) => ({ holderName: r.holderName, label: r.label, hidden: r.hidden, variable: frameIds.has(r.holder) })),
          ...(shown.length !== undefined ? { length: shown.length } : {}),
        }
      : {
          // Not among the objects the panel draws (beyond its object limit): the raw facts.
          id: raw.id,
          name: `${raw.type}#${raw.id}`,
          type: raw.type,
          value: raw.display || `<${raw.type}>`,
          refcount: raw.refcount,
          gc: raw.immortal
            ? { kind: 'immortal' }
            : raw.generation === 3
              ? { kind: 'permanent' }
              : raw.generation < 0
                ? { kind: 'untracked' }
                : { kind: 'generation', generation: raw.generation, label: session.result.version.generationLabels[raw.generation] ?? `gen ${raw.generation}` },
          garbage: !raw.reachable,
          finalized: raw.finalized,
          externalRefs: raw.externalRefs,
          referrers: raw.referrers.map((r) => ({ holderName: `#${r.holder}`, label: r.label, hidden: true, variable: false })),
        };
    return { ...base, when, expression: target.expression, object };
  }

  private effects(run: Run, line: number): LineEffects | null {
    const cached = run.effects.get(line);
    if (cached) return cached;
    const { view } = this.view(run, line, undefined, { uri: '', fileName: '' });
    if (view === null) return null;
    const effects: LineEffects = { line, executions: view.execution.count, effects: effectsOfView(view) };
    run.effects.set(line, effects);
    return effects;
  }
}

/** The program's steps by line, in one pass (`executionsOfLine` scans the whole trace for each line). */
function stepsByLine(session: SimulationSession): Map<number, number[]> {
  const trace = session.result.trace;
  const byLine = new Map<number, number[]>();
  for (let i = 0; i < session.result.programSteps; i++) {
    const step = trace.step(i);
    // A continuation is part of the execution its line began earlier.
    if (step.continuation) continue;
    const line = step.line;
    let steps = byLine.get(line);
    if (steps === undefined) byLine.set(line, (steps = []));
    steps.push(i);
  }
  return byLine;
}

const MAX_OUTPUT = 64 * 1024;

function clip(text: string): string {
  return text.length > MAX_OUTPUT ? `${text.slice(0, MAX_OUTPUT)}\n… (${text.length - MAX_OUTPUT} more characters)` : text;
}

/** A run's status as the Problems view and the status bar need it (snippet lines, 0-based columns). */
function outcomeOf(status: RunStatus): RunOutcome {
  switch (status.kind) {
    case 'complete':
      return { kind: 'complete', message: '', line: 0 };
    case 'exception':
      return { kind: 'exception', message: status.message ? `${status.typeName}: ${status.message}` : status.typeName, line: status.line, detail: status.traceback };
    case 'syntax': {
      const e = status.error;
      return {
        kind: 'syntax',
        message: `${e.type}: ${e.message}`,
        line: e.lineno,
        column: Math.max(0, e.offset - 1),
        endLine: e.end_lineno,
        endColumn: Math.max(0, e.end_offset - 1),
        detail: status.text,
      };
    }
    case 'unsupported':
      return { kind: 'unsupported', message: status.message, line: status.line, column: Math.max(0, status.column - 1) };
    case 'budget':
    case 'limit':
    case 'internal':
      return { kind: status.kind, message: status.message, line: status.line };
    case 'probe':
      return { kind: 'probe', message: status.message, line: status.line };
  }
}
