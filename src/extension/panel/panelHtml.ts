/**
 * The Heap Inspector's HTML page, kept apart from the panel class so that it needs no
 * `vscode` import: the browser tests load exactly this page, CSP included.
 */

export interface PanelHtmlOptions {
  /** `webview.cspSource`: the origin the webview serves extension resources from. */
  readonly cspSource: string;
  /** A fresh nonce per page; only the script and style carrying it may run/apply. */
  readonly nonce: string;
  /** `asWebviewUri(dist/webview.js)`. */
  readonly scriptUri: string;
  /** `asWebviewUri(dist/codicons/codicon.css)`. */
  readonly codiconsUri: string;
}

/** A nonce from the platform's CSPRNG (Web Crypto: present in Node and in the web extension host). */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The content security policy: nothing by default; the script and the panel's own <style>
 * by nonce; the icon font and stylesheet from the extension's dist/ folder; images only
 * from data: URLs, which the PNG export draws through.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `font-src ${cspSource}`,
    `img-src ${cspSource} data:`,
  ].join('; ');
}

/** The page: a root element, the codicon stylesheet and the panel script. */
export function renderPanelHtml(options: PanelHtmlOptions): string {
  const nonce = escapeAttribute(options.nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(options.codiconsUri)}">
<title>Heap Inspector</title>
</head>
<body>
<div id="root"></div>
<script nonce="${nonce}" src="${escapeAttribute(options.scriptUri)}"></script>
</body>
</html>`;
}
