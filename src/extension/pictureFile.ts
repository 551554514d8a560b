/**
 * The bytes of an exported heap picture and a default name for its file. Pure: the panel
 * answers an export with SVG text or a PNG data URL; this turns either into file contents.
 */

export type PictureFormat = 'svg' | 'png';

/** The file contents for the panel's export answer. */
export function pictureBytes(format: PictureFormat, data: string): Uint8Array {
  if (format === 'svg') return new TextEncoder().encode(data);
  const comma = data.indexOf(',');
  if (!data.startsWith('data:image/png;base64,') || comma === -1) throw new Error('the panel did not return a PNG data URL');
  const binary = atob(data.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** `list_demo-line12.svg` for line 12 of list_demo.py. */
export function defaultPictureName(fileName: string, line: number, format: PictureFormat): string {
  const cell = /\s*\(cell (\d+)\)$/.exec(fileName);
  const name = fileName.slice(0, cell ? cell.index : undefined).replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'heap';
  return `${name.replace(/[^\w.-]+/g, '_')}${cell ? `-cell${cell[1]}` : ''}-line${line}.${format}`;
}
