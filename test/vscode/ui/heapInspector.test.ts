// A person's walk through the seed example with the `Node` cycle (examples/circular_nodes.py)
// in code-server with the packaged .vsix installed: open the file from the explorer, open the
// Heap Inspector from the command palette, move the cursor down line by line and read the
// panel, hover names, run the GC from the palette, switch the Python version in the status
// bar. Each asserted state is saved as a screenshot.
//
// The counts are CPython's (checked with `PYENV_VERSION=3.12.1 python3` and 3.10.13, with
// sys.getrefcount(x) - 1 after each line, gc.is_tracked, and gc.collect() after line 20).
import { strict as assert } from 'node:assert';
import type { Browser, Page } from 'playwright-core';
import {
  activeEditor,
  clickStatusBarItem,
  goToLine,
  hoverText,
  launchBrowser,
  openFileFromExplorer,
  openWorkbench,
  runCommand,
  screenshot,
} from '../../../scripts/vscode/openWorkbench.mjs';
import { workbenchUrl } from './environment';
import { boxOf, boxesOfType, inspector, readPicture, waitForDrawn, waitForEmpty, type Picture } from './inspector';

const FILE = 'circular_nodes.py';

/** What the panel must show after each line of circular_nodes.py (CPython 3.12). */
const LINES: Readonly<Record<number, (picture: Picture) => void>> = {
  11: (p) => {
    // node_a = Node("Alpha"): one new Node, held by its name only, young (generation 0).
    const a = boxOf(p, 'node_a');
    assert.equal(a.type, 'Node');
    assert.equal(a.badge, '1');
    assert.equal(a.gc, 'gen0');
    assert.equal(a.chip, 'gen 0');
    assert.ok(a.tags.includes('new'));
    assert.equal(boxesOfType(p, 'Node').length, 1);
  },
  12: (p) => {
    assert.equal(boxesOfType(p, 'Node').length, 2);
    assert.equal(boxOf(p, 'node_b').badge, '1');
    assert.ok(boxOf(p, 'node_b').tags.includes('new'));
    assert.ok(!boxOf(p, 'node_a').tags.includes('new'));
  },
  14: (p) => {
    // node_a.connection = node_b: node_b is held by its name and by node_a.connection.
    assert.equal(boxOf(p, 'node_a').badge, '1');
    assert.equal(boxOf(p, 'node_b').badge, '2');
  },
  15: (p) => {
    assert.equal(boxOf(p, 'node_a').badge, '2');
    assert.equal(boxOf(p, 'node_b').badge, '2');
    assert.equal(p.garbageCount, 0);
  },
  19: (p) => {
    // del node_a: the name is gone; its Node lives on, held by node_b.connection (reachable).
    assert.equal(p.names.node_a, undefined);
    const nodes = boxesOfType(p, 'Node');
    assert.equal(nodes.length, 2);
    const a = nodes.find((n) => n.id !== p.names.node_b);
    assert.equal(a?.badge, '1');
    assert.equal(a?.garbage, false);
    assert.equal(p.garbageCount, 0);
  },
  20: (p) => {
    // del node_b: each Node is held once, by the other: a cycle only the collector can free.
    assert.deepEqual(Object.keys(p.names), ['Node']);
    const nodes = boxesOfType(p, 'Node');
    assert.equal(nodes.length, 2);
    for (const node of nodes) {
      assert.equal(node.badge, '1');
      assert.equal(node.garbage, true);
      assert.ok(node.tags.includes('unreachable'), `tags: ${node.tags.join(', ')}`);
      assert.equal(node.gc, 'gen0');
    }
    assert.equal(p.garbageCount, 2);
  },
};

describe('The Heap Inspector on the Node cycle, driven like a person', function () {
  this.timeout(180_000);
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    page = await openWorkbench(browser, workbenchUrl());
    await openFileFromExplorer(page, FILE, { language: 'Python' });
    // Room for the panel beside the editor, as one makes it on a laptop screen.
    await runCommand(page, 'View: Close Primary Side Bar');
  });
  afterEach(async function () {
    // What the window showed when a test failed, next to the screenshots of passing states.
    if (this.currentTest?.state === 'failed' && page) await screenshot(page, `FAILED-${this.currentTest.title}`);
  });
  after(async () => {
    await browser?.close();
  });

  it('opens from the command palette on the cursor line', async () => {
    await goToLine(page, 11);
    await runCommand(page, 'HeapScope: Open Heap Inspector');
    await waitForDrawn(page, `${FILE}:11 3.12`);
    const toolbar = inspector(page).locator('.toolbar');
    assert.match(await toolbar.locator('.source').innerText(), /circular_nodes\.py:11\s+node_a = Node\("Alpha"\)/);
    assert.equal(await toolbar.locator('.version').innerText(), 'CPython 3.12');
    await screenshot(page, 'inspector-01-line-11');
    LINES[11](await readPicture(page));
  });

  it('follows the cursor down line by line', async () => {
    await activeEditor(page).locator('textarea, .native-edit-context').first().focus();
    for (let line = 12; line <= 20; line++) {
      await page.keyboard.press('ArrowDown');
      await page.locator('.part.statusbar .statusbar-item', { hasText: `Ln ${line},` }).first().waitFor();
      const check = LINES[line];
      if (!check) {
        // A blank or comment line ran no code: the panel says so instead of a picture.
        await waitForEmpty(page, `Line ${line} has no code`);
        if (line === 13) await screenshot(page, `inspector-02-line-${line}-blank`);
        continue;
      }
      await waitForDrawn(page, `${FILE}:${line} 3.12`);
      await screenshot(page, `inspector-02-line-${line}`);
      check(await readPicture(page));
    }
  });

  it('hovers names and shows their refcount and holders', async () => {
    await goToLine(page, 15);
    await waitForDrawn(page, `${FILE}:15 3.12`);
    // node_b.connection = node_a: node_a is held by its name and by node_b.connection.
    const a = await hoverText(page, 'node_a', { line: 15, contains: 'refcount' });
    assert.match(a, /node_a → Node/);
    assert.match(a, /refcount 2, held by:/);
    assert.match(a, /node_a in <module>/);
    assert.match(a, /Node#\d+\.connection/);
    assert.match(a, /tracked by the cycle collector, gen 0 · reachable/);
    assert.match(a, /HeapScope, after line 15 · CPython 3\.12 \(simulated\)/);
    await screenshot(page, 'inspector-03-hover-node_a');

    // On `del node_b` the name is gone after the line: the hover shows it as it was before.
    await goToLine(page, 20);
    const b = await hoverText(page, 'node_b', { line: 20, contains: 'refcount' });
    assert.match(b, /refcount 2\b/);
    assert.match(b, /unbound after this line/);
    await screenshot(page, 'inspector-04-hover-del-node_b');
    await page.keyboard.press('Escape');
  });

  it('runs the GC from the command palette and shows the result and its phases', async () => {
    await goToLine(page, 20);
    await waitForDrawn(page, `${FILE}:20 3.12 run 1/1 gc 0`);
    await runCommand(page, 'HeapScope: Run GC (full) at Cursor');
    await waitForDrawn(page, `${FILE}:20 3.12 run 1/1 gc 1`);
    await screenshot(page, 'inspector-05-gc-phase-1');
    // CPython 3.12.1: gc.collect() after line 20 returns 2.
    const stepper = inspector(page).locator('.gc-stepper');
    assert.match(await stepper.locator('h2').innerText(), /Collection of every generation/i);
    assert.equal(await stepper.locator('.collection-summary [data-collected]').getAttribute('data-collected'), '2');
    const phases = await stepper.locator('.steps .step').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-phase')));
    assert.deepEqual(phases.filter((p) => ['updateRefs', 'subtractRefs', 'moveUnreachable', 'deleteGarbage'].includes(p ?? '')), ['updateRefs', 'subtractRefs', 'moveUnreachable', 'deleteGarbage']);
    await page.locator('.part.statusbar', { hasText: 'gc.collect(2) (generation 2 (full)) after line 20 returns 2' }).waitFor();
    // The collected nodes are drawn as freed.
    const picture = await readPicture(page);
    assert.equal(boxesOfType(picture, 'Node').filter((n) => n.freed).length, 2);

    // Step to "Subtract internal refs": each node's gc_refs drops to 0 (its only reference
    // comes from the other node), so "Find unreachable" moves both out.
    const next = stepper.locator('[data-action="next-phase"]');
    while ((await stepper.locator('.phase-detail').getAttribute('data-phase')) !== 'subtractRefs') await next.click();
    const table = await stepper.locator('.gcrefs-table tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td')).map((td) => td.textContent)));
    const nodeRows = table.filter(([name]) => /^Node#/.test(name ?? ''));
    assert.equal(nodeRows.length, 2, JSON.stringify(table));
    assert.ok(nodeRows.every(([, refs]) => refs === '0'), JSON.stringify(nodeRows));
    await screenshot(page, 'inspector-06-gc-subtract-refs');
    while ((await stepper.locator('.phase-detail').getAttribute('data-phase')) !== 'moveUnreachable') await next.click();
    assert.match(await stepper.locator('.phase-detail').innerText(), /Node#\d+, Node#\d+|Node#\d+.*Node#\d+/s);
    await screenshot(page, 'inspector-07-gc-find-unreachable');
  });

  it('switches the Python version from the status bar', async () => {
    await clickStatusBarItem(page, /CPython 3\.12/);
    const picker = page.locator('.quick-input-widget');
    await picker.waitFor({ state: 'visible' });
    await screenshot(page, 'inspector-08-version-picker');
    await picker.locator('.monaco-list-row', { hasText: 'CPython 3.10' }).first().click();
    await picker.waitFor({ state: 'hidden' });
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'CPython 3.10' }).first().waitFor();
    await waitForDrawn(page, `${FILE}:20 3.10`);
    await screenshot(page, 'inspector-09-python-3.10');
    assert.equal(await inspector(page).locator('.toolbar .version').innerText(), 'CPython 3.10');
    // 3.10 gives every instance a __dict__: the cycle is four objects (CPython 3.10.13's
    // gc.collect() after line 20 returns 4).
    // The dicts' str keys 'name' and 'connection' are not garbage: __init__'s co_names holds them.
    const picture = await readPicture(page);
    const garbage = picture.boxes.filter((box) => box.garbage);
    assert.deepEqual(garbage.map((box) => box.type).sort(), ['Node', 'Node', 'dict', 'dict']);
    assert.ok(garbage.every((box) => box.gc === 'gen0'), JSON.stringify(garbage));
    await runCommand(page, 'HeapScope: Run GC (full) at Cursor');
    await waitForDrawn(page, `${FILE}:20 3.10 run 1/1 gc 1`);
    await screenshot(page, 'inspector-10-python-3.10-gc');
    assert.equal(await inspector(page).locator('.gc-stepper .collection-summary [data-collected]').getAttribute('data-collected'), '4');

    // And back, so the other tests find the default.
    await clickStatusBarItem(page, /CPython 3\.10/);
    await picker.locator('.monaco-list-row', { hasText: 'CPython 3.12' }).first().click();
    await page.locator('.part.statusbar .statusbar-item', { hasText: 'CPython 3.12' }).first().waitFor();
    await waitForDrawn(page, `${FILE}:20 3.12`);
  });
});
