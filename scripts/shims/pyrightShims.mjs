// esbuild settings that let pyright's parser (src/python/pyright.ts) into every bundle,
// including the web-worker bundles that run under a strict CSP with no Node APIs.
// Shared by scripts/build.mjs and the test that loads a browser bundle in a bare VM.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * pyright's `cloneStr` (common/core.js) copies strings through Node's Buffer so that a
 * slice does not keep its source alive. Where there is no Buffer (a web worker), the
 * string itself will do; the binding is local to that one file.
 */
const BUFFER_STAND_IN =
  '"use strict";\nconst Buffer = globalThis.Buffer ?? { from: (text) => ({ toString: () => text }) };\n';

/**
 * pyright's localization module requires its message tables (2 MB of JSON, one file per
 * language). HeapScope reads messages by key (see pyright.ts) and never loads a table,
 * so every table becomes `{}`.
 */
export const pyrightShims = {
  name: 'pyright-shims',
  setup(build) {
    build.onResolve({ filter: /package\.nls\.[\w-]+\.json$/ }, () => ({ path: 'translations', namespace: 'pyright-shims' }));
    build.onLoad({ filter: /.*/, namespace: 'pyright-shims' }, () => ({ contents: '{}', loader: 'json' }));
    build.onLoad({ filter: /pyright-internal[\\/]dist[\\/]common[\\/]core\.js$/ }, async (args) => ({
      contents: BUFFER_STAND_IN + (await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};

/** Browser bundles only: pyright imports Node's `path` for file names it never parses. */
export const browserAlias = {
  path: fileURLToPath(new URL('./path.js', import.meta.url)),
};
