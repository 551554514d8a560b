// The extension-host suite's entry point (`extensionTestsPath`): VS Code loads this module in
// the extension host, with the real `vscode` API, and awaits `run()`; a rejection fails the
// run. It runs every `*.test.js` that scripts/build.mjs bundled next to it
// (dist/test/vscode/suite/), so a new test file needs no registration.
//
// Built by scripts/vscode/test.mjs (build.mjs bundles only *.test.ts) and run by
// `npm run test:vscode`, in code-server here or in a desktop VS Code through
// @vscode/test-electron (see scripts/vscode/runExtensionTests.mjs).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** Runs the suite; resolves when every test passed. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  const grep = process.env.HEAPSCOPE_VSCODE_GREP;
  if (grep) mocha.grep(grep);
  for (const name of readdirSync(__dirname).filter((file) => file.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, name));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
