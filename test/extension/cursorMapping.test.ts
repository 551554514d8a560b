import { strict as assert } from 'node:assert';
import { chooseExecution, defaultExecution, emptyReason, lineExecutions, lineInfos, physicalLines, stepExecution, type StepTrace } from '../../src/extension/cursorMapping';
import { SimulationEngine } from '../../src/extension/worker/engine';
import type { RunSummary } from '../../src/extension/worker/protocol';

/** From a cursor line to the step shown: executions, continuation lines, empty states (cursorMapping.ts). */

function trace(steps: [line: number, depth: number, firstEvent: number][]): StepTrace {
  return {
    stepCount: steps.length,
    step: (i) => ({ line: steps[i][0], depth: steps[i][1], firstEvent: steps[i][2] }),
    // As the core's trace: the next step at the same or a lower depth.
    stepEndEvent: (i) => steps.slice(i + 1).find((s) => s[1] <= steps[i][1])?.[2] ?? 1000,
  };
}

function simulate(source: string, version: '3.10' | '3.12' | '3.13' = '3.12'): RunSummary {
  const response = new SimulationEngine().handle({ kind: 'simulate', run: 'r', source, version, fileName: 'x.py', stepBudget: 1_000_000 });
  assert.equal(response.kind, 'simulated');
  return (response as { summary: RunSummary }).summary;
}

describe('cursor mapping: executions of a line', () => {
  it('folds an empty step into the next step of the same line and depth', () => {
    // for-line: step 1, then (2: empty jump back, 3: FOR_ITER) twice over.
    const t = trace([
      [1, 0, 0],
      [2, 0, 5],
      [3, 0, 9],
      [2, 0, 12],
      [2, 0, 12],
      [3, 0, 15],
      [2, 0, 20],
      [2, 0, 20],
    ]);
    assert.deepEqual(lineExecutions([1, 3, 4, 6, 7], t), [1, 4, 7]);
  });

  it('keeps consecutive steps with effects, or in other frames, apart', () => {
    // A one-line loop: every step of line 1 does something.
    assert.deepEqual(lineExecutions([0, 1, 2], trace([[1, 0, 0], [1, 0, 4], [1, 0, 8]])), [0, 1, 2]);
    // Recursion: the same line one frame deeper is another execution.
    assert.deepEqual(lineExecutions([0, 1], trace([[2, 1, 7], [2, 2, 7]])), [0, 1]);
  });

  // Line events counted by sys.settrace in CPython 3.10.13, 3.11.7, 3.12.1 and 3.13.0 (all alike).
  const loops = [
    'items = []', // 1: 1
    'for i in range(3):', // 2: 4
    '    items.append(i)', // 3: 3
    'n = 0', // 4: 1
    'while n < 3:', // 5: 4
    '    n += 1', // 6: 3
    'def grow(xs):', // 7: 1
    '    xs.append(len(xs))', // 8: 3
    'for _ in range(3): grow(items)', // 9: 4
  ].join('\n');
  const cpython = [1, 4, 3, 1, 4, 3, 1, 3, 4];

  for (const version of ['3.10', '3.12', '3.13'] as const) {
    it(`counts executions as CPython ${version} reports line events`, () => {
      const summary = simulate(loops, version);
      assert.deepEqual(
        summary.lines.map((l) => l.executions),
        cpython,
      );
    });
  }
});

describe('cursor mapping: lines without steps of their own', () => {
  it('finds where a statement starts across brackets, strings and backslashes', () => {
    const lines = ['x = [', '    1,  # one', ']', '', '# note', 's = """a', '(not a bracket', '"""', 'y = 1 + \\', '    2', "z = ')'"];
    assert.deepEqual(
      physicalLines(lines).map((p) => `${p.start}${p.hasCode ? '' : '-'}`),
      ['1', '1', '1', '4-', '5-', '6', '6', '6', '9', '9', '11'],
    );
  });

  it('lets a continuation line stand for its statement, and marks lines that never ran', () => {
    const summary = simulate(['x = [', '    1,', ']', 'def f():', '    return 1', 'if x:', '    pass', 'else:', '    del x', '', 'y = len(x)'].join('\n'));
    const at = (line: number) => summary.lines[line - 1];
    assert.deepEqual(at(3), { anchor: 1, executions: 1, hasCode: true }, 'the closing bracket shows the statement');
    assert.deepEqual(at(5), { anchor: 0, executions: 0, hasCode: true }, 'f is never called');
    assert.equal(at(8).anchor, 0, '`else:` has no step');
    assert.equal(at(9).executions, 0, 'the else branch did not run');
    assert.equal(at(10).hasCode, false);
  });

  it('counts through lineInfos with one call per line', () => {
    const calls: number[] = [];
    const infos = lineInfos(['a = (', '  1)', 'b = 2'], (line) => (calls.push(line), line === 1 ? 2 : 0));
    assert.deepEqual(infos, [
      { anchor: 1, executions: 2, hasCode: true },
      { anchor: 1, executions: 2, hasCode: true },
      { anchor: 0, executions: 0, hasCode: true },
    ]);
    assert.deepEqual(calls, [1, 2, 3]);
  });
});

describe('cursor mapping: choosing an execution', () => {
  it('shows by default the execution that finishes last', () => {
    // `class A:` at module level (step 0), then as the body's first line (step 1, depth 1).
    const classLine = trace([[5, 0, 10], [5, 1, 12], [6, 1, 15], [7, 0, 30]]);
    assert.equal(defaultExecution([0, 1], classLine), 1);
    // A loop line: the last to start is the last to finish.
    assert.equal(defaultExecution([1, 3, 5], trace([[1, 0, 0], [2, 0, 1], [3, 0, 2], [2, 0, 3], [3, 0, 4], [2, 0, 5], [4, 0, 6]])), 3);
    assert.equal(defaultExecution([], classLine), 0);
  });

  it('shows the last execution unless one was chosen, kept in range', () => {
    assert.equal(chooseExecution(10, undefined), 10);
    assert.equal(chooseExecution(10, 3), 3);
    assert.equal(chooseExecution(4, 9), 4, 'a choice beyond a shorter new run');
    assert.equal(chooseExecution(0, 1), 0);
    assert.equal(stepExecution(10, 3, 1), 4);
    assert.equal(stepExecution(10, 1, -1), 1);
    assert.equal(stepExecution(10, 10, 1), 10);
  });

  it('says why a line has nothing to show', () => {
    const complete = { kind: 'complete', message: '', line: 0 } as const;
    assert.match(emptyReason({ anchor: 0, executions: 0, hasCode: false }, '', 4, complete), /no code/);
    assert.match(emptyReason({ anchor: 0, executions: 0, hasCode: true }, 'else:', 6, complete), /only opens a block/);
    assert.equal(emptyReason({ anchor: 0, executions: 0, hasCode: true }, '    return 1', 11, complete), 'Line 11 never ran in this simulation.');
    const stopped = { kind: 'exception', message: 'ZeroDivisionError: division by zero', line: 3 } as const;
    assert.equal(emptyReason({ anchor: 0, executions: 0, hasCode: true }, 'x = 1', 7, stopped, 5), 'Line 7 never ran: the run stopped at line 5 (ZeroDivisionError: division by zero).');
  });
});
