import type { HeapSnapshot, SnapshotObject } from '../core/snapshot';
import type { HeapView, PythonVersion } from '../protocol';
import { executionFinishingLast } from '../core/trace';
import { mainModuleDict, present } from './present';
import { simulate, SimulationOptions, SimulationResult } from './simulate';

/**
 * One simulated run of a snippet, as the editor asks about it: which executions a line
 * had, the picture right after one of them, and hover facts for a name there. Lines are
 * 1-based within the snippet.
 */
export class SimulationSession {
  readonly result: SimulationResult;

  constructor(
    readonly source: string,
    options: SimulationOptions,
  ) {
    this.result = simulate(source, options);
  }

  get version(): PythonVersion {
    return this.result.version.version;
  }

  /** The steps that executed `line` while the program ran (shutdown excluded). */
  executionsOfLine(line: number): number[] {
    const steps = this.result.trace.stepsOfLine(line);
    return steps.filter((s) => s < this.result.programSteps);
  }

  /** The step right after the program ended (interpreter shutdown), if it was simulated. */
  shutdownStep(): number | null {
    const trace = this.result.trace;
    return trace.stepCount > this.result.programSteps ? this.result.programSteps : null;
  }

  snapshot(step: number): HeapSnapshot {
    return this.result.timeline().snapshot(step);
  }

  /**
   * The view for the `execution`-th (1-based; by default the one that finishes last) run
   * of `line`, or null when the line never ran.
   */
  view(line: number, execution: number | undefined, source: Omit<HeapView['source'], 'line' | 'lineText'>, maxObjects?: number): HeapView | null {
    const steps = this.executionsOfLine(line);
    if (steps.length === 0) return null;
    const index = Math.min(Math.max(1, execution ?? executionFinishingLast(steps, this.result.trace)), steps.length);
    const snapshot = this.snapshot(steps[index - 1]);
    return present(snapshot, {
      version: this.result.version,
      status: this.result.status,
      source: { ...source, line, lineText: this.result.sourceLines[line - 1] ?? '' },
      execution: { index, count: steps.length },
      maxObjects,
    });
  }

  /**
   * "Run GC" at the cursor: simulates gc.collect(generation) right after the chosen
   * execution of `line` (by default the one that finishes last). The new session's last step holds the
   * collection; null when the line never ran.
   */
  collectAfter(line: number, execution: number | undefined, generation: number, options: SimulationOptions): SimulationSession | null {
    const steps = this.executionsOfLine(line);
    if (steps.length === 0) return null;
    const step = steps[Math.min(Math.max(1, execution ?? executionFinishingLast(steps, this.result.trace)), steps.length) - 1];
    const depth = this.result.trace.step(step).depth;
    return new SimulationSession(this.source, { ...options, shutdown: false, gcProbe: { step, depth, line, generation } });
  }

  /** The view of the run's last step (after "Run GC": the collection, phase by phase). */
  lastStepView(source: Omit<HeapView['source'], 'lineText'>, maxObjects?: number): HeapView | null {
    const count = this.result.trace.stepCount;
    if (count === 0) return null;
    const snapshot = this.snapshot(count - 1);
    return present(snapshot, {
      version: this.result.version,
      status: this.result.status,
      source: { ...source, lineText: this.result.sourceLines[source.line - 1] ?? '' },
      execution: { index: 1, count: 1 },
      maxObjects,
    });
  }

  /** What `sys.getrefcount(...)` and `gc.collect()` returned on a line, in order. */
  probesOnLine(line: number): readonly Probe[] {
    return this.result.probes.filter((p) => p.line === line);
  }

  /**
   * The object an expression (a name, `a.b`, `a[0]`, `a['k']`) denotes right after
   * `step`, looking in the frame that ran the line, then the module.
   */
  resolve(step: number, expression: string): { object: SnapshotObject; snapshot: HeapSnapshot; path: string } | null {
    const snapshot = this.snapshot(step);
    const parts = parseAccessPath(expression);
    if (parts === null) return null;
    const byId = new Map(snapshot.objects.map((o) => [o.id, o]));
    const [first, ...rest] = parts;
    let target: number | undefined;
    // Function frames first (innermost last in the roots), then the module's globals.
    const frames = snapshot.roots.filter((r) => r.kind === 'frame' && r.name !== '<module>').reverse();
    for (const frame of frames) {
      target = frame.references.find((r) => r.label === first)?.target;
      if (target !== undefined) break;
    }
    if (target === undefined) {
      const dictId = mainModuleDict(snapshot, byId);
      const dict = dictId !== null ? byId.get(dictId) : undefined;
      target = dict?.references.find((r) => r.label === `['${first}']`)?.target;
    }
    for (const part of rest) {
      if (target === undefined) return null;
      const obj = byId.get(target);
      if (!obj) return null;
      target = followPart(obj, part, byId);
    }
    if (target === undefined) return null;
    const object = byId.get(target);
    return object ? { object, snapshot, path: expression } : null;
  }
}

export interface Probe {
  readonly line: number;
  readonly column: number;
  readonly kind: 'getrefcount' | 'collect';
  readonly value: number;
}

type Part = { kind: 'attr'; name: string } | { kind: 'index'; label: string };

/** `a.b[0]['k']` → ['a', .b, [0], ['k']]; null for anything more complex. */
function parseAccessPath(expression: string): [string, ...Part[]] | null {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)((?:\.[A-Za-z_][A-Za-z0-9_]*|\[(?:-?\d+|'[^']*'|"[^"]*")\])*)$/.exec(expression.trim());
  if (!m) return null;
  const parts: Part[] = [];
  for (const p of m[2].match(/\.[A-Za-z_][A-Za-z0-9_]*|\[[^\]]*\]/g) ?? []) {
    if (p.startsWith('.')) parts.push({ kind: 'attr', name: p.slice(1) });
    else {
      const inner = p.slice(1, -1);
      parts.push({ kind: 'index', label: inner.startsWith('"') ? `['${inner.slice(1, -1)}']` : `[${inner}]` });
    }
  }
  return [m[1], ...parts];
}

function followPart(obj: SnapshotObject, part: Part, byId: Map<number, SnapshotObject>): number | undefined {
  if (part.kind === 'attr') {
    const direct = obj.references.find((r) => r.label === `.${part.name}`);
    if (direct) return direct.target;
    // 3.10 keeps attributes in the instance's __dict__.
    const dictRef = obj.references.find((r) => r.label === '__dict__');
    const dict = dictRef ? byId.get(dictRef.target) : undefined;
    const viaDict = dict?.references.find((r) => r.label === `['${part.name}']`);
    if (viaDict) return viaDict.target;
    const viaClass = obj.references.find((r) => r.label === '__class__');
    const cls = viaClass ? byId.get(viaClass.target) : undefined;
    const clsDict = cls ? byId.get(cls.references.find((r) => r.label === '__dict__')?.target ?? -1) : undefined;
    return clsDict?.references.find((r) => r.label === `['${part.name}']`)?.target;
  }
  const index = /^\[(-?\d+)\]$/.exec(part.label);
  if (index && (obj.type === 'list' || obj.type === 'tuple')) {
    const slots = obj.references.filter((r) => /^\[\d+\]$/.test(r.label));
    let i = Number(index[1]);
    if (i < 0) i += slots.length;
    return slots[i]?.target;
  }
  return obj.references.find((r) => r.label === part.label)?.target;
}
