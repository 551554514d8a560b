import type { HeapView, PythonVersion } from '../src/protocol';
import { h, icon } from './dom';
import type { ViewMode } from './state';

/** What the toolbar asks of the panel. */
export interface ToolbarEvents {
  selectExecution(index: number): void;
  revealLine(line: number): void;
  filter(text: string): void;
  /** Enter in the search box: jump to the first match. */
  findNext(): void;
  mode(mode: ViewMode): void;
  zoom(action: 'in' | 'out' | 'fit'): void;
}

function iconButton(name: string, label: string, extra: Record<string, string> = {}): HTMLButtonElement {
  const b = h('button', { class: 'icon-button', type: 'button', 'aria-label': label, title: label, ...extra }, icon(name));
  return b;
}

/**
 * The bar above the picture: which line and which of its executions is shown (with
 * previous/next), the simulated CPython version, search, picture/list switch and zoom.
 */
export class Toolbar {
  readonly element: HTMLElement;
  private readonly source: HTMLButtonElement;
  private readonly fileName: HTMLElement;
  private readonly lineText: HTMLElement;
  private readonly executions: HTMLElement;
  private readonly executionText: HTMLElement;
  private readonly prev: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly version: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly matches: HTMLElement;
  private readonly modeButtons: Map<ViewMode, HTMLButtonElement>;
  private readonly zoomGroup: HTMLElement;
  private execution = { index: 1, count: 1 };
  private line = 0;

  constructor(private readonly events: ToolbarEvents) {
    this.fileName = h('span', { class: 'file-name' });
    this.lineText = h('code', { class: 'line-text' });
    this.source = h('button', { class: 'source', type: 'button', title: 'Show this line in the editor' }, icon('file-code'), this.fileName, this.lineText);
    this.source.addEventListener('click', () => this.line > 0 && this.events.revealLine(this.line));

    this.prev = iconButton('chevron-left', 'Previous execution of this line', { 'data-action': 'prev-execution' });
    this.next = iconButton('chevron-right', 'Next execution of this line', { 'data-action': 'next-execution' });
    this.executionText = h('span', { class: 'execution-text', 'aria-live': 'polite' });
    this.prev.addEventListener('click', () => this.step(-1));
    this.next.addEventListener('click', () => this.step(1));
    this.executions = h('div', { class: 'executions', role: 'group', 'aria-label': 'Executions of this line' }, this.prev, this.executionText, this.next);

    this.version = h('span', { class: 'version', title: 'The CPython version being simulated' });

    this.search = h('input', { type: 'search', class: 'search', placeholder: 'Filter objects', 'aria-label': 'Filter objects by name, type or value', spellcheck: 'false' });
    this.search.addEventListener('input', () => this.events.filter(this.search.value));
    this.search.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        this.events.findNext();
      } else if (e.key === 'Escape' && this.search.value) {
        e.preventDefault();
        this.search.value = '';
        this.events.filter('');
      }
    });
    this.matches = h('span', { class: 'matches', 'aria-live': 'polite' });
    const searchBox = h('label', { class: 'search-box' }, icon('search'), this.search, this.matches);

    this.modeButtons = new Map();
    const modes = h('div', { class: 'segmented', role: 'group', 'aria-label': 'Show as' });
    for (const [mode, name, label] of [['picture', 'type-hierarchy-sub', 'Picture'], ['list', 'list-flat', 'List']] as const) {
      const b = h('button', { type: 'button', class: 'segment', 'data-mode': mode, 'aria-pressed': 'false', title: `Show the heap as a ${label.toLowerCase()}` }, icon(name), label);
      b.addEventListener('click', () => this.events.mode(mode));
      this.modeButtons.set(mode, b);
      modes.append(b);
    }

    const zoomOut = iconButton('zoom-out', 'Zoom out');
    const zoomIn = iconButton('zoom-in', 'Zoom in');
    const fit = iconButton('screen-full', 'Fit the picture');
    zoomOut.addEventListener('click', () => this.events.zoom('out'));
    zoomIn.addEventListener('click', () => this.events.zoom('in'));
    fit.addEventListener('click', () => this.events.zoom('fit'));
    this.zoomGroup = h('div', { class: 'zoom', role: 'group', 'aria-label': 'Zoom' }, zoomOut, zoomIn, fit);

    this.element = h(
      'header',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Heap Inspector' },
      h('div', { class: 'toolbar-start' }, this.source, this.executions, this.version),
      h('div', { class: 'toolbar-end' }, searchBox, modes, this.zoomGroup),
    );
  }

  /** Shows a view's line, execution and version. */
  setView(view: HeapView | null, version: PythonVersion | null): void {
    this.source.hidden = view === null;
    this.executions.hidden = view === null || view.execution.count <= 1;
    if (view) {
      this.line = view.source.line;
      this.fileName.textContent = `${view.source.fileName}:${view.source.line}`;
      this.lineText.textContent = view.source.lineText.trim();
      this.source.title = `Line ${view.source.line} of ${view.source.fileName} — show it in the editor`;
      this.execution = view.execution;
      this.executionText.textContent = `${view.execution.index} of ${view.execution.count}`;
      this.executionText.title = `Execution ${view.execution.index} of ${view.execution.count} of this line`;
      this.prev.disabled = view.execution.index <= 1;
      this.next.disabled = view.execution.index >= view.execution.count;
    }
    this.version.hidden = version === null;
    this.version.textContent = version ? `CPython ${version}` : '';
  }

  /** Reflects the effective mode (auto resolves to one of the two). */
  setMode(mode: 'picture' | 'list', auto: boolean): void {
    for (const [m, b] of this.modeButtons) b.setAttribute('aria-pressed', String(m === mode));
    this.zoomGroup.hidden = mode !== 'picture';
    this.modeButtons.get('list')?.setAttribute('title', auto && mode === 'list' ? 'Shown as a list because the heap is too big to draw well' : 'Show the heap as a list');
  }

  /** The search text (restored state) and how many objects match it. */
  setFilter(text: string, matches: number | null): void {
    if (this.search.value !== text) this.search.value = text;
    this.matches.textContent = matches === null ? '' : `${matches} match${matches === 1 ? '' : 'es'}`;
  }

  /** Focuses the search box (Ctrl+F). */
  focusSearch(): void {
    this.search.focus();
    this.search.select();
  }

  private step(delta: number): void {
    const index = this.execution.index + delta;
    if (index >= 1 && index <= this.execution.count) this.events.selectExecution(index);
  }
}
