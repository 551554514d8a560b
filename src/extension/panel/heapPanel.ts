import * as vscode from 'vscode';
import { isHeapView, validatePanelMessage, type HeapView, type HostMessage, type PanelMessage, type PythonVersion } from '../../protocol';
import { makeNonce, renderPanelHtml } from './panelHtml';

/** What the user asked for in the panel, for the extension to carry out. */
export type PanelIntent = Extract<PanelMessage, { kind: 'selectExecution' | 'revealLine' | 'runGc' }>;

/** Where the panel's log lines go; the activation code may point it at its output channel. */
export type PanelLogger = (level: 'info' | 'error', message: string) => void;

const EXPORT_TIMEOUT_MS = 60_000;

/**
 * The Heap Inspector webview panel, host side. One instance at a time (`HeapPanel.current`).
 * It owns the webview's HTML and CSP, validates every message from the panel, replays the
 * last view when the page (re)loads, and turns the panel's requests into `onDidReceiveIntent`
 * events. It shows what it is given; it never simulates anything itself.
 */
export class HeapPanel {
  /** The webview type, for `registerWebviewPanelSerializer` and `package.json`. */
  static readonly viewType = 'heapscope.heapInspector';
  /** The open panel, if any. */
  static current: HeapPanel | undefined;

  private static readonly intents = new vscode.EventEmitter<PanelIntent>();
  /** Fires when the user steps executions, asks to reveal a line or to run the GC. */
  static readonly onDidReceiveIntent: vscode.Event<PanelIntent> = HeapPanel.intents.event;
  private static logger: PanelLogger = (level, message) => (level === 'error' ? console.warn : console.log)(`[HeapScope panel] ${message}`);

  private readonly disposables: vscode.Disposable[] = [];
  /** The last view or empty state, replayed when the page posts `ready`. */
  private lastMessage: HostMessage | null = null;
  private lastVersion: PythonVersion = '3.12';
  private ready = false;
  private busy = false;
  private nextRequestId = 1;
  private readonly exports = new Map<number, { resolve(data: string): void; reject(error: Error): void; timer: ReturnType<typeof setTimeout> }>();

  /** The same event as the static one, for callers holding an instance. */
  readonly onDidReceiveIntent = HeapPanel.onDidReceiveIntent;

  /** Opens the panel (or brings the open one forward) beside the editor by default. */
  static createOrShow(extensionUri: vscode.Uri, viewColumn: vscode.ViewColumn = vscode.ViewColumn.Beside): HeapPanel {
    if (HeapPanel.current) {
      HeapPanel.current.panel.reveal(viewColumn, true);
      return HeapPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(HeapPanel.viewType, 'Heap Inspector', { viewColumn, preserveFocus: true }, HeapPanel.webviewOptions(extensionUri));
    HeapPanel.current = new HeapPanel(panel, extensionUri);
    return HeapPanel.current;
  }

  /** Adopts a panel VS Code restored after a reload (from `registerWebviewPanelSerializer`). */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri): HeapPanel {
    HeapPanel.current?.dispose();
    panel.webview.options = HeapPanel.webviewOptions(extensionUri);
    HeapPanel.current = new HeapPanel(panel, extensionUri);
    return HeapPanel.current;
  }

  /** Registers the serializer that revives the panel across window reloads. */
  static registerSerializer(extensionUri: vscode.Uri): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(HeapPanel.viewType, {
      deserializeWebviewPanel: async (panel: vscode.WebviewPanel) => {
        HeapPanel.revive(panel, extensionUri);
      },
    });
  }

  /** Sends the panel's log lines somewhere else (an output channel). */
  static setLogger(logger: PanelLogger): void {
    HeapPanel.logger = logger;
  }

  private static webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    // Only the bundle folder is readable from the page; the panel keeps its own state
    // through getState/setState, so it need not stay alive while hidden.
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')], retainContextWhenHidden: false };
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly extensionUri: vscode.Uri,
  ) {
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      // A hidden panel's page is unloaded (no retainContextWhenHidden); it posts `ready`
      // again when shown, and gets the last view then.
      this.panel.onDidChangeViewState((e) => {
        if (!e.webviewPanel.visible) this.ready = false;
      }),
    );
  }

  /** Shows a view, or (null) the empty state with a reason. Does not take focus. */
  show(view: HeapView | null, reason?: string): void {
    if (view !== null && !isHeapView(view)) {
      HeapPanel.logger('error', 'refusing to show a malformed HeapView');
      view = null;
      reason = 'HeapScope could not draw this heap (an internal error was logged).';
    }
    this.busy = false;
    if (view) {
      this.lastVersion = view.version;
      this.lastMessage = { kind: 'view', view };
    } else {
      this.lastMessage = { kind: 'empty', reason: reason ?? 'Nothing to show for this line.', version: this.lastVersion };
    }
    this.post(this.lastMessage);
  }

  /** Marks the shown picture stale while a new simulation runs. */
  setBusy(): void {
    this.busy = true;
    this.post({ kind: 'busy' });
  }

  /** Selects an object in the panel and brings it into view. */
  focusObject(id: number): void {
    this.panel.reveal(undefined, true);
    this.post({ kind: 'focus', id });
  }

  /** The current picture as SVG text or a PNG data URL. */
  exportPicture(format: 'svg' | 'png'): Promise<string> {
    const requestId = this.nextRequestId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.exports.delete(requestId);
        reject(new Error('the panel did not answer the export request'));
      }, EXPORT_TIMEOUT_MS);
      this.exports.set(requestId, { resolve, reject, timer });
      if (!this.post({ kind: 'export', format, requestId })) {
        clearTimeout(timer);
        this.exports.delete(requestId);
        reject(new Error('the panel is not ready yet'));
      }
    });
  }

  /** Brings the panel forward without taking focus from the editor. */
  reveal(viewColumn?: vscode.ViewColumn): void {
    this.panel.reveal(viewColumn, true);
  }

  /** Closes the panel and releases everything it holds. */
  dispose(): void {
    if (HeapPanel.current === this) HeapPanel.current = undefined;
    for (const pending of this.exports.values()) {
      clearTimeout(pending.timer);
      pending.reject(new Error('the panel was closed'));
    }
    this.exports.clear();
    this.panel.dispose();
    while (this.disposables.length > 0) this.disposables.pop()?.dispose();
  }

  private post(message: HostMessage): boolean {
    if (!this.ready) return false;
    void this.panel.webview.postMessage(message);
    return true;
  }

  private receive(raw: unknown): void {
    const message = validatePanelMessage(raw);
    if (message === null) {
      const kind = typeof raw === 'object' && raw !== null ? String((raw as { kind?: unknown }).kind) : typeof raw;
      HeapPanel.logger('error', `dropped an unknown or malformed message from the panel (kind: ${kind})`);
      return;
    }
    switch (message.kind) {
      case 'ready':
        // The page (re)loaded: it restored its own state; bring it up to date.
        this.ready = true;
        if (this.lastMessage) this.post(this.lastMessage);
        if (this.busy) this.post({ kind: 'busy' });
        break;
      case 'selectExecution':
      case 'revealLine':
      case 'runGc':
        HeapPanel.intents.fire(message);
        break;
      case 'exported':
      case 'exportFailed': {
        const pending = this.exports.get(message.requestId);
        if (!pending) break;
        this.exports.delete(message.requestId);
        clearTimeout(pending.timer);
        if (message.kind === 'exported') pending.resolve(message.data);
        else pending.reject(new Error(message.message));
        break;
      }
      case 'log':
        HeapPanel.logger(message.level, message.message);
        break;
    }
  }

  private html(): string {
    const webview = this.panel.webview;
    const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
    return renderPanelHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      codiconsUri: webview.asWebviewUri(vscode.Uri.joinPath(dist, 'codicons', 'codicon.css')).toString(),
    });
  }
}
