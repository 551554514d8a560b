/**
 * From a cursor line to the step of the run to show: which steps make one execution of a
 * line, which line stands for a line without steps of its own (the continuation of a
 * multi-line statement), and what to say when a line never ran. Pure: used by the worker
 * (with a session's trace) and by the host (for the empty states).
 */
import { executionFinishingLast } from '../core/trace';
import type { LineInfo, RunOutcome } from './worker/protocol';

/** The little of a trace this module reads. */
export interface StepTrace {
  readonly stepCount: number;
  step(index: number): { readonly line: number; readonly depth: number; readonly firstEvent: number };
  /** Where the step ends, the calls it made included. */
  stepEndEvent(index: number): number;
}

/**
 * The executions of a line, each given by its last step. The interpreter can lay down two
 * steps for what CPython reports as one line event — a loop's backward jump (no effect on
 * the heap) and then its `FOR_ITER` or test — so an empty step directly followed by another
 * step of the same line in the same frame depth is folded into it. That matches
 * `sys.settrace`: `for i in range(3):` over a one-line body is 4 line events in CPython 3.12.
 */
export function lineExecutions(steps: readonly number[], trace: StepTrace): number[] {
  const executions: number[] = [];
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    const next = steps[i + 1];
    if (next === step + 1 && next < trace.stepCount) {
      const a = trace.step(step);
      const b = trace.step(next);
      if (a.depth === b.depth && a.firstEvent === b.firstEvent) continue;
    }
    executions.push(step);
  }
  return executions;
}

/** Where each physical line's statement starts, and whether the line holds any code. */
export interface PhysicalLine {
  /** 1-based line where the logical line (statement) containing this line begins. */
  readonly start: number;
  /** False for blank and comment-only lines (outside any statement). */
  readonly hasCode: boolean;
}

/**
 * A small scan of Python's line structure (brackets, backslash continuations, strings,
 * comments) — enough to map a line inside a multi-line statement to its first line. It
 * tolerates broken code: every line gets an answer.
 */
export function physicalLines(lines: readonly string[]): PhysicalLine[] {
  const result: PhysicalLine[] = [];
  let depth = 0;
  let continued = false;
  let triple: string | null = null;
  let start = 1;
  for (let n = 1; n <= lines.length; n++) {
    const text = lines[n - 1];
    const inside = depth > 0 || continued || triple !== null;
    if (!inside) start = n;
    continued = false;
    let code = triple !== null;
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      if (triple !== null) {
        if (ch === '\\') {
          i += 2;
          continue;
        }
        if (text.startsWith(triple, i)) {
          i += 3;
          triple = null;
          continue;
        }
        i++;
        continue;
      }
      if (ch === '#') break;
      if (ch === ' ' || ch === '\t' || ch === '\f') {
        i++;
        continue;
      }
      code = true;
      if (ch === '"' || ch === "'") {
        const quote3 = ch.repeat(3);
        if (text.startsWith(quote3, i)) {
          triple = quote3;
          i += 3;
          continue;
        }
        i++;
        while (i < text.length && text[i] !== ch) i += text[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (ch === '(' || ch === '[' || ch === '{') depth++;
      else if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
      else if (ch === '\\' && i === text.length - 1) continued = true;
      i++;
    }
    if (!code && !inside) {
      result.push({ start: n, hasCode: false });
      continue;
    }
    result.push({ start, hasCode: true });
  }
  return result;
}

/**
 * The cursor's view of every snippet line: the line whose executions stand for it and
 * how many there were. `executionCount(line)` counts the executions of a line.
 */
export function lineInfos(lines: readonly string[], executionCount: (line: number) => number): LineInfo[] {
  const counts = new Map<number, number>();
  const count = (line: number): number => {
    let c = counts.get(line);
    if (c === undefined) counts.set(line, (c = executionCount(line)));
    return c;
  };
  return physicalLines(lines).map((physical, i) => {
    const line = i + 1;
    const own = count(line);
    if (own > 0) return { anchor: line, executions: own, hasCode: true };
    if (physical.hasCode && physical.start !== line) {
      const atStart = count(physical.start);
      if (atStart > 0) return { anchor: physical.start, executions: atStart, hasCode: true };
    }
    return { anchor: 0, executions: 0, hasCode: physical.hasCode };
  });
}

/**
 * The execution shown when none was chosen: the one that *finishes* last. Usually the last
 * to start; but `class A:` runs once in the module and once more as the first line of the
 * class body, and the module's execution — which binds `A` — finishes after the body's. In
 * a recursion, the outermost call finishes last. 1-based; 0 when there are none.
 */
export function defaultExecution(executions: readonly number[], trace: StepTrace): number {
  return executionFinishingLast(executions, trace);
}

/** The execution to show: the chosen one if still in range, else the last. */
export function chooseExecution(count: number, chosen: number | undefined): number {
  if (count <= 0) return 0;
  if (chosen === undefined || !Number.isInteger(chosen)) return count;
  return Math.min(Math.max(1, chosen), count);
}

/** The execution `delta` steps from `current`, kept within 1..count. */
export function stepExecution(count: number, current: number, delta: number): number {
  return chooseExecution(count, current + delta);
}

const BLOCK_ONLY = /^\s*(else|try|finally)\s*:\s*(#.*)?$/;

/**
 * What the panel and status bar say for a line with nothing to show. `line` is the
 * document line shown to the user (1-based); `info` the snippet line's facts.
 */
export function emptyReason(info: LineInfo | undefined, lineText: string, line: number, outcome: RunOutcome | undefined, outcomeLine?: number): string {
  if (info === undefined || !info.hasCode) return `Line ${line} has no code. Put the cursor on a statement to see the heap after it.`;
  if (BLOCK_ONLY.test(lineText)) return `Line ${line} only opens a block; it has no step of its own. Put the cursor on a statement inside it.`;
  const stopped = outcome !== undefined && outcome.kind !== 'complete' && outcome.kind !== 'probe';
  if (outcome?.kind === 'syntax') return `Nothing ran: ${outcome.message} (line ${outcomeLine ?? outcome.line}).`;
  if (stopped) return `Line ${line} never ran: the run stopped at line ${outcomeLine ?? outcome.line} (${outcome.message}).`;
  return `Line ${line} never ran in this simulation.`;
}
