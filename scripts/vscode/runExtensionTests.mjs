#!/usr/bin/env node
// Runs an extension's mocha suite inside a real VS Code extension host: code-server serves the
// workbench, Debian's Chromium (through playwright-core) runs it, and the workbench payload
// (`extensionDevelopmentPath`, `extensionTestsPath`, honoured thanks to the server's
// `enable-smoke-test-driver`) makes it load the extension under development and run the
// suite's `run()` in the Node extension host. The suite's outcome comes back through
// `codeAutomationExit`, its output through `codeAutomationLog`; this process exits with it.
//
// Command line (the same arguments a desktop VS Code takes, so this file doubles as the
// `vscodeExecutablePath` of @vscode/test-electron's runTests — see `vscodeExecutablePath`):
//   node scripts/vscode/runExtensionTests.mjs [WORKSPACE_FOLDER]
//     --extensionDevelopmentPath=DIR --extensionTestsPath=SUITE_INDEX_JS
//     [--extensions-dir=DIR] [--timeout=SECONDS]
// Environment: HEAPSCOPE_VSCODE_TIMEOUT (seconds, default 300), HEAPSCOPE_VSCODE_VERBOSE=1
// (also print the browser console and the unfiltered log).
//
// The same suite in a desktop VS Code (on a machine that can download one): leave out
// vscodeExecutablePath and test-electron downloads VS Code and runs the suite in it:
//   const { runTests } = require('@vscode/test-electron');
//   await runTests({
//     extensionDevelopmentPath: repoRoot,
//     extensionTestsPath: `${repoRoot}/dist/test/vscode/suite/index.js`, // built by test.mjs
//     launchArgs: [`${repoRoot}/examples`, '--disable-extensions'],
//     // vscodeExecutablePath, // from this module: code-server instead, never a download
//   });
// (`vscode.env.appName` is then "Visual Studio Code" and `uiKind` Desktop instead of
// "code-server" and Web; the suite should not depend on either.)
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startCodeServer } from './codeServer.mjs';
import { launchBrowser } from './openWorkbench.mjs';
import { screenshotsDir } from './paths.mjs';

/**
 * Give this as `vscodeExecutablePath` to @vscode/test-electron's `runTests` and it runs the
 * suite here instead of downloading VS Code (it downloads only when that option is absent).
 * The file is executable (`#!/usr/bin/env node`); runTests passes the workspace, the
 * development and tests paths and some desktop-only flags, which are ignored.
 */
export const vscodeExecutablePath = fileURLToPath(import.meta.url);

/**
 * Log lines that say nothing about the suite: the gallery, updates and the network (which
 * are expected to fail here) and the workbench's own connection chatter.
 */
const NOISE = [
  /gallery|marketplace|open-vsx|vscode-unpkg|update\.code\.visualstudio|vsassets\.io|extensionsControlManifest/i,
  /getaddrinfo|ENOTFOUND|EAI_AGAIN|ENETUNREACH|net::ERR_|Failed to fetch|fetch failed|XHR failed/i,
  /\[perf\]|Long running operations/i,
  /^Canceled(: Canceled)*/, // remote calls cut short when the extension host goes away
  /authentication provider '[\w-]+' to register/, // no GitHub/Microsoft sign-in here
  /^\s+at .*\/static\/out\/vs\//, // the stack of such a line
  /^(Resolving connection token|Resolved connection token|Creating a socket|\[reconnection-grace-time\]|Updating additional builtin extensions cache|\[Service Worker\]|\[AgentHost|\[AccountPolicyGate\])/,
];

/**
 * @typedef {object} ExtensionTestOptions
 * @property {string | string[]} extensionDevelopmentPath folder(s) holding the extension's package.json
 * @property {string} extensionTestsPath the compiled suite index (a module exporting `run()`)
 * @property {string} [workspace] folder to open (the suite sees it as `vscode.workspace.workspaceFolders[0]`)
 * @property {string} [extensionsDir] installed extensions to load alongside (default: the profile's own)
 * @property {string} [profile] server profile name (default `extension-tests`)
 * @property {number} [timeoutMs] whole-run limit (default 300 s)
 * @property {boolean} [verbose] print the browser console and unfiltered log too
 */

/**
 * Runs the suite and resolves with its exit code (0 = every test passed). Never throws for a
 * failing suite; throws only when the tooling itself is broken (say, set-up not done).
 * @param {ExtensionTestOptions} options
 * @returns {Promise<number>}
 */
export async function runExtensionTests(options) {
  const timeoutMs = options.timeoutMs ?? 300_000;
  const verbose = options.verbose ?? process.env.HEAPSCOPE_VSCODE_VERBOSE === '1';
  const developmentPaths = [options.extensionDevelopmentPath].flat().map((p) => resolve(p));
  const testsPath = resolve(options.extensionTestsPath);
  for (const path of [...developmentPaths, testsPath, ...(options.workspace ? [resolve(options.workspace)] : [])]) {
    if (!existsSync(path)) throw new Error(`no such file or folder: ${path}`);
  }
  const started = Date.now();
  const server = await startCodeServer({
    profile: options.profile ?? 'extension-tests',
    extensionsDir: options.extensionsDir,
  });
  const browser = await launchBrowser();
  try {
    const page = await (await browser.newContext()).newPage();
    /** @type {(code: number) => void} */
    let finish = () => {};
    const finished = new Promise((resolve) => { finish = resolve; });

    let exited = false;
    await page.exposeFunction('codeAutomationLog', (/** @type {string} */ type, /** @type {unknown[]} */ args) => {
      if (exited && !verbose) return; // the workbench's shutdown chatter
      // The extension host forwards console calls as they were made: (format, ...values).
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && NOISE.some((pattern) => pattern.test(text))) return;
      (type === 'error' ? process.stderr : process.stdout).write(`${text}\n`);
    });
    await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code) => {
      exited = true;
      finish(code);
    });
    page.on('crash', () => { console.error('[vscode tests] the workbench page crashed'); finish(1); });
    if (verbose) {
      page.on('console', (message) => console.log(`[browser ${message.type()}] ${message.text()}`));
      page.on('pageerror', (error) => console.log(`[browser error] ${error.message}`));
    }

    /** @type {Array<[string, string]>} */
    const payload = [
      ...developmentPaths.map((p) => /** @type {[string, string]} */ (['extensionDevelopmentPath', server.remoteUri(p)])),
      ['extensionTestsPath', server.remoteUri(testsPath)],
      ['skipWelcome', 'true'],
    ];
    const url = server.workbenchUrl({ folder: options.workspace ? resolve(options.workspace) : undefined, payload });
    await page.goto(url);
    console.log(`[vscode tests] workbench open after ${((Date.now() - started) / 1000).toFixed(1)} s; running ${testsPath}`);

    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const outcome = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      mkdirSync(screenshotsDir, { recursive: true });
      const shot = join(screenshotsDir, 'extension-tests-timeout.png');
      const saved = await page.screenshot({ path: shot }).then(() => true, () => false);
      console.error(`[vscode tests] no result after ${timeoutMs / 1000} s: the suite hangs or never started` +
        `${saved ? ` (screenshot: ${shot})` : ''}; server log: ${server.paths.logFile}`);
      return 1;
    }
    const code = /** @type {number} */ (outcome);
    console.log(`[vscode tests] suite exited with code ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

/**
 * Reads the arguments a desktop VS Code would get (test-electron passes them this way).
 * @param {string[]} argv
 * @returns {ExtensionTestOptions}
 */
export function parseArguments(argv) {
  /** @type {string[]} */
  const developmentPaths = [];
  /** @type {Partial<ExtensionTestOptions>} */
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? splitFlag(arg) : [undefined, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case undefined: options.workspace = arg; break;
      case '--extensionDevelopmentPath': developmentPaths.push(value()); break;
      case '--extensionTestsPath': options.extensionTestsPath = value(); break;
      case '--extensions-dir': options.extensionsDir = value(); break;
      // A fresh user data folder per run keeps runs independent; never wipe one we were given.
      case '--user-data-dir': value(); break;
      case '--folder-uri': options.workspace = fileURLToPath(value()); break;
      case '--timeout': options.timeoutMs = Number(value()) * 1000; break;
      default: break; // desktop-only flags (--no-sandbox, --disable-updates, --skip-welcome…)
    }
  }
  if (developmentPaths.length === 0 || !options.extensionTestsPath) {
    throw new Error('usage: runExtensionTests.mjs [WORKSPACE] --extensionDevelopmentPath=DIR --extensionTestsPath=INDEX_JS [--timeout=SECONDS]');
  }
  const envTimeout = Number(process.env.HEAPSCOPE_VSCODE_TIMEOUT);
  return {
    timeoutMs: envTimeout > 0 ? envTimeout * 1000 : undefined,
    ...options,
    extensionDevelopmentPath: developmentPaths,
    extensionTestsPath: /** @type {string} */ (options.extensionTestsPath),
  };
}

/** @param {string} arg */
function splitFlag(arg) {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runExtensionTests(parseArguments(process.argv.slice(2))).then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[vscode tests] ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
