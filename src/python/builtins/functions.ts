import { PyBytes, PyComplex, PyFloat, PyInt, PyStr } from '../objects/atoms';
import { NativeFunction, PyObject, PyType } from '../objects/base';
import { PyBuiltin, PyFunction, PyGenerator } from '../objects/callables';
import { PyDict, PyList, PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { asIndex } from '../runtime/items';
import { intToFloat, normalizeInt, roundFloatDigits, roundIntDigits, scaledRound, toBig } from '../format/numbers';
import { getattrOrUndefined, instanceDict, attributeName, typeLookup } from '../runtime/attributes';
import { buildClass } from '../runtime/calls';
import { dictSet } from '../runtime/dicts';
import { collect } from '../runtime/iteration';
import type { Runtime } from '../runtime/runtime';
import { unionMembers } from './genericAlias';
import { addressOf, asciiRepr, format } from '../runtime/text';
import { checkedBuiltin } from './arguments';
import { sortList } from './methods';

/** The builtins module: print, len, id, isinstance, sorted... and the builtin types. */

export function builtinFunctions(rt: Runtime): Record<string, NativeFunction> {
  const p = () => rt.vm.p;
  const none = rt.none;
  const kw = (kwargs: ReadonlyMap<string, PyObject> | null, name: string): PyObject | undefined => kwargs?.get(name);
  const exactly = (name: string, args: readonly PyObject[], n: number): void => {
    if (args.length !== n) throw rt.error('TypeError', `${name}() takes exactly one argument (${args.length} given)`);
  };
  const minMax = (name: 'min' | 'max', args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject =>
    p().scope(() => {
      const key = kw(kwargs, 'key') ?? none;
      const dflt = kw(kwargs, 'default');
      const items = args.length === 1 ? collect(rt, args[0]) : [...args];
      if (items.length === 0) {
        if (dflt !== undefined) return dflt;
        throw rt.error('ValueError', rt.lang.messages.emptyMinMax(name));
      }
      let best = items[0];
      let bestKey = key === none ? best : p().own(p().call(key, [best], null));
      for (const item of items.slice(1)) {
        const k = key === none ? item : p().own(p().call(key, [item], null));
        const better = p().truthy(p().own(p().richCompare(name === 'min' ? 'Lt' : 'Gt', k, bestKey)));
        if (better) {
          best = item;
          bestKey = k;
        }
      }
      return best;
    });

  const printValues = (args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): PyObject => {
    const sepObj = kw(kwargs, 'sep');
    const endObj = kw(kwargs, 'end');
    const file = kw(kwargs, 'file');
    const textOf = (o: PyObject | undefined, name: string, dflt: string): string => {
      if (o === undefined || o === none) return dflt;
      if (!(o instanceof PyStr)) throw rt.error('TypeError', `${name} must be None or a string, not ${o.cls.name}`);
      return o.value;
    };
    const sep = textOf(sepObj, 'sep', ' ');
    const end = textOf(endObj, 'end', '\n');
    // Built piece by piece against the output limit: print(x, x, ...) of a 1 MB value
    // thousands of times must stop at the limit, not first build gigabytes.
    let text = '';
    for (let i = 0; i < args.length; i++) {
      text += (i > 0 ? sep : '') + p().str(args[i]);
      rt.checkOutputRoom(text.length);
    }
    text += end;
    if (file !== undefined && file !== none && file !== rt.sysStdout) {
      if (file === rt.sysStderr) rt.write(text, 'stderr');
      else p().discard(p().callMethod(file, 'write', [p().scope(() => rt.str(text))]));
    } else rt.write(text, 'stdout');
    return none;
  };

  return {
    print(args, kwargs) {
      const hidden = rt.lang.print;
      if (hidden.keywordNames === 'first-call' || (hidden.keywordNames === 'first-keyword-call' && kwargs !== null && kwargs.size > 0)) {
        rt.keepKeywordNames('print', ['sep', 'end', 'file', 'flush']);
      }
      if (!hidden.packsArguments || args.length === 0) return printValues(args, kwargs);
      // The *args tuple lives while print runs.
      p().run(() => {
        p().own(rt.newTuple(args));
        printValues(args, kwargs);
      });
      return none;
    },
    len(args) {
      exactly('len', args, 1);
      return rt.int(p().len(args[0]));
    },
    id: (args) => rt.int(addressOf(args[0])),
    repr: (args) => rt.str(p().repr(args[0])),
    ascii: (args) => rt.str(asciiRepr(p().repr(args[0]))),
    hash: (args) => rt.int(p().hashValue(args[0])),
    abs(args) {
      const x = args[0];
      // abs() of a non-negative int is the same object.
      if (x instanceof PyInt) return toBig(x.value) < 0n ? rt.int(-toBig(x.value)) : x.cls === rt.types.int ? x : rt.int(x.value);
      if (x instanceof PyFloat) return rt.float(Math.abs(x.value));
      if (x instanceof PyComplex) return rt.float(Math.hypot(x.real, x.imag));
      if (!(typeLookup(rt, x.cls, '__abs__') instanceof PyFunction)) throw rt.error('TypeError', `bad operand type for abs(): '${x.cls.name}'`);
      return p().callMethod(x, '__abs__', []);
    },
    round(args) {
      const x = args[0];
      const nd = args[1];
      const places = (): number => {
        const n = asIndex(rt, nd!);
        if (n === null) throw rt.error('TypeError', `'${nd!.cls.name}' object cannot be interpreted as an integer`);
        return n;
      };
      if (x instanceof PyInt && !x.cls.isHeapType) {
        if (nd === undefined || nd === none) return x.cls === rt.types.int ? x : rt.int(x.value);
        const n = places();
        return n >= 0 ? (x.cls === rt.types.int ? x : rt.int(x.value)) : rt.int(roundIntDigits(x.value, n));
      }
      if (x instanceof PyFloat && !x.cls.isHeapType) {
        const v = x.value;
        if (nd === undefined || nd === none) {
          if (Number.isNaN(v)) throw rt.error('ValueError', 'cannot convert float NaN to integer');
          if (!Number.isFinite(v)) throw rt.error('OverflowError', 'cannot convert float infinity to integer');
          const rounded = scaledRound(v, 0);
          return rt.int(normalizeInt(v < 0 ? -rounded : rounded));
        }
        const result = roundFloatDigits(v, places());
        if (!Number.isFinite(result) && Number.isFinite(v)) throw rt.error('OverflowError', 'rounded value too large to represent');
        return rt.float(result);
      }
      if (!(typeLookup(rt, x.cls, '__round__') instanceof PyFunction)) throw rt.error('TypeError', `type ${x.cls.name} doesn't define __round__ method`);
      return p().callMethod(x, '__round__', nd === undefined ? [] : [nd]);
    },
    divmod(args) {
      return p().scope(() => rt.newTuple([p().own(p().binaryOp(12, args[0], args[1], false)), p().own(p().binaryOp(5, args[0], args[1], false))]));
    },
    pow(args) {
      if (args.length === 3 && args[2] !== none) {
        if (!args.every((a) => a instanceof PyInt)) throw rt.error('TypeError', 'pow() 3rd argument not allowed unless all arguments are integers');
        return rt.int(modularPow(rt, ...(args.map((a) => toBig((a as PyInt).value)) as [bigint, bigint, bigint])));
      }
      return p().binaryOp(6, args[0], args[1], false);
    },
    min: (args, kwargs) => minMax('min', args, kwargs),
    max: (args, kwargs) => minMax('max', args, kwargs),
    sum: (args, kwargs) => sum(rt, args[0], kw(kwargs, 'start') ?? args[1] ?? rt.int(0)),
    any: (args) => rt.bool(anyAll(rt, args[0], true)),
    all: (args) => rt.bool(!anyAll(rt, args[0], false)),
    sorted(args, kwargs) {
      return p().scope(() => {
        const list = p().own(rt.newList(collect(rt, args[0]))) as PyList;
        sortList(rt, list, kw(kwargs, 'key') ?? none, kw(kwargs, 'reverse'));
        return list;
      });
    },
    isinstance(args) {
      if (args.length !== 2) throw rt.error('TypeError', `isinstance expected 2 arguments, got ${args.length}`);
      return rt.bool(isInstance(rt, args[0], args[1]));
    },
    issubclass(args) {
      const [cls, spec] = args;
      if (!(cls instanceof PyType)) throw rt.error('TypeError', 'issubclass() arg 1 must be a class');
      const check = (s: PyObject): boolean => (s instanceof PyTuple ? s.items.some(check) : s instanceof PyType && cls.isSubtypeOf(s));
      return rt.bool(check(spec));
    },
    callable: (args) => rt.bool(rt.vm.p.isCallable(args[0])),
    getattr(args) {
      const name = attributeName(rt, args[1], 'getattr');
      if (args.length > 2) {
        try {
          return p().getattr(args[0], name);
        } catch (e) {
          if (rt.vm.p.isAttributeError(e)) return args[2];
          throw e;
        }
      }
      return p().getattr(args[0], name);
    },
    setattr(args) {
      p().setattr(args[0], attributeName(rt, args[1], 'setattr'), args[2]);
      return none;
    },
    delattr(args) {
      p().delattr(args[0], attributeName(rt, args[1], 'delattr'));
      return none;
    },
    hasattr(args) {
      try {
        const v = p().getattr(args[0], attributeName(rt, args[1], 'hasattr'));
        p().discard(v);
        return rt.true_;
      } catch (e) {
        if (rt.vm.p.isAttributeError(e)) return rt.false_;
        throw e;
      }
    },
    iter(args) {
      if (args.length === 2) {
        const it = rt.heap.allocate(new PyStruct(rt.types.callable_iterator), { gc: true });
        it.set(rt.heap, 'it_seq', args[0]);
        it.set(rt.heap, 'sentinel', args[1]);
        it.state = { index: 0 };
        rt.heap.track(it);
        return it;
      }
      return p().getIter(args[0]);
    },
    next(args) {
      if (args[0] instanceof PyGenerator && args.length > 1) {
        // The default replaces StopIteration, whatever value the generator returned.
        const step = rt.vm.resume(args[0], rt.none, null);
        if (step !== null && !step.done) return step.value;
        if (step !== null) p().discard(step.value);
        return args[1];
      }
      if (args[0] instanceof PyGenerator) {
        const item = rt.vm.resumeGenerator(args[0], rt.none, null);
        if (item === null) throw rt.error('StopIteration');
        return item;
      }
      const item = p().next(args[0]);
      if (item === null) {
        if (args.length > 1) return args[1];
        throw rt.error('StopIteration');
      }
      return item;
    },
    hex: (args) => rt.str(radix(rt, args[0], 16, '0x')),
    oct: (args) => rt.str(radix(rt, args[0], 8, '0o')),
    bin: (args) => rt.str(radix(rt, args[0], 2, '0b')),
    chr(args) {
      if (!(args[0] instanceof PyInt)) throw rt.error('TypeError', `'${args[0].cls.name}' object cannot be interpreted as an integer`);
      const n = Number(args[0].value);
      if (n < 0 || n > 0x10ffff) throw rt.error('ValueError', 'chr() arg not in range(0x110000)');
      return rt.str(String.fromCodePoint(n));
    },
    ord(args) {
      const s = args[0];
      if (s instanceof PyBytes && s.value.length === 1) return rt.int(s.value[0]);
      if (s instanceof PyBytes) throw rt.error('TypeError', `ord() expected a character, but string of length ${s.value.length} found`);
      if (!(s instanceof PyStr)) throw rt.error('TypeError', `ord() expected string of length 1, but ${s.cls.name} found`);
      if ([...s.value].length !== 1) throw rt.error('TypeError', `ord() expected a character, but string of length ${[...s.value].length} found`);
      return rt.int(s.value.codePointAt(0)!);
    },
    vars(args) {
      if (args.length === 0) return rt.vm.localsDict();
      const d = args[0] instanceof PyType ? (args[0] as PyType).dict : instanceDict(rt, args[0]) ?? getattrOrUndefined(rt, args[0], '__dict__');
      if (!d) throw rt.error('TypeError', 'vars() argument must have __dict__ attribute');
      return d;
    },
    globals: () => rt.vm.current?.globals ?? rt.mainDict,
    locals: () => rt.vm.localsDict(),
    dir(args) {
      const names = new Set<string>();
      if (args.length === 0) {
        for (const e of (rt.vm.localsDict() as PyDict).liveEntries()) names.add((e.key as PyStr).value);
      } else if (args[0].cls === rt.types.module) {
        // module.__dir__: the names in the module's namespace.
        const namespace = (args[0] as PyStruct).get('__dict__');
        if (namespace instanceof PyDict) for (const e of namespace.liveEntries()) names.add((e.key as PyStr).value);
      } else {
        const obj = args[0];
        const type = obj instanceof PyType ? obj : obj.cls;
        for (const t of type.mro) {
          if (t.dict) for (const e of t.dict.liveEntries()) names.add((e.key as PyStr).value);
          for (const m of Object.keys(t.native.methods ?? {})) names.add(m);
        }
        if (obj.attrs) for (const k of obj.attrs.values.keys()) names.add(k);
        if (obj.attrs?.dict) for (const e of obj.attrs.dict.liveEntries()) names.add((e.key as PyStr).value);
      }
      return rt.newList([...names].sort().map((n) => rt.str(n)));
    },
    format: (args) => rt.str(format(rt, args[0], args[1] ? (args[1] as PyStr).value : '')),
    input: () => {
      throw rt.stop('unsupported', 'input() is not simulated (the program cannot read from the keyboard)');
    },
    open: () => {
      throw rt.stop('unsupported', 'open() is not simulated (no files)');
    },
    exit: (args) => rt.vm.systemExit(args[0] ?? none),
    quit: (args) => rt.vm.systemExit(args[0] ?? none),
    __build_class__: (args, kwargs) => buildClass(rt, args, kwargs),
    __import__: (args) => p().importModule((args[0] as PyStr).value),
  };
}

function radix(rt: Runtime, o: PyObject, base: number, prefix: string): string {
  if (!(o instanceof PyInt)) throw rt.error('TypeError', `'${o.cls.name}' object cannot be interpreted as an integer`);
  const v = toBig(o.value);
  return (v < 0n ? '-' : '') + prefix + (v < 0n ? -v : v).toString(base);
}

/**
 * builtin_sum: ints and then floats add up in C without making an object per step (so the
 * partial sums never appear on the heap); floats from 3.12 with Neumaier's compensation.
 * Anything else goes through `+`.
 */
function sum(rt: Runtime, iterable: PyObject, start: PyObject): PyObject {
  const p = rt.vm.p;
  if (start instanceof PyStr) throw rt.error('TypeError', "sum() can't sum strings [use ''.join(seq) instead]");
  if (start instanceof PyBytes) throw rt.error('TypeError', "sum() can't sum bytes [use b''.join(seq) instead]");
  return p.scope(() => {
    const items = collect(rt, iterable);
    let i = 0;
    let total: PyObject = start;
    const exactInt = (o: PyObject): o is PyInt => o instanceof PyInt && (o.cls === rt.types.int || o.cls === rt.types.bool);
    if (exactInt(total) && total.cls === rt.types.int) {
      let acc = BigInt(total.value);
      while (i < items.length && exactInt(items[i])) acc += BigInt((items[i++] as PyInt).value);
      total = p.own(rt.int(acc));
    }
    if (i < items.length && total instanceof PyInt && total.cls === rt.types.int && items[i] instanceof PyFloat && items[i].cls === rt.types.float) {
      total = p.own(rt.float(Number(total.value)));
    }
    if (total instanceof PyFloat && total.cls === rt.types.float) {
      let hi = total.value;
      let compensation = 0;
      const startIndex = i;
      for (; i < items.length; i++) {
        const item = items[i];
        let x: number;
        if (item instanceof PyFloat && item.cls === rt.types.float) x = item.value;
        else if (exactInt(item)) x = Number(item.value);
        else break;
        const t = hi + x;
        if (rt.lang.compensatedFloatSum) compensation += Math.abs(hi) >= Math.abs(x) ? hi - t + x : x - t + hi;
        hi = t;
      }
      if (compensation !== 0 && Number.isFinite(compensation)) hi += compensation;
      if (i > startIndex) total = p.own(rt.float(hi));
    }
    for (; i < items.length; i++) total = p.own(p.binaryOp(0, total, items[i], false));
    return total;
  });
}

function anyAll(rt: Runtime, iterable: PyObject, wanted: boolean): boolean {
  const p = rt.vm.p;
  let found = false;
  p.run(() => {
    const it = p.own(p.getIter(iterable));
    for (;;) {
      const item = p.next(it);
      if (item === null) break;
      p.own(item);
      if (p.truthy(item) === wanted) {
        found = true;
        break;
      }
    }
  });
  return found;
}

export function isInstance(rt: Runtime, obj: PyObject, spec: PyObject): boolean {
  if (spec instanceof PyTuple) return spec.items.some((s) => isInstance(rt, obj, s));
  const members = unionMembers(rt, spec);
  if (members !== null) return members.some((s) => isInstance(rt, obj, s));
  if (!(spec instanceof PyType)) throw rt.error('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union');
  if (obj.cls.isSubtypeOf(spec)) return true;
  // object_isinstance: an object whose __class__ is not its type (a weak proxy's is its referent's) is an instance of that too.
  const p = rt.vm.p;
  let found = false;
  p.run(() => {
    try {
      const cls = p.own(p.getattr(obj, '__class__'));
      found = cls !== obj.cls && cls instanceof PyType && cls.isSubtypeOf(spec);
    } catch (e) {
      if (!p.isAttributeError(e)) throw e;
    }
  });
  return found;
}

/** pow(base, exp, mod) for ints, as long_pow: a negative exponent takes the inverse; the result has mod's sign. */
function modularPow(rt: Runtime, base: bigint, exp: bigint, mod: bigint): bigint {
  if (mod === 0n) throw rt.error('ValueError', 'pow() 3rd argument cannot be 0');
  const m = mod < 0n ? -mod : mod;
  let b = ((base % m) + m) % m;
  if (exp < 0n) {
    const inverted = inverse(b, m);
    if (inverted === null) throw rt.error('ValueError', 'base is not invertible for the given modulus');
    b = inverted;
    exp = -exp;
  }
  let result = 1n % m;
  for (; exp > 0n; exp >>= 1n) {
    if (exp & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return mod < 0n && result !== 0n ? result - m : result;
}

/** The inverse of `a` modulo `m` (extended Euclid), or null. */
function inverse(a: bigint, m: bigint): bigint | null {
  let [r0, r1, s0, s1] = [m, a, 0n, 1n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return r0 === 1n ? ((s0 % m) + m) % m : null;
}

/** Installs the builtins module's dict: functions, types, exceptions, constants. */
export function installBuiltins(rt: Runtime, dict: PyDict): void {
  const put = (name: string, value: PyObject): void => dictSet(rt, dict, rt.intern(name), value);
  for (const [name, impl] of Object.entries(builtinFunctions(rt))) {
    const fn = rt.preexistingTracked(new PyBuiltin(rt.types.builtin_function_or_method, name, checkedBuiltin(rt, name, impl)), 1);
    put(name, fn);
    if (name === '__build_class__') rt.buildClass = fn;
  }
  const t = rt.types;
  for (const type of [t.object, t.type, t.int, t.bool, t.float, t.complex, t.str, t.bytes, t.bytearray, t.list, t.tuple, t.dict, t.set, t.frozenset, t.range, t.slice, t.enumerate, t.zip, t.map, t.filter, t.reversed, t.property, t.staticmethod, t.classmethod, t.super]) {
    put(type.name, type);
  }
  for (const [name, type] of t.exceptions) put(name, type);
  put('None', rt.none);
  put('True', rt.true_);
  put('False', rt.false_);
  put('Ellipsis', rt.ellipsis);
  put('NotImplemented', rt.notImplemented);
  put('__name__', rt.intern('builtins'));
  void intToFloat;
}
