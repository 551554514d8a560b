import { isHeapView, type HeapView } from '../src/protocol';
import { vscode } from './vscodeApi';

/** Which way the heap is shown. `auto` picks the list for heaps too big to draw. */
export type ViewMode = 'auto' | 'picture' | 'list';
export type SortKey = 'name' | 'type' | 'refcount' | 'generation' | 'delta';

/** What the panel remembers across reloads and hides (VS Code's getState/setState). */
export interface PanelState {
  view: HeapView | null;
  emptyReason: string | null;
  zoom: number;
  /** Fit each new picture to the panel; off once the user zooms or pans by hand. */
  autoFit: boolean;
  panX: number;
  panY: number;
  selected: number | null;
  mode: ViewMode;
  sortKey: SortKey;
  sortDescending: boolean;
  filter: string;
  /** Step shown by the GC stepper: collection index and phase index. */
  collection: number;
  phase: number;
  /** Containers the user expanded beyond the collapsed first rows. */
  expanded: number[];
  /** How far the list view is scrolled. */
  listScroll: number;
}

const SORT_KEYS: readonly SortKey[] = ['name', 'type', 'refcount', 'generation', 'delta'];
const MODES: readonly ViewMode[] = ['auto', 'picture', 'list'];

/** The state a fresh panel starts with. */
export function initialState(): PanelState {
  return {
    view: null,
    emptyReason: null,
    zoom: 1,
    autoFit: true,
    panX: 0,
    panY: 0,
    selected: null,
    mode: 'auto',
    sortKey: 'refcount',
    sortDescending: true,
    filter: '',
    collection: 0,
    phase: 0,
    expanded: [],
    listScroll: 0,
  };
}

function num(value: unknown, fallback: number, min = -Infinity, max = Infinity): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/**
 * Restores the saved state. Saved state is data from an older panel (possibly an older
 * HeapScope), so each field is checked and anything odd falls back to the default.
 */
export function loadState(): PanelState {
  const saved = vscode().getState();
  const state = initialState();
  if (typeof saved !== 'object' || saved === null) return state;
  const s = saved as Record<string, unknown>;
  state.view = isHeapView(s.view) ? s.view : null;
  state.emptyReason = typeof s.emptyReason === 'string' ? s.emptyReason : null;
  state.zoom = num(s.zoom, 1, 0.1, 4);
  state.autoFit = s.autoFit !== false;
  state.panX = num(s.panX, 0);
  state.panY = num(s.panY, 0);
  state.selected = typeof s.selected === 'number' ? s.selected : null;
  state.mode = MODES.includes(s.mode as ViewMode) ? (s.mode as ViewMode) : 'auto';
  state.sortKey = SORT_KEYS.includes(s.sortKey as SortKey) ? (s.sortKey as SortKey) : 'refcount';
  state.sortDescending = s.sortDescending !== false;
  state.filter = typeof s.filter === 'string' ? s.filter.slice(0, 200) : '';
  state.collection = num(s.collection, 0, 0);
  state.phase = num(s.phase, 0, 0);
  state.listScroll = num(s.listScroll, 0, 0);
  state.expanded = Array.isArray(s.expanded) ? s.expanded.filter((n): n is number => typeof n === 'number') : [];
  return state;
}

let pending: ReturnType<typeof setTimeout> | undefined;

/**
 * Saves the state soon. Pan and zoom fire many events and the state carries the whole view
 * (large for big heaps), so writes are coalesced to one per 150 ms.
 */
export function saveState(state: PanelState): void {
  if (pending !== undefined) return;
  pending = setTimeout(() => {
    pending = undefined;
    vscode().setState(state);
  }, 150);
}
