import { HeapObject } from './heapObject';

/**
 * A doubly linked list of tracked objects with a sentinel head, as in gc.c. The order of
 * these lists decides the order of finalizers and of clearing, which programs can see.
 */
export class GcList extends HeapObject {
  constructor(readonly name: string) {
    super('<gc list>');
    this.gcPrev = this;
    this.gcNext = this;
  }

  traverse(): void {}
  forEachReference(): void {}
  releaseReferences(): void {}

  isEmpty(): boolean {
    return this.gcNext === this;
  }

  first(): HeapObject | null {
    return this.gcNext === this ? null : this.gcNext;
  }

  append(obj: HeapObject): void {
    const last = this.gcPrev!;
    obj.gcPrev = last;
    obj.gcNext = this;
    last.gcNext = obj;
    this.gcPrev = obj;
  }

  /** Moves every object of `this` to the end of `to`, leaving `this` empty (gc_list_merge). */
  mergeInto(to: GcList): void {
    if (this.isEmpty()) return;
    const first = this.gcNext!;
    const last = this.gcPrev!;
    const toLast = to.gcPrev!;
    toLast.gcNext = first;
    first.gcPrev = toLast;
    last.gcNext = to;
    to.gcPrev = last;
    this.gcNext = this;
    this.gcPrev = this;
  }

  size(): number {
    let n = 0;
    for (let o = this.gcNext!; o !== this; o = o.gcNext!) n++;
    return n;
  }

  toArray(): HeapObject[] {
    const out: HeapObject[] = [];
    for (let o = this.gcNext!; o !== this; o = o.gcNext!) out.push(o);
    return out;
  }
}

export function unlinkFromList(obj: HeapObject): void {
  const prev = obj.gcPrev!;
  const next = obj.gcNext!;
  prev.gcNext = next;
  next.gcPrev = prev;
  obj.gcPrev = null;
  obj.gcNext = null;
}

/** gc_list_move: takes `obj` out of its list and appends it to `to`. */
export function moveToList(obj: HeapObject, to: GcList): void {
  unlinkFromList(obj);
  to.append(obj);
}
