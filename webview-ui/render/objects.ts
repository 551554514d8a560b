import { formatDelta, s } from '../dom';
import type { Box } from '../layout';
import { rowPortY } from '../layout';
import type { SceneObject } from '../model';
import { badgeTooltip, objectAriaLabel } from '../referrers';
import { GEOMETRY as G } from './geometry';
import type { TextMeasure } from './measure';

/**
 * One object box: type, short value, refcount badge, GC status, then a row per reference
 * with the port its arrow leaves from. Colours come from classes (styles.css maps them to
 * the theme's --vscode-* variables); the SVG carries structure and data attributes only.
 */
export function renderObject(so: SceneObject, box: Box, measure: TextMeasure, frames: ReadonlySet<number>): SVGGElement {
  const o = so.object;
  const w = box.width;
  const classes = ['obj', `family-${o.family}`, `gc-${o.gc.kind}`];
  if (o.gc.kind === 'generation') classes.push(`gen-${o.gc.generation}`);
  if (so.garbage) classes.push('garbage');
  if (so.freed) classes.push('freed');
  if (so.allocated) classes.push('allocated');
  if (so.change) classes.push(so.change.delta > 0 ? 'delta-up' : so.change.delta < 0 ? 'delta-down' : 'delta-zero');
  if (o.finalized) classes.push('finalized');

  const g = s('g', {
    class: classes.join(' '),
    transform: `translate(${box.x},${box.y})`,
    tabindex: 0,
    role: 'button',
    'aria-label': objectAriaLabel(o, { freed: so.freed, allocated: so.allocated, delta: so.change?.delta, frames }),
    'aria-haspopup': 'dialog',
    'data-id': o.id,
    'data-type': o.type,
    'data-name': o.name,
    'data-refcount': o.refcount,
    'data-gc': o.gc.kind === 'generation' ? `gen${o.gc.generation}` : o.gc.kind,
  });

  g.append(s('rect', { class: 'box', x: 0, y: 0, width: w, height: box.height, rx: 6 }));
  g.append(s('path', { class: 'header', d: `M0,6 a6,6 0 0 1 6,-6 h${w - 12} a6,6 0 0 1 6,6 v${G.headerHeight - 6} h${-w} z` }));
  g.append(s('rect', { class: 'accent', x: 0, y: 6, width: 3, height: G.headerHeight - 6 }));

  // Header, right to left: badge at the edge, GC status before it, type name at the left.
  const badgeWidth = Math.max(22, measure.mono(so.badgeText) + 14);
  const badgeX = w - G.padX - badgeWidth;
  const badge = s(
    'g',
    { class: 'badge', transform: `translate(${badgeX},${(G.headerHeight - G.badgeHeight) / 2})`, 'data-refcount': o.refcount },
    s('title', {}, badgeTooltip(o)),
    s('rect', { width: badgeWidth, height: G.badgeHeight, rx: G.badgeHeight / 2 }),
    s('text', { x: badgeWidth / 2, y: G.badgeHeight / 2 + 4, 'text-anchor': 'middle' }, so.badgeText),
  );
  // A dot on the badge when part of the count is not drawn as an arrow (code constants,
  // temporaries, the interpreter): the picture alone would not add up.
  const undrawn = o.gc.kind === 'immortal' ? 0 : o.referrers.filter((r) => r.hidden).length + o.externalRefs;
  if (undrawn > 0) badge.append(s('circle', { class: 'badge-undrawn', cx: badgeWidth - 1, cy: 1, r: 3.5, 'data-undrawn': undrawn }));
  const gcWidth = measure.ui(so.gcText) + 10;
  const gcX = badgeX - G.chipGap - gcWidth;
  const chip = s(
    'g',
    { class: 'gc-chip', transform: `translate(${gcX},${(G.headerHeight - 16) / 2})` },
    s('rect', { width: gcWidth, height: 16, rx: 3 }),
    s('text', { x: gcWidth / 2, y: 12, 'text-anchor': 'middle' }, so.gcText),
  );
  g.append(s('text', { class: 'type', x: G.padX, y: G.headerHeight / 2 + 4.5 }, so.typeText), chip, badge);

  let y = G.headerHeight;
  if (so.valueText) {
    const value = s('text', { class: 'value', x: G.padX, y: y + G.valueHeight / 2 + 4 }, so.valueText);
    if (so.valueText !== o.value) value.append(s('title', {}, o.value));
    g.append(value);
    y += G.valueHeight;
  }
  if (so.rows.length > 0) g.append(s('line', { class: 'divider', x1: 0, x2: w, y1: y, y2: y }));
  so.rows.forEach((row, i) => {
    const cy = rowPortY(so, i);
    const rowGroup = s('g', { class: `row row-${row.kind}`, 'data-row': i });
    if (row.kind === 'more') {
      rowGroup.append(
        s('text', { class: 'more-label', x: G.padX, y: cy + 4 }, row.label),
        s('title', {}, `${row.count} more references, collapsed. Press Enter on the box or click here to show them all.`),
      );
      rowGroup.setAttribute('data-action', 'expand');
    } else {
      rowGroup.append(s('text', { class: 'slot-label', x: G.padX, y: cy + 4 }, row.label));
    }
    rowGroup.append(s('circle', { class: 'port', cx: w, cy, r: 3.5 }));
    g.append(rowGroup);
  });
  if (so.collapsible && so.expanded) {
    g.append(s('text', { class: 'collapse-label', x: w - G.padX, y: G.headerHeight + (so.valueText ? G.valueHeight : 0) - 6, 'text-anchor': 'end', 'data-action': 'collapse' }, 'collapse'));
  }
  if (so.classTarget !== undefined) g.append(s('circle', { class: 'port port-class', cx: w, cy: rowPortY(so, -1), r: 2.5 }));

  // Marks outside the box: what this line did to it, and the GC stepper's gc_refs.
  const tags: string[] = [];
  if (so.allocated) tags.push('new');
  if (so.freed) tags.push('freed');
  if (so.garbage && !so.freed) tags.push('unreachable');
  if (o.finalized) tags.push('__del__ ran');
  let tagX = 0;
  for (const tag of tags) {
    const width = measure.ui(tag) + 10;
    g.append(s('g', { class: `tag tag-${tag.replace(/[^a-z]/g, '')}`, transform: `translate(${tagX},-17)` }, s('rect', { width, height: 15, rx: 3 }), s('text', { x: 5, y: 11 }, tag)));
    tagX += width + 4;
  }
  if (so.change && so.change.delta !== 0) {
    const text = formatDelta(so.change.delta);
    const width = measure.mono(text) + 12;
    const causes = so.change.causes.map((c) => `${formatDelta(c.delta)} ${c.label} (${c.holderName})`).join('\n');
    g.append(
      s(
        'g',
        { class: `delta ${so.change.delta > 0 ? 'up' : 'down'}`, transform: `translate(${w - width},-17)`, 'data-delta': so.change.delta },
        s('title', {}, `refcount ${formatDelta(so.change.delta)} on this line:\n${causes}`),
        s('rect', { width, height: 15, rx: 7.5 }),
        s('text', { x: width / 2, y: 11.5, 'text-anchor': 'middle' }, text),
      ),
    );
  }
  g.append(s('g', { class: 'gcrefs', transform: `translate(${w - 76},${box.height + 3})`, visibility: 'hidden' }, s('rect', { width: 76, height: 16, rx: 3 }), s('text', { x: 38, y: 12, 'text-anchor': 'middle' }, '')));
  return g;
}
