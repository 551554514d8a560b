/**
 * The Python language's rules that differ between CPython versions and that a learner can
 * see. The collector's half lives in `core/profile.ts`; `versions.ts` fills both.
 */
/** Error messages whose wording changed between versions. */
export interface RuntimeMessages {
  unboundLocal(name: string): string;
  unboundFree(name: string): string;
  /** int % 0 (divmod(int, 0) keeps the older wording). */
  readonly intModuloByZero: string;
  /** float % 0. */
  readonly floatModuloByZero: string;
  /** 'abc'['x']: a str index that is not an int. */
  strIndexType(typeName: string): string;
  /** An int of more than 4,300 decimal digits converted to or from text (`digits`: the parsed text's). */
  intDigitsLimit(digits: number | null): string;
  /** min()/max() of an empty iterable. */
  emptyMinMax(name: string): string;
  /** x, y = [1, 2, 3]; `got` is known for sequences of known length. */
  tooManyToUnpack(expected: number, got: number | null): string;
  /** class C(A, B) when B derives from A (3.13 joins the two lines). */
  inconsistentMro(bases: string): string;
}

export interface ArgumentParsing {
  /** 3.13+: str/bytes find(), count(), startswith()... say "find expected at least 1 argument, got 0". */
  readonly searchesCheckPositional: boolean;
  /** 3.13+: str.replace(old, new, /, count=-1) is parsed by Argument Clinic. */
  readonly replaceTakesCount: boolean;
  /** 3.11+: "str.find() takes no keyword arguments" (3.10: "find()"). */
  readonly qualifiedNoKeywords: boolean;
  /** 3.10: "enumerate() missing required argument 'iterable' (pos 1)". */
  readonly enumerateNamesPosition: boolean;
  /** 3.10: "getattr(): attribute name must be string" (later: "..., not 'int'"). */
  readonly getattrNamesItself: boolean;
  /** A keyword a method does not take: "'x' is an invalid keyword argument for split()" before 3.13. */
  unexpectedKeyword(method: string, keyword: string): string;
}

/** Object layout sizes in bytes that changed between versions (sys.getsizeof). */
export interface ObjectSizes {
  /** int 0 (no digits before 3.11, one zero digit from 3.11). */
  readonly intZero: number;
  /** An ASCII str: this plus one byte per character. */
  readonly asciiStr: number;
  /** Other strs: this plus the character width times (length + 1). */
  readonly compactStr: number;
  /** 3.12+: the static one-character strings 128–255 carry their UTF-8 form too. */
  readonly latin1CharsHaveUtf8: boolean;
  /** A dict's keys table: header size, and the entry size when every key is a str. */
  readonly dictKeysHeader: number;
  readonly dictStrKeyEntry: number;
  /** An instance of a class without __slots__. */
  readonly plainInstance: number;
  /** A function object; a class (heap type) object. */
  readonly function: number;
  readonly heapType: number;
  /** A builtin type object (int, list). */
  readonly staticType: number;
  /** collections.deque without its blocks of items (64 slots, 528 bytes each). */
  readonly deque: number;
}

/**
 * What the standard library modules HeapScope writes in TypeScript (copy, collections,
 * dataclasses) do differently per version.
 */
export interface LibraryProfile {
  /** 3.13+: copy.replace(), and __replace__ on named tuples and dataclasses. */
  readonly replaceProtocol: boolean;
  /** 3.13+: namedtuple._replace and dataclasses.replace raise TypeError where they raised ValueError. */
  readonly replaceErrorsAreTypeErrors: boolean;
  /**
   * 3.12+: _collections became a module of heap types: deque and defaultdict instances
   * hold their class, and the helper types are named collections._deque_iterator and
   * collections._tuplegetter (before: _collections.).
   */
  readonly collectionsHeapTypes: boolean;
  /** 3.12+: repr(OrderedDict) shows a dict, OrderedDict({'a': 1}) (before: OrderedDict([('a', 1)])). */
  readonly orderedDictReprAsDict: boolean;
  /** 3.12+: repr(__dataclass_params__) also lists match_args, kw_only, slots and weakref_slot. */
  readonly dataclassParamsFull: boolean;
  /** 3.11+: a dataclass field's default is refused as mutable when unhashable (3.10: when a list, dict or set). */
  readonly dataclassUnhashableDefaultIsMutable: boolean;
  /** 3.13+: a dataclass's __eq__ is `self is other`, then the fields compared one by one (before: two tuples compared). */
  readonly dataclassFieldwiseEq: boolean;
  /** 3.13+: "non-default argument 'b' follows default argument 'a'" names both fields. */
  readonly dataclassNamesDefaultArgument: boolean;
  /** 3.11+: dataclass(weakref_slot=...); and slots=True leaves the old class's __weakref__ descriptor out of the new class. */
  readonly dataclassWeakrefSlot: boolean;
  /** 3.12+: asdict/astuple rebuild a defaultdict with its factory (before, calling the class with pairs failed). */
  readonly dataclassConvertsDefaultdict: boolean;
  /** 3.13+: a dataclass's __repr__ is wrapped by reprlib.recursive_repr (its closure also holds the fill value). */
  readonly dataclassReprlibRecursiveRepr: boolean;
  /** 3.13+: a dataclass's generated methods go into the class together, after __replace__ and __hash__. */
  readonly dataclassMethodsAddedLast: boolean;
}

export interface LanguageProfile {
  readonly version: '3.10' | '3.11' | '3.12' | '3.13' | '3.14';
  /** The small-int cache: ints in this range are one shared object each. */
  readonly smallInts: readonly [number, number];
  /**
   * PEP 683 (3.12+): None, True, False, small ints, the empty tuple and static strings are
   * immortal: their counts never move.
   */
  readonly immortalSingletons: boolean;
  /** 3.12: interned strings (identifier-like literals, sys.intern) are immortal too. */
  readonly internedStringsImmortal: boolean;
  /**
   * References the interpreter itself holds to singletons where they are mortal (3.10,
   * 3.11): what sys.getrefcount reports before the program touches them.
   */
  readonly singletonBaseRefs: {
    readonly none: number;
    readonly true: number;
    readonly false: number;
    readonly emptyTuple: number;
    readonly smallInt: number;
    readonly emptyBytes: number;
    /** A one-byte bytes object: the cache's reference (3.10, made on first use) or the static count (3.11). */
    readonly byteChar: number;
  };
  /** 3.10: the caller's stack keeps its references to the arguments during a call. */
  readonly callerKeepsArguments: boolean;
  /**
   * 3.12+: `f(*args, **kwargs)` into a Python function lets go of the packed tuple and dict
   * once the new frame holds its arguments; before, the caller keeps them during the call.
   */
  readonly callExReleasesPackedArguments: boolean;
  /** 3.14: loading a local pushes a borrowed reference (LOAD_FAST_BORROW). */
  readonly borrowedLocalLoads: boolean;
  /**
   * Where instance attributes live: `dict` — a separate __dict__ object (3.10); `inline` —
   * in the instance until __dict__ is read, which moves them into a real dict (3.11, 3.12);
   * `inline-always` — they stay in the instance, and __dict__ is only a view the collector
   * does not see (3.13+).
   */
  readonly instanceAttributes: 'dict' | 'inline' | 'inline-always';
  /** 3.14: instances of list/dict subclasses keep inline values too. */
  readonly inlineValuesForBuiltinSubclasses: boolean;
  /** 3.14: every dict is tracked by the collector, empty or not. */
  readonly dictsAlwaysTracked: boolean;
  /** 3.13: the dict made by reading an instance's __dict__ is never tracked. */
  readonly instanceDictViewUntracked: boolean;
  /** 3.12: constant tuples of the compiled code start untracked. */
  readonly constantTuplesUntracked: boolean;
  /** 3.12+: list/set/dict comprehensions run inline, without a function of their own (PEP 709). */
  readonly inlinedComprehensions: boolean;
  /** 3.11+: tracebacks underline the failing expression with ~ and ^. */
  readonly tracebackCarets: boolean;
  /** 3.13+: tracebacks also anchor calls (`~~~~^^` under `x.pop()`) and leave `name = f()` / `return f()` unmarked. */
  readonly tracebackCallAnchors: boolean;
  /** 3.11+: a decorator is called at its own line (a failing decorator's traceback points there, not at `def`). */
  readonly decoratorCallsAtDecorator: boolean;
  /**
   * The SyntaxWarnings printed before the program runs. 3.12+ name the literal's type in
   * `"is" with 'int' literal` (before: "with a literal") and warn about invalid escape
   * sequences such as '\d' (3.10–3.11 raise a DeprecationWarning there, hidden by default).
   */
  readonly syntaxWarnings: { readonly isLiteralNamesType: boolean; readonly invalidEscapes: boolean };
  readonly recursionLimit: number;
  /** 3.11+: a weak reference is called through vectorcall, whose argument errors name 'weakref' (before: '__call__()'). */
  readonly weakrefVectorcall: boolean;
  /** 3.11+: a weakref's repr names its referent only by a `__name__` the referent's type defines (before: any attribute). */
  readonly weakrefReprNameFromType: boolean;
  /** 3.13+: a proxy's repr quotes the referent's type ("; to 'T' at", "; dead"). */
  readonly weakproxyReprQuoted: boolean;
  /** 3.13+: a proxy's comparison holds its referent meanwhile (before, it borrowed it). */
  readonly weakproxyCompareHoldsReferent: boolean;
  /** 3.13+: "... and no __dict__ for setting new attributes" when an object cannot take a new attribute. */
  readonly setattrNoDictNote: boolean;
  /** 3.12+: sum() of floats adds with compensation (Neumaier), so sum([0.1] * 10) == 1.0. */
  readonly compensatedFloatSum: boolean;
  /** 3.11+: bytearray(list or tuple) sizes its buffer exactly first (before: grown a byte at a time). */
  readonly bytearrayFromSequenceExact: boolean;
  /**
   * 3.12+: the parser's arena holds a bytes literal twice until the script ends (the token's
   * constant and the literal joined from it), so a bytes constant has one more reference.
   */
  readonly bytesLiteralsHeldTwiceByParser: boolean;
  /**
   * One-character names that start-up interned (3.11, 3.12) as objects of their own, apart
   * from the one-character cache: the literal "p" is then not the "p" that indexing or chr()
   * returns. 3.10 and 3.13 intern the cached character itself.
   */
  readonly separatelyInternedChars: string;
  readonly messages: RuntimeMessages;
  /**
   * print()'s hidden allocations. `packsArguments` (3.11+): its positional arguments arrive
   * as a tuple (from the tuple free list when one is there). `keywordNames`: when its
   * argument parser builds the tuple of keyword names it keeps for good — at the first call
   * passing keywords (3.10), the first call at all (3.11), or never (3.12+: a static tuple).
   */
  readonly print: { readonly packsArguments: boolean; readonly keywordNames: 'first-keyword-call' | 'first-call' | 'static' };
  /** 3.10/3.11: closing a never-started generator clears its frame (its arguments go at once). */
  readonly closeClearsUnstartedFrame: boolean;
  /** 3.11+: int.to_bytes/from_bytes default to length 1 and 'big'. */
  readonly intBytesDefaults: boolean;
  /** How builtin methods word a wrong argument count (builtins/methodArguments.ts). */
  readonly argumentParsing: ArgumentParsing;
  /** sys.getsizeof's layout figures (64-bit Linux). */
  readonly objectSizes: ObjectSizes;
  /** 3.13+: generator.close() returns what the generator returned while handling GeneratorExit. */
  readonly closeReturnsValue: boolean;
  /** copy, collections and dataclasses. */
  readonly library: LibraryProfile;
}
