/**
 * "Export Heap Picture": asks for a format and a file (unless given), has the panel draw the
 * current picture, and writes it with `vscode.workspace.fs` (which works for remote and
 * virtual workspaces and in the browser).
 */
import * as vscode from 'vscode';
import { HeapPanel } from './panel/heapPanel';
import { defaultPictureName, pictureBytes, type PictureFormat } from './pictureFile';

/** Optional arguments, so that a test (or a keybinding) can skip the dialogs. */
export interface ExportOptions {
  readonly format?: PictureFormat;
  /** Where to write (a URI string). */
  readonly uri?: string;
}

/** How long to wait for a freshly opened panel to draw before exporting. */
const READY_TIMEOUT_MS = 10_000;

/** Exports the panel's picture; returns the URI written, or undefined when the user cancelled. */
export async function exportPicture(panel: HeapPanel, source: { fileName: string; line: number; documentUri?: vscode.Uri }, options: ExportOptions = {}): Promise<string | undefined> {
  const format =
    options.format ??
    (
      await vscode.window.showQuickPick(
        [
          { label: 'SVG', description: 'vector, for documents and slides', format: 'svg' as const },
          { label: 'PNG', description: 'image at twice the screen resolution', format: 'png' as const },
        ],
        { title: 'Export Heap Picture', placeHolder: 'Format' },
      )
    )?.format;
  if (!format) return undefined;
  const name = defaultPictureName(source.fileName, source.line, format);
  const folder = source.documentUri && source.documentUri.scheme !== 'untitled' ? vscode.Uri.joinPath(source.documentUri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = options.uri
    ? vscode.Uri.parse(options.uri)
    : await vscode.window.showSaveDialog({
        title: 'Export Heap Picture',
        defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined,
        filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
      });
  if (!target) return undefined;
  const data = await exportWhenReady(panel, format);
  await vscode.workspace.fs.writeFile(target, pictureBytes(format, data));
  return target.toString();
}

/** A panel that was just opened answers only once its page is ready: retry until then. */
async function exportWhenReady(panel: HeapPanel, format: PictureFormat): Promise<string> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    try {
      return await panel.exportPicture(format);
    } catch (error) {
      const notReady = error instanceof Error && /not ready/.test(error.message);
      if (!notReady || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
