/**
 * `npm run bench`: every benchmark, each in its own process (so one's heap does not slow
 * the next), printing their tables. Speed targets are checked here, never in unit tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const here = __dirname;
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.js'))
  .sort((a, b) => order(a) - order(b) || a.localeCompare(b));

function order(file: string): number {
  const first = ['core.bench.js', 'interpreter.bench.js', 'editorLatency.bench.js', 'panelRender.bench.js'];
  const i = first.indexOf(file);
  return i < 0 ? first.length : i;
}

let failed = false;
for (const file of benches) {
  const path = join(here, file);
  if (!existsSync(path)) continue;
  console.log(`\n=== ${file.replace('.bench.js', '')} ===`);
  const result = spawnSync(process.execPath, ['--max-old-space-size=4096', path], { stdio: 'inherit' });
  if (result.status !== 0) {
    failed = true;
    console.log(`(${file} exited with ${result.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
