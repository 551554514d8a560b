/**
 * The simulation worker as a Web Worker (the web extension host): receives
 * `WorkerEnvelope`s, answers each with a `WorkerReply`, one at a time.
 */
import { SimulationEngine } from './engine';
import type { WorkerEnvelope, WorkerReply } from './protocol';

/** The one part of a dedicated worker's global scope this file uses. */
interface WorkerScope {
  onmessage: ((event: { data: WorkerEnvelope }) => void) | null;
  postMessage(message: WorkerReply): void;
}

const engine = new SimulationEngine();
const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const envelope = event.data;
  scope.postMessage({ id: envelope.id, response: engine.handle(envelope.request) });
};
