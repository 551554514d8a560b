import { strict as assert } from 'node:assert';
import { fixture, Harness, type PanelPage } from './harness';

interface Row {
  id: number;
  name: string;
  type: string;
  refcount: number;
  gc: string;
}

async function rows(panel: PanelPage): Promise<Row[]> {
  return panel.page.$$eval('.object-list tbody tr', (els) =>
    els.map((tr) => ({
      id: Number(tr.getAttribute('data-id')),
      name: tr.querySelector('.name')?.firstChild?.textContent ?? '',
      type: tr.querySelector('.type')?.textContent ?? '',
      refcount: Number(tr.querySelector('.badge-cell')?.getAttribute('data-refcount')),
      gc: tr.querySelector('.gc')?.textContent ?? '',
    })),
  );
}

const GC_ORDER = ['gen 0', 'gen 1', 'gen 2', 'permanent', 'untracked', 'immortal'];

describe('Heap Inspector list view (Chromium)', function () {
  this.timeout(120000);
  let harness: Harness;
  let panel: PanelPage;

  before(async () => {
    harness = await Harness.start();
    panel = await harness.open({ theme: 'light' });
  });
  after(async () => {
    await harness?.stop();
  });
  afterEach(async () => {
    assert.deepEqual(panel.errors, []);
    assert.deepEqual(await panel.cspViolations(), []);
  });

  it('opens a 1,000-object heap as a list, sorted by refcount', async () => {
    const view = fixture('large-1000');
    await panel.show(view);
    assert.equal(await panel.page.$eval('.app', (e) => (e as HTMLElement).dataset.mode), 'list');
    assert.equal(await panel.page.$eval('.segment[data-mode="list"]', (e) => e.getAttribute('aria-pressed')), 'true');
    const all = await rows(panel);
    assert.equal(all.length, 1000);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].refcount >= all[i].refcount, 'refcount descending');
    assert.equal(await panel.page.$eval('th[aria-sort="descending"] button', (e) => e.getAttribute('data-sort')), 'refcount');
    await panel.screenshot('list-large-light');
  });

  it('restores the list and its scroll position after a reload', async () => {
    await panel.page.$eval('.list-host', (e) => (e.scrollTop = 4000));
    await panel.page.waitForFunction(() => (window as unknown as { __state: { listScroll: number } | null }).__state?.listScroll === 4000);
    const saved = await panel.page.evaluate(() => (window as unknown as { __state: unknown }).__state);
    const again = await harness.open({ theme: 'light', state: saved });
    try {
      await again.page.waitForSelector('.object-list tbody tr');
      assert.equal(await again.page.$eval('.list-host', (e) => e.scrollTop), 4000);
    } finally {
      await again.close();
    }
  });

  it('sorts by type and by generation, and toggles the direction', async () => {
    await panel.page.click('button[data-sort="type"]');
    let all = await rows(panel);
    for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].type.localeCompare(all[i].type, 'en', { numeric: true }) <= 0, 'type ascending');
    await panel.page.click('button[data-sort="type"]');
    all = await rows(panel);
    assert.ok(all[0].type.localeCompare(all[all.length - 1].type) > 0, 'type descending after a second click');
    await panel.page.click('button[data-sort="generation"]');
    all = await rows(panel);
    for (let i = 1; i < all.length; i++) assert.ok(GC_ORDER.indexOf(all[i - 1].gc) <= GC_ORDER.indexOf(all[i].gc), `generation ascending: ${all[i - 1].gc} then ${all[i].gc}`);
    assert.equal(all[0].gc, 'gen 0');
    assert.equal(all[all.length - 1].gc, 'immortal');
  });

  it('filters rows and marks garbage', async () => {
    await panel.page.fill('.search', 'Record');
    const all = await rows(panel);
    assert.ok(all.length > 200 && all.every((r) => /record/i.test(`${r.name} ${r.type}`)));
    await panel.page.fill('.search', '');
    const garbage = await panel.page.$$eval('.object-list tr.garbage', (els) => els.length);
    assert.equal(garbage, fixture('large-1000').objects.filter((o) => o.garbage).length);
  });

  it('keeps the picture available: collapsed containers fold most of 1,000 objects, Expand all draws them', async () => {
    const count = await panel.page.$eval('.app', (e) => Number((e as HTMLElement).dataset.renderCount));
    await panel.page.click('.segment[data-mode="picture"]');
    await panel.page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('.app')?.dataset.renderCount) > n, count, { timeout: 90000 });
    const drawn = await panel.page.$$eval('.picture .obj', (els) => els.length);
    const folded = await panel.page.$eval('.picture', (e) => Number(e.getAttribute('data-folded')));
    assert.equal(drawn + folded, 1000);
    assert.ok(drawn < 200, `a readable picture (${drawn} boxes)`);
    assert.match(await panel.page.$eval('.folded-notice', (e) => e.textContent ?? ''), new RegExp(`Showing ${drawn} of 1,000 objects`));
    // Garbage is never folded away.
    assert.equal(await panel.page.$$eval('.picture .obj.garbage', (els) => els.length), fixture('large-1000').objects.filter((o) => o.garbage).length);
    const folding = await panel.page.$eval('.app', (e) => `${(e as HTMLElement).dataset.renderMs} (scene ${(e as HTMLElement).dataset.sceneMs}, ELK ${(e as HTMLElement).dataset.elkMs})`);
    await panel.screenshot('picture-large-folded-light');
    const again = await panel.page.$eval('.app', (e) => Number((e as HTMLElement).dataset.renderCount));
    await panel.page.click('.folded-notice [data-action="expand-all"]');
    await panel.page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('.app')?.dataset.renderCount) > n, again, { timeout: 90000 });
    assert.equal(await panel.page.$$eval('.picture .obj', (els) => els.length), 1000);
    assert.ok(await panel.page.$eval('.folded-notice', (e) => (e as HTMLElement).hidden));
    const ms = await panel.page.$eval('.app', (e) => `${(e as HTMLElement).dataset.renderMs} (scene ${(e as HTMLElement).dataset.sceneMs}, ELK ${(e as HTMLElement).dataset.elkMs})`);
    console.log(`      (1,000-object heap: folded picture ${folding} ms, fully expanded ${ms} ms)`);
    await panel.screenshot('picture-large-expanded-light');
    await panel.page.click('.segment[data-mode="list"]');
  });

  it('shows small heaps as a list too, with the same facts as the picture', async () => {
    await panel.page.click('.segment[data-mode="list"]');
    await panel.show(fixture('alias-02-b-alias'));
    const list = (await rows(panel)).find((r) => r.id === 20);
    assert.deepEqual(list, { id: 20, name: 'list#20', type: 'list', refcount: 2, gc: 'gen 0' });
    assert.equal(await panel.page.$eval('tr[data-id="20"] .referrers-cell', (e) => e.textContent), 'a and b');
    assert.equal(await panel.page.$eval('tr[data-id="20"] .delta', (e) => e.textContent), '+1');
    await panel.page.focus('tr[data-id="20"]');
    await panel.page.keyboard.press('Enter');
    await panel.page.waitForSelector('.popover:not([hidden])');
    assert.equal(await panel.page.$$eval('.popover .referrers li', (els) => els.length), 2);
    await panel.screenshot('list-small-light');
  });
});
