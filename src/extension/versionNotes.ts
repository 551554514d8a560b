/**
 * What differs between the simulated CPython versions, in words for the version picker and
 * the status bar — derived from the version profiles (src/versions.ts), never written per
 * version by hand, so the notes cannot drift from what is simulated. Pure.
 */
import { PYTHON_VERSIONS, type PythonVersion } from '../protocol';
import { VERSIONS, type VersionProfile } from '../versions';

interface Fact {
  /** Facts with the same key are compared between versions. */
  readonly key: string;
  readonly text: string;
}

/** The facts about one version that a learner can see in HeapScope. */
function facts(profile: VersionProfile): Fact[] {
  const { collector, language } = profile;
  const thresholds = collector.defaultThresholds.filter((t, i) => i === 0 || t > 0).join('/');
  const out: Fact[] = [
    collector.scheme === 'incremental'
      ? { key: 'collector', text: `incremental GC (young and old generations), thresholds ${thresholds}` }
      : { key: 'collector', text: `generational GC, thresholds ${thresholds}` },
    language.immortalSingletons
      ? { key: 'immortal', text: `None, True, False and small ints are immortal (refcount ${collector.immortalRefcount})` }
      : { key: 'immortal', text: 'counts of None, True, False and small ints move' },
    {
      key: 'attributes',
      text:
        language.instanceAttributes === 'dict'
          ? 'instance attributes live in a separate __dict__'
          : language.instanceAttributes === 'inline'
            ? 'instance attributes are stored inline until __dict__ is read'
            : 'instance attributes always stay inline',
    },
  ];
  if (language.internedStringsImmortal) out.push({ key: 'interned', text: 'interned strings are immortal' });
  if (language.callerKeepsArguments) out.push({ key: 'arguments', text: 'a caller keeps its arguments referenced during a call' });
  if (language.borrowedLocalLoads) out.push({ key: 'borrowed', text: 'locals are loaded as borrowed references (getrefcount of a local is one lower)' });
  if (language.dictsAlwaysTracked) out.push({ key: 'dicts', text: 'every dict is tracked by the collector' });
  if (language.inlinedComprehensions) out.push({ key: 'comprehensions', text: 'comprehensions run inline (PEP 709)' });
  return out;
}

/** One version as the picker shows it. */
export interface VersionNote {
  readonly version: PythonVersion;
  /** Short: what changed from the version before (or the baseline for the first). */
  readonly description: string;
  /** Everything HeapScope simulates differently for this version. */
  readonly detail: string;
  /** How `gc.collect(0|1|2)` are named in this version. */
  readonly generations: readonly [string, string, string];
}

/** The meaning of gc.collect(generation) in a profile: 3.14's incremental scheme names them young / increment / full. */
export function generationMeanings(profile: VersionProfile): [string, string, string] {
  return profile.collector.scheme === 'incremental' ? ['young', 'increment', 'full'] : ['generation 0', 'generation 1', 'generation 2 (full)'];
}

/** Notes for every simulated version, oldest first. */
export function versionNotes(): VersionNote[] {
  return PYTHON_VERSIONS.map((version, i) => {
    const profile = VERSIONS[version];
    const own = facts(profile);
    const previous = i > 0 ? facts(VERSIONS[PYTHON_VERSIONS[i - 1]]) : [];
    const changed = own.filter((f) => !previous.some((p) => p.key === f.key && p.text === f.text));
    const dropped = previous.filter((p) => !own.some((f) => f.key === p.key));
    const news = [...changed.map((f) => f.text), ...dropped.map((p) => `no longer: ${p.text}`)];
    return {
      version,
      description: i === 0 ? 'the oldest simulated version' : news.join('; '),
      detail: own.map((f) => f.text).join(' · '),
      generations: generationMeanings(profile),
    };
  });
}
