// Builds HeapScope and packages it as users install it (.vscode-test/heapscope.vsix); shared
// by `npm run test:vscode` and `npm start`.
import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { heapscopeVsix, repoRoot } from './paths.mjs';

const EXTENSION_SOURCE = join(repoRoot, 'src', 'extension', 'extension.ts');
const EXTENSION_BUNDLE = join(repoRoot, 'dist', 'extension.js');

/** A failure of a step (not of a test): reported in one line, exit code 1. */
export class BuildFailed extends Error {}

/**
 * Runs a command in the repository root.
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, quiet?: boolean }} [options] quiet: capture instead of print
 * @returns {Promise<{ code: number, output: string }>}
 */
export function run(command, args, { env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    // stdin closed: vsce would ask "continue? [y/N]" about warnings on a terminal.
    /** @type {import('node:child_process').StdioOptions} */
    const stdio = ['ignore', quiet ? 'pipe' : 'inherit', quiet ? 'pipe' : 'inherit'];
    const child = spawn(command, args, { cwd: repoRoot, env: env ?? process.env, stdio });
    let output = '';
    child.stdout?.on('data', (chunk) => { output += chunk; });
    child.stderr?.on('data', (chunk) => { output += chunk; });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** Fails fast, before any slow step, when there is no extension to load yet. */
export function assertExtensionExists() {
  if (!existsSync(EXTENSION_SOURCE)) {
    throw new BuildFailed(
      `HeapScope's extension does not exist yet (no ${relative(repoRoot, EXTENSION_SOURCE)}), so there is ` +
        'nothing to load into VS Code: `npm start` and `npm run test:vscode` (which tests the real extension) fail until it lands.',
    );
  }
}

/** `npm run build`; fails unless the extension's bundle came out. */
export async function buildExtension() {
  const { code } = await run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
  if (code !== 0) throw new BuildFailed('`npm run build` failed (see above)');
  if (!existsSync(EXTENSION_BUNDLE)) throw new BuildFailed(`the build did not produce ${relative(repoRoot, EXTENSION_BUNDLE)}`);
}

/** `vsce package --no-dependencies` into .vscode-test/heapscope.vsix; prints vsce's warnings. */
export async function packageVsix() {
  rmSync(heapscopeVsix, { force: true });
  const vsce = join(repoRoot, 'node_modules', '.bin', process.platform === 'win32' ? 'vsce.cmd' : 'vsce');
  // README.md links to docs/ by relative paths; there is no public repository to rewrite them to.
  const { code, output } = await run(vsce, ['package', '--no-dependencies', '--no-rewrite-relative-links', '-o', heapscopeVsix], { quiet: true });
  if (code !== 0 || !existsSync(heapscopeVsix)) throw new BuildFailed(`packaging the .vsix failed:\n${output.trim()}`);
  for (const line of output.split('\n').filter((l) => /WARNING/.test(l))) console.log(`  vsce: ${line.trim()}`);
  console.log(`  ${relative(repoRoot, heapscopeVsix)} (${Math.round(statSync(heapscopeVsix).size / 1024)} KB)`);
}
