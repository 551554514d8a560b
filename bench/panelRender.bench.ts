/**
 * Heap Inspector render benchmark: view → drawn picture (and → list) in headless Chromium,
 * for heaps of 100 and 1,000 objects. Run: `node scripts/build.mjs && node dist/bench/panelRender.bench.js`.
 * Prints the median of several runs: in the page, from the view message's arrival to the
 * drawn result (validation, scene, layout, SVG/table), the part of it spent in ELK, and the
 * wall time seen from the test driver (which adds the driver's own serialisation).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HeapView, ViewObject, ViewReferrer } from '../src/protocol';
import { Harness, ROOT } from '../test/webview/harness';

/** A consistent heap of about `n` objects: a list of records, each with an id and a tags list. */
function syntheticHeap(n: number, seed: number): HeapView {
  const objects: Omit<ViewObject, 'referrers' | 'refcount'>[] = [];
  const external = new Map<number, number>();
  const base = { family: 'atom' as const, garbage: false, finalized: false, externalRefs: 0 };
  const tags = [1, 2, 3].map((i) => ({ ...base, id: i, type: 'str', value: `'tag${i}'`, name: `str 'tag${i}'`, gc: { kind: 'immortal' as const }, references: [] }));
  objects.push(...tags);
  const cls = { ...base, id: 4, type: 'type', family: 'class' as const, value: "<class 'Record'>", name: 'Record', gc: { kind: 'generation' as const, generation: 2, label: 'gen 2' }, references: [], externalRefs: 3 };
  external.set(4, 3);
  objects.push(cls);
  const items: { label: string; target: number }[] = [];
  let id = 10;
  while (objects.length + 4 <= n - 1) {
    const rec = id++;
    const num = id++;
    const tagList = id++;
    objects.push({ ...base, id: num, type: 'int', value: String(1000 + rec + seed), name: `int ${1000 + rec}`, gc: { kind: 'untracked' }, references: [] });
    objects.push({ ...base, id: tagList, type: 'list', family: 'container', value: "['tag1', 'tag2']", name: `list#${tagList}`, gc: { kind: 'generation', generation: 0, label: 'gen 0' }, references: [{ label: '[0]', target: 1 + (rec % 3) }, { label: '[1]', target: 1 + ((rec + 1) % 3) }] });
    objects.push({ ...base, id: rec, type: 'Record', family: 'instance', value: '<Record>', name: `Record#${rec}`, gc: { kind: 'generation', generation: 0, label: 'gen 0' }, references: [{ label: '.id', target: num }, { label: '.tags', target: tagList }, { label: '__class__', target: 4 }] });
    items.push({ label: `[${items.length}]`, target: rec });
  }
  objects.push({ ...base, id: 5, type: 'list', family: 'container', value: '[…]', name: 'items', gc: { kind: 'generation', generation: 0, label: 'gen 0' }, references: items, length: items.length });
  const frames = [{ id: 900, name: '<module>', kind: 'module' as const, variables: [{ label: 'Record', target: 4 }, { label: 'items', target: 5 }] }];
  const referrers = new Map<number, ViewReferrer[]>();
  const add = (holder: number, holderName: string, label: string, target: number) => referrers.set(target, [...(referrers.get(target) ?? []), { holder, holderName, label, hidden: false }]);
  for (const f of frames) for (const v of f.variables) add(f.id, '<module> globals', v.label, v.target);
  for (const o of objects) for (const r of o.references) add(o.id, o.name, r.label, r.target);
  const full: ViewObject[] = objects.map((o) => {
    const refs = referrers.get(o.id) ?? [];
    return { ...o, referrers: refs, refcount: o.gc.kind === 'immortal' ? 4294967295 : refs.length + (external.get(o.id) ?? 0) };
  });
  return {
    version: '3.12',
    source: { uri: 'file:///bench.py', fileName: 'bench.py', line: 9, lineText: 'items.append(Record(i))' },
    execution: { index: 1 + seed, count: 10 },
    frames,
    hidden: [],
    objects: full,
    changes: { allocated: [], freed: [], transient: 0, refcounts: [] },
    gc: { scheme: 'generational', counts: [n % 700, 0, 0], thresholds: [700, 10, 10], enabled: true, generationLabels: ['gen 0', 'gen 1', 'gen 2'] },
    collections: [],
    stdout: '',
    stderr: '',
    status: { kind: 'complete' },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const harness = await Harness.start();
  const results: Record<string, { objects: number; wallMs: number; inPageMs: number; elkMs: number | null }> = {};
  try {
    for (const [n, mode] of [
      [100, 'picture'],
      [1000, 'list'],
      [1000, 'picture'],
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
        const data = await panel.page.$eval('.app', (e) => ({ render: Number((e as HTMLElement).dataset.viewMs), elk: Number((e as HTMLElement).dataset.elkMs) }));
        if (i === 0) continue;
        wall.push(elapsed);
        inPage.push(data.render);
        if (mode === 'picture') elk.push(data.elk);
      }
      const drawn = await panel.page.$$eval(mode === 'picture' ? '.picture .obj' : '.object-list tbody tr', (els) => els.length);
      const key = `${n} objects, ${mode}`;
      results[key] = { objects: drawn, wallMs: median(wall), inPageMs: median(inPage), elkMs: elk.length ? median(elk) : null };
      console.log(`${key.padEnd(24)} drawn ${String(drawn).padStart(5)}  view→drawn ${String(median(inPage)).padStart(5)} ms${elk.length ? ` (ELK ${median(elk)} ms)` : ''}; driver wall ${median(wall)} ms`);
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
