import type { NativeFunction, PyObject } from '../objects/base';
import type { Runtime } from '../runtime/runtime';
import { bindArguments, Param } from './library';

/**
 * How many arguments each method of a builtin type takes, and CPython's TypeError when a
 * call gets it wrong — checked before the implementation runs, so that `x.append()` typed
 * half-way is a Python error, never a read past the arguments. Each method parses its
 * arguments one of CPython's ways, and each way has its own wording (probed on 3.10.13,
 * 3.11.7, 3.12.1 and 3.13.0; the differences are in the profile's `argumentParsing`).
 */
export type MethodParsing =
  /** METH_NOARGS: "list.copy() takes no arguments (1 given)". */
  | { readonly style: 'none' }
  /** METH_O: "list.append() takes exactly one argument (0 given)". */
  | { readonly style: 'one' }
  /**
   * METH_FASTCALL with _PyArg_CheckPositional: "pop expected at most 1 argument, got 2"
   * (`shownAs` when the C source names it otherwise: 3.12's "deque.rotate expected ...").
   */
  | { readonly style: 'positional'; readonly min: number; readonly max: number; readonly keywords?: true; readonly shownAs?: string }
  /** A slot wrapper (`__len__`, `__eq__`...): "expected 1 argument, got 0", "wrapper __len__() takes no keyword arguments". */
  | { readonly style: 'wrapper'; readonly min: number; readonly max: number }
  /** METH_VARARGS with PyArg_ParseTuple: "find() takes at least 1 argument (0 given)". */
  | { readonly style: 'format'; readonly min: number; readonly max: number }
  /**
   * Argument Clinic with keywords: `params` can be passed by position (the first
   * `positionalOnly` only so), `required` of them must be; `keywordOnly` follow a `*`.
   */
  | { readonly style: 'clinic'; readonly params: readonly string[]; readonly required: number; readonly positionalOnly: number; readonly keywordOnly: readonly string[] }
  /** A method written in Python (Counter, WeakValueDictionary...): its `def` line after self. */
  | { readonly style: 'python'; readonly signature: string };

const none: MethodParsing = { style: 'none' };
const one: MethodParsing = { style: 'one' };
const positional = (min: number, max = min): MethodParsing => ({ style: 'positional', min, max });
const format = (min: number, max = min): MethodParsing => ({ style: 'format', min, max });
const clinic = (params: readonly string[], required: number, positionalOnly: number, keywordOnly: readonly string[] = []): MethodParsing => ({ style: 'clinic', params, required, positionalOnly, keywordOnly });

/** What find() and its kin share in str, bytes and bytearray. */
const SEARCHES = { startswith: format(1, 3), endswith: format(1, 3), find: format(1, 3), rfind: format(1, 3), index: format(1, 3), rindex: format(1, 3), count: format(1, 3) };
const TEXT = {
  ...SEARCHES,
  split: clinic(['sep', 'maxsplit'], 0, 0),
  rsplit: clinic(['sep', 'maxsplit'], 0, 0),
  splitlines: clinic(['keepends'], 0, 0),
  expandtabs: clinic(['tabsize'], 0, 0),
  join: one,
  strip: positional(0, 1),
  lstrip: positional(0, 1),
  rstrip: positional(0, 1),
  replace: positional(2, 3),
  center: positional(1, 2),
  ljust: positional(1, 2),
  rjust: positional(1, 2),
  zfill: one,
  partition: one,
  rpartition: one,
  removeprefix: one,
  removesuffix: one,
  upper: none,
  lower: none,
  swapcase: none,
  title: none,
  capitalize: none,
  isalnum: none,
  isalpha: none,
  isdigit: none,
  isspace: none,
  islower: none,
  isupper: none,
};
const BYTES = {
  ...TEXT,
  decode: clinic(['encoding', 'errors'], 0, 0),
  hex: clinic(['sep', 'bytes_per_sep'], 0, 0),
  translate: clinic(['table', 'delete'], 1, 1),
  isascii: none,
  istitle: none,
  fromhex: one,
  maketrans: positional(2),
};
const SET = { add: one, discard: one, remove: one, pop: none, clear: none, copy: none, symmetric_difference: one, issubset: one, issuperset: one, isdisjoint: one, symmetric_difference_update: one };

/** Per type, by method name; methods taking `*args` (set.union, str.format) check nothing. */
const METHODS: Readonly<Record<string, Readonly<Record<string, MethodParsing>>>> = {
  // (object.__init_subclass__ counts its own: its message names the class it is bound to.)
  object: { __dir__: none, __format__: one, __sizeof__: none, __reduce__: none },
  type: { mro: none, __subclasses__: none },
  int: {
    bit_length: none,
    bit_count: none,
    as_integer_ratio: none,
    conjugate: none,
    is_integer: none,
    to_bytes: clinic(['length', 'byteorder'], 0, 0, ['signed']),
    from_bytes: clinic(['bytes', 'byteorder'], 1, 0, ['signed']),
  },
  float: { is_integer: none, conjugate: none, as_integer_ratio: none, hex: none },
  str: { ...TEXT, encode: clinic(['encoding', 'errors'], 0, 0), casefold: none, isdecimal: none, isnumeric: none, isidentifier: none, isprintable: none, istitle: none, isascii: none },
  bytes: BYTES,
  bytearray: { ...BYTES, append: one, extend: one, pop: positional(0, 1), insert: positional(2), remove: one, clear: none, reverse: none, copy: none },
  list: { append: one, extend: one, insert: positional(2), pop: positional(0, 1), remove: one, clear: none, copy: none, index: positional(1, 3), count: one, reverse: none, sort: clinic([], 0, 0, ['key', 'reverse']) },
  tuple: { index: positional(1, 3), count: one },
  dict: { get: positional(1, 2), keys: none, values: none, items: none, pop: positional(1, 2), popitem: none, setdefault: positional(1, 2), update: { style: 'positional', min: 0, max: 1, keywords: true }, clear: none, copy: none, fromkeys: positional(1, 2) },
  set: SET,
  frozenset: { copy: none, symmetric_difference: one, issubset: one, issuperset: one, isdisjoint: one },
  range: { index: one, count: one },
  generator: { send: one, throw: positional(1, 3), close: none },
  property: { setter: one, getter: one, deleter: one },
  dict_keys: { isdisjoint: one },
  dict_items: { isdisjoint: one },
  frame: { clear: none },
  '_io.TextIOWrapper': { write: one, flush: none, isatty: none, writable: none, readable: none },
  // collections' classes written in C.
  deque: {
    append: one,
    appendleft: one,
    extend: one,
    extendleft: one,
    count: one,
    remove: one,
    pop: none,
    popleft: none,
    clear: none,
    copy: none,
    reverse: none,
    __copy__: none,
    __reduce__: none,
    __reversed__: none,
    __sizeof__: none,
    index: format(1, 3),
    insert: format(2),
    rotate: { style: 'positional', min: 0, max: 1, shownAs: 'deque.rotate' },
  },
  OrderedDict: {
    keys: none,
    values: none,
    items: none,
    clear: none,
    copy: none,
    __reduce__: none,
    __reversed__: none,
    __sizeof__: none,
    move_to_end: clinic(['key', 'last'], 1, 0),
    pop: clinic(['key', 'default'], 1, 0),
    setdefault: clinic(['key', 'default'], 1, 0),
    popitem: clinic(['last'], 0, 0),
    fromkeys: clinic(['iterable', 'value'], 1, 0),
  },
  defaultdict: { copy: none, __copy__: none, __reduce__: none, __missing__: one },
};

/** The functions of the modules written in C, by the module that holds them. */
const MODULE_FUNCTIONS: Readonly<Record<string, Readonly<Record<string, MethodParsing>>>> = {
  gc: {
    collect: clinic(['generation'], 0, 0),
    get_objects: clinic(['generation'], 0, 0),
    set_threshold: format(1, 3),
    is_tracked: one,
    is_finalized: one,
    set_debug: one,
    enable: none,
    disable: none,
    isenabled: none,
    get_count: none,
    get_threshold: none,
    freeze: none,
    unfreeze: none,
    get_freeze_count: none,
    get_debug: none,
    get_stats: none,
  },
  sys: {
    getrefcount: one,
    intern: one,
    setrecursionlimit: one,
    getrecursionlimit: none,
    exc_info: none,
    exception: none,
    _getframe: positional(0, 1),
    getsizeof: clinic(['object', 'default'], 1, 0),
  },
  weakref: { proxy: positional(1, 2), getweakrefcount: one, getweakrefs: one },
  math: {
    ...Object.fromEntries(['sqrt', 'floor', 'ceil', 'trunc', 'fabs', 'isfinite', 'isinf', 'isnan', 'degrees', 'radians', 'factorial', 'isqrt', 'ulp', 'frexp', 'modf', 'fsum'].map((name) => [name, one])),
    ...Object.fromEntries(['copysign', 'fmod', 'remainder', 'ldexp', 'pow', 'comb'].map((name) => [name, positional(2)])),
    perm: positional(1, 2),
    isclose: clinic(['a', 'b'], 2, 0, ['rel_tol', 'abs_tol']),
    prod: clinic(['iterable'], 1, 1, ['start']),
  },
};
/** weakref's functions come from _weakref. */
const C_MODULE_NAMES: Readonly<Record<string, string>> = { weakref: '_weakref' };

/** What weakref.py's WeakValueDictionary and WeakKeyDictionary define alike. */
const WEAK_MAPPING: Readonly<Record<string, string>> = {
  __getitem__: 'key',
  __delitem__: 'key',
  __setitem__: 'key, value',
  __contains__: 'key',
  __len__: '',
  __iter__: '',
  __repr__: '',
  copy: '',
  __copy__: '',
  __deepcopy__: 'memo',
  get: 'key, default=None',
  items: '',
  keys: '',
  values: '',
  popitem: '',
  pop: 'key, *args',
  setdefault: 'key, default=None',
  __ior__: 'other',
  __or__: 'other',
  __ror__: 'other',
};

/** Methods of library classes that CPython writes in Python: their signatures after self. */
const PYTHON_METHODS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Counter: {
    __missing__: 'key',
    total: '',
    most_common: 'n=None',
    elements: '',
    update: 'iterable=None, /, **kwds',
    subtract: 'iterable=None, /, **kwds',
    copy: '',
    __reduce__: '',
    __delitem__: 'elem',
    __repr__: '',
    __eq__: 'other',
    __ne__: 'other',
    __le__: 'other',
    __lt__: 'other',
    __ge__: 'other',
    __gt__: 'other',
    __add__: 'other',
    __sub__: 'other',
    __or__: 'other',
    __and__: 'other',
    __pos__: '',
    __neg__: '',
    __iadd__: 'other',
    __isub__: 'other',
    __ior__: 'other',
    __iand__: 'other',
  },
  WeakValueDictionary: { ...WEAK_MAPPING, itervaluerefs: '', valuerefs: '', update: 'other=None, /, **kwargs' },
  WeakKeyDictionary: { ...WEAK_MAPPING, keyrefs: '', update: 'dict=None, /, **kwargs' },
  WeakSet: {
    __iter__: '',
    __len__: '',
    __contains__: 'item',
    __reduce__: '',
    add: 'item',
    clear: '',
    copy: '',
    pop: '',
    remove: 'item',
    discard: 'item',
    update: 'other',
    __ior__: 'other',
    difference: 'other',
    __sub__: 'other',
    difference_update: 'other',
    __isub__: 'other',
    intersection: 'other',
    __and__: 'other',
    intersection_update: 'other',
    __iand__: 'other',
    issubset: 'other',
    __le__: 'other',
    __lt__: 'other',
    issuperset: 'other',
    __ge__: 'other',
    __gt__: 'other',
    __eq__: 'other',
    symmetric_difference: 'other',
    __xor__: 'other',
    symmetric_difference_update: 'other',
    __ixor__: 'other',
    union: 'other',
    __or__: 'other',
    isdisjoint: 'other',
    __repr__: '',
  },
  finalize: { __call__: '_=None', detach: '', peek: '', __repr__: '' },
  WeakMethod: { __call__: '', __eq__: 'other', __ne__: 'other' },
};

/**
 * Special methods are slot wrappers, which count their arguments one way for every type:
 * "expected 1 argument, got 0" (the range of counts each takes).
 */
const SLOT_WRAPPERS: Readonly<Record<string, readonly [number, number]>> = {
  __repr__: [0, 0],
  __str__: [0, 0],
  __hash__: [0, 0],
  __iter__: [0, 0],
  __next__: [0, 0],
  __len__: [0, 0],
  __bool__: [0, 0],
  __index__: [0, 0],
  __int__: [0, 0],
  __float__: [0, 0],
  __neg__: [0, 0],
  __pos__: [0, 0],
  __abs__: [0, 0],
  __invert__: [0, 0],
  __eq__: [1, 1],
  __ne__: [1, 1],
  __lt__: [1, 1],
  __le__: [1, 1],
  __gt__: [1, 1],
  __ge__: [1, 1],
  __getattribute__: [1, 1],
  __getattr__: [1, 1],
  __delattr__: [1, 1],
  __setattr__: [2, 2],
  __getitem__: [1, 1],
  __delitem__: [1, 1],
  __setitem__: [2, 2],
  __contains__: [1, 1],
  __add__: [1, 1],
  __radd__: [1, 1],
  __iadd__: [1, 1],
  __sub__: [1, 1],
  __rsub__: [1, 1],
  __isub__: [1, 1],
  __mul__: [1, 1],
  __rmul__: [1, 1],
  __imul__: [1, 1],
  __or__: [1, 1],
  __ror__: [1, 1],
  __ior__: [1, 1],
  __and__: [1, 1],
  __rand__: [1, 1],
  __iand__: [1, 1],
  __xor__: [1, 1],
  __rxor__: [1, 1],
  __ixor__: [1, 1],
  __get__: [1, 2],
  __set__: [2, 2],
  __delete__: [1, 1],
};

/** The methods 3.13 moved to Argument Clinic or _PyArg_CheckPositional, which word a wrong count anew. */
const CONVERTED_IN_3_13: Readonly<Record<string, ReadonlySet<string>>> = {
  str: new Set(Object.keys(SEARCHES)),
  bytes: new Set(Object.keys(SEARCHES)),
  bytearray: new Set(Object.keys(SEARCHES)),
  deque: new Set(['index', 'insert', 'rotate']),
};

/**
 * The parsing of `typeName.name` under this version, or undefined when none is known.
 * Special methods of a type written in C are slot wrappers unless the table says otherwise.
 */
export function methodParsing(rt: Runtime, typeName: string, name: string, writtenInC: boolean): MethodParsing | undefined {
  const python = PYTHON_METHODS[typeName];
  if (python !== undefined) return Object.hasOwn(python, name) ? { style: 'python', signature: python[name] } : undefined;
  const changes = rt.lang.argumentParsing;
  const own = METHODS[typeName];
  const listed = own !== undefined && Object.hasOwn(own, name) ? own[name] : undefined;
  if (changes.searchesCheckPositional && listed !== undefined && (listed.style === 'format' || listed.style === 'positional') && CONVERTED_IN_3_13[typeName]?.has(name)) {
    return positional(listed.min, listed.max);
  }
  if (changes.replaceTakesCount && name === 'replace' && typeName === 'str') return clinic(['old', 'new', 'count'], 2, 2);
  if (!rt.lang.intBytesDefaults && typeName === 'int' && (name === 'to_bytes' || name === 'from_bytes')) {
    return clinic(name === 'to_bytes' ? ['length', 'byteorder'] : ['bytes', 'byteorder'], 2, 0, ['signed']);
  }
  if (listed !== undefined) return listed;
  const wrapper = writtenInC ? SLOT_WRAPPERS[name] : undefined;
  if (wrapper !== undefined) return { style: 'wrapper', min: wrapper[0], max: wrapper[1] };
  return undefined;
}

/** `impl` behind the argument check of function `name` of module `module` (when known). */
export function checkedFunction(rt: Runtime, module: string, name: string, impl: NativeFunction): NativeFunction {
  const table = MODULE_FUNCTIONS[module];
  if (table === undefined || !Object.hasOwn(table, name)) return impl;
  // 3.13's gc.set_threshold takes *args and counts them itself.
  if (module === 'gc' && name === 'set_threshold' && rt.lang.argumentParsing.searchesCheckPositional) {
    return (args, kwargs) => {
      if (kwargs !== null && kwargs.size > 0) throw rt.error('TypeError', 'gc.set_threshold() takes no keyword arguments');
      if (args.length < 1 || args.length > 3) throw rt.error('TypeError', 'gc.set_threshold requires 1 to 3 arguments');
      return impl(args, kwargs);
    };
  }
  const parsing = table[name];
  const qualname = `${C_MODULE_NAMES[module] ?? module}.${name}`;
  return (args, kwargs) => {
    checkArguments(rt, qualname, name, parsing, args.length, kwargs);
    return impl(args, kwargs);
  };
}

/**
 * `impl` (called with self first) behind the argument check of method `name` of type
 * `typeName` (a builtin type, or a library class written in C unless `writtenInC` is
 * false); as is when the method takes any arguments.
 */
export function checkedMethod(rt: Runtime, typeName: string, name: string, impl: NativeFunction, writtenInC = true): NativeFunction {
  const parsing = methodParsing(rt, typeName, name, writtenInC);
  if (parsing === undefined) return impl;
  // Messages name the type without its module: "TextIOWrapper.write()", not "_io.TextIOWrapper.write()".
  const qualname = `${typeName.slice(typeName.lastIndexOf('.') + 1)}.${name}`;
  if (parsing.style === 'python') {
    const params = pythonParams(rt, parsing.signature);
    return (args, kwargs) => {
      bindArguments(rt, qualname, params, args, kwargs, { varargs: params.varargs, varkw: params.varkw });
      return impl(args, kwargs);
    };
  }
  return (args, kwargs) => {
    checkArguments(rt, qualname, name, parsing, args.length - 1, kwargs);
    return impl(args, kwargs);
  };
}

/** A `def` line's parameters after self ('key, default=None, *args'), self first. */
function pythonParams(rt: Runtime, signature: string): Param[] & { varargs: boolean; varkw: boolean } {
  const params: Param[] = [{ name: 'self', kind: 'positional-only' }];
  let varargs = false;
  let varkw = false;
  const parts = signature === '' ? [] : signature.split(',').map((part) => part.trim());
  const slash = parts.indexOf('/');
  parts.forEach((part, i) => {
    if (part === '/') return;
    if (part.startsWith('**')) varkw = true;
    else if (part.startsWith('*')) varargs = true;
    else {
      const [paramName, dflt] = part.split('=');
      params.push({ name: paramName, kind: i < slash ? 'positional-only' : 'positional', ...(dflt !== undefined ? { default: rt.none } : {}) });
    }
  });
  return Object.assign(params, { varargs, varkw });
}

/**
 * A builtin type's constructor checking its count the _PyArg_CheckPositional way:
 * "filter expected 2 arguments, got 1", "reversed() takes no keyword arguments".
 */
export function checkConstructorArguments(rt: Runtime, name: string, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null, min: number, max = min): void {
  checkArguments(rt, name, name, positional(min, max), args.length, kwargs);
}

function plural(n: number): string {
  return `${n} argument${n === 1 ? '' : 's'}`;
}

function checkArguments(
  rt: Runtime,
  /** How METH_O and METH_NOARGS name it: list.append, gc.enable. */
  qualname: string,
  name: string,
  parsing: MethodParsing,
  given: number,
  kwargs: ReadonlyMap<string, PyObject> | null,
): void {
  const noKeywords = (shown: string): void => {
    if (kwargs !== null && kwargs.size > 0) throw rt.error('TypeError', `${shown}() takes no keyword arguments`);
  };
  switch (parsing.style) {
    case 'none':
      noKeywords(qualname);
      if (given !== 0) throw rt.error('TypeError', `${qualname}() takes no arguments (${given} given)`);
      return;
    case 'one':
      noKeywords(qualname);
      if (given !== 1) throw rt.error('TypeError', `${qualname}() takes exactly one argument (${given} given)`);
      return;
    case 'positional':
    case 'wrapper': {
      const wrapper = parsing.style === 'wrapper';
      if (wrapper || !parsing.keywords) noKeywords(wrapper ? `wrapper ${name}` : qualname);
      const shown = wrapper ? '' : `${parsing.shownAs ?? name} `;
      const exact = parsing.min === parsing.max;
      if (given < parsing.min) throw rt.error('TypeError', `${shown}expected ${exact ? '' : 'at least '}${plural(parsing.min)}, got ${given}`);
      if (given > parsing.max) throw rt.error('TypeError', `${shown}expected ${exact ? '' : 'at most '}${plural(parsing.max)}, got ${given}`);
      return;
    }
    case 'format':
      noKeywords(rt.lang.argumentParsing.qualifiedNoKeywords ? qualname : name);
      if (parsing.min === parsing.max && given !== parsing.min) throw rt.error('TypeError', `${name}() takes exactly ${plural(parsing.min)} (${given} given)`);
      if (given < parsing.min) throw rt.error('TypeError', `${name}() takes at least ${plural(parsing.min)} (${given} given)`);
      if (given > parsing.max) throw rt.error('TypeError', `${name}() takes at most ${plural(parsing.max)} (${given} given)`);
      return;
    case 'clinic': {
      const { params, required, positionalOnly, keywordOnly } = parsing;
      const keywordCount = kwargs?.size ?? 0;
      const total = given + keywordCount;
      const most = params.length + keywordOnly.length;
      if (total > most) throw rt.error('TypeError', `${name}() takes at most ${plural(most)} (${total} given)`);
      if (given > params.length) {
        if (params.length === 0) throw rt.error('TypeError', `${name}() takes no positional arguments`);
        const how = required === params.length ? 'exactly' : 'at most';
        throw rt.error('TypeError', `${name}() takes ${how} ${params.length} positional argument${params.length === 1 ? '' : 's'} (${given} given)`);
      }
      if (given < Math.min(required, positionalOnly)) {
        const least = Math.min(required, positionalOnly);
        throw rt.error('TypeError', `${name}() takes ${least < params.length ? 'at least' : 'exactly'} ${least} positional argument${least === 1 ? '' : 's'} (${given} given)`);
      }
      for (let i = given; i < required; i++) {
        if (!kwargs?.has(params[i])) throw rt.error('TypeError', `${name}() missing required argument '${params[i]}' (pos ${i + 1})`);
      }
      if (kwargs !== null) {
        for (const key of kwargs.keys()) {
          const at = params.indexOf(key);
          if (at >= 0 && at >= positionalOnly && at < given) throw rt.error('TypeError', `argument for ${name}() given by name ('${key}') and position (${at + 1})`);
          if ((at < positionalOnly || at < 0) && !keywordOnly.includes(key)) throw rt.error('TypeError', rt.lang.argumentParsing.unexpectedKeyword(name, key));
        }
      }
      return;
    }
  }
}
