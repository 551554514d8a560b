/**
 * Starts the simulation worker with Node's `worker_threads`. Only the Node bundle loads
 * this file (extension.ts requires it in a branch the browser build drops).
 */
import { Worker } from 'node:worker_threads';
import type { WorkerReply } from './protocol';
import type { WorkerFactory } from './port';

/** Memory a runaway simulation may use before its worker is stopped (and reported as crashed). */
const MAX_HEAP_MB = 2048;

/** A factory for workers running `scriptPath` (dist/simulation-worker.js). */
export function nodeWorkerFactory(scriptPath: string): WorkerFactory {
  return async (events) => {
    const worker = new Worker(scriptPath, { resourceLimits: { maxOldGenerationSizeMb: MAX_HEAP_MB } });
    let ended = false;
    const fail = (message: string): void => {
      if (ended) return;
      ended = true;
      events.onFailure(message);
    };
    worker.on('message', (reply: WorkerReply) => {
      if (!ended) events.onReply(reply);
    });
    worker.on('error', (error) => fail(`the simulation worker crashed: ${error.message}`));
    worker.on('exit', (code) => fail(`the simulation worker exited with code ${code}`));
    return {
      post: (envelope) => worker.postMessage(envelope),
      terminate: () => {
        ended = true;
        void worker.terminate();
      },
    };
  };
}
