// The web extension: HeapScope's browser entry in VS Code's web worker extension host (where
// vscode.dev and github.dev run extensions). test.mjs serves the packaged extension with a
// manifest that has no `main` and test/vscode/web/ as its tests; this runs them, then looks at
// what they left on screen: the Heap Inspector, drawn from the web worker's simulation.
import { strict as assert } from 'node:assert';
import { format } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, runCommand, screenshot, viewport, waitForWorkbench } from '../../../scripts/vscode/openWorkbench.mjs';
import { webWorkerWorkbenchUrl } from './environment';
import { readPicture, waitForDrawn, boxesOfType } from './inspector';

describe('The web extension in the web worker extension host', function () {
  this.timeout(180_000);
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
  });
  afterEach(async function () {
    // What the window showed when a test failed, next to the screenshots of passing states.
    if (this.currentTest?.state === 'failed' && page) await screenshot(page, `FAILED-${this.currentTest.title}`);
  });
  after(async () => {
    await browser?.close();
  });

  it('passes its checks there and draws the Heap Inspector', async () => {
    page = await (await browser.newContext({ viewport: { ...viewport } })).newPage();
    const log: string[] = [];
    let passed: () => void = () => {};
    const checksPassed = new Promise<void>((resolve) => (passed = resolve));
    let finish: (code: number) => void = () => {};
    const exited = new Promise<number>((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      log.push(line);
      if (/^web worker host: \d+ passing/.test(line)) passed();
    });
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    await page.goto(webWorkerWorkbenchUrl());
    await waitForWorkbench(page);
    const report = () => log.filter((line) => /^\s*[✓✗]|web worker host/.test(line)).join('\n') || log.slice(-30).join('\n');
    // The checks either pass (and wait for the panel to be closed) or fail (and exit).
    const early = await Promise.race([checksPassed.then(() => null), exited]);
    assert.equal(early, null, `the checks in the web worker host failed:\n${report()}`);
    assert.match(report(), /✓ runs in a web worker, without Node/);
    assert.match(report(), /web worker host: 4 passing/);

    // The panel the checks left open, drawn from the web worker's simulation.
    await waitForDrawn(page, 'circular_nodes.py:20 3.12 run 1/1 gc 1');
    const picture = await readPicture(page);
    assert.equal(boxesOfType(picture, 'Node').filter((node) => node.freed).length, 2);
    await screenshot(page, 'web-worker-01-heap-inspector');

    // Where a person sees which host runs an extension.
    await runCommand(page, 'Developer: Show Running Extensions');
    const running = page.locator('.runtime-extensions-editor');
    const list = running.locator('.monaco-list').first();
    await running.locator('.monaco-list-row').first().waitFor({ state: 'visible' });
    // A virtual list in activation order: rows out of view are not in the page at all. Scroll
    // it with the wheel, as a person would, until HeapScope's row is there and whole.
    const row = running.locator('.monaco-list-row', { hasText: 'HeapScope' }).first();
    for (let turns = 0; ; turns++) {
      const listBox = await list.boundingBox();
      const rowBox = (await row.count()) > 0 ? await row.boundingBox() : null;
      if (!listBox) throw new Error('the Running Extensions list has no box');
      if (rowBox && rowBox.y >= listBox.y && rowBox.y + rowBox.height <= listBox.y + listBox.height) break;
      if (turns >= 40) throw new Error('HeapScope is not among the running extensions');
      await page.mouse.move(listBox.x + listBox.width / 2, listBox.y + listBox.height / 2);
      await page.mouse.wheel(0, rowBox && rowBox.y < listBox.y ? -100 : 100);
      await page.waitForTimeout(50); // let the list re-render
    }
    const entry = await row.innerText();
    assert.match(entry, /Web Worker/i, entry);
    await screenshot(page, 'web-worker-02-running-extensions');
    // The workbench shows it as a modal editor over the others.
    await page.keyboard.press('Escape');
    await running.waitFor({ state: 'hidden' });

    // Closing the Heap Inspector ends the run; the workbench then reports its outcome.
    const tab = page.locator('.part.editor .tab', { hasText: 'Heap Inspector' }).first();
    await tab.hover();
    await tab.locator('.action-label.codicon-close, .tab-actions .action-label').first().click();
    assert.equal(await exited, 0, `the web worker host run did not end cleanly:\n${report()}`);
  });
});
