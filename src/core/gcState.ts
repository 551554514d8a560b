import { GcList } from './gcList';
import type { CollectorProfile } from './profile';

/** gc.DEBUG_SAVEALL: keep unreachable objects in gc.garbage instead of freeing them. */
export const DEBUG_SAVEALL = 32;

export interface GenerationStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

/**
 * The collector's state, as `struct _gc_runtime_state` holds it: the generation lists,
 * their counters and thresholds, and the switches the `gc` module sets.
 */
export class GcState {
  /**
   * Generation lists by the number `gc.get_objects(generation=n)` uses. For the incremental
   * scheme (3.14) 0 is the young generation, 1 the old space being visited, 2 the other.
   */
  readonly generations: [GcList, GcList, GcList] = [new GcList('generation 0'), new GcList('generation 1'), new GcList('generation 2')];
  /** Objects hidden from the collector by gc.freeze(). */
  readonly permanent = new GcList('permanent generation');
  readonly counts: [number, number, number] = [0, 0, 0];
  readonly thresholds: [number, number, number];
  enabled = true;
  /** A collection is running; nested ones are refused, as in gc.c. */
  collecting = false;
  /** 3.12+: an allocation asked for a collection at the next step boundary. */
  scheduled = false;
  debugFlags = 0;
  /** Objects that survived the last full collection (for the 25 % rule). */
  longLivedTotal = 0;
  /** Objects promoted into the oldest generation since the last full collection. */
  longLivedPending = 0;
  /** 3.14: which old space has been visited in the current incremental cycle. */
  visitedSpace = 0;
  /** 3.14: whether the next increment first marks what the roots reach. */
  phase: 'mark' | 'collect' = 'mark';
  /** 3.14: how many objects the incremental collector still owes a look at. */
  workToDo = 0;
  /** 3.14: live objects of GC types. */
  heapSize = 0;
  /** gc.get_stats(): per generation, the collections run and what they found. */
  readonly stats: GenerationStats[] = [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 }));

  constructor(readonly profile: CollectorProfile) {
    this.thresholds = [...profile.defaultThresholds];
  }

  /** gc.get_threshold(): 3.14 always reports 0 as the third value. */
  reportedThresholds(): [number, number, number] {
    return this.profile.scheme === 'incremental' ? [this.thresholds[0], this.thresholds[1], 0] : [...this.thresholds];
  }

  /** gc.get_count(): for 3.14, the young count, then the visited old space's, then the other's. */
  reportedCounts(): [number, number, number] {
    if (this.profile.scheme === 'incremental') {
      return [this.counts[0], this.counts[1 + this.visitedSpace], this.counts[2 - this.visitedSpace]];
    }
    return [...this.counts];
  }

  /** gc.set_threshold(): only the values given change. */
  setThresholds(values: readonly number[]): void {
    for (let i = 0; i < Math.min(3, values.length); i++) this.thresholds[i] = values[i];
  }

  /** The old space list: 3.14 keeps two, with `generations[1]` and `[2]` as old[0] and old[1]. */
  oldSpace(space: number): GcList {
    return this.generations[1 + space];
  }
}
