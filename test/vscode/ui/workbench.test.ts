// The packaged extension as a user installs it: the examples workspace opens, and the
// Extensions view lists HeapScope among the installed extensions. (One *.test.ts per flow
// next to this file, each opening its own page with openWorkbench().)
import { strict as assert } from 'node:assert';
import { readdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  openFileFromExplorer,
  openWorkbench,
  screenshot,
  showInstalledExtension,
} from '../../../scripts/vscode/openWorkbench.mjs';
import { examplesDir, workbenchUrl } from './environment';

describe('HeapScope in a real VS Code workbench (code-server in Chromium)', function () {
  this.timeout(180_000);
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    page = await openWorkbench(browser, workbenchUrl());
  });
  after(async () => {
    await browser?.close();
  });

  it('opens the examples workspace and lists HeapScope as installed', async () => {
    const example = readdirSync(examplesDir()).filter((name) => name.endsWith('.py')).sort()[0];
    assert.ok(example, 'the examples folder has Python files');
    await openFileFromExplorer(page, example, { language: 'Python' });
    await screenshot(page, 'ui-examples-workspace');

    const entry = await showInstalledExtension(page, 'HeapScope');
    assert.match(entry, /\bheapscope\b/, 'the installed entry names the publisher');
    await screenshot(page, 'ui-heapscope-installed');
  });
});
