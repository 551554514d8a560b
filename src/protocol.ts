/**
 * The typed contract between the extension host and the Heap Inspector panel, imported by
 * both sides. The host sends a `HeapView` — everything the panel draws, already computed
 * by the simulation; the panel computes no heap facts. Every message is validated on
 * receipt (`validate*` below); unknown messages are dropped with a log line.
 */

export type PythonVersion = '3.10' | '3.11' | '3.12' | '3.13' | '3.14';
export const PYTHON_VERSIONS: readonly PythonVersion[] = ['3.10', '3.11', '3.12', '3.13', '3.14'];

/** How an object stands with the cycle collector. */
export type GcStatus =
  | { readonly kind: 'generation'; readonly generation: number; readonly label: string }
  | { readonly kind: 'untracked' }
  | { readonly kind: 'immortal' }
  | { readonly kind: 'permanent' };

/** A reference: who holds it (an object or a frame/hidden holder) and under what label. */
export interface ViewReference {
  /** `[0]`, `.name`, `['key']`, `key 'a'`, a variable name, `argument`, ... */
  readonly label: string;
  readonly target: number;
}

export interface ViewReferrer {
  readonly holder: number;
  /** Human name of the holder: `list#3`, `frame f`, `<module> globals`, `code constants`. */
  readonly holderName: string;
  readonly label: string;
  /** True for holders the picture does not draw (code constants, temporaries, the interpreter). */
  readonly hidden: boolean;
}

export interface ViewObject {
  readonly id: number;
  /** Python type name: `list`, `Node`, `function`. */
  readonly type: string;
  /** Broad family for styling. */
  readonly family: 'container' | 'instance' | 'atom' | 'callable' | 'class' | 'frame' | 'other';
  /** Short value for the box, e.g. `[1, 2, 3]`, `'abc'`, `<Node>`; never HTML. */
  readonly value: string;
  /** A short name for arrows and lists: `list#3`. */
  readonly name: string;
  /** ob_refcnt (for immortal objects the profile's fixed value). */
  readonly refcount: number;
  readonly gc: GcStatus;
  /** Alive but unreachable from any frame: only the cycle collector can free it. */
  readonly garbage: boolean;
  /** `__del__` already ran (PEP 442). */
  readonly finalized: boolean;
  /** Outgoing references in slot order. */
  readonly references: readonly ViewReference[];
  /** Every incoming reference; their count plus `externalRefs` is `refcount` (mortal objects). */
  readonly referrers: readonly ViewReferrer[];
  /** References held by the interpreter itself, outside the program. */
  readonly externalRefs: number;
  /** Number of items for containers (for collapsing big ones). */
  readonly length?: number;
}

export interface ViewFrame {
  readonly id: number;
  /** `<module>` or the function's name. */
  readonly name: string;
  readonly kind: 'module' | 'function' | 'class' | 'generator';
  /** The names bound in the frame, in order of first binding. */
  readonly variables: readonly ViewReference[];
}

/** A holder the picture does not draw as a frame: temporaries, code constants, the interpreter. */
export interface ViewHiddenHolder {
  readonly id: number;
  readonly name: string;
  readonly references: readonly ViewReference[];
}

export interface ViewRefcountChange {
  readonly id: number;
  readonly delta: number;
  /** E.g. `+1 b (name)`, `−1 list#3[0]`. */
  readonly causes: readonly { readonly holderName: string; readonly label: string; readonly delta: number }[];
}

export interface ViewChanges {
  readonly allocated: readonly number[];
  /** Objects freed by the line, as they looked before (drawn fading). */
  readonly freed: readonly ViewObject[];
  readonly transient: number;
  readonly refcounts: readonly ViewRefcountChange[];
}

export interface ViewGcPhase {
  readonly name:
    | 'merge'
    | 'updateRefs'
    | 'subtractRefs'
    | 'moveUnreachable'
    | 'untrack'
    | 'promote'
    | 'handleWeakrefs'
    | 'finalizeGarbage'
    | 'handleResurrectedObjects'
    | 'deleteGarbage';
  /** One or two sentences a learner can follow. */
  readonly explanation: string;
  /** gc_refs per object after the phase (updateRefs, subtractRefs). */
  readonly gcRefs?: readonly { readonly id: number; readonly name: string; readonly gcRefs: number }[];
  /** The objects the phase is about (unreachable, finalized, freed...). */
  readonly objects?: readonly { readonly id: number; readonly name: string }[];
}

export interface ViewCollection {
  readonly generation: number;
  readonly reason: 'manual' | 'automatic';
  /** What gc.collect() returned. */
  readonly collected: number;
  readonly uncollectable: number;
  readonly examined: number;
  readonly phases: readonly ViewGcPhase[];
  readonly detailTruncated: boolean;
}

export interface ViewGc {
  readonly scheme: 'generational' | 'incremental';
  /** gc.get_count() after the line. */
  readonly counts: readonly number[];
  readonly thresholds: readonly number[];
  readonly enabled: boolean;
  /** Labels of the generations as this version names them. */
  readonly generationLabels: readonly string[];
}

export type ViewStatus =
  | { readonly kind: 'complete' }
  /** The run stopped early; the picture shows the state up to that point. */
  | { readonly kind: 'stopped'; readonly reason: 'exception' | 'unsupported' | 'budget' | 'limit' | 'syntax'; readonly message: string; readonly line: number };

export interface HeapView {
  readonly version: PythonVersion;
  /** The document and line the picture belongs to. */
  readonly source: { readonly uri: string; readonly fileName: string; readonly line: number; readonly lineText: string };
  /** Which execution of the line is shown, 1-based, out of how many. */
  readonly execution: { readonly index: number; readonly count: number };
  readonly frames: readonly ViewFrame[];
  readonly hidden: readonly ViewHiddenHolder[];
  readonly objects: readonly ViewObject[];
  readonly changes: ViewChanges;
  readonly gc: ViewGc;
  readonly collections: readonly ViewCollection[];
  readonly stdout: string;
  readonly stderr: string;
  readonly status: ViewStatus;
  /** An object to select and scroll to (from a hover's link). */
  readonly focus?: number;
}

// --- messages ------------------------------------------------------------------------

export type HostMessage =
  | { readonly kind: 'view'; readonly view: HeapView }
  /** Nothing to draw: no Python snippet, or the line never ran. */
  | { readonly kind: 'empty'; readonly reason: string; readonly version: PythonVersion }
  /** Select an object (hover link, command). */
  | { readonly kind: 'focus'; readonly id: number }
  /** Export the current picture; the panel answers with `exported`. */
  | { readonly kind: 'export'; readonly format: 'svg' | 'png'; readonly requestId: number }
  /** Simulation running: the shown view is stale until the next `view`. */
  | { readonly kind: 'busy' };

export type PanelMessage =
  | { readonly kind: 'ready' }
  | { readonly kind: 'selectExecution'; readonly index: number }
  | { readonly kind: 'revealLine'; readonly line: number }
  | { readonly kind: 'runGc'; readonly generation: 0 | 1 | 2 }
  | { readonly kind: 'exported'; readonly requestId: number; readonly format: 'svg' | 'png'; readonly data: string }
  | { readonly kind: 'exportFailed'; readonly requestId: number; readonly message: string }
  | { readonly kind: 'log'; readonly level: 'info' | 'error'; readonly message: string };

// --- validation (both sides trust nothing they receive) -------------------------------

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

/** Checks a message from the panel; returns null for anything malformed or unknown. */
export function validatePanelMessage(value: unknown): PanelMessage | null {
  if (!isObject(value) || typeof value.kind !== 'string') return null;
  switch (value.kind) {
    case 'ready':
      return { kind: 'ready' };
    case 'selectExecution':
      return isInt(value.index) && value.index >= 1 ? { kind: 'selectExecution', index: value.index } : null;
    case 'revealLine':
      return isInt(value.line) && value.line >= 1 ? { kind: 'revealLine', line: value.line } : null;
    case 'runGc':
      return value.generation === 0 || value.generation === 1 || value.generation === 2 ? { kind: 'runGc', generation: value.generation } : null;
    case 'exported':
      return isInt(value.requestId) && (value.format === 'svg' || value.format === 'png') && typeof value.data === 'string'
        ? { kind: 'exported', requestId: value.requestId, format: value.format, data: value.data }
        : null;
    case 'exportFailed':
      return isInt(value.requestId) && typeof value.message === 'string' ? { kind: 'exportFailed', requestId: value.requestId, message: value.message } : null;
    case 'log':
      return (value.level === 'info' || value.level === 'error') && typeof value.message === 'string'
        ? { kind: 'log', level: value.level, message: value.message.slice(0, 2000) }
        : null;
    default:
      return null;
  }
}

/** Checks a message from the host; returns null for anything malformed or unknown. */
export function validateHostMessage(value: unknown): HostMessage | null {
  if (!isObject(value) || typeof value.kind !== 'string') return null;
  switch (value.kind) {
    case 'view':
      return isHeapView(value.view) ? { kind: 'view', view: value.view } : null;
    case 'empty':
      return typeof value.reason === 'string' && isVersion(value.version) ? { kind: 'empty', reason: value.reason, version: value.version } : null;
    case 'focus':
      return isInt(value.id) ? { kind: 'focus', id: value.id } : null;
    case 'export':
      return (value.format === 'svg' || value.format === 'png') && isInt(value.requestId) ? { kind: 'export', format: value.format, requestId: value.requestId } : null;
    case 'busy':
      return { kind: 'busy' };
    default:
      return null;
  }
}

function isVersion(value: unknown): value is PythonVersion {
  return typeof value === 'string' && (PYTHON_VERSIONS as readonly string[]).includes(value);
}

function isReferenceList(value: unknown): boolean {
  return Array.isArray(value) && value.every((r) => isObject(r) && typeof r.label === 'string' && isInt(r.target));
}

function isIntList(value: unknown): boolean {
  return Array.isArray(value) && value.every(isInt);
}

function isGcStatus(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.kind === 'generation') return isInt(value.generation) && typeof value.label === 'string';
  return value.kind === 'untracked' || value.kind === 'immortal' || value.kind === 'permanent';
}

function isReferrer(value: unknown): boolean {
  return isObject(value) && isInt(value.holder) && typeof value.holderName === 'string' && typeof value.label === 'string' && typeof value.hidden === 'boolean';
}

function isRefcountChange(value: unknown): boolean {
  return (
    isObject(value) &&
    isInt(value.id) &&
    isInt(value.delta) &&
    Array.isArray(value.causes) &&
    value.causes.every((c) => isObject(c) && typeof c.holderName === 'string' && typeof c.label === 'string' && isInt(c.delta))
  );
}

function isNamedIdList(value: unknown, withRefs: boolean): boolean {
  return value === undefined || (Array.isArray(value) && value.every((e) => isObject(e) && isInt(e.id) && typeof e.name === 'string' && (!withRefs || isInt(e.gcRefs))));
}

function isPhase(value: unknown): boolean {
  return isObject(value) && typeof value.name === 'string' && typeof value.explanation === 'string' && isNamedIdList(value.gcRefs, true) && isNamedIdList(value.objects, false);
}

function isCollection(value: unknown): boolean {
  return (
    isObject(value) &&
    isInt(value.generation) &&
    (value.reason === 'manual' || value.reason === 'automatic') &&
    isInt(value.collected) &&
    isInt(value.uncollectable) &&
    isInt(value.examined) &&
    typeof value.detailTruncated === 'boolean' &&
    Array.isArray(value.phases) &&
    value.phases.length > 0 &&
    value.phases.every(isPhase)
  );
}

const STOP_REASONS: readonly unknown[] = ['exception', 'unsupported', 'budget', 'limit', 'syntax'];

function isStatus(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (value.kind === 'complete') return true;
  return value.kind === 'stopped' && STOP_REASONS.includes(value.reason) && typeof value.message === 'string' && isInt(value.line);
}

/** A structural check of the parts the panel relies on; deep enough that a bad view cannot break rendering. */
export function isHeapView(value: unknown): value is HeapView {
  if (!isObject(value)) return false;
  if (!isVersion(value.version)) return false;
  const source = value.source;
  if (!isObject(source) || typeof source.uri !== 'string' || typeof source.fileName !== 'string' || !isInt(source.line) || typeof source.lineText !== 'string') return false;
  const execution = value.execution;
  if (!isObject(execution) || !isInt(execution.index) || !isInt(execution.count)) return false;
  if (!Array.isArray(value.frames) || !value.frames.every((f) => isObject(f) && isInt(f.id) && typeof f.name === 'string' && typeof f.kind === 'string' && isReferenceList(f.variables))) return false;
  if (!Array.isArray(value.hidden) || !value.hidden.every((h) => isObject(h) && isInt(h.id) && typeof h.name === 'string' && isReferenceList(h.references))) return false;
  if (!Array.isArray(value.objects) || !value.objects.every(isViewObject)) return false;
  const changes = value.changes;
  if (!isObject(changes) || !isIntList(changes.allocated) || !Array.isArray(changes.freed) || !changes.freed.every(isViewObject) || !isInt(changes.transient)) return false;
  if (!Array.isArray(changes.refcounts) || !changes.refcounts.every(isRefcountChange)) return false;
  const gc = value.gc;
  if (!isObject(gc) || !isIntList(gc.counts) || !isIntList(gc.thresholds) || typeof gc.enabled !== 'boolean') return false;
  if (!Array.isArray(gc.generationLabels) || !gc.generationLabels.every((l) => typeof l === 'string') || (gc.scheme !== 'generational' && gc.scheme !== 'incremental')) return false;
  if (!Array.isArray(value.collections) || !value.collections.every(isCollection)) return false;
  if (typeof value.stdout !== 'string' || typeof value.stderr !== 'string') return false;
  if (!isStatus(value.status)) return false;
  if (value.focus !== undefined && !isInt(value.focus)) return false;
  return true;
}

function isViewObject(value: unknown): value is ViewObject {
  if (!isObject(value)) return false;
  return (
    isInt(value.id) &&
    typeof value.type === 'string' &&
    typeof value.family === 'string' &&
    typeof value.value === 'string' &&
    typeof value.name === 'string' &&
    isInt(value.refcount) &&
    isGcStatus(value.gc) &&
    typeof value.garbage === 'boolean' &&
    typeof value.finalized === 'boolean' &&
    isReferenceList(value.references) &&
    Array.isArray(value.referrers) &&
    value.referrers.every(isReferrer) &&
    isInt(value.externalRefs) &&
    (value.length === undefined || isInt(value.length))
  );
}
