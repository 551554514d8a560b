// Builds every bundle HeapScope ships or tests with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { browserAlias, pyrightShims } from './shims/pyrightShims.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Test files and benchmarks are discovered; product entries are listed. */
function findFiles(dir, suffix) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findFiles(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found;
}

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
  // pyright's parser imports Node's path module for file names we never use (aliased in
  // browser bundles below) and 2 MB of message translations we never read.
  alias: {},
  plugins: [pyrightShims],
};

const builds = [
  { entryPoints: { extension: 'src/extension/extension.ts' }, platform: 'node', format: 'cjs', external: ['vscode'], outdir: 'dist' },
  { entryPoints: { 'web/extension': 'src/extension/extension.ts' }, platform: 'browser', format: 'cjs', external: ['vscode'], outdir: 'dist', define: { 'process.env.HEAPSCOPE_WEB': '"1"' } },
  { entryPoints: { 'simulation-worker': 'src/extension/worker/nodeWorker.ts' }, platform: 'node', format: 'cjs', outdir: 'dist' },
  { entryPoints: { 'web/simulation-worker': 'src/extension/worker/webWorker.ts' }, platform: 'browser', format: 'iife', outdir: 'dist' },
  { entryPoints: { webview: 'webview-ui/main.ts' }, platform: 'browser', format: 'iife', outdir: 'dist', loader: { '.css': 'text' } },
  // The panel's icon font, shipped from dist/ (the webview may load nothing outside it).
  { entryPoints: { 'codicons/codicon': 'node_modules/@vscode/codicons/dist/codicon.css' }, outdir: 'dist', loader: { '.ttf': 'file' }, assetNames: 'codicons/[name]', sourcemap: false },
  { entryPoints: { cli: 'src/cli.ts' }, platform: 'node', format: 'cjs', outdir: 'dist', banner: { js: '#!/usr/bin/env node' } },
  // The simulator as a library, for scripts (the sweep, the fuzzer) that drive it directly.
  { entryPoints: { 'lib/simulate': 'src/python/simulate.ts' }, platform: 'node', format: 'cjs', outdir: 'dist' },
  // The fuzzer's campaign (mutations, isolated runs, minimization), for scripts/fuzz.mjs.
  { entryPoints: { 'lib/fuzz': 'test/python/fuzz/campaign.ts' }, platform: 'node', format: 'cjs', outdir: 'dist' },
  {
    entryPoints: [...findFiles('test', '.test.ts'), ...findFiles('bench', '.ts')].map((file) => ({
      in: file,
      out: relative('.', file).replace(/\.ts$/, ''),
    })),
    platform: 'node',
    format: 'cjs',
    outdir: 'dist',
    external: ['vscode', 'playwright-core', 'mocha'],
  },
];

const contexts = [];
for (const build of builds) {
  const entries = Array.isArray(build.entryPoints)
    ? build.entryPoints.filter((e) => existsSync(e.in))
    : Object.fromEntries(Object.entries(build.entryPoints).filter(([, file]) => existsSync(file)));
  if ((Array.isArray(entries) ? entries.length : Object.keys(entries).length) === 0) continue;
  const alias = build.platform === 'browser' ? browserAlias : common.alias;
  contexts.push(await esbuild.context({ ...common, ...build, alias, entryPoints: entries }));
}
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
