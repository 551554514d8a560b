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

function baseOptions(nodeCount: number): LayoutOptions {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.padding': '[top=20,left=20,bottom=20,right=20]',
    'elk.spacing.nodeNode': '20',
    'elk.spacing.edgeEdge': '7',
    'elk.spacing.edgeNode': '12',
    'elk.layered.spacing.nodeNodeBetweenLayers': '64',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    'elk.layered.spacing.edgeEdgeBetweenLayers': '7',
    'elk.partitioning.activate': 'true',
    // One drawing, not a row of components: isolated objects still belong right of the frames.
    'elk.separateConnectedComponents': 'false',
    // Keep slot order and the view's object order: a line that changes little moves little.
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    // Big heaps: fewer crossing-minimisation sweeps keep layout time bounded.
    'elk.layered.thoroughness': nodeCount > 150 ? '1' : '7',
  };
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
  const ports: ElkPort[] = [{ id: inPort(id), x: 0, y: G.headerHeight / 2, width: 0, height: 0, layoutOptions: { 'elk.port.side': 'WEST' } }];
  if (so.classTarget !== undefined) ports.push({ id: `o${id}:c`, x: so.width, y: rowPortY(so, -1), width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST' } });
  so.rows.forEach((_, i) => ports.push({ id: `o${id}:r${i}`, x: so.width, y: rowPortY(so, i), width: 0, height: 0, layoutOptions: { 'elk.port.side': 'EAST' } }));
  const layoutOptions: LayoutOptions = { 'elk.portConstraints': 'FIXED_POS' };
  if (partition !== null) layoutOptions['elk.partitioning.partition'] = String(partition);
  return { id: nodeId(id), width: so.width, height: so.height, ports, layoutOptions };
}

function routesOf(graph: ElkNode, dx: number, dy: number, into: Map<string, Route>): void {
  for (const edge of graph.edges ?? []) {
    const section = edge.sections?.[0];
    if (!section) continue;
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map((p) => ({ x: p.x + dx, y: p.y + dy }));
    into.set(edge.id, { points, shape: 'orthogonal' });
  }
}

/** Lays out a scene. Resolves with positions for every drawn box and a route for every arrow. */
export async function layoutScene(scene: Scene): Promise<Layout> {
  elk ??= new ELK();
  const started = performance.now();
  const mainObjects = scene.objects.filter((o) => !o.garbage);
  const garbageObjects = scene.objects.filter((o) => o.garbage);
  const inGarbage = new Set(garbageObjects.map((o) => o.object.id));

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
    const fromGarbage = edge.fromKind === 'object' && inGarbage.has(edge.from);
    const toGarbage = inGarbage.has(edge.to);
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
    const graph: ElkNode = { id: 'main', layoutOptions: baseOptions(mainChildren.length), children: mainChildren, edges: mainEdges };
    const main = await elk.layout(graph);
    for (const child of main.children ?? []) {
      const box = { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? 0, height: child.height ?? 0 };
      if (child.id === FRAMES_NODE) frames = box;
      else objects.set(Number(child.id.slice(1)), box);
    }
    routesOf(main, 0, 0, routes);
    width = main.width ?? 0;
    height = main.height ?? 0;
  }

  let garbage: Box | null = null;
  if (garbageObjects.length > 0) {
    const options = baseOptions(garbageObjects.length);
    delete options['elk.partitioning.activate'];
    const graph: ElkNode = { id: 'garbage', layoutOptions: options, children: garbageObjects.map((o) => objectNode(o, null)), edges: garbageEdges };
    const g = await elk.layout(graph);
    // Set the region under the objects (right of the frames column), apart from the live heap.
    const left = frames ? frames.x + frames.width + 40 : 20;
    const top = height + G.garbagePad;
    const dx = left + G.garbagePad - 20;
    const dy = top + G.garbageTitleHeight - 20 + G.garbagePad / 2;
    for (const child of g.children ?? []) objects.set(Number(child.id.slice(1)), { x: (child.x ?? 0) + dx, y: (child.y ?? 0) + dy, width: child.width ?? 0, height: child.height ?? 0 });
    routesOf(g, dx, dy, routes);
    garbage = { x: left, y: top, width: (g.width ?? 0) - 40 + 2 * G.garbagePad, height: (g.height ?? 0) - 40 + G.garbageTitleHeight + 1.5 * G.garbagePad };
    width = Math.max(width, garbage.x + garbage.width + 20);
    height = garbage.y + garbage.height + 20;
  }

  // Arrows between the live heap and the garbage region: a free curve, port to port.
  for (const edge of crossEdges) {
    const start = portPoint(scene, edge, frames, objects);
    const targetBox = objects.get(edge.to);
    if (!start || !targetBox) continue;
    routes.set(edge.id, { points: [start, { x: targetBox.x, y: targetBox.y + G.headerHeight / 2 }], shape: 'curve' });
  }

  return { frames, objects, routes, garbage, width: Math.ceil(width), height: Math.ceil(height), elkMs: performance.now() - started };
}

function portPoint(scene: Scene, edge: SceneEdge, frames: Box | null, objects: ReadonlyMap<number, Box>): Point | null {
  if (edge.fromKind === 'frame') return frames ? { x: frames.x + frames.width, y: frames.y + variablePortY(scene, edge.from, edge.row) } : null;
  const box = objects.get(edge.from);
  const so = scene.byId.get(edge.from);
  return box && so ? { x: box.x + box.width, y: box.y + rowPortY(so, edge.row) } : null;
}
