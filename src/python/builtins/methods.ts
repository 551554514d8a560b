import { sizeofMethodValue } from './sizes';
import { PyBytes, PyFloat, PyInt, PyStr } from '../objects/atoms';
import type { NativeFunction, NativeSlots, PyObject } from '../objects/base';
import { PyType } from '../objects/base';
import { PyCell, PyCode, PyFrameObject, PyFunction, PyGenerator, PyMethod, PyTraceback } from '../objects/callables';
import { PyDict, PyList, PySet, PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { attributeName, genericDelattr, genericSetattr } from '../runtime/attributes';
import { dictClear, dictDeleteAt, dictFind, dictGetStr, dictSet, setAdd, setDiscard, setFind } from '../runtime/dicts';
import { exceptionArgs, isException } from '../runtime/exceptions';
import { collect, dictIterator } from '../runtime/iteration';
import { asIndex } from '../runtime/items';
import { countWork } from '../runtime/limits';
import type { Runtime } from '../runtime/runtime';
import { repr } from '../runtime/text';
import { subclassesOf } from './classes';
import { objectInitArguments } from './constructors';
import { installStrMethods } from './strMethods';

/** The methods and attributes of the builtin types, written in TypeScript. */

type Method = (self: PyObject, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null) => PyObject;

/** Wraps a method taking `self` first into the NativeFunction shape (self = args[0]). */
function methods(table: Record<string, Method>): Record<string, NativeFunction> {
  const out: Record<string, NativeFunction> = {};
  for (const [name, fn] of Object.entries(table)) out[name] = (args, kwargs) => fn(args[0], args.slice(1), kwargs);
  return out;
}

function index(rt: Runtime, o: PyObject | undefined, dflt: number): number {
  if (o === undefined) return dflt;
  if (o instanceof PyInt) return Number(o.value);
  throw rt.error('TypeError', `'${o.cls.name}' object cannot be interpreted as an integer`);
}

export function installMethods(rt: Runtime): void {
  /**
   * list.index / tuple.index(value, start, stop): the first equal item in [start, stop),
   * the bounds read as slice indices (negative from the end, clamped); -1 if none. The
   * length is read at each step, as an __eq__ may change the list.
   */
  const sequenceIndex = (seq: PyList | PyTuple, args: readonly PyObject[]): number => {
    const bound = (o: PyObject | undefined, dflt: number): number => {
      if (o === undefined) return dflt;
      const v = asIndex(rt, o);
      if (v === null) throw rt.error('TypeError', 'slice indices must be integers or have an __index__ method');
      return v < 0 ? Math.max(0, v + seq.items.length) : v;
    };
    const start = bound(args[1], 0);
    const stop = bound(args[2], Number.MAX_SAFE_INTEGER);
    for (let i = start; i < stop && i < seq.items.length; i++) {
      const x = seq.items[i];
      if (x === args[0] || p().equals(x, args[0])) return i;
    }
    return -1;
  };
  const t = rt.types;
  const p = () => rt.vm.p;
  const none = rt.none;

  t.list.native = {
    methods: methods({
      append(self, args) {
        (self as PyList).append(rt.heap, args[0]);
        return none;
      },
      extend(self, args) {
        p().listExtend(self as PyList, args[0]);
        return none;
      },
      insert(self, args) {
        const list = self as PyList;
        let i = index(rt, args[0], 0);
        const n = list.items.length;
        if (i < 0) i = Math.max(0, i + n);
        list.insert(rt.heap, Math.min(i, n), args[1]);
        return none;
      },
      pop(self, args) {
        const list = self as PyList;
        if (list.items.length === 0) throw rt.error('IndexError', 'pop from empty list');
        let i = index(rt, args[0], -1);
        if (i < 0) i += list.items.length;
        if (i < 0 || i >= list.items.length) throw rt.error('IndexError', 'pop index out of range');
        return list.popTo(rt.heap, i, rt.transit, 'result');
      },
      remove(self, args) {
        const list = self as PyList;
        const i = list.items.findIndex((x) => x === args[0] || p().equals(x, args[0]));
        if (i < 0) throw rt.error('ValueError', 'list.remove(x): x not in list');
        list.removeRange(rt.heap, i, i + 1);
        return none;
      },
      clear(self) {
        const list = self as PyList;
        list.removeRange(rt.heap, 0, list.items.length);
        return none;
      },
      copy(self) {
        return rt.newList((self as PyList).items);
      },
      index(self, args) {
        const i = sequenceIndex(self as PyList, args);
        if (i < 0) throw rt.error('ValueError', `${repr(rt, args[0])} is not in list`);
        return rt.int(i);
      },
      count(self, args) {
        return rt.int((self as PyList).items.filter((x) => x === args[0] || p().equals(x, args[0])).length);
      },
      reverse(self) {
        const list = self as PyList;
        list.reorder(rt.heap, [...list.items].reverse());
        return none;
      },
      sort(self, _args, kwargs) {
        const list = self as PyList;
        sortList(rt, list, kwargs?.get('key') ?? none, kwargs?.get('reverse'));
        return none;
      },
    }),
  };

  t.tuple.native = {
    methods: methods({
      index(self, args) {
        const i = sequenceIndex(self as PyTuple, args);
        if (i < 0) throw rt.error('ValueError', 'tuple.index(x): x not in tuple');
        return rt.int(i);
      },
      count(self, args) {
        return rt.int((self as PyTuple).items.filter((x) => x === args[0] || p().equals(x, args[0])).length);
      },
    }),
  };

  const dictMethods = methods({
    get(self, args) {
      const i = dictFind(rt, self as PyDict, args[0]);
      return i >= 0 ? (self as PyDict).entries[i]!.value : args[1] ?? none;
    },
    keys: (self) => view(rt, t.dict_keys, self),
    values: (self) => view(rt, t.dict_values, self),
    items: (self) => view(rt, t.dict_items, self),
    pop(self, args) {
      const dict = self as PyDict;
      const i = dictFind(rt, dict, args[0]);
      if (i < 0) {
        if (args.length > 1) return args[1];
        throw rt.vm.raiseObject(p().instantiateException(t.exceptions.get('KeyError')!, [args[0]]));
      }
      const value = dict.entries[i]!.value;
      rt.transitResult(value);
      dictDeleteAt(rt, dict, i);
      return value;
    },
    popitem(self) {
      const dict = self as PyDict;
      for (let i = dict.entries.length - 1; i >= 0; i--) {
        const e = dict.entries[i];
        if (e === null) continue;
        const pair = rt.newTuple([e.key, e.value]);
        rt.transitResult(pair);
        dictDeleteAt(rt, dict, i);
        return pair;
      }
      throw rt.error('KeyError', 'popitem(): dictionary is empty');
    },
    setdefault(self, args) {
      const dict = self as PyDict;
      const i = dictFind(rt, dict, args[0]);
      if (i >= 0) return dict.entries[i]!.value;
      const value = args[1] ?? none;
      dictSet(rt, dict, args[0], value);
      return value;
    },
    update(self, args, kwargs) {
      if (args.length) p().dictUpdate(self as PyDict, args[0], false);
      if (kwargs) for (const [k, v] of kwargs) dictSet(rt, self as PyDict, rt.intern(k), v);
      return none;
    },
    clear(self) {
      dictClear(rt, self as PyDict);
      return none;
    },
    copy(self) {
      return p().copyDict(self as PyDict);
    },
  });
  t.dict.native = {
    methods: dictMethods,
    classMethods: methods({
      // dict.fromkeys(iterable, value=None): every key shares the one value.
      fromkeys: (cls, args) =>
        p().scope(() => {
          const value = args[1] ?? none;
          const made = p().own(p().call(cls, [], null));
          for (const key of collect(rt, args[0])) p().setitem(made, key, value);
          return made;
        }),
    }),
  };

  const setMethods = methods({
    add(self, args) {
      setAdd(rt, self as PySet, args[0]);
      return none;
    },
    discard(self, args) {
      setDiscard(rt, self as PySet, args[0]);
      return none;
    },
    remove(self, args) {
      if (!setDiscard(rt, self as PySet, args[0])) throw rt.vm.raiseObject(p().instantiateException(t.exceptions.get('KeyError')!, [args[0]]));
      return none;
    },
    pop(self) {
      const set = self as PySet;
      if (set.items.length === 0) throw rt.error('KeyError', 'pop from an empty set');
      const item = set.items[0];
      rt.transitResult(item);
      setDiscard(rt, set, item);
      return item;
    },
    clear(self) {
      const set = self as PySet;
      for (const item of [...set.items].reverse()) setDiscard(rt, set, item);
      return none;
    },
    copy(self) {
      const copy = rt.newSet(self.cls === t.frozenset);
      for (const item of (self as PySet).items) setAdd(rt, copy, item);
      return copy;
    },
    update(self, args) {
      for (const a of args) p().setUpdate(self as PySet, a);
      return none;
    },
    union: (self, args) => setCombine(rt, self as PySet, args, 'BitOr'),
    intersection: (self, args) => setCombine(rt, self as PySet, args, 'BitAnd'),
    difference: (self, args) => setCombine(rt, self as PySet, args, 'Sub'),
    symmetric_difference: (self, args) => setCombine(rt, self as PySet, args, 'BitXor'),
    issubset: (self, args) => rt.bool(asSet(rt, args[0], (other) => (self as PySet).items.every((x) => setFind(rt, other, x) >= 0))),
    issuperset: (self, args) => rt.bool(asSet(rt, args[0], (other) => other.items.every((x) => setFind(rt, self as PySet, x) >= 0))),
    isdisjoint: (self, args) => rt.bool(asSet(rt, args[0], (other) => !(self as PySet).items.some((x) => setFind(rt, other, x) >= 0))),
    difference_update(self, args) {
      for (const a of args) p().run(() => collect(rt, a).forEach((x) => setDiscard(rt, self as PySet, x)));
      return none;
    },
    intersection_update(self, args) {
      for (const a of args) {
        p().run(() => {
          const keep = p().own(setCombine(rt, self as PySet, [a], 'BitAnd')) as PySet;
          p().setReplace(self as PySet, keep);
        });
      }
      return none;
    },
    symmetric_difference_update(self, args) {
      p().run(() => {
        const other = p().own(p().call(t.set, [args[0]], null)) as PySet;
        for (const x of other.items) if (!setDiscard(rt, self as PySet, x)) setAdd(rt, self as PySet, x);
      });
      return none;
    },
  });
  t.set.native = { methods: setMethods };
  t.frozenset.native = { methods: Object.fromEntries(Object.entries(setMethods).filter(([k]) => ['copy', 'union', 'intersection', 'difference', 'symmetric_difference', 'issubset', 'issuperset', 'isdisjoint'].includes(k))) };

  installStrMethods(rt);

  t.int.native = {
    methods: methods({
      bit_length: (self) => rt.int(bitLength((self as PyInt).value)),
      bit_count: (self) => rt.int([...BigInt((self as PyInt).value).toString(2)].filter((c) => c === '1').length),
      as_integer_ratio: (self) => rt.newTuple([self.cls === t.int ? self : rt.int((self as PyInt).value), rt.int(1)]),
      to_bytes(self, args, kwargs) {
        const length = args[0] ?? kwargs?.get('length') ?? (rt.lang.intBytesDefaults ? rt.int(1) : undefined);
        const given = args[1] ?? kwargs?.get('byteorder');
        if (length === undefined) throw rt.error('TypeError', "to_bytes() missing required argument 'length' (pos 1)");
        if (given === undefined && !rt.lang.intBytesDefaults) throw rt.error('TypeError', "to_bytes() missing required argument 'byteorder' (pos 2)");
        const order = given === undefined ? 'big' : byteOrder(rt, given);
        return rt.freshBytes(intToBytes(rt, BigInt((self as PyInt).value), Number((length as PyInt).value), order, p().truthy(kwargs?.get('signed') ?? rt.false_)));
      },
      __index__: (self) => self,
      conjugate: (self) => self,
      is_integer: () => rt.true_,
    }),
    getters: { real: (self) => self, imag: () => rt.int(0), numerator: (self) => self, denominator: () => rt.int(1) },
    classMethods: methods({
      from_bytes(cls, args, kwargs) {
        const source = args[0] ?? kwargs?.get('bytes');
        const given = args[1] ?? kwargs?.get('byteorder');
        if (source === undefined) throw rt.error('TypeError', "from_bytes() missing required argument 'bytes' (pos 1)");
        if (given === undefined && !rt.lang.intBytesDefaults) throw rt.error('TypeError', "from_bytes() missing required argument 'byteorder' (pos 2)");
        let data: number[] = [];
        p().run(() => {
          data = source instanceof PyBytes ? [...source.value] : collect(rt, source).map((x) => Number((x as PyInt).value));
        });
        const value = bytesToInt(data, given === undefined ? 'big' : byteOrder(rt, given), p().truthy(kwargs?.get('signed') ?? rt.false_));
        return cls === t.int ? rt.int(value) : p().scope(() => p().call(cls, [p().own(rt.int(value))], null));
      },
    }),
  };
  t.float.native = {
    methods: methods({
      is_integer: (self) => rt.bool(Number.isInteger((self as PyFloat).value)),
      conjugate: (self) => self,
    }),
    getters: { real: (self) => self, imag: () => rt.float(0) },
  };

  t.object.native = {
    methods: methods({
      __init__(self, args, kwargs) {
        objectInitArguments(rt, self.cls, args, kwargs);
        return none;
      },
      __repr__: (self) => rt.str(p().defaultRepr(self)),
      __str__: (self) => rt.str(p().str(self)),
      __eq__: (self, args) => (self === args[0] ? rt.true_ : rt.notImplemented),
      __ne__: (self, args) => (self === args[0] ? rt.false_ : rt.notImplemented),
      __hash__: (self) => rt.int(Math.floor(self.id)),
      __setattr__(self, args) {
        genericSetattr(rt, self, attributeName(rt, args[0], null), args[1]);
        return none;
      },
      __getattribute__: (self, args) => rt.vm.p.getattr(self, attributeName(rt, args[0], null)),
      __delattr__(self, args) {
        genericDelattr(rt, self, attributeName(rt, args[0], null));
        return none;
      },
      __format__: (self, args) => rt.str(rt.vm.p.formatValue(self, 0, (args[0] as PyStr).value)),
      __dir__: (self) => rt.newList([...(self.attrs?.values.keys() ?? [])].map((k) => rt.str(k))),
      __sizeof__: (self) => rt.int(sizeofMethodValue(rt, self)),
    }),
    classMethods: methods({
      __init_subclass__(cls, args, kwargs) {
        if (args.length) throw rt.error('TypeError', `${(cls as PyType).name}.__init_subclass__() takes no arguments (${args.length} given)`);
        if (kwargs?.size) throw rt.error('TypeError', `${(cls as PyType).name}.__init_subclass__() takes no keyword arguments`);
        return none;
      },
    }),
  };

  t.type.native = {
    methods: methods({
      mro: (self) => rt.newList((self as PyType).mro),
      __subclasses__: (self) => rt.newList(subclassesOf(self as PyType)),
    }),
  };

  const baseException = t.exceptions.get('BaseException')!;
  baseException.native = {
    methods: methods({
      __init__(self, args) {
        (self as PyStruct).set(rt.heap, 'args', rt.newTuple(args));
        return none;
      },
      with_traceback(self, args) {
        (self as PyStruct).set(rt.heap, '__traceback__', args[0]);
        return self;
      },
      __str__: (self) => rt.str(p().exceptionStr(self)),
    }),
    getters: {
      args: (self) => (self as PyStruct).get('args') ?? rt.emptyTuple,
      __traceback__: (self) => (self as PyStruct).get('__traceback__') ?? none,
      __context__: (self) => (self as PyStruct).get('__context__') ?? none,
      __cause__: (self) => (self as PyStruct).get('__cause__') ?? none,
      __suppress_context__: (self) => rt.bool(((self as PyStruct).state as { suppressContext?: boolean } | null)?.suppressContext === true),
    },
    setters: {
      args: (self, value) => p().run(() => (self as PyStruct).set(rt.heap, 'args', p().own(rt.newTuple(collect(rt, value))))),
      __traceback__(self, value) {
        if (value !== none && value.cls !== t.traceback) throw rt.error('TypeError', '__traceback__ must be a traceback or None');
        setOrClear(self as PyStruct, '__traceback__', value);
      },
      __context__(self, value) {
        if (value !== none && !value.cls.isSubtypeOf(baseException)) throw rt.error('TypeError', 'exception context must be None or derive from BaseException');
        setOrClear(self as PyStruct, '__context__', value);
      },
      __cause__(self, value) {
        if (value !== none && !value.cls.isSubtypeOf(baseException)) throw rt.error('TypeError', 'exception cause must be None or derive from BaseException');
        setOrClear(self as PyStruct, '__cause__', value);
        (self as PyStruct).state = { ...((self as PyStruct).state as object), suppressContext: true };
      },
      __suppress_context__(self, value) {
        (self as PyStruct).state = { ...((self as PyStruct).state as object), suppressContext: p().truthy(value) };
      },
    },
  };
  // None stored in an exception's field is no reference at all (the C field is NULL).
  const setOrClear = (exc: PyStruct, field: string, value: PyObject): void => {
    if (value === none) exc.clear(rt.heap, field);
    else exc.set(rt.heap, field, value);
  };
  const stop = t.exceptions.get('StopIteration')!;
  stop.native = { getters: { value: (self) => exceptionArgs(self as PyStruct)[0] ?? none } };
  const keyError = t.exceptions.get('KeyError')!;
  keyError.native = {};

  t.function.native = {
    getters: {
      __name__: (self) => (self as PyFunction).get('__name__')!,
      __qualname__: (self) => (self as PyFunction).get('__qualname__')!,
      __code__: (self) => (self as PyFunction).get('__code__')!,
      __globals__: (self) => (self as PyFunction).get('__globals__')!,
      __closure__: (self) => (self as PyFunction).get('__closure__') ?? none,
      __defaults__: (self) => (self as PyFunction).get('__defaults__') ?? none,
      __kwdefaults__: (self) => (self as PyFunction).get('__kwdefaults__') ?? none,
      __doc__: (self) => (self as PyFunction).get('__doc__') ?? none,
      __module__: (self) => (self as PyFunction).get('__module__') ?? none,
      __annotations__: (self) => {
        const fn = self as PyFunction;
        let a = fn.get('__annotations__');
        if (a === undefined) {
          a = rt.newDict();
          fn.set(rt.heap, '__annotations__', a);
        }
        return a;
      },
    },
  };
  t.cell.native = {
    getters: {
      cell_contents: (self) => {
        const v = (self as PyCell).get('cell_contents');
        if (v === undefined) throw rt.error('ValueError', 'Cell is empty');
        return v;
      },
    },
    setters: { cell_contents: (self, value) => (self as PyCell).set(rt.heap, 'cell_contents', value) },
  };
  // sys.stdout and sys.stderr: text written goes where print's goes.
  const streamName = (self: PyObject): 'stdout' | 'stderr' => (self === rt.sysStderr ? 'stderr' : 'stdout');
  t.TextIOWrapper.native = {
    methods: methods({
      write(self, args) {
        const text = args[0];
        if (!(text instanceof PyStr)) throw rt.error('TypeError', `write() argument must be str, not ${text.cls.name}`);
        rt.write(text.value, streamName(self));
        return rt.int([...text.value].length);
      },
      flush: () => none,
      isatty: () => rt.false_,
      writable: () => rt.true_,
      readable: () => rt.false_,
    }),
    getters: {
      name: (self) => rt.str(`<${streamName(self)}>`),
      encoding: () => rt.str('utf-8'),
      mode: () => rt.str('w'),
    },
  };
  t.method.native = { getters: { __self__: (self) => (self as PyMethod).get('__self__')!, __func__: (self) => (self as PyMethod).get('__func__')! } };
  t.builtin_function_or_method.native = {
    getters: {
      __self__: (self) => (self as PyStruct).get('__self__') ?? rt.vm.p.builtinsModule(),
      __name__: (self) => rt.str((self as unknown as { name: string }).name),
    },
  };
  t.code.native = {
    getters: {
      co_name: (self) => rt.str((self as PyCode).unit.name),
      co_qualname: (self) => rt.str((self as PyCode).unit.qualname),
      co_consts: (self) => (self as PyCode).get('co_consts')!,
      co_varnames: (self) => rt.newTuple((self as PyCode).unit.varnames.map((n) => rt.intern(n))),
      co_freevars: (self) => rt.newTuple((self as PyCode).unit.freevars.map((n) => rt.intern(n))),
      co_cellvars: (self) => rt.newTuple((self as PyCode).unit.cellvars.map((n) => rt.intern(n))),
      co_names: (self) => (self as PyCode).get('co_names') ?? rt.emptyTuple,
      co_argcount: (self) => rt.int((self as PyCode).unit.argcount),
      co_filename: () => rt.str(rt.vm.p.fileName),
      co_firstlineno: (self) => rt.int((self as PyCode).unit.firstLine),
    },
  };
  t.frame.native = {
    getters: {
      f_code: (self) => rt.codeObjects.get((self as PyFrameObject).unit)!,
      f_lineno: (self) => rt.int(rt.vm.frameLine(self as PyFrameObject)),
      f_globals: (self) => rt.vm.frameGlobals(self as PyFrameObject),
      f_locals: (self) => rt.vm.frameLocals(self as PyFrameObject),
      f_back: (self) => rt.vm.frameBack(self as PyFrameObject),
    },
    methods: methods({
      clear(self) {
        rt.vm.clearFrameObject(self as PyFrameObject);
        return none;
      },
    }),
  };
  t.traceback.native = {
    getters: {
      tb_frame: (self) => (self as PyTraceback).get('tb_frame')!,
      tb_next: (self) => (self as PyTraceback).get('tb_next') ?? none,
      tb_lineno: (self) => rt.int((self as PyTraceback).lineno),
    },
  };
  t.generator.native = {
    methods: methods({
      send: (self, args) => generatorStep(rt, self as PyGenerator, args[0] ?? none, null),
      __next__: (self) => generatorStep(rt, self as PyGenerator, none, null),
      /** gen_throw: what `(type, value, traceback)` may be, checked before the generator resumes. */
      throw(self, args) {
        const [type, value, traceback] = args;
        if (traceback !== undefined && traceback !== none && !(traceback instanceof PyTraceback)) {
          throw rt.error('TypeError', 'throw() third argument must be a traceback object');
        }
        let exc = type;
        if (type instanceof PyType && type.isSubtypeOf(rt.types.exceptions.get('BaseException')!)) {
          if (value !== undefined && value.cls.isSubtypeOf(type)) exc = value;
          else {
            const excArgs = value === undefined || value === none ? [] : value instanceof PyTuple ? value.items : [value];
            exc = rt.vm.p.instantiateException(type, excArgs);
          }
        } else if (isException(rt, type)) {
          if (value !== undefined && value !== none) throw rt.error('TypeError', 'instance exception may not have a separate value');
        } else {
          throw rt.error('TypeError', `exceptions must be classes or instances deriving from BaseException, not ${type.cls.name}`);
        }
        return generatorStep(rt, self as PyGenerator, none, exc);
      },
      close: (self) => rt.vm.closeGenerator(self as PyGenerator),
    }),
    getters: {
      gi_frame: (self) => rt.vm.generatorFrame(self as PyGenerator),
      gi_running: (self) => rt.bool((self as PyGenerator).running),
      __name__: (self) => rt.str((self as PyGenerator).name),
      __qualname__: (self) => rt.str((self as PyGenerator).qualname),
    },
  };
  t.range.native = {
    methods: methods({
      index(self, args) {
        const i = rt.vm.p.rangeIndex(self as PyStruct, args[0]);
        if (i < 0) throw rt.error('ValueError', `${repr(rt, args[0])} is not in range`);
        return rt.int(i);
      },
      count: (self, args) => rt.int(rt.vm.p.rangeIndex(self as PyStruct, args[0]) >= 0 ? 1 : 0),
    }),
    getters: {
      start: (self) => rt.int(((self as PyStruct).state as { start: number }).start),
      stop: (self) => rt.int(((self as PyStruct).state as { stop: number }).stop),
      step: (self) => rt.int(((self as PyStruct).state as { step: number }).step),
    },
  };
  t.slice.native = {
    getters: { start: (self) => (self as PyStruct).get('start')!, stop: (self) => (self as PyStruct).get('stop')!, step: (self) => (self as PyStruct).get('step')! },
  };
  t.property.native = {
    getters: { fget: (self) => (self as PyStruct).get('fget')!, fset: (self) => (self as PyStruct).get('fset')!, fdel: (self) => (self as PyStruct).get('fdel')! },
    methods: methods({
      setter: (self, args) => copyProperty(rt, self as PyStruct, 'fset', args[0]),
      getter: (self, args) => copyProperty(rt, self as PyStruct, 'fget', args[0]),
      deleter: (self, args) => copyProperty(rt, self as PyStruct, 'fdel', args[0]),
    }),
  };
  // Slot members and the __dict__/__weakref__ getsets: descriptors a user can also call directly.
  const fieldName = (descriptor: PyObject): string => (descriptor as PyStruct).state as string;
  const fieldDescriptor: NativeSlots = {
    methods: methods({
      __get__: (self, args) => (args[0] === undefined || args[0] === none ? self : p().getattr(args[0], fieldName(self))),
      __set__(self, args) {
        p().setattr(args[0], fieldName(self), args[1]);
        return none;
      },
      __delete__(self, args) {
        p().delattr(args[0], fieldName(self));
        return none;
      },
    }),
    getters: {
      __name__: (self) => rt.str(fieldName(self)),
      __qualname__: (self) => rt.str(`${((self as PyStruct).get('__objclass__') as PyType).name}.${fieldName(self)}`),
      __objclass__: (self) => (self as PyStruct).get('__objclass__')!,
    },
  };
  t.member_descriptor.native = fieldDescriptor;
  t.getset_descriptor.native = fieldDescriptor;
  t.staticmethod.native = { getters: { __func__: (self) => (self as PyStruct).get('__func__')! } };
  t.classmethod.native = { getters: { __func__: (self) => (self as PyStruct).get('__func__')! } };
  t.module.native = {};
  const viewMethods = { methods: methods({ isdisjoint: (self, args) => rt.bool(!collectView(rt, self).some((x) => p().contains(args[0], x))) }) };
  t.dict_keys.native = { ...viewMethods, getters: { mapping: (self) => (self as PyStruct).get('mapping')! } };
  t.dict_values.native = { getters: { mapping: (self) => (self as PyStruct).get('mapping')! } };
  t.dict_items.native = { ...viewMethods, getters: { mapping: (self) => (self as PyStruct).get('mapping')! } };
  for (const it of [t.list_iterator, t.tuple_iterator, t.range_iterator, t.str_iterator, t.set_iterator, t.dict_keyiterator, t.dict_valueiterator, t.dict_itemiterator, t.enumerate, t.zip, t.map, t.filter, t.reversed, t.list_reverseiterator, t.callable_iterator]) {
    it.native = {
      methods: methods({
        __next__(self) {
          const item = rt.vm.p.next(self);
          if (item === null) throw rt.error('StopIteration');
          return item;
        },
        __iter__: (self) => self,
      }),
    };
  }
}

function bitLength(v: number | bigint): number {
  const b = v < 0 ? -BigInt(v) : BigInt(v);
  return b === 0n ? 0 : b.toString(2).length;
}

function view(rt: Runtime, type: PyType, dict: PyObject): PyStruct {
  const v = rt.heap.allocate(new PyStruct(type), { gc: true });
  v.set(rt.heap, 'mapping', dict);
  rt.heap.track(v);
  return v;
}

function collectView(rt: Runtime, viewObj: PyObject): PyObject[] {
  const dict = (viewObj as PyStruct).get('mapping') as PyDict;
  if (viewObj.cls === rt.types.dict_values) return [...dict.liveEntries()].map((e) => e.value);
  return [...dict.liveEntries()].map((e) => e.key);
}

function asSet<T>(rt: Runtime, other: PyObject, test: (set: PySet) => T): T {
  if (other instanceof PySet) return test(other);
  let result!: T;
  rt.vm.p.run(() => {
    const set = rt.newSet();
    rt.vm.p.own(set);
    for (const x of collect(rt, other)) setAdd(rt, set, x);
    result = test(set);
  });
  return result;
}

function byteOrder(rt: Runtime, order: PyObject): 'big' | 'little' {
  const name = order instanceof PyStr ? order.value : '';
  if (name !== 'big' && name !== 'little') throw rt.error('ValueError', "byteorder must be either 'little' or 'big'");
  return name;
}

/** int.to_bytes: two's complement when signed; OverflowError when it does not fit. */
function intToBytes(rt: Runtime, value: bigint, length: number, order: 'big' | 'little', signed: boolean): Uint8Array {
  if (length < 0) throw rt.error('ValueError', 'length argument must be non-negative');
  if (value < 0n && !signed) throw rt.error('OverflowError', "can't convert negative int to unsigned");
  const bits = BigInt(8 * length);
  const fits = signed ? value >= -(1n << (bits - 1n)) && value < 1n << (bits - 1n) : value < 1n << bits;
  if (!fits || (length === 0 && value !== 0n)) throw rt.error('OverflowError', 'int too big to convert');
  let v = value < 0n ? (1n << bits) + value : value;
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 255n);
    v >>= 8n;
  }
  return order === 'big' ? out : out.reverse();
}

function bytesToInt(data: readonly number[], order: 'big' | 'little', signed: boolean): bigint {
  const bytes = order === 'big' ? data : [...data].reverse();
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  if (signed && bytes.length > 0 && bytes[0] >= 128) v -= 1n << BigInt(8 * bytes.length);
  return v;
}

function setCombine(rt: Runtime, self: PySet, args: readonly PyObject[], op: 'BitOr' | 'BitAnd' | 'Sub' | 'BitXor'): PyObject {
  const opIndex = { BitOr: 9, BitAnd: 11, Sub: 1, BitXor: 10 }[op];
  return rt.vm.p.scope(() => {
    let result: PyObject = rt.vm.p.own(rt.vm.p.call(rt.types.set, [self], null));
    for (const a of args) {
      const other = a instanceof PySet ? a : rt.vm.p.own(rt.vm.p.call(rt.types.set, [a], null));
      result = rt.vm.p.own(rt.vm.p.binaryOp(opIndex, result, other, false));
    }
    if (self.cls === rt.types.frozenset) return rt.vm.p.call(rt.types.frozenset, [result], null);
    return result;
  });
}

function copyProperty(rt: Runtime, prop: PyStruct, field: string, fn: PyObject): PyObject {
  const copy = rt.heap.allocate(new PyStruct(rt.types.property), { gc: true });
  for (const name of ['fget', 'fset', 'fdel', '__doc__']) copy.set(rt.heap, name, name === field ? fn : prop.get(name) ?? rt.none);
  rt.heap.track(copy);
  return copy;
}

/** next()/send()/throw() on a generator: StopIteration when it is done. */
function generatorStep(rt: Runtime, gen: PyGenerator, sent: PyObject, thrown: PyObject | null): PyObject {
  if (!gen.started && sent !== rt.none) throw rt.error('TypeError', "can't send non-None value to a just-started generator");
  const item = rt.vm.resumeGenerator(gen, sent, thrown);
  if (item === null) throw rt.error('StopIteration');
  return item;
}

/**
 * list.sort: a stable merge sort that only asks `<` (one comparison per step, like
 * Timsort's contract), with key= and reverse= (which reverses, sorts, reverses back).
 */
export function sortList(rt: Runtime, list: PyList, key: PyObject, reverse: PyObject | undefined): void {
  const p = rt.vm.p;
  p.run(() => {
    const descending = reverse !== undefined && p.truthy(reverse);
    let items = [...list.items];
    if (descending) items.reverse();
    const keys = key === rt.none ? items : items.map((item) => p.own(p.call(key, [item], null)));
    const less = (a: number, b: number): boolean => {
      countWork(rt);
      return p.truthy(p.own(p.richCompare('Lt', keys[a], keys[b])));
    };
    let order = mergeSort(
      items.map((_, i) => i),
      less,
    );
    if (descending) order = order.reverse();
    items = order.map((i) => items[i]);
    list.reorder(rt.heap, items);
  });
}

function mergeSort(xs: number[], less: (a: number, b: number) => boolean): number[] {
  if (xs.length <= 1) return xs;
  const mid = xs.length >> 1;
  const left = mergeSort(xs.slice(0, mid), less);
  const right = mergeSort(xs.slice(mid), less);
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) out.push(less(right[j], left[i]) ? right[j++] : left[i++]);
  return out.concat(left.slice(i), right.slice(j));
}

export { dictGetStr, dictIterator };
