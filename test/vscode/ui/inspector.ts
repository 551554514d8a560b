// Reading the Heap Inspector panel as a person sees it: the toolbar, the object boxes with
// their refcount badges and GC chips, the frame with its names, the garbage region, the GC
// stepper. Everything is read from the webview's DOM (its data attributes mirror what is
// drawn); every wait is on a condition in the page.
import type { FrameLocator, Page } from 'playwright-core';
import { webviewFrame } from '../../../scripts/vscode/openWorkbench.mjs';

/** One object box of the picture. */
export interface Box {
  readonly id: number;
  readonly type: string;
  readonly name: string;
  /** The number on the refcount badge (`∞` for immortal objects). */
  readonly badge: string;
  readonly refcount: number;
  /** `gen0`…`gen2`, `untracked`, `immortal`, `permanent`. */
  readonly gc: string;
  /** The GC chip's text, e.g. `gen 0`. */
  readonly chip: string;
  /** The tags above the box: `new`, `freed`, `unreachable`… */
  readonly tags: readonly string[];
  readonly garbage: boolean;
  readonly freed: boolean;
}

/** What the panel shows: the picture's boxes, the module's names and the garbage region. */
export interface Picture {
  readonly boxes: readonly Box[];
  /** Names bound in `<module>`, with the id of the object each points to. */
  readonly names: Readonly<Record<string, number>>;
  /** How many objects the "Unreachable" region holds (0 without a region). */
  readonly garbageCount: number;
}

/** The Heap Inspector's content frame (the only webview these tests open). */
export function inspector(page: Page): FrameLocator {
  return webviewFrame(page);
}

/**
 * Waits until the panel has finished drawing the view whose key starts with `key`, e.g.
 * `circular_nodes.py:14 3.12` (the key is `FILE:LINE VERSION run I/N gc C`, or `empty`).
 */
export async function waitForDrawn(page: Page, key: string, timeoutMs = 20_000): Promise<void> {
  const app = inspector(page).locator('.app');
  try {
    await inspector(page).locator(`.app[data-drawn^="${key.replace(/"/g, '\\"')}"]:not(.is-busy)`).waitFor({ state: 'visible', timeout: timeoutMs });
  } catch (error) {
    const drawn = await app.getAttribute('data-drawn', { timeout: 1000 }).catch(() => null);
    throw new Error(`the Heap Inspector did not draw "${key}" within ${timeoutMs / 1000} s; it shows "${drawn}"`, { cause: error });
  }
}

/** Waits until the panel shows its empty state with this text (why there is no picture). */
export async function waitForEmpty(page: Page, text: string, timeoutMs = 20_000): Promise<void> {
  await inspector(page).locator('.app[data-drawn="empty"] .empty-state', { hasText: text }).waitFor({ state: 'visible', timeout: timeoutMs });
}

/** Reads the picture now drawn. */
export async function readPicture(page: Page): Promise<Picture> {
  return inspector(page)
    .locator('svg.picture')
    .evaluate((svg) => {
      const boxes = Array.from(svg.querySelectorAll<SVGGElement>('g.obj')).map((g) => ({
        id: Number(g.dataset.id),
        type: g.dataset.type ?? '',
        name: g.dataset.name ?? '',
        badge: g.querySelector('.badge text')?.textContent ?? '',
        refcount: Number(g.dataset.refcount),
        gc: g.dataset.gc ?? '',
        chip: g.querySelector('.gc-chip text')?.textContent ?? '',
        tags: Array.from(g.querySelectorAll('.tag text')).map((t) => t.textContent ?? ''),
        garbage: g.classList.contains('garbage'),
        freed: g.classList.contains('freed'),
      }));
      const names: Record<string, number> = {};
      for (const v of Array.from(svg.querySelectorAll<SVGGElement>('.frame-module .variable'))) names[v.dataset.variable ?? ''] = Number(v.dataset.target);
      const region = svg.querySelector<SVGGElement>('.garbage-region');
      return { boxes, names, garbageCount: region ? Number(region.dataset.count) : 0 };
    });
}

/** The box a module name points to. */
export function boxOf(picture: Picture, name: string): Box {
  const id = picture.names[name];
  const box = picture.boxes.find((b) => b.id === id);
  if (!box) throw new Error(`no box for "${name}"; names: ${JSON.stringify(picture.names)}`);
  return box;
}

/** The boxes of one Python type. */
export function boxesOfType(picture: Picture, type: string): Box[] {
  return picture.boxes.filter((b) => b.type === type);
}
