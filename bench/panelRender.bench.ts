/**
 * Heap Inspector render benchmark: view → drawn picture (and → list) in headless Chromium,
 * for heaps of 100 and 1,000 objects. Run: `node scripts/build.mjs && node dist/bench/panelRender.bench.js`.
 * Prints the median of several runs: in the page, from the view message's arrival to the
 * drawn result (validation, scene, layout, SVG/table), the part of it spent in ELK, and the
 * wall time seen from the test driver (which adds the driver's own serialisation).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Harness, ROOT } from '../test/webview/harness';
import { syntheticHeap } from './syntheticHeap';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const harness = await Harness.start();
  const results: Record<string, { objects: number; wallMs: number; inPageMs: number; elkMs: number | null }> = {};
  try {
    // "picture": as first shown (big containers collapsed, what they alone lead to folded);
    // "picture, expanded": every object drawn (after Expand all).
    for (const [n, mode, expandAll] of [
      [100, 'picture', false],
      [100, 'picture', true],
      [1000, 'list', false],
      [1000, 'picture', false],
      [1000, 'picture', true],
    ] as const) {
      const panel = await harness.open({ theme: 'dark', state: { mode } });
      const wall: number[] = [];
      const inPage: number[] = [];
      const elk: number[] = [];
      // The first run warms the JIT and ELK up; it is not counted.
      for (let i = 0; i <= runs; i++) {
        const view = syntheticHeap(n, i % 2);
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
      const key = `${n} objects, ${mode}${expandAll ? ', expanded' : ''}`;
      results[key] = { objects: drawn, wallMs: median(wall), inPageMs: median(inPage), elkMs: elk.length ? median(elk) : null };
      console.log(`${key.padEnd(30)} drawn ${String(drawn).padStart(5)}  view→drawn ${String(median(inPage)).padStart(5)} ms${elk.length ? ` (ELK ${median(elk)} ms)` : ''}; driver wall ${median(wall)} ms`);
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
