import type { ObjectId } from './heapObject';

/**
 * What one collection did, phase by phase, for the step-by-step explanation. Per-object
 * details are kept for the first `DETAIL_LIMIT` objects; the counts are always exact.
 */
export interface CollectionReport {
  /** The generation asked for (`gc.collect(n)`), or chosen by the thresholds. */
  readonly generation: number;
  readonly reason: 'manual' | 'automatic';
  /** What `gc.collect()` returns: unreachable objects found, minus any resurrected. */
  collected: number;
  /** Objects that could not be freed (`gc.garbage` under DEBUG_SAVEALL). */
  uncollectable: number;
  /** How many objects the collection examined. */
  examined: number;
  readonly phases: CollectionPhase[];
  /** True when there were more objects than the per-object details keep. */
  detailTruncated: boolean;
}

/** gc_refs of one object at the end of a phase. */
export interface GcRefsEntry {
  readonly id: ObjectId;
  readonly gcRefs: number;
}

export type CollectionPhase =
  /** The younger generations are merged into the one collected (gc_list_merge). */
  | { readonly name: 'merge'; readonly generations: readonly number[]; readonly objects: number }
  /** gc_refs := refcount for every object examined (update_refs). */
  | { readonly name: 'updateRefs'; readonly refs: readonly GcRefsEntry[] }
  /** References from inside the examined set are subtracted (subtract_refs). */
  | { readonly name: 'subtractRefs'; readonly refs: readonly GcRefsEntry[] }
  /** Objects not reachable from outside are set apart (move_unreachable). */
  | { readonly name: 'moveUnreachable'; readonly unreachable: readonly ObjectId[]; readonly reachable: number }
  /** Tuples and dicts holding only untracked objects stop being tracked. */
  | { readonly name: 'untrack'; readonly untracked: readonly ObjectId[] }
  /** Survivors move to an older generation. */
  | { readonly name: 'promote'; readonly to: number; readonly objects: number }
  /** Weak references to unreachable objects are cleared; callbacks of live weakrefs run. */
  | { readonly name: 'handleWeakrefs'; readonly cleared: readonly ObjectId[]; readonly callbacks: readonly ObjectId[] }
  /** __del__ (tp_finalize) runs once for each unreachable object that has one (PEP 442). */
  | { readonly name: 'finalizeGarbage'; readonly finalized: readonly ObjectId[] }
  /** Objects a finalizer made reachable again stay alive (handle_resurrected_objects). */
  | { readonly name: 'handleResurrectedObjects'; readonly resurrected: readonly ObjectId[]; readonly stillUnreachable: readonly ObjectId[] }
  /** tp_clear breaks the cycles; reference counting frees the rest (delete_garbage). */
  | { readonly name: 'deleteGarbage'; readonly freed: readonly ObjectId[]; readonly survived: readonly ObjectId[]; readonly savedToGarbage: readonly ObjectId[] };

export type CollectionPhaseName = CollectionPhase['name'];

export const DETAIL_LIMIT = 2000;
