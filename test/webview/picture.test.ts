import { strict as assert } from 'node:assert';
import type { HeapView } from '../../src/protocol';
import { fixture, Harness, type PanelPage } from './harness';

interface DrawnBox {
  id: number;
  type: string;
  refcount: string;
  badge: string;
  gc: string;
  value: string;
  classes: string[];
  aria: string;
  badgeTitle: string;
}

async function boxes(panel: PanelPage): Promise<DrawnBox[]> {
  return panel.page.$$eval('.picture .obj', (els) =>
    els.map((e) => ({
      id: Number(e.getAttribute('data-id')),
      type: e.getAttribute('data-type') ?? '',
      refcount: e.getAttribute('data-refcount') ?? '',
      badge: e.querySelector('.badge text')?.textContent ?? '',
      gc: e.querySelector('.gc-chip text')?.textContent ?? '',
      value: e.querySelector('.value')?.textContent ?? '',
      classes: Array.from(e.classList),
      aria: e.getAttribute('aria-label') ?? '',
      badgeTitle: e.querySelector('.badge title')?.textContent ?? '',
    })),
  );
}

async function arrows(panel: PanelPage): Promise<{ from: string; to: string; label: string; classes: string[]; d: string }[]> {
  return panel.page.$$eval('.picture .edge', (els) =>
    els.map((e) => ({ from: e.getAttribute('data-from') ?? '', to: e.getAttribute('data-to') ?? '', label: e.getAttribute('data-label') ?? '', classes: Array.from(e.classList), d: e.querySelector('.line')?.getAttribute('d') ?? '' })),
  );
}

/** Every reference in a view that the picture must draw as an arrow. */
function expectedArrowCount(view: HeapView): number {
  const present = new Set([...view.objects, ...view.changes.freed].map((o) => o.id));
  let n = 0;
  for (const f of view.frames) n += f.variables.filter((v) => present.has(v.target)).length;
  for (const o of [...view.objects, ...view.changes.freed]) n += o.references.filter((r) => present.has(r.target)).length;
  return n;
}

describe('Heap Inspector picture (Chromium)', function () {
  this.timeout(60000);
  let harness: Harness;
  let panel: PanelPage;

  before(async () => {
    harness = await Harness.start();
    panel = await harness.open({ theme: 'dark' });
  });
  after(async () => {
    await harness?.stop();
  });
  afterEach(async () => {
    assert.deepEqual(panel.errors, [], 'no page errors');
    assert.deepEqual(await panel.cspViolations(), [], 'no CSP violations');
  });

  it('a = []; b = a; del b: the badge goes 1 → 2 → 1, one arrow per name', async () => {
    const steps: [string, string, number, string | null][] = [
      ['alias-01-a-list', '1', 1, '+1'],
      ['alias-02-b-alias', '2', 2, '+1'],
      ['alias-03-del-b', '1', 1, '−1'],
    ];
    for (const [name, refcount, arrowsToList, delta] of steps) {
      const view = fixture(name);
      await panel.show(view);
      const list = (await boxes(panel)).find((b) => b.id === 20);
      assert.ok(list, `${name}: the list is drawn`);
      assert.equal(list.type, 'list');
      assert.equal(list.value, '[]');
      assert.equal(list.badge, refcount);
      assert.equal(list.refcount, refcount);
      assert.equal(list.gc, 'gen 0');
      const all = await arrows(panel);
      assert.equal(all.length, expectedArrowCount(view), `${name}: an arrow for every reference`);
      assert.equal(all.filter((a) => a.from === 'frame:1' && a.to === '20').length, arrowsToList);
      const chip = await panel.page.$eval('.obj[data-id="20"] .delta text', (e) => e.textContent).catch(() => null);
      assert.equal(chip, delta);
      await panel.screenshot(`${name}-dark-test`);
    }
  });

  it('labels each box for screen readers and explains the badge with every referrer', async () => {
    await panel.show(fixture('alias-02-b-alias'));
    const list = (await boxes(panel)).find((b) => b.id === 20);
    assert.ok(list?.aria.startsWith('list, refcount 2, generation 0, referenced by a and b'), list?.aria);
    const all = await boxes(panel);
    for (const b of all) {
      // The badge always adds up: referrers + external = refcount (mortal objects).
      if (b.gc !== 'immortal') assert.match(b.badgeTitle, new RegExp(`^refcount ${b.refcount} = `), b.badgeTitle);
      assert.doesNotMatch(b.badgeTitle, /the view says/);
    }
    const sys = all.find((b) => b.id === 10);
    assert.match(sys?.badgeTitle ?? '', /refcount 59 = 1 reference \+ 58 held by the interpreter/);
    // Counts the picture cannot show as arrows are flagged on the badge.
    assert.equal(await panel.page.$eval('.obj[data-id="10"] .badge-undrawn', (e) => e.getAttribute('data-undrawn')), '58');
    assert.equal(await panel.page.$$eval('.obj[data-id="20"] .badge-undrawn', (els) => els.length), 0);
  });

  it('draws arrows from slots, attributes and dict entries (x, y, z of the objgraph example)', async () => {
    const view = fixture('objgraph-topology');
    await panel.show(view);
    const all = await arrows(panel);
    assert.equal(all.length, expectedArrowCount(view));
    const from = (holder: number) => all.filter((a) => a.from === `object:${holder}`).map((a) => `${a.label}->${a.to}`).sort();
    assert.deepEqual(from(64), ['[0]->60', '[1]->61']);
    assert.deepEqual(from(62), ["['key1']->60", "key 'key1'->65"]);
    // Each arrow starts at its row's port: the path begins on the box's right edge.
    const ports = await panel.page.$$eval('.obj[data-id="64"] .row .port', (els) => els.map((e) => Number(e.getAttribute('cy'))));
    assert.equal(ports.length, 2);
    assert.ok(ports[1] > ports[0]);
    const drawn = await boxes(panel);
    assert.deepEqual(drawn.filter((b) => b.classes.includes('allocated')).map((b) => b.id).sort(), [63, 64]);
    const ints = drawn.filter((b) => b.type === 'int');
    assert.equal(ints.length, 3);
    for (const i of ints) {
      assert.equal(i.badge, '∞');
      assert.equal(i.refcount, '4294967295');
      assert.ok(i.classes.includes('gc-immortal'));
    }
    const x = drawn.find((b) => b.id === 60);
    assert.equal(x?.badge, '4');
  });

  it('sets cycle garbage apart: the region holds exactly the garbage objects and shows the cycle', async () => {
    const view = fixture('two-nodes-02-deleted');
    await panel.show(view);
    const region = await panel.page.$eval('.garbage-region rect', (r) => {
      const b = (r as SVGRectElement).getBBox();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    });
    const inside = await panel.page.$$eval('.picture .obj', (els) =>
      els.map((e) => {
        const t = (e as SVGGElement).transform.baseVal.consolidate()?.matrix;
        const box = e.querySelector('.box') as SVGRectElement;
        return { id: Number(e.getAttribute('data-id')), x: t?.e ?? 0, y: t?.f ?? 0, w: box.width.baseVal.value, h: box.height.baseVal.value };
      }),
    );
    const within = inside.filter((b) => b.x >= region.x && b.y >= region.y && b.x + b.w <= region.x + region.w && b.y + b.h <= region.y + region.h).map((b) => b.id).sort();
    const garbage = view.objects.filter((o) => o.garbage).map((o) => o.id).sort();
    assert.deepEqual(within, garbage);
    assert.equal(await panel.page.$eval('.garbage-region', (g) => g.getAttribute('data-count')), String(garbage.length));
    const cycle = (await arrows(panel)).filter((a) => a.classes.includes('edge-garbage'));
    assert.deepEqual(cycle.map((a) => `${a.from}->${a.to}`).sort(), ['object:42->43', 'object:43->42']);
    await panel.screenshot('two-nodes-garbage-test');
  });

  it('draws freed objects fading out, and the self-cycle the collector freed', async () => {
    await panel.show(fixture('rebind-frees'));
    const freed = await panel.page.$eval('.obj.freed', (e) => ({ id: e.getAttribute('data-id'), animation: getComputedStyle(e).animationName }));
    assert.deepEqual(freed, { id: '73', animation: 'hs-fade' });
    await panel.page.$eval('.obj.freed', (e) => Promise.all(e.getAnimations().map((a) => a.finished)));
    const opacity = await panel.page.$eval('.obj.freed', (e) => Number(getComputedStyle(e).opacity));
    assert.ok(opacity > 0.2 && opacity < 0.5, `freed objects end faded (${opacity})`);
    const freedArrow = (await arrows(panel)).find((a) => a.from === 'object:73');
    assert.ok(freedArrow?.classes.includes('edge-freed'));
  });

  it('steps through a collection: phases in order, gc_refs on the boxes, the unreachable set marked', async () => {
    const view = fixture('node-03-gc-run');
    await panel.show(view);
    const names = await panel.page.$$eval('.gc-stepper .step', (els) => els.map((e) => e.getAttribute('data-phase')));
    assert.deepEqual(names, view.collections[0].phases.map((p) => p.name));
    assert.equal(await panel.page.$eval('.gc-stepper [data-collected]', (e) => e.getAttribute('data-collected')), '1');
    const next = '.gc-stepper [data-action="next-phase"]';
    await panel.page.click(next); // updateRefs
    assert.equal(await panel.page.$eval('.obj[data-id="32"] .gcrefs text', (e) => e.textContent), 'gc_refs 1');
    await panel.page.click(next); // subtractRefs
    assert.equal(await panel.page.$eval('.phase-detail', (e) => e.getAttribute('data-phase')), 'subtractRefs');
    assert.equal(await panel.page.$eval('.obj[data-id="32"] .gcrefs text', (e) => e.textContent), 'gc_refs 0');
    assert.equal(await panel.page.$eval('.obj[data-id="30"] .gcrefs text', (e) => e.textContent), 'gc_refs 3');
    await panel.page.click(next); // moveUnreachable
    assert.ok(await panel.page.$eval('.obj[data-id="32"]', (e) => e.classList.contains('unreachable-set')));
    assert.ok(!(await panel.page.$eval('.obj[data-id="20"]', (e) => e.classList.contains('unreachable-set'))));
    assert.equal(await panel.page.$eval('.phase-explanation', (e) => e.textContent), view.collections[0].phases[3].explanation);
    await panel.screenshot('gc-stepper-move-unreachable-dark');
    await panel.page.click('.gc-stepper .step[data-phase="deleteGarbage"]');
    assert.equal(await panel.page.$eval('.step[aria-current="step"]', (e) => e.getAttribute('data-phase')), 'deleteGarbage');
    assert.ok(await panel.page.$eval('.obj[data-id="32"]', (e) => e.classList.contains('freed') && e.classList.contains('in-phase')));
  });

  it('shows the execution "3 of 10" and posts selectExecution for previous and next', async () => {
    await panel.show(fixture('loop-execution'));
    assert.equal(await panel.page.$eval('.execution-text', (e) => e.textContent), '3 of 10');
    await panel.page.click('[data-action="next-execution"]');
    await panel.page.click('[data-action="prev-execution"]');
    const posted = (await panel.posted()).filter((m) => m.kind === 'selectExecution');
    assert.deepEqual(posted.slice(-2), [
      { kind: 'selectExecution', index: 4 },
      { kind: 'selectExecution', index: 2 },
    ]);
    await panel.page.click('.source');
    assert.deepEqual((await panel.posted()).at(-1), { kind: 'revealLine', line: 3 });
  });

  it('renders user strings literally (no markup from values, names or file names)', async () => {
    const view = fixture('xss-strings');
    await panel.show(view);
    assert.equal(await panel.page.$$eval('img, script:not([src]):not([nonce])', (els) => els.length), 0);
    const str = (await boxes(panel)).find((b) => b.id === 131);
    assert.equal(str?.value, "'<img src=x onerror=alert(1)>'");
    assert.equal(await panel.page.$eval('.file-name', (e) => e.textContent), '<script>alert(1)</script>.py:1');
    assert.equal(await panel.page.$eval('.output .stdout', (e) => e.textContent), '<img src=x onerror=alert(1)>\n');
    const labels = await panel.page.$$eval('.obj[data-id="130"] .slot-label', (els) => els.map((e) => e.textContent));
    assert.deepEqual(labels, ["key '<img src=x onerror=alert(1)>'", "['<img src=x onerror=alert(1)>']"]);
  });

  it('collapses containers over 20 slots and expands them on request', async () => {
    await panel.show(fixture('big-container'));
    const rows = () => panel.page.$$eval('.obj[data-id="199"] .row', (els) => els.map((e) => e.textContent));
    const collapsed = await rows();
    assert.equal(collapsed.length, 11);
    assert.match(collapsed[10] ?? '', /… 20 more/);
    const count = await panel.page.$eval('.app', (e) => Number((e as HTMLElement).dataset.renderCount));
    await panel.page.click('.obj[data-id="199"] .row-more text');
    await panel.page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('.app')?.dataset.renderCount) > n, count);
    assert.equal((await rows()).length, 30);
  });

  it('unfolds the container of an object the host asks to focus', async () => {
    await panel.show(fixture('alias-01-a-list')); // another line: expansions are forgotten
    await panel.show(fixture('big-container'));
    assert.equal(await panel.page.$$eval('.obj[data-id="225"]', (els) => els.length), 0, 'folded: only a hidden row leads to it');
    assert.equal(await panel.page.$eval('.picture', (e) => e.getAttribute('data-folded')), '40');
    await panel.send({ kind: 'focus', id: 225 });
    await panel.page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === '225', undefined, { timeout: 30000 });
    assert.equal(await panel.page.$eval('.picture', (e) => e.getAttribute('data-folded')), '0');
  });

  it('shows the stop banner, the empty state and the busy state', async () => {
    await panel.show(fixture('stopped-exception'));
    const banner = await panel.page.$eval('.banner[role="alert"]', (e) => e.textContent ?? '');
    assert.match(banner, /exception stopped the program at line 2/);
    assert.match(banner, /AttributeError: 'list' object has no attribute 'missing'/);
    await panel.page.click('[data-action="reveal-stop"]');
    assert.deepEqual((await panel.posted()).at(-1), { kind: 'revealLine', line: 2 });
    await panel.send({ kind: 'busy' });
    await panel.page.waitForSelector('.app.is-busy .busy:not([hidden])');
    assert.match(await panel.page.$eval('.busy', (e) => e.textContent ?? ''), /Updating/);
    await panel.screenshot('busy-dark');
    await panel.sendAndRender({ kind: 'empty', reason: 'This file has no Python snippet.', version: '3.13' });
    assert.ok(!(await panel.page.$eval('.app', (e) => e.classList.contains('is-busy'))));
    assert.match(await panel.page.$eval('.empty-state', (e) => e.textContent ?? ''), /This file has no Python snippet\./);
    await panel.screenshot('empty-dark');
  });

  it('shows the 3.14 generations as young/old, and untracked objects as such', async () => {
    await panel.show(fixture('generations-314'));
    const drawn = await boxes(panel);
    assert.equal(drawn.find((b) => b.id === 96)?.gc, 'young');
    assert.equal(drawn.find((b) => b.id === 95)?.gc, 'old');
    assert.ok(drawn.find((b) => b.id === 95)?.aria.includes('old generation'));
    const meters = await panel.page.$$eval('.meter', (els) => els.map((e) => e.getAttribute('aria-label')));
    assert.deepEqual(meters, ['young: 1 of 2000', 'old: 0 of 10']);
    await panel.page.click('[data-run-gc="2"]');
    assert.deepEqual((await panel.posted()).at(-1), { kind: 'runGc', generation: 2 });
    await panel.show(fixture('constants-310'));
    const str = (await boxes(panel)).find((b) => b.id === 90);
    assert.equal(str?.gc, 'untracked');
    assert.match(str?.badgeTitle ?? '', /co_consts\[0\] — <module> code constants \(not drawn\)/);
  });

  it('navigates with the keyboard and lists every referrer on Enter', async () => {
    await panel.show(fixture('objgraph-topology'));
    await panel.page.focus('.obj[data-id="63"]');
    await panel.page.keyboard.press('ArrowRight');
    const focused = await panel.page.evaluate(() => document.activeElement?.getAttribute('data-id'));
    assert.ok(focused && focused !== '63', 'arrow keys move to a neighbouring box');
    await panel.page.focus('.obj[data-id="60"]');
    await panel.page.keyboard.press('Enter');
    await panel.page.waitForSelector('.popover:not([hidden])');
    const items = await panel.page.$$eval('.popover .referrers li', (els) => els.map((e) => e.textContent ?? ''));
    assert.equal(items.length, 4);
    assert.ok(items.some((t) => t.startsWith('x — <module> globals')));
    assert.match(await panel.page.$eval('.popover-sum', (e) => e.textContent ?? ''), /^refcount 4 = 4 references$/);
    await panel.screenshot('referrers-popover-dark');
    await panel.page.keyboard.press('Escape');
    assert.ok(await panel.page.$eval('.popover', (e) => (e as HTMLElement).hidden));
    assert.equal(await panel.page.evaluate(() => document.activeElement?.getAttribute('data-id')), '60');
  });

  it('filters by name or type, and focuses an object the host asks for', async () => {
    await panel.show(fixture('two-nodes-01-linked'));
    await panel.page.fill('.search', 'str');
    assert.equal(await panel.page.$eval('.matches', (e) => e.textContent), '2 matches');
    assert.deepEqual(await panel.page.$$eval('.obj.match', (els) => els.map((e) => e.getAttribute('data-id')).sort()), ['44', '45']);
    await panel.page.fill('.search', 'node_b');
    assert.deepEqual(await panel.page.$$eval('.obj.match', (els) => els.map((e) => e.getAttribute('data-id'))), ['43']);
    await panel.page.fill('.search', '');
    await panel.send({ kind: 'focus', id: 42 });
    await panel.page.waitForFunction(() => document.activeElement?.getAttribute('data-id') === '42');
    assert.ok(await panel.page.$eval('.obj[data-id="42"]', (e) => e.classList.contains('selected')));
  });

  it('drops unknown host messages with a log line', async () => {
    await panel.send({ kind: 'explode', payload: 1 });
    await panel.send({ kind: 'view', view: { version: '2.7' } });
    await panel.page.waitForFunction(() => (window as unknown as { __posted: { kind: string }[] }).__posted.filter((m) => m.kind === 'log').length >= 2);
    const logs = (await panel.posted()).filter((m) => m.kind === 'log');
    assert.ok(logs.some((m) => m.kind === 'log' && m.level === 'error' && m.message.includes('explode')));
  });

  it('restores the last view, zoom and selection from the saved state', async () => {
    await panel.show(fixture('two-nodes-01-linked'));
    await panel.page.click('.zoom [aria-label="Zoom in"]');
    await panel.page.click('.obj[data-id="43"] .type');
    await panel.page.waitForFunction(() => (window as unknown as { __state: { selected: number } | null }).__state?.selected === 43);
    const saved = await panel.page.evaluate(() => (window as unknown as { __state: unknown }).__state);
    const again = await harness.open({ theme: 'light', state: saved });
    try {
      await again.page.waitForSelector('.picture .obj[data-id="43"].selected');
      const zoom = await again.page.$eval('.picture', (e) => Number(e.getAttribute('data-zoom')));
      assert.ok(Math.abs(zoom - (saved as { zoom: number }).zoom) < 1e-3);
      assert.equal(await again.page.$eval('.file-name', (e) => e.textContent), 'nodes.py:11');
      // The host then replays the same view: nothing the user set up is lost.
      await again.show(fixture('two-nodes-01-linked'));
      assert.ok(Math.abs((await again.page.$eval('.picture', (e) => Number(e.getAttribute('data-zoom')))) - (saved as { zoom: number }).zoom) < 1e-3);
      assert.ok(await again.page.$eval('.obj[data-id="43"]', (e) => e.classList.contains('selected')));
    } finally {
      await again.close();
    }
  });
});
