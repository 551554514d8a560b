import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import { fixture, FIXTURES, Harness, type PanelPage } from './harness';
import type { ThemeName } from './themes';

/**
 * Every fixture, drawn in a dark and a light theme: no page error, no CSP violation, one
 * box per object. The screenshots are what a person reviews (test-results/screenshots/webview).
 */
describe('Heap Inspector gallery: every fixture in both themes (Chromium)', function () {
  this.timeout(120000);
  let harness: Harness;
  const names = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5));

  before(async () => {
    harness = await Harness.start();
  });
  after(async () => {
    await harness?.stop();
  });

  it('fits a narrow panel: the details move under the picture', async () => {
    const panel = await harness.open({ theme: 'light', width: 520, height: 820 });
    try {
      await panel.show(fixture('node-03-gc-run'));
      const side = await panel.page.$eval('.side', (e) => e.getBoundingClientRect().toJSON() as DOMRect);
      const content = await panel.page.$eval('.content', (e) => e.getBoundingClientRect().toJSON() as DOMRect);
      assert.ok(side.top >= content.bottom - 1, 'the side column sits below the picture');
      await panel.screenshot('narrow-node-03-gc-run-light');
    } finally {
      await panel.close();
    }
  });

  it('stays legible in a high-contrast theme', async () => {
    const panel = await harness.open({ theme: 'hc-dark' });
    try {
      for (const name of ['two-nodes-02-deleted', 'node-03-gc-run']) {
        await panel.show(fixture(name));
        const border = await panel.page.$eval('.obj .box', (e) => getComputedStyle(e).stroke);
        assert.equal(border, 'rgb(111, 195, 223)', 'boxes take contrastBorder');
        await panel.screenshot(`${name}-hc-dark`);
      }
    } finally {
      await panel.close();
    }
  });

  for (const theme of ['dark', 'light'] as ThemeName[]) {
    describe(`${theme} theme`, () => {
      let panel: PanelPage;
      before(async () => {
        panel = await harness.open({ theme });
      });
      after(async () => {
        await panel?.close();
      });
      for (const name of names) {
        it(`draws ${name}`, async () => {
          const view = fixture(name);
          await panel.show(view);
          const mode = await panel.page.$eval('.app', (e) => (e as HTMLElement).dataset.mode);
          if (mode === 'picture') {
            const drawn = await panel.page.$$eval('.picture .obj', (els) => els.length);
            const folded = await panel.page.$eval('.picture', (e) => Number(e.getAttribute('data-folded')));
            assert.equal(drawn + folded, view.objects.length + view.changes.freed.length, 'every object is drawn or folded in a collapsed container');
          } else {
            const rows = await panel.page.$$eval('.object-list tbody tr', (els) => els.length);
            assert.equal(rows, view.objects.length + view.changes.freed.length);
          }
          await panel.screenshot(`${name}-${theme}`);
          assert.deepEqual(panel.errors, []);
          assert.deepEqual(await panel.cspViolations(), []);
        });
      }
    });
  }
});
