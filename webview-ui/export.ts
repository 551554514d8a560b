/**
 * Export of the current picture. The SVG is made self-contained: every theme colour and
 * font, which live in CSS variables inside VS Code, is resolved and written onto the
 * elements, so the file looks the same in a browser, an image viewer or a slide deck. The
 * PNG is that SVG drawn on a canvas.
 */

/** Properties copied from the live picture onto the exported elements. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-decoration-line',
  'visibility',
  'display',
] as const;

/** Attributes that only make sense inside the panel. */
const DROPPED_ATTRIBUTES = ['tabindex', 'aria-haspopup', 'data-action'];

/** Serialises the picture as a standalone SVG document string. */
export function exportSvg(svg: SVGSVGElement, width: number, height: number, background: string): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone);
  const viewport = clone.querySelector('.viewport');
  viewport?.removeAttribute('transform');
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(Math.ceil(width)));
  clone.setAttribute('height', String(Math.ceil(height)));
  clone.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
  clone.removeAttribute('class');
  for (const name of ['data-zoom', 'data-width', 'data-height']) clone.removeAttribute(name);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', background);
  clone.insertBefore(bg, clone.firstChild);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
}

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const styled = source instanceof SVGGraphicsElement || source instanceof SVGSVGElement;
  if (styled && !(source instanceof SVGTitleElement)) {
    for (const property of PROPERTIES) {
      const value = computed.getPropertyValue(property);
      if (!value) continue;
      if (property === 'display' && value !== 'none') continue;
      if (property === 'visibility' && value === 'visible') continue;
      if (property === 'text-decoration-line') {
        if (value !== 'none') target.setAttribute('text-decoration', value);
        continue;
      }
      target.setAttribute(property, value);
    }
  }
  for (const name of DROPPED_ATTRIBUTES) target.removeAttribute(name);
  const sourceChildren = source.children;
  const targetChildren = target.children;
  for (let i = 0; i < sourceChildren.length; i++) inlineStyles(sourceChildren[i], targetChildren[i]);
}

/** Largest PNG side we draw: canvases much bigger than this fail or exhaust memory. */
const MAX_SIDE = 8192;

/** Draws an exported SVG on a canvas and returns a PNG data URL (at 2× for crisp text). */
export async function svgToPng(svgText: string, width: number, height: number): Promise<string> {
  const scale = Math.min(2, MAX_SIDE / Math.max(1, width), MAX_SIDE / Math.max(1, height));
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the picture could not be rasterised'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas available');
  context.scale(scale, scale);
  context.drawImage(image, 0, 0, width, height);
  return canvas.toDataURL('image/png');
}
