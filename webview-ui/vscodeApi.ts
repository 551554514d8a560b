import type { PanelMessage } from '../src/protocol';

/** The part of VS Code's webview API the panel uses. */
export interface VsCodeApi {
  postMessage(message: PanelMessage): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;

/**
 * The webview API; `acquireVsCodeApi` may be called only once per page, so it is cached.
 * Outside VS Code (a plain browser) a stand-in keeps the panel usable for debugging.
 */
export function vscode(): VsCodeApi {
  if (api) return api;
  if (typeof acquireVsCodeApi === 'function') {
    api = acquireVsCodeApi();
  } else {
    let state: unknown;
    api = { postMessage: (m) => console.log('[heapscope] post', m), getState: () => state, setState: (s) => void (state = s) };
  }
  return api;
}

/** Posts a message to the extension host. */
export function post(message: PanelMessage): void {
  vscode().postMessage(message);
}

/** Logs to the host's log (and the devtools console). */
export function log(level: 'info' | 'error', message: string): void {
  (level === 'error' ? console.warn : console.log)(`[heapscope] ${message}`);
  post({ kind: 'log', level, message });
}
