import type { ViewObject, ViewRefcountChange } from '../src/protocol';
import { formatDelta, h } from './dom';
import { gcPhrase, refcountSum } from './referrers';

/**
 * The referrers popover: every reference to an object, drawn or hidden (code constants,
 * temporaries, the interpreter), so the badge always adds up. Opened with Enter on a box
 * or a click on its badge; Escape closes it and gives focus back to the box.
 */
export class ReferrersPopover {
  readonly element: HTMLElement;
  private returnFocus: Element | null = null;

  constructor(private readonly jump: (holder: number) => boolean) {
    this.element = h('div', { class: 'popover', role: 'dialog', 'aria-modal': 'false', hidden: true });
    this.element.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
      }
    });
    document.addEventListener('pointerdown', (e) => {
      if (!this.element.hidden && e.target instanceof Node && !this.element.contains(e.target) && !(e.target instanceof Element && e.target.closest('.badge'))) this.close(false);
    });
  }

  get isOpen(): boolean {
    return !this.element.hidden;
  }

  /** Shows the popover for `object` next to `anchor` (positions are relative to `host`). */
  open(object: ViewObject, change: ViewRefcountChange | undefined, anchor: Element, host: HTMLElement, drawn: (id: number) => boolean): void {
    this.returnFocus = anchor;
    const title = h('div', { class: 'popover-title' }, h('strong', {}, object.type), ' ', h('span', { class: 'muted' }, object.name));
    const sum = h('div', { class: 'popover-sum', 'data-sum': object.referrers.length + object.externalRefs }, refcountSum(object));
    const list = h('ul', { class: 'referrers', 'aria-label': 'Referrers' });
    for (const r of object.referrers) {
      const canJump = !r.hidden && drawn(r.holder);
      const label = h('code', {}, r.label);
      const holder = h('span', { class: 'holder' }, r.holderName);
      const item = h('li', { class: r.hidden ? 'hidden-holder' : '', 'data-holder': r.holder });
      if (canJump) {
        const button = h('button', { class: 'link', type: 'button', title: `Go to ${r.holderName}` }, label, ' — ', holder);
        button.addEventListener('click', () => {
          this.close(false);
          this.jump(r.holder);
        });
        item.append(button);
      } else {
        item.append(label, ' — ', holder);
      }
      if (r.hidden) item.append(h('span', { class: 'pill' }, 'not drawn'));
      list.append(item);
    }
    if (object.externalRefs > 0 && object.gc.kind !== 'immortal') {
      list.append(h('li', { class: 'hidden-holder' }, h('code', {}, `× ${object.externalRefs}`), ' — the interpreter (outside the program)', h('span', { class: 'pill' }, 'external')));
    }
    if (object.referrers.length === 0 && object.externalRefs === 0) list.append(h('li', { class: 'muted' }, 'No references: it is being freed.'));
    const parts: Node[] = [title, sum, list, h('div', { class: 'popover-meta' }, gcPhrase(object), object.garbage ? ' · unreachable (cycle garbage)' : '', object.finalized ? ' · __del__ already ran' : '')];
    if (change && change.causes.length > 0) {
      const causes = h('ul', { class: 'causes', 'aria-label': 'Changes on this line' });
      for (const c of change.causes) causes.append(h('li', { class: c.delta > 0 ? 'up' : 'down' }, h('strong', {}, formatDelta(c.delta)), ' ', h('code', {}, c.label), ' — ', c.holderName));
      parts.push(h('div', { class: 'popover-subtitle' }, `This line: ${formatDelta(change.delta)}`), causes);
    }
    const close = h('button', { class: 'icon-button popover-close', type: 'button', 'aria-label': 'Close', title: 'Close (Escape)' }, '×');
    close.addEventListener('click', () => this.close());
    this.element.replaceChildren(close, ...parts);
    this.element.setAttribute('aria-label', `Referrers of ${object.name}`);
    this.element.dataset.id = String(object.id);
    this.element.hidden = false;
    // Place it beside the anchor, kept inside the host.
    const a = anchor.getBoundingClientRect();
    const hr = host.getBoundingClientRect();
    const pw = Math.min(340, hr.width - 16);
    this.element.style.setProperty('width', `${pw}px`);
    let left = a.right - hr.left + 8;
    if (left + pw > hr.width - 8) left = Math.max(8, a.left - hr.left - pw - 8);
    const top = Math.max(8, Math.min(a.top - hr.top, hr.height - this.element.offsetHeight - 8));
    this.element.style.setProperty('left', `${left}px`);
    this.element.style.setProperty('top', `${top}px`);
    (this.element.querySelector<HTMLElement>('button.link') ?? close).focus();
  }

  /** Hides the popover; by default focus goes back to the box it was opened from. */
  close(restoreFocus = true): void {
    if (this.element.hidden) return;
    this.element.hidden = true;
    if (restoreFocus && this.returnFocus instanceof SVGElement) this.returnFocus.focus({ preventScroll: true });
  }
}
