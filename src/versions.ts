import type { CollectorProfile } from './core/profile';
import type { ArgumentParsing, LanguageProfile, LibraryProfile, ObjectSizes, RuntimeMessages } from './python/profile';
import type { PythonVersion } from './protocol';

/**
 * One table per CPython version: every difference a learner can see lives here, never in
 * scattered conditions. Each entry was checked against the real interpreter (3.10.13,
 * 3.11.7, 3.12.1, 3.13.0; 3.14.2 through ../shared/conformance).
 */
export interface VersionProfile {
  readonly version: PythonVersion;
  readonly collector: CollectorProfile;
  readonly language: LanguageProfile;
  /** How the panel names the generations. */
  readonly generationLabels: readonly string[];
}

const IMMORTAL_3_12 = 4294967295;
/** 3.14 reports immortal counts as 3 << 30. */
const IMMORTAL_3_14 = 3221225472;

const MESSAGES_3_10: RuntimeMessages = {
  unboundLocal: (name) => `local variable '${name}' referenced before assignment`,
  unboundFree: (name) => `free variable '${name}' referenced before assignment in enclosing scope`,
  intModuloByZero: 'integer division or modulo by zero',
  floatModuloByZero: 'float modulo',
  strIndexType: () => 'string indices must be integers',
  intDigitsLimit: (digits) => `Exceeds the limit (4300) for integer string conversion${digits === null ? '' : `: value has ${digits} digits`}; use sys.set_int_max_str_digits() to increase the limit`,
  emptyMinMax: (name) => `${name}() arg is an empty sequence`,
  tooManyToUnpack: (expected) => `too many values to unpack (expected ${expected})`,
  inconsistentMro: (bases) => `Cannot create a consistent method resolution\norder (MRO) for bases ${bases}`,
};

const MESSAGES_3_11: RuntimeMessages = {
  ...MESSAGES_3_10,
  unboundLocal: (name) => `cannot access local variable '${name}' where it is not associated with a value`,
  unboundFree: (name) => `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
  intModuloByZero: 'integer modulo by zero',
  strIndexType: (typeName) => `string indices must be integers, not '${typeName}'`,
  intDigitsLimit: (digits) => `Exceeds the limit (4300 digits) for integer string conversion${digits === null ? '' : `: value has ${digits} digits`}; use sys.set_int_max_str_digits() to increase the limit`,
};

const MESSAGES_3_12: RuntimeMessages = {
  ...MESSAGES_3_11,
  emptyMinMax: (name) => `${name}() iterable argument is empty`,
};

const MESSAGES_3_13: RuntimeMessages = {
  ...MESSAGES_3_12,
  floatModuloByZero: 'float modulo by zero',
  inconsistentMro: (bases) => `Cannot create a consistent method resolution order (MRO) for bases ${bases}`,
};

const MESSAGES_3_14: RuntimeMessages = {
  ...MESSAGES_3_13,
  tooManyToUnpack: (expected, got) => (got === null ? `too many values to unpack (expected ${expected})` : `too many values to unpack (expected ${expected}, got ${got})`),
};

const SIZES_3_10: ObjectSizes = { intZero: 24, asciiStr: 49, compactStr: 72, latin1CharsHaveUtf8: false, dictKeysHeader: 40, dictStrKeyEntry: 24, plainInstance: 48, function: 144, heapType: 1072, staticType: 408, deque: 96 };
const SIZES_3_11: ObjectSizes = { ...SIZES_3_10, intZero: 28, dictKeysHeader: 32, dictStrKeyEntry: 16, plainInstance: 56, function: 152, heapType: 1688, staticType: 424, deque: 232 };
const SIZES_3_12: ObjectSizes = { ...SIZES_3_11, asciiStr: 41, compactStr: 56, latin1CharsHaveUtf8: true, plainInstance: 48, function: 160, heapType: 1704, staticType: 432 };
const SIZES_3_13: ObjectSizes = { ...SIZES_3_12, heapType: 1712, staticType: 416 };

const LIBRARY_3_10: LibraryProfile = {
  replaceProtocol: false,
  replaceErrorsAreTypeErrors: false,
  collectionsHeapTypes: false,
  orderedDictReprAsDict: false,
  dataclassParamsFull: false,
  dataclassUnhashableDefaultIsMutable: false,
  dataclassFieldwiseEq: false,
  dataclassNamesDefaultArgument: false,
  dataclassWeakrefSlot: false,
  dataclassConvertsDefaultdict: false,
  dataclassReprlibRecursiveRepr: false,
  dataclassMethodsAddedLast: false,
};
const LIBRARY_3_11: LibraryProfile = { ...LIBRARY_3_10, dataclassUnhashableDefaultIsMutable: true, dataclassWeakrefSlot: true };
const LIBRARY_3_12: LibraryProfile = { ...LIBRARY_3_11, collectionsHeapTypes: true, orderedDictReprAsDict: true, dataclassParamsFull: true, dataclassConvertsDefaultdict: true };
const LIBRARY_3_13: LibraryProfile = { ...LIBRARY_3_12, replaceProtocol: true, replaceErrorsAreTypeErrors: true, dataclassFieldwiseEq: true, dataclassNamesDefaultArgument: true, dataclassReprlibRecursiveRepr: true, dataclassMethodsAddedLast: true };

const ARGUMENTS_3_10: ArgumentParsing = {
  enumerateNamesPosition: true,
  getattrNamesItself: true,
  searchesCheckPositional: false,
  replaceTakesCount: false,
  qualifiedNoKeywords: false,
  unexpectedKeyword: (method, keyword) => `'${keyword}' is an invalid keyword argument for ${method}()`,
};
const ARGUMENTS_3_11: ArgumentParsing = { ...ARGUMENTS_3_10, qualifiedNoKeywords: true, enumerateNamesPosition: false, getattrNamesItself: false };
const ARGUMENTS_3_13: ArgumentParsing = {
  enumerateNamesPosition: false,
  getattrNamesItself: false,
  searchesCheckPositional: true,
  replaceTakesCount: true,
  qualifiedNoKeywords: true,
  unexpectedKeyword: (method, keyword) => `${method}() got an unexpected keyword argument '${keyword}'`,
};

const base310: LanguageProfile = {
  version: '3.10',
  smallInts: [-5, 256],
  immortalSingletons: false,
  internedStringsImmortal: false,
  singletonBaseRefs: { none: 4139, true: 112, false: 95, emptyTuple: 1304, smallInt: 100, emptyBytes: 9, byteChar: 1 },
  callerKeepsArguments: true,
  callExReleasesPackedArguments: false,
  borrowedLocalLoads: false,
  instanceAttributes: 'dict',
  inlineValuesForBuiltinSubclasses: false,
  dictsAlwaysTracked: false,
  instanceDictViewUntracked: false,
  constantTuplesUntracked: false,
  inlinedComprehensions: false,
  tracebackCarets: false,
  tracebackCallAnchors: false,
  decoratorCallsAtDecorator: false,
  syntaxWarnings: { isLiteralNamesType: false, invalidEscapes: false },
  recursionLimit: 1000,
  weakrefVectorcall: false,
  weakrefReprNameFromType: false,
  weakproxyReprQuoted: false,
  weakproxyCompareHoldsReferent: false,
  setattrNoDictNote: false,
  compensatedFloatSum: false,
  bytearrayFromSequenceExact: false,
  bytesLiteralsHeldTwiceByParser: false,
  closeReturnsValue: false,
  separatelyInternedChars: '',
  messages: MESSAGES_3_10,
  print: { packsArguments: false, keywordNames: 'first-keyword-call' },
  closeClearsUnstartedFrame: true,
  intBytesDefaults: false,
  argumentParsing: ARGUMENTS_3_10,
  objectSizes: SIZES_3_10,
  library: LIBRARY_3_10,
};

const generational: CollectorProfile = {
  scheme: 'generational',
  defaultThresholds: [700, 10, 10],
  automaticCollection: 'immediately',
  untracksDicts: true,
  untracksTuples: true,
  immortalRefcount: 0,
};

const THREE_GENERATIONS = ['gen 0', 'gen 1', 'gen 2'];

export const VERSIONS: Readonly<Record<PythonVersion, VersionProfile>> = {
  '3.10': { version: '3.10', collector: generational, language: base310, generationLabels: THREE_GENERATIONS },
  '3.11': {
    version: '3.11',
    collector: generational,
    language: {
      ...base310,
      version: '3.11',
      // 3.11's static objects start near 10**9 but their counts still move.
      singletonBaseRefs: { none: 1000005494, true: 1000000409, false: 1000000400, emptyTuple: 1000000553, smallInt: 1000000300, emptyBytes: 1000001710, byteChar: 999999999 },
      callerKeepsArguments: false,
      instanceAttributes: 'inline',
      tracebackCarets: true,
      decoratorCallsAtDecorator: true,
      bytearrayFromSequenceExact: true,
      weakrefVectorcall: true,
      weakrefReprNameFromType: true,
      separatelyInternedChars: 'abcdefhijklmnopqrstvwxyBCLST_',
      messages: MESSAGES_3_11,
      print: { packsArguments: true, keywordNames: 'first-call' },
      intBytesDefaults: true,
      argumentParsing: ARGUMENTS_3_11,
      objectSizes: SIZES_3_11,
      library: LIBRARY_3_11,
    },
    generationLabels: THREE_GENERATIONS,
  },
  '3.12': {
    version: '3.12',
    collector: { ...generational, automaticCollection: 'next-step', immortalRefcount: IMMORTAL_3_12 },
    language: {
      ...base310,
      version: '3.12',
      callExReleasesPackedArguments: true,
      immortalSingletons: true,
      bytesLiteralsHeldTwiceByParser: true,
      internedStringsImmortal: true,
      callerKeepsArguments: false,
      instanceAttributes: 'inline',
      constantTuplesUntracked: true,
      inlinedComprehensions: true,
      syntaxWarnings: { isLiteralNamesType: true, invalidEscapes: true },
      tracebackCarets: true,
      decoratorCallsAtDecorator: true,
      bytearrayFromSequenceExact: true,
      weakrefVectorcall: true,
      weakrefReprNameFromType: true,
      compensatedFloatSum: true,
      separatelyInternedChars: 'abcdenprsx_',
      messages: MESSAGES_3_12,
      print: { packsArguments: true, keywordNames: 'static' },
      closeClearsUnstartedFrame: false,
      intBytesDefaults: true,
      argumentParsing: ARGUMENTS_3_11,
      objectSizes: SIZES_3_12,
      library: LIBRARY_3_12,
    },
    generationLabels: THREE_GENERATIONS,
  },
  '3.13': {
    version: '3.13',
    collector: { ...generational, defaultThresholds: [2000, 10, 10], automaticCollection: 'next-step', immortalRefcount: IMMORTAL_3_12 },
    language: {
      ...base310,
      version: '3.13',
      callExReleasesPackedArguments: true,
      immortalSingletons: true,
      bytesLiteralsHeldTwiceByParser: true,
      callerKeepsArguments: false,
      instanceAttributes: 'inline-always',
      instanceDictViewUntracked: true,
      inlinedComprehensions: true,
      syntaxWarnings: { isLiteralNamesType: true, invalidEscapes: true },
      tracebackCarets: true,
      tracebackCallAnchors: true,
      decoratorCallsAtDecorator: true,
      bytearrayFromSequenceExact: true,
      weakrefVectorcall: true,
      weakrefReprNameFromType: true,
      weakproxyReprQuoted: true,
      weakproxyCompareHoldsReferent: true,
      setattrNoDictNote: true,
      compensatedFloatSum: true,
      closeReturnsValue: true,
      messages: MESSAGES_3_13,
      print: { packsArguments: true, keywordNames: 'static' },
      closeClearsUnstartedFrame: false,
      intBytesDefaults: true,
      argumentParsing: ARGUMENTS_3_13,
      objectSizes: SIZES_3_13,
      library: LIBRARY_3_13,
    },
    generationLabels: THREE_GENERATIONS,
  },
  '3.14': {
    version: '3.14',
    collector: {
      scheme: 'incremental',
      defaultThresholds: [2000, 10, 0],
      automaticCollection: 'next-step',
      untracksDicts: false,
      untracksTuples: true,
      immortalRefcount: IMMORTAL_3_14,
    },
    language: {
      ...base310,
      version: '3.14',
      callExReleasesPackedArguments: true,
      immortalSingletons: true,
      bytesLiteralsHeldTwiceByParser: true,
      callerKeepsArguments: false,
      borrowedLocalLoads: true,
      instanceAttributes: 'inline-always',
      inlineValuesForBuiltinSubclasses: true,
      dictsAlwaysTracked: true,
      inlinedComprehensions: true,
      syntaxWarnings: { isLiteralNamesType: true, invalidEscapes: true },
      tracebackCarets: true,
      tracebackCallAnchors: true,
      decoratorCallsAtDecorator: true,
      bytearrayFromSequenceExact: true,
      weakrefVectorcall: true,
      weakrefReprNameFromType: true,
      weakproxyReprQuoted: true,
      weakproxyCompareHoldsReferent: true,
      setattrNoDictNote: true,
      compensatedFloatSum: true,
      closeReturnsValue: true,
      messages: MESSAGES_3_14,
      print: { packsArguments: true, keywordNames: 'static' },
      closeClearsUnstartedFrame: false,
      intBytesDefaults: true,
      argumentParsing: ARGUMENTS_3_13,
      objectSizes: SIZES_3_13,
      library: LIBRARY_3_13,
    },
    generationLabels: ['young', 'old', 'old'],
  },
};

export const DEFAULT_VERSION: PythonVersion = '3.12';
