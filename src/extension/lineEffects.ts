/**
 * What a line did to the heap, in a few words for an inline hint: `list#3 rc 1→2`,
 * `new Node#7`, `freed 2`, `gc(0): collected 2`. Read from the view of the line's last
 * execution, so the hints name objects exactly as the panel does. Pure.
 */
import type { HeapView, ViewObject, ViewRefcountChange } from '../protocol';
import type { LineEffect, LineEffects } from './worker/protocol';

/** The interpreter's own objects a line may create as a side effect (a method descriptor looked up once). */
const INTERNAL_TYPES = new Set(['method_descriptor', 'classmethod_descriptor', 'builtin_function_or_method', 'getset_descriptor', 'member_descriptor', 'wrapper_descriptor', 'code', 'module']);

/** Objects a learner looks at come first: containers and instances, then classes and functions, then atoms. */
const FAMILY_ORDER: Record<ViewObject['family'], number> = { container: 0, instance: 0, other: 1, frame: 1, class: 2, callable: 3, atom: 4 };

/**
 * The effects of the step a view shows, most telling first: collections, frees, new
 * garbage, allocations, count changes. Bookkeeping is left out: a namespace's key strings
 * (`key 'x'`) and the interpreter's own descriptors.
 */
export function effectsOfView(view: HeapView): LineEffect[] {
  const byId = new Map(view.objects.map((o) => [o.id, o]));
  const isKey = (o: ViewObject): boolean => o.type === 'str' && o.referrers.length > 0 && o.referrers.every((r) => r.label.startsWith('key '));
  const interesting = (o: ViewObject | undefined): o is ViewObject => o !== undefined && !INTERNAL_TYPES.has(o.type) && o.gc.kind !== 'immortal';
  const rank = (o: ViewObject): number => FAMILY_ORDER[o.family] ?? 1;
  const effects: LineEffect[] = [];
  for (const c of view.collections) effects.push({ kind: 'collected', generation: c.generation, collected: c.collected, reason: c.reason });
  if (view.changes.freed.length > 0) effects.push({ kind: 'freed', names: view.changes.freed.map((o) => o.name) });
  if (view.changes.refcounts.some((c) => c.delta < 0 && byId.get(c.id)?.garbage)) effects.push({ kind: 'garbage', count: view.objects.filter((o) => o.garbage).length });
  // New objects the program can reach (from a frame, not through the insides of classes,
  // functions and modules) are named when a frame or an older object holds them, counted
  // as nested when only other new objects do; a new module's namespace is one "import";
  // anything else is the interpreter's bookkeeping (descriptors, subclass lists) and left out.
  const created = new Set(view.changes.allocated);
  const reachable = reachableFromFrames(view, byId);
  const frames = new Set(view.frames.map((f) => f.id));
  const modules = new Set<string>();
  let nested = 0;
  const named: ViewObject[] = [];
  for (const id of created) {
    const o = byId.get(id);
    if (!o || !interesting(o) || isKey(o)) continue;
    const module = o.referrers.map((r) => byId.get(r.holder)).find((h) => h?.type === 'module');
    if (module) {
      modules.add(/<module '([^']+)'/.exec(module.value)?.[1] ?? module.name);
      nested++;
      continue;
    }
    if (!reachable.has(id)) continue;
    if (o.referrers.some((r) => frames.has(r.holder) || (reachable.has(r.holder) && !created.has(r.holder)))) named.push(o);
    else nested++;
  }
  for (const o of named.sort((a, b) => rank(a) - rank(b))) effects.push({ kind: 'allocated', name: o.name });
  if (modules.size > 0) effects.push({ kind: 'imported', module: [...modules].join(', '), count: nested });
  else if (nested > 0) effects.push({ kind: 'nested', count: nested });
  const changed = view.changes.refcounts
    // A new object's count is part of "new"; a key string's count is the namespace's bookkeeping.
    .filter((c) => !created.has(c.id) && !c.causes.every((cause) => cause.label.startsWith('key ')))
    .map((c) => ({ change: c, object: byId.get(c.id) }))
    .filter((e): e is { change: ViewRefcountChange; object: ViewObject } => interesting(e.object))
    .sort((a, b) => rank(a.object) - rank(b.object));
  for (const { change, object } of changed) effects.push({ kind: 'refcount', name: object.name, from: object.refcount - change.delta, to: object.refcount });
  return effects;
}

/** Types whose insides are the interpreter's, not the program's: not entered when finding what frames reach. */
const OPAQUE_TYPES = new Set([...INTERNAL_TYPES, 'type', 'function']);

function reachableFromFrames(view: HeapView, byId: ReadonlyMap<number, ViewObject>): Set<number> {
  const seen = new Set<number>();
  const stack = view.frames.flatMap((f) => f.variables.map((v) => v.target));
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const o = byId.get(id);
    if (o && !OPAQUE_TYPES.has(o.type)) for (const r of o.references) if (!seen.has(r.target)) stack.push(r.target);
  }
  return seen;
}

function effectText(effect: LineEffect): string {
  switch (effect.kind) {
    case 'refcount':
      return `${effect.name} rc ${effect.from}→${effect.to}`;
    case 'allocated':
      return `new ${effect.name}`;
    case 'nested':
      return `+${effect.count} nested`;
    case 'imported':
      // The count is left out: the simulation builds a module's namespace on first import,
      // where CPython may have loaded it at start-up (sys always is).
      return `import ${effect.module}`;
    case 'freed':
      return effect.names.length === 1 ? `freed ${effect.names[0]}` : `freed ${effect.names.length}`;
    case 'collected':
      return `gc${effect.reason === 'automatic' ? ' (auto)' : ''}: collected ${effect.collected}`;
    case 'garbage':
      return `cycle garbage ${effect.count}`;
  }
}

/** The hint's text: up to `maxItems` effects, the rest counted, and how often the line ran. Empty when the line changed nothing. */
export function formatLineEffects(line: LineEffects, maxItems = 4): string {
  if (line.effects.length === 0) return line.executions > 1 ? `ran ${line.executions}×` : '';
  const shown = line.effects.slice(0, maxItems).map(effectText);
  const rest = line.effects.length - shown.length;
  if (rest > 0) shown.push(`+${rest} more`);
  return shown.join(' · ') + (line.executions > 1 ? ` (last of ${line.executions} runs)` : '');
}
