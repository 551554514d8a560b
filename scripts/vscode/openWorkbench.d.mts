// Types for openWorkbench.mjs, so the TypeScript UI tests can import it. Generated from its JSDoc;
// regenerate after changing its exports:
//   npx tsc --allowJs --declaration --emitDeclarationOnly --skipLibCheck --module nodenext \
//     --moduleResolution nodenext --target es2022 --outDir /tmp/dts scripts/vscode/openWorkbench.mjs

/**
 * Launches Debian's Chromium (or $HEAPSCOPE_CHROMIUM) headless.
 * @param {{ headless?: boolean, executablePath?: string }} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchBrowser({ headless, executablePath }?: {
    headless?: boolean;
    executablePath?: string;
}): Promise<import("playwright-core").Browser>;
/**
 * Opens a fresh page (its own browser context, so no workbench state is shared with other
 * pages), loads the workbench at `url` and waits until it is ready.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url a workbench URL, e.g. from CodeServer.workbenchUrl({ folder })
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<import('playwright-core').Page>}
 */
export function openWorkbench(browser: import("playwright-core").Browser, url: string, { timeoutMs }?: {
    timeoutMs?: number;
}): Promise<import("playwright-core").Page>;
/**
 * Waits until the workbench is laid out and, when a folder is open, the explorer lists it.
 * @param {import('playwright-core').Page} page
 * @param {{ timeoutMs?: number, folder?: boolean }} [options]
 */
export function waitForWorkbench(page: import("playwright-core").Page, { timeoutMs, folder }?: {
    timeoutMs?: number;
    folder?: boolean;
}): Promise<void>;
/**
 * Opens a file by clicking it in the explorer (folders on the way are clicked open) and
 * waits until its editor is active and rendered.
 * @param {import('playwright-core').Page} page
 * @param {string} relativePath e.g. `refcount_basics.py` or `sub/folder/file.py`
 * @param {{ timeoutMs?: number, language?: string }} [options] `language`: also wait until the
 *   status bar shows this language mode (e.g. `Python`; right after start-up a file can show
 *   as Plain Text for a moment, before language extensions have loaded)
 */
export function openFileFromExplorer(page: import("playwright-core").Page, relativePath: string, { timeoutMs, language }?: {
    timeoutMs?: number;
    language?: string;
}): Promise<void>;
/** @param {import('playwright-core').Page} page */
export function activeEditor(page: import("playwright-core").Page): import("playwright-core").Locator;
/**
 * Runs a command from the palette like a person: F1, type its title, Enter. Waits for the
 * title to be the selected entry first, so Enter never runs a different command.
 * @param {import('playwright-core').Page} page
 * @param {string} title e.g. `HeapScope: Open Heap Inspector`
 * @param {{ timeoutMs?: number }} [options]
 */
export function runCommand(page: import("playwright-core").Page, title: string, { timeoutMs }?: {
    timeoutMs?: number;
}): Promise<void>;
/**
 * Moves the cursor to a line (and column) with Go to Line (Ctrl+G) in the active editor and
 * waits until the status bar reports it.
 * @param {import('playwright-core').Page} page
 * @param {number} line 1-based
 * @param {number} [column] 1-based
 * @param {{ timeoutMs?: number }} [options]
 */
export function goToLine(page: import("playwright-core").Page, line: number, column?: number, { timeoutMs }?: {
    timeoutMs?: number;
}): Promise<void>;
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
export function hoverText(page: import("playwright-core").Page, token: string, { line, occurrence, attempts, timeoutMs, contains }?: {
    line?: number;
    occurrence?: number;
    attempts?: number;
    timeoutMs?: number;
    contains?: string | RegExp;
}): Promise<string>;
/**
 * The content frame of a webview (VS Code nests it: `iframe.webview` → `iframe#active-frame`).
 * @param {import('playwright-core').Page} page
 * @param {{ nth?: number }} [options] which webview, in DOM order (default the first)
 * @returns {import('playwright-core').FrameLocator}
 */
export function webviewFrame(page: import("playwright-core").Page, { nth }?: {
    nth?: number;
}): import("playwright-core").FrameLocator;
/**
 * Waits for `count` webviews to have loaded their content and returns their content frames
 * (for `evaluate` and friends).
 * @param {import('playwright-core').Page} page
 * @param {{ count?: number, timeoutMs?: number }} [options]
 * @returns {Promise<import('playwright-core').Frame[]>}
 */
export function webviewFrames(page: import("playwright-core").Page, { count, timeoutMs }?: {
    count?: number;
    timeoutMs?: number;
}): Promise<import("playwright-core").Frame[]>;
/**
 * Waits for a notification toast with this text and returns its full text. (Toasts never show
 * when the server runs with `enable-smoke-test-driver`: start UI-test servers without it.)
 * @param {import('playwright-core').Page} page
 * @param {string | RegExp} text
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<string>}
 */
export function waitForNotification(page: import("playwright-core").Page, text: string | RegExp, { timeoutMs }?: {
    timeoutMs?: number;
}): Promise<string>;
/**
 * Clicks a status bar entry, found by its text (or a pattern) or by its element id.
 * @param {import('playwright-core').Page} page
 * @param {string | RegExp | { id: string }} which
 * @param {{ timeoutMs?: number }} [options]
 */
export function clickStatusBarItem(page: import("playwright-core").Page, which: string | RegExp | {
    id: string;
}, { timeoutMs }?: {
    timeoutMs?: number;
}): Promise<void>;
/**
 * Saves a screenshot of the window as it is (an open hover stays in the picture) to
 * `test-results/screenshots/<name>.png`, or under $HEAPSCOPE_SCREENSHOTS when set.
 * @param {import('playwright-core').Page} page
 * @param {string} name file name without extension, e.g. `hover-refcount`
 * @returns {Promise<string>} the file written
 */
export function screenshot(page: import("playwright-core").Page, name: string): Promise<string>;
/**
 * Opens the Extensions view and waits until the extension with this display name is listed
 * among the installed ones; returns its entry's text (name, description, publisher).
 * @param {import('playwright-core').Page} page
 * @param {string} displayName e.g. `HeapScope`
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<string>}
 */
export function showInstalledExtension(page: import("playwright-core").Page, displayName: string, { timeoutMs }?: {
    timeoutMs?: number;
}): Promise<string>;
/** Chromium flags that work on these machines (root, no GPU, no network but npm and Debian). */
export const chromiumArgs: readonly string[];
/** The viewport screenshots are taken at. */
export const viewport: Readonly<{
    width: 1400;
    height: 900;
}>;
