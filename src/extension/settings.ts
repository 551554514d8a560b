/**
 * HeapScope's settings (`heapscope.*`), read and checked in one place. Pure: it takes any
 * object with `get`, which `vscode.workspace.getConfiguration('heapscope')` is.
 */
import { PYTHON_VERSIONS, type PythonVersion } from '../protocol';
import { DEFAULT_VERSION } from '../versions';
import { SNIPPET_MODES, type SnippetMode } from './snippets';

export interface Settings {
  /** The CPython version whose behaviour is simulated. */
  readonly pythonVersion: PythonVersion;
  /** Lines executed before a run stops (runaway loops). */
  readonly stepBudget: number;
  /** Quiet time after an edit before the snippet is simulated again. */
  readonly debounceMs: number;
  readonly inlineHints: boolean;
  readonly openPanelAutomatically: boolean;
  readonly snippetMode: SnippetMode;
}

export const DEFAULT_SETTINGS: Settings = {
  pythonVersion: DEFAULT_VERSION,
  stepBudget: 1_000_000,
  debounceMs: 150,
  inlineHints: true,
  openPanelAutomatically: false,
  snippetMode: 'auto',
};

/** The part of a configuration object this module reads. */
export interface ConfigurationLike {
  get<T>(section: string): T | undefined;
}

function clampInt(value: unknown, min: number, max: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.round(value))) : fallback;
}

/** The settings in effect; anything missing or malformed takes its default. */
export function readSettings(config: ConfigurationLike): Settings {
  const version = config.get<string>('pythonVersion');
  const mode = config.get<string>('snippetMode');
  const bool = (key: string, fallback: boolean): boolean => {
    const value = config.get<unknown>(key);
    return typeof value === 'boolean' ? value : fallback;
  };
  return {
    pythonVersion: (PYTHON_VERSIONS as readonly string[]).includes(version ?? '') ? (version as PythonVersion) : DEFAULT_SETTINGS.pythonVersion,
    stepBudget: clampInt(config.get('stepBudget'), 1_000, 100_000_000, DEFAULT_SETTINGS.stepBudget),
    debounceMs: clampInt(config.get('debounceMs'), 0, 5_000, DEFAULT_SETTINGS.debounceMs),
    inlineHints: bool('inlineHints', DEFAULT_SETTINGS.inlineHints),
    openPanelAutomatically: bool('openPanelAutomatically', DEFAULT_SETTINGS.openPanelAutomatically),
    snippetMode: (SNIPPET_MODES as readonly string[]).includes(mode ?? '') ? (mode as SnippetMode) : DEFAULT_SETTINGS.snippetMode,
  };
}
