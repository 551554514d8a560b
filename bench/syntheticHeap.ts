import type { HeapView, ViewObject, ViewReferrer } from '../src/protocol';

/** A consistent heap of about `n` objects: a list of records, each with an id and a tags list. */
export function syntheticHeap(n: number, seed: number): HeapView {
  const objects: Omit<ViewObject, 'referrers' | 'refcount'>[] = [];
  const external = new Map<number, number>();
  const base = { family: 'atom' as const, garbage: false, finalized: false, externalRefs: 0 };
  const tags = [1, 2, 3].map((i) => ({ ...base, id: i, type: 'str', value: `'tag${i}'`, name: `str 'tag${i}'`, gc: { kind: 'immortal' as const }, references: [] }));
  objects.push(...tags);
  const cls = { ...base, id: 4, type: 'type', family: 'class' as const, value: "<class 'Record'>", name: 'Record', gc: { kind: 'generation' as const, generation: 2, label: 'gen 2' }, references: [], externalRefs: 3 };
  external.set(4, 3);
  objects.push(cls);
  const items: { label: string; target: number }[] = [];
  let id = 10;
  while (objects.length + 4 <= n - 1) {
    const rec = id++;
    const num = id++;
    const tagList = id++;
    objects.push({ ...base, id: num, type: 'int', value: String(1000 + rec + seed), name: `int ${1000 + rec}`, gc: { kind: 'untracked' }, references: [] });
    objects.push({ ...base, id: tagList, type: 'list', family: 'container', value: "['tag1', 'tag2']", name: `list#${tagList}`, gc: { kind: 'generation', generation: 0, label: 'gen 0' }, references: [{ label: '[0]', target: 1 + (rec % 3) }, { label: '[1]', target: 1 + ((rec + 1) % 3) }] });
    objects.push({ ...base, id: rec, type: 'Record', family: 'instance', value: '<Record>', name: `Record#${rec}`, gc: { kind: 'generation', generation: 0, label: 'gen 0' }, references: [{ label: '.id', target: num }, { label: '.tags', target: tagList }, { label: '__class__', target: 4 }] });
    items.push({ label: `[${items.length}]`, target: rec });
  }
  objects.push({ ...base, id: 5, type: 'list', family: 'container', value: '[…]', name: 'items', gc: { kind: 'generation', generation: 0, label: 'gen 0' }, references: items, length: items.length });
  const frames = [{ id: 900, name: '<module>', kind: 'module' as const, variables: [{ label: 'Record', target: 4 }, { label: 'items', target: 5 }] }];
  const referrers = new Map<number, ViewReferrer[]>();
  const add = (holder: number, holderName: string, label: string, target: number) => referrers.set(target, [...(referrers.get(target) ?? []), { holder, holderName, label, hidden: false }]);
  for (const f of frames) for (const v of f.variables) add(f.id, '<module> globals', v.label, v.target);
  for (const o of objects) for (const r of o.references) add(o.id, o.name, r.label, r.target);
  const full: ViewObject[] = objects.map((o) => {
    const refs = referrers.get(o.id) ?? [];
    return { ...o, referrers: refs, refcount: o.gc.kind === 'immortal' ? 4294967295 : refs.length + (external.get(o.id) ?? 0) };
  });
  return {
    version: '3.12',
    source: { uri: 'file:///bench.py', fileName: 'bench.py', line: 9, lineText: 'items.append(Record(i))' },
    execution: { index: 1 + seed, count: 10 },
    frames,
    hidden: [],
    objects: full,
    changes: { allocated: [], freed: [], transient: 0, refcounts: [] },
    gc: { scheme: 'generational', counts: [n % 700, 0, 0], thresholds: [700, 10, 10], enabled: true, generationLabels: ['gen 0', 'gen 1', 'gen 2'] },
    collections: [],
    stdout: '',
    stderr: '',
    status: { kind: 'complete' },
  };
}

