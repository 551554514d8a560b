import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { isHeapView, type HeapView, type HostMessage, type PanelMessage } from '../../src/protocol';
import { makeNonce, renderPanelHtml } from '../../src/extension/panel/panelHtml';
import { themeCss, type ThemeName } from './themes';

/**
 * Loads the real panel bundle (dist/webview.js) in headless Chromium, inside the very page
 * the extension serves (same HTML, same CSP), with a fake `acquireVsCodeApi` that records
 * what the panel posts. The page is served by a tiny static server on 127.0.0.1 so the CSP's
 * `cspSource` is a real origin, as in VS Code.
 */

/** The repository root: the bundled tests and benchmarks live at different depths in dist/. */
export const ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();
export const FIXTURES = join(ROOT, 'test/webview/fixtures');
export const SCREENSHOTS = join(ROOT, 'test-results/screenshots/webview');

const CHROMIUM = process.env.HEAPSCOPE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fixture view by file name (without .json), checked against the protocol. */
export function fixture(name: string): HeapView {
  const value: unknown = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
  if (!isHeapView(value)) throw new Error(`fixture ${name} is not a valid HeapView`);
  return value;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.ttf': 'font/ttf', '.map': 'application/json', '.html': 'text/html' };

/** The test page's extras: theme variables, the fake VS Code API and a CSP violation log. */
function harnessHead(nonce: string, theme: ThemeName, savedState: unknown): string {
  const api = `
window.__posted = [];
window.__csp = [];
window.__state = ${JSON.stringify(savedState ?? null)};
document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
let acquired = false;
window.acquireVsCodeApi = () => {
  if (acquired) throw new Error('acquireVsCodeApi called twice');
  acquired = true;
  return {
    postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
    getState: () => window.__state,
    setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); },
  };
};`;
  return `<style nonce="${nonce}">${themeCss(theme)}</style>\n<script nonce="${nonce}">${api}</script>\n`;
}

/** A started browser and server; `open` gives a fresh panel page. */
export class Harness {
  private constructor(
    readonly browser: Browser,
    private readonly server: Server,
    readonly origin: string,
    private readonly pages: Map<string, string>,
  ) {}

  static async start(): Promise<Harness> {
    const pages = new Map<string, string>();
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const page = pages.get(url.pathname);
      if (page !== undefined) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(page);
        return;
      }
      const path = normalize(join(ROOT, decodeURIComponent(url.pathname)));
      if (!path.startsWith(join(ROOT, 'dist'))) {
        res.writeHead(404).end();
        return;
      }
      try {
        const body = readFileSync(path);
        res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    return new Harness(browser, server, origin, pages);
  }

  /** Opens the panel page in a theme, optionally with saved webview state. */
  async open(options: { theme?: ThemeName; width?: number; height?: number; state?: unknown } = {}): Promise<PanelPage> {
    const nonce = makeNonce();
    const html = renderPanelHtml({ cspSource: this.origin, nonce, scriptUri: `${this.origin}/dist/webview.js`, codiconsUri: `${this.origin}/dist/codicons/codicon.css` }).replace(
      '</head>',
      `${harnessHead(nonce, options.theme ?? 'dark', options.state)}</head>`,
    );
    const path = `/panel-${this.pages.size}.html`;
    this.pages.set(path, html);
    const page = await this.browser.newPage({ viewport: { width: options.width ?? 1200, height: options.height ?? 760 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${this.origin}${path}`);
    await page.waitForFunction(() => (window as unknown as { __posted: PanelMessage[] }).__posted.some((m) => m.kind === 'ready'));
    return new PanelPage(page, errors);
  }

  async stop(): Promise<void> {
    await this.browser.close();
    await new Promise<void>((done) => this.server.close(() => done()));
  }
}

/** One panel page: send host messages, read what it posted, take screenshots. */
export class PanelPage {
  constructor(
    readonly page: Page,
    readonly errors: string[],
  ) {}

  /** Posts a host message as VS Code would (a window message event). */
  async send(message: HostMessage | Record<string, unknown>): Promise<void> {
    await this.page.evaluate((m) => window.postMessage(m, '*'), message);
  }

  private async renderCount(): Promise<number> {
    return this.page.evaluate(() => Number(document.querySelector<HTMLElement>('.app')?.dataset.renderCount ?? 0));
  }

  /** Sends a message and waits until the panel has drawn the result. */
  async sendAndRender(message: HostMessage): Promise<void> {
    const before = await this.renderCount();
    await this.send(message);
    await this.page.waitForFunction((n) => Number(document.querySelector<HTMLElement>('.app')?.dataset.renderCount ?? 0) > n, before, { timeout: 30000 });
  }

  /** Shows a view and waits for it to be drawn. */
  async show(view: HeapView): Promise<void> {
    await this.sendAndRender({ kind: 'view', view });
  }

  /** Everything the panel posted to the host so far. */
  async posted(): Promise<PanelMessage[]> {
    return this.page.evaluate(() => (window as unknown as { __posted: PanelMessage[] }).__posted);
  }

  /** CSP violations the page reported (must stay empty). */
  async cspViolations(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
  }

  /** Saves a screenshot under test-results/screenshots/webview/. */
  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
