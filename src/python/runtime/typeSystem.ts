import { PyType } from '../objects/base';
import type { Runtime } from './runtime';

/** The builtin (static) types. */
export interface BuiltinTypes {
  readonly object: PyType;
  readonly type: PyType;
  readonly int: PyType;
  readonly bool: PyType;
  readonly float: PyType;
  readonly complex: PyType;
  readonly str: PyType;
  readonly bytes: PyType;
  readonly bytearray: PyType;
  readonly list: PyType;
  readonly tuple: PyType;
  readonly dict: PyType;
  readonly set: PyType;
  readonly frozenset: PyType;
  readonly NoneType: PyType;
  readonly ellipsis: PyType;
  readonly NotImplementedType: PyType;
  readonly range: PyType;
  readonly slice: PyType;
  readonly function: PyType;
  readonly builtin_function_or_method: PyType;
  readonly method_descriptor: PyType;
  readonly classmethod_descriptor: PyType;
  readonly method: PyType;
  readonly cell: PyType;
  readonly code: PyType;
  readonly frame: PyType;
  readonly traceback: PyType;
  readonly module: PyType;
  readonly generator: PyType;
  readonly property: PyType;
  readonly staticmethod: PyType;
  readonly classmethod: PyType;
  readonly super: PyType;
  readonly mappingproxy: PyType;
  readonly getset_descriptor: PyType;
  readonly member_descriptor: PyType;
  readonly list_iterator: PyType;
  readonly list_reverseiterator: PyType;
  readonly tuple_iterator: PyType;
  readonly range_iterator: PyType;
  readonly str_iterator: PyType;
  readonly set_iterator: PyType;
  readonly dict_keyiterator: PyType;
  readonly dict_valueiterator: PyType;
  readonly dict_itemiterator: PyType;
  readonly dict_keys: PyType;
  readonly dict_values: PyType;
  readonly dict_items: PyType;
  readonly enumerate: PyType;
  readonly zip: PyType;
  readonly map: PyType;
  readonly filter: PyType;
  readonly reversed: PyType;
  readonly callable_iterator: PyType;
  readonly weakref: PyType;
  readonly weakproxy: PyType;
  readonly weakcallableproxy: PyType;
  readonly WeakMethod: PyType;
  readonly finalize: PyType;
  readonly WeakValueDictionary: PyType;
  readonly WeakKeyDictionary: PyType;
  readonly WeakSet: PyType;
  readonly weakref_entry: PyType;
  readonly TextIOWrapper: PyType;
  /** Exceptions by name (BaseException, ValueError, ...). */
  readonly exceptions: ReadonlyMap<string, PyType>;
}

/** The exception hierarchy HeapScope knows, child → parent. */
const EXCEPTION_TREE: readonly [string, string | null][] = [
  ['BaseException', null],
  ['SystemExit', 'BaseException'],
  ['KeyboardInterrupt', 'BaseException'],
  ['GeneratorExit', 'BaseException'],
  ['Exception', 'BaseException'],
  ['StopIteration', 'Exception'],
  ['ArithmeticError', 'Exception'],
  ['FloatingPointError', 'ArithmeticError'],
  ['OverflowError', 'ArithmeticError'],
  ['ZeroDivisionError', 'ArithmeticError'],
  ['AssertionError', 'Exception'],
  ['AttributeError', 'Exception'],
  ['BufferError', 'Exception'],
  ['EOFError', 'Exception'],
  ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'],
  ['LookupError', 'Exception'],
  ['IndexError', 'LookupError'],
  ['KeyError', 'LookupError'],
  ['MemoryError', 'Exception'],
  ['NameError', 'Exception'],
  ['UnboundLocalError', 'NameError'],
  ['OSError', 'Exception'],
  ['FileNotFoundError', 'OSError'],
  ['ReferenceError', 'Exception'],
  ['RuntimeError', 'Exception'],
  ['NotImplementedError', 'RuntimeError'],
  ['RecursionError', 'RuntimeError'],
  ['SyntaxError', 'Exception'],
  ['IndentationError', 'SyntaxError'],
  ['SystemError', 'Exception'],
  ['TypeError', 'Exception'],
  ['ValueError', 'Exception'],
  ['UnicodeError', 'ValueError'],
  ['UnicodeDecodeError', 'UnicodeError'],
  ['UnicodeEncodeError', 'UnicodeError'],
  ['Warning', 'Exception'],
  ['UserWarning', 'Warning'],
  ['DeprecationWarning', 'Warning'],
  ['RuntimeWarning', 'Warning'],
  ['ResourceWarning', 'Warning'],
];

export function createBuiltinTypes(rt: Runtime): BuiltinTypes {
  const make = (name: string, base: PyType | null, metatype: PyType | null): PyType => {
    const t = new PyType(metatype, name, base ? [base] : []);
    t.mro = base ? [t, ...base.mro] : [t];
    return t;
  };
  const object = make('object', null, null);
  const type = make('type', object, null);
  // `type` is an instance of itself, and so is every static type.
  (object as { cls: PyType }).cls = type;
  (type as { cls: PyType }).cls = type;
  const simple = (name: string, base: PyType = object): PyType => make(name, base, type);
  const int = simple('int');
  const weakref = simple('weakref.ReferenceType');
  const types: Record<string, PyType> = {
    object,
    type,
    int,
    bool: simple('bool', int),
    float: simple('float'),
    complex: simple('complex'),
    str: simple('str'),
    bytes: simple('bytes'),
    bytearray: simple('bytearray'),
    list: simple('list'),
    tuple: simple('tuple'),
    dict: simple('dict'),
    set: simple('set'),
    frozenset: simple('frozenset'),
    NoneType: simple('NoneType'),
    ellipsis: simple('ellipsis'),
    NotImplementedType: simple('NotImplementedType'),
    range: simple('range'),
    slice: simple('slice'),
    function: simple('function'),
    builtin_function_or_method: simple('builtin_function_or_method'),
    method_descriptor: simple('method_descriptor'),
    classmethod_descriptor: simple('classmethod_descriptor'),
    method: simple('method'),
    cell: simple('cell'),
    code: simple('code'),
    frame: simple('frame'),
    traceback: simple('traceback'),
    module: simple('module'),
    generator: simple('generator'),
    property: simple('property'),
    staticmethod: simple('staticmethod'),
    classmethod: simple('classmethod'),
    super: simple('super'),
    mappingproxy: simple('mappingproxy'),
    getset_descriptor: simple('getset_descriptor'),
    member_descriptor: simple('member_descriptor'),
    list_iterator: simple('list_iterator'),
    list_reverseiterator: simple('list_reverseiterator'),
    tuple_iterator: simple('tuple_iterator'),
    range_iterator: simple('range_iterator'),
    str_iterator: simple(rt.lang.version === '3.10' || rt.lang.version === '3.11' ? 'str_iterator' : 'str_ascii_iterator'),
    set_iterator: simple('set_iterator'),
    dict_keyiterator: simple('dict_keyiterator'),
    dict_valueiterator: simple('dict_valueiterator'),
    dict_itemiterator: simple('dict_itemiterator'),
    dict_keys: simple('dict_keys'),
    dict_values: simple('dict_values'),
    dict_items: simple('dict_items'),
    enumerate: simple('enumerate'),
    zip: simple('zip'),
    map: simple('map'),
    filter: simple('filter'),
    reversed: simple('reversed'),
    callable_iterator: simple('callable_iterator'),
    weakref,
    weakproxy: simple('weakref.ProxyType'),
    weakcallableproxy: simple('weakref.CallableProxyType'),
    WeakMethod: simple('WeakMethod', weakref),
    finalize: simple('finalize'),
    WeakValueDictionary: simple('WeakValueDictionary'),
    WeakKeyDictionary: simple('WeakKeyDictionary'),
    WeakSet: simple('WeakSet'),
    weakref_entry: simple('weakref_entry'),
    TextIOWrapper: simple('_io.TextIOWrapper'),
  };
  const exceptions = new Map<string, PyType>();
  for (const [name, parent] of EXCEPTION_TREE) exceptions.set(name, simple(name, parent ? exceptions.get(parent)! : object));
  // Static types exist before the program: immortal from 3.12, with large counts before.
  for (const t of [...Object.values(types), ...exceptions.values()]) rt.preexisting(t, 50);
  // Which builtin instances carry no per-instance __dict__ or weak references.
  for (const t of Object.values(types)) {
    t.hasInstanceDict = t === types.function || t === types.module;
    t.weakrefable = [types.function, types.type, types.set, types.frozenset, types.generator, types.method, types.code, types.frame].includes(t);
    t.layout = t;
  }
  // WeakMethod (Lib/weakref.py) is a ref with __slots__, __weakref__ among them.
  types.WeakMethod.weakrefable = true;
  types.WeakMethod.hasInstanceDict = false;
  types.WeakMethod.slots = ['_alive', '_func_ref', '_meth_type'];
  types.WeakMethod.layout = weakref;
  // Classes CPython defines in Python, which HeapScope builds in: their module is not in their name.
  for (const t of [types.WeakMethod, types.finalize, types.WeakValueDictionary, types.WeakKeyDictionary]) t.module = 'weakref';
  types.WeakSet.module = '_weakrefset';
  for (const t of exceptions.values()) {
    t.hasInstanceDict = true;
    t.weakrefable = true;
    t.layout = exceptions.get('BaseException')!;
  }
  return { ...(types as unknown as Omit<BuiltinTypes, 'exceptions'>), exceptions };
}

/**
 * `type.__name__` (and `__qualname__`) of a builtin type: its tp_name after the last dot
 * (type_name in typeobject.c), so weakref.ReferenceType is called 'ReferenceType' while its
 * error messages say 'weakref.ReferenceType'.
 */
export function typeShortName(type: PyType): string {
  if (type.isHeapType) return type.name;
  return type.name.slice(type.name.lastIndexOf('.') + 1);
}

/** `type.__module__` of a builtin type: its tp_name before the last dot, else 'builtins' (type_module). */
export function typeModuleName(type: PyType): string {
  if (type.module !== null) return type.module;
  const dot = type.name.lastIndexOf('.');
  return dot < 0 ? 'builtins' : type.name.slice(0, dot);
}
