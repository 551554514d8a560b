#!/usr/bin/env node
// `npm start`: HeapScope in a real VS Code, as a user gets it. Builds and packages the
// extension, sets up code-server (first time: a few minutes), installs the .vsix and serves
// the workbench on 127.0.0.1 with the examples workspace open, until Ctrl+C.
// Usage: npm start [-- --port N] [-- FOLDER]   (PORT in the environment works too)
// Settings changed in this VS Code are kept between runs (.vscode-test/profiles/start/).
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { installExtension, startCodeServer } from './vscode/codeServer.mjs';
import { BuildFailed, assertExtensionExists, buildExtension, packageVsix } from './vscode/packageExtension.mjs';
import { examplesDir, heapscopeVsix } from './vscode/paths.mjs';
import { setup } from './vscode/setup.mjs';

/** @param {string[]} argv */
function parseArguments(argv) {
  let port = Number(process.env.PORT) || undefined;
  let folder = examplesDir;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) port = Number(arg.slice('--port='.length));
    else if (!arg.startsWith('-')) folder = resolve(arg);
    else throw new BuildFailed(`unknown option ${arg} (usage: npm start [-- --port N] [-- FOLDER])`);
  }
  if (port !== undefined && !(port > 0 && port < 65536)) throw new BuildFailed('--port needs a port number');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new BuildFailed(`no such folder: ${folder}`);
  return { port, folder };
}

async function main() {
  const { port, folder } = parseArguments(process.argv.slice(2));
  assertExtensionExists();
  console.log('[start] building and packaging HeapScope…');
  await buildExtension();
  await packageVsix();
  await setup();
  installExtension(heapscopeVsix, { profile: 'start' });
  const server = await startCodeServer({ profile: 'start', port, freshUserData: false, smokeTestDriver: false });
  console.log(`\nHeapScope is running in VS Code at ${server.workbenchUrl({ folder })}`);
  console.log('Press Ctrl+C to stop.');

  const stop = async (/** @type {string} */ why) => {
    console.log(`\n[start] ${why}: stopping code-server…`);
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('interrupted'));
  process.once('SIGTERM', () => void stop('terminated'));
  await server.exited;
  console.error(`[start] code-server exited unexpectedly; its log: ${server.paths.logFile}`);
  process.exit(1);
}

main().catch((error) => {
  console.error(`[start] FAILED: ${error instanceof BuildFailed ? error.message : error instanceof Error ? error.stack : error}`);
  process.exit(1);
});
