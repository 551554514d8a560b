// Compares parseModule's verdict with CPython's compile() on every .py file of a CPython
// standard library (its tests included, some of which are deliberately invalid).
// Run by hand, with the pyenv interpreters installed:
//
//   node scripts/check-stdlib.mjs 3.12            # or 3.10, 3.11, 3.13
//
// A file agrees when both accept it, or both reject it with the same message, line and
// offset. Files that are not UTF-8 are skipped: HeapScope receives text, not bytes.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pyrightShims } from './shims/pyrightShims.mjs';

const FULL = { '3.10': '3.10.13', '3.11': '3.11.7', '3.12': '3.12.1', '3.13': '3.13.0' };
const version = process.argv[2] ?? '3.12';
if (!FULL[version]) throw new Error(`usage: node scripts/check-stdlib.mjs ${Object.keys(FULL).join('|')}`);
const root = join(process.env.PYENV_ROOT ?? join(process.env.HOME, '.pyenv'), 'versions', FULL[version]);
const work = mkdtempSync(join(tmpdir(), 'heapscope-stdlib-'));

// 1. CPython's verdicts.
const recorder = `
import json, os, sys
lib = os.path.join(sys.prefix, 'lib', 'python%d.%d' % sys.version_info[:2])
out = {}
for folder, _, files in os.walk(lib):
    if 'site-packages' in folder:
        continue
    for name in files:
        if not name.endswith('.py'):
            continue
        path = os.path.join(folder, name)
        try:
            text = open(path, 'rb').read().decode('utf-8')
        except (OSError, UnicodeDecodeError):
            continue
        if text.startswith('\\ufeff'):
            continue  # a BOM is dropped when a file is read; compile(str) would keep it
        try:
            compile(text, path, 'exec', dont_inherit=True)
            out[path] = None
        except SyntaxError as e:
            out[path] = [e.msg, e.lineno, e.offset]
        except Exception:
            pass
json.dump(out, open(sys.argv[1], 'w'))
`;
const verdicts = join(work, 'verdicts.json');
execFileSync(join(root, 'bin', 'python3'), ['-W', 'ignore', '-c', recorder, verdicts], { stdio: 'inherit' });

// 2. Ours.
const bundle = join(work, 'check.cjs');
await esbuild.build({
  stdin: {
    contents: `
      const { readFileSync } = require('node:fs');
      const { parseModule } = require(${JSON.stringify(resolve('src/python/parse.ts'))});
      const expected = JSON.parse(readFileSync(process.argv[2], 'utf8'));
      let agree = 0;
      const disagree = [];
      for (const [file, want] of Object.entries(expected)) {
        const got = parseModule(readFileSync(file, 'utf8'), { version: process.argv[3] }).errors[0];
        const same = want === null ? !got : !!got && got.message === want[0] && got.lineno === want[1] && got.offset === want[2];
        if (same) agree++;
        else disagree.push(file + ': CPython ' + (want ? want.join(' ') : 'accepts') + '; HeapScope ' + (got ? [got.message, got.lineno, got.offset].join(' ') : 'accepts'));
      }
      console.log(disagree.join('\\n'));
      console.log(agree + ' of ' + Object.keys(expected).length + ' files agree');
      process.exitCode = disagree.length ? 1 : 0;
    `,
    resolveDir: resolve('.'),
    loader: 'js',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: bundle,
  logLevel: 'warning',
  plugins: [pyrightShims],
});
writeFileSync(join(work, 'README'), 'scratch files of scripts/check-stdlib.mjs\n');
try {
  execFileSync(process.execPath, ['--stack-size=4000', bundle, verdicts, version], { stdio: 'inherit' });
} catch {
  process.exitCode = 1;
}

