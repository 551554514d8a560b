import type { IntValue } from '../format/numbers';
import { DEFAULT_LIMITS, type Runtime } from './runtime';
import { SimulationStop } from './errors';

/**
 * What keeps one line from exhausting the host: `[0] * 10**9`, `'x'.ljust(10**10)`,
 * `10 ** 10**8` or `sum(range(10**12))` is one step of the program, but gigabytes or
 * minutes of work. CPython would try; HeapScope stops the run at that line with a 'limit'
 * (or 'budget') and keeps the trace up to it. Sizes CPython itself refuses (beyond
 * Py_ssize_t) raise its exceptions instead, as the program would see them.
 */

/** Items of one list, tuple, set or dict; characters of one str; bytes of one bytes object. */
export const MAX_LENGTH = 10_000_000;
/** Bits of one int (about 1,200,000 decimal digits). */
export const MAX_INT_BITS = 4_000_000;

/** PY_SSIZE_T_MAX on a 64-bit build. */
const SSIZE_MAX = 2n ** 63n - 1n;

const UNITS: Record<string, string> = { str: 'characters', bytes: 'bytes', bytearray: 'bytes' };
const NAMES: Record<string, string> = { bytes: 'bytes object' };

/** Stops the run when a new `typeName` of `length` items would be too large to simulate. */
export function checkLength(rt: Runtime, typeName: string, length: number | bigint): void {
  if (length <= MAX_LENGTH) return;
  const unit = UNITS[typeName] ?? 'items';
  throw rt.stop('limit', `a ${NAMES[typeName] ?? typeName} of ${count(length)} ${unit} is too large to simulate (the limit is ${count(MAX_LENGTH)} ${unit})`);
}

/** Stops the run when a new int of about `bits` bits would be too large to simulate. */
export function checkIntBits(rt: Runtime, bits: number | bigint): void {
  if (bits <= MAX_INT_BITS) return;
  throw rt.stop('limit', `an int of about ${count(bits)} bits is too large to simulate (the limit is ${count(MAX_INT_BITS)} bits)`);
}

/** The bits of |value| (0 for 0). */
export function bitLength(value: IntValue): number {
  if (typeof value === 'number') return value === 0 ? 0 : Math.floor(Math.log2(Math.abs(value))) + 1;
  const hex = (value < 0n ? -value : value).toString(16);
  return (hex.length - 1) * 4 + Math.floor(Math.log2(parseInt(hex[0], 16))) + 1;
}

/**
 * A count or size argument as CPython's PyNumber_AsSsize_t(obj, PyExc_OverflowError) takes
 * it: beyond Py_ssize_t it is an OverflowError.
 */
export function asSsize(rt: Runtime, value: IntValue): number {
  if (typeof value === 'bigint' && (value > SSIZE_MAX || value < -SSIZE_MAX - 1n)) throw rt.error('OverflowError', "cannot fit 'int' into an index-sized integer");
  return Number(value);
}

/**
 * One unit of work a builtin did within a line (an item a native iterator produced, a
 * comparison while sorting), counted against the step budget: a line that goes through
 * more items than the program may run lines stops as a runaway loop would. The live
 * objects limit is checked here too, so that a line building millions stops at that line.
 */
export function countWork(rt: Runtime): void {
  if (++rt.work > rt.limits.steps) throw rt.stop('budget', `step budget reached: builtins went through more than ${count(rt.limits.steps)} items`);
  if ((rt.work & 0x3ff) === 0) {
    if (rt.heap.liveCount > rt.limits.objects) throw rt.stop('limit', `too many live objects (over ${rt.limits.objects})`);
    checkReferences(rt);
  }
}

/**
 * Too many references alive at once (`[0] * 10**7` is one object holding ten million):
 * every one is an arrow a snapshot must rebuild. `more` counts ones about to be made.
 */
export function checkReferences(rt: Runtime, line?: number, more = 0): void {
  const limit = rt.limits.references ?? DEFAULT_LIMITS.references!;
  if (rt.heap.liveReferences + more <= limit) return;
  const message = `too many live references (over ${count(limit)})`;
  if (line === undefined) throw rt.stop('limit', message);
  throw new SimulationStop('limit', message, line, 0);
}

/** 1,234,567 — or 10^N past what a reader can take in. */
function count(n: number | bigint): string {
  if (typeof n === 'number' && !Number.isSafeInteger(n)) return n < 1e18 ? count(BigInt(Math.round(n))) : `10^${Math.floor(Math.log10(n))}`;
  const digits = n.toString();
  if (digits.length > 18) return `10^${digits.length - 1}`;
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
