import type { HeapView, ViewFrame, ViewObject, ViewRefcountChange } from '../src/protocol';
import { FONT, GEOMETRY as G } from './render/geometry';
import { TextMeasure, truncate } from './render/measure';

/**
 * The scene: what the picture draws, derived from a HeapView without computing any heap
 * fact. It decides presentation only — which rows a box shows (big containers collapse),
 * which arrow leaves which row, where garbage and freed objects go, and how big each box is.
 */

/** A row inside an object box: one reference (a slot) or the "… N more" row of a collapsed container. */
export interface SceneRow {
  readonly kind: 'slot' | 'more';
  readonly label: string;
  /** Targets of the row's arrows (one for a slot; the distinct hidden targets for "more"). */
  readonly targets: readonly number[];
  /** For "more": how many references the row stands for. */
  readonly count: number;
}

export interface SceneObject {
  readonly object: ViewObject;
  readonly freed: boolean;
  readonly allocated: boolean;
  /** In the garbage region: alive but unreachable, or freed by the collector as garbage. */
  readonly garbage: boolean;
  readonly change: ViewRefcountChange | undefined;
  readonly rows: readonly SceneRow[];
  /** The `__class__` reference, drawn from the header rather than from a row. */
  readonly classTarget: number | undefined;
  readonly collapsible: boolean;
  readonly expanded: boolean;
  readonly typeText: string;
  readonly valueText: string;
  readonly badgeText: string;
  readonly gcText: string;
  readonly width: number;
  readonly height: number;
  /** Room kept above the box for its tags ("new", "freed", "+1"); 0 when it has none. */
  readonly marginTop: number;
}

export interface SceneFrame {
  readonly frame: ViewFrame;
  /** Offset of the frame's title inside the frames column. */
  readonly top: number;
  readonly height: number;
}

export interface SceneEdge {
  readonly id: string;
  /** Holder: a frame (`frame`) or an object (`object`). */
  readonly fromKind: 'frame' | 'object';
  readonly from: number;
  /** Row index in the holder (variable index for frames); -1 for the header (`__class__`). */
  readonly row: number;
  readonly to: number;
  readonly label: string;
  readonly kind: 'variable' | 'slot' | 'class' | 'more';
  /** Both ends in the garbage region, or the holder is garbage. */
  readonly garbage: boolean;
  readonly freed: boolean;
}

export interface Scene {
  readonly view: HeapView;
  readonly frames: readonly SceneFrame[];
  readonly framesWidth: number;
  readonly framesHeight: number;
  readonly objects: readonly SceneObject[];
  readonly byId: ReadonlyMap<number, SceneObject>;
  readonly edges: readonly SceneEdge[];
  /** References whose target is not in the view (the picture cannot draw them). */
  readonly danglingReferences: number;
  /** Objects not drawn because only hidden rows of collapsed containers lead to them. */
  readonly folded: number;
  /** The garbage region's heading, measured so the region is at least as wide. */
  readonly garbageTitle: { readonly title: string; readonly subtitle: string; readonly titleWidth: number; readonly width: number };
}

const CLASS_LABELS = new Set(['__class__', 'ob_type']);

/** The text of a refcount badge: the number, or ∞ for immortal objects (PEP 683). */
export function badgeText(object: ViewObject): string {
  return object.gc.kind === 'immortal' ? '∞' : String(object.refcount);
}

/** The GC status as a learner reads it: `gen 0`, `young`, `untracked`, `immortal`, `permanent`. */
export function gcText(object: ViewObject): string {
  switch (object.gc.kind) {
    case 'generation':
      return object.gc.label || `gen ${object.gc.generation}`;
    case 'untracked':
      return 'untracked';
    case 'immortal':
      return 'immortal';
    case 'permanent':
      return 'permanent';
  }
}

/** Builds the scene; `expanded` lists containers the user opened in full. */
export function buildScene(view: HeapView, measure: TextMeasure, expanded: ReadonlySet<number>): Scene {
  const allocated = new Set(view.changes.allocated);
  const changes = new Map(view.changes.refcounts.map((c) => [c.id, c]));
  const present = new Set<number>();
  for (const o of view.objects) present.add(o.id);
  for (const o of view.changes.freed) present.add(o.id);

  const objects: SceneObject[] = [];
  const byId = new Map<number, SceneObject>();
  const edges: SceneEdge[] = [];
  let dangling = 0;

  const addObject = (object: ViewObject, freed: boolean): void => {
    if (byId.has(object.id)) return;
    const slotRefs: { label: string; target: number }[] = [];
    let classTarget: number | undefined;
    for (const ref of object.references) {
      if (!present.has(ref.target)) {
        dangling++;
        continue;
      }
      if (CLASS_LABELS.has(ref.label) && classTarget === undefined) classTarget = ref.target;
      else slotRefs.push(ref);
    }
    const collapsible = slotRefs.length > G.collapseOver;
    const isExpanded = collapsible && expanded.has(object.id);
    const shown = collapsible && !isExpanded ? slotRefs.slice(0, G.collapsedRows) : slotRefs;
    const rows: SceneRow[] = shown.map((r) => ({ kind: 'slot', label: r.label, targets: [r.target], count: 1 }));
    if (collapsible && !isExpanded) {
      const rest = slotRefs.slice(G.collapsedRows);
      const distinct = [...new Set(rest.map((r) => r.target))];
      rows.push({ kind: 'more', label: `… ${rest.length} more`, targets: distinct, count: rest.length });
    }
    const typeText = truncate(object.type, 120, (t) => measure.ui(t, true));
    const valueText = truncate(object.value, G.maxValueWidth, (t) => measure.mono(t));
    const badge = badgeText(object);
    const gc = gcText(object);
    const header = G.padX + measure.ui(typeText, true) + 12 + measure.mono(badge) + 16 + G.chipGap + measure.ui(gc) + 12 + G.padX;
    const rowWidth = rows.reduce((w, r) => Math.max(w, measure.mono(r.label) + 2 * G.padX + 16), 0);
    const width = Math.ceil(Math.min(G.maxWidth, Math.max(G.minWidth, header, measure.mono(valueText) + 2 * G.padX, rowWidth)));
    const height = G.headerHeight + (valueText ? G.valueHeight : 0) + rows.length * G.rowHeight + (rows.length > 0 ? G.bottomPad : 0);
    const sceneObject: SceneObject = {
      object,
      freed,
      allocated: allocated.has(object.id),
      garbage: object.garbage,
      change: changes.get(object.id),
      rows,
      classTarget,
      collapsible,
      expanded: isExpanded,
      typeText,
      valueText,
      badgeText: badge,
      gcText: gc,
      width,
      height,
      marginTop: allocated.has(object.id) || freed || object.garbage || object.finalized || (changes.get(object.id)?.delta ?? 0) !== 0 ? 18 : 0,
    };
    objects.push(sceneObject);
    byId.set(object.id, sceneObject);
  };
  for (const o of view.objects) addObject(o, false);
  for (const o of view.changes.freed) addObject(o, true);
  const folded = foldCollapsed(view, objects, byId);

  // Frames: one column, the module first, then each live function frame.
  const frames: SceneFrame[] = [];
  let top = 0;
  let framesWidth: number = G.frameMinWidth;
  for (const frame of view.frames) {
    const height = G.frameTitleHeight + Math.max(1, frame.variables.length) * G.rowHeight + G.bottomPad;
    frames.push({ frame, top, height });
    top += height + G.frameGap;
    // The title, and right of it the 11px "globals"/"locals" tag the header also shows.
    const tag = (measure.ui(frame.kind === 'module' ? 'globals' : 'locals') * 11) / FONT.uiSize;
    framesWidth = Math.max(framesWidth, measure.ui(frameTitle(frame), true) + 12 + tag + 2 * G.padX);
    for (const v of frame.variables) framesWidth = Math.max(framesWidth, measure.mono(v.label) + 2 * G.padX + 16);
    frame.variables.forEach((v, i) => {
      if (!byId.has(v.target)) {
        dangling++;
        return;
      }
      edges.push({ id: `f${frame.id}:${i}`, fromKind: 'frame', from: frame.id, row: i, to: v.target, label: v.label, kind: 'variable', garbage: false, freed: false });
    });
  }

  for (const so of objects) {
    const holder = so.object;
    if (so.classTarget !== undefined) {
      const cls = byId.get(so.classTarget);
      edges.push({ id: `o${holder.id}:c`, fromKind: 'object', from: holder.id, row: -1, to: so.classTarget, label: '__class__', kind: 'class', garbage: so.garbage && (cls?.garbage ?? false), freed: so.freed || (cls?.freed ?? false) });
    }
    so.rows.forEach((row, i) => {
      for (const target of row.targets) {
        const targetObject = byId.get(target);
        // A "… more" row points only at what is drawn anyway; the rest is folded away.
        if (!targetObject) continue;
        edges.push({
          id: `o${holder.id}:${i}:${target}`,
          fromKind: 'object',
          from: holder.id,
          row: i,
          to: target,
          label: row.label,
          kind: row.kind === 'more' ? 'more' : 'slot',
          garbage: so.garbage && (targetObject?.garbage ?? false),
          freed: so.freed || (targetObject?.freed ?? false),
        });
      }
    });
  }

  const garbage = objects.filter((o) => o.garbage);
  const title = 'Unreachable';
  const subtitle = garbage.length > 0 && garbage.every((o) => o.freed) ? 'a cycle the collector freed on this line' : 'alive in a cycle — only the cycle collector can free it';
  const titleWidth = Math.ceil(measure.ui(title, true));
  const garbageTitle = { title, subtitle, titleWidth, width: Math.ceil(2 * G.garbagePad + titleWidth + 10 + measure.ui(subtitle) * (11 / 12)) };

  return {
    view,
    folded,
    garbageTitle,
    frames,
    framesWidth: Math.ceil(Math.min(G.maxWidth, framesWidth)),
    framesHeight: Math.max(0, top - G.frameGap),
    objects,
    byId,
    edges,
    danglingReferences: dangling,
  };
}

/**
 * Folding: an object that only the hidden rows of collapsed containers lead to is not drawn
 * (the list view still has it, and expanding the container brings it back). Everything else
 * is drawn: what frames name, garbage, freed objects, objects nothing drawable refers to
 * (held by constants, temporaries or the interpreter), and whatever drawn rows lead to.
 * This is what keeps a 1,000-object heap a picture rather than a wall of boxes.
 * Removes the folded objects from `objects`/`byId` and returns how many there were.
 */
function foldCollapsed(view: HeapView, objects: SceneObject[], byId: Map<number, SceneObject>): number {
  if (!objects.some((o) => o.collapsible && !o.expanded)) return 0;
  const drawableHolder = (holder: number): boolean => byId.has(holder) || view.frames.some((f) => f.id === holder);
  const roots: number[] = [];
  for (const f of view.frames) for (const v of f.variables) roots.push(v.target);
  if (view.focus !== undefined) roots.push(view.focus);
  for (const so of objects) {
    if (so.garbage || so.freed || !so.object.referrers.some((r) => !r.hidden && drawableHolder(r.holder))) roots.push(so.object.id);
  }
  const seen = new Set<number>();
  const stack = roots.filter((id) => byId.has(id));
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const so = byId.get(id);
    if (!so) continue;
    if (so.classTarget !== undefined && !seen.has(so.classTarget)) stack.push(so.classTarget);
    for (const row of so.rows) if (row.kind === 'slot') for (const t of row.targets) if (!seen.has(t) && byId.has(t)) stack.push(t);
  }
  const kept = objects.filter((so) => seen.has(so.object.id));
  const folded = objects.length - kept.length;
  for (const so of objects) if (!seen.has(so.object.id)) byId.delete(so.object.id);
  objects.length = 0;
  objects.push(...kept);
  return folded;
}

/** A frame's title: `<module>` or `f()`. */
export function frameTitle(frame: ViewFrame): string {
  return frame.kind === 'module' ? frame.name : `${frame.name}()`;
}
