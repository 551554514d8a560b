import type { CollectionReport } from './collectionReport';
import type { ObjectId } from './heapObject';

/**
 * The trace: every change to the heap, in order, packed four integers to an event so that a
 * run of a million steps stays small. Snapshots are rebuilt from it (see `snapshot.ts`).
 */
export const enum EventKind {
  /** a: id, b: type name, c: display (`Trace.display`); `ObjectFlags` ride in the kind's upper bits */
  Alloc = 1,
  /** a: id */
  Free = 2,
  /** a: holder, b: label, c: target — a new reference (+1) */
  Link = 3,
  /** a: holder, b: label, c: target — a reference dropped (−1) */
  Unlink = 4,
  /** a: holder — forget the holder's references without changing counts (a reorder follows) */
  Reset = 5,
  /** a: holder, b: label, c: target — re-record a reference after `Reset` (no count change) */
  Relink = 6,
  /** a: id, b: generation (-1: untracked) */
  Generation = 7,
  /** a: id */
  Finalized = 8,
  /** a: id, b: delta of references from outside the program */
  External = 9,
  /** a: index into `Trace.outputs` */
  Output = 10,
  /** a: index into `Trace.collections` */
  Collection = 11,
  /** a: holder id, b: kind, c: name — a root holder appears */
  RootOpen = 12,
  /** a: holder id */
  RootClose = 13,
  /** a: id, b: display (`Trace.display`) */
  Display = 14,
  /** a, b, c: gc.get_threshold() */
  Thresholds = 15,
  /** a: 1 enabled, 0 disabled */
  GcEnabled = 16,
  /** a: id — the object became immortal (3.12 interns strings into immortality) */
  Immortalized = 17,
}

export const enum ObjectFlags {
  Immortal = 1,
  GcType = 2,
}

/** One execution of a line: where its events start and how deep in calls it ran. */
export interface Step {
  readonly index: number;
  readonly line: number;
  readonly depth: number;
  readonly firstEvent: number;
  /**
   * The step goes on with a line already begun: its frame is back from a call whose lines
   * were steps of their own (a class statement after its body ran). It belongs to the
   * execution of the last step of that line at this depth.
   */
  readonly continuation: boolean;
}

export interface OutputChunk {
  readonly text: string;
  readonly stream: 'stdout' | 'stderr';
  /** Index of the event that printed it. */
  readonly event: number;
}

const EVENT_WIDTH = 4;

export class Trace {
  private events = new Int32Array(EVENT_WIDTH * 4096);
  private eventCount = 0;

  private readonly strings: string[] = [];
  private readonly stringIds = new Map<string, number>();

  private stepLines = new Int32Array(1024);
  private stepDepths = new Int32Array(1024);
  private stepFirstEvents = new Int32Array(1024);
  private stepContinues = new Uint8Array(1024);
  /** gc.get_count() as each step began, three per step. */
  private stepGcCounts = new Int32Array(3 * 1024);
  private count = 0;

  readonly collections: CollectionReport[] = [];
  /** Everything printed, in order; `Output` events point here. */
  readonly outputs: OutputChunk[] = [];

  /** False when the front end asked for no trace (a plain `run`): events are not kept. */
  constructor(readonly enabled = true) {
    this.intern('');
  }

  get stepCount(): number {
    return this.count;
  }

  get length(): number {
    return this.eventCount;
  }

  /** Interned ids of the slot labels `[0]`, `[1]`, ... */
  private readonly slotLabelIds: number[] = [];

  /** Display values, one per allocation (most are distinct: not worth interning). */
  private readonly displays: string[] = [''];
  private lastText = '';
  private lastId = 0;

  /** Stores an object's display text; returns its index for `display()`. */
  storeDisplay(text: string): number {
    if (text === '') return 0;
    this.displays.push(text);
    return this.displays.length - 1;
  }

  display(index: number): string {
    return this.displays[index];
  }

  /** The interned id of a label or text (slot numbers are cached). */
  intern(text: string | number): number {
    // The same label often comes many times in a row ("temporary").
    if (text === this.lastText) return this.lastId;
    if (typeof text === 'number') {
      let slot = this.slotLabelIds[text];
      if (slot === undefined) {
        slot = this.intern(`[${text}]`);
        if (text < 1_000_000) this.slotLabelIds[text] = slot;
      }
      return slot;
    }
    let id = this.stringIds.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.stringIds.set(text, id);
    }
    this.lastText = text;
    this.lastId = id;
    return id;
  }

  string(id: number): string {
    return this.strings[id];
  }

  record(kind: EventKind, a: number, b = 0, c = 0): void {
    if (!this.enabled) return;
    let at = this.eventCount * EVENT_WIDTH;
    if (at + EVENT_WIDTH > this.events.length) {
      const grown = new Int32Array(this.events.length * 2);
      grown.set(this.events);
      this.events = grown;
    }
    const events = this.events;
    events[at] = kind;
    events[at + 1] = a;
    events[at + 2] = b;
    events[at + 3] = c;
    this.eventCount++;
  }

  recordOutput(text: string, stream: 'stdout' | 'stderr'): void {
    if (!this.enabled) return;
    this.outputs.push({ text, stream, event: this.eventCount });
    this.record(EventKind.Output, this.outputs.length - 1);
  }

  recordAlloc(id: number, type: number, display: number, flags: number): void {
    this.record((EventKind.Alloc | (flags << 8)) as EventKind, id, type, display);
  }

  /** The `ObjectFlags` of the allocation event `i`. */
  allocFlags(i: number): number {
    return this.events[i * EVENT_WIDTH] >> 8;
  }

  /** Marks the start of one execution of `line`, `depth` calls deep (or its continuation). */
  beginStep(line: number, depth: number, gcCounts: readonly number[], continuation = false): void {
    if (!this.enabled) return;
    const i = this.count;
    if (i >= this.stepLines.length) {
      this.stepLines = grow(this.stepLines);
      this.stepDepths = grow(this.stepDepths);
      this.stepFirstEvents = grow(this.stepFirstEvents);
      this.stepGcCounts = grow(this.stepGcCounts);
      const continues = new Uint8Array(this.stepLines.length);
      continues.set(this.stepContinues);
      this.stepContinues = continues;
    }
    this.stepContinues[i] = continuation ? 1 : 0;
    this.stepLines[i] = line;
    this.stepDepths[i] = depth;
    this.stepFirstEvents[i] = this.eventCount;
    this.stepGcCounts[3 * i] = gcCounts[0];
    this.stepGcCounts[3 * i + 1] = gcCounts[1];
    this.stepGcCounts[3 * i + 2] = gcCounts[2];
    this.count++;
  }

  step(index: number): Step {
    if (index < 0 || index >= this.count) throw new RangeError(`no step ${index}`);
    return {
      index,
      line: this.stepLines[index],
      depth: this.stepDepths[index],
      firstEvent: this.stepFirstEvents[index],
      continuation: this.stepContinues[index] === 1,
    };
  }

  gcCountsAtStep(index: number): [number, number, number] {
    return [this.stepGcCounts[3 * index], this.stepGcCounts[3 * index + 1], this.stepGcCounts[3 * index + 2]];
  }

  /**
   * The event that ends the execution of step `index`: the next step at the same depth
   * (other than the line's own continuation after a call) or shallower, so a line that
   * calls a function includes everything the call did — and a line of the callee ends
   * when the call returns.
   */
  stepEndEvent(index: number): number {
    const depth = this.stepDepths[index];
    for (let i = index + 1; i < this.count; i++) {
      const d = this.stepDepths[i];
      if (d < depth || (d === depth && this.stepContinues[i] === 0)) return this.stepFirstEvents[i];
    }
    return this.eventCount;
  }

  /** Index of the step whose events include `eventIndex`, or -1 before the first step. */
  stepAtEvent(eventIndex: number): number {
    let lo = 0;
    let hi = this.count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.stepFirstEvents[mid] <= eventIndex) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** Every step that began an execution of `line`, in order (continuations are part of theirs). */
  stepsOfLine(line: number): number[] {
    const found: number[] = [];
    for (let i = 0; i < this.count; i++) if (this.stepLines[i] === line && this.stepContinues[i] === 0) found.push(i);
    return found;
  }

  eventKind(i: number): EventKind {
    return (this.events[i * EVENT_WIDTH] & 0xff) as EventKind;
  }

  /** Calls `visit` for events `from` (inclusive) to `to` (exclusive). */
  forEachEvent(from: number, to: number, visit: (kind: EventKind, a: number, b: number, c: number) => void): void {
    const events = this.events;
    for (let i = from; i < to; i++) {
      const at = i * EVENT_WIDTH;
      visit((events[at] & 0xff) as EventKind, events[at + 1], events[at + 2], events[at + 3]);
    }
  }

  /** Raw access for replay loops that must not allocate closures. */
  rawEvents(): Int32Array {
    return this.events;
  }

  /** Approximate bytes held by the trace's own arrays (not the interned strings' text). */
  byteSize(): number {
    return this.events.byteLength + this.stepLines.byteLength * 3 + this.stepGcCounts.byteLength;
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

export type { ObjectId };

/**
 * Of several executions of one line (each given by a step), the one that finishes last,
 * 1-based (0 for none). `class A:` runs in the module and again as the first line of the
 * class body; the module's run, which binds `A`, finishes after the body's. In a
 * recursion the outermost call finishes last.
 */
export function executionFinishingLast(executions: readonly number[], trace: { stepEndEvent(index: number): number }): number {
  let best = 0;
  let bestEnd = -1;
  executions.forEach((step, i) => {
    const end = trace.stepEndEvent(step);
    if (end >= bestEnd) {
      best = i + 1;
      bestEnd = end;
    }
  });
  return best;
}
