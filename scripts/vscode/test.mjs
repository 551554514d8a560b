#!/usr/bin/env node
// `npm run test:vscode`: tests HeapScope inside a real VS Code (code-server, in Chromium).
//   1. set-up (Chromium, Node 24, code-server; quick when done before);
//   2. `npm run build`, plus the extension-host suite's index (build.mjs bundles *.test.ts only);
//   3. the .vsix, packaged as a user would install it: .vscode-test/heapscope.vsix;
//   4. the extension-host suite (test/vscode/suite/): the extension loaded from this folder
//      (extensionDevelopmentPath) in a workbench on examples/, mocha inside the extension host;
//   5. the UI suite (test/vscode/ui/): the .vsix installed into a fresh code-server, mocha in
//      Node driving Chromium like a person; screenshots in test-results/screenshots/.
// Usage: node scripts/vscode/test.mjs [host|ui]   (default: both)
// Environment: HEAPSCOPE_VSCODE_GREP (mocha grep for both suites), HEAPSCOPE_VSCODE_TIMEOUT
// (seconds for the extension-host run), HEAPSCOPE_VSCODE_VERBOSE=1.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { installExtension, profilePaths, startCodeServer } from './codeServer.mjs';
import { BuildFailed, assertExtensionExists, buildExtension, packageVsix, run } from './packageExtension.mjs';
import { examplesDir, heapscopeVsix, repoRoot, screenshotsDir } from './paths.mjs';
import { runExtensionTests } from './runExtensionTests.mjs';
import { setup } from './setup.mjs';

const SUITE_SOURCE = join(repoRoot, 'test', 'vscode', 'suite', 'index.ts');
const SUITE_INDEX = join(repoRoot, 'dist', 'test', 'vscode', 'suite', 'index.js');
const UI_TESTS = join(repoRoot, 'dist', 'test', 'vscode', 'ui');

/** @param {string} message */
function step(message) {
  console.log(`\n[test:vscode] ${message}`);
}

/** Bundles the extension-host suite's index (build.mjs bundles only the *.test.ts files). */
async function buildSuiteIndex() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: { 'test/vscode/suite/index': SUITE_SOURCE },
    outdir: join(repoRoot, 'dist'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'es2022',
    sourcemap: 'linked',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
}

/** @returns {Promise<number>} the suite's exit code */
async function runHostSuite() {
  step('extension-host suite (test/vscode/suite/) in code-server');
  return runExtensionTests({
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath: SUITE_INDEX,
    workspace: examplesDir,
    timeoutMs: Number(process.env.HEAPSCOPE_VSCODE_TIMEOUT) > 0 ? Number(process.env.HEAPSCOPE_VSCODE_TIMEOUT) * 1000 : undefined,
  });
}

/** @returns {Promise<number>} mocha's exit code */
async function runUiSuite() {
  step('UI suite (test/vscode/ui/): the .vsix in code-server, driven through Chromium');
  const files = existsSync(UI_TESTS) ? readdirSync(UI_TESTS).filter((f) => f.endsWith('.test.js')).sort() : [];
  if (files.length === 0) throw new BuildFailed(`no UI tests were built into ${relative(repoRoot, UI_TESTS)}`);
  // A fresh extensions folder: the .vsix under test and nothing else.
  rmSync(profilePaths('ui-tests').extensionsDir, { recursive: true, force: true });
  installExtension(heapscopeVsix, { profile: 'ui-tests' });
  // Without the smoke-test driver: notifications toast as they do for users.
  const server = await startCodeServer({ profile: 'ui-tests', smokeTestDriver: false });
  try {
    const mochaArgs = [
      join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'),
      '--no-config', // .mocharc.json (the unit tests) ignores dist/test/vscode/
      '--reporter', 'spec',
      '--timeout', '180000',
      ...(process.env.HEAPSCOPE_VSCODE_GREP ? ['--grep', process.env.HEAPSCOPE_VSCODE_GREP] : []),
      ...files.map((f) => join(UI_TESTS, f)),
    ];
    const { code } = await run(process.execPath, mochaArgs, {
      env: {
        ...process.env,
        HEAPSCOPE_VSCODE_URL: server.workbenchUrl({ folder: examplesDir }),
        HEAPSCOPE_EXAMPLES: examplesDir,
        HEAPSCOPE_SCREENSHOTS: screenshotsDir,
      },
    });
    console.log(`[test:vscode] screenshots: ${relative(repoRoot, screenshotsDir)}/`);
    return code;
  } finally {
    await server.stop();
  }
}

async function main() {
  const which = process.argv[2] ?? 'all';
  if (!['all', 'host', 'ui'].includes(which)) throw new BuildFailed(`unknown suite "${which}": use host, ui or nothing`);
  const started = Date.now();
  assertExtensionExists();
  step('set-up');
  await setup();
  step('build');
  await buildExtension();
  await buildSuiteIndex();
  step('package');
  await packageVsix();
  const results = [];
  if (which !== 'ui') results.push(['extension host', await runHostSuite()]);
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
