import { strict as assert } from 'node:assert';
import Module from 'node:module';
import type { HeapView, HostMessage } from '../../src/protocol';
import { fixture } from './harness';

/**
 * The host side of the panel (src/extension/panel/heapPanel.ts) against a small stand-in
 * for the `vscode` module: the HTML and its CSP, the ready/replay handshake, message
 * validation, intents, export requests and disposal.
 */

interface FakeWebview {
  html: string;
  options: unknown;
  cspSource: string;
  posted: HostMessage[];
  receive(message: unknown): void;
}

function fakeVscode() {
  class EventEmitter<T> {
    private listeners: ((e: T) => void)[] = [];
    event = (listener: (e: T) => void) => {
      this.listeners.push(listener);
      return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
    };
    fire(e: T): void {
      for (const l of this.listeners) l(e);
    }
    dispose(): void {
      this.listeners = [];
    }
  }
  const uri = (path: string) => ({ path, toString: () => `file://${path}` });
  const panels: { viewType: string; options: unknown; webview: FakeWebview; reveals: unknown[]; disposed: boolean; setVisible(v: boolean): void; dispose(): void }[] = [];
  const makePanel = (viewType: string, options: unknown) => {
    let onMessage: (m: unknown) => void = () => {};
    let onDispose: () => void = () => {};
    let onViewState: (e: unknown) => void = () => {};
    const panel = {
      viewType,
      options,
      reveals: [] as unknown[],
      disposed: false,
      visible: true,
      webview: {
        html: '',
        options,
        cspSource: 'https://fake.vscode-cdn.net',
        posted: [] as HostMessage[],
        asWebviewUri: (u: { path: string }) => ({ toString: () => `https://fake.vscode-cdn.net${u.path}` }),
        postMessage: async (m: HostMessage) => {
          panel.webview.posted.push(m);
          return true;
        },
        onDidReceiveMessage: (cb: (m: unknown) => void) => ((onMessage = cb), { dispose() {} }),
        receive: (m: unknown) => onMessage(m),
      },
      reveal: (column?: unknown) => panel.reveals.push(column),
      onDidDispose: (cb: () => void) => ((onDispose = cb), { dispose() {} }),
      onDidChangeViewState: (cb: (e: unknown) => void) => ((onViewState = cb), { dispose() {} }),
      dispose: () => {
        if (panel.disposed) return;
        panel.disposed = true;
        onDispose();
      },
      setVisible: (v: boolean) => {
        panel.visible = v;
        onViewState({ webviewPanel: panel });
      },
    };
    panels.push(panel);
    return panel;
  };
  return {
    panels,
    makePanel,
    module: {
      EventEmitter,
      ViewColumn: { One: 1, Two: 2, Beside: -2 },
      Uri: { joinPath: (base: { path: string }, ...parts: string[]) => uri([base.path, ...parts].join('/')), file: uri },
      window: {
        createWebviewPanel: (viewType: string, _title: string, _show: unknown, options: unknown) => makePanel(viewType, options),
        registerWebviewPanelSerializer: () => ({ dispose() {} }),
      },
    },
  };
}

describe('HeapPanel (host side, with a stand-in vscode module)', () => {
  const fake = fakeVscode();
  let HeapPanel: typeof import('../../src/extension/panel/heapPanel').HeapPanel;
  const logs: string[] = [];
  const extensionUri = { path: '/ext', toString: () => 'file:///ext' };
  const view: HeapView = fixture('alias-02-b-alias');

  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = loader._load;

  before(async () => {
    // The bundled test requires 'vscode' at run time; answer with the stand-in.
    loader._load = (request: string, ...rest: unknown[]) => (request === 'vscode' ? fake.module : originalLoad(request, ...rest));
    ({ HeapPanel } = await import('../../src/extension/panel/heapPanel'));
    HeapPanel.setLogger((level, message) => logs.push(`${level}: ${message}`));
  });
  after(() => {
    loader._load = originalLoad;
  });

  it('opens one panel limited to dist/, with a strict CSP and a nonce for the script', () => {
    const panel = HeapPanel.createOrShow(extensionUri as never, 1 as never);
    assert.equal(HeapPanel.current, panel);
    assert.equal(HeapPanel.createOrShow(extensionUri as never), panel, 'a second call shows the same panel');
    const fakePanel = fake.panels[0];
    assert.equal(fake.panels.length, 1);
    assert.equal(fakePanel.viewType, 'heapscope.heapInspector');
    const options = fakePanel.options as { enableScripts: boolean; localResourceRoots: { path: string }[] };
    assert.equal(options.enableScripts, true);
    assert.deepEqual(options.localResourceRoots.map((u) => u.path), ['/ext/dist']);
    const html = fakePanel.webview.html;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1].replace(/&#39;|&apos;/g, "'") ?? '';
    assert.match(csp, /^default-src 'none'; /);
    const nonce = /script-src 'nonce-([0-9a-f]{32})'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.ok(html.includes(`<script nonce="${nonce}" src="https://fake.vscode-cdn.net/ext/dist/webview.js">`));
    assert.ok(html.includes('href="https://fake.vscode-cdn.net/ext/dist/codicons/codicon.css"'));
    assert.doesNotMatch(csp, /unsafe-(inline|eval)/);
  });

  it('replays the last view when the page is ready, then sends updates directly', () => {
    const panel = HeapPanel.current!;
    const webview = fake.panels[0].webview;
    panel.show(view);
    assert.deepEqual(webview.posted, [], 'nothing is posted before the page says ready');
    webview.receive({ kind: 'ready' });
    assert.deepEqual(webview.posted, [{ kind: 'view', view }]);
    panel.setBusy();
    panel.focusObject(20);
    panel.show(null, 'No snippet here.');
    assert.deepEqual(webview.posted.slice(1), [
      { kind: 'busy' },
      { kind: 'focus', id: 20 },
      { kind: 'empty', reason: 'No snippet here.', version: '3.12' },
    ]);
  });

  it('turns the panel\'s requests into intents and drops malformed messages with a log line', () => {
    const seen: unknown[] = [];
    const sub = HeapPanel.onDidReceiveIntent((intent) => seen.push(intent));
    const webview = fake.panels[0].webview;
    webview.receive({ kind: 'selectExecution', index: 4 });
    webview.receive({ kind: 'revealLine', line: 7 });
    webview.receive({ kind: 'runGc', generation: 2 });
    webview.receive({ kind: 'runGc', generation: 5 });
    webview.receive({ kind: 'steal', what: 'secrets' });
    webview.receive('not even an object');
    webview.receive({ kind: 'log', level: 'info', message: 'hello from the page' });
    sub.dispose();
    assert.deepEqual(seen, [
      { kind: 'selectExecution', index: 4 },
      { kind: 'revealLine', line: 7 },
      { kind: 'runGc', generation: 2 },
    ]);
    assert.equal(logs.filter((l) => l.startsWith('error: dropped')).length, 3);
    assert.ok(logs.includes('info: hello from the page'));
  });

  it('resolves exportPicture with the panel\'s answer and rejects on failure', async () => {
    const panel = HeapPanel.current!;
    const webview = fake.panels[0].webview;
    const svg = panel.exportPicture('svg');
    const request = webview.posted.at(-1) as Extract<HostMessage, { kind: 'export' }>;
    assert.equal(request.kind, 'export');
    assert.equal(request.format, 'svg');
    webview.receive({ kind: 'exported', requestId: request.requestId + 100, format: 'svg', data: 'ignored: unknown request' });
    webview.receive({ kind: 'exported', requestId: request.requestId, format: 'svg', data: '<svg/>' });
    assert.equal(await svg, '<svg/>');
    const png = panel.exportPicture('png');
    const second = webview.posted.at(-1) as Extract<HostMessage, { kind: 'export' }>;
    webview.receive({ kind: 'exportFailed', requestId: second.requestId, message: 'no picture' });
    await assert.rejects(png, /no picture/);
  });

  it('treats a hidden page as not ready, and replays to the reloaded page', async () => {
    const panel = HeapPanel.current!;
    const fakePanel = fake.panels[0];
    panel.show(view);
    fakePanel.setVisible(false);
    await assert.rejects(panel.exportPicture('svg'), /not ready/);
    const before = fakePanel.webview.posted.length;
    fakePanel.setVisible(true);
    fakePanel.webview.receive({ kind: 'ready' });
    assert.deepEqual(fakePanel.webview.posted.slice(before), [{ kind: 'view', view }]);
  });

  it('disposes cleanly: pending exports fail, and revive adopts a restored panel', async () => {
    const panel = HeapPanel.current!;
    const pending = panel.exportPicture('svg');
    fake.panels[0].dispose();
    await assert.rejects(pending, /closed/);
    assert.equal(HeapPanel.current, undefined);
    const restored = fake.makePanel(HeapPanel.viewType, {});
    const revived = HeapPanel.revive(restored as never, extensionUri as never);
    assert.equal(HeapPanel.current, revived);
    assert.deepEqual((restored.webview.options as { localResourceRoots: { path: string }[] }).localResourceRoots.map((u) => u.path), ['/ext/dist']);
    assert.match(restored.webview.html, /default-src 'none'/);
    revived.dispose();
  });
});
