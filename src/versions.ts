import type { CollectorProfile } from './core/profile';
import type { LanguageProfile } from './python/profile';
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
  recursionLimit: 1000,
  weakrefVectorcall: false,
  weakrefReprNameFromType: false,
  weakproxyReprQuoted: false,
  weakproxyCompareHoldsReferent: false,
  setattrNoDictNote: false,
  compensatedFloatSum: false,
  bytearrayFromSequenceExact: false,
  bytesLiteralsHeldTwiceByParser: false,
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
      bytearrayFromSequenceExact: true,
      weakrefVectorcall: true,
      weakrefReprNameFromType: true,
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
      tracebackCarets: true,
      bytearrayFromSequenceExact: true,
      weakrefVectorcall: true,
      weakrefReprNameFromType: true,
      compensatedFloatSum: true,
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
      tracebackCarets: true,
      bytearrayFromSequenceExact: true,
      weakrefVectorcall: true,
      weakrefReprNameFromType: true,
      weakproxyReprQuoted: true,
      weakproxyCompareHoldsReferent: true,
      setattrNoDictNote: true,
      compensatedFloatSum: true,
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
      tracebackCarets: true,
      bytearrayFromSequenceExact: true,
      weakrefVectorcall: true,
      weakrefReprNameFromType: true,
      weakproxyReprQuoted: true,
      weakproxyCompareHoldsReferent: true,
      setattrNoDictNote: true,
      compensatedFloatSum: true,
    },
    generationLabels: ['young', 'old', 'old'],
  },
};

export const DEFAULT_VERSION: PythonVersion = '3.12';
