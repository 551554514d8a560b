/**
 * The simulation worker for this extension host: `worker_threads` in Node (desktop,
 * code-server), a Web Worker in the browser. The Node half is required inside a branch that
 * the browser build removes (`process.env.HEAPSCOPE_WEB` is defined there), so no Node
 * module reaches the web bundle.
 */
import * as vscode from 'vscode';
import type { WorkerFactory } from './port';
import { webWorkerFactory } from './webPort';

export function simulationWorkerFactory(extensionUri: vscode.Uri): WorkerFactory {
  if (process.env.HEAPSCOPE_WEB) {
    const script = vscode.Uri.joinPath(extensionUri, 'dist', 'web', 'simulation-worker.js');
    return webWorkerFactory({
      url: script.toString(true),
      readScript: async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(script)),
    });
  } else {
    const { nodeWorkerFactory } = require('./nodePort') as typeof import('./nodePort');
    return nodeWorkerFactory(vscode.Uri.joinPath(extensionUri, 'dist', 'simulation-worker.js').fsPath);
  }
}
