import { s } from '../dom';
import type { Box } from '../layout';
import { frameTitle, type Scene } from '../model';
import { GEOMETRY as G } from './geometry';

/**
 * The frames column: `<module>` (its globals dict, drawn as the frame rather than as an
 * object) and below it each live function frame, with a row and a port per bound name.
 */
export function renderFrames(scene: Scene, column: Box): SVGGElement {
  const group = s('g', { class: 'frames', transform: `translate(${column.x},${column.y})` });
  const w = column.width;
  for (const f of scene.frames) {
    const frame = f.frame;
    const g = s('g', {
      class: `frame frame-${frame.kind}`,
      transform: `translate(0,${f.top})`,
      'data-frame': frame.id,
      role: 'group',
      'aria-label': `${frame.kind === 'module' ? 'module globals' : `frame ${frame.name}`}: ${frame.variables.map((v) => v.label).join(', ') || 'no names'}`,
    });
    g.append(s('rect', { class: 'box', width: w, height: f.height, rx: 6 }));
    g.append(s('path', { class: 'header', d: `M0,6 a6,6 0 0 1 6,-6 h${w - 12} a6,6 0 0 1 6,6 v${G.frameTitleHeight - 6} h${-w} z` }));
    g.append(s('text', { class: 'frame-title', x: G.padX, y: G.frameTitleHeight / 2 + 4.5 }, frameTitle(frame)));
    g.append(s('text', { class: 'frame-kind', x: w - G.padX, y: G.frameTitleHeight / 2 + 4, 'text-anchor': 'end' }, frame.kind === 'module' ? 'globals' : 'locals'));
    if (frame.variables.length === 0) {
      g.append(s('text', { class: 'frame-empty', x: G.padX, y: G.frameTitleHeight + G.rowHeight / 2 + 4 }, 'no names yet'));
    }
    frame.variables.forEach((v, i) => {
      const cy = G.frameTitleHeight + i * G.rowHeight + G.rowHeight / 2;
      g.append(
        s(
          'g',
          { class: 'variable', 'data-variable': v.label, 'data-target': v.target },
          s('text', { class: 'var-name', x: G.padX, y: cy + 4 }, v.label),
          s('circle', { class: 'port', cx: w, cy, r: 3.5 }),
        ),
      );
    });
    group.append(g);
  }
  return group;
}
