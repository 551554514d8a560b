import { validateHostMessage } from '../src/protocol';
import { HeapInspector } from './app';
import { loadState } from './state';
import styles from './styles.css';
import { log, post } from './vscodeApi';

/**
 * Entry point of the Heap Inspector webview (bundled to dist/webview.js). Styles are
 * bundled as text and added in a <style> carrying this script's CSP nonce, so the page
 * needs no 'unsafe-inline'.
 */
function installStyles(): void {
  const style = document.createElement('style');
  const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce ?? '';
  if (nonce) style.nonce = nonce;
  style.textContent = styles;
  document.head.append(style);
}

installStyles();
const app = new HeapInspector(document.getElementById('root') ?? document.body, loadState());
app.start();

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const received = performance.now();
  const message = validateHostMessage(event.data);
  if (message === null) {
    const kind = typeof event.data === 'object' && event.data !== null ? String((event.data as { kind?: unknown }).kind) : typeof event.data;
    log('error', `dropped an unknown or malformed message from the host (kind: ${kind})`);
    return;
  }
  app.receive(message, received);
});

post({ kind: 'ready' });
