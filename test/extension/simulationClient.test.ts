import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SimulationClient, type ClientResult, type RestartReason } from '../../src/extension/simulationClient';
import { nodeWorkerFactory } from '../../src/extension/worker/nodePort';
import type { WorkerFactory, WorkerPortEvents } from '../../src/extension/worker/port';
import type { WorkerEnvelope, WorkerRequest, WorkerResponse } from '../../src/extension/worker/protocol';

/**
 * The host's side of the worker (simulationClient.ts): one request at a time, lanes that
 * cancel superseded requests, preemption of long runs, timeouts and crashes with restarts —
 * against a stand-in worker, then against the real worker bundle.
 */

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** A worker whose answers the test gives by hand. */
class StandInWorkers {
  started = 0;
  terminated = 0;
  /** Requests posted to the live worker, oldest first. */
  posted: WorkerEnvelope[] = [];
  private events: WorkerPortEvents | null = null;
  failStart = false;

  readonly factory: WorkerFactory = async (events) => {
    if (this.failStart) throw new Error('no worker here');
    this.started++;
    this.events = events;
    this.posted = [];
    return { post: (envelope) => this.posted.push(envelope), terminate: () => this.terminated++ };
  };

  answer(response: WorkerResponse = { kind: 'released' }): void {
    const envelope = this.posted.shift();
    assert.ok(envelope, 'nothing was posted');
    this.events!.onReply({ id: envelope.id, response });
  }

  crash(): void {
    this.events!.onFailure('the simulation worker crashed: out of memory');
  }
}

const simulate = (run: string): WorkerRequest => ({ kind: 'simulate', run, source: 'a = []', version: '3.12', fileName: 'a.py', stepBudget: 1000 });
const view = (run: string, line: number): WorkerRequest => ({ kind: 'view', run, line, source: { uri: 'file:///a.py', fileName: 'a.py' } });

describe('simulation client', () => {
  it('sends one request at a time, in order', async () => {
    const workers = new StandInWorkers();
    const client = new SimulationClient(workers.factory);
    const first = client.request(simulate('r1'));
    const second = client.request(view('r1', 1));
    await tick();
    assert.deepEqual(workers.posted.map((p) => p.request.kind), ['simulate']);
    workers.answer({ kind: 'simulated', run: 'r1', summary: null as never });
    await tick();
    assert.deepEqual(workers.posted.map((p) => p.request.kind), ['view']);
    workers.answer({ kind: 'view', view: null });
    assert.equal((await first).kind, 'ok');
    assert.deepEqual(await second, { kind: 'ok', response: { kind: 'view', view: null } });
    client.dispose();
  });

  it('cancels a queued request when a newer one comes in its lane', async () => {
    const workers = new StandInWorkers();
    const client = new SimulationClient(workers.factory);
    const busy = client.request(view('r0', 1));
    const older = client.request(view('r1', 2), { lane: 'view a.py' });
    const newer = client.request(view('r1', 3), { lane: 'view a.py' });
    assert.deepEqual(await older, { kind: 'cancelled' });
    await tick();
    workers.answer();
    await busy;
    await tick();
    assert.equal((workers.posted[0].request as { line: number }).line, 3);
    workers.answer();
    assert.equal((await newer).kind, 'ok');
    client.dispose();
  });

  it('lets a quick superseded simulation finish, and answers it "cancelled"', async () => {
    const workers = new StandInWorkers();
    const client = new SimulationClient(workers.factory, { preemptAfterMs: 60_000 });
    const older = client.request(simulate('r1'), { lane: 'simulate a.py' });
    await tick();
    const newer = client.request(simulate('r2'), { lane: 'simulate a.py' });
    workers.answer({ kind: 'simulated', run: 'r1', summary: null as never });
    assert.deepEqual(await older, { kind: 'cancelled' });
    await tick();
    workers.answer({ kind: 'simulated', run: 'r2', summary: null as never });
    assert.equal((await newer).kind, 'ok');
    assert.equal(workers.started, 1, 'no restart');
    client.dispose();
  });

  it('stops a long superseded simulation by restarting the worker', async () => {
    const workers = new StandInWorkers();
    const restarts: RestartReason[] = [];
    const client = new SimulationClient(workers.factory, { preemptAfterMs: 0 });
    client.onDidRestart((reason) => restarts.push(reason));
    const older = client.request(simulate('r1'), { lane: 'simulate a.py' });
    await tick();
    const newer = client.request(simulate('r2'), { lane: 'simulate a.py' });
    assert.deepEqual(await older, { kind: 'cancelled' });
    assert.deepEqual(restarts, ['preempted']);
    assert.equal(workers.terminated, 1);
    await tick();
    assert.equal(workers.started, 2);
    assert.equal((workers.posted[0].request as { run: string }).run, 'r2');
    workers.answer({ kind: 'simulated', run: 'r2', summary: null as never });
    assert.equal((await newer).kind, 'ok');
    client.dispose();
  });

  it('times out a request, restarts the worker and carries on', async () => {
    const workers = new StandInWorkers();
    const restarts: string[] = [];
    const client = new SimulationClient(workers.factory, { timeoutMs: 30 });
    client.onDidRestart((reason, message) => restarts.push(`${reason}: ${message}`));
    const stuck = client.request(simulate('r1'));
    const next = client.request(view('r1', 1));
    const result = await stuck;
    assert.equal(result.kind, 'failed');
    assert.equal((result as Extract<ClientResult, { kind: 'failed' }>).reason, 'timeout');
    assert.deepEqual(restarts, ['timeout: simulation timed out after 30 ms']);
    await tick();
    assert.equal(workers.started, 2, 'a fresh worker');
    workers.answer({ kind: 'unknownRun', run: 'r1' });
    assert.deepEqual(await next, { kind: 'ok', response: { kind: 'unknownRun', run: 'r1' } });
    client.dispose();
  });

  it('reports a crash, restarts, and stops trying after repeated crashes', async () => {
    const workers = new StandInWorkers();
    const restarts: RestartReason[] = [];
    const client = new SimulationClient(workers.factory);
    client.onDidRestart((reason) => restarts.push(reason));
    const crashed = client.request(simulate('r1'));
    await tick();
    workers.crash();
    assert.deepEqual(await crashed, { kind: 'failed', reason: 'crash', message: 'the simulation worker crashed: out of memory' });
    assert.deepEqual(restarts, ['crash']);
    const after = client.request(simulate('r2'));
    await tick();
    workers.answer({ kind: 'simulated', run: 'r2', summary: null as never });
    assert.equal((await after).kind, 'ok');
    for (let i = 0; i < 3; i++) {
      const again = client.request(simulate(`x${i}`));
      await tick();
      workers.crash();
      await again;
    }
    const refused = await client.request(simulate('r3'));
    assert.equal(refused.kind, 'failed');
    assert.equal((refused as Extract<ClientResult, { kind: 'failed' }>).reason, 'unavailable');
    client.dispose();
  });

  it('answers "unavailable" when no worker can be started', async () => {
    const workers = new StandInWorkers();
    workers.failStart = true;
    const client = new SimulationClient(workers.factory);
    const result = await client.request(simulate('r1'));
    assert.equal(result.kind, 'failed');
    client.dispose();
  });

  it('serves normal requests before background ones', async () => {
    const workers = new StandInWorkers();
    const client = new SimulationClient(workers.factory);
    const first = client.request(simulate('r1'));
    const hints = client.request({ kind: 'effects', run: 'r1', lines: [1, 2] }, { background: true });
    const cursor = client.request(view('r1', 2));
    await tick();
    workers.answer();
    await first;
    await tick();
    assert.equal(workers.posted[0].request.kind, 'view');
    workers.answer();
    await cursor;
    await tick();
    assert.equal(workers.posted[0].request.kind, 'effects');
    workers.answer();
    assert.equal((await hints).kind, 'ok');
    client.dispose();
  });
});

describe('simulation client with the real worker (dist/simulation-worker.js)', function () {
  this.timeout(60_000);
  const script = join(__dirname, '../../simulation-worker.js');

  before(function () {
    if (!existsSync(script)) this.skip();
  });

  it('simulates in a worker thread and answers views', async () => {
    const client = new SimulationClient(nodeWorkerFactory(script));
    try {
      const simulated = await client.request({ kind: 'simulate', run: 'r1', source: 'a = []\nb = a\n', version: '3.12', fileName: 'a.py', stepBudget: 1_000_000 });
      assert.equal(simulated.kind, 'ok');
      const shown = await client.request(view('r1', 2));
      assert.equal(shown.kind, 'ok');
      const response = (shown as { response: WorkerResponse }).response;
      assert.equal(response.kind, 'view');
      const list = (response as Extract<WorkerResponse, { kind: 'view' }>).view?.objects.find((o) => o.type === 'list');
      assert.equal(list?.refcount, 2);
    } finally {
      client.dispose();
    }
  });

  it('stops a runaway simulation at the time limit; the restarted worker has forgotten the old runs', async () => {
    const restarts: RestartReason[] = [];
    const client = new SimulationClient(nodeWorkerFactory(script), { timeoutMs: 1500 });
    client.onDidRestart((reason) => restarts.push(reason));
    try {
      assert.equal((await client.request(simulate('kept'))).kind, 'ok');
      const started = Date.now();
      const runaway = await client.request({ kind: 'simulate', run: 'loop', source: 'while True:\n    pass\n', version: '3.12', fileName: 'loop.py', stepBudget: 100_000_000 });
      assert.equal(runaway.kind, 'failed');
      assert.ok(Date.now() - started < 10_000);
      assert.deepEqual(restarts, ['timeout']);
      const lost = await client.request(view('kept', 1));
      assert.deepEqual(lost, { kind: 'ok', response: { kind: 'unknownRun', run: 'kept' } });
    } finally {
      client.dispose();
    }
  });
});
