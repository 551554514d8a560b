/**
 * What the core needs to know about a CPython version: the collector's shape and rules.
 * The language's rules (small ints, interning, ...) live with the front end; both halves
 * are filled in from one table per version in `src/versions.ts`.
 */
export interface CollectorProfile {
  /**
   * `generational`: three generations collected by thresholds (3.10–3.13).
   * `incremental`: a young generation and an old one scanned in increments (3.14).
   */
  readonly scheme: 'generational' | 'incremental';
  /** Thresholds at start-up, as `gc.get_threshold()` reports them. */
  readonly defaultThresholds: readonly [number, number, number];
  /**
   * When an allocation pushes generation 0 over its threshold: `immediately` collects inside
   * the allocation (3.10, 3.11); `next-step` schedules it for the eval breaker (3.12+).
   */
  readonly automaticCollection: 'immediately' | 'next-step';
  /** Whether full collections untrack dicts holding only untracked objects (up to 3.13). */
  readonly untracksDicts: boolean;
  /** Whether collections untrack tuples holding only untracked objects. */
  readonly untracksTuples: boolean;
  /** The reference count immortal objects report (0 when there are none: before 3.12). */
  readonly immortalRefcount: number;
}
