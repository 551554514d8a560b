// Helpers for UI tests that drive a real VS Code workbench (code-server) in Chromium through
// playwright-core, the way a person would: click a file in the explorer, type in the command
// palette, hover a token, read the hover, look into a webview. Every helper waits on a real
// condition in the page; the only fixed delays are short settle pauses between mouse steps.
//
// This module imports nothing from the repository (only Node and playwright-core), so the UI
// test bundles that esbuild builds from test/vscode/ui/*.test.ts can include it as is.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

/** Chromium flags that work on these machines (root, no GPU, no network but npm and Debian). */
export const chromiumArgs = Object.freeze([
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);

/** The viewport screenshots are taken at. */
export const viewport = Object.freeze({ width: 1400, height: 900 });

/**
 * Launches Debian's Chromium (or $HEAPSCOPE_CHROMIUM) headless.
 * @param {{ headless?: boolean, executablePath?: string }} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchBrowser({ headless = true, executablePath } = {}) {
  return chromium.launch({
    executablePath: executablePath ?? (process.env.HEAPSCOPE_CHROMIUM || '/usr/bin/chromium'),
    headless,
    args: [...chromiumArgs],
  });
}

/**
 * Opens a fresh page (its own browser context, so no workbench state is shared with other
 * pages), loads the workbench at `url` and waits until it is ready.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url a workbench URL, e.g. from CodeServer.workbenchUrl({ folder })
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<import('playwright-core').Page>}
 */
export async function openWorkbench(browser, url, { timeoutMs = 60_000 } = {}) {
  const context = await browser.newContext({ viewport: { ...viewport } });
  const page = await context.newPage();
  await page.goto(url, { timeout: timeoutMs });
  await waitForWorkbench(page, { timeoutMs, folder: new URL(url).searchParams.has('folder') });
  return page;
}

/**
 * Waits until the workbench is laid out and, when a folder is open, the explorer lists it.
 * @param {import('playwright-core').Page} page
 * @param {{ timeoutMs?: number, folder?: boolean }} [options]
 */
export async function waitForWorkbench(page, { timeoutMs = 60_000, folder = true } = {}) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator('.monaco-workbench .part.editor').waitFor({ state: 'visible', timeout: timeoutMs });
  if (folder) {
    await explorerRows(page).first().waitFor({ state: 'visible', timeout: timeoutMs });
  }
}

/** @param {import('playwright-core').Page} page */
function explorerRows(page) {
  return page.locator('.explorer-folders-view .monaco-list-row');
}

/**
 * Opens a file by clicking it in the explorer (folders on the way are clicked open) and
 * waits until its editor is active and rendered.
 * @param {import('playwright-core').Page} page
 * @param {string} relativePath e.g. `refcount_basics.py` or `sub/folder/file.py`
 * @param {{ timeoutMs?: number, language?: string }} [options] `language`: also wait until the
 *   status bar shows this language mode (e.g. `Python`; right after start-up a file can show
 *   as Plain Text for a moment, before language extensions have loaded)
 */
export async function openFileFromExplorer(page, relativePath, { timeoutMs = 20_000, language } = {}) {
  const explorer = page.locator('.explorer-folders-view');
  if (!(await explorer.isVisible())) {
    await page.keyboard.press('Control+Shift+E');
    await explorer.waitFor({ state: 'visible', timeout: timeoutMs });
  }
  const parts = relativePath.split('/');
  for (const [index, name] of parts.entries()) {
    // The label may be split ("hello" + ".py" suffix): match the whole label container.
    const row = explorerRows(page).filter({ has: page.locator('.monaco-icon-label-container', { hasText: exactText(name) }) }).first();
    if (index > 0) {
      // A just-expanded folder's children appear once the folder has been read.
      await row.waitFor({ state: 'visible', timeout: 3000 }).catch(() => {});
    }
    await scrollExplorerTo(page, name, timeoutMs);
    if (index < parts.length - 1) await expandFolder(page, row, name, timeoutMs);
    else await row.click();
  }
  const fileName = parts[parts.length - 1];
  await page.locator(`.part.editor .tab.active[data-resource-name="${fileName}"]`).waitFor({ state: 'visible', timeout: timeoutMs });
  await activeEditor(page).locator('.view-lines .view-line').first().waitFor({ state: 'visible', timeout: timeoutMs });
  if (language) {
    await page.locator('.part.statusbar [id="status.editor.mode"]', { hasText: exactText(language) }).waitFor({ state: 'visible', timeout: timeoutMs });
  }
}

/**
 * Clicks a folder row open unless it is open already (the explorer opens a folder's only
 * child folder by itself, and a click would close it again).
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} row
 * @param {string} name
 * @param {number} timeoutMs
 */
async function expandFolder(page, row, name, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while ((await row.getAttribute('aria-expanded')) !== 'true') {
    if (Date.now() > deadline) throw new Error(`folder "${name}" does not open in the explorer`);
    await row.click();
    await page.waitForTimeout(200); // settle: an auto-expansion may land right after the click
  }
}

/**
 * The explorer's list is virtual: rows scrolled out of view are not in the DOM at all, and rows
 * at its edges are rendered but hidden under the header. Brings the row wholly into view as a
 * person would: when it is not rendered, Home and then Page Down through the list (keyboard
 * focus moves, nothing opens); when it is rendered but cut off, the mouse wheel.
 * @param {import('playwright-core').Page} page
 * @param {string} name the row's label (its aria-label)
 * @param {number} timeoutMs
 */
async function scrollExplorerTo(page, name, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  const list = page.locator('.explorer-folders-view .monaco-list').first();
  const measure = () =>
    list.evaluate((element, label) => {
      const box = element.getBoundingClientRect();
      const rows = [...element.querySelectorAll('.monaco-list-row')];
      const row = rows.find((r) => r.getAttribute('aria-label') === label)?.getBoundingClientRect();
      return {
        center: { x: box.x + box.width / 2, y: box.y + box.height / 2 },
        rendered: !!row,
        above: row ? box.top - row.top : 0,
        below: row ? row.bottom - box.bottom : 0,
        lastIndex: Math.max(...rows.map((r) => Number(r.getAttribute('data-index')))),
      };
    }, name);
  let state = await measure();
  if (!state.rendered) {
    await list.focus();
    await page.keyboard.press('Home');
    // The first Page Down may only move the focus to the page's last row: the end of the list
    // is reached when two in a row scroll nothing.
    for (let stuck = 0; !(state = await measure()).rendered; ) {
      if (Date.now() > deadline || stuck >= 2) throw new Error(`"${name}" is not in the explorer`);
      const lastIndex = state.lastIndex;
      await page.keyboard.press('PageDown');
      await page.waitForTimeout(30); // let the list re-render
      stuck = (await measure()).lastIndex === lastIndex ? stuck + 1 : 0;
    }
  }
  while (state.above > 0 || state.below > 0) {
    if (Date.now() > deadline) throw new Error(`"${name}" stays cut off at the edge of the explorer`);
    await page.mouse.move(state.center.x, state.center.y);
    await page.mouse.wheel(0, state.above > 0 ? -40 : 40);
    await page.waitForTimeout(30); // let the list re-render
    state = await measure();
  }
}

/** @param {import('playwright-core').Page} page */
export function activeEditor(page) {
  return page.locator('.part.editor .editor-group-container.active .monaco-editor').first();
}

/**
 * Runs a command from the palette like a person: F1, type its title, Enter. Waits for the
 * title to be the selected entry first, so Enter never runs a different command.
 * @param {import('playwright-core').Page} page
 * @param {string} title e.g. `HeapScope: Open Heap Inspector`
 * @param {{ timeoutMs?: number }} [options]
 */
export async function runCommand(page, title, { timeoutMs = 20_000 } = {}) {
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await widget.waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.type(title);
  const match = widget.locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: exactText(title) }) }).first();
  try {
    await match.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const offered = await widget.locator('.monaco-list-row').evaluateAll((rows) => rows.slice(0, 5).map((row) => row.getAttribute('aria-label')));
    await page.keyboard.press('Escape');
    // Some commands exist only once their part has loaded (e.g. the Extensions view's own).
    throw new Error(`no command titled "${title}" in the palette; it offered: ${JSON.stringify(offered)}`);
  }
  if (!(await match.evaluate((row) => row.classList.contains('focused')))) await match.click();
  else await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: timeoutMs });
}

/**
 * Moves the cursor to a line (and column) with Go to Line (Ctrl+G) in the active editor and
 * waits until the status bar reports it.
 * @param {import('playwright-core').Page} page
 * @param {number} line 1-based
 * @param {number} [column] 1-based
 * @param {{ timeoutMs?: number }} [options]
 */
export async function goToLine(page, line, column, { timeoutMs = 20_000 } = {}) {
  const editor = activeEditor(page);
  await editor.locator('textarea, .native-edit-context').first().focus();
  const widget = page.locator('.quick-input-widget');
  await page.keyboard.press('Control+G');
  await widget.waitFor({ state: 'visible', timeout: timeoutMs });
  await page.keyboard.type(column ? `${line}:${column}` : String(line));
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: timeoutMs });
  const position = column ? `Ln ${line}, Col ${column}` : `Ln ${line},`;
  await page.locator('.statusbar-item', { hasText: position }).first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Hovers `token` (its n-th occurrence on `line`, or the first on screen) by moving the mouse
 * onto it in steps, and returns the hover's text. The line must be on screen (in a long file,
 * goToLine first). Hovers sometimes do not open on the first pass (a re-render under the
 * mouse, a provider still starting): it retries a few times.
 * @param {import('playwright-core').Page} page
 * @param {string} token exact text to hover, e.g. `sys.getrefcount` or `a`
 * @param {{ line?: number, occurrence?: number, attempts?: number, timeoutMs?: number, contains?: string | RegExp }} [options]
 *   `contains`: keep retrying until the hover shows this (a hover may first say "Loading…")
 * @returns {Promise<string>}
 */
export async function hoverText(page, token, { line, occurrence = 0, attempts = 4, timeoutMs = 5000, contains } = {}) {
  const visibleHover = page.locator('.monaco-hover:not(.hidden)');
  const content = visibleHover.locator('.monaco-hover-content').last();
  let lastText = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const point = await tokenCenter(page, token, line, occurrence);
    // Start from the line-number gutter (it has no hovers) with no hover open, so every
    // attempt is a fresh mouse-enter and the text read below cannot be a stale hover's.
    const gutter = await activeEditor(page).locator('.margin').boundingBox();
    await page.mouse.move(gutter ? gutter.x + 4 : 1, point.y);
    await page.keyboard.press('Escape');
    await visibleHover.first().waitFor({ state: 'hidden', timeout: 2000 }).catch(() => {});
    await page.mouse.move(point.x, point.y, { steps: 8 });
    try {
      await content.waitFor({ state: 'visible', timeout: timeoutMs });
      if (contains) await content.filter({ hasText: contains }).waitFor({ state: 'visible', timeout: timeoutMs });
      return (await content.innerText()).trim();
    } catch {
      lastText = (await content.isVisible()) ? (await content.innerText()).trim() : '';
      await page.waitForTimeout(100 * attempt);
    }
  }
  throw new Error(`no hover on "${token}"${line ? ` (line ${line})` : ''} after ${attempts} attempts; last hover text: ${JSON.stringify(lastText)}`);
}

/**
 * The screen position of the middle of `token` in the active editor's rendered lines.
 * @param {import('playwright-core').Page} page
 * @param {string} token
 * @param {number | undefined} line
 * @param {number} occurrence
 * @returns {Promise<{ x: number, y: number }>}
 */
async function tokenCenter(page, token, line, occurrence) {
  const editor = activeEditor(page);
  const point = await editor.evaluate(
    (root, { token, line, occurrence }) => {
      // Rendered lines are absolutely positioned, not in document order: pair each with its
      // line number by vertical position.
      const numbers = new Map();
      for (const element of root.querySelectorAll('.margin .line-numbers')) {
        const rect = element.getBoundingClientRect();
        numbers.set(Math.round(rect.top), Number(element.textContent?.trim()));
      }
      const lines = [...root.querySelectorAll('.view-lines .view-line')]
        .map((element) => ({ element, number: numbers.get(Math.round(element.getBoundingClientRect().top)) }))
        .filter((entry) => line === undefined || entry.number === line)
        .sort((a, b) => a.element.getBoundingClientRect().top - b.element.getBoundingClientRect().top);
      let seen = 0;
      for (const { element } of lines) {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        /** @type {{ node: Text, start: number }[]} */
        const pieces = [];
        let text = '';
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          pieces.push({ node: /** @type {Text} */ (node), start: text.length });
          text += node.textContent?.replace(/\u00a0/g, ' ') ?? '';
        }
        for (let index = text.indexOf(token); index >= 0; index = text.indexOf(token, index + 1)) {
          if (seen++ < occurrence) continue;
          const at = (/** @type {number} */ offset) => {
            const piece = [...pieces].reverse().find((p) => p.start <= offset) ?? pieces[0];
            return { node: piece.node, offset: Math.min(offset - piece.start, piece.node.length) };
          };
          const range = document.createRange();
          const start = at(index);
          const end = at(index + token.length);
          range.setStart(start.node, start.offset);
          range.setEnd(end.node, end.offset);
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      return null;
    },
    { token, line, occurrence },
  );
  if (!point) throw new Error(`"${token}" is not on screen${line ? ` on line ${line}` : ''} in the active editor`);
  return point;
}

/**
 * The content frame of a webview (VS Code nests it: `iframe.webview` → `iframe#active-frame`).
 * @param {import('playwright-core').Page} page
 * @param {{ nth?: number }} [options] which webview, in DOM order (default the first)
 * @returns {import('playwright-core').FrameLocator}
 */
export function webviewFrame(page, { nth = 0 } = {}) {
  return page.frameLocator('iframe.webview').nth(nth).frameLocator('iframe#active-frame');
}

/**
 * Waits for `count` webviews to have loaded their content and returns their content frames
 * (for `evaluate` and friends).
 * @param {import('playwright-core').Page} page
 * @param {{ count?: number, timeoutMs?: number }} [options]
 * @returns {Promise<import('playwright-core').Frame[]>}
 */
export async function webviewFrames(page, { count = 1, timeoutMs = 20_000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frames = page.frames().filter((frame) => frame.name() === 'active-frame' || /\/fake\.html/.test(frame.url()));
    const loaded = [];
    for (const frame of frames) {
      if (await frame.evaluate(() => document.readyState === 'complete' && !!document.body).catch(() => false)) loaded.push(frame);
    }
    if (loaded.length >= count) return loaded;
    if (Date.now() > deadline) throw new Error(`expected ${count} loaded webview(s), found ${loaded.length}`);
    await page.waitForTimeout(100);
  }
}

/**
 * Waits for a notification toast with this text and returns its full text. (Toasts never show
 * when the server runs with `enable-smoke-test-driver`: start UI-test servers without it.)
 * @param {import('playwright-core').Page} page
 * @param {string | RegExp} text
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<string>}
 */
export async function waitForNotification(page, text, { timeoutMs = 20_000 } = {}) {
  const toast = page.locator('.notification-toast', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await toast.innerText()).trim();
}

/**
 * Clicks a status bar entry, found by its text (or a pattern) or by its element id.
 * @param {import('playwright-core').Page} page
 * @param {string | RegExp | { id: string }} which
 * @param {{ timeoutMs?: number }} [options]
 */
export async function clickStatusBarItem(page, which, { timeoutMs = 20_000 } = {}) {
  const item =
    typeof which === 'object' && !(which instanceof RegExp)
      ? page.locator(`.part.statusbar [id="${which.id}"]`)
      : page.locator('.part.statusbar .statusbar-item', { hasText: which });
  await item.first().waitFor({ state: 'visible', timeout: timeoutMs });
  await item.first().locator('a, .statusbar-item-label').first().click();
}

/**
 * Saves a screenshot of the window as it is (an open hover stays in the picture) to
 * `test-results/screenshots/<name>.png`, or under $HEAPSCOPE_SCREENSHOTS when set.
 * @param {import('playwright-core').Page} page
 * @param {string} name file name without extension, e.g. `hover-refcount`
 * @returns {Promise<string>} the file written
 */
export async function screenshot(page, name) {
  const dir = resolve(process.env.HEAPSCOPE_SCREENSHOTS || join(process.cwd(), 'test-results', 'screenshots'));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, animations: 'disabled' }); // finish fade-ins (toasts, hovers) first
  return path;
}

/**
 * Opens the Extensions view and waits until the extension with this display name is listed
 * among the installed ones; returns its entry's text (name, description, publisher).
 * @param {import('playwright-core').Page} page
 * @param {string} displayName e.g. `HeapScope`
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<string>}
 */
export async function showInstalledExtension(page, displayName, { timeoutMs = 20_000 } = {}) {
  await runCommand(page, 'View: Show Extensions', { timeoutMs });
  // With the search box empty the view lists "<server> - Installed" first (the gallery is
  // unreachable here, so the other sections stay empty).
  const entry = page
    .locator('.extensions-viewlet .extension-list-item', { has: page.locator('.name', { hasText: exactText(displayName) }) })
    .first();
  await entry.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await entry.innerText()).trim();
}

/** @param {string} text */
function exactText(text) {
  return new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}
