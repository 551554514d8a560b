import { Heap } from '../../core/heap';
import type { Holder, RootHolder } from '../../core/heapObject';
import type { VersionProfile } from '../../versions';
import type { CodeUnit, ConstantPool } from '../compile/code';
import { floatRepr, IntValue, normalizeInt } from '../format/numbers';
import { PyFloat, PyInt, PySingleton, PyStr, PyBytes, PyComplex } from '../objects/atoms';
import { PyObject, PyType } from '../objects/base';
import { PyDict, PyList, PyTuple, PySet } from '../objects/containers';
import { dictGetStr, dictSet } from './dicts';
import type { LanguageProfile } from '../profile';
import { PyStruct } from '../objects/struct';
import { PythonError, SimulationStop } from './errors';
import { createBuiltinTypes, BuiltinTypes } from './typeSystem';
import type { VirtualMachine } from '../interpret/vm';

/** The limits that keep any input from hanging or exhausting the host. */
export interface Limits {
  /** Lines executed before the run stops (runaway loops). */
  readonly steps: number;
  /** Objects alive at once. */
  readonly objects: number;
  /** Characters printed. */
  readonly output: number;
  /**
   * Heap events the trace may hold (its memory): 16 per line of the step budget when not
   * given. Lines average 4–8 events; a line that builds a 50,000-item list in a deep
   * recursion makes 50,000 per call.
   */
  readonly events?: number;
  /** References alive at once (a snapshot draws each). */
  readonly references?: number;
}

export const DEFAULT_LIMITS: Limits = { steps: 1_000_000, objects: 2_000_000, output: 10_000_000, references: 2_000_000 };

/**
 * The state of one simulated interpreter: the heap, the builtin types and singletons,
 * the interned strings, the modules, and where output goes. Objects are made here so
 * that each is allocated, counted and tracked as CPython would.
 */
export class Runtime {
  readonly heap: Heap;
  readonly lang: LanguageProfile;
  readonly types: BuiltinTypes;
  readonly none: PySingleton;
  readonly ellipsis: PySingleton;
  readonly notImplemented: PySingleton;
  readonly true_: PyInt;
  readonly false_: PyInt;
  readonly emptyTuple: PyTuple;
  readonly emptyString: PyStr;
  readonly emptyBytes: PyBytes;
  private readonly smallInts = new Map<number, PyInt>();
  private readonly chars = new Map<string, PyStr>();
  /** The one-byte bytes objects (characters[] of CPython's bytes state), made on first use. */
  private readonly byteChars: (PyBytes | undefined)[] = [];
  /** Interned strings; the table holds no counted reference (interned strings are "mortal"). */
  readonly interned = new Map<string, PyStr>();

  /** sys.modules and the interpreter's own tables. */
  readonly interpreterRoot: RootHolder;
  /** The compiled program: code objects and the syntax tree's constants, alive while the script runs. */
  readonly programRoot: RootHolder;
  /** Values in transit between TypeScript code and a frame (a native call's result). */
  readonly transit: RootHolder;
  /** The exception being raised, until a handler takes it. */
  readonly raising: RootHolder;
  /**
   * How many values were in transit when the current operation began: a result is "in
   * transit" only above this mark (an equal object further down belongs to someone else).
   */
  transitMark = 0;
  /** Values TypeScript code holds while it works (a builtin iterating a generator). */
  readonly nativeRoot: RootHolder;
  /** weakref.finalize's registry: finalizers stay alive until they run or are detached. */
  readonly finalizeRegistry: RootHolder;
  /** The builtin types' lists of their subclasses (a class's own list belongs to the class). */
  readonly builtinSubclassLists: RootHolder;
  /** What the interpreter keeps for good once first needed: the thread state's dict, argument parsers' keyword names. */
  readonly interpreterCaches: RootHolder;
  /** Py_ReprEnter's list of the containers whose repr is in progress, once a repr needed it. */
  private reprsInProgress: PyList | null = null;
  private readonly parsersWithKeywordNames = new Set<string>();
  /** The __build_class__ builtin. */
  buildClass!: PyObject;

  vm!: VirtualMachine;
  builtins!: PyDict;
  mainModule!: PyStruct;
  mainDict!: PyDict;
  /** gc.garbage, gc.callbacks. */
  gcGarbage!: PyList;
  gcCallbacks!: PyList;
  pool: ConstantPool | null = null;
  poolObjects: (PyObject | null)[] = [];
  codeObjects = new Map<CodeUnit, PyObject>();

  /** Loaded modules by name (sys.modules). */
  /** sys.modules: the interpreter's dict of imported modules by name. */
  sysModules!: PyDict;
  sysStdout!: PyObject;
  sysStderr!: PyObject;
  /** The program's source lines, for tracebacks. */
  sourceLines: readonly string[] = [];

  stdout: (text: string) => void = () => {};
  stderr: (text: string) => void = () => {};
  outputSize = 0;
  /** After the program: gc.callbacks are no longer called (a shutdown collection). */
  shuttingDown = false;
  steps = 0;
  /** A run stopped inside a finalizer or callback: the heap was left mid-operation. */
  stoppedInsideCallback = false;
  /** Units of work builtins did (limits.ts countWork), against the step budget. */
  work = 0;

  constructor(
    readonly version: VersionProfile,
    readonly limits: Limits = DEFAULT_LIMITS,
    options: { trace?: boolean; registry?: boolean } = {},
  ) {
    this.heap = new Heap(version.collector, { trace: options.trace ?? true, registry: options.registry ?? false });
    this.lang = version.language;
    this.interpreterRoot = this.heap.openRoot('module', 'sys.modules');
    this.programRoot = this.heap.openRoot('hidden', 'the compiled program');
    this.transit = this.heap.openRoot('hidden', 'a value being passed');
    this.raising = this.heap.openRoot('hidden', 'the exception being raised');
    this.nativeRoot = this.heap.openRoot('hidden', 'a builtin at work');
    this.finalizeRegistry = this.heap.openRoot('hidden', 'weakref.finalize registry');
    this.builtinSubclassLists = this.heap.openRoot('hidden', "builtin types' subclass lists");
    this.interpreterCaches = this.heap.openRoot('hidden', "the interpreter's caches");
    this.types = createBuiltinTypes(this);
    const base = this.lang.singletonBaseRefs;
    this.none = this.preexisting(new PySingleton(this.types.NoneType, 'None'), base.none);
    this.ellipsis = this.preexisting(new PySingleton(this.types.ellipsis, 'Ellipsis'), 100);
    this.notImplemented = this.preexisting(new PySingleton(this.types.NotImplementedType, 'NotImplemented'), 100);
    this.true_ = this.preexisting(new PyInt(this.types.bool, 1), base.true);
    this.false_ = this.preexisting(new PyInt(this.types.bool, 0), base.false);
    this.emptyTuple = this.preexisting(new PyTuple(this.types.tuple, []), base.emptyTuple);
    this.emptyString = this.preexisting(new PyStr(this.types.str, ''), 100);
    this.emptyString.interned = true;
    this.interned.set('', this.emptyString);
    this.emptyBytes = this.preexisting(new PyBytes(this.types.bytes, new Uint8Array()), base.emptyBytes);
    for (const ch of this.lang.separatelyInternedChars) {
      const s = this.preexisting(new PyStr(this.types.str, ch), 100);
      s.interned = true;
      this.interned.set(ch, s);
    }
  }

  /** An object that exists before the program starts (static in CPython): immortal from 3.12. */
  preexisting<T extends PyObject>(obj: T, baseRefs: number): T {
    return this.heap.allocate(obj, { immortal: this.lang.immortalSingletons, externalRefs: this.lang.immortalSingletons ? 0 : baseRefs });
  }

  /**
   * Objects made at interpreter startup that CPython's collector tracks (builtin functions,
   * method descriptors, sys.stdout). They sit in its old generation and never become
   * garbage during a snippet, so the simulation keeps them out of its generation lists;
   * gc.is_tracked still answers for them as CPython does.
   */
  private readonly startupTracked = new WeakSet<PyObject>();

  /** A pre-existing object of a type the collector tracks. */
  preexistingTracked<T extends PyObject>(obj: T, baseRefs: number): T {
    this.startupTracked.add(obj);
    return this.preexisting(obj, baseRefs);
  }

  /** gc.is_tracked. */
  isTracked(obj: PyObject): boolean {
    return obj.tracked || this.startupTracked.has(obj);
  }

  // --- atoms ---------------------------------------------------------------------------

  bool(value: boolean): PyInt {
    return value ? this.true_ : this.false_;
  }

  int(value: IntValue | bigint): PyInt {
    const v = typeof value === 'bigint' ? normalizeInt(value) : value;
    if (typeof v === 'number') {
      const [low, high] = this.lang.smallInts;
      if (v >= low && v <= high) {
        let cached = this.smallInts.get(v);
        if (cached === undefined) {
          cached = this.preexisting(new PyInt(this.types.int, v), this.lang.singletonBaseRefs.smallInt);
          this.smallInts.set(v, cached);
        }
        return cached;
      }
    }
    return this.heap.allocate(new PyInt(this.types.int, v));
  }

  float(value: number): PyFloat {
    return this.heap.allocate(new PyFloat(this.types.float, value, floatRepr(value)));
  }

  complex(real: number, imag: number, shown: string): PyComplex {
    return this.heap.allocate(new PyComplex(this.types.complex, real, imag, shown));
  }

  /** A new str (one-character latin-1 strings and '' are shared, as in CPython). */
  str(value: string): PyStr {
    if (value.length === 0) return this.emptyString;
    if (value.length === 1 && value.charCodeAt(0) < 256) {
      let cached = this.chars.get(value);
      if (cached === undefined) {
        cached = this.preexisting(new PyStr(this.types.str, value), 100);
        cached.interned = true;
        this.chars.set(value, cached);
        if (!this.interned.has(value)) this.interned.set(value, cached);
      }
      return cached;
    }
    return this.heap.allocate(new PyStr(this.types.str, value));
  }

  /** The interned string for `value` (sys.intern, identifiers). */
  intern(value: string): PyStr {
    const found = this.interned.get(value);
    if (found !== undefined && !found.freed) return found;
    const s = this.str(value);
    this.internInPlace(s);
    return s;
  }

  internInPlace(s: PyStr): PyStr {
    const found = this.interned.get(s.value);
    if (found !== undefined && !found.freed) return found;
    s.interned = true;
    this.interned.set(s.value, s);
    // 3.12 makes interned strings immortal.
    if (this.lang.internedStringsImmortal) this.heap.immortalize(s);
    return s;
  }

  /**
   * A bytes object with these contents (PyBytes_FromStringAndSize): b'' and the one-byte
   * values are the shared objects.
   */
  bytes(value: Uint8Array): PyBytes {
    if (value.length === 1) return this.byteChar(value[0]);
    return this.freshBytes(value);
  }

  /**
   * A bytes object allocated first and filled in afterwards (_PyBytes_FromSize,
   * PyBytes_FromStringAndSize(NULL, n)): only b'' is shared; a one-byte result is new.
   */
  freshBytes(value: Uint8Array): PyBytes {
    if (value.length === 0) return this.emptyBytes;
    return this.heap.allocate(new PyBytes(this.types.bytes, value));
  }

  /** A new bytearray holding a copy of `value`, with room for exactly that (PyByteArray_FromStringAndSize). */
  newBytearray(value: Uint8Array): PyBytes {
    return this.heap.allocate(new PyBytes(this.types.bytearray, value.slice()));
  }

  /**
   * The shared bytes object of one byte. 3.10 makes it on first use and its cache keeps a
   * reference; 3.11 has them all statically; 3.12 makes them immortal. (CPython's os.environ
   * also holds the values of environment variables one character long, such as SHLVL=1:
   * those references depend on the user's environment and are not simulated.)
   */
  private byteChar(byte: number): PyBytes {
    let cached = this.byteChars[byte];
    if (cached === undefined) {
      cached = this.preexisting(new PyBytes(this.types.bytes, Uint8Array.of(byte)), this.lang.singletonBaseRefs.byteChar);
      this.byteChars[byte] = cached;
    }
    return cached;
  }

  // --- containers ----------------------------------------------------------------------

  newList(items: readonly PyObject[] = []): PyList {
    // PyList_New(n): exactly n slots.
    const list = this.heap.allocate(new PyList(this.types.list), { gc: true, track: true });
    list.allocated = items.length;
    for (const item of items) list.append(this.heap, item);
    return list;
  }

  /**
   * Py_ReprEnter, as the repr of a container begins: the first one gives the thread state
   * its dict, holding the list of reprs in progress (two objects the collector counts).
   */
  enterRepr(): void {
    if (this.reprsInProgress !== null) return;
    const threadStateDict = this.newDict();
    this.heap.incref(this.interpreterCaches, 'thread state dict', threadStateDict);
    this.reprsInProgress = this.newList();
    dictSet(this, threadStateDict, this.intern('Py_Repr'), this.reprsInProgress);
  }

  /** A builtin's argument parser builds the tuple of its keyword names on first use, and keeps it. */
  keepKeywordNames(parser: string, names: readonly string[]): void {
    if (this.parsersWithKeywordNames.has(parser)) return;
    this.parsersWithKeywordNames.add(parser);
    const tuple = this.newTuple(names.map((name) => this.intern(name)));
    this.heap.incref(this.interpreterCaches, `${parser}() keyword names`, tuple);
  }

  /** A tuple of `items`, each gaining a reference from the tuple. */
  newTuple(items: readonly PyObject[]): PyTuple {
    if (items.length === 0) return this.emptyTuple;
    const tuple = this.heap.allocate(new PyTuple(this.types.tuple, [...items]), { gc: true });
    items.forEach((item, i) => this.heap.incref(tuple, `[${i}]`, item));
    this.heap.track(tuple);
    return tuple;
  }

  newDict(): PyDict {
    const dict = this.heap.allocate(new PyDict(this.types.dict), { gc: true });
    if (this.lang.dictsAlwaysTracked) this.heap.track(dict);
    return dict;
  }

  newSet(frozen = false): PySet {
    return this.heap.allocate(new PySet(frozen ? this.types.frozenset : this.types.set), { gc: true, track: true });
  }

  // --- ownership -----------------------------------------------------------------------

  /** Takes a reference from `holder` to `obj`. */
  incref(holder: Holder, label: string, obj: PyObject): void {
    this.heap.incref(holder, label, obj);
  }

  decref(holder: Holder, label: string, obj: PyObject): void {
    this.heap.decref(holder, label, obj);
  }

  /** Whether `obj` was put in transit by the current operation. */
  inTransit(obj: PyObject): boolean {
    const t = this.transit.targets;
    return t.length > this.transitMark && t[t.length - 1] === obj;
  }

  /** Puts a result in transit: the caller of a native function takes it from there. */
  transitResult(obj: PyObject): PyObject {
    this.heap.incref(this.transit, 'result', obj);
    return obj;
  }

  // --- errors --------------------------------------------------------------------------

  /** Makes and raises `TypeName(message)`. */
  error(typeName: string, message?: string): PythonError {
    return this.vm.makeError(typeName, message);
  }

  stop(reason: 'unsupported' | 'budget' | 'limit', message: string): SimulationStop {
    return new SimulationStop(reason, message, this.vm.currentLine(), this.vm.currentColumn());
  }

  /** Stops the run when `pending` more characters would pass the output limit. */
  checkOutputRoom(pending: number): void {
    if (this.outputSize + pending > this.limits.output) throw this.stop('limit', `output limit reached (${this.limits.output} characters)`);
  }

  /** Counts printed characters against the output limit. */
  write(text: string, stream: 'stdout' | 'stderr'): void {
    this.outputSize += text.length;
    if (this.outputSize > this.limits.output) throw this.stop('limit', `output limit reached (${this.limits.output} characters)`);
    if (stream === 'stdout') this.stdout(text);
    else this.stderr(text);
    this.heap.output(text, stream);
  }

  /** A collection to run right after a given step ("Run GC" at the cursor). */
  gcProbe: GcProbe | null = null;

  /** Values the editor shows on hover: what sys.getrefcount and gc.collect returned, where. */
  readonly probes: { line: number; column: number; kind: 'getrefcount' | 'collect'; value: number }[] = [];

  probe(kind: 'getrefcount' | 'collect', value: number): void {
    if (this.probes.length < 100_000) this.probes.push({ line: this.vm.currentLine(), column: this.vm.currentColumn(), kind, value });
  }

  typeOf(obj: PyObject): PyType {
    return obj.cls;
  }

  /** sys.modules as a dict (made on request). */
  /** The module `name` if sys.modules has it. */
  module(name: string): PyObject | undefined {
    return dictGetStr(this.sysModules, name);
  }

  /** Puts a new module into sys.modules, which holds it from then on. */
  registerModule(name: string, module: PyObject): void {
    dictSet(this, this.sysModules, this.intern(name), module);
  }
}

export interface GcProbe {
  /** Run once the trace has passed this step... */
  readonly afterStep: number;
  /** ...and execution is back at this call depth or shallower (the line finished). */
  readonly depth: number;
  readonly line: number;
  readonly generation: number;
  /** What the collection returned. */
  result?: number;
}

export function isStr(obj: PyObject): obj is PyStr {
  return obj instanceof PyStr;
}
