/**
 * The one small interface the host sees in front of a simulation worker, whatever runs it
 * (Node's `worker_threads` on the desktop and in code-server, a Web Worker in the browser).
 */
import type { WorkerEnvelope, WorkerReply } from './protocol';

/** A started worker. */
export interface WorkerPort {
  post(envelope: WorkerEnvelope): void;
  /** Stops the worker at once, mid-simulation if need be; no more events follow. */
  terminate(): void;
}

/** What a worker reports back; `onFailure` at most once, after which the port is dead. */
export interface WorkerPortEvents {
  onReply(reply: WorkerReply): void;
  onFailure(message: string): void;
}

/** Starts a worker. Rejects when none can be started. */
export type WorkerFactory = (events: WorkerPortEvents) => Promise<WorkerPort>;
