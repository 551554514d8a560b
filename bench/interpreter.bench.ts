/**
 * The simulator against CPython on programs that allocate, mutate and free, in one run.
 * HeapScope runs them with full tracing (what the editor uses); CPython times the same
 * code with time.perf_counter. Run: `npm run bench` (or `node dist/bench/interpreter.bench.js`).
 */
import { simulate } from '../src/python/simulate';
import { cpython, median, table, timePython } from './python';

const PROGRAMS: Record<string, string> = {
  'build and drop 100,000 small lists': `
for i in range(100000):
    x = [i, i]
`,
  'a linked list of 100,000 nodes': `
class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next
head = None
for i in range(100000):
    head = Node(i, head)
head = None
`,
  '10,000 two-object cycles, gc.collect() every 1,000': `
import gc
gc.disable()
for i in range(10000):
    a = []
    b = [a]
    a.append(b)
    if i % 1000 == 999:
        gc.collect()
`,
  'dict and string work (50,000 entries)': `
d = {}
for i in range(50000):
    d[str(i)] = i * 2
total = 0
for k in d:
    total += d[k]
`,
};

function timeCpython(python: NonNullable<ReturnType<typeof cpython>>, program: string): number {
  const wrapped = `
import time
src = ${JSON.stringify(program)}
code = compile(src, "<bench>", "exec")
for _ in range(3):
    t = time.perf_counter()
    exec(code, {"__name__": "__main__"})
    print((time.perf_counter() - t) * 1000)
`;
  return median(timePython(python, wrapped));
}

export function main(): Record<string, number> {
  const python = cpython();
  const rows: (string | number)[][] = [['program', 'HeapScope ms (traced)', 'steps', 'events', 'CPython ms', 'ratio', 'target']];
  const ratios: Record<string, number> = {};
  for (const [name, source] of Object.entries(PROGRAMS)) {
    const times: number[] = [];
    let steps = 0;
    let events = 0;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const result = simulate(source, { version: '3.12', shutdown: false, limits: { steps: 5_000_000 } });
      times.push(performance.now() - start);
      if (result.status.kind !== 'complete') throw new Error(`${name}: ${JSON.stringify(result.status)}`);
      steps = result.trace.stepCount;
      events = result.trace.length;
    }
    const ours = median(times);
    const theirs = python ? timeCpython(python, source) : NaN;
    ratios[name] = ours / theirs;
    rows.push([name, ours.toFixed(1), steps.toLocaleString('en-US'), events.toLocaleString('en-US'), theirs.toFixed(1), (ours / theirs).toFixed(1) + '×', '≤ 3×']);
  }
  console.log(`Simulator vs CPython ${python?.version ?? '(not found)'}\n` + table(rows) + '\n');
  return ratios;
}

if (require.main === module) main();
