import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';

/**
 * The front end must run in a web worker under a strict CSP: no Node APIs on the path of
 * parseModule. Bundle it for the browser with the shims scripts/build.mjs uses, and run
 * the bundle in a bare VM context (no require, process, Buffer, or module).
 */
describe('front end in a browser bundle', () => {
  it('parses in a context without Node APIs', async function () {
    this.timeout(60000);
    // Loaded at run time, not bundled into this test.
    const esbuild = createRequire(__filename)('esbuild') as typeof import('esbuild');
    const shims = (await import(pathToFileURL(resolve('scripts/shims/pyrightShims.mjs')).href)) as {
      pyrightShims: import('esbuild').Plugin;
      browserAlias: Record<string, string>;
    };
    const entry = [
      "import { parseModule } from './src/python/parse';",
      'const result = parseModule("def f(x):\\n    return [x, \'\\\\N{GREEK SMALL LETTER ALPHA}\']\\n", { version: "3.12" });',
      'globalThis.answer = JSON.stringify({ kinds: result.module.body.map((s) => s.kind), errors: result.errors });',
    ].join('\n');
    const built = await esbuild.build({
      stdin: { contents: entry, resolveDir: resolve('.'), loader: 'ts' },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
      alias: shims.browserAlias,
      plugins: [shims.pyrightShims],
    });
    const sandbox: Record<string, unknown> = {};
    runInNewContext(built.outputFiles[0].text, sandbox);
    assert.deepEqual(JSON.parse(sandbox.answer as string), { kinds: ['FunctionDef'], errors: [] });
    for (const name of ['require', 'process', 'Buffer', 'module']) assert.equal(name in sandbox, false);
  });
});
