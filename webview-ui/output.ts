import { h } from './dom';

/** What the program printed up to this line, stdout and stderr as separate, labelled blocks. */
export function renderOutput(stdout: string, stderr: string): HTMLElement {
  const section = h('section', { class: 'side-section output', 'aria-label': 'Printed output' }, h('h2', {}, 'Output'));
  if (!stdout && !stderr) {
    section.append(h('p', { class: 'muted' }, 'Nothing printed yet.'));
    return section;
  }
  if (stdout) section.append(h('pre', { class: 'stdout', 'aria-label': 'Standard output' }, stdout));
  if (stderr) section.append(h('pre', { class: 'stderr', 'aria-label': 'Standard error' }, stderr));
  return section;
}
