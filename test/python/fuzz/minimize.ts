import { createHash } from 'node:crypto';

/**
 * Delta debugging (Zeller's ddmin): shrinks a failing input to a small one that still
 * fails the same way — whole lines, then words and symbols, then characters — within a
 * time budget.
 */

/** Says whether a candidate still fails in the same way. */
export type StillFails = (candidate: string) => Promise<boolean>;

export interface MinimizeOptions {
  /** Stop testing after this many milliseconds (the best input so far is kept). */
  readonly budgetMs: number;
}

/** Candidates longer than this are not cut character by character (the pass would be quadratic). */
const MAX_CHARACTER_PASS = 20_000;

/** The smallest input found that still fails, starting from `input` (which must fail). */
export async function minimize(input: string, stillFails: StillFails, options: MinimizeOptions): Promise<string> {
  const deadline = Date.now() + options.budgetMs;
  const seen = new Map<string, boolean>();
  const test = async (candidate: string): Promise<boolean> => {
    if (Date.now() > deadline) throw OUT_OF_TIME;
    // Keyed by digest: candidates can be megabytes long.
    const key = createHash('sha1').update(candidate).digest('base64');
    const known = seen.get(key);
    if (known !== undefined) return known;
    const fails = await stillFails(candidate);
    seen.set(key, fails);
    return fails;
  };
  let best = input;
  // Each pass keeps the best input so far when the time runs out.
  const pass = async (split: (text: string) => string[]): Promise<void> => {
    try {
      await ddmin(split(best), async (units) => {
        const candidate = units.join('');
        const fails = await test(candidate);
        if (fails && candidate.length < best.length) best = candidate;
        return fails;
      });
    } catch (e) {
      if (e !== OUT_OF_TIME) throw e;
    }
  };
  for (;;) {
    const before = best;
    await pass((text) => text.split(/(?<=\n)/));
    await pass((text) => text.match(/[A-Za-z_0-9]+|\s+|[^A-Za-z_0-9\s]/g) ?? []);
    if (best.length <= MAX_CHARACTER_PASS) await pass((text) => [...text]);
    if (best === before || Date.now() > deadline) return best;
  }
}

const OUT_OF_TIME = new Error('minimization budget spent');

/**
 * ddmin: tries each of n chunks alone, then each complement, doubling n when neither
 * fails, until single units cannot be removed.
 */
async function ddmin<T>(units: T[], fails: (units: T[]) => Promise<boolean>): Promise<T[]> {
  let current = units;
  let n = 2;
  while (current.length >= 2) {
    const size = Math.ceil(current.length / n);
    const chunks: T[][] = [];
    for (let i = 0; i < current.length; i += size) chunks.push(current.slice(i, i + size));
    let reduced = false;
    for (const chunk of chunks) {
      if (chunk.length < current.length && (await fails(chunk))) {
        current = chunk;
        n = 2;
        reduced = true;
        break;
      }
    }
    if (!reduced) {
      for (let i = 0; i < chunks.length; i++) {
        const complement = chunks.filter((_, j) => j !== i).flat();
        if (await fails(complement)) {
          current = complement;
          n = Math.max(n - 1, 2);
          reduced = true;
          break;
        }
      }
    }
    if (!reduced) {
      if (n >= current.length) break;
      n = Math.min(current.length, n * 2);
    }
  }
  return current;
}
