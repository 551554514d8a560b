/**
 * Unicode character names for `\N{...}` escapes. CPython looks names up in its full
 * Unicode database, case-insensitively, aliases included; HeapScope carries the names of
 * the blocks snippets plausibly use (`unicodeNameTable.ts`, generated) plus the names
 * Unicode defines by rule (CJK unified ideographs, Hangul syllables). A name outside
 * those is reported as unknown, as CPython reports a misspelt one.
 */
import { ALIASES, BLOCKS, WORDS } from './unicodeNameTable';

const ALPHABET = Array.from({ length: 92 }, (_, i) => String.fromCharCode(35 + i))
  .filter((c) => c !== '\\' && c !== '`')
  .join('');
const SHORT = 60;

let table: Map<string, number> | undefined;

function buildTable(): Map<string, number> {
  const words = WORDS.split(' ');
  const map = new Map<string, number>();
  for (const [first, encoded] of BLOCKS) {
    encoded.split('!').forEach((name, offset) => {
      if (!name) return;
      const parts: string[] = [];
      for (let i = 0; i < name.length; i++) {
        const digit = ALPHABET.indexOf(name[i]);
        if (digit < SHORT) parts.push(words[digit]);
        else parts.push(words[SHORT + (digit - SHORT) * ALPHABET.length + ALPHABET.indexOf(name[++i])]);
      }
      map.set(parts.join(' '), first + offset);
    });
  }
  for (const [alias, code] of ALIASES) map.set(alias, code);
  return map;
}

/** CJK unified ideograph ranges of Unicode 15.0 (CPython 3.12's database). */
const CJK_RANGES: readonly (readonly [number, number])[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0x20000, 0x2a6df],
  [0x2a700, 0x2b739],
  [0x2b740, 0x2b81d],
  [0x2b820, 0x2cea1],
  [0x2ceb0, 0x2ebe0],
  [0x30000, 0x3134a],
  [0x31350, 0x323af],
];

const JAMO_L = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const JAMO_V = ['A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I'];
const JAMO_T = ['', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG', 'J', 'C', 'K', 'T', 'P', 'H'];

let hangul: Map<string, number> | undefined;

function hangulSyllable(suffix: string): number | undefined {
  if (!hangul) {
    hangul = new Map();
    for (let l = 0; l < JAMO_L.length; l++) {
      for (let v = 0; v < JAMO_V.length; v++) {
        for (let t = 0; t < JAMO_T.length; t++) {
          hangul.set(JAMO_L[l] + JAMO_V[v] + JAMO_T[t], 0xac00 + (l * JAMO_V.length + v) * JAMO_T.length + t);
        }
      }
    }
  }
  return hangul.get(suffix);
}

/** The code point named `name` (case-insensitive), or undefined if not known. */
export function lookupUnicodeName(name: string): number | undefined {
  const key = name.toUpperCase();
  const cjk = /^CJK UNIFIED IDEOGRAPH-([0-9A-F]{4,5})$/.exec(key);
  if (cjk) {
    const code = parseInt(cjk[1], 16);
    return CJK_RANGES.some(([lo, hi]) => code >= lo && code <= hi) ? code : undefined;
  }
  if (key.startsWith('HANGUL SYLLABLE ')) return hangulSyllable(key.slice('HANGUL SYLLABLE '.length));
  table ??= buildTable();
  return table.get(key);
}
