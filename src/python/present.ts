import type { CollectionPhase, CollectionReport } from '../core/collectionReport';
import type { HeapSnapshot, SnapshotObject, SnapshotRoot } from '../core/snapshot';
import type {
  GcStatus,
  HeapView,
  ViewChanges,
  ViewCollection,
  ViewFrame,
  ViewGcPhase,
  ViewHiddenHolder,
  ViewObject,
  ViewReferrer,
  ViewStatus,
} from '../protocol';
import type { VersionProfile } from '../versions';
import type { RunStatus } from './simulate';

/**
 * Turns a heap snapshot into what the panel and the hovers show: frames with their
 * variables, the objects a learner cares about (what the program's names reach, the
 * garbage, what the line touched), short values, referrers with readable holder names,
 * and the collector's phases explained. The views compute nothing further.
 */

export interface PresentOptions {
  readonly version: VersionProfile;
  readonly status: RunStatus;
  readonly source: HeapView['source'];
  readonly execution: HeapView['execution'];
  /** At most this many objects are sent (the panel's list view takes over beyond). */
  readonly maxObjects?: number;
}

/** Types whose insides are the interpreter's business: drawn as a box, not entered. */
const OPAQUE_TYPES = new Set(['type', 'function', 'module', 'code', 'builtin_function_or_method', 'method_descriptor', 'getset_descriptor', 'member_descriptor']);
const DUNDER = /^__\w+__$/;

interface Index {
  readonly byId: Map<number, SnapshotObject>;
  readonly rootsById: Map<number, SnapshotRoot>;
  readonly mainDict: number | null;
  readonly classNamespaces: Map<number, string>;
}

function index(snapshot: HeapSnapshot): Index {
  const byId = new Map(snapshot.objects.map((o) => [o.id, o]));
  const rootsById = new Map(snapshot.roots.map((r) => [r.id, r]));
  const mainDict = mainModuleDict(snapshot, byId);
  // A class body's namespace is held while the body runs.
  const classNamespaces = new Map<number, string>();
  const transit = snapshot.roots.find((r) => r.name === 'a value being passed');
  const classFrames = snapshot.roots.filter((r) => r.kind === 'frame' && r.name.startsWith('class '));
  const namespaces = transit?.references.filter((r) => r.label === 'class namespace') ?? [];
  namespaces.forEach((ns, i) => {
    const frame = classFrames[i];
    if (frame) classNamespaces.set(ns.target, frame.name);
  });
  return { byId, rootsById, mainDict, classNamespaces };
}

/** The id of __main__'s globals dict: sys.modules['__main__'].__dict__ (the interpreter root holds sys.modules). */
export function mainModuleDict(snapshot: HeapSnapshot, byId: ReadonlyMap<number, SnapshotObject>): number | null {
  const interpreter = snapshot.roots.find((r) => r.name === 'sys.modules');
  const modulesId = interpreter?.references.find((r) => r.label === 'sys.modules')?.target;
  const mainId = modulesId === undefined ? undefined : byId.get(modulesId)?.references.find((r) => r.label === "['__main__']")?.target;
  if (mainId === undefined) return null;
  return byId.get(mainId)?.references.find((r) => r.label === '__dict__')?.target ?? null;
}

/** `['name']` (a dict entry label) → `name` when the key is a str. */
function entryName(label: string): string | null {
  const m = /^\['(.*)'\]$/.exec(label);
  return m ? m[1] : null;
}

export function present(snapshot: HeapSnapshot, options: PresentOptions): HeapView {
  const ix = index(snapshot);
  const frames = presentFrames(snapshot, ix);
  const visible = chooseObjects(snapshot, ix, frames, options.maxObjects ?? 3000);
  const holderName = (id: number): { name: string; hidden: boolean } => holderDescription(id, ix, frames);
  const objects = [...visible].map((id) => presentObject(ix.byId.get(id)!, ix, options.version, holderName, frames));
  const hidden: ViewHiddenHolder[] = snapshot.roots
    .filter((r) => !frames.some((f) => f.id === r.id) && r.references.some((ref) => visible.has(ref.target)))
    .map((r) => ({ id: r.id, name: hiddenName(r), references: r.references.filter((ref) => visible.has(ref.target)) }));
  for (const f of snapshot.roots.filter((r) => r.kind === 'frame')) {
    const temps = f.references.filter((ref) => ref.label === 'temporary' && visible.has(ref.target));
    if (temps.length) hidden.push({ id: f.id, name: `${frameTitle(f)}: temporaries`, references: temps });
  }
  return {
    version: options.version.version,
    source: options.source,
    execution: options.execution,
    frames,
    hidden,
    objects,
    changes: presentChanges(snapshot, ix, options.version, holderName, frames),
    gc: {
      scheme: options.version.collector.scheme,
      counts: snapshot.gc.counts,
      thresholds: snapshot.gc.thresholds,
      enabled: snapshot.gc.enabled,
      generationLabels: options.version.generationLabels,
    },
    collections: snapshot.collections.map((c) => presentCollection(c, { ...ix, byId: new Map([...snapshot.freedObjects.map((o) => [o.id, o] as const), ...ix.byId]) })),
    stdout: snapshot.stdout,
    stderr: snapshot.stderr,
    status: presentStatus(options.status),
  };
}

function frameTitle(root: SnapshotRoot): string {
  return root.name === '<module>' ? '<module>' : root.name.startsWith('class ') ? root.name : `${root.name}()`;
}

/** The module frame (its variables are the globals dict's entries), then each running call. */
function presentFrames(snapshot: HeapSnapshot, ix: Index): ViewFrame[] {
  const frames: ViewFrame[] = [];
  const moduleVariables =
    ix.mainDict === null
      ? []
      : (ix.byId.get(ix.mainDict)?.references ?? [])
          .filter((r) => !r.label.startsWith('key '))
          .map((r) => ({ label: entryName(r.label) ?? r.label, target: r.target }))
          .filter((r) => !DUNDER.test(r.label));
  if (ix.mainDict !== null) frames.push({ id: ix.mainDict, name: '<module>', kind: 'module', variables: moduleVariables });
  for (const root of snapshot.roots) {
    if (root.kind !== 'frame' || root.name === '<module>') continue;
    if (root.name.startsWith('class ')) {
      const ns = [...ix.classNamespaces].find(([, name]) => name === root.name)?.[0];
      const variables = ns === undefined ? [] : (ix.byId.get(ns)?.references ?? []).filter((r) => !r.label.startsWith('key ')).map((r) => ({ label: entryName(r.label) ?? r.label, target: r.target })).filter((r) => !DUNDER.test(r.label));
      frames.push({ id: ns ?? root.id, name: root.name, kind: 'class', variables });
      continue;
    }
    const variables = root.references.filter((r) => r.label !== 'temporary' && r.label !== 'function' && r.label !== 'frame object');
    frames.push({ id: root.id, name: root.name, kind: 'function', variables });
  }
  return frames;
}

/**
 * The objects to show: what the frames' variables reach (not entering functions, classes
 * and modules, whose insides are the interpreter's), the garbage, and what the step touched.
 */
function chooseObjects(snapshot: HeapSnapshot, ix: Index, frames: readonly ViewFrame[], max: number): Set<number> {
  const visible = new Set<number>();
  const queue: number[] = [];
  const add = (id: number): void => {
    if (visible.has(id) || !ix.byId.has(id) || visible.size >= max) return;
    if (id === ix.mainDict || ix.classNamespaces.has(id)) return;
    visible.add(id);
    queue.push(id);
  };
  for (const f of frames) for (const v of f.variables) add(v.target);
  while (queue.length > 0) {
    const obj = ix.byId.get(queue.shift()!)!;
    if (OPAQUE_TYPES.has(obj.type) || obj.type.startsWith('<')) continue;
    for (const r of obj.references) add(r.target);
  }
  for (const o of snapshot.objects) if (!o.reachable && o.refcount > 0) add(o.id);
  for (const id of snapshot.changes.allocated) if (!heldOnlyByInterpreter(ix, id)) add(id);
  for (const c of snapshot.changes.refcounts) if (!isInternal(ix, c.id) && !heldOnlyByInterpreter(ix, c.id)) add(c.id);
  // Instances' classes are drawn too (a user class is a box the arrows can point to).
  for (const id of [...visible]) {
    const cls = ix.byId.get(id)?.references.find((r) => r.label === '__class__');
    if (cls) add(cls.target);
  }
  return visible;
}

/** Objects only the interpreter uses (code, co_consts, the builtins, namespace keys) that a step may touch. */
function isInternal(ix: Index, id: number): boolean {
  const obj = ix.byId.get(id);
  if (!obj) return true;
  if (obj.type === 'code' || obj.type === 'module') return true;
  // The name strings that key a namespace are not what a learner is looking at.
  if (obj.type === 'str' && obj.referrers.length > 0 && obj.referrers.every((r) => r.label.startsWith('key ') && (r.holder === ix.mainDict || ix.classNamespaces.has(r.holder)))) return true;
  return obj.referrers.length > 0 && obj.referrers.every((r) => ix.rootsById.get(r.holder)?.kind === 'hidden' || ix.byId.get(r.holder)?.type === 'code');
}

/**
 * Objects the interpreter made for itself (the thread state's dict and what it holds, an
 * argument parser's keyword names): held, directly or through such objects, only by
 * hidden holders. A line that allocates them still did not make anything for the program.
 */
function heldOnlyByInterpreter(ix: Index, id: number, seen = new Set<number>()): boolean {
  if (seen.has(id)) return true;
  seen.add(id);
  const obj = ix.byId.get(id);
  if (!obj || obj.referrers.length === 0) return false;
  return obj.referrers.every((r) => ix.rootsById.get(r.holder)?.kind === 'hidden' || (ix.byId.has(r.holder) && heldOnlyByInterpreter(ix, r.holder, seen)));
}

function hiddenName(root: SnapshotRoot): string {
  switch (root.name) {
    case 'the compiled program':
      return "the compiled program (code constants and the script's syntax tree)";
    case 'a value being passed':
      return 'a value being passed between calls';
    case 'sys.modules':
      return 'the interpreter (sys.modules, gc.garbage, gc.callbacks)';
    default:
      return root.name;
  }
}

function holderDescription(id: number, ix: Index, frames: readonly ViewFrame[]): { name: string; hidden: boolean } {
  const frame = frames.find((f) => f.id === id);
  if (frame) return { name: frame.kind === 'module' ? '<module>' : frame.kind === 'class' ? frame.name : `frame ${frame.name}`, hidden: false };
  const root = ix.rootsById.get(id);
  if (root) return { name: root.kind === 'frame' ? `frame ${root.name}` : hiddenName(root), hidden: true };
  const obj = ix.byId.get(id);
  if (obj) return { name: objectName(obj), hidden: obj.type === 'code' || obj.type === 'tuple' && obj.referrers.some((r) => ix.byId.get(r.holder)?.type === 'code') };
  return { name: `#${id}`, hidden: true };
}

function objectName(obj: SnapshotObject): string {
  if (obj.type === 'function' || obj.type === 'type') return obj.display.replace(/^<function |^<class '(__main__\.)?|'?>$/g, '').replace(/>$/, '');
  if (obj.display && !obj.display.startsWith('<') && obj.display.length <= 24 && (obj.type === 'int' || obj.type === 'float' || obj.type === 'bool' || obj.type === 'NoneType')) return `${obj.type} ${obj.display}`;
  return `${obj.type}#${obj.id}`;
}

function family(obj: SnapshotObject): ViewObject['family'] {
  switch (obj.type) {
    case 'list':
    case 'tuple':
    case 'dict':
    case 'set':
    case 'frozenset':
      return 'container';
    case 'int':
    case 'float':
    case 'complex':
    case 'str':
    case 'bytes':
    case 'bool':
    case 'NoneType':
    case 'ellipsis':
      return 'atom';
    case 'function':
    case 'method':
    case 'builtin_function_or_method':
    case 'method_descriptor':
      return 'callable';
    case 'type':
      return 'class';
    case 'frame':
      return 'frame';
  }
  return obj.references.some((r) => r.label === '__class__') ? 'instance' : 'other';
}

/** A short value: atoms as their repr; containers from their items; instances by class. */
function shortValue(obj: SnapshotObject, ix: Index): string {
  if (obj.display) return obj.display;
  const item = (id: number): string => {
    const o = ix.byId.get(id);
    if (!o) return '…';
    if (o.display && o.display.length <= 20) return o.display;
    return o.type === 'list' ? '[…]' : o.type === 'dict' ? '{…}' : o.type === 'tuple' ? '(…)' : `<${o.type}>`;
  };
  const slots = obj.references.filter((r) => /^\[\d+\]$/.test(r.label));
  const limit = 6;
  switch (obj.type) {
    case 'list': {
      const parts = slots.slice(0, limit).map((r) => item(r.target));
      return `[${parts.join(', ')}${slots.length > limit ? ', …' : ''}]`;
    }
    case 'tuple': {
      const parts = slots.slice(0, limit).map((r) => item(r.target));
      return `(${parts.join(', ')}${slots.length === 1 ? ',' : ''}${slots.length > limit ? ', …' : ''})`;
    }
    case 'dict': {
      const values = obj.references.filter((r) => !r.label.startsWith('key '));
      const parts = values.slice(0, limit).map((r) => `${r.label.slice(1, -1)}: ${item(r.target)}`);
      return `{${parts.join(', ')}${values.length > limit ? ', …' : ''}}`;
    }
    case 'set':
    case 'frozenset': {
      const parts = obj.references.slice(0, limit).map((r) => item(r.target));
      return parts.length ? `{${parts.join(', ')}${obj.references.length > limit ? ', …' : ''}}` : `${obj.type}()`;
    }
  }
  if (obj.references.some((r) => r.label === '__class__')) return `<${obj.type} object>`;
  return `<${obj.type}>`;
}

function gcStatus(obj: SnapshotObject, version: VersionProfile): GcStatus {
  if (obj.immortal) return { kind: 'immortal' };
  if (obj.generation === 3) return { kind: 'permanent' };
  if (obj.generation < 0) return { kind: 'untracked' };
  return { kind: 'generation', generation: obj.generation, label: version.generationLabels[obj.generation] ?? `gen ${obj.generation}` };
}

function presentObject(
  obj: SnapshotObject,
  ix: Index,
  version: VersionProfile,
  holderName: (id: number) => { name: string; hidden: boolean },
  frames: readonly ViewFrame[],
): ViewObject {
  const referrers: ViewReferrer[] = obj.referrers
    .filter((r) => !r.label.startsWith('key ') || ix.byId.get(r.holder)?.type !== 'dict' || r.holder !== ix.mainDict)
    .map((r) => {
      const holder = holderName(r.holder);
      const isFrameVariable = frames.some((f) => f.id === r.holder);
      return { holder: r.holder, holderName: holder.name, label: isFrameVariable ? entryName(r.label) ?? r.label : r.label, hidden: holder.hidden };
    });
  const length = ['list', 'tuple', 'set', 'frozenset'].includes(obj.type)
    ? obj.references.filter((r) => r.label !== '__class__' && !r.label.startsWith('.')).length
    : obj.type === 'dict'
      ? obj.references.filter((r) => r.label.startsWith('key ')).length
      : undefined;
  return {
    id: obj.id,
    type: obj.type,
    family: family(obj),
    value: shortValue(obj, ix),
    name: objectName(obj),
    refcount: obj.refcount,
    gc: gcStatus(obj, version),
    garbage: !obj.reachable,
    finalized: obj.finalized,
    references: obj.references,
    referrers,
    externalRefs: obj.externalRefs,
    ...(length !== undefined ? { length } : {}),
  };
}

function presentChanges(
  snapshot: HeapSnapshot,
  ix: Index,
  version: VersionProfile,
  holderName: (id: number) => { name: string; hidden: boolean },
  frames: readonly ViewFrame[],
): ViewChanges {
  const freedIndex: Index = { ...ix, byId: new Map(snapshot.freedObjects.map((o) => [o.id, o])) };
  return {
    allocated: snapshot.changes.allocated.filter((id) => !isInternal(ix, id)),
    freed: snapshot.freedObjects.filter((o) => o.type !== 'code').map((o) => presentObject(o, freedIndex, version, holderName, frames)),
    transient: snapshot.changes.transient,
    refcounts: snapshot.changes.refcounts
      .filter((c) => !isInternal(ix, c.id))
      .map((c) => ({
        id: c.id,
        delta: c.delta,
        causes: c.causes.map((cause) => {
          const isFrame = frames.some((f) => f.id === cause.holder);
          return { holderName: holderName(cause.holder).name, label: isFrame ? entryName(cause.label) ?? cause.label : cause.label, delta: cause.delta };
        }),
      })),
  };
}

const PHASE_EXPLANATIONS: Record<CollectionPhase['name'], string> = {
  merge: 'The younger generations are merged into the one being collected; these are the objects examined.',
  updateRefs: 'Each examined object gets gc_refs, a copy of its reference count.',
  subtractRefs: 'Every reference from one examined object to another is subtracted. What is left counts references from outside: a frame, a module, an older object.',
  moveUnreachable: 'Objects with gc_refs 0 that no object with gc_refs > 0 reaches are unreachable: only the collector can free them.',
  untrack: 'Containers that can never be part of a cycle (tuples and dicts of atoms) stop being tracked.',
  promote: 'The survivors move to an older generation, which is collected less often.',
  handleWeakrefs: 'Weak references to the garbage are cleared; callbacks of weak references that are themselves alive run now.',
  finalizeGarbage: "Each unreachable object's __del__ runs, once in its lifetime (PEP 442).",
  handleResurrectedObjects: 'A finalizer stored a reference to some of the garbage: those objects, and what they reach, are alive again and are kept.',
  deleteGarbage: "The cycles are broken (each object's references are cleared), and reference counting frees the objects.",
};

function presentCollection(c: CollectionReport, ix: Index): ViewCollection {
  const name = (id: number): string => {
    const o = ix.byId.get(id);
    return o ? objectName(o) : `#${id}`;
  };
  const phases: ViewGcPhase[] = c.phases.map((phase) => {
    const base = { name: phase.name, explanation: PHASE_EXPLANATIONS[phase.name] };
    switch (phase.name) {
      case 'updateRefs':
      case 'subtractRefs':
        return { ...base, gcRefs: phase.refs.map((r) => ({ id: r.id, name: name(r.id), gcRefs: r.gcRefs })) };
      case 'moveUnreachable':
        return { ...base, objects: phase.unreachable.map((id) => ({ id, name: name(id) })) };
      case 'untrack':
        return { ...base, objects: phase.untracked.map((id) => ({ id, name: name(id) })) };
      case 'handleWeakrefs':
        return { ...base, objects: phase.callbacks.map((id) => ({ id, name: name(id) })) };
      case 'finalizeGarbage':
        return { ...base, objects: phase.finalized.map((id) => ({ id, name: name(id) })) };
      case 'handleResurrectedObjects':
        return { ...base, objects: phase.resurrected.map((id) => ({ id, name: name(id) })) };
      case 'deleteGarbage':
        return { ...base, objects: phase.freed.map((id) => ({ id, name: name(id) })) };
      case 'merge':
        return { ...base, explanation: `${base.explanation} (${phase.objects} objects)` };
      case 'promote':
        return { ...base, explanation: `${phase.objects} survivors move to generation ${phase.to}.` };
    }
  });
  return { generation: c.generation, reason: c.reason, collected: c.collected, uncollectable: c.uncollectable, examined: c.examined, phases, detailTruncated: c.detailTruncated };
}

function presentStatus(status: RunStatus): ViewStatus {
  switch (status.kind) {
    case 'complete':
      return { kind: 'complete' };
    case 'exception':
      return { kind: 'stopped', reason: 'exception', message: `${status.typeName}${status.message ? `: ${status.message}` : ''}`, line: status.line };
    case 'syntax':
      return { kind: 'stopped', reason: 'syntax', message: `${status.error.type}: ${status.error.message}`, line: status.error.lineno };
    case 'unsupported':
      return { kind: 'stopped', reason: 'unsupported', message: status.message, line: status.line };
    case 'budget':
      return { kind: 'stopped', reason: 'budget', message: status.message, line: status.line };
    case 'limit':
    case 'internal':
      return { kind: 'stopped', reason: 'limit', message: status.message, line: status.line };
    case 'probe':
      return { kind: 'complete' };
  }
}
