/**
 * The messages between the extension host and the simulation worker. The worker keeps the
 * `SimulationSession`s (they are not serializable); only plain JSON crosses: requests that
 * name a run, and views, hover facts and line effects computed from it.
 *
 * Lines here are 1-based lines of the *snippet*, as the session counts them; the host maps
 * them to and from document lines (see snippets.ts).
 */
import type { GcStatus, HeapView, PythonVersion } from '../../protocol';

/** The document a view belongs to, as the panel names it. */
export interface ViewSource {
  readonly uri: string;
  readonly fileName: string;
}

export type WorkerRequest =
  /** Simulate `source` and keep the session under the name `run` (replacing nothing else). */
  | {
      readonly kind: 'simulate';
      readonly run: string;
      readonly source: string;
      readonly version: PythonVersion;
      readonly fileName: string;
      readonly stepBudget: number;
    }
  /** The picture right after an execution of `line` (default: its last). */
  | {
      readonly kind: 'view';
      readonly run: string;
      readonly line: number;
      readonly execution?: number;
      readonly source: ViewSource;
      readonly maxObjects?: number;
    }
  /** Facts for a hover: the object `expression` denotes after the line, or what a probe call returned. */
  | {
      readonly kind: 'hover';
      readonly run: string;
      readonly line: number;
      readonly execution?: number;
      readonly target: HoverTarget;
    }
  /** What each of `lines` did to the heap (its last execution), for the inline hints. */
  | { readonly kind: 'effects'; readonly run: string; readonly lines: readonly number[] }
  /** "Run GC at the cursor": gc.collect(generation) right after the chosen execution of `line`. */
  | {
      readonly kind: 'collect';
      readonly run: string;
      readonly line: number;
      readonly execution?: number;
      readonly generation: 0 | 1 | 2;
      readonly source: ViewSource;
    }
  /** Forget a run (its document closed or a newer run replaced it). */
  | { readonly kind: 'release'; readonly run: string };

/**
 * What a hover points at: an access path (`a`, `a.b`, `a[0]`), and when the path is the
 * callee of `sys.getrefcount(...)` or `gc.collect()`, that probe call (`column`: where the
 * call starts, 0-based snippet column). A probe without recorded values falls back to the path.
 */
export interface HoverTarget {
  readonly expression: string;
  readonly probe?: { readonly kind: 'getrefcount' | 'collect'; readonly column: number };
}

export type WorkerResponse =
  | { readonly kind: 'simulated'; readonly run: string; readonly summary: RunSummary }
  | { readonly kind: 'view'; readonly view: HeapView | null; readonly reason?: string }
  | { readonly kind: 'hover'; readonly facts: HoverFacts | null }
  | { readonly kind: 'effects'; readonly effects: readonly LineEffects[] }
  | { readonly kind: 'released' }
  /** The worker does not hold this run (it restarted, or evicted the run): simulate again. */
  | { readonly kind: 'unknownRun'; readonly run: string }
  /** A fault in the engine itself (a bug), reported rather than hidden. */
  | { readonly kind: 'error'; readonly message: string };

/** How a run ended, with its location in the snippet, ready for a diagnostic. */
export interface RunOutcome {
  readonly kind: 'complete' | 'exception' | 'syntax' | 'unsupported' | 'budget' | 'limit' | 'internal' | 'probe';
  /** One line for the Problems view, e.g. `ZeroDivisionError: division by zero`. */
  readonly message: string;
  /** 1-based snippet line; 0 when unknown. */
  readonly line: number;
  /** 0-based columns when known. */
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  /** CPython's traceback or SyntaxError report, when there is one. */
  readonly detail?: string;
}

/** What the cursor needs to know about one snippet line, without asking the worker again. */
export interface LineInfo {
  /**
   * The line whose executions stand for this one: itself when it has steps of its own,
   * else the first line of the statement it continues (a multi-line call or literal), else 0.
   */
  readonly anchor: number;
  /** How many times the anchor ran (consecutive steps of one line event counted once). */
  readonly executions: number;
  /** False for blank and comment-only lines. */
  readonly hasCode: boolean;
}

export interface RunSummary {
  readonly version: PythonVersion;
  readonly outcome: RunOutcome;
  /** Indexed by snippet line − 1. */
  readonly lines: readonly LineInfo[];
  readonly steps: number;
  readonly simulateMs: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A referrer as a hover lists it. */
export interface HoverReferrer {
  readonly holderName: string;
  readonly label: string;
  readonly hidden: boolean;
  /** True when the holder is a frame (the label is a variable name). */
  readonly variable: boolean;
}

/** Everything a hover says about one object or probe; formatted by hover.ts. */
export interface HoverFacts {
  readonly version: PythonVersion;
  readonly line: number;
  readonly execution: { readonly index: number; readonly count: number };
  /** 'after' the line ran, or 'before' it (the name was unbound afterwards, e.g. by `del`). */
  readonly when: 'after' | 'before';
  readonly expression?: string;
  readonly object?: {
    readonly id: number;
    readonly name: string;
    readonly type: string;
    readonly value: string;
    readonly refcount: number;
    readonly gc: GcStatus;
    readonly garbage: boolean;
    readonly finalized: boolean;
    readonly externalRefs: number;
    readonly referrers: readonly HoverReferrer[];
    readonly length?: number;
  };
  /** What the probe call returned, one value per execution of the line (in order). */
  readonly probe?: { readonly kind: 'getrefcount' | 'collect'; readonly values: readonly number[] };
}

/** One thing a line did to the heap. */
export type LineEffect =
  | { readonly kind: 'refcount'; readonly name: string; readonly from: number; readonly to: number }
  | { readonly kind: 'allocated'; readonly name: string }
  /** New objects held only by other new objects (a nested literal's insides). */
  | { readonly kind: 'nested'; readonly count: number }
  /** A module the line imported, with the objects its namespace brought along. */
  | { readonly kind: 'imported'; readonly module: string; readonly count: number }
  | { readonly kind: 'freed'; readonly names: readonly string[] }
  | { readonly kind: 'collected'; readonly generation: number; readonly collected: number; readonly reason: 'manual' | 'automatic' }
  | { readonly kind: 'garbage'; readonly count: number };

export interface LineEffects {
  readonly line: number;
  readonly executions: number;
  readonly effects: readonly LineEffect[];
}

/** A request as it travels to the worker. */
export interface WorkerEnvelope {
  readonly id: number;
  readonly request: WorkerRequest;
}

/** A response as it travels back. */
export interface WorkerReply {
  readonly id: number;
  readonly response: WorkerResponse;
}
