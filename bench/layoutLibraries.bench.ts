/**
 * Why the panel lays out with ELK and not dagre: both libraries on the same scenes (the
 * panel's own scene builder, 100 and 1,000 objects). Runs in Node (same V8 as the webview).
 * Run: `node scripts/build.mjs && node dist/bench/layoutLibraries.bench.js`.
 */
import dagre from '@dagrejs/dagre';
import { layoutScene } from '../webview-ui/layout';
import { buildScene, type Scene } from '../webview-ui/model';
import type { TextMeasure } from '../webview-ui/render/measure';
import { syntheticHeap } from './syntheticHeap';

// Widths only matter for box sizes; a fixed-pitch estimate is enough outside a browser.
const measure = { ui: (t: string) => t.length * 7, mono: (t: string) => t.length * 7.2 } as unknown as TextMeasure;

/** dagre on the same boxes and arrows (dagre has no ports: arrows attach to box centres). */
function dagreLayout(scene: Scene): number {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 20, ranksep: 52 });
  g.setDefaultEdgeLabel(() => ({}));
  g.setNode('frames', { width: scene.framesWidth, height: scene.framesHeight });
  for (const o of scene.objects) g.setNode(`o${o.object.id}`, { width: o.width, height: o.height });
  for (const e of scene.edges) g.setEdge(e.fromKind === 'frame' ? 'frames' : `o${e.from}`, `o${e.to}`, {}, e.id);
  const started = performance.now();
  dagre.layout(g);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const skipDagreAbove = Number(process.env.BENCH_DAGRE_MAX ?? 1000);
  for (const n of [100, 1000]) {
    // Fully expanded (no folding), so both libraries place every object.
    const view = syntheticHeap(n, 0);
    const scene = buildScene(view, measure, new Set(view.objects.map((o) => o.id)));
    await layoutScene(scene); // warm-up
    const elk: number[] = [];
    for (let i = 0; i < 3; i++) elk.push((await layoutScene(scene)).elkMs);
    const line = [`${String(scene.objects.length).padStart(5)} objects, ${scene.edges.length} arrows:`, `ELK ${Math.round(Math.min(...elk))} ms`];
    if (n <= skipDagreAbove) {
      dagreLayout(scene);
      line.push(`dagre ${Math.round(dagreLayout(scene))} ms`);
    }
    console.log(line.join('  '));
  }
}

void main();
