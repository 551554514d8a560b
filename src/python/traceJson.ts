import { EventKind, ObjectFlags, Trace } from '../core/trace';
import type { SimulationResult } from './simulate';

/**
 * The timeline as JSON for `heapscope trace --json`: the events before the first line
 * (the interpreter's start-up), then one entry per executed line with its events. Replaying
 * the events in order rebuilds the heap at any step (the README documents each event).
 */

type JsonEvent = (string | number | boolean)[];

export interface TraceJson {
  readonly version: string;
  readonly status: SimulationResult['status'];
  readonly stdout: string;
  readonly stderr: string;
  readonly prelude: JsonEvent[];
  readonly steps: { readonly line: number; readonly depth: number; readonly gcCounts: number[]; readonly events: JsonEvent[] }[];
  readonly collections: Trace['collections'];
}

export function traceToJson(result: SimulationResult): TraceJson {
  const trace = result.trace;
  const s = (i: number): string => trace.string(i);
  const event = (kind: EventKind, a: number, b: number, c: number, flags: number): JsonEvent => {
    switch (kind) {
      case EventKind.Alloc:
        return ['alloc', a, s(b), trace.display(c), (flags & ObjectFlags.Immortal) !== 0, (flags & ObjectFlags.GcType) !== 0];
      case EventKind.Free:
        return ['free', a];
      case EventKind.Link:
        return ['incref', a, s(b), c];
      case EventKind.Unlink:
        return ['decref', a, s(b), c];
      case EventKind.Reset:
        return ['reset', a];
      case EventKind.Relink:
        return ['relink', a, s(b), c];
      case EventKind.Generation:
        return ['generation', a, b];
      case EventKind.Finalized:
        return ['finalized', a];
      case EventKind.External:
        return ['external', a, b];
      case EventKind.Output:
        return ['output', trace.outputs[a].stream, trace.outputs[a].text];
      case EventKind.Collection:
        return ['collection', a];
      case EventKind.RootOpen:
        return ['root', a, s(b), s(c)];
      case EventKind.RootClose:
        return ['rootClosed', a];
      case EventKind.Display:
        return ['display', a, trace.display(b)];
      case EventKind.Thresholds:
        return ['thresholds', a, b, c];
      case EventKind.GcEnabled:
        return ['gcEnabled', a === 1];
      case EventKind.Immortalized:
        return ['immortalized', a];
    }
  };
  const raw = trace.rawEvents();
  const slice = (from: number, to: number): JsonEvent[] => {
    const out: JsonEvent[] = [];
    for (let i = from; i < to; i++) out.push(event((raw[i * 4] & 0xff) as EventKind, raw[i * 4 + 1], raw[i * 4 + 2], raw[i * 4 + 3], raw[i * 4] >> 8));
    return out;
  };
  const steps = [];
  for (let i = 0; i < trace.stepCount; i++) {
    const step = trace.step(i);
    const end = i + 1 < trace.stepCount ? trace.step(i + 1).firstEvent : trace.length;
    steps.push({ line: step.line, depth: step.depth, continuation: step.continuation, gcCounts: trace.gcCountsAtStep(i), events: slice(step.firstEvent, end) });
  }
  return {
    version: result.version.version,
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    prelude: slice(0, trace.stepCount > 0 ? trace.step(0).firstEvent : trace.length),
    steps,
    collections: trace.collections,
  };
}
