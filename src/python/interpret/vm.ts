import type { Heap } from '../../core/heap';
import { RootHolder, labelText } from '../../core/heapObject';
import type { CodeUnit } from '../compile/code';
import { CALL_PLAIN, CallFlags, Op } from '../compile/opcodes';
import { PyStr } from '../objects/atoms';
import type { PyObject } from '../objects/base';
import { PyCell, PyCode, PyFrameObject, PyFunction, PyGenerator, PyMethod, PyTraceback } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import { PyNativeFunction } from '../objects/native';
import { PyStruct } from '../objects/struct';
import type { Protocols } from '../runtime/protocols';
import { PythonError, SimulationStop } from '../runtime/errors';
import { checkLength, checkReferences } from '../runtime/limits';
import type { Runtime } from '../runtime/runtime';
import { Block, ExecFrame, FRAME_OBJECT_LABEL, FUNCTION_LABEL, HANDLED_EXCEPTION, TEMPORARY } from './frame';

const RECURSION_MESSAGE = 'maximum recursion depth exceeded';

/** A call the interpreter runs by pushing a frame: a Python function's, not a generator's or a native one's. */
function runsInNewFrame(callable: PyObject): callable is PyFunction {
  return callable instanceof PyFunction && !(callable instanceof PyNativeFunction) && !callable.code.isGenerator;
}

/**
 * The interpreter: runs code units on the heap. Python-to-Python calls do not grow the
 * TypeScript stack (frames are linked, as in CPython 3.11+); only calls made from
 * TypeScript (a builtin calling back, __del__ from a deallocation) start a nested loop.
 */
export class VirtualMachine {
  current: ExecFrame | null = null;
  /** The exception being handled (sys.exc_info()), saved per except block. */
  handling: PyObject | null = null;
  private readonly heap: Heap;
  /** Nested run loops started from TypeScript; bounded to keep the host's stack safe. */
  private nesting = 0;
  /** sys.getrecursionlimit(). */
  recursionLimit: number;
  p!: Protocols;

  constructor(readonly rt: Runtime) {
    this.heap = rt.heap;
    this.recursionLimit = rt.lang.recursionLimit;
  }

  /**
   * Runs a class body with `namespace` as its locals (__build_class__). Returns the
   * __class__ cell when the body made one (in transit), else null.
   */
  runClassBody(body: PyFunction, namespace: PyDict): PyObject | null {
    const code = body.code;
    const holder = this.heap.openRoot('frame', `class ${code.name}`);
    const frame = new ExecFrame(code, holder, body.get('__globals__') as PyDict, namespace, null, this.current, (this.current?.depth ?? 0) + 1);
    this.p.bindArguments(frame, body, [], null);
    frame.savedHandling = this.handling;
    const result = this.execute(frame);
    if (result === this.rt.none) {
      this.heap.decref(this.rt.transit, 'result', result);
      return null;
    }
    return result;
  }

  // --- where are we --------------------------------------------------------------------

  currentLine(): number {
    const f = this.current;
    if (f === null) return 0;
    return f.code.lines[Math.max(0, Math.min(f.pc - 1, f.code.lines.length - 1))] ?? 0;
  }

  currentColumn(): number {
    const f = this.current;
    if (f === null) return 0;
    return f.code.columns[Math.max(0, Math.min(f.pc - 1, f.code.columns.length - 1))] ?? 0;
  }

  // --- errors --------------------------------------------------------------------------

  /** A new exception of a builtin type, in flight. */
  makeError(typeName: string, message?: string): PythonError {
    const type = this.rt.types.exceptions.get(typeName)!;
    const args = message === undefined ? [] : [this.rt.str(message)];
    const exc = this.p.instantiateException(type, args);
    this.heap.incref(this.rt.raising, 'raised', exc);
    return new PythonError(exc);
  }

  /** Puts an exception object in flight (it must be held elsewhere, or fresh). */
  raiseObject(exc: PyObject): PythonError {
    this.heap.incref(this.rt.raising, 'raised', exc);
    return new PythonError(exc);
  }

  // --- running -------------------------------------------------------------------------

  /** Runs module code with `globals` as its namespace. */
  runModule(code: CodeUnit, globals: PyDict): void {
    const holder = this.heap.openRoot('frame', '<module>');
    const frame = new ExecFrame(code, holder, globals, globals, null, null, 0);
    try {
      const result = this.execute(frame);
      this.heap.decref(this.rt.transit, 'result', result);
    } finally {
      if (!holder.closed) this.heap.closeRoot(holder);
    }
  }

  /**
   * Calls a Python function from TypeScript; the result is in transit. Arguments are
   * borrowed: the new frame takes its own references.
   */
  callFunction(fn: PyFunction, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject {
    const frame = this.makeFrame(fn, args, kwargs, this.current);
    if (fn.code.isGenerator) return this.makeGenerator(fn, frame);
    // The exception being handled stays visible to the callee (and is back after it returns).
    frame.savedHandling = this.handling;
    return this.execute(frame);
  }

  /**
   * Resumes a generator with `sent` (borrowed), or throws `thrown` into it, until it yields
   * (`done` false) or returns (`done` true). The value is in transit; null when the
   * generator had already finished.
   */
  resume(gen: PyGenerator, sent: PyObject, thrown: PyObject | null): { value: PyObject; done: boolean } | null {
    const frame = gen.frame;
    if (frame === null || frame.finished) {
      if (thrown !== null) throw this.raiseObject(thrown);
      return null;
    }
    if (gen.running) throw this.makeError('ValueError', 'generator already executing');
    gen.running = true;
    frame.back = this.current;
    try {
      if (!gen.started) {
        gen.started = true;
        if (thrown !== null) {
          frame.finished = true;
          throw this.raiseObject(thrown);
        }
      } else if (thrown === null) {
        // The yield expression's value: what send() passed.
        this.push(frame, sent);
      }
      const value = this.execute(frame, thrown);
      return { value, done: frame.finished };
    } catch (e) {
      if (e instanceof PythonError) frame.finished = true;
      throw e;
    } finally {
      gen.running = false;
      frame.back = null;
    }
  }

  /** next()/send() semantics: the yielded value (in transit), null when done, StopIteration(value) for a returned value. */
  resumeGenerator(gen: PyGenerator, sent: PyObject, thrown: PyObject | null): PyObject | null {
    const step = this.resume(gen, sent, thrown);
    if (step === null) return null;
    if (!step.done) return step.value;
    const result = step.value;
    if (result === this.rt.none) {
      this.heap.decref(this.rt.transit, 'result', result);
      return null;
    }
    const stop = this.p.instantiateException(this.rt.types.exceptions.get('StopIteration')!, [result]);
    this.heap.decref(this.rt.transit, 'result', result);
    throw this.raiseObject(stop);
  }

  /** Runs `entry` (and the Python frames it calls) until it returns or yields. */
  private execute(entry: ExecFrame, thrown: PyObject | null = null): PyObject {
    if (++this.nesting > 120) {
      this.nesting--;
      throw this.makeError('RecursionError', RECURSION_MESSAGE);
    }
    entry.entry = true;
    const savedMark = this.rt.transitMark;
    const saved = this.current;
    entry.back = saved;
    this.current = entry;
    let pending: PythonError | null = thrown !== null ? this.raiseObject(thrown) : null;
    try {
      for (;;) {
        if (pending !== null) {
          const error = pending;
          pending = null;
          // An exception that leaves the entry frame goes back to the TypeScript caller.
          if (!this.unwind(error, entry)) throw error;
        }
        try {
          return this.loop(entry);
        } catch (e) {
          if (!(e instanceof PythonError)) {
            if (e instanceof RangeError && /call stack/.test(e.message)) {
              this.dropTransit();
              pending = this.makeError('RecursionError', RECURSION_MESSAGE);
              continue;
            }
            throw e;
          }
          this.dropTransit();
          pending = e;
        }
      }
    } finally {
      this.nesting--;
      this.current = saved;
      this.rt.transitMark = savedMark;
    }
  }

  /** Values a failed instruction left in transit are dropped (the failed operation's partial results). */
  private dropTransit(): void {
    const frame = this.current;
    if (frame === null) return;
    const transit = this.rt.transit;
    while (transit.targets.length > frame.transitMark) {
      const i = transit.targets.length - 1;
      this.heap.decref(transit, transit.labels[i], transit.targets[i]);
    }
  }

  /**
   * Finds the handler for `error`, from the current frame outwards; frames without one are
   * finished and left. Returns false when the exception leaves `entry`.
   */
  private unwind(error: PythonError, entry: ExecFrame): boolean {
    const exc = error.exception;
    let first = true;
    for (;;) {
      const frame = this.current!;
      // RERAISE does not add the frame again (it is already in the traceback).
      if (!(first && error.reraised)) this.addTraceback(exc, frame);
      first = false;
      while (frame.blocks.length > 0) {
        const block = frame.blocks.pop()!;
        if (block.kind === 'except') {
          this.handling = block.previous;
          this.heap.decref(frame.holder, HANDLED_EXCEPTION, block.current);
          continue;
        }
        // Unwind the stack to the block's depth, then hand the exception to the handler.
        while (frame.stack.length > block.level) this.release(frame, frame.stack.length - 1);
        frame.blocks.push({ kind: 'except', previous: this.handling, current: exc });
        this.heap.incref(frame.holder, HANDLED_EXCEPTION, exc);
        this.heap.move(this.rt.raising, 'raised', frame.holder, TEMPORARY, exc);
        frame.stack.push(exc);
        frame.borrowed.push(false);
        this.handling = exc;
        frame.pc = block.handler;
        return true;
      }
      // No handler here: the frame ends.
      this.finishFrame(frame);
      if (frame === entry || frame.back === null) return false;
      this.current = frame.back;
    }
  }

  /** PyTraceBack_Here: the exception passed through `frame`. */
  private addTraceback(exc: PyObject, frame: ExecFrame): void {
    if (!(exc instanceof PyStruct)) return;
    const at = Math.max(0, frame.pc - 1);
    const code = frame.code;
    const tb = this.heap.allocate(new PyTraceback(this.rt.types.traceback, code.lines[at], code.columns[at] ?? -1, code.endColumns[at] ?? -1), { gc: true });
    const frameObject = this.frameObjectOf(frame);
    const previous = exc.get('__traceback__');
    if (previous !== undefined && previous !== this.rt.none) tb.set(this.heap, 'tb_next', previous);
    tb.set(this.heap, 'tb_frame', frameObject);
    this.heap.track(tb);
    exc.set(this.heap, '__traceback__', tb);
  }

  /** The frame object of an executing frame, made on first request. */
  frameObjectOf(frame: ExecFrame): PyFrameObject {
    if (frame.frameObject === null) {
      const fo = this.heap.allocate(new PyFrameObject(this.rt.types.frame, frame.code), { gc: true, track: true });
      fo.exec = frame;
      // The executing frame holds a reference to its frame object.
      this.heap.incref(frame.holder, FRAME_OBJECT_LABEL, fo);
      frame.frameObject = fo;
    }
    (frame.frameObject as PyFrameObject).lineno = frame.code.lines[Math.max(0, frame.pc - 1)];
    return frame.frameObject as PyFrameObject;
  }

  /**
   * A frame is done: if its frame object outlives it, the locals move there (take
   * ownership); otherwise they are released, locals first.
   */
  private finishFrame(frame: ExecFrame): void {
    frame.finished = true;
    while (frame.blocks.length > 0) {
      const block = frame.blocks.pop()!;
      if (block.kind === 'except') {
        this.handling = block.previous;
        this.heap.decref(frame.holder, HANDLED_EXCEPTION, block.current);
      }
    }
    const fo = frame.frameObject as PyFrameObject | null;
    if (fo !== null) {
      frame.frameObject = null;
      fo.exec = null;
      if (fo.refcount > 1) {
        const nextSuffix = new Map<string, number>();
        for (const { label, target } of frame.takeReferences()) {
          const kept = uniqueLabel(fo, labelText(label), nextSuffix);
          this.heap.move(frame.holder, label, fo, kept, target);
          fo.fields.set(kept, target as PyObject);
        }
        this.heap.decref(frame.holder, FRAME_OBJECT_LABEL, fo);
        this.closeHolder(frame);
        return;
      }
      this.heap.decref(frame.holder, FRAME_OBJECT_LABEL, fo);
    }
    frame.clear(this.heap);
    this.closeHolder(frame);
  }

  private closeHolder(frame: ExecFrame): void {
    if (frame.holder instanceof RootHolder && !frame.holder.closed) this.heap.closeRoot(frame.holder);
  }

  // --- frames --------------------------------------------------------------------------

  /**
   * A frame for calling `fn`: arguments are bound to parameters; each parameter takes a
   * new reference (the caller keeps its own until the call ends).
   */
  makeFrame(fn: PyFunction, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null, back: ExecFrame | null): ExecFrame {
    const code = fn.code;
    const depth = (back?.depth ?? 0) + 1;
    // CPython counts the module's frame too: a limit of N allows N - 1 nested calls.
    if (depth >= this.p.recursionLimit()) throw this.makeError('RecursionError', RECURSION_MESSAGE);
    const globals = fn.get('__globals__') as PyDict;
    let holder: RootHolder | PyGenerator;
    if (code.isGenerator) {
      holder = this.heap.allocate(new PyGenerator(this.rt.types.generator, null, code.name, code.qualname), { gc: true });
    } else {
      holder = this.heap.openRoot('frame', code.name);
    }
    const frame = new ExecFrame(code, holder, globals, null, null, back, depth);
    if (holder instanceof PyGenerator) {
      holder.frame = frame;
      frame.generator = holder;
    }
    // 3.11+: the frame holds the function (f_funcobj).
    if (!this.rt.lang.callerKeepsArguments) {
      frame.fn = fn;
      this.heap.incref(frame.holder, FUNCTION_LABEL, fn);
    }
    try {
      this.p.bindArguments(frame, fn, args, kwargs);
    } catch (e) {
      // The arguments do not fit: the frame is dropped before it runs (_PyEvalFrameClearAndPop),
      // with the function and the arguments bound so far; a generator is never handed out.
      frame.clear(this.heap);
      if (holder instanceof PyGenerator) this.p.discard(holder);
      else this.closeHolder(frame);
      throw e;
    }
    return frame;
  }

  private makeGenerator(fn: PyFunction, frame: ExecFrame): PyObject {
    const gen = frame.generator as PyGenerator;
    void fn;
    this.heap.track(gen);
    return gen;
  }

  // --- the stack -----------------------------------------------------------------------

  push(frame: ExecFrame, obj: PyObject): void {
    this.heap.incref(frame.holder, TEMPORARY, obj);
    frame.stack.push(obj);
    frame.borrowed.push(false);
  }

  /** Pushes a native result: moved from transit when it is there, else a new reference. */
  pushResult(frame: ExecFrame, obj: PyObject): void {
    const transit = this.rt.transit;
    if (this.rt.inTransit(obj)) {
      this.heap.move(transit, 'result', frame.holder, TEMPORARY, obj);
    } else {
      this.heap.incref(frame.holder, TEMPORARY, obj);
    }
    frame.stack.push(obj);
    frame.borrowed.push(false);
  }

  /** Releases the stack entry at `index` (its reference, unless borrowed) and removes it. */
  release(frame: ExecFrame, index: number): void {
    if (index < 0) return;
    const obj = frame.stack[index];
    const borrowed = frame.borrowed[index];
    frame.stack.splice(index, 1);
    frame.borrowed.splice(index, 1);
    if (obj !== null && !borrowed) this.heap.decref(frame.holder, TEMPORARY, obj);
  }

  private popRelease(frame: ExecFrame): void {
    const obj = frame.stack.pop()!;
    const borrowed = frame.borrowed.pop();
    if (obj !== null && !borrowed) this.heap.decref(frame.holder, TEMPORARY, obj);
  }

  /** Moves the top of the stack into `to` under `label` (a borrowed entry takes a new reference). */
  private popInto(frame: ExecFrame, to: RootHolder | PyObject, label: string): PyObject {
    const obj = frame.stack.pop()!;
    const borrowed = frame.borrowed.pop();
    if (borrowed) this.heap.incref(to, label, obj);
    else this.heap.move(frame.holder, TEMPORARY, to, label, obj);
    return obj;
  }

  // --- the loop ------------------------------------------------------------------------

  /** Marks the start of a new line's execution: a step of the trace, and the step budget. */
  private step(frame: ExecFrame, line: number): void {
    // Too many objects: the line that made them is the one that ran last in this frame.
    const previous = frame.line > 0 ? frame.line : line;
    frame.line = line;
    const rt = this.rt;
    const probe = rt.gcProbe;
    if (probe !== null && rt.heap.trace.stepCount > probe.afterStep && frame.depth <= probe.depth) this.runGcProbe();
    if (++rt.steps > rt.limits.steps) throw new SimulationStop('budget', `step budget of ${rt.limits.steps} lines reached`, line, 0);
    if (this.heap.liveCount > rt.limits.objects) throw new SimulationStop('limit', `too many live objects (over ${rt.limits.objects})`, previous, 0);
    checkReferences(rt, previous);
    const maxEvents = rt.limits.events ?? 16 * rt.limits.steps;
    if (this.heap.trace.length > maxEvents) throw new SimulationStop('limit', `the trace grew too long to keep (over ${maxEvents.toLocaleString('en-US')} heap events)`, previous, 0);
    this.heap.beginStep(line, frame.depth);
    frame.stepSerial = this.heap.stepSerial;
  }

  /** The frame goes on with its line after a call that had lines of its own. */
  private continueStep(frame: ExecFrame): void {
    const probe = this.rt.gcProbe;
    // A probe placed after a line of the callee runs once the call has returned.
    if (probe !== null && this.heap.trace.stepCount > probe.afterStep && frame.depth < probe.depth) this.runGcProbe();
    this.heap.continueStep(frame.line, frame.depth);
    frame.stepSerial = this.heap.stepSerial;
  }

  private loop(entry: ExecFrame): PyObject {
    const rt = this.rt;
    const heap = this.heap;
    const p = this.p;
    let frame = this.current!;
    let code = frame.code;
    let ops = code.ops;
    let args = code.args;
    let lines = code.lines;
    let stack = frame.stack;
    const switchTo = (f: ExecFrame): void => {
      frame = f;
      this.current = f;
      code = f.code;
      ops = code.ops;
      args = code.args;
      lines = code.lines;
      stack = f.stack;
    };
    for (;;) {
      const pc = frame.pc;
      const line = lines[pc];
      // Line 0: code of no line of its own (an implicit `return None`) goes on with the last.
      if (line !== frame.line && line > 0) this.step(frame, line);
      else if (frame.stepSerial !== heap.stepSerial && frame.line > 0) this.continueStep(frame);
      const op = ops[pc] as Op;
      const arg = args[pc];
      frame.pc = pc + 1;
      frame.transitMark = rt.transitMark = rt.transit.targets.length;
      switch (op) {
        case Op.Nop:
          break;
        case Op.PopTop:
          this.popRelease(frame);
          break;
        case Op.PushNull:
          stack.push(null);
          frame.borrowed.push(false);
          break;
        case Op.Copy: {
          const obj = stack[stack.length - arg];
          if (obj === null) {
            stack.push(null);
            frame.borrowed.push(false);
          } else this.push(frame, obj);
          break;
        }
        case Op.Swap: {
          const top = stack.length - 1;
          const other = stack.length - arg;
          [stack[top], stack[other]] = [stack[other], stack[top]];
          [frame.borrowed[top], frame.borrowed[other]] = [frame.borrowed[other], frame.borrowed[top]];
          break;
        }
        case Op.LoadConst:
          this.push(frame, p.constant(code.consts[arg]));
          break;
        case Op.LoadFast: {
          const value = frame.fast[arg];
          if (value === null) throw this.unboundLocal(code.varnames[arg]);
          if (rt.lang.borrowedLocalLoads) {
            stack.push(value);
            frame.borrowed.push(true);
          } else this.push(frame, value);
          break;
        }
        case Op.StoreFast: {
          const name = code.varnames[arg];
          const old = frame.fast[arg];
          frame.fast[arg] = this.popInto(frame, frame.holder as RootHolder, name);
          if (old !== null) heap.decref(frame.holder, name, old);
          break;
        }
        case Op.DeleteFast: {
          const old = frame.fast[arg];
          if (old === null) throw this.unboundLocal(code.varnames[arg]);
          frame.fast[arg] = null;
          heap.decref(frame.holder, code.varnames[arg], old);
          break;
        }
        case Op.DeleteFastIfBound:
          break;
        case Op.LoadDeref:
        case Op.LoadClassDeref: {
          if (op === Op.LoadClassDeref) {
            const name = frame.cellName(arg);
            const found = frame.locals !== null ? p.dictGetStr(frame.locals, name) : undefined;
            if (found !== undefined) {
              this.push(frame, found);
              break;
            }
          }
          const cell = frame.cells[arg]!;
          const value = cell.get('cell_contents');
          if (value === undefined) throw this.unboundDeref(frame, arg);
          this.push(frame, value);
          break;
        }
        case Op.StoreDeref: {
          const cell = frame.cells[arg]!;
          const value = stack[stack.length - 1]!;
          cell.set(heap, 'cell_contents', value);
          this.popRelease(frame);
          break;
        }
        case Op.DeleteDeref: {
          const cell = frame.cells[arg]!;
          if (cell.get('cell_contents') === undefined) throw this.unboundDeref(frame, arg);
          cell.clear(heap, 'cell_contents');
          break;
        }
        case Op.LoadClosure:
          this.push(frame, frame.cells[arg]!);
          break;
        case Op.LoadName: {
          const name = code.names[arg];
          let value = frame.locals !== null ? p.dictGetStr(frame.locals, name) : undefined;
          if (value === undefined && frame.locals !== frame.globals) value = p.dictGetStr(frame.globals, name);
          if (value === undefined) value = p.dictGetStr(rt.builtins, name);
          if (value === undefined) throw this.makeError('NameError', `name '${name}' is not defined`);
          this.push(frame, value);
          break;
        }
        case Op.LoadGlobal: {
          const name = code.names[arg];
          let value = p.dictGetStr(frame.globals, name);
          if (value === undefined) value = p.dictGetStr(rt.builtins, name);
          if (value === undefined) throw this.makeError('NameError', `name '${name}' is not defined`);
          this.push(frame, value);
          break;
        }
        case Op.StoreName:
        case Op.StoreGlobal: {
          const target = op === Op.StoreName && frame.locals !== null ? frame.locals : frame.globals;
          p.dictSetStrFromStack(target, code.names[arg], frame);
          break;
        }
        case Op.DeleteName:
        case Op.DeleteGlobal:
        case Op.DeleteNameIfBound: {
          const target = op === Op.DeleteGlobal || frame.locals === null ? frame.globals : frame.locals;
          const name = code.names[arg];
          if (!p.dictDeleteStr(target, name) && op !== Op.DeleteNameIfBound) throw this.makeError('NameError', `name '${name}' is not defined`);
          break;
        }
        case Op.LoadAttr: {
          const obj = stack[stack.length - 1]!;
          const value = p.getattr(obj, code.names[arg]);
          this.pushResult(frame, value);
          this.release(frame, stack.length - 2);
          break;
        }
        case Op.LoadMethod: {
          const obj = stack[stack.length - 1]!;
          const method = p.lookupMethod(obj, code.names[arg]);
          if (method !== null) {
            // [method, self]: self stays where it is, the method goes under it.
            this.pushResult(frame, method);
            this.swapTop2(frame);
          } else {
            const bound = p.getattr(obj, code.names[arg]);
            this.pushResult(frame, bound);
            // [NULL, bound]
            this.release(frame, stack.length - 2);
            stack.splice(stack.length - 1, 0, null);
            frame.borrowed.splice(frame.borrowed.length - 1, 0, false);
          }
          break;
        }
        case Op.StoreAttr: {
          const obj = stack[stack.length - 1]!;
          const value = stack[stack.length - 2]!;
          p.setattr(obj, code.names[arg], value);
          this.popRelease(frame);
          this.popRelease(frame);
          break;
        }
        case Op.DeleteAttr:
          p.delattr(stack[stack.length - 1]!, code.names[arg]);
          this.popRelease(frame);
          break;
        case Op.LoadSubscr: {
          const result = p.getitem(stack[stack.length - 2]!, stack[stack.length - 1]!);
          this.pushResult(frame, result);
          this.release(frame, stack.length - 2);
          this.release(frame, stack.length - 2);
          break;
        }
        case Op.StoreSubscr: {
          // [value, container, key]
          p.setitem(stack[stack.length - 2]!, stack[stack.length - 1]!, stack[stack.length - 3]!);
          this.popRelease(frame);
          this.popRelease(frame);
          this.popRelease(frame);
          break;
        }
        case Op.DeleteSubscr:
          p.delitem(stack[stack.length - 2]!, stack[stack.length - 1]!);
          this.popRelease(frame);
          this.popRelease(frame);
          break;
        case Op.BinaryOp:
        case Op.InplaceOp: {
          const result = p.binaryOp(arg, stack[stack.length - 2]!, stack[stack.length - 1]!, op === Op.InplaceOp);
          this.pushResult(frame, result);
          this.release(frame, stack.length - 2);
          this.release(frame, stack.length - 2);
          break;
        }
        case Op.UnaryOp: {
          const result = p.unaryOp(arg, stack[stack.length - 1]!);
          this.pushResult(frame, result);
          this.release(frame, stack.length - 2);
          break;
        }
        case Op.CompareOp: {
          const result = p.compareOp(arg, stack[stack.length - 2]!, stack[stack.length - 1]!);
          this.pushResult(frame, result);
          this.release(frame, stack.length - 2);
          this.release(frame, stack.length - 2);
          break;
        }
        case Op.IsOp: {
          const same = stack[stack.length - 2] === stack[stack.length - 1];
          this.popRelease(frame);
          this.popRelease(frame);
          this.push(frame, rt.bool(arg ? !same : same));
          break;
        }
        case Op.ContainsOp: {
          const found = p.contains(stack[stack.length - 1]!, stack[stack.length - 2]!);
          this.popRelease(frame);
          this.popRelease(frame);
          this.push(frame, rt.bool(arg ? !found : found));
          break;
        }
        case Op.BuildList: {
          const list = rt.newList();
          list.allocated = arg;
          this.collectInto(frame, arg, (from, label, item) => list.appendMoved(heap, from, label, item));
          this.pushResult(frame, list);
          break;
        }
        case Op.BuildTuple: {
          const tuple = this.buildTuple(frame, arg);
          this.pushResult(frame, tuple);
          break;
        }
        case Op.BuildSet: {
          const set = rt.newSet();
          this.pushResult(frame, set);
          for (let i = arg; i >= 1; i--) p.setAdd(set, stack[stack.length - 1 - i]!);
          for (let i = 0; i < arg; i++) this.release(frame, stack.length - 2);
          break;
        }
        case Op.BuildMap: {
          const dict = rt.newDict();
          this.pushResult(frame, dict);
          const base = stack.length - 1 - 2 * arg;
          for (let i = 0; i < arg; i++) p.dictSet(dict, stack[base + 2 * i]!, stack[base + 2 * i + 1]!);
          // DECREF_INPUTS / POP: the keys and values are released from the top down.
          for (let i = 0; i < 2 * arg; i++) this.release(frame, stack.length - 2);
          break;
        }
        case Op.BuildSlice: {
          const parts = stack.slice(stack.length - arg) as PyObject[];
          const slice = p.makeSlice(parts[0], parts[1], parts[2] ?? rt.none);
          this.pushResult(frame, slice);
          for (let i = 0; i < arg; i++) this.release(frame, stack.length - 2);
          break;
        }
        case Op.BuildString: {
          const parts = stack.slice(stack.length - arg).map((s) => (s as PyStr).value);
          checkLength(rt, 'str', parts.reduce((n, part) => n + part.length, 0));
          const result = rt.str(parts.join(''));
          this.pushResult(frame, result);
          for (let i = 0; i < arg; i++) this.release(frame, stack.length - 2);
          break;
        }
        case Op.ListAppend: {
          const list = stack[stack.length - 1 - arg] as PyList;
          const item = stack[stack.length - 1]!;
          if (frame.borrowed[stack.length - 1]) {
            stack.pop();
            frame.borrowed.pop();
            list.append(heap, item);
          } else {
            stack.pop();
            frame.borrowed.pop();
            list.appendMoved(heap, frame.holder, TEMPORARY, item);
          }
          break;
        }
        case Op.SetAdd:
          p.setAdd(stack[stack.length - 1 - arg] as PySet, stack[stack.length - 1]!);
          this.popRelease(frame);
          break;
        case Op.MapAdd:
          p.dictSet(stack[stack.length - 2 - arg] as PyDict, stack[stack.length - 2]!, stack[stack.length - 1]!);
          this.popRelease(frame);
          this.popRelease(frame);
          break;
        case Op.ListExtend:
          p.listExtend(stack[stack.length - 1 - arg] as PyList, stack[stack.length - 1]!);
          this.popRelease(frame);
          break;
        case Op.SetUpdate:
          p.setUpdate(stack[stack.length - 1 - arg] as PySet, stack[stack.length - 1]!);
          this.popRelease(frame);
          break;
        case Op.DictUpdate:
        case Op.DictMerge:
          p.dictUpdate(stack[stack.length - 1 - arg] as PyDict, stack[stack.length - 1]!, op === Op.DictMerge);
          this.popRelease(frame);
          break;
        case Op.ListToTuple: {
          const list = stack[stack.length - 1] as PyList;
          const tuple = rt.newTuple(list.items);
          this.pushResult(frame, tuple);
          this.release(frame, stack.length - 2);
          break;
        }
        case Op.KwNames:
          frame.kwnames = p.constant(code.consts[arg]) as PyTuple;
          break;
        case Op.Call: {
          const next = this.call(frame, arg);
          if (next !== null) switchTo(next);
          break;
        }
        case Op.CallEx: {
          const kwargs = arg & 1 ? (stack[stack.length - 1] as PyDict) : null;
          const posIndex = stack.length - 1 - (arg & 1);
          const positional = stack[posIndex] as PyTuple;
          const callable = stack[posIndex - 1]!;
          const kw = kwargs ? p.dictToStrMap(kwargs) : null;
          // [NULL, callable, tuple, (dict)]
          const start = posIndex - 2;
          if (runsInNewFrame(callable)) {
            const newFrame = this.makeFrame(callable, positional.items, kw, frame);
            if (rt.lang.callExReleasesPackedArguments) {
              while (stack.length > start) this.release(frame, stack.length - 1);
            } else {
              // 3.10/3.11: the keyword values are unpacked into an array of new references
              // (_PyStack_UnpackDict), held, with the tuple and dict, until the call returns.
              if (kw) for (const value of kw.values()) this.push(frame, value);
              pendingCallCleanup.set(frame, stack.length - start);
            }
            newFrame.savedHandling = this.handling;
            switchTo(newFrame);
            break;
          }
          const result = p.call(callable, positional.items, kw);
          this.pushResult(frame, result);
          const count = stack.length - 1 - start;
          for (let i = 0; i < count; i++) this.release(frame, start);
          break;
        }
        case Op.MakeFunction: {
          const fn = p.makeFunction(frame, arg);
          this.pushResult(frame, fn);
          break;
        }
        case Op.ReturnValue: {
          const result = this.returnFrom(frame);
          if (frame === entry) return result;
          const caller = frame.back!;
          this.pushResult(caller, result);
          this.afterCall(caller);
          switchTo(caller);
          break;
        }
        case Op.Jump:
          frame.pc = arg;
          break;
        case Op.JumpBackward:
          frame.pc = arg;
          // The eval breaker: a scheduled collection runs here (3.12+), and a new line starts.
          frame.line = -1;
          break;
        case Op.PopJumpIfFalse:
        case Op.PopJumpIfTrue: {
          const value = p.truthy(stack[stack.length - 1]!);
          this.popRelease(frame);
          if (value === (op === Op.PopJumpIfTrue)) frame.pc = arg;
          break;
        }
        case Op.JumpIfFalseOrPop:
        case Op.JumpIfTrueOrPop: {
          const value = p.truthy(stack[stack.length - 1]!);
          if (value === (op === Op.JumpIfTrueOrPop)) frame.pc = arg;
          else this.popRelease(frame);
          break;
        }
        case Op.PopJumpIfNone:
        case Op.PopJumpIfNotNone: {
          const isNone = stack[stack.length - 1] === rt.none;
          this.popRelease(frame);
          if (isNone === (op === Op.PopJumpIfNone)) frame.pc = arg;
          break;
        }
        case Op.GetIter: {
          const iterator = p.getIter(stack[stack.length - 1]!);
          this.pushResult(frame, iterator);
          this.release(frame, stack.length - 2);
          break;
        }
        case Op.ForIter: {
          const item = p.next(stack[stack.length - 1]!);
          if (item === null) {
            this.popRelease(frame);
            frame.pc = arg;
          } else {
            this.pushResult(frame, item);
          }
          break;
        }
        case Op.UnpackSequence:
          p.unpack(frame, arg, -1);
          break;
        case Op.UnpackEx:
          p.unpack(frame, (arg & 0xff) + (arg >> 8), arg & 0xff);
          break;
        case Op.Raise:
          throw this.raise(frame, arg);
        case Op.Reraise: {
          const exc = stack[stack.length - 1]!;
          this.popInto(frame, this.rt.raising, 'raised');
          const error = new PythonError(exc);
          error.reraised = true;
          throw error;
        }
        case Op.SetupFinally:
          frame.blocks.push({ kind: 'setup', handler: arg, level: stack.length });
          break;
        case Op.PopBlock:
          frame.blocks.pop();
          break;
        case Op.PopExcept: {
          const block = frame.blocks.pop() as Extract<Block, { kind: 'except' }>;
          this.handling = block.previous;
          heap.decref(frame.holder, HANDLED_EXCEPTION, block.current);
          break;
        }
        case Op.CheckExcMatch: {
          const matches = p.exceptionMatches(stack[stack.length - 2]!, stack[stack.length - 1]!);
          this.popRelease(frame);
          this.push(frame, rt.bool(matches));
          break;
        }
        case Op.BeforeWith: {
          const manager = stack[stack.length - 1]!;
          const exit = p.getattr(manager, '__exit__');
          this.pushResult(frame, exit);
          const enter = p.callMethod(manager, '__enter__', []);
          this.release(frame, stack.length - 2);
          frame.blocks.push({ kind: 'setup', handler: arg, level: stack.length });
          this.pushResult(frame, enter);
          break;
        }
        case Op.WithExceptStart: {
          // [exit, exc]
          const exc = stack[stack.length - 1]!;
          const exit = stack[stack.length - 2]!;
          const tb = (exc as PyStruct).get('__traceback__') ?? rt.none;
          const result = p.call(exit, [exc.cls, exc, tb], null);
          this.pushResult(frame, result);
          break;
        }
        case Op.ImportName: {
          const module = p.importModule(code.names[arg]);
          this.pushResult(frame, module);
          this.release(frame, stack.length - 2);
          this.release(frame, stack.length - 2);
          break;
        }
        case Op.ImportFrom: {
          const value = p.importFrom(stack[stack.length - 1]!, code.names[arg]);
          this.pushResult(frame, value);
          break;
        }
        case Op.ImportStar:
          throw rt.stop('unsupported', 'from ... import * is not simulated');
        case Op.YieldValue: {
          const value = stack.pop()!;
          const borrowed = frame.borrowed.pop();
          if (borrowed) heap.incref(this.rt.transit, 'result', value);
          else heap.move(frame.holder, TEMPORARY, this.rt.transit, 'result', value);
          if (frame !== entry) throw new Error('internal: yield outside a generator entry');
          return value;
        }
        case Op.Resume:
          // The sent value was pushed by resumeGenerator.
          break;
        case Op.GetYieldFromIter: {
          const iterator = p.getIter(stack[stack.length - 1]!);
          this.pushResult(frame, iterator);
          this.release(frame, stack.length - 2);
          break;
        }
        case Op.YieldFrom: {
          // [iterator, sent]: pass the sent value on and yield what comes back, until the
          // sub-iterator ends; its return value is the value of `yield from`.
          const iterator = stack[stack.length - 2]!;
          const sent = stack[stack.length - 1]!;
          let item: PyObject | null;
          let returned: PyObject | null = null;
          if (iterator instanceof PyGenerator) {
            const step = this.resume(iterator, sent, null);
            item = step === null || step.done ? null : step.value;
            if (step !== null && step.done) returned = step.value;
          } else {
            item = p.next(iterator);
          }
          this.popRelease(frame);
          if (item === null) {
            this.popRelease(frame);
            if (returned !== null) this.pushResult(frame, returned);
            else this.push(frame, rt.none);
            break;
          }
          frame.pc = pc; // come back to this instruction after the yield
          if (!rt.inTransit(item)) heap.incref(rt.transit, 'result', item);
          if (frame !== entry) throw new Error('internal: yield from outside a generator entry');
          return item;
        }
        case Op.LoadBuildClass:
          this.push(frame, p.buildClassFunction());
          break;
        case Op.FormatValue: {
          const hasSpec = (arg & 4) !== 0;
          const spec = hasSpec ? (stack[stack.length - 1] as PyStr).value : '';
          const value = stack[stack.length - 1 - (hasSpec ? 1 : 0)]!;
          const text = p.formatValue(value, arg & 3, spec);
          this.pushResult(frame, rt.str(text));
          this.release(frame, stack.length - 2);
          if (hasSpec) this.release(frame, stack.length - 2);
          break;
        }
        case Op.LoadAssertionError:
          this.push(frame, rt.types.exceptions.get('AssertionError')!);
          break;
        case Op.SetupAnnotations: {
          // A module or class body with annotated names gets its __annotations__ dict first.
          const namespace = frame.locals ?? frame.globals;
          if (p.dictGetStr(namespace, '__annotations__') === undefined) {
            const annotations = rt.newDict();
            p.dictSet(namespace, rt.intern('__annotations__'), annotations);
          }
          break;
        }
        case Op.ReturnGenerator:
          break;
        case Op.Unsupported: {
          const what = (p.constant(code.consts[arg]) as PyStr).value;
          throw new SimulationStop('unsupported', `not simulated: ${what}`, line, code.columns[pc] + 1);
        }
        default:
          throw new Error(`internal: unknown instruction ${op}`);
      }
    }
  }

  private swapTop2(frame: ExecFrame): void {
    const s = frame.stack;
    const n = s.length;
    [s[n - 1], s[n - 2]] = [s[n - 2], s[n - 1]];
    const b = frame.borrowed;
    [b[n - 1], b[n - 2]] = [b[n - 2], b[n - 1]];
  }

  /** Moves the top `count` stack entries into a new holder's slots via `put` (BUILD_LIST steals). */
  private collectInto(frame: ExecFrame, count: number, put: (from: RootHolder | PyObject, label: string, item: PyObject) => void): void {
    const start = frame.stack.length - count;
    const items = frame.stack.splice(start, count) as PyObject[];
    const borrowed = frame.borrowed.splice(start, count);
    items.forEach((item, i) => {
      if (borrowed[i]) {
        this.heap.incref(this.rt.transit, 'item', item);
        put(this.rt.transit, 'item', item);
      } else put(frame.holder as RootHolder, TEMPORARY, item);
    });
  }

  private buildTuple(frame: ExecFrame, count: number): PyTuple {
    if (count === 0) return this.rt.emptyTuple;
    const start = frame.stack.length - count;
    const items = frame.stack.splice(start, count) as PyObject[];
    const borrowed = frame.borrowed.splice(start, count);
    const tuple = this.heap.allocate(new PyTuple(this.rt.types.tuple, items), { gc: true });
    items.forEach((item, i) => {
      if (borrowed[i]) this.heap.incref(tuple, `[${i}]`, item);
      else this.heap.move(frame.holder, TEMPORARY, tuple, `[${i}]`, item);
    });
    this.heap.track(tuple);
    return tuple;
  }

  private unboundLocal(name: string): PythonError {
    return this.makeError('UnboundLocalError', this.rt.lang.messages.unboundLocal(name));
  }

  private unboundDeref(frame: ExecFrame, index: number): PythonError {
    const name = frame.cellName(index);
    if (index < frame.code.cellvars.length) return this.unboundLocal(name);
    return this.makeError('NameError', this.rt.lang.messages.unboundFree(name));
  }

  /** RAISE_VARARGS: 0 re-raises the exception being handled, 1 raises, 2 raises from a cause. */
  private raise(frame: ExecFrame, kind: number): PythonError {
    const p = this.p;
    if (kind === 0) {
      if (this.handling === null) return this.makeError('RuntimeError', 'No active exception to reraise');
      return this.raiseObject(this.handling);
    }
    let cause: PyObject | null = null;
    if (kind === 2) {
      cause = frame.stack[frame.stack.length - 1]!;
      frame.stack.pop();
      frame.borrowed.pop();
      // the reference is released once the exception holds its own
    }
    const raised = frame.stack[frame.stack.length - 1]!;
    const exc = p.exceptionFromRaise(raised);
    this.popRelease(frame);
    const error = exc;
    if (cause !== null) {
      p.setCause(error.exception, cause);
      this.heap.decref(frame.holder, TEMPORARY, cause);
    }
    if (this.handling !== null && this.handling !== error.exception) p.setContext(error.exception, this.handling);
    return error;
  }

  /**
   * The Call instruction. Python functions get a new frame (returned, for the loop to
   * switch to); everything else is called at once and its result pushed.
   */
  private call(frame: ExecFrame, arg: number): ExecFrame | null {
    const stack = frame.stack;
    const argc = arg & 0xff;
    const plain = (arg & CALL_PLAIN) !== 0;
    const kwnames = frame.kwnames;
    frame.kwnames = null;
    const argsStart = stack.length - argc;
    let callableIndex = argsStart - 1;
    let selfArg = false;
    if (!plain) {
      if (stack[argsStart - 2] !== null) {
        // [method, self, args...]
        callableIndex = argsStart - 2;
        selfArg = true;
      }
    }
    let callable = stack[callableIndex]!;
    const extra = selfArg ? 1 : 0;
    // 3.10: method_vectorcall passes self in the argument array, borrowed; the caller keeps
    // the bound method (and the arguments) on its stack until the call returns.
    if (!selfArg && !plain && callable instanceof PyMethod && this.rt.lang.callerKeepsArguments) {
      const fn = callable.get('__func__')!;
      if (runsInNewFrame(fn)) {
        const values = stack.slice(callableIndex + 1) as PyObject[];
        const kwCount = kwnames ? kwnames.items.length : 0;
        const positional = values.slice(0, values.length - kwCount);
        let kwargs: Map<string, PyObject> | null = null;
        if (kwnames) {
          kwargs = new Map();
          kwnames.items.forEach((name, i) => kwargs!.set((name as PyStr).value, values[positional.length + i]));
        }
        const newFrame = this.makeFrame(fn, [callable.get('__self__')!, ...positional], kwargs, frame);
        pendingCallCleanup.set(frame, stack.length - (callableIndex - 1));
        newFrame.savedHandling = this.handling;
        return newFrame;
      }
    }
    // A bound method of a Python function: call the function with self first (as CALL does).
    if (!selfArg && !plain && callable instanceof PyMethod) {
      const fn = callable.get('__func__')!;
      const self = callable.get('__self__')!;
      const wasBorrowed = frame.borrowed[callableIndex];
      this.heap.incref(frame.holder, TEMPORARY, self);
      this.heap.incref(frame.holder, TEMPORARY, fn);
      stack[callableIndex - 1] = fn;
      stack[callableIndex] = self;
      frame.borrowed[callableIndex - 1] = false;
      frame.borrowed[callableIndex] = false;
      if (!wasBorrowed) this.heap.decref(frame.holder, TEMPORARY, callable);
      frame.kwnames = kwnames;
      // Now [function, self, args...]: a method call with the same arguments.
      return this.call(frame, arg);
    }
    const argValues = stack.slice(callableIndex + 1) as PyObject[];
    const kwCount = kwnames ? kwnames.items.length : 0;
    const positional = argValues.slice(0, argValues.length - kwCount);
    let kwargs: Map<string, PyObject> | null = null;
    if (kwnames) {
      kwargs = new Map();
      kwnames.items.forEach((name, i) => kwargs!.set((name as PyStr).value, argValues[positional.length + i]));
    }
    void extra;
    // Where the call's entries start: the NULL marker, the method, or a plain callable.
    const start = plain || selfArg ? callableIndex : callableIndex - 1;
    if (runsInNewFrame(callable)) {
      const newFrame = this.makeFrame(callable, positional, kwargs, frame);
      if (this.rt.lang.callerKeepsArguments) {
        // 3.10: the caller keeps the callable and the arguments until the call returns.
        pendingCallCleanup.set(frame, stack.length - start);
      } else {
        // 3.11+: the call consumed the callable and the arguments (they moved into the frame).
        const removed = stack.splice(start);
        const flags = frame.borrowed.splice(start);
        this.dropMovedArguments(frame, newFrame, removed, flags);
      }
      newFrame.savedHandling = this.handling;
      return newFrame;
    }
    const result = this.p.call(callable, positional, kwargs);
    this.pushResult(frame, result);
    const count = stack.length - 1 - start;
    for (let i = 0; i < count; i++) this.release(frame, start);
    return null;
  }

  /**
   * After a 3.11+ call: the callable and arguments left the caller's stack. The new frame
   * took its own references while binding; the caller's are released here, so the net
   * effect is a move (no count changes outside the call).
   */
  private dropMovedArguments(frame: ExecFrame, _newFrame: ExecFrame, removed: (PyObject | null)[], borrowed: boolean[]): void {
    for (let i = removed.length - 1; i >= 0; i--) {
      const obj = removed[i];
      if (obj !== null && !borrowed[i]) this.heap.decref(frame.holder, TEMPORARY, obj);
    }
  }

  /** The caller resumes after a Python call returned (3.10: it drops its argument references now). */
  private afterCall(caller: ExecFrame): void {
    const pending = pendingCallCleanup.get(caller);
    if (pending === undefined) return;
    pendingCallCleanup.delete(caller);
    const stack = caller.stack;
    // The result is on top; below it, the callable and arguments the caller kept.
    for (let i = 0; i < pending; i++) this.release(caller, stack.length - 2);
  }

  /**
   * "Run GC at the cursor": right after the chosen execution of a line, a collection runs
   * as its own step and the simulation stops there.
   */
  runGcProbe(): never {
    const rt = this.rt;
    const probe = rt.gcProbe!;
    rt.gcProbe = null;
    this.heap.beginStep(probe.line, probe.depth);
    const found = this.heap.collect(probe.generation);
    probe.result = found;
    throw new SimulationStop('probe', `gc.collect(${probe.generation}) after line ${probe.line}: ${found} unreachable object${found === 1 ? '' : 's'} found`, probe.line, 0);
  }

  // --- frames seen from Python ----------------------------------------------------------

  /** sys._getframe(depth). */
  getFrame(depth: number): PyObject {
    let frame = this.current;
    for (let i = 0; i < depth && frame !== null; i++) frame = frame.back;
    if (frame === null) throw this.makeError('ValueError', 'call stack is not deep enough');
    return this.frameObjectOf(frame);
  }

  frameLine(fo: PyFrameObject): number {
    const exec = fo.exec;
    return exec ? exec.code.lines[Math.max(0, exec.pc - 1)] : fo.lineno;
  }

  frameGlobals(fo: PyFrameObject): PyObject {
    return fo.exec?.globals ?? this.rt.mainDict;
  }

  /** f_locals: a new dict of the frame's variables (the module's namespace for the module). */
  frameLocals(fo: PyFrameObject): PyObject {
    const exec = fo.exec;
    if (exec !== null && exec.locals !== null) return exec.locals;
    const dict = this.rt.newDict();
    if (exec !== null) {
      exec.code.varnames.forEach((name, i) => {
        const v = exec.fast[i];
        if (v !== null) this.p.dictSet(dict, this.rt.intern(name), v);
      });
    } else {
      for (const [label, v] of fo.fields) if (!label.includes(' ') && label !== FUNCTION_LABEL && label !== TEMPORARY) this.p.dictSet(dict, this.rt.intern(label), v);
    }
    return dict;
  }

  frameBack(fo: PyFrameObject): PyObject {
    const back = fo.exec?.back ?? null;
    return back === null ? this.rt.none : this.frameObjectOf(back);
  }

  /** frame.clear(): a finished frame drops the locals it kept. */
  clearFrameObject(fo: PyFrameObject): void {
    if (fo.exec !== null) throw this.makeError('RuntimeError', 'cannot clear an executing frame');
    for (const label of [...fo.fields.keys()]) fo.clear(this.heap, label);
  }

  /** locals() in the current frame. */
  localsDict(): PyObject {
    const frame = this.current;
    if (frame === null) return this.rt.mainDict;
    if (frame.locals !== null) return frame.locals;
    return this.frameLocals(this.frameObjectOf(frame));
  }

  generatorFrame(gen: PyGenerator): PyObject {
    const frame = gen.frame;
    if (frame === null || frame.finished) return this.rt.none;
    return this.frameObjectOf(frame);
  }

  /**
   * gen.close(), and a generator's finalizer: GeneratorExit is thrown in at the yield; the
   * generator must not yield again.
   */
  /**
   * generator.close(): GeneratorExit thrown in at the suspended yield. The result (in
   * transit) is what the generator returned meanwhile from 3.13, None before.
   */
  closeGenerator(gen: PyGenerator): PyObject {
    const none = this.rt.none;
    if (!gen.suspended) {
      if (gen.frame && !gen.started) {
        // Never started: it just completes. 3.10/3.11 also clear its frame (dropping the
        // arguments) at once; later versions keep them until the generator is freed.
        gen.frame.finished = true;
        if (this.rt.lang.closeClearsUnstartedFrame) gen.frame.clear(this.heap);
      }
      return none;
    }
    const exit = this.p.instantiateException(this.rt.types.exceptions.get('GeneratorExit')!, []);
    try {
      const step = this.resume(gen, none, exit);
      if (step === null) return none;
      if (!step.done) {
        this.p.discard(step.value);
        throw this.makeError('RuntimeError', 'generator ignored GeneratorExit');
      }
      if (this.rt.lang.closeReturnsValue) return step.value;
      this.p.discard(step.value);
      return none;
    } catch (e) {
      if (e instanceof PythonError && (this.p.isInstanceOfName(e.exception, 'GeneratorExit') || this.p.isInstanceOfName(e.exception, 'StopIteration'))) {
        this.p.clearError(e);
        return none;
      }
      throw e;
    }
  }

  /** exit() and sys.exit(): SystemExit. */
  systemExit(code: PyObject): never {
    const exc = this.p.instantiateException(this.rt.types.exceptions.get('SystemExit')!, code === this.rt.none ? [] : [code]);
    throw this.raiseObject(exc);
  }

  /** An exception nobody can catch (in __del__, a weakref callback): printed to stderr, then dropped. */
  reportUnraisable(error: PythonError, where: string): void {
    const text = this.p.formatUnraisable(error.exception, where);
    this.rt.write(text, 'stderr');
    this.p.clearError(error);
  }

  /** RETURN_VALUE: the value leaves the frame (in transit), the frame is finished. */
  private returnFrom(frame: ExecFrame): PyObject {
    const value = frame.stack.pop()!;
    const borrowed = frame.borrowed.pop();
    if (borrowed) this.heap.incref(this.rt.transit, 'result', value);
    else this.heap.move(frame.holder, TEMPORARY, this.rt.transit, 'result', value);
    this.finishFrame(frame);
    if (!frame.generator) this.handling = frame.savedHandling;
    return value;
  }
}

export interface FrameInspection {
  getFrame(depth: number): PyObject;
}

/** 3.10: per caller frame, how many stack entries (callable, args) to drop after the call. */
const pendingCallCleanup = new WeakMap<ExecFrame, number>();

/**
 * Labels of a frame object's fields must be unique; locals that share a name get a suffix.
 * `nextSuffix` remembers where the search for each name stopped (20,000 values on the
 * stack under one label would otherwise take quadratic time).
 */
function uniqueLabel(fo: PyFrameObject, label: string, nextSuffix: Map<string, number>): string {
  if (!fo.fields.has(label)) return label;
  let i = nextSuffix.get(label) ?? 2;
  while (fo.fields.has(`${label}#${i}`)) i++;
  nextSuffix.set(label, i + 1);
  return `${label}#${i}`;
}

export { CallFlags, PyCell, PyCode, PyFunction };
