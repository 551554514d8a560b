/**
 * Heap Inspector render benchmark: view → drawn picture (and → list) in headless Chromium,
 * for heaps of 100 and 1,000 objects. Run: `node scripts/build.mjs && node dist/bench/panelRender.bench.js`.
 * Prints the median of several runs: in the page, from the view message's arrival to the
 * drawn result (validation, scene, layout, SVG/table), the part of it spent in ELK, and the
 * wall time seen from the test driver (which adds the driver's own serialisation). The last row
 * starts from a simulated snapshot: snapshot → view in Node, then view → drawn in the page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimulationSession } from '../src/python/session';
import type { HeapView } from '../src/protocol';
import { Harness, ROOT } from '../test/webview/harness';
import { syntheticHeap } from './syntheticHeap';

/**
 * A real heap of about 1,000 objects (330 records, their tags lists and ids, a dict
 * indexing them), simulated once: its snapshot → view is timed in Node (what the worker
 * does), then view → drawn in the page, so this row covers snapshot → drawn picture.
 */
const PROGRAM = `class Record:
    def __init__(self, i):
        self.id = i * 1000
        self.tags = ['new', 'sale']
        self.owner = self

records = [Record(i) for i in range(330)]
index = {r.id: r for r in records}
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const harness = await Harness.start();
  const results: Record<string, { objects: number; wallMs: number; inPageMs: number; elkMs: number | null; presentMs?: number }> = {};
  const session = new SimulationSession(PROGRAM, { version: '3.12', shutdown: false });
  const lastLine = PROGRAM.trimEnd().split('\n').length;
  try {
    // "picture": as first shown (big containers collapsed, what they alone lead to folded);
    // "picture, expanded": every object drawn (after Expand all).
    for (const [n, mode, expandAll] of [
      [100, 'picture', false],
      [100, 'picture', true],
      [1000, 'list', false],
      [1000, 'picture', false],
      [1000, 'picture', true],
      ['program', 'picture', false],
    ] as const) {
      const panel = await harness.open({ theme: 'dark', state: { mode } });
      const wall: number[] = [];
      const inPage: number[] = [];
      const elk: number[] = [];
      const present: number[] = [];
      // The first run warms the JIT and ELK up; it is not counted.
      for (let i = 0; i <= runs; i++) {
        let view: HeapView;
        if (n === 'program') {
          const presentStarted = performance.now();
          view = session.view(lastLine, undefined, { uri: 'file:///records.py', fileName: 'records.py' })!;
          if (i > 0) present.push(performance.now() - presentStarted);
        } else view = syntheticHeap(n, i % 2);
        const started = Date.now();
        await panel.show(view);
        const elapsed = Date.now() - started;
        if (i === 0 && expandAll) {
          // Expansions stick while the same line is shown, as they do for a user.
          const count = await panel.page.$eval('.app', (e) => Number((e as HTMLElement).dataset.renderCount));
          await panel.page.click('.folded-notice [data-action="expand-all"]');
          await panel.page.waitForFunction((c) => Number(document.querySelector<HTMLElement>('.app')?.dataset.renderCount) > c, count, { timeout: 120000 });
        }
        const data = await panel.page.$eval('.app', (e) => ({ render: Number((e as HTMLElement).dataset.viewMs), elk: Number((e as HTMLElement).dataset.elkMs) }));
        if (i === 0) continue;
        wall.push(elapsed);
        inPage.push(data.render);
        if (mode === 'picture') elk.push(data.elk);
      }
      const drawn = await panel.page.$$eval(mode === 'picture' ? '.picture .obj' : '.object-list tbody tr', (els) => els.length);
      const key = n === 'program' ? `simulated program (${session.view(lastLine, undefined, { uri: '', fileName: '' })!.objects.length} objects), ${mode}` : `${n} objects, ${mode}${expandAll ? ', expanded' : ''}`;
      results[key] = { objects: drawn, wallMs: median(wall), inPageMs: median(inPage), elkMs: elk.length ? median(elk) : null };
      const presentPart = present.length ? `snapshot→view ${median(present).toFixed(1)} ms + ` : '';
      if (present.length) results[key].presentMs = median(present);
      console.log(`${key.padEnd(30)} drawn ${String(drawn).padStart(5)}  ${presentPart}view→drawn ${String(median(inPage)).padStart(5)} ms${elk.length ? ` (ELK ${median(elk)} ms)` : ''}; driver wall ${median(wall)} ms`);
      await panel.close();
    }
  } finally {
    await harness.stop();
  }
  const out = join(ROOT, 'test-results/bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'panelRender.json'), JSON.stringify(results, null, 2));
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
