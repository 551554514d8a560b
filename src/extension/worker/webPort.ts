/**
 * Starts the simulation worker as a Web Worker (the web extension host). The script is read
 * through the caller (`vscode.workspace.fs`) and started from a blob: URL, which works
 * whatever scheme serves the extension; a direct URL is the fallback.
 */
import type { WorkerReply } from './protocol';
import type { WorkerFactory } from './port';

export interface WebWorkerSource {
  /** The worker script's text (dist/web/simulation-worker.js). */
  readScript(): Promise<string>;
  /** A URL the browser can load the same script from, if the blob: route is refused. */
  readonly url: string;
}

/** A factory for Web Workers running the simulation script. */
export function webWorkerFactory(source: WebWorkerSource): WorkerFactory {
  let blobUrl: string | undefined;
  return async (events) => {
    let worker: Worker;
    try {
      blobUrl ??= URL.createObjectURL(new Blob([await source.readScript()], { type: 'text/javascript' }));
      worker = new Worker(blobUrl, { name: 'HeapScope simulation' });
    } catch {
      worker = new Worker(source.url, { name: 'HeapScope simulation' });
    }
    let ended = false;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (!ended) events.onReply(event.data);
    };
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      if (ended) return;
      ended = true;
      events.onFailure(`the simulation worker crashed: ${event.message || 'unknown error'}`);
    };
    return {
      post: (envelope) => worker.postMessage(envelope),
      terminate: () => {
        ended = true;
        worker.terminate();
      },
    };
  };
}
