import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatGcCounts, describeGcCounts } from '../../src/extension/gcCounts';
import { defaultPictureName, pictureBytes } from '../../src/extension/pictureFile';
import { DEFAULT_SETTINGS, readSettings } from '../../src/extension/settings';
import { generationMeanings, versionNotes } from '../../src/extension/versionNotes';
import { VERSIONS } from '../../src/versions';

/** Settings, version notes, the status bar's GC text and picture files: the small pure parts. */

const config = (values: Record<string, unknown>) => ({ get: <T>(key: string) => values[key] as T | undefined });

describe('settings', () => {
  it('reads every setting, with defaults for missing or malformed values', () => {
    assert.deepEqual(readSettings(config({})), DEFAULT_SETTINGS);
    assert.deepEqual(
      readSettings(config({ pythonVersion: '3.14', stepBudget: 5000.4, debounceMs: -3, inlineHints: false, openPanelAutomatically: true, snippetMode: 'cell' })),
      { pythonVersion: '3.14', stepBudget: 5000, debounceMs: 0, inlineHints: false, openPanelAutomatically: true, snippetMode: 'cell' },
    );
    assert.deepEqual(readSettings(config({ pythonVersion: '2.7', stepBudget: 'many', inlineHints: 'yes', snippetMode: 'line' })), DEFAULT_SETTINGS);
  });

  it('matches the manifest: the same keys, defaults and choices', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
    const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown; enum?: unknown[] }>;
    const keys = Object.keys(DEFAULT_SETTINGS).map((k) => `heapscope.${k}`);
    assert.deepEqual(Object.keys(properties).sort(), keys.sort());
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) assert.deepEqual(properties[`heapscope.${key}`].default, value, key);
    assert.deepEqual(properties['heapscope.pythonVersion'].enum, Object.keys(VERSIONS));
    assert.deepEqual(properties['heapscope.snippetMode'].enum, ['auto', 'file', 'cell', 'selection']);
  });
});

describe('version notes', () => {
  it('describes each version by what changed from the one before, from the profiles', () => {
    const notes = versionNotes();
    assert.deepEqual(notes.map((n) => n.version), ['3.10', '3.11', '3.12', '3.13', '3.14']);
    const byVersion = Object.fromEntries(notes.map((n) => [n.version, n]));
    assert.match(byVersion['3.11'].description, /instance attributes are stored inline/);
    assert.match(byVersion['3.12'].description, /None, True, False and small ints are immortal \(refcount 4294967295\)/);
    assert.match(byVersion['3.13'].description, /thresholds 2000\/10\/10/);
    assert.match(byVersion['3.14'].description, /incremental GC/);
    assert.match(byVersion['3.10'].detail, /generational GC, thresholds 700\/10\/10/);
  });

  it('names gc.collect(0/1/2) as each version means them', () => {
    assert.deepEqual(generationMeanings(VERSIONS['3.14']), ['young', 'increment', 'full']);
    assert.deepEqual(generationMeanings(VERSIONS['3.12']), ['generation 0', 'generation 1', 'generation 2 (full)']);
  });
});

describe('status bar GC counters', () => {
  const gc = { scheme: 'generational' as const, counts: [12, 3, 1], thresholds: [700, 10, 10], enabled: true, generationLabels: ['gen 0', 'gen 1', 'gen 2'] };

  it('shows counts against thresholds', () => {
    assert.equal(formatGcCounts(gc), 'gc 12/700 · 3/10 · 1/10');
    assert.equal(formatGcCounts({ ...gc, enabled: false }), 'gc 12/700 · 3/10 · 1/10 (disabled)');
    // 3.14 reports the third threshold as 0: its old generation is scanned in increments.
    assert.equal(formatGcCounts({ ...gc, scheme: 'incremental', counts: [40, 2, 0], thresholds: [2000, 10, 0] }), 'gc 40/2000 · 2/10');
  });

  it('explains each generation in the tooltip', () => {
    const lines = describeGcCounts(gc);
    assert.equal(lines.length, 3);
    assert.match(lines[0], /^gen 0: 12 allocations .* after 700$/);
  });
});

describe('picture files', () => {
  it('writes SVG text as UTF-8 and decodes a PNG data URL', () => {
    assert.deepEqual([...pictureBytes('svg', '<svg>é</svg>')], [...Buffer.from('<svg>é</svg>', 'utf8')]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]);
    assert.deepEqual([...pictureBytes('png', `data:image/png;base64,${png.toString('base64')}`)], [...png]);
    assert.throws(() => pictureBytes('png', '<svg/>'), /PNG data URL/);
  });

  it('names the file after the document and the line', () => {
    assert.equal(defaultPictureName('two_list_cycle.py', 8, 'svg'), 'two_list_cycle-line8.svg');
    assert.equal(defaultPictureName('lesson.ipynb (cell 3)', 2, 'png'), 'lesson-cell3-line2.png');
    assert.equal(defaultPictureName('Untitled-1', 1, 'svg'), 'Untitled-1-line1.svg');
  });
});
