import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode, ElkPort, LayoutOptions } from 'elkjs/lib/elk-api';
import type { Scene, SceneEdge, SceneObject } from './model';
import { GEOMETRY as G } from './render/geometry';

/**
 * Places the picture with ELK's layered algorithm (elkjs, run in the page's main thread:
 * its bundled build needs no worker, so the CSP needs no worker-src). The frames column is
 * one node with a port per variable, pinned to the first layer by a partition; every
 * reference leaves from its own port (a list slot, an attribute, a dict entry) so arrows
 * start where the reference lives. Garbage is laid out on its own and set below, apart.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Route {
  readonly points: readonly Point[];
  /** Orthogonal route from ELK, or a free curve for arrows between the two regions. */
  readonly shape: 'orthogonal' | 'curve';
  /** Where a curve enters its target box (orthogonal routes always enter from the left). */
  readonly enter?: 'left' | 'top' | 'bottom';
}

export interface Layout {
  readonly frames: Box | null;
  readonly objects: ReadonlyMap<number, Box>;
  readonly routes: ReadonlyMap<string, Route>;
  readonly garbage: Box | null;
  readonly width: number;
  readonly height: number;
  /** Milliseconds spent in ELK, for the benchmark and the log. */
  readonly elkMs: number;
}

let elk: InstanceType<typeof ELK> | undefined;

const FRAMES_NODE = 'frames';
const nodeId = (id: number): string => `o${id}`;
const inPort = (id: number): string => `o${id}:in`;

/** Above these many boxes the layout trades polish for time (measured: see bench/). */
export const MEDIUM_LAYOUT = 30;
export const LARGE_LAYOUT = 150;

function baseOptions(nodeCount: number): LayoutOptions {
  const options: LayoutOptions = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.padding': '[top=20,left=20,bottom=20,right=20]',
    'elk.spacing.nodeNode': '20',
    'elk.spacing.edgeEdge': '7',
    'elk.spacing.edgeNode': '12',
    'elk.layered.spacing.nodeNodeBetweenLayers': '52',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '7',
    'elk.partitioning.activate': 'true',
    // One drawing, not a row of components: isolated objects still belong right of the frames.
    'elk.separateConnectedComponents': 'false',
    // Keep the view's object order where it costs nothing: a line that changes little moves
    // little. (NODES_AND_EDGES, which also orders edges, measured 2–4× slower for no visible gain.)
    'elk.layered.considerModelOrder.strategy': 'PREFER_NODES',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  };
  if (nodeCount > MEDIUM_LAYOUT && nodeCount <= LARGE_LAYOUT) {
    // Mid-size pictures (a big heap's folded overview is ~35 boxes): one crossing-
    // minimisation sweep and no greedy-switch pass, 30–40 % less time (measured on the
    // folded overview of a simulated 1,000-object heap: 38 → 26 ms in Node, warm). The
    // seed examples stay under 15 boxes and get the full treatment.
    Object.assign(options, { 'elk.layered.thoroughness': '1', 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF' });
  } else if (nodeCount > LARGE_LAYOUT) {
    // Big heaps: model order, crossing minimisation and orthogonal routing dominate ELK's
    // time on layers of hundreds of boxes (1,000 objects: ~20 s with the settings above,
    // under 1 s with these). Such pictures are for looking around, not for reading arrows.
    Object.assign(options, {
      'elk.edgeRouting': 'POLYLINE',
      'elk.layered.considerModelOrder.strategy': 'NONE',
      'elk.layered.layering.strategy': 'LONGEST_PATH',
      'elk.layered.crossingMinimization.strategy': 'NONE',
      'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
      'elk.layered.nodePlacement.strategy': 'SIMPLE',
    });
  }
  return options;
}

/** The port of a reference's row, as the renderer draws it. */
export function rowPortY(object: SceneObject, row: number): number {
  if (row < 0) return G.headerHeight / 2;
  return G.headerHeight + (object.valueText ? G.valueHeight : 0) + row * G.rowHeight + G.rowHeight / 2;
}

/** The y of a variable's port inside the frames column. */
export function variablePortY(scene: Scene, frameId: number, index: number): number {
  const frame = scene.frames.find((f) => f.frame.id === frameId);
  return (frame?.top ?? 0) + G.frameTitleHeight + index * G.rowHeight + G.rowHeight / 2;
}

function sourcePort(edge: SceneEdge): string {
  return edge.fromKind === 'frame' ? `f${edge.from}:${edge.row}` : `o${edge.from}:${edge.row < 0 ? 'c' : `r${edge.row}`}`;
}

function objectNode(so: SceneObject, partition: number | null): ElkNode {
  const id = so.object.id;
  // The node includes the strip above the box where its tags sit ("new", "+1"), so that
  // ELK keeps arrows out of it.
  const top = so.marginTop;
  const ports: ElkPort[] = [{ id: inPort(id), x: 0, y: top + G.headerHeight / 2, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'WEST' } }];
  if (so.classTarget !== undefined) ports.push({ id: `o${id}:c`, x: so.width, y: top + rowPortY(so, -1), width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST' } });
  so.rows.forEach((_, i) => ports.push({ id: `o${id}:r${i}`, x: so.width, y: top + rowPortY(so, i), width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST' } }));
  const layoutOptions: LayoutOptions = { 'elk.portConstraints': 'FIXED_POS' };
  if (partition !== null) layoutOptions['elk.partitioning.partition'] = String(partition);
  return { id: nodeId(id), width: so.width, height: top + so.height, ports, layoutOptions };
}

function routesOf(graph: ElkNode, dx: number, dy: number, into: Map<string, Route>): void {
  for (const edge of graph.edges ?? []) {
    const section = edge.sections?.[0];
    if (!section) continue;
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x + dx, y: p.y + dy }));
    into.set(edge.id, { points, shape: 'orthogonal' });
  }
}

/**
 * Objects drawn beside the garbage region rather than in the live heap: referenced only by
 * garbage (or by other such objects) — typically immortal strings and ints a dead cycle
 * points at. Keeping them next to their referrers avoids long arrows across the picture.
 */
function satellitesOf(scene: Scene, garbage: ReadonlySet<number>): Set<number> {
  const incoming = new Map<number, number[]>();
  for (const edge of scene.edges) {
    const from = edge.fromKind === 'frame' ? -1 : edge.from;
    incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), from]);
  }
  const satellites = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const so of scene.objects) {
      const id = so.object.id;
      if (garbage.has(id) || satellites.has(id)) continue;
      const from = incoming.get(id) ?? [];
      if (from.length > 0 && from.every((h) => h !== id && (garbage.has(h) || satellites.has(h)))) {
        satellites.add(id);
        grew = true;
      }
    }
  }
  return satellites;
}

/** Lays out a scene. Resolves with positions for every drawn box and a route for every arrow. */
export async function layoutScene(scene: Scene, overrides: LayoutOptions = {}): Promise<Layout> {
  elk ??= new ELK();
  const started = performance.now();
  const inGarbage = new Set(scene.objects.filter((o) => o.garbage).map((o) => o.object.id));
  const satellites = inGarbage.size > 0 ? satellitesOf(scene, inGarbage) : new Set<number>();
  const inGarbageGraph = (id: number): boolean => inGarbage.has(id) || satellites.has(id);
  const mainObjects = scene.objects.filter((o) => !inGarbageGraph(o.object.id));
  const garbageObjects = scene.objects.filter((o) => inGarbageGraph(o.object.id));

  const mainChildren: ElkNode[] = [];
  if (scene.frames.length > 0) {
    const ports: ElkPort[] = [];
    for (const f of scene.frames) {
      f.frame.variables.forEach((_, i) =>
        ports.push({ id: `f${f.frame.id}:${i}`, x: scene.framesWidth, y: variablePortY(scene, f.frame.id, i), width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST' } }),
      );
    }
    mainChildren.push({ id: FRAMES_NODE, width: scene.framesWidth, height: scene.framesHeight, ports, layoutOptions: { 'elk.portConstraints': 'FIXED_POS', 'elk.partitioning.partition': '0' } });
  }
  for (const so of mainObjects) mainChildren.push(objectNode(so, 1));

  const mainEdges: ElkExtendedEdge[] = [];
  const garbageEdges: ElkExtendedEdge[] = [];
  const crossEdges: SceneEdge[] = [];
  for (const edge of scene.edges) {
    const fromGarbage = edge.fromKind === 'object' && inGarbageGraph(edge.from);
    const toGarbage = inGarbageGraph(edge.to);
    const elkEdge = { id: edge.id, sources: [sourcePort(edge)], targets: [inPort(edge.to)] };
    if (fromGarbage && toGarbage) garbageEdges.push(elkEdge);
    else if (!fromGarbage && !toGarbage) mainEdges.push(elkEdge);
    else crossEdges.push(edge);
  }

  const objects = new Map<number, Box>();
  const routes = new Map<string, Route>();
  let frames: Box | null = null;
  let width = 0;
  let height = 0;

  if (mainChildren.length > 0) {
    const graph: ElkNode = { id: 'main', layoutOptions: { ...baseOptions(mainChildren.length), ...overrides }, children: mainChildren, edges: mainEdges };
    const main = await elk.layout(graph);
    for (const child of main.children ?? []) {
      const box = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
      if (child.id === FRAMES_NODE) frames = box;
      else objects.set(Number(child.id.slice(1)), boxOf(scene, child.id, box));
    }
    routesOf(main, 0, 0, routes);
    width = main.width ?? 0;
    height = main.height ?? 0;
  }

  let garbage: Box | null = null;
  if (garbageObjects.length > 0) {
    // Garbage first (partition 0), the objects only it points at to its right (partition 1).
    // Separate cycles are packed side by side rather than stacked in one tall column.
    const graph: ElkNode = {
      id: 'garbage',
      layoutOptions: { ...baseOptions(garbageObjects.length), 'elk.separateConnectedComponents': 'true', 'elk.aspectRatio': '2.5', ...overrides },
      children: garbageObjects.map((o) => objectNode(o, inGarbage.has(o.object.id) ? 0 : 1)),
      edges: garbageEdges,
    };
    const g = await elk.layout(graph);
    const placed = (g.children ?? []).map((c) => ({ id: Number(c.id.slice(1)), ...boxOf(scene, c.id, { x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 }) }));
    const core = placed.filter((c) => inGarbage.has(c.id));
    // The region holds the garbage boxes and the arrows between them (back edges of a
    // cycle loop around the boxes), not the satellites to their right.
    const loops = (g.edges ?? [])
      .filter((e) => inGarbage.has(Number(e.sources[0].slice(1).split(':')[0])) && inGarbage.has(Number(e.targets[0].slice(1).split(':')[0])))
      .flatMap((e) => e.sections ?? [])
      .flatMap((sec) => [sec.startPoint, ...(sec.bendPoints ?? []), sec.endPoint]);
    const gx0 = Math.min(...core.map((c) => c.x), ...loops.map((p) => p.x - 6));
    const gy0 = Math.min(...core.map((c) => c.y));
    const gx1 = Math.max(...core.map((c) => c.x + c.width), ...loops.map((p) => p.x + 6));
    const gy1 = Math.max(...core.map((c) => c.y + c.height), ...loops.map((p) => p.y + 6));
    const allY0 = Math.min(...placed.map((c) => c.y));
    // Under the live heap, right of the frames column; room above the boxes for the
    // heading and the boxes' own tags ("unreachable", "freed").
    const left = frames ? frames.x + frames.width + 40 : 20;
    const headroom = G.garbageTitleHeight + 20;
    const below = height + G.garbagePad;
    const dx = left + G.garbagePad - gx0;
    const dy = Math.max(below + headroom - gy0, below - allY0);
    const regionTop = gy0 + dy - headroom;
    for (const c of placed) objects.set(c.id, { x: c.x + dx, y: c.y + dy, width: c.width, height: c.height });
    routesOf(g, dx, dy, routes);
    garbage = { x: left, y: regionTop, width: Math.max(gx1 - gx0 + 2 * G.garbagePad, scene.garbageTitle.width), height: gy1 - gy0 + headroom + G.garbagePad };
    const right = Math.max(...placed.map((c) => c.x + c.width + dx), garbage.x + garbage.width);
    const bottom = Math.max(...placed.map((c) => c.y + c.height + dy), garbage.y + garbage.height);
    width = Math.max(width, right + 20);
    height = bottom + 20;
  }

  // Arrows between the live heap and the garbage region: free curves that enter their
  // target from above or below, so they do not cut across the region sideways.
  for (const edge of crossEdges) {
    const start = portPoint(scene, edge, frames, objects);
    const targetBox = objects.get(edge.to);
    if (!start || !targetBox) continue;
    const goingUp = targetBox.y + targetBox.height < start.y;
    const goingDown = targetBox.y > start.y;
    const enter = goingUp ? 'bottom' : goingDown ? 'top' : 'left';
    const end =
      enter === 'bottom'
        ? { x: targetBox.x + Math.min(40, targetBox.width / 2), y: targetBox.y + targetBox.height }
        : enter === 'top'
          ? { x: targetBox.x + Math.min(40, targetBox.width / 2), y: targetBox.y }
          : { x: targetBox.x, y: targetBox.y + G.headerHeight / 2 };
    routes.set(edge.id, { points: [start, end], shape: 'curve', enter });
  }

  return { frames, objects, routes, garbage, width: Math.ceil(width), height: Math.ceil(height), elkMs: performance.now() - started };
}

/** The drawn box of an ELK node: the node minus the tag strip above it. */
function boxOf(scene: Scene, elkId: string, node: Box): Box {
  const top = scene.byId.get(Number(elkId.slice(1)))?.marginTop ?? 0;
  return { x: node.x, y: node.y + top, width: node.width, height: node.height - top };
}

function portPoint(scene: Scene, edge: SceneEdge, frames: Box | null, objects: ReadonlyMap<number, Box>): Point | null {
  if (edge.fromKind === 'frame') return frames ? { x: frames.x + frames.width, y: frames.y + variablePortY(scene, edge.from, edge.row) } : null;
  const box = objects.get(edge.from);
  const so = scene.byId.get(edge.from);
  return box && so ? { x: box.x + box.width, y: box.y + rowPortY(so, edge.row) } : null;
}
