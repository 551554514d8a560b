import { strict as assert } from 'node:assert';
import type { PanelMessage } from '../../src/protocol';
import { fixture, Harness, type PanelPage } from './harness';

async function exportAs(panel: PanelPage, format: 'svg' | 'png', requestId: number): Promise<Extract<PanelMessage, { kind: 'exported' | 'exportFailed' }>> {
  await panel.send({ kind: 'export', format, requestId });
  await panel.page.waitForFunction(
    (id) => (window as unknown as { __posted: { kind: string; requestId?: number }[] }).__posted.some((m) => (m.kind === 'exported' || m.kind === 'exportFailed') && m.requestId === id),
    requestId,
    { timeout: 60000 },
  );
  const reply = (await panel.posted()).find((m) => (m.kind === 'exported' || m.kind === 'exportFailed') && m.requestId === requestId);
  assert.ok(reply && (reply.kind === 'exported' || reply.kind === 'exportFailed'));
  return reply;
}

describe('Heap Inspector export (Chromium)', function () {
  this.timeout(120000);
  let harness: Harness;
  let panel: PanelPage;

  before(async () => {
    harness = await Harness.start();
    panel = await harness.open({ theme: 'dark' });
  });
  after(async () => {
    await harness?.stop();
  });

  it('exports a self-contained SVG with the theme colours resolved', async () => {
    const view = fixture('two-nodes-02-deleted');
    await panel.show(view);
    const reply = await exportAs(panel, 'svg', 1);
    assert.equal(reply.kind, 'exported');
    if (reply.kind !== 'exported') return;
    assert.equal(reply.format, 'svg');
    assert.ok(reply.data.startsWith('<?xml'));
    assert.doesNotMatch(reply.data, /var\(--/);
    assert.doesNotMatch(reply.data, /tabindex/);
    // Parse it in a fresh document, away from the panel's CSS: it must stand on its own.
    const checked = await panel.page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: root.nodeName,
        viewBox: root.getAttribute('viewBox'),
        objects: doc.querySelectorAll('.obj').length,
        garbage: doc.querySelectorAll('.obj.garbage').length,
        edges: doc.querySelectorAll('.edge').length,
        boxFill: doc.querySelector('.obj .box')?.getAttribute('fill'),
        regionStroke: doc.querySelector('.garbage-region rect')?.getAttribute('stroke'),
        background: root.querySelector('rect')?.getAttribute('fill'),
        text: doc.querySelector('.obj .type')?.getAttribute('font-family'),
      };
    }, reply.data);
    assert.equal(checked.error, null);
    assert.equal(checked.root, 'svg');
    assert.match(checked.viewBox ?? '', /^0 0 \d+ \d+$/);
    assert.equal(checked.objects, view.objects.length);
    assert.equal(checked.garbage, 2);
    assert.ok(checked.edges > 0);
    assert.equal(checked.boxFill, 'rgb(32, 32, 32)', 'editorWidget-background of the dark theme');
    assert.equal(checked.regionStroke, 'rgb(241, 76, 76)', 'charts-red of the dark theme');
    assert.equal(checked.background, '#1f1f1f');
    assert.match(checked.text ?? '', /sans-serif/);
  });

  it('exports a PNG data URL that decodes to an image of the picture', async () => {
    const reply = await exportAs(panel, 'png', 2);
    assert.equal(reply.kind, 'exported');
    if (reply.kind !== 'exported') return;
    assert.ok(reply.data.startsWith('data:image/png;base64,'));
    const size = await panel.page.evaluate(async (url) => {
      const img = new Image();
      img.src = url;
      await img.decode();
      return { w: img.naturalWidth, h: img.naturalHeight };
    }, reply.data);
    const bounds = await panel.page.$eval('.picture', (e) => ({ w: Number(e.getAttribute('data-width')), h: Number(e.getAttribute('data-height')) }));
    assert.equal(size.w, Math.round(bounds.w * 2));
    assert.equal(size.h, Math.round(bounds.h * 2));
    const { writeFileSync, mkdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { SCREENSHOTS } = await import('./harness');
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'export-two-nodes-dark.png'), Buffer.from(reply.data.split(',')[1], 'base64'));
  });

  it('exports the picture even while the list is shown, and fails cleanly with nothing to draw', async () => {
    await panel.show(fixture('objgraph-topology'));
    await panel.page.click('.segment[data-mode="list"]');
    const reply = await exportAs(panel, 'svg', 3);
    assert.equal(reply.kind, 'exported');
    if (reply.kind === 'exported') assert.ok(reply.data.includes('data-type="tuple"'));
    await panel.page.click('.segment[data-mode="picture"]');
    await panel.sendAndRender({ kind: 'empty', reason: 'No snippet.', version: '3.12' });
    const failed = await exportAs(panel, 'svg', 4);
    assert.equal(failed.kind, 'exportFailed');
    assert.deepEqual(panel.errors, []);
    assert.deepEqual(await panel.cspViolations(), []);
  });
});
