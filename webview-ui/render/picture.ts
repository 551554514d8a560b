import type { ViewGcPhase } from '../../src/protocol';
import { h, s } from '../dom';
import type { Layout } from '../layout';
import type { Scene } from '../model';
import { renderArrow } from './arrows';
import { renderFrames } from './frames';
import { GEOMETRY as G } from './geometry';
import type { TextMeasure } from './measure';
import { renderObject } from './objects';

/** What the picture tells its owner. */
export interface PictureEvents {
  /** The user selected an object (click, keyboard focus) or cleared the selection (null). */
  select(id: number | null): void;
  /** Enter on a box, or a click on its badge: show who holds it. */
  openReferrers(id: number, anchor: Element): void;
  /** A collapsed container's "… more" row, or its "collapse" link. */
  toggleExpanded(id: number): void;
  /** Zoom or pan changed (to remember it); `byUser` when the user zoomed or panned by hand. */
  viewportChanged(zoom: number, x: number, y: number, byUser: boolean): void;
}

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 4;

/**
 * The drawn heap: an SVG with the frames column, object boxes, arrows and the garbage
 * region, plus zoom/pan and the highlight states (selection, search, GC phase) that change
 * classes in place without a new layout.
 */
export class Picture {
  readonly element: HTMLElement;
  readonly svg: SVGSVGElement;
  private readonly viewport: SVGGElement;
  private zoom = 1;
  private x = 0;
  private y = 0;
  private layout: Layout | null = null;
  private scene: Scene | null = null;
  private boxes = new Map<number, SVGGElement>();
  private selected: number | null = null;
  /** A pointer is down: focus then comes from a click, and must not pan the picture away. */
  private pointerDown = false;

  constructor(private readonly events: PictureEvents) {
    this.svg = s('svg', { class: 'picture', role: 'group', 'aria-label': 'Heap picture', 'aria-roledescription': 'heap diagram' });
    this.viewport = s('g', { class: 'viewport' });
    this.svg.append(this.viewport);
    this.element = h('div', { class: 'picture-host' });
    this.element.append(this.svg);
    this.installPointer();
    this.installKeyboard();
  }

  /** Draws a laid-out scene, replacing the previous picture. */
  render(scene: Scene, layout: Layout, measure: TextMeasure): void {
    this.scene = scene;
    this.layout = layout;
    this.boxes.clear();
    const regions = s('g', { class: 'regions' });
    // Arrows repeat what each box's label already says ("referenced by a and b"); hiding
    // them from assistive technology keeps the reading order to frames and objects.
    const edges = s('g', { class: 'edges', 'aria-hidden': 'true' });
    const nodes = s('g', { class: 'nodes' });
    if (layout.garbage) {
      const r = layout.garbage;
      const count = scene.objects.filter((o) => o.garbage).length;
      regions.append(
        s(
          'g',
          { class: 'garbage-region', 'data-count': count, role: 'group', 'aria-label': `Garbage: ${count} unreachable object${count === 1 ? '' : 's'} waiting for the cycle collector` },
          s('rect', { x: r.x, y: r.y, width: r.width, height: r.height, rx: 10 }),
          s('text', { class: 'region-title', x: r.x + G.garbagePad, y: r.y + 20 }, scene.garbageTitle.title),
          s('text', { class: 'region-subtitle', x: r.x + G.garbagePad + scene.garbageTitle.titleWidth + 10, y: r.y + 20 }, scene.garbageTitle.subtitle),
        ),
      );
    }
    const holderName = (edge: (typeof scene.edges)[number]): string =>
      edge.fromKind === 'frame' ? (scene.frames.find((f) => f.frame.id === edge.from)?.frame.name ?? 'frame') : (scene.byId.get(edge.from)?.object.name ?? '');
    for (const edge of scene.edges) {
      const route = layout.routes.get(edge.id);
      const target = scene.byId.get(edge.to)?.object.name ?? String(edge.to);
      if (route) edges.append(renderArrow(edge, route, `${holderName(edge)} ${edge.label} → ${target}`));
    }
    if (layout.frames) nodes.append(renderFrames(scene, layout.frames));
    // Tab order follows reading order: left to right by layer, then top to bottom.
    const ordered = scene.objects
      .map((so) => ({ so, box: layout.objects.get(so.object.id) }))
      .filter((e): e is { so: (typeof scene.objects)[number]; box: NonNullable<typeof e.box> } => e.box !== undefined)
      .sort((a, b) => Math.round(a.box.x / 40) - Math.round(b.box.x / 40) || a.box.y - b.box.y);
    const frameIds = new Set(scene.view.frames.map((f) => f.id));
    for (const { so, box } of ordered) {
      const g = renderObject(so, box, measure, frameIds);
      this.boxes.set(so.object.id, g);
      nodes.append(g);
    }
    this.viewport.replaceChildren(regions, edges, nodes);
    this.svg.setAttribute('aria-label', `Heap picture: ${scene.objects.length} objects, ${scene.edges.length} references`);
    this.svg.setAttribute('data-folded', String(scene.folded));
    this.svg.setAttribute('data-width', String(layout.width));
    this.svg.setAttribute('data-height', String(layout.height));
    if (this.selected !== null) this.select(this.selected, false);
  }

  /** The picture's own size (for export and fitting). */
  bounds(): { width: number; height: number } {
    return { width: this.layout?.width ?? 0, height: this.layout?.height ?? 0 };
  }

  /** The object box element for an id. */
  box(id: number): SVGGElement | undefined {
    return this.boxes.get(id);
  }

  /** Sets zoom and pan (restored state, or the fit button). */
  setViewport(zoom: number, x: number, y: number, byUser = false): void {
    this.zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
    this.x = x;
    this.y = y;
    this.viewport.setAttribute('transform', `translate(${r2(this.x)},${r2(this.y)}) scale(${r4(this.zoom)})`);
    this.svg.setAttribute('data-zoom', r4(this.zoom).toString());
    this.events.viewportChanged(this.zoom, this.x, this.y, byUser);
  }

  /** Zooms by a factor around a point of the host (its centre by default). */
  zoomBy(factor: number, cx?: number, cy?: number): void {
    const rect = this.element.getBoundingClientRect();
    const px = cx ?? rect.width / 2;
    const py = cy ?? rect.height / 2;
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, this.zoom * factor));
    const k = zoom / this.zoom;
    this.setViewport(zoom, px - (px - this.x) * k, py - (py - this.y) * k, true);
  }

  /** Fits the whole picture in the host (small heaps slightly enlarged); `bottomInset` keeps room for a note. */
  fit(bottomInset = 0): void {
    const host = this.element.getBoundingClientRect();
    const rect = { width: host.width, height: Math.max(1, host.height - bottomInset) };
    const { width, height } = this.bounds();
    if (width === 0 || height === 0 || rect.width === 0) return this.setViewport(1, 0, 0);
    // Small heaps are drawn a little larger than 1:1 to be read at a glance; big ones shrink to fit.
    const zoom = Math.min(1.25, rect.width / width, rect.height / height);
    this.setViewport(zoom, Math.max(0, (rect.width - width * zoom) / 2), Math.max(0, Math.min(24, (rect.height - height * zoom) / 2)));
  }

  /** Pans so that an object is in view (no zoom change unless it is far too small). */
  reveal(id: number): void {
    const box = this.layout?.objects.get(id);
    if (!box) return;
    const rect = this.element.getBoundingClientRect();
    const zoom = Math.max(this.zoom, 0.6);
    const left = box.x * zoom + this.x;
    const top = box.y * zoom + this.y;
    const inView = left >= 0 && top >= 0 && left + box.width * zoom <= rect.width && top + box.height * zoom <= rect.height;
    if (inView && zoom === this.zoom) return;
    this.setViewport(zoom, rect.width / 2 - (box.x + box.width / 2) * zoom, rect.height / 2 - (box.y + box.height / 2) * zoom);
  }

  /** Selects an object: its arrows light up, the rest of the picture steps back. */
  select(id: number | null, notify = true): void {
    this.selected = id !== null && this.boxes.has(id) ? id : null;
    for (const [boxId, g] of this.boxes) g.classList.toggle('selected', boxId === this.selected);
    this.svg.classList.toggle('has-selection', this.selected !== null);
    this.viewport.querySelectorAll<SVGGElement>('.edge').forEach((edge) => {
      const touches = this.selected !== null && (edge.dataset.to === String(this.selected) || edge.dataset.from === `object:${this.selected}`);
      edge.classList.toggle('hl', touches);
      // Highlighted arrows go on top of the others.
      if (touches) edge.parentNode?.append(edge);
    });
    if (notify) this.events.select(this.selected);
  }

  /** Focuses an object's box for the keyboard (and selects it). */
  focus(id: number): void {
    const g = this.boxes.get(id);
    if (!g) return;
    this.reveal(id);
    g.focus({ preventScroll: true });
    this.select(id);
  }

  /** Search: matching boxes are marked, the others dimmed; an empty query clears it. */
  setFilter(matches: ReadonlySet<number> | null): void {
    this.svg.classList.toggle('filtering', matches !== null);
    for (const [id, g] of this.boxes) g.classList.toggle('match', matches !== null && matches.has(id));
  }

  /** Overlays one GC phase: gc_refs on the boxes, the objects the phase is about highlighted. */
  showPhase(phase: ViewGcPhase | null, unreachable: ReadonlySet<number>): void {
    const refs = new Map((phase?.gcRefs ?? []).map((e) => [e.id, e.gcRefs]));
    const about = new Set((phase?.objects ?? []).map((o) => o.id));
    this.svg.classList.toggle('gc-stepping', phase !== null);
    for (const [id, g] of this.boxes) {
      const chip = g.querySelector<SVGGElement>('.gcrefs');
      const value = refs.get(id);
      if (chip) {
        chip.setAttribute('visibility', value === undefined ? 'hidden' : 'visible');
        const text = chip.querySelector('text');
        if (text) text.textContent = value === undefined ? '' : `gc_refs ${value}`;
        chip.classList.toggle('zero', value === 0);
      }
      g.classList.toggle('in-phase', about.has(id));
      g.classList.toggle('unreachable-set', phase !== null && unreachable.has(id));
    }
  }

  private installPointer(): void {
    let drag: { x: number; y: number; startX: number; startY: number; moved: boolean } | null = null;
    this.svg.addEventListener('pointerdown', (e) => {
      if (e.button !== 0) return;
      this.pointerDown = true;
      drag = { x: e.clientX, y: e.clientY, startX: this.x, startY: this.y, moved: false };
    });
    this.svg.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) this.svg.setPointerCapture(e.pointerId);
      drag.moved = true;
      this.svg.classList.add('panning');
      this.setViewport(this.zoom, drag.startX + dx, drag.startY + dy, true);
    });
    const end = (e: PointerEvent): void => {
      const wasDrag = drag?.moved ?? false;
      drag = null;
      this.pointerDown = false;
      this.svg.classList.remove('panning');
      if (this.svg.hasPointerCapture(e.pointerId)) this.svg.releasePointerCapture(e.pointerId);
      if (!wasDrag && e.type === 'pointerup') this.click(e);
    };
    this.svg.addEventListener('pointerup', end);
    this.svg.addEventListener('pointercancel', end);
    this.svg.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const rect = this.element.getBoundingClientRect();
        if (e.ctrlKey || e.metaKey) this.zoomBy(Math.exp(-e.deltaY / 300), e.clientX - rect.left, e.clientY - rect.top);
        else this.setViewport(this.zoom, this.x - e.deltaX, this.y - e.deltaY, true);
      },
      { passive: false },
    );
  }

  private click(e: PointerEvent): void {
    const target = e.target instanceof Element ? e.target : null;
    const g = target?.closest<SVGGElement>('.obj');
    if (!g) return this.select(null);
    const id = Number(g.dataset.id);
    const action = target?.closest('[data-action]')?.getAttribute('data-action');
    if (action === 'expand' || action === 'collapse') return this.events.toggleExpanded(id);
    g.focus({ preventScroll: true });
    this.select(id);
    if (target?.closest('.badge')) this.events.openReferrers(id, g);
  }

  private installKeyboard(): void {
    this.svg.addEventListener('focusin', (e) => {
      const g = e.target instanceof Element ? e.target.closest<SVGGElement>('.obj') : null;
      if (g) {
        if (!this.pointerDown) this.reveal(Number(g.dataset.id));
        this.select(Number(g.dataset.id));
      }
    });
    this.svg.addEventListener('keydown', (e) => {
      const g = e.target instanceof Element ? e.target.closest<SVGGElement>('.obj') : null;
      if (!g) return;
      const id = Number(g.dataset.id);
      const dir = ({ ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as Record<string, [number, number]>)[e.key];
      if (dir) {
        e.preventDefault();
        const next = this.nearest(id, dir[0], dir[1]);
        if (next !== null) this.focus(next);
      } else if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        const so = this.scene?.byId.get(id);
        if (e.shiftKey && so?.collapsible) this.events.toggleExpanded(id);
        else this.events.openReferrers(id, g);
      } else if (e.key === 'Escape') {
        this.select(null);
      }
    });
  }

  /** The nearest box in a direction: the one whose centre is closest, favouring straight lines. */
  private nearest(from: number, dx: number, dy: number): number | null {
    const boxes = this.layout?.objects;
    const a = boxes?.get(from);
    if (!boxes || !a) return null;
    const ax = a.x + a.width / 2;
    const ay = a.y + a.height / 2;
    let best: number | null = null;
    let bestScore = Infinity;
    for (const [id, b] of boxes) {
      if (id === from || !this.boxes.has(id)) continue;
      const vx = b.x + b.width / 2 - ax;
      const vy = b.y + b.height / 2 - ay;
      const along = vx * dx + vy * dy;
      if (along <= 1) continue;
      const across = Math.abs(vx * dy - vy * dx);
      const score = along + 2.5 * across;
      if (score < bestScore) {
        bestScore = score;
        best = id;
      }
    }
    return best;
  }
}

function r2(n: number): number {
  return Math.round(n * 100) / 100;
}
function r4(n: number): number {
  return Math.round(n * 10000) / 10000;
}
