import type { CollectionReport } from './collectionReport';
import type { ObjectId } from './heapObject';
import type { CollectorProfile } from './profile';
import { EventKind, ObjectFlags, Trace } from './trace';

/**
 * Snapshots: the whole heap as it was at any step, rebuilt from the trace. Replay starts
 * from the nearest checkpoint; checkpoints are laid down lazily while replaying, each after
 * at least as many events as the state it copies, so they cost no more memory than the
 * trace itself and no snapshot replays more than one interval.
 */

/** One reference in a snapshot: who holds it, under which label. */
export interface SnapshotReference {
  readonly label: string;
  readonly target: ObjectId;
}

export interface SnapshotReferrer {
  readonly holder: ObjectId;
  readonly label: string;
}

export interface SnapshotObject {
  readonly id: ObjectId;
  readonly type: string;
  /** The value as fixed at allocation ('' for containers: see `references`). */
  readonly display: string;
  /** ob_refcnt, as sys.getrefcount reports minus its own argument. */
  readonly refcount: number;
  /** 0–2, or 3 for the permanent generation (gc.freeze); -1 when untracked. */
  readonly generation: number;
  readonly gcType: boolean;
  readonly immortal: boolean;
  readonly finalized: boolean;
  /** References held by the interpreter outside the program. */
  readonly externalRefs: number;
  /** Reachable from a root (a frame, a module, the interpreter); false marks cycle garbage. */
  readonly reachable: boolean;
  readonly references: readonly SnapshotReference[];
  readonly referrers: readonly SnapshotReferrer[];
}

export interface SnapshotRoot {
  readonly id: ObjectId;
  readonly kind: string;
  readonly name: string;
  readonly references: readonly SnapshotReference[];
}

/** A change of one object's count during a step, with the references that caused it. */
export interface RefcountChange {
  readonly id: ObjectId;
  readonly delta: number;
  readonly causes: readonly { readonly holder: ObjectId; readonly label: string; readonly delta: number }[];
}

export interface StepChanges {
  readonly allocated: readonly ObjectId[];
  readonly freed: readonly ObjectId[];
  /** Objects both created and freed during the step (temporaries). */
  readonly transient: number;
  readonly refcounts: readonly RefcountChange[];
}

export interface HeapSnapshot {
  readonly step: number;
  readonly line: number;
  readonly objects: readonly SnapshotObject[];
  readonly roots: readonly SnapshotRoot[];
  /** Objects the step freed, as they were when it began (for a fade-out). */
  readonly freedObjects: readonly SnapshotObject[];
  readonly changes: StepChanges;
  readonly gc: {
    readonly counts: readonly number[];
    readonly thresholds: readonly number[];
    readonly enabled: boolean;
  };
  readonly collections: readonly CollectionReport[];
  readonly stdout: string;
  readonly stderr: string;
}

interface ObjectRecord {
  type: number;
  display: number;
  flags: number;
  generation: number;
  externalRefs: number;
  finalized: boolean;
}

interface HolderEdges {
  labels: number[];
  targets: number[];
  /**
   * Entries before `head` were removed from the front (a dict or list torn down in order):
   * they are cut off at once when `apply` ends, not one splice each.
   */
  head: number;
}

/** The heap as replayed up to some event. */
class HeapState {
  objects = new Map<ObjectId, ObjectRecord>();
  edges = new Map<ObjectId, HolderEdges>();
  roots = new Map<ObjectId, { kind: number; name: number }>();
  thresholds: [number, number, number] = [0, 0, 0];
  enabled = true;
  /** Events applied so far. */
  position = 0;

  clone(): HeapState {
    const copy = new HeapState();
    for (const [id, record] of this.objects) copy.objects.set(id, { ...record });
    for (const [id, edges] of this.edges) copy.edges.set(id, { labels: edges.labels.slice(edges.head), targets: edges.targets.slice(edges.head), head: 0 });
    for (const [id, root] of this.roots) copy.roots.set(id, root);
    copy.thresholds = [...this.thresholds];
    copy.enabled = this.enabled;
    copy.position = this.position;
    return copy;
  }

  size(): number {
    let n = this.objects.size;
    for (const edges of this.edges.values()) n += edges.targets.length - edges.head;
    return n;
  }

  apply(trace: Trace, to: number): void {
    const events = trace.rawEvents();
    const trimmed = new Set<HolderEdges>();
    for (let i = this.position; i < to; i++) {
      const at = i * 4;
      const a = events[at + 1];
      const b = events[at + 2];
      const c = events[at + 3];
      switch ((events[at] & 0xff) as EventKind) {
        case EventKind.Alloc:
          this.objects.set(a, { type: b, display: c, flags: events[at] >> 8, generation: -1, externalRefs: 0, finalized: false });
          break;
        case EventKind.Free:
          this.objects.delete(a);
          this.edges.delete(a);
          break;
        case EventKind.Link:
        case EventKind.Relink: {
          let edges = this.edges.get(a);
          if (edges === undefined) {
            edges = { labels: [], targets: [], head: 0 };
            this.edges.set(a, edges);
          }
          edges.labels.push(b);
          edges.targets.push(c);
          break;
        }
        case EventKind.Unlink:
          removeEdge(this.edges.get(a), b, c, trimmed);
          break;
        case EventKind.Reset:
          this.edges.delete(a);
          break;
        case EventKind.Generation: {
          const record = this.objects.get(a);
          if (record) record.generation = b;
          break;
        }
        case EventKind.Finalized: {
          const record = this.objects.get(a);
          if (record) record.finalized = true;
          break;
        }
        case EventKind.External: {
          const record = this.objects.get(a);
          if (record) record.externalRefs += b;
          break;
        }
        case EventKind.Display: {
          const record = this.objects.get(a);
          if (record) record.display = b;
          break;
        }
        case EventKind.RootOpen:
          this.roots.set(a, { kind: b, name: c });
          break;
        case EventKind.RootClose:
          this.roots.delete(a);
          this.edges.delete(a);
          break;
        case EventKind.Thresholds:
          this.thresholds = [a, b, c];
          break;
        case EventKind.GcEnabled:
          this.enabled = a === 1;
          break;
        case EventKind.Immortalized: {
          const record = this.objects.get(a);
          if (record) record.flags |= ObjectFlags.Immortal;
          break;
        }
        default:
          break;
      }
    }
    for (const edges of trimmed) {
      edges.labels.splice(0, edges.head);
      edges.targets.splice(0, edges.head);
      edges.head = 0;
    }
    this.position = to;
  }
}

/**
 * Drops one edge (label, target) from a holder. Equal pairs are interchangeable, so any
 * match will do: it is looked for from both ends at once, as a frame's stack lets go of
 * its top while a dict or list being torn down lets go of its first entries. The first
 * live entry is only marked gone (see `head`): splicing each one out made tearing down a
 * dict of n entries take n² moves.
 */
function removeEdge(edges: HolderEdges | undefined, label: number, target: number, trimmed: Set<HolderEdges>): void {
  if (edges === undefined) return;
  const { labels, targets } = edges;
  for (let high = targets.length - 1, low = edges.head; low <= high; high--, low++) {
    const at = targets[high] === target && labels[high] === label ? high : targets[low] === target && labels[low] === label ? low : -1;
    if (at < 0) continue;
    if (at === targets.length - 1) {
      targets.pop();
      labels.pop();
    } else if (at === edges.head) {
      targets[at] = -1;
      labels[at] = -1;
      edges.head++;
      trimmed.add(edges);
    } else {
      targets.splice(at, 1);
      labels.splice(at, 1);
    }
    if (edges.head === targets.length) {
      targets.length = 0;
      labels.length = 0;
      edges.head = 0;
    }
    return;
  }
}

const MIN_CHECKPOINT_INTERVAL = 20000;

/** Rebuilds snapshots of a finished (or stopped) run from its trace. */
export class Timeline {
  private readonly checkpoints: HeapState[];

  constructor(
    readonly trace: Trace,
    readonly profile: CollectorProfile,
  ) {
    const start = new HeapState();
    start.thresholds = [...profile.defaultThresholds];
    if (profile.scheme === 'incremental') start.thresholds[2] = 0;
    this.checkpoints = [start];
  }

  /** The state after `eventCount` events. */
  private stateAt(eventCount: number): HeapState {
    let base = this.checkpoints[0];
    for (const checkpoint of this.checkpoints) {
      if (checkpoint.position <= eventCount) base = checkpoint;
      else break;
    }
    const state = base.clone();
    while (state.position < eventCount) {
      const interval = Math.max(MIN_CHECKPOINT_INTERVAL, 4 * state.size());
      const next = Math.min(eventCount, state.position + interval);
      state.apply(this.trace, next);
      const last = this.checkpoints[this.checkpoints.length - 1];
      if (next - last.position >= interval && next > last.position) this.checkpoints.push(state.clone());
    }
    return state;
  }

  /** The heap right after step `index` finished (including the calls it made). */
  snapshot(index: number): HeapSnapshot {
    const trace = this.trace;
    const step = trace.step(index);
    const end = trace.stepEndEvent(index);
    const before = this.stateAt(step.firstEvent);
    const after = before.clone();
    after.apply(trace, end);
    const objects = this.describeObjects(after);
    const freedIds: ObjectId[] = [];
    const allocated: ObjectId[] = [];
    let transient = 0;
    const deltas = new Map<ObjectId, Map<string, { holder: ObjectId; label: string; delta: number }>>();
    const allocatedHere = new Set<ObjectId>();
    trace.forEachEvent(step.firstEvent, end, (kind, a, b, c) => {
      if (kind === EventKind.Alloc) {
        allocatedHere.add(a);
      } else if (kind === EventKind.Free) {
        if (allocatedHere.has(a)) transient++;
        else freedIds.push(a);
      } else if (kind === EventKind.Link || kind === EventKind.Unlink) {
        const label = trace.string(b);
        const key = `${a}\u0000${label}`;
        let causes = deltas.get(c);
        if (causes === undefined) deltas.set(c, (causes = new Map()));
        const cause = causes.get(key) ?? { holder: a, label, delta: 0 };
        cause.delta += kind === EventKind.Link ? 1 : -1;
        causes.set(key, cause);
      }
    });
    for (const id of allocatedHere) if (after.objects.has(id)) allocated.push(id);
    const refcounts: RefcountChange[] = [];
    for (const [id, causes] of deltas) {
      if (!after.objects.has(id) && !before.objects.has(id)) continue;
      const kept = [...causes.values()].filter((cause) => cause.delta !== 0);
      const delta = kept.reduce((sum, cause) => sum + cause.delta, 0);
      if (kept.length > 0) refcounts.push({ id, delta, causes: kept });
    }
    const beforeObjects = this.describeObjects(before);
    const freedSet = new Set(freedIds);
    let stdout = '';
    let stderr = '';
    for (const chunk of trace.outputs) {
      if (chunk.event >= end) break;
      if (chunk.stream === 'stdout') stdout += chunk.text;
      else stderr += chunk.text;
    }
    const collections: CollectionReport[] = [];
    trace.forEachEvent(step.firstEvent, end, (kind, a) => {
      if (kind === EventKind.Collection) collections.push(trace.collections[a]);
    });
    const nextCounts = index + 1 < trace.stepCount ? trace.gcCountsAtStep(nextStepAtOrAfter(trace, end)) : trace.gcCountsAtStep(index);
    return {
      step: index,
      line: step.line,
      objects,
      roots: [...after.roots].map(([id, root]) => ({
        id,
        kind: trace.string(root.kind),
        name: trace.string(root.name),
        references: referencesOf(after, id, trace),
      })),
      freedObjects: beforeObjects.filter((o) => freedSet.has(o.id)),
      changes: { allocated, freed: freedIds, transient, refcounts },
      gc: { counts: nextCounts, thresholds: after.thresholds, enabled: after.enabled },
      collections,
      stdout,
      stderr,
    };
  }

  private describeObjects(state: HeapState): SnapshotObject[] {
    const trace = this.trace;
    const incoming = new Map<ObjectId, SnapshotReferrer[]>();
    for (const [holder, edges] of state.edges) {
      for (let i = 0; i < edges.targets.length; i++) {
        const target = edges.targets[i];
        let list = incoming.get(target);
        if (list === undefined) incoming.set(target, (list = []));
        list.push({ holder, label: trace.string(edges.labels[i]) });
      }
    }
    const reachable = reachableIds(state);
    const objects: SnapshotObject[] = [];
    for (const [id, record] of state.objects) {
      const referrers = incoming.get(id) ?? [];
      const immortal = (record.flags & ObjectFlags.Immortal) !== 0;
      objects.push({
        id,
        type: trace.string(record.type),
        display: trace.display(record.display),
        refcount: immortal ? this.profile.immortalRefcount : referrers.length + record.externalRefs,
        generation: record.generation,
        gcType: (record.flags & ObjectFlags.GcType) !== 0,
        immortal,
        finalized: record.finalized,
        externalRefs: record.externalRefs,
        reachable: reachable.has(id),
        references: referencesOf(state, id, trace),
        referrers,
      });
    }
    return objects;
  }
}

function nextStepAtOrAfter(trace: Trace, event: number): number {
  const i = trace.stepAtEvent(event);
  return Math.max(0, Math.min(trace.stepCount - 1, i));
}

function referencesOf(state: HeapState, holder: ObjectId, trace: Trace): SnapshotReference[] {
  const edges = state.edges.get(holder);
  if (edges === undefined) return [];
  return edges.targets.map((target, i) => ({ label: trace.string(edges.labels[i]), target }));
}

/** Everything reachable from a root holder or from an object the interpreter itself holds. */
function reachableIds(state: HeapState): Set<ObjectId> {
  const seen = new Set<ObjectId>();
  const stack: ObjectId[] = [];
  for (const id of state.roots.keys()) {
    const edges = state.edges.get(id);
    if (edges) for (const target of edges.targets) stack.push(target);
  }
  for (const [id, record] of state.objects) if (record.externalRefs > 0 || (record.flags & ObjectFlags.Immortal) !== 0) stack.push(id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const edges = state.edges.get(id);
    if (edges) for (const t of edges.targets) if (!seen.has(t)) stack.push(t);
  }
  return seen;
}
