import type { ViewObject, ViewReferrer } from '../src/protocol';
import { formatCount, formatDelta } from './dom';

/**
 * Words about who holds an object — shared by the badge tooltip, the popover, the list
 * view and screen-reader labels, so all of them say the same thing.
 */

/**
 * How a reader names one reference: `a` for a variable, `list#3[0]` for a slot. `frames`
 * holds the ids of the view's frames: a reference held by a frame is a name.
 */
export function referrerPhrase(r: ViewReferrer, frames: ReadonlySet<number> = new Set()): string {
  if (r.hidden) return `${r.holderName} (${r.label})`;
  if (frames.has(r.holder) || r.holderName.endsWith('globals') || r.holderName.startsWith('frame ')) return r.label;
  if (r.label.startsWith('[') || r.label.startsWith('.')) return `${r.holderName}${r.label}`;
  return `${r.holderName} ${r.label}`;
}

/** "a, b and list#3[0]". */
export function joinPhrases(items: readonly string[], max = 6): string {
  if (items.length === 0) return 'nothing';
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length === 1) return shown[0];
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** The sum the badge stands for: "2 references + 1 held by the interpreter = 3". */
export function refcountSum(o: ViewObject): string {
  if (o.gc.kind === 'immortal') return `immortal (PEP 683): ob_refcnt stays ${formatCount(o.refcount)} whatever the program does; ${o.referrers.length} reference${o.referrers.length === 1 ? '' : 's'} from the program`;
  const refs = o.referrers.length;
  const parts = [`${refs} reference${refs === 1 ? '' : 's'}`];
  if (o.externalRefs > 0) parts.push(`${o.externalRefs} held by the interpreter`);
  const total = refs + o.externalRefs;
  const check = total === o.refcount ? '' : ` (the view says ${o.refcount})`;
  return `refcount ${total} = ${parts.join(' + ')}${check}`;
}

/** The badge's tooltip: the sum, then every referrer on its own line, hidden ones marked. */
export function badgeTooltip(o: ViewObject): string {
  const lines = [refcountSum(o)];
  for (const r of o.referrers.slice(0, 40)) lines.push(`• ${r.label} — ${r.holderName}${r.hidden ? ' (not drawn)' : ''}`);
  if (o.referrers.length > 40) lines.push(`… and ${o.referrers.length - 40} more`);
  if (o.externalRefs > 0 && o.gc.kind !== 'immortal') lines.push(`• ${o.externalRefs} × the interpreter (outside the program)`);
  lines.push('Enter or click the badge to list them');
  return lines.join('\n');
}

/** The GC status in words for screen readers: "generation 0", "not tracked by the collector". */
export function gcPhrase(o: ViewObject): string {
  switch (o.gc.kind) {
    case 'generation':
      return /^gen /.test(o.gc.label) ? `generation ${o.gc.generation}` : `${o.gc.label} generation`;
    case 'untracked':
      return 'not tracked by the collector';
    case 'immortal':
      return 'immortal';
    case 'permanent':
      return 'permanent generation (frozen)';
  }
}

/** A box's screen-reader label: "list, refcount 2, generation 0, referenced by a and b". */
export function objectAriaLabel(o: ViewObject, extra: { freed: boolean; allocated: boolean; delta?: number; frames?: ReadonlySet<number> }): string {
  const parts = [o.type === o.name || o.name.startsWith(`${o.type}#`) ? o.type : `${o.type} ${o.name}`];
  parts.push(o.gc.kind === 'immortal' ? 'refcount immortal' : `refcount ${o.refcount}`);
  parts.push(gcPhrase(o));
  parts.push(`referenced by ${joinPhrases(o.referrers.map((r) => referrerPhrase(r, extra.frames)))}`);
  if (o.value) parts.push(`value ${o.value.length > 60 ? `${o.value.slice(0, 60)}…` : o.value}`);
  if (o.garbage) parts.push('unreachable garbage');
  if (extra.allocated) parts.push('allocated by this line');
  if (extra.freed) parts.push('freed by this line');
  if (extra.delta) parts.push(`refcount ${formatDelta(extra.delta)} on this line`);
  return parts.join(', ');
}
