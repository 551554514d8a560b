#!/usr/bin/env node
// `npm run test:vscode`: tests HeapScope inside a real VS Code (code-server, in Chromium).
//   1. set-up (Chromium, Node 24, code-server; quick when done before);
//   2. `npm run build`, plus the bundles build.mjs does not make: the extension-host suite's
//      index and the web worker host's checks (test/vscode/web/, one browser bundle);
//   3. the .vsix, packaged as a user would install it: .vscode-test/heapscope.vsix;
//   4. the extension-host suite (test/vscode/suite/): mocha inside the extension host, run by
//      @vscode/test-electron's runTests with the extension loaded from this folder and the
//      examples/ workspace open;
//   5. the UI suite (test/vscode/ui/): mocha in Node driving Chromium like a person, against
//      a code-server with the .vsix installed; then, with that server stopped (one VS Code
//      at a time), a second code-server that runs the .vsix's browser entry in the web
//      worker extension host. Screenshots of every asserted state go to
//      test-results/screenshots/ (git-ignored).
// Usage: node scripts/vscode/test.mjs [host|ui] [--desktop]
//   host / ui: only that suite (default: both);
//   --desktop: the extension-host suite in a desktop VS Code that @vscode/test-electron
//   downloads (needs a route to update.code.visualstudio.com and a display: xvfb-run on a
//   headless Linux); this set-up, code-server and the UI suite are then skipped.
// Environment: HEAPSCOPE_VSCODE_GREP (mocha grep for both suites), HEAPSCOPE_VSCODE_TIMEOUT
// (seconds for the extension-host run), HEAPSCOPE_VSCODE_VERBOSE=1.
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { installExtension, profilePaths, startCodeServer } from './codeServer.mjs';
import { BuildFailed, assertExtensionExists, buildExtension, packageVsix, run } from './packageExtension.mjs';
import { examplesDir, heapscopeVsix, repoRoot, screenshotsDir, testDir } from './paths.mjs';
import { vscodeExecutablePath } from './runExtensionTests.mjs';
import { setup } from './setup.mjs';

const SUITE_INDEX = join(repoRoot, 'dist', 'test', 'vscode', 'suite', 'index.js');
const UI_TESTS = join(repoRoot, 'dist', 'test', 'vscode', 'ui');
const WEB_TESTS = join(repoRoot, 'dist', 'test', 'vscode', 'web', 'index.js');
/** The packaged extension, its manifest without `main`: only the web worker host can run it. */
const WEB_EXTENSION = join(testDir, 'web-extension');
/**
 * Where the web worker checks are copied inside it. The workbench runs a suite in the
 * extension host of the extension whose folder holds the suite; anywhere else it would run
 * in the Node host.
 */
const WEB_TESTS_IN_EXTENSION = 'heapscope-web-tests.js';
/** The UI test file that drives the web worker host (it needs a workbench of its own). */
const WEB_UI_TEST = 'webWorker.test.js';

/** @param {string} message */
function step(message) {
  console.log(`\n[test:vscode] ${message}`);
}

/**
 * The bundles build.mjs does not make (it bundles only *.test.ts, for Node): the
 * extension-host suite's index, and the web worker host's checks (a web worker has no
 * `require`: one self-contained bundle).
 */
async function buildTestEntries() {
  const esbuild = await import('esbuild');
  const common = { bundle: true, format: /** @type {const} */ ('cjs'), target: 'es2022', sourcemap: /** @type {const} */ ('linked'), logLevel: /** @type {const} */ ('warning'), outdir: join(repoRoot, 'dist') };
  await esbuild.build({ ...common, entryPoints: { 'test/vscode/suite/index': join(repoRoot, 'test', 'vscode', 'suite', 'index.ts') }, platform: 'node', external: ['vscode', 'mocha'] });
  await esbuild.build({ ...common, entryPoints: { 'test/vscode/web/index': join(repoRoot, 'test', 'vscode', 'web', 'index.ts') }, platform: 'browser', external: ['vscode'] });
}

/**
 * Runs the suite through @vscode/test-electron's runTests, as any extension's suite runs:
 * here with our code-server runner as the "VS Code executable" (runTests then never
 * downloads), or with `desktop` in a desktop VS Code that runTests downloads.
 * @param {{ desktop: boolean }} options
 * @returns {Promise<number>} the suite's exit code
 */
async function runHostSuite({ desktop }) {
  step(`extension-host suite (test/vscode/suite/) in ${desktop ? 'a desktop VS Code (downloaded by @vscode/test-electron)' : 'code-server, through @vscode/test-electron'}`);
  const { runTests, TestRunFailedError } = await import('@vscode/test-electron');
  try {
    return await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: SUITE_INDEX,
      // The examples workspace; no other extensions (a desktop install may have Python's).
      launchArgs: [examplesDir, '--disable-extensions'],
      ...(desktop ? {} : { vscodeExecutablePath }),
    });
  } catch (error) {
    if (error instanceof TestRunFailedError) return error.code ?? 1;
    throw error;
  }
}

/**
 * The packaged extension as code-server unpacks it, with `main` removed from its manifest
 * (and `extensionKind: ["web"]`), in .vscode-test/web-extension/, with the web worker
 * checks copied into it.
 */
function prepareWebExtension() {
  const { extensionsDir } = profilePaths('web-tests');
  rmSync(extensionsDir, { recursive: true, force: true });
  installExtension(heapscopeVsix, { profile: 'web-tests' });
  const [unpacked] = readdirSync(extensionsDir).filter((name) => name.startsWith('heapscope.heapscope-'));
  if (!unpacked) throw new BuildFailed(`installing ${relative(repoRoot, heapscopeVsix)} left nothing in ${extensionsDir}`);
  rmSync(WEB_EXTENSION, { recursive: true, force: true });
  cpSync(join(extensionsDir, unpacked), WEB_EXTENSION, { recursive: true });
  // Loaded from the development path only, not also as an installed extension.
  rmSync(extensionsDir, { recursive: true, force: true });
  const manifestPath = join(WEB_EXTENSION, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!manifest.browser) throw new BuildFailed('package.json has no `browser` entry: there is no web extension to test');
  delete manifest.main;
  manifest.extensionKind = ['web'];
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(WEB_TESTS, join(WEB_EXTENSION, WEB_TESTS_IN_EXTENSION));
}

/**
 * Runs UI test files (built into dist/test/vscode/ui/) with mocha in Node.
 * @param {string[]} files
 * @param {NodeJS.ProcessEnv} env what the tests read through test/vscode/ui/environment.ts
 * @returns {Promise<number>} mocha's exit code
 */
async function runMocha(files, env) {
  const mochaArgs = [
    join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'),
    '--no-config', // .mocharc.json (the unit tests) ignores dist/test/vscode/
    '--reporter', 'spec',
    '--timeout', '180000',
    ...(process.env.HEAPSCOPE_VSCODE_GREP ? ['--grep', process.env.HEAPSCOPE_VSCODE_GREP] : []),
    ...files.map((f) => join(UI_TESTS, f)),
  ];
  const { code } = await run(process.execPath, mochaArgs, {
    env: { ...process.env, HEAPSCOPE_EXAMPLES: examplesDir, HEAPSCOPE_SCREENSHOTS: screenshotsDir, ...env },
  });
  return code;
}

/**
 * The UI suite, one code-server at a time (the machines running it are small): first the
 * .vsix installed as a user installs it, driven like a person; then its browser entry in the
 * web worker extension host.
 * @returns {Promise<number>} 0 when every UI test passed
 */
async function runUiSuite() {
  step('UI suite (test/vscode/ui/): the .vsix in code-server, driven through Chromium');
  const files = existsSync(UI_TESTS) ? readdirSync(UI_TESTS).filter((f) => f.endsWith('.test.js')).sort() : [];
  if (files.length === 0) throw new BuildFailed(`no UI tests were built into ${relative(repoRoot, UI_TESTS)}`);
  const webFiles = files.filter((f) => f === WEB_UI_TEST);
  const workbenchFiles = files.filter((f) => f !== WEB_UI_TEST);
  let failed = 0;

  // A fresh extensions folder: the .vsix under test and nothing else.
  rmSync(profilePaths('ui-tests').extensionsDir, { recursive: true, force: true });
  installExtension(heapscopeVsix, { profile: 'ui-tests' });
  // Without the smoke-test driver: notifications toast as they do for users.
  const server = await startCodeServer({ profile: 'ui-tests', smokeTestDriver: false });
  try {
    failed += await runMocha(workbenchFiles, { HEAPSCOPE_VSCODE_URL: server.workbenchUrl({ folder: examplesDir }) });
  } finally {
    await server.stop();
  }

  step('UI suite: the .vsix\'s browser entry in the web worker extension host');
  prepareWebExtension();
  // With the smoke-test driver: the workbench honours the extension-tests payload.
  const webServer = await startCodeServer({ profile: 'web-tests' });
  try {
    /** @type {Array<[string, string]>} */
    const payload = [
      ['extensionDevelopmentPath', webServer.remoteUri(WEB_EXTENSION)],
      ['extensionTestsPath', webServer.remoteUri(join(WEB_EXTENSION, WEB_TESTS_IN_EXTENSION))],
      ['skipWelcome', 'true'],
    ];
    failed += await runMocha(webFiles, { HEAPSCOPE_WEB_WORKBENCH_URL: webServer.workbenchUrl({ folder: examplesDir, payload }) });
  } finally {
    await webServer.stop();
  }
  console.log(`[test:vscode] screenshots: ${relative(repoRoot, screenshotsDir)}/`);
  return failed;
}

async function main() {
  const args = process.argv.slice(2);
  const desktop = args.includes('--desktop');
  const which = args.find((arg) => !arg.startsWith('--')) ?? (desktop ? 'host' : 'all');
  if (!['all', 'host', 'ui'].includes(which)) throw new BuildFailed(`unknown suite "${which}": use host, ui or nothing`);
  if (desktop && which !== 'host') throw new BuildFailed('--desktop runs the extension-host suite only');
  const started = Date.now();
  assertExtensionExists();
  rmSync(screenshotsDir, { recursive: true, force: true }); // none left from an earlier run
  if (!desktop) {
    step('set-up');
    await setup();
  }
  step('build');
  await buildExtension();
  await buildTestEntries();
  if (which !== 'host') {
    step('package');
    await packageVsix();
  }
  const results = [];
  if (which !== 'ui') results.push(['extension host', await runHostSuite({ desktop })]);
  if (which !== 'host') results.push(['UI', await runUiSuite()]);
  const failed = results.filter(([, code]) => code !== 0);
  const summary = results.map(([name, code]) => `${name}: ${code === 0 ? 'passed' : `FAILED (${code})`}`).join(', ');
  step(`${summary} — ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const message = error instanceof BuildFailed ? error.message : error instanceof Error ? error.stack : String(error);
    console.error(`\n[test:vscode] FAILED: ${message}`);
    process.exit(1);
  },
);
