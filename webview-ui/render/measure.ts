import { FONT } from './geometry';

/**
 * Text widths for the layout, measured with a canvas in the theme's own fonts, so boxes fit
 * their text in every theme. Results are cached: a heap repeats the same labels a lot.
 */
export class TextMeasure {
  private readonly context: CanvasRenderingContext2D | null;
  private readonly cache = new Map<string, number>();
  private readonly uiFont: string;
  private readonly monoFont: string;

  constructor(root: Element = document.body) {
    const style = getComputedStyle(root);
    const uiFamily = style.getPropertyValue('--vscode-font-family').trim() || 'system-ui, sans-serif';
    const monoFamily = style.getPropertyValue('--vscode-editor-font-family').trim() || 'monospace';
    this.uiFont = `${FONT.uiSize}px ${uiFamily}`;
    this.monoFont = `${FONT.monoSize}px ${monoFamily}`;
    this.context = document.createElement('canvas').getContext('2d');
  }

  private measure(font: string, weight: string, text: string): number {
    const key = `${weight}|${font === this.monoFont ? 'm' : 'u'}|${text}`;
    let width = this.cache.get(key);
    if (width !== undefined) return width;
    if (this.context) {
      this.context.font = `${weight} ${font}`;
      width = this.context.measureText(text).width;
    } else {
      width = text.length * 7.2;
    }
    this.cache.set(key, width);
    return width;
  }

  /** Width of UI text (type names, titles). */
  ui(text: string, bold = false): number {
    return this.measure(this.uiFont, bold ? '600' : '400', text);
  }

  /** Width of code text (values, slot labels, variable names). */
  mono(text: string): number {
    return this.measure(this.monoFont, '400', text);
  }
}

/**
 * Cuts `text` so that it fits `maxWidth`, ending with an ellipsis; binary search on the
 * measured width because characters differ in width in proportional fonts.
 */
export function truncate(text: string, maxWidth: number, width: (t: string) => number): string {
  if (width(text) <= maxWidth) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (width(text.slice(0, mid) + '…') <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + '…';
}
