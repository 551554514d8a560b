/**
 * The host's handle on the simulation worker: sends one request at a time, drops requests a
 * newer one made pointless, stops a run that takes too long, and restarts the worker after
 * a timeout or a crash. No `vscode` here: tests drive it with a stand-in port or the real
 * worker bundle.
 *
 * Requests travel in *lanes* (e.g. `simulate file:///a.py`): a new request in a lane
 * cancels the lane's queued one, and also the one in flight when that is a simulation that
 * has already run for `preemptAfterMs` — the worker is then terminated and restarted, since
 * a synchronous simulation cannot be interrupted any other way. A quick run in flight is
 * left to finish (restarting costs more) and answered `cancelled`.
 */
import type { WorkerRequest, WorkerResponse } from './worker/protocol';
import type { WorkerFactory, WorkerPort } from './worker/port';

export type ClientResult =
  | { readonly kind: 'ok'; readonly response: WorkerResponse }
  /** A newer request in the same lane replaced this one. */
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly reason: 'timeout' | 'crash' | 'unavailable'; readonly message: string };

export interface RequestOptions {
  /** Requests in one lane supersede each other. */
  readonly lane?: string;
  /** Background requests (inline hints) wait until no normal request is queued. */
  readonly background?: boolean;
}

export interface ClientOptions {
  /** A request running longer than this stops the worker (default 10 s). */
  readonly timeoutMs?: number;
  /** A simulation superseded after running this long is stopped rather than awaited (default 750 ms). */
  readonly preemptAfterMs?: number;
  readonly log?: (message: string) => void;
}

/** Why the worker was restarted. */
export type RestartReason = 'timeout' | 'crash' | 'preempted';

interface Pending {
  readonly id: number;
  readonly request: WorkerRequest;
  readonly lane: string | undefined;
  readonly background: boolean;
  readonly resolve: (result: ClientResult) => void;
  sentAt?: number;
  superseded?: boolean;
  timer?: ReturnType<typeof setTimeout>;
}

/** After this many crashes in a row with no answer in between, stop trying for a while. */
const MAX_CONSECUTIVE_CRASHES = 3;
const CRASH_PAUSE_MS = 30_000;

export class SimulationClient {
  private port: WorkerPort | null = null;
  private starting: Promise<WorkerPort | null> | null = null;
  private readonly queue: Pending[] = [];
  private inFlight: Pending | null = null;
  private nextId = 1;
  private epoch = 0;
  private consecutiveCrashes = 0;
  private pausedUntil = 0;
  private disposed = false;
  private readonly restartListeners = new Set<(reason: RestartReason, message: string) => void>();
  private readonly timeoutMs: number;
  private readonly preemptAfterMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly factory: WorkerFactory,
    options: ClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.preemptAfterMs = options.preemptAfterMs ?? 750;
    this.log = options.log ?? (() => {});
  }

  /** Called after the worker was stopped or died; every run it held is gone. */
  onDidRestart(listener: (reason: RestartReason, message: string) => void): { dispose(): void } {
    this.restartListeners.add(listener);
    return { dispose: () => this.restartListeners.delete(listener) };
  }

  /** Sends a request; resolves with its response, or why there is none. Never rejects. */
  request(request: WorkerRequest, options: RequestOptions = {}): Promise<ClientResult> {
    if (this.disposed) return Promise.resolve({ kind: 'failed', reason: 'unavailable', message: 'HeapScope was shut down' });
    if (Date.now() < this.pausedUntil) {
      return Promise.resolve({ kind: 'failed', reason: 'unavailable', message: 'the simulation worker keeps crashing; HeapScope will try again shortly' });
    }
    return new Promise<ClientResult>((resolve) => {
      const pending: Pending = { id: this.nextId++, request, lane: options.lane, background: options.background ?? false, resolve };
      if (pending.lane !== undefined) this.supersede(pending.lane);
      this.queue.push(pending);
      void this.pump();
    });
  }

  /** Stops the worker and answers everything outstanding with `cancelled`. */
  dispose(): void {
    this.disposed = true;
    for (const p of this.queue.splice(0)) p.resolve({ kind: 'cancelled' });
    if (this.inFlight) this.finish(this.inFlight, { kind: 'cancelled' });
    this.port?.terminate();
    this.port = null;
  }

  private supersede(lane: string): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].lane === lane) this.queue.splice(i, 1)[0].resolve({ kind: 'cancelled' });
    }
    const running = this.inFlight;
    if (running?.lane !== lane) return;
    running.superseded = true;
    if (running.request.kind === 'simulate' && running.sentAt !== undefined && Date.now() - running.sentAt >= this.preemptAfterMs) {
      this.log(`stopping a superseded simulation after ${Date.now() - running.sentAt} ms`);
      this.finish(running, { kind: 'cancelled' });
      this.restart('preempted', 'a newer edit replaced a long simulation');
    }
  }

  private async pump(): Promise<void> {
    if (this.inFlight !== null || this.queue.length === 0 || this.disposed) return;
    const port = await this.ensurePort();
    if (this.inFlight !== null || this.disposed) return;
    if (port === null) {
      for (const p of this.queue.splice(0)) p.resolve({ kind: 'failed', reason: 'unavailable', message: 'the simulation worker could not be started' });
      return;
    }
    const index = this.queue.findIndex((p) => !p.background);
    const next = this.queue.splice(index === -1 ? 0 : index, 1)[0];
    if (next === undefined) return;
    this.inFlight = next;
    next.sentAt = Date.now();
    next.timer = setTimeout(() => this.onTimeout(next), this.timeoutMs);
    port.post({ id: next.id, request: next.request });
  }

  private ensurePort(): Promise<WorkerPort | null> {
    if (this.port) return Promise.resolve(this.port);
    if (this.starting) return this.starting;
    // Events of a worker that was since replaced (restarted, crashed) are ignored.
    const epoch = ++this.epoch;
    const current = (): boolean => epoch === this.epoch && !this.disposed;
    const starting = this.factory({
      onReply: (reply) => {
        if (current()) this.onReply(reply.id, reply.response);
      },
      onFailure: (message) => {
        if (current()) this.onCrash(message);
      },
    }).then(
      (started) => {
        if (!current()) {
          started.terminate();
          return null;
        }
        this.starting = null;
        this.port = started;
        return started;
      },
      (error: unknown) => {
        if (epoch === this.epoch) this.starting = null;
        this.log(`could not start the simulation worker: ${error instanceof Error ? error.message : String(error)}`);
        this.noteCrash();
        return null;
      },
    );
    this.starting = starting;
    return starting;
  }

  private onReply(id: number, response: WorkerResponse): void {
    const pending = this.inFlight;
    if (pending === null || pending.id !== id) return;
    this.consecutiveCrashes = 0;
    this.finish(pending, pending.superseded ? { kind: 'cancelled' } : { kind: 'ok', response });
    void this.pump();
  }

  private onTimeout(pending: Pending): void {
    if (this.inFlight !== pending) return;
    const message = `simulation timed out after ${this.timeoutMs >= 1000 ? `${Math.round(this.timeoutMs / 1000)} s` : `${this.timeoutMs} ms`}`;
    this.finish(pending, { kind: 'failed', reason: 'timeout', message });
    this.restart('timeout', message);
  }

  private onCrash(message: string): void {
    this.epoch++;
    this.port = null;
    this.noteCrash();
    const pending = this.inFlight;
    if (pending) this.finish(pending, { kind: 'failed', reason: 'crash', message });
    this.log(message);
    for (const listener of this.restartListeners) listener('crash', message);
    void this.pump();
  }

  private noteCrash(): void {
    this.consecutiveCrashes++;
    if (this.consecutiveCrashes >= MAX_CONSECUTIVE_CRASHES) {
      this.pausedUntil = Date.now() + CRASH_PAUSE_MS;
      this.consecutiveCrashes = 0;
      for (const p of this.queue.splice(0)) p.resolve({ kind: 'failed', reason: 'unavailable', message: 'the simulation worker keeps crashing' });
    }
  }

  /** Terminates the worker; the next request starts a fresh one. */
  private restart(reason: RestartReason, message: string): void {
    this.epoch++;
    this.port?.terminate();
    this.port = null;
    this.starting = null;
    this.log(`simulation worker restarted (${reason}): ${message}`);
    for (const listener of this.restartListeners) listener(reason, message);
    void this.pump();
  }

  private finish(pending: Pending, result: ClientResult): void {
    if (pending.timer !== undefined) clearTimeout(pending.timer);
    if (this.inFlight === pending) this.inFlight = null;
    pending.resolve(result);
  }
}
