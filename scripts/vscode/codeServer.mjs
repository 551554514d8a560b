// Starts and stops code-server — a real VS Code server and workbench — for tests and for
// `npm start`. Each server runs as a process group of its own, on a free 127.0.0.1 port, with
// HOME, XDG dirs, TMPDIR, user data and extensions of its own under `.vscode-test/profiles/`,
// so nothing leaks between runs or into the user's own VS Code. Servers are stopped when this
// process exits, on SIGINT/SIGTERM/SIGHUP, and (through watchParent.cjs) even when this
// process is killed outright.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { constants } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { codeServerEntry, node24, profilesDir, shortTmpDir, testDir } from './paths.mjs';

const watchParentScript = join(dirname(fileURLToPath(import.meta.url)), 'watchParent.cjs');

/**
 * User settings for a quiet, deterministic workbench: no welcome page, telemetry, update or
 * gallery checks, trust prompts, AI side bar or tips, and hovers that appear quickly.
 */
export const quietSettings = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 150,
  'editor.accessibilitySupport': 'off',
  // One explorer row per folder (not "sub/deeper" in one row) and no sticky folder rows over
  // the list, so openFileFromExplorer can click every row on the way.
  'explorer.compactFolders': false,
  'workbench.tree.enableStickyScroll': false,
  // The examples live inside this git repository; the git extension would scan it for nothing.
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
});

/**
 * The folders one server profile uses.
 * @typedef {object} ProfilePaths
 * @property {string} root
 * @property {string} home HOME for the server and its extension host
 * @property {string} userDataDir VS Code user data (settings, logs, state)
 * @property {string} extensionsDir installed extensions (.vsix installs land here)
 * @property {string} configFile code-server's config.yaml
 * @property {string} tmpDir a short TMPDIR (VS Code's IPC sockets live there)
 * @property {string} logFile the server's own stdout and stderr
 */

/**
 * @param {string} profile a name such as `extension-tests`, `ui-tests` or `start`
 * @param {{ userDataDir?: string, extensionsDir?: string }} [overrides]
 * @returns {ProfilePaths}
 */
export function profilePaths(profile, overrides = {}) {
  const root = join(profilesDir, profile);
  return {
    root,
    home: join(root, 'home'),
    userDataDir: overrides.userDataDir ?? join(root, 'user-data'),
    extensionsDir: overrides.extensionsDir ?? join(root, 'extensions'),
    configFile: join(root, 'config.yaml'),
    tmpDir: shortTmpDir(profile),
    logFile: join(root, 'server.log'),
  };
}

/**
 * The environment code-server and its extension host run with: private HOME, XDG and TMPDIR,
 * Node 24 first on PATH, and none of the variables an outer npm or VS Code would leak in.
 * @param {ProfilePaths} paths
 * @param {NodeJS.ProcessEnv} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
function serverEnv(paths, extra = {}) {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|VSCODE_|CODE_SERVER_)/i.test(key) || key === 'ELECTRON_RUN_AS_NODE' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  Object.assign(env, {
    HOME: paths.home,
    XDG_CONFIG_HOME: join(paths.home, '.config'),
    XDG_DATA_HOME: join(paths.home, '.local', 'share'),
    XDG_CACHE_HOME: join(paths.home, '.cache'),
    XDG_STATE_HOME: join(paths.home, '.local', 'state'),
    TMPDIR: paths.tmpDir,
    PATH: [dirname(node24), process.env.PATH ?? ''].join(delimiter),
    HEAPSCOPE_PARENT_PID: String(process.pid),
  });
  return { ...env, ...extra };
}

/** Fails clearly when the set-up has not run. */
function assertInstalled() {
  if (!existsSync(node24) || !existsSync(codeServerEntry)) {
    throw new Error(`code-server is not set up under ${testDir}: run \`node scripts/vscode/setup.mjs\` first`);
  }
}

/**
 * Installs a .vsix into a profile's extensions folder (replacing an installed version).
 * @param {string} vsixPath
 * @param {{ profile?: string, extensionsDir?: string }} [options]
 */
export function installExtension(vsixPath, { profile = 'default', extensionsDir } = {}) {
  assertInstalled();
  if (!existsSync(vsixPath)) throw new Error(`no such .vsix: ${vsixPath}`);
  const paths = profilePaths(profile, { extensionsDir });
  makeDirs(paths);
  const result = spawnSync(
    node24,
    [codeServerEntry, '--user-data-dir', paths.userDataDir, '--extensions-dir', paths.extensionsDir, '--install-extension', vsixPath, '--force'],
    { env: serverEnv(paths), encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) {
    throw new Error(`installing ${vsixPath} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}${result.stderr}`);
  }
}

/** @param {ProfilePaths} paths */
function makeDirs(paths) {
  for (const dir of [paths.home, paths.userDataDir, paths.extensionsDir, paths.tmpDir]) mkdirSync(dir, { recursive: true });
}

/**
 * A running code-server.
 * @typedef {object} CodeServer
 * @property {number} port
 * @property {string} url `http://127.0.0.1:PORT`
 * @property {number} pid the process (and process group) id
 * @property {ProfilePaths} paths
 * @property {(options?: WorkbenchUrlOptions) => string} workbenchUrl
 * @property {(path: string) => string} remoteUri the `vscode-remote://` URI of a server-side path
 * @property {() => Promise<void>} stop ends the whole process group
 * @property {Promise<void>} exited settles when the server process has exited (for any reason)
 */

/**
 * @typedef {object} WorkbenchUrlOptions
 * @property {string} [folder] absolute path of the workspace folder to open
 * @property {Array<[string, string]>} [payload] workbench payload entries
 *   (honoured because the server runs with `enable-smoke-test-driver`)
 */

/**
 * @typedef {object} StartOptions
 * @property {string} [profile] state folder name under `.vscode-test/profiles/` (default `default`)
 * @property {boolean} [freshUserData] wipe the user data first (default: yes for the profile's
 *   own folder, so no window state, recent files or logs carry over; never a given `userDataDir`)
 * @property {Record<string, unknown>} [settings] user settings layered over {@link quietSettings}
 * @property {string} [userDataDir] use this user data folder instead of the profile's
 * @property {string} [extensionsDir] use this extensions folder instead of the profile's
 * @property {NodeJS.ProcessEnv} [env] extra environment (the extension host inherits it)
 * @property {boolean} [smokeTestDriver] run with `enable-smoke-test-driver` (default true). The
 *   workbench honours the extension-tests payload only with it, but it also never shows
 *   notification toasts: UI tests and `npm start` turn it off.
 * @property {number} [port] a fixed port (default: a free one)
 * @property {number} [timeoutMs] how long to wait for /healthz (default 60 s)
 */

/** Process group ids of the servers this process started and has not stopped. @type {Set<{ pid: number }>} */
const liveServers = new Set();
let exitHooksInstalled = false;

/**
 * Starts code-server and resolves once `/healthz` answers.
 * @param {StartOptions} [options]
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(options = {}) {
  assertInstalled();
  installExitHooks();
  const profile = options.profile ?? 'default';
  const paths = profilePaths(profile, options);
  if (options.freshUserData ?? !options.userDataDir) rmSync(paths.userDataDir, { recursive: true, force: true });
  makeDirs(paths);
  mkdirSync(join(paths.userDataDir, 'User'), { recursive: true });
  writeSettings(join(paths.userDataDir, 'User', 'settings.json'), { ...quietSettings, ...options.settings });
  // code-server writes a config with a generated password when it finds none.
  writeFileSync(paths.configFile, 'auth: none\ncert: false\n');

  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      return await launch(port, paths, options);
    } catch (error) {
      // Another process may take the port between freePort() and the bind: try another.
      const raced = /EADDRINUSE/.test(String(error));
      if (!raced || options.port !== undefined || attempt >= 3) throw error;
    }
  }
}

/**
 * Writes the user settings; settings already in a kept user data folder win (someone may have
 * changed them in the UI of `npm start`). A settings file with comments is left alone.
 * @param {string} file
 * @param {Record<string, unknown>} settings
 */
function writeSettings(file, settings) {
  /** @type {Record<string, unknown>} */
  let existing = {};
  if (existsSync(file)) {
    try {
      existing = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return;
    }
  }
  writeFileSync(file, `${JSON.stringify({ ...settings, ...existing }, null, 2)}\n`);
}

/**
 * @param {number} port
 * @param {ProfilePaths} paths
 * @param {StartOptions} options
 * @returns {Promise<CodeServer>}
 */
async function launch(port, paths, options) {
  const log = openSync(paths.logFile, 'w');
  const child = spawn(
    node24,
    [
      '--require', watchParentScript,
      codeServerEntry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--user-data-dir', paths.userDataDir,
      '--extensions-dir', paths.extensionsDir,
      '--config', paths.configFile,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...(options.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
    ],
    { detached: true, stdio: ['ignore', log, log], env: serverEnv(paths, options.env) },
  );
  closeSync(log);
  const pid = /** @type {number} */ (child.pid);
  const entry = { pid };
  liveServers.add(entry);
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => child.once('exit', () => resolve()));

  const stop = async () => {
    if (!liveServers.has(entry)) return;
    signalGroup(pid, 'SIGTERM');
    const timeout = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    await Promise.race([exited, timeout]);
    signalGroup(pid, 'SIGKILL'); // whatever of the group is left (extension host, pty host)
    liveServers.delete(entry);
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, exited, options.timeoutMs ?? 60_000);
  } catch (error) {
    await stop();
    const tail = readFileSync(paths.logFile, 'utf8').trimEnd().split('\n').slice(-20).join('\n');
    throw new Error(`code-server did not start: ${error instanceof Error ? error.message : error}\n--- ${paths.logFile} ---\n${tail}`);
  }
  const remoteUri = (/** @type {string} */ path) => `vscode-remote://127.0.0.1:${port}${pathToFileURL(path).pathname}`;
  return {
    port,
    url,
    pid,
    paths,
    remoteUri,
    workbenchUrl: ({ folder, payload } = {}) => {
      const query = [];
      if (folder) query.push(`folder=${encodeURIComponent(folder).replace(/%2F/g, '/')}`); // readable; `/` is fine in a query
      if (payload) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
      return `${url}/${query.length ? `?${query.join('&')}` : ''}`;
    },
    stop,
    exited,
  };
}

/**
 * @param {string} url
 * @param {Promise<unknown>} exited
 * @param {number} timeoutMs
 */
async function waitForHealth(url, exited, timeoutMs) {
  let hasExited = false;
  exited.then(() => { hasExited = true; });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error('the server exited');
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no answer from ${url}/healthz within ${timeoutMs / 1000} s`);
}

/** @returns {Promise<number>} a port that was free a moment ago */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * @param {number} pgid
 * @param {NodeJS.Signals} signal
 */
function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

/** Stops every server this process started (used by the exit hooks; also exported for tests). */
export function killAllCodeServers() {
  for (const entry of liveServers) signalGroup(entry.pid, 'SIGKILL');
  liveServers.clear();
}

/** Kills our servers when this process exits, however it exits. */
function installExitHooks() {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', killAllCodeServers);
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    const onSignal = () => {
      killAllCodeServers();
      // Exit as the signal would have, unless the program handles the signal itself.
      if (process.listenerCount(signal) === 1) process.exit(128 + constants.signals[signal]);
    };
    process.on(signal, onSignal);
  }
}
