/**
 * Tiny DOM builders. Every piece of text goes through `textContent`, never markup: object
 * values, names and file names are user-controlled strings, and `<img onerror=…>` must show
 * up literally. Attributes that could run code (`on*`) or need 'unsafe-inline' (`style`) are
 * refused, so the strict CSP can never be the only thing standing between data and script.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';

type AttrValue = string | number | boolean | undefined | null;
export type Attrs = Readonly<Record<string, AttrValue>>;
type Child = Node | string | null | undefined | false;

function setAttrs(el: Element, attrs: Attrs | undefined): void {
  if (!attrs) return;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (/^on/i.test(name) || name === 'style') throw new Error(`refusing attribute ${name}`);
    el.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(el: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** An HTML element with attributes and text/element children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** An SVG element with attributes and children (text children become text nodes). */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** A codicon glyph (the font ships from dist/, see the panel's HTML). */
export function icon(name: string, extraClass = ''): HTMLElement {
  return h('span', { class: `codicon codicon-${name} ${extraClass}`.trim(), 'aria-hidden': 'true' });
}

/** Replaces an element's children. */
export function replaceChildren(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}

/** Formats a count with thin grouping (1,000) the way the rest of VS Code does. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** The minus sign a reader expects in "−1" (U+2212), not a hyphen. */
export function formatDelta(delta: number): string {
  return delta > 0 ? `+${delta}` : `\u2212${Math.abs(delta)}`;
}
