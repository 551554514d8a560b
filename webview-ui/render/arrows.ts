import { s } from '../dom';
import type { Point, Route } from '../layout';
import type { SceneEdge } from '../model';

/**
 * Arrows. Orthogonal routes from ELK get softly rounded corners (calmer than sharp elbows
 * when many cross); arrows between the live heap and the garbage region are free curves.
 * Each arrow is a group carrying data-from/data-to/data-label so tests and the highlight
 * logic can find it, with its head as a separate path: no <marker>, so exported SVGs keep
 * their colours in every viewer.
 */
export function renderArrow(edge: SceneEdge, route: Route, description: string): SVGGElement {
  const points = route.shape === 'curve' ? route.points : straighten(route.points);
  const classes = ['edge', `edge-${edge.kind}`];
  if (edge.garbage) classes.push('edge-garbage');
  if (edge.freed) classes.push('edge-freed');
  const g = s('g', {
    class: classes.join(' '),
    'data-edge': edge.id,
    'data-from': `${edge.fromKind === 'frame' ? 'frame' : 'object'}:${edge.from}`,
    'data-to': edge.to,
    'data-label': edge.label,
  });
  g.append(s('title', {}, description));
  const end = points[points.length - 1];
  const enter = route.enter ?? 'left';
  const d = route.shape === 'curve' ? curvePath(points[0], end, enter) : roundedPath(points, 6);
  g.append(s('path', { class: 'line', d }));
  const before =
    route.shape === 'curve'
      ? { x: end.x - (enter === 'left' ? 10 : 0), y: end.y + (enter === 'bottom' ? 10 : enter === 'top' ? -10 : 0) }
      : points[points.length - 2] ?? { x: end.x - 10, y: end.y };
  g.append(s('path', { class: 'head', d: arrowHead(before, end) }));
  return g;
}

/**
 * ELK sometimes routes a nearly straight arrow with a jog of a pixel or two (port and target
 * at slightly different heights); drawn, that reads as a glitch, so it becomes one line.
 */
function straighten(points: readonly Point[]): readonly Point[] {
  if (points.length <= 2) return points;
  const y0 = points[0].y;
  if (points.every((p) => Math.abs(p.y - y0) < 4) && points.every((p, i) => i === 0 || p.x >= points[i - 1].x)) {
    return [points[0], { x: points[points.length - 1].x, y: y0 }];
  }
  return points;
}

function roundedPath(points: readonly Point[], radius: number): string {
  if (points.length < 2) return '';
  let d = `M${points[0].x},${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1];
    const at = points[i];
    const next = points[i + 1];
    const r = Math.min(radius, dist(prev, at) / 2, dist(at, next) / 2);
    const a = toward(at, prev, r);
    const b = toward(at, next, r);
    d += ` L${a.x},${a.y} Q${at.x},${at.y} ${b.x},${b.y}`;
  }
  const last = points[points.length - 1];
  // Stop short of the box so the head, not the line, touches it.
  const stop = toward(last, points[points.length - 2], 6);
  return `${d} L${stop.x},${stop.y}`;
}

/** A curve leaving a port to the right and entering its target from the left, top or bottom. */
function curvePath(a: Point, b: Point, enter: 'left' | 'top' | 'bottom'): string {
  if (enter === 'left') {
    const bend = Math.max(40, Math.abs(b.x - a.x) / 2, b.x < a.x ? 80 : 0);
    const end = { x: b.x - 6, y: b.y };
    return `M${a.x},${a.y} C${a.x + bend},${a.y} ${end.x - bend},${end.y} ${end.x},${end.y}`;
  }
  const sign = enter === 'bottom' ? 1 : -1;
  const end = { x: b.x, y: b.y + sign * 6 };
  const lift = Math.max(40, Math.abs(b.y - a.y) / 2);
  return `M${a.x},${a.y} C${a.x + 48},${a.y} ${end.x},${end.y + sign * lift} ${end.x},${end.y}`;
}

function arrowHead(from: Point, tip: Point): string {
  const len = Math.max(1e-6, dist(from, tip));
  const ux = (tip.x - from.x) / len;
  const uy = (tip.y - from.y) / len;
  const back = { x: tip.x - ux * 8, y: tip.y - uy * 8 };
  const nx = -uy * 4;
  const ny = ux * 4;
  return `M${r(tip.x)},${r(tip.y)} L${r(back.x + nx)},${r(back.y + ny)} L${r(back.x - nx)},${r(back.y - ny)} Z`;
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function toward(from: Point, to: Point, by: number): Point {
  const len = dist(from, to);
  if (len === 0) return from;
  return { x: r(from.x + ((to.x - from.x) * by) / len), y: r(from.y + ((to.y - from.y) * by) / len) };
}

function r(n: number): number {
  return Math.round(n * 10) / 10;
}
