import type { HeapView, HostMessage, PythonVersion, ViewCollection } from '../src/protocol';
import { formatCount, h, replaceChildren } from './dom';
import { exportSvg, svgToPng } from './export';
import { GcStepper, unreachableSet } from './gcPhases';
import { renderGcMeter } from './gcMeter';
import { layoutScene, type Layout } from './layout';
import { renderLineChanges } from './lineChanges';
import { ListView } from './listView';
import { buildScene, type Scene } from './model';
import { renderOutput } from './output';
import { ReferrersPopover } from './popover';
import { GEOMETRY } from './render/geometry';
import { TextMeasure } from './render/measure';
import { Picture } from './render/picture';
import { saveState, type PanelState, type SortKey } from './state';
import { renderBusy, renderEmptyState, renderStopBanner } from './statusBanner';
import { Toolbar } from './toolbar';
import { log, post } from './vscodeApi';

/** Whether two views show the same moment of the same run (cheap: no deep comparison). */
function sameView(a: HeapView, b: HeapView): boolean {
  return (
    a.source.uri === b.source.uri &&
    a.source.line === b.source.line &&
    a.execution.index === b.execution.index &&
    a.execution.count === b.execution.count &&
    a.objects.length === b.objects.length &&
    a.changes.freed.length === b.changes.freed.length &&
    a.collections.length === b.collections.length &&
    a.stdout === b.stdout &&
    a.objects.every((o, i) => o.id === b.objects[i].id && o.refcount === b.objects[i].refcount)
  );
}

/** Above this many objects the panel opens on the list; the picture stays one click away. */
export const AUTO_LIST_THRESHOLD = 300;

/**
 * The Heap Inspector: receives views from the host, keeps the panel state, and drives the
 * toolbar, the picture, the list and the side sections. It never computes heap facts; it
 * decides what to show and how.
 */
export class HeapInspector {
  private readonly root: HTMLElement;
  private readonly toolbar: Toolbar;
  private readonly picture: Picture;
  private readonly list: ListView;
  private readonly popover: ReferrersPopover;
  private readonly stepper: GcStepper;
  private readonly bannerSlot: HTMLElement;
  private readonly content: HTMLElement;
  private readonly side: HTMLElement;
  private readonly sideSections: HTMLElement;
  private readonly emptySlot: HTMLElement;
  private readonly busyOverlay: HTMLElement;
  private readonly foldedNotice: HTMLElement;
  private measure: TextMeasure | null = null;
  private scene: Scene | null = null;
  private layout: Layout | null = null;
  private laidOutView: HeapView | null = null;
  private layoutToken = 0;
  private pictureDrawn: Promise<void> = Promise.resolve();
  private busy = false;
  private renderCount = 0;
  private receivedAt: number | null = null;
  private matches: Set<number> | null = null;
  private matchCursor = -1;
  private version: PythonVersion | null = null;

  constructor(
    host: HTMLElement,
    private readonly state: PanelState,
  ) {
    this.toolbar = new Toolbar({
      selectExecution: (index) => post({ kind: 'selectExecution', index }),
      revealLine: (line) => post({ kind: 'revealLine', line }),
      filter: (text) => this.setFilter(text),
      findNext: () => this.findNext(),
      mode: (mode) => {
        this.state.mode = mode;
        this.save();
        this.drawContent();
      },
      zoom: (action) => {
        if (action === 'fit') {
          this.state.autoFit = true;
          this.fitPicture();
        } else {
          this.picture.zoomBy(action === 'in' ? 1.25 : 0.8);
        }
      },
    });
    this.picture = new Picture({
      select: (id) => {
        this.state.selected = id;
        this.save();
      },
      openReferrers: (id, anchor) => this.openReferrers(id, anchor),
      toggleExpanded: (id) => {
        const set = new Set(this.state.expanded);
        if (set.has(id)) set.delete(id);
        else set.add(id);
        this.state.expanded = [...set];
        this.save();
        this.drawContent(true);
      },
      viewportChanged: (zoom, x, y, byUser) => {
        if (byUser) this.state.autoFit = false;
        this.state.zoom = zoom;
        this.state.panX = x;
        this.state.panY = y;
        this.save();
      },
    });
    this.list = new ListView({
      sort: (key) => this.sortBy(key),
      select: (id) => {
        this.state.selected = id;
        this.save();
      },
      openReferrers: (id, anchor) => this.openReferrers(id, anchor),
    });
    this.list.element.addEventListener('scroll', () => {
      this.state.listScroll = this.list.element.scrollTop;
      this.save();
    });
    this.popover = new ReferrersPopover((holder) => this.focusObject(holder));
    this.stepper = new GcStepper((collection, phase) => this.overlayPhase(collection, phase));
    this.bannerSlot = h('div', { class: 'banner-slot' });
    this.emptySlot = h('div', { class: 'empty-slot', hidden: true });
    this.busyOverlay = renderBusy();
    this.busyOverlay.hidden = true;
    this.foldedNotice = h('div', { class: 'folded-notice', role: 'status', hidden: true });
    this.content = h('main', { class: 'content', 'aria-label': 'Heap' }, this.picture.element, this.foldedNotice, this.list.element, this.emptySlot, this.busyOverlay, this.popover.element);
    this.sideSections = h('div', { class: 'side-sections' });
    this.side = h('aside', { class: 'side', 'aria-label': 'Line details' }, this.stepper.element, this.sideSections);
    this.root = h('div', { class: 'app' }, this.toolbar.element, this.bannerSlot, h('div', { class: 'body' }, this.content, this.side));
    host.replaceChildren(this.root);
    document.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        this.toolbar.focusSearch();
      }
    });
    new ResizeObserver(() => {
      if (this.state.autoFit && this.layout && this.effectiveMode() === 'picture') this.fitFirstTime();
    }).observe(this.content);
  }

  /** Starts from the restored state (last view, zoom, selection...). */
  start(): void {
    if (this.state.view) this.draw(true);
    else this.showEmpty(this.state.emptyReason ?? 'Waiting for the editor…', null);
  }

  /** Handles one validated message from the host (`receivedAt`: when it arrived, for timing). */
  receive(message: HostMessage, receivedAt = performance.now()): void {
    if (message.kind === 'view' || message.kind === 'empty') this.receivedAt = receivedAt;
    switch (message.kind) {
      case 'view':
        this.showView(message.view);
        break;
      case 'empty':
        this.showEmpty(message.reason, message.version);
        break;
      case 'focus':
        this.focusObject(message.id);
        break;
      case 'busy':
        this.setBusy(true);
        break;
      case 'export':
        void this.export(message.format, message.requestId);
        break;
    }
  }

  /** A new view: the stale picture is replaced; what the user set up (zoom, mode) stays. */
  showView(view: HeapView): void {
    const previous = this.state.view;
    const sameLine = previous?.source.line === view.source.line && previous?.source.uri === view.source.uri;
    // The host replays its last view when a reloaded page says ready: that is the view the
    // page restored from its state, so the GC step, expansions and viewport stay as they were.
    const replay = previous !== null && sameView(previous, view);
    this.state.view = view;
    this.state.emptyReason = null;
    if (!sameLine) this.state.expanded = [];
    if (view.focus !== undefined) this.state.selected = view.focus;
    if (!replay) {
      this.state.collection = 0;
      this.state.phase = 0;
    }
    this.draw(replay);
    // A view opened from a hover link names the object to show.
    if (view.focus !== undefined) this.focusObject(view.focus);
  }

  /** Nothing to draw: a friendly empty state. */
  showEmpty(reason: string, version: PythonVersion | null): void {
    this.state.view = null;
    this.state.emptyReason = reason;
    this.version = version;
    this.setBusy(false);
    this.scene = null;
    this.layout = null;
    this.laidOutView = null;
    this.toolbar.setView(null, version);
    this.toolbar.setMode('picture', false);
    this.bannerSlot.replaceChildren();
    replaceChildren(this.emptySlot, renderEmptyState(reason, version));
    this.emptySlot.hidden = false;
    this.picture.element.hidden = true;
    this.foldedNotice.hidden = true;
    this.list.element.hidden = true;
    this.side.hidden = true;
    this.stepper.setCollections([], 0, 0);
    this.root.dataset.state = 'empty';
    this.save();
    this.rendered();
  }

  /** The simulation is running: dim the stale picture and say so. */
  setBusy(busy: boolean): void {
    this.busy = busy;
    this.busyOverlay.hidden = !busy;
    this.root.classList.toggle('is-busy', busy);
    this.content.setAttribute('aria-busy', String(busy));
  }

  /** Selects an object and brings it into view (hover link, command, referrer jump). */
  focusObject(id: number): boolean {
    const view = this.state.view;
    if (!view || !(view.objects.some((o) => o.id === id) || view.changes.freed.some((o) => o.id === id))) return false;
    this.state.selected = id;
    this.save();
    if (this.effectiveMode() === 'list') {
      this.drawContent();
      this.list.focus(id);
      return true;
    }
    void this.pictureDrawn.then(() => {
      if (this.scene && !this.scene.byId.has(id) && this.unfoldTowards(id)) {
        this.pictureDrawn = this.drawPicture(view, true);
        void this.pictureDrawn.then(() => this.picture.focus(id));
      } else {
        this.picture.focus(id);
      }
    });
    return true;
  }

  /** Expands the collapsed containers that hold a folded object; false if none does. */
  private unfoldTowards(id: number): boolean {
    const view = this.state.view;
    const object = view?.objects.find((o) => o.id === id) ?? view?.changes.freed.find((o) => o.id === id);
    if (!object || !this.scene) return false;
    const holders = object.referrers.map((r) => this.scene?.byId.get(r.holder)).filter((so) => so?.collapsible && !so.expanded);
    if (holders.length === 0) return false;
    this.state.expanded = [...new Set([...this.state.expanded, ...holders.map((so) => so!.object.id)])];
    this.save();
    return true;
  }

  /** The note under the picture when collapsed containers fold objects away. */
  private showFolded(scene: Scene): void {
    this.foldedNotice.hidden = scene.folded === 0;
    if (scene.folded === 0) return;
    const total = scene.objects.length + scene.folded;
    const all = h('button', { type: 'button', class: 'link', 'data-action': 'expand-all' }, 'Expand all');
    all.addEventListener('click', () => {
      const view = this.state.view;
      if (!view) return;
      // Every container that could be collapsed; the picture may take a while for big heaps.
      this.state.expanded = [...view.objects, ...view.changes.freed].filter((o) => o.references.length > GEOMETRY.collapseOver).map((o) => o.id);
      this.save();
      this.drawContent(true);
    });
    replaceChildren(
      this.foldedNotice,
      `Showing ${formatCount(scene.objects.length)} of ${formatCount(total)} objects: ${formatCount(scene.folded)} are inside collapsed containers (the list shows every object). `,
      all,
    );
  }

  private effectiveMode(): 'picture' | 'list' {
    if (this.state.mode !== 'auto') return this.state.mode;
    const view = this.state.view;
    return view && view.objects.length + view.changes.freed.length > AUTO_LIST_THRESHOLD ? 'list' : 'picture';
  }

  private draw(restoring: boolean): void {
    const view = this.state.view;
    if (!view) return;
    this.setBusy(false);
    this.version = view.version;
    this.root.dataset.state = view.status.kind;
    this.emptySlot.hidden = true;
    this.side.hidden = false;
    this.toolbar.setView(view, view.version);
    const banner = renderStopBanner(view.status, (line) => post({ kind: 'revealLine', line }));
    this.bannerSlot.replaceChildren(...(banner ? [banner] : []));
    this.sideSections.replaceChildren(
      renderLineChanges(view, (id) => this.focusObject(id)),
      renderGcMeter(view.gc, (generation) => post({ kind: 'runGc', generation })),
      renderOutput(view.stdout, view.stderr),
    );
    this.computeMatches();
    this.drawContent(false, restoring);
    this.stepper.setCollections(view.collections, this.state.collection, this.state.phase);
  }

  /** Draws the picture or the list, whichever is in effect. */
  private drawContent(relayout = false, restoring = false): void {
    const view = this.state.view;
    if (!view) return;
    const mode = this.effectiveMode();
    this.toolbar.setMode(mode, this.state.mode === 'auto');
    this.picture.element.hidden = mode !== 'picture';
    this.foldedNotice.hidden = mode !== 'picture' || (this.scene?.folded ?? 0) === 0;
    this.list.element.hidden = mode !== 'list';
    this.root.dataset.mode = mode;
    if (mode === 'list') {
      const started = performance.now();
      this.list.render(view, this.state.sortKey, this.state.sortDescending, this.matches, this.state.selected);
      if (restoring) this.list.element.scrollTop = this.state.listScroll;
      this.root.dataset.renderMs = String(Math.round(performance.now() - started));
      this.rendered();
      return;
    }
    if (relayout || this.laidOutView !== view) this.pictureDrawn = this.drawPicture(view, restoring);
    else this.rendered();
  }

  private async drawPicture(view: HeapView, restoring: boolean): Promise<void> {
    const token = ++this.layoutToken;
    const started = performance.now();
    this.measure ??= new TextMeasure(document.body);
    const scene = buildScene(view, this.measure, new Set(this.state.expanded));
    const built = performance.now();
    let layout: Layout;
    try {
      layout = await layoutScene(scene);
    } catch (error) {
      log('error', `layout failed: ${String(error)}`);
      this.state.mode = 'list';
      this.drawContent();
      return;
    }
    if (token !== this.layoutToken || this.state.view !== view) return;
    this.scene = scene;
    this.layout = layout;
    this.laidOutView = view;
    this.picture.render(scene, layout, this.measure);
    this.showFolded(scene);
    this.foldedNotice.hidden = scene.folded === 0;
    // Each new picture is fitted until the user zooms or pans by hand; from then on their
    // viewport is kept from line to line (and across reloads) until they press Fit.
    if (this.state.autoFit && !restoring) this.fitFirstTime();
    else this.picture.setViewport(this.state.zoom, this.state.panX, this.state.panY);
    this.picture.setFilter(this.matches);
    if (this.state.selected !== null) this.picture.select(this.state.selected, false);
    const step = this.stepper.step;
    const collection = view.collections[step.collection];
    this.overlayPhase(collection ?? null, step.phase);
    this.root.dataset.renderMs = String(Math.round(performance.now() - started));
    this.root.dataset.elkMs = String(Math.round(layout.elkMs));
    this.root.dataset.sceneMs = String(Math.round(built - started));
    if (scene.danglingReferences > 0) log('info', `${scene.danglingReferences} reference(s) point to objects missing from the view; not drawn`);
    this.rendered();
  }

  private fitFirstTime(): void {
    if (this.picture.element.getBoundingClientRect().width === 0) return;
    this.fitPicture();
  }

  private fitPicture(): void {
    this.picture.fit(this.foldedNotice.hidden ? 0 : this.foldedNotice.offsetHeight + 16);
  }

  private rendered(): void {
    // View → drawn, validation included: the figure the benchmark reports.
    if (this.receivedAt !== null) this.root.dataset.viewMs = String(Math.round(performance.now() - this.receivedAt));
    this.receivedAt = null;
    this.renderCount++;
    this.root.dataset.renderCount = String(this.renderCount);
    // Which view is on screen now (the picture is laid out asynchronously, after the toolbar
    // already names the new line): UI tests wait for it instead of guessing.
    const view = this.state.view;
    this.root.dataset.drawn = view ? `${view.source.fileName}:${view.source.line} ${view.version} run ${view.execution.index}/${view.execution.count} gc ${view.collections.length}` : 'empty';
  }

  private overlayPhase(collection: ViewCollection | null, phase: number): void {
    this.state.collection = this.stepper.step.collection;
    this.state.phase = phase;
    this.save();
    if (!this.layout) return;
    this.picture.showPhase(collection?.phases[phase] ?? null, collection ? unreachableSet(collection, phase) : new Set());
  }

  private openReferrers(id: number, anchor: Element): void {
    const view = this.state.view;
    const object = view?.objects.find((o) => o.id === id) ?? view?.changes.freed.find((o) => o.id === id);
    if (!view || !object) return;
    const change = view.changes.refcounts.find((c) => c.id === id);
    this.popover.open(object, change, anchor, this.content, (holder) => this.scene?.byId.has(holder) ?? false);
  }

  private sortBy(key: SortKey): void {
    if (this.state.sortKey === key) this.state.sortDescending = !this.state.sortDescending;
    else {
      this.state.sortKey = key;
      this.state.sortDescending = key === 'refcount' || key === 'delta';
    }
    this.save();
    this.drawContent();
  }

  private computeMatches(): void {
    const view = this.state.view;
    const query = this.state.filter.trim().toLowerCase();
    if (!view || !query) {
      this.matches = null;
      this.toolbar.setFilter(this.state.filter, null);
      return;
    }
    // A name bound in a frame finds the object it is bound to.
    const bound = new Map<number, string[]>();
    for (const f of view.frames) for (const v of f.variables) bound.set(v.target, [...(bound.get(v.target) ?? []), v.label]);
    const matches = new Set<number>();
    for (const o of [...view.objects, ...view.changes.freed]) {
      const names = bound.get(o.id) ?? [];
      if (o.name.toLowerCase().includes(query) || o.type.toLowerCase().includes(query) || o.value.toLowerCase().includes(query) || names.some((n) => n.toLowerCase().includes(query))) matches.add(o.id);
    }
    this.matches = matches;
    this.matchCursor = -1;
    this.toolbar.setFilter(this.state.filter, matches.size);
  }

  private setFilter(text: string): void {
    this.state.filter = text;
    this.save();
    this.computeMatches();
    if (this.effectiveMode() === 'list') this.drawContent();
    else this.picture.setFilter(this.matches);
  }

  private findNext(): void {
    if (!this.matches || this.matches.size === 0) return;
    const ids = [...this.matches];
    this.matchCursor = (this.matchCursor + 1) % ids.length;
    this.focusObject(ids[this.matchCursor]);
  }

  /** Exports the current picture (laid out on demand when the list is showing). */
  async export(format: 'svg' | 'png', requestId: number): Promise<void> {
    try {
      const view = this.state.view;
      if (!view) throw new Error('there is no picture to export');
      if (this.laidOutView !== view) {
        this.pictureDrawn = this.drawPicture(view, true);
      }
      await this.pictureDrawn;
      const { width, height } = this.picture.bounds();
      const background = getComputedStyle(document.body).getPropertyValue('--vscode-editor-background').trim() || getComputedStyle(document.body).backgroundColor;
      const svg = exportSvg(this.picture.svg, width, height, background);
      const data = format === 'svg' ? svg : await svgToPng(svg, width, height);
      post({ kind: 'exported', requestId, format, data });
    } catch (error) {
      post({ kind: 'exportFailed', requestId, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private save(): void {
    saveState(this.state);
  }
}
