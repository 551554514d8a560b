import type { PythonVersion, ViewStatus } from '../src/protocol';
import { h, icon } from './dom';

const STOP_TITLES: Readonly<Record<Extract<ViewStatus, { kind: 'stopped' }>['reason'], string>> = {
  exception: 'An exception stopped the program',
  unsupported: 'HeapScope cannot simulate this yet',
  budget: 'The step budget ran out',
  limit: 'The heap grew past the simulation limit',
  syntax: 'The snippet has a syntax error',
};

/** The banner for a run that stopped early: why, where, and a button to go to the line. */
export function renderStopBanner(status: ViewStatus, revealLine: (line: number) => void): HTMLElement | null {
  if (status.kind !== 'stopped') return null;
  const go = h('button', { type: 'button', class: 'button secondary', 'data-action': 'reveal-stop' }, `Go to line ${status.line}`);
  go.addEventListener('click', () => revealLine(status.line));
  return h(
    'div',
    { class: `banner banner-${status.reason === 'exception' || status.reason === 'syntax' ? 'error' : 'warning'}`, role: 'alert', 'data-reason': status.reason },
    icon(status.reason === 'exception' || status.reason === 'syntax' ? 'error' : 'warning'),
    h('div', { class: 'banner-text' }, h('strong', {}, `${STOP_TITLES[status.reason] ?? 'The run stopped'} at line ${status.line}`), h('div', { class: 'banner-message' }, status.message)),
    go,
  );
}

/** The friendly empty state: nothing to draw yet, and why. */
export function renderEmptyState(reason: string, version: PythonVersion | null): HTMLElement {
  return h(
    'div',
    { class: 'empty-state', role: 'status' },
    icon('symbol-structure', 'empty-icon'),
    h('h1', {}, 'No heap to show yet'),
    h('p', {}, reason),
    h('p', { class: 'muted' }, 'Put the cursor on a line of a Python snippet; the heap right after that line appears here.', version ? ` Simulating CPython ${version}.` : ''),
  );
}

/** The "updating" overlay shown over the stale picture while the simulation runs. */
export function renderBusy(): HTMLElement {
  return h('div', { class: 'busy', role: 'status', 'aria-live': 'polite' }, icon('loading', 'codicon-modifier-spin'), h('span', {}, 'Updating…'));
}
