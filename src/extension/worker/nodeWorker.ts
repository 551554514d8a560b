/**
 * The simulation worker under Node's `worker_threads` (desktop VS Code, code-server):
 * receives `WorkerEnvelope`s, answers each with a `WorkerReply`, one at a time.
 */
import { parentPort } from 'node:worker_threads';
import { SimulationEngine } from './engine';
import type { WorkerEnvelope, WorkerReply } from './protocol';

const engine = new SimulationEngine();
const port = parentPort;
if (port === null) throw new Error('simulation-worker.js must run as a worker thread');
port.on('message', (envelope: WorkerEnvelope) => {
  const reply: WorkerReply = { id: envelope.id, response: engine.handle(envelope.request) };
  port.postMessage(reply);
});
