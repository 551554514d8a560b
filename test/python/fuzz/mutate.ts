/**
 * The fuzzer's mutations: small edits of real programs (delete, duplicate, swap lines and
 * tokens; truncate; break the indentation) and hostile insertions (deep nesting, huge
 * literals and allocations, very long lines, odd unicode, runaway recursion). Every
 * mutation is a pure function of the source and a seeded random generator, so a run is
 * reproducible from its seed.
 */

/** A deterministic generator (mulberry32): the same seed gives the same runs. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** One mutation: its name (counted in the report) and how it edits a source. */
export interface Mutation {
  readonly name: string;
  readonly apply: (source: string, random: Random, corpus: readonly string[]) => string;
}

const lines = (source: string): string[] => source.split('\n');

/** A cut point moved off the middle of a surrogate pair (files hold no lone surrogates). */
function cutPoint(source: string, at: number): number {
  const code = source.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/** Python-ish tokens with the text between them kept, so joining them gives the source back. */
function tokens(source: string): string[] {
  try {
    return source.match(/[A-Za-z_][A-Za-z_0-9]*|\d[\d_.eEjxXoObB]*|'[^'\n]*'?|"[^"\n]*"?|\s+|\*\*=?|\/\/=?|->|:=|[<>=!]=|<<|>>|./gsu) ?? [];
  } catch (e) {
    // The regular expression engine runs out of stack on some megabyte-long mutants: lines will do.
    if (e instanceof RangeError) return source.split(/(?<=\n)/);
    throw e;
  }
}

function indentOf(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** A line index, and the indentation a statement inserted before it should take. */
function insertionPoint(source: string, random: Random): { at: number; indent: string; all: string[] } {
  const all = lines(source);
  const at = random.below(all.length + 1);
  const indent = at < all.length ? indentOf(all[at]) : '';
  return { at, indent, all };
}

function insertLines(source: string, random: Random, make: (indent: string) => string): string {
  const { at, indent, all } = insertionPoint(source, random);
  // Joined, not spliced: an insertion can be hundreds of thousands of lines.
  return [...all.slice(0, at), make(indent), ...all.slice(at)].join('\n');
}

/** A depth that hits CPython's and HeapScope's limits, or just misses them. */
function depth(random: Random): number {
  return random.pick([5, 20, 99, 100, 101, 199, 200, 201, 255, 1000, 3000, 5000, 20000]);
}

/** Statements nested `n` deep in blocks of one kind, ending with `body`. */
function nestedBlocks(n: number, kind: string, indent: string, body: string, step: string): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(indent + step.repeat(i) + kind.replace(/#/g, String(i)));
  out.push(indent + step.repeat(n) + body);
  if (kind.startsWith('try')) for (let i = n - 1; i >= 0; i--) out.push(indent + step.repeat(i) + 'except Exception:', indent + step.repeat(i + 1) + 'pass');
  return out.join('\n');
}

const BLOCKS = [
  'if True:',
  'for _# in range(2):',
  'while True:',
  'try:',
  'with open:',
  'def f#():',
  'class C#:',
  'async def g#():',
  'match x:\n    case _:',
  'if x:\n  pass\nelse:',
  'lambda: (',
];

/** Expressions nested `n` deep: brackets, calls, operators, comprehensions. */
function nestedExpression(n: number, random: Random): string {
  const shapes: [string, string][] = [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
    ['f(', ')'],
    ['len(', ')'],
    ['[x for x in ', ']'],
    ['lambda: ', ''],
    ['-', ''],
    ['not ', ''],
    ['await ', ''],
    ['yield ', ''],
    ['*', ''],
    ['1 + (', ')'],
    ["f'{", "}'"],
    ['{1: ', '}'],
    ['(1, ', ')'],
  ];
  const [open, close] = random.pick(shapes);
  const core = random.pick(['1', 'x', '[]', 'None', "'s'", 'object()']);
  if (random.chance(0.3)) return 'x' + '.a'.repeat(n);
  if (random.chance(0.2)) return 'x' + '[0]'.repeat(n);
  if (random.chance(0.2)) return Array(n).fill('1').join(random.pick([' + ', ' * ', ' and ', ' if 1 else ', ' < ', ', ', ' ** ']));
  return open.repeat(n) + core + close.repeat(n);
}

/** Allocations far beyond what can be simulated (or allocated at all). */
const HUGE_EXPRESSIONS = [
  '[0] * 10**9',
  '[None] * (2**31)',
  "'x' * 10**10",
  "'ab' * (10**8)",
  "b'x' * 10**10",
  'bytearray(10**10)',
  'bytes(10**9)',
  '(0,) * 10**9',
  '(1, 2) * (2**40)',
  '[[]] * 10**8',
  'list(range(10**9))',
  'tuple(range(10**9))',
  'set(range(10**9))',
  'dict.fromkeys(range(10**9))',
  'sorted(range(10**9))',
  '[i for i in range(10**9)]',
  '{i: i for i in range(10**8)}',
  "''.join(['x'] * 10**9)",
  "''.join('x' for _ in range(10**9))",
  "'-'.join(['abc'] * 10**8)",
  "'x'.ljust(10**10)",
  "'x'.center(10**10)",
  "'x'.zfill(10**10)",
  "'x\\ty'.expandtabs(10**10)",
  "'%*d' % (10**10, 1)",
  "'{:>10000000000}'.format(1)",
  "f'{1:>10000000000}'",
  "format(1, '10000000000')",
  '10 ** 10**8',
  '2 ** 10**10',
  '(10**5000) ** 10**5',
  '1 << 10**10',
  '1 << 10**5 << 10**5',
  'pow(3, 10**9)',
  'str(10**100000)',
  'int("9" * 100000)',
  'repr(10**5000)',
  '10**100000 * 10**100000',
  'list(bytes(10**8))',
  "'x' * 10**7 + 'y' * 10**7",
  '[0] * 10**6 * 1000',
  'range(10**18)[::-1]',
  'len(range(10**30))',
  'list(zip(range(10**9), range(10**9)))',
  'list(enumerate(range(10**9)))',
  'list(map(str, range(10**9)))',
  'sum(range(10**12))',
  'max(range(10**12))',
  '[0] * -10**20',
  '[0] * 10**100',
  "'x' * 10**100",
  "'x' * (1 << 63)",
];

const HUGE_LITERALS: ((random: Random) => string)[] = [
  () => '1' + '0'.repeat(100_000),
  () => '0x' + 'f'.repeat(50_000),
  () => "'" + 'x'.repeat(10_000_000) + "'",
  () => "'" + 'x'.repeat(1_000_000) + "'",
  () => '"""' + 'line\n'.repeat(200_000) + '"""',
  () => 'b"' + 'x'.repeat(1_000_000) + '"',
  () => '[' + '1, '.repeat(100_000) + ']',
  () => '{' + Array.from({ length: 20_000 }, (_, i) => `${i}: ${i}`).join(', ') + '}',
  () => '(' + '"a", '.repeat(50_000) + ')',
  () => "f'" + '{x}'.repeat(50_000) + "'",
  () => '1.' + '5'.repeat(100_000),
  () => '1e' + '9'.repeat(1000),
  (random) => String(random.below(10)) + '_0'.repeat(50_000),
];

/** Statements with effects HeapScope must follow (and sometimes refuse). */
const STATEMENTS = [
  'import gc',
  'import sys',
  'import weakref',
  'gc.collect()',
  'gc.disable()',
  'gc.set_threshold(1)',
  'gc.set_threshold(0)',
  'gc.freeze()',
  'sys.setrecursionlimit(10**6)',
  'sys.setrecursionlimit(50)',
  'sys.setrecursionlimit(2**31)',
  'x = []; x.append(x)',
  'del x',
  'x = None',
  'raise',
  'raise ValueError("fuzz")',
  'return',
  'yield',
  'break',
  'continue',
  'global x',
  'nonlocal x',
  'pass',
  'print(sys.getrefcount(x))',
  'print(x)',
  'r = weakref.ref(x)',
  'class D:\n    def __del__(self): print("del", self)',
  'class E:\n    def __del__(self): global keep; keep = self',
  'def rec(n): return rec(n + 1)\nrec(0)',
  'def rec2(): return [rec2() for _ in range(2)]\nrec2()',
  'class R:\n    def __repr__(self): return repr(self)\nrepr(R())',
  'class A:\n    def __getattr__(self, n): return getattr(self, n)\nA().x',
  'class L:\n    def __len__(self): return len(self)\nlen(L())',
  'class H:\n    def __hash__(self): return hash(self)\n{H()}',
  'class Q:\n    def __eq__(self, o): return self == o\nQ() == Q()',
  'def g():\n    yield from g()\nlist(g())',
  'l = []\nfor i in range(10**7): l.append(i)',
  'while True: pass',
  'while True: x = [x]',
  'x = []\nwhile True: x = [x]',
  'while 1: print("y" * 1000)',
  'for i in iter(int, 1): pass',
  'a = []\nb = [a]\na.append(b)\ndel a, b',
  'exec("x = 1")',
  'eval("1")',
  '__import__("os")',
  'import os',
  'from . import x',
  'async def co(): await co()',
  'print(*range(10**8))',
  'print("x" * 10**7, "y" * 10**7)',
  "x = 'é' * 10**6\nprint(x.encode())",
];

const UNICODE = [
  '\u0000',
  '\u00a0',
  '\u200b',
  '\u200e',
  '\u202e',
  '\ufeff',
  '\ufffd',
  '\u0301',
  '\u000c',
  '\u000b',
  '\r',
  '\r\n',
  '\u2028',
  '\u0085',
  'é',
  'ß',
  'ﬁ',
  '𝔘',
  '😀',
  '\u{10ffff}',
  'λ',
  'ℌ',
  '٣',
  '\\N{',
  '\\x',
  '\\u12',
  '\\',
];

function mutateLines(name: string, edit: (all: string[], random: Random) => void): Mutation {
  return {
    name,
    apply: (source, random) => {
      const all = lines(source);
      if (all.length === 0) return source;
      edit(all, random);
      return all.join('\n');
    },
  };
}

function mutateTokens(name: string, edit: (all: string[], random: Random, corpus: readonly string[]) => void): Mutation {
  return {
    name,
    apply: (source, random, corpus) => {
      const all = tokens(source);
      if (all.length === 0) return source;
      edit(all, random, corpus);
      return all.join('');
    },
  };
}

/** Indices of tokens that are not whitespace. */
function solidTokens(all: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < all.length; i++) if (!/^\s+$/.test(all[i])) out.push(i);
  return out;
}

export const MUTATIONS: readonly Mutation[] = [
  mutateLines('delete line', (all, r) => void all.splice(r.below(all.length), 1 + (r.chance(0.3) ? r.below(5) : 0))),
  mutateLines('duplicate line', (all, r) => {
    const i = r.below(all.length);
    const n = 1 + (r.chance(0.3) ? r.below(4) : 0);
    all.splice(i, 0, ...all.slice(i, i + n));
  }),
  mutateLines('swap lines', (all, r) => {
    const i = r.below(all.length);
    const j = r.chance(0.5) ? Math.min(all.length - 1, i + 1) : r.below(all.length);
    [all[i], all[j]] = [all[j], all[i]];
  }),
  mutateLines('delete indentation', (all, r) => {
    const i = r.below(all.length);
    for (let k = i; k < Math.min(all.length, i + 1 + (r.chance(0.3) ? r.below(6) : 0)); k++) all[k] = all[k].replace(/^[ \t]+/, '');
  }),
  mutateLines('change indentation', (all, r) => {
    const i = r.below(all.length);
    all[i] = r.pick([' ', '  ', '\t', ' \t', '\t ', '        ', '\f']) + all[i];
  }),
  mutateLines('tabs for spaces', (all, r) => {
    const from = r.below(all.length);
    for (let k = from; k < all.length && (k === from || r.chance(0.7)); k++) {
      all[k] = all[k].replace(/^( {4}|  )+/, (m) => (r.chance(0.5) ? '\t'.repeat(Math.ceil(m.length / 4)) : m.replace(/ {4}/, '\t')));
    }
  }),
  mutateTokens('delete token', (all, r) => {
    const solid = solidTokens(all);
    if (solid.length) all.splice(r.pick(solid), 1);
  }),
  mutateTokens('duplicate token', (all, r) => {
    const solid = solidTokens(all);
    if (solid.length) {
      const i = r.pick(solid);
      all.splice(i, 0, all[i]);
    }
  }),
  mutateTokens('swap tokens', (all, r) => {
    const solid = solidTokens(all);
    if (solid.length < 2) return;
    const a = r.below(solid.length);
    const b = r.chance(0.6) ? Math.min(solid.length - 1, a + 1) : r.below(solid.length);
    [all[solid[a]], all[solid[b]]] = [all[solid[b]], all[solid[a]]];
  }),
  mutateTokens('replace token', (all, r, corpus) => {
    const solid = solidTokens(all);
    const donorTokens = tokens(r.pick(corpus));
    const donor = solidTokens(donorTokens);
    if (solid.length && donor.length) all[r.pick(solid)] = donorTokens[r.pick(donor)];
  }),
  mutateTokens('insert keyword', (all, r) => {
    const words = ['if', 'else', 'for', 'in', 'not', 'del', 'return', 'yield', 'lambda', 'global', 'nonlocal', 'await', 'async', 'class', 'def', 'with', 'as', 'try', 'except', 'finally', 'raise', 'from', 'import', 'is', 'None', 'match', 'case', 'type', '_', '*', '**', ':', ',', '(', ')', '[', ']', '{', '}', '=', ':=', '->', '@', '.', '...', ';', '\\', '#', '"""', "'", 'f"', 'b"', 'r"', 't"'];
    all.splice(r.below(all.length + 1), 0, ' ' + r.pick(words) + ' ');
  }),
  {
    name: 'truncate',
    apply: (source, random) => source.slice(0, cutPoint(source, random.below(source.length + 1))),
  },
  {
    name: 'splice programs',
    apply: (source, random, corpus) => {
      const mine = lines(source);
      const other = lines(random.pick(corpus));
      const at = random.below(mine.length + 1);
      const from = random.below(other.length);
      mine.splice(at, 0, ...other.slice(from, from + 1 + random.below(8)));
      return mine.join('\n');
    },
  },
  {
    name: 'deep blocks',
    apply: (source, random) =>
      insertLines(source, random, (indent) => nestedBlocks(Math.min(depth(random), 300), random.pick(BLOCKS), indent, random.pick(['pass', 'x = 1', 'f()', 'return 1', 'break', 'yield']), random.pick([' ', '  ', '    ', '\t']))),
  },
  {
    name: 'deep expression',
    apply: (source, random) => insertLines(source, random, (indent) => `${indent}x = ${nestedExpression(depth(random), random)}`),
  },
  {
    name: 'deep functions',
    apply: (source, random) =>
      insertLines(source, random, (indent) => {
        const n = random.pick([10, 50, 98, 99, 100, 150]);
        const out: string[] = [];
        for (let i = 0; i < n; i++) out.push(`${indent}${'    '.repeat(i)}def f${i}(x):`);
        out.push(`${indent}${'    '.repeat(n)}return x`);
        for (let i = n - 1; i >= 0; i--) out.push(`${indent}${'    '.repeat(i)}${i === n - 1 ? `return f${n - 1}(x)` : `return f${i + 1}(x)`}`);
        out.push(`${indent}print(f0(1))`);
        return out.join('\n');
      }),
  },
  {
    name: 'huge allocation',
    apply: (source, random) => insertLines(source, random, (indent) => `${indent}${random.pick(['x', 'y', '_'])} = ${random.pick(HUGE_EXPRESSIONS)}`),
  },
  {
    name: 'huge literal',
    apply: (source, random) => insertLines(source, random, (indent) => `${indent}x = ${random.pick(HUGE_LITERALS)(random)}`),
  },
  {
    name: 'long line',
    apply: (source, random) =>
      insertLines(source, random, (indent) => {
        const n = random.pick([1000, 10_000, 100_000, 1_000_000]);
        switch (random.below(5)) {
          case 0:
            return `${indent}x = ` + Array(Math.min(n, 200_000)).fill('1').join('+');
          case 1:
            return `${indent}# ` + 'c'.repeat(n);
          case 2:
            return `${indent}${'v'.repeat(n)} = 1`;
          case 3:
            return indent + Array(Math.min(n, 100_000)).fill('x = 1').join('; ');
          default:
            return `${indent}print(${Array(Math.min(n, 50_000)).fill('x').join(', ')})`;
        }
      }),
  },
  {
    name: 'statement',
    apply: (source, random) => insertLines(source, random, (indent) => random.pick(STATEMENTS).split('\n').map((l) => indent + l).join('\n')),
  },
  {
    name: 'unicode',
    apply: (source, random) => {
      const at = cutPoint(source, random.below(source.length + 1));
      const text = random.chance(0.2) ? String.fromCodePoint(random.below(0x110000)).replace(/[\ud800-\udfff]/, '\ufffd') : random.pick(UNICODE);
      return source.slice(0, at) + text + source.slice(at);
    },
  },
];

/** Applies one to four random mutations to a random corpus program. */
export function mutate(random: Random, corpus: readonly string[]): { source: string; mutations: string[]; from: number } {
  const from = random.below(corpus.length);
  let source = corpus[from];
  const applied: string[] = [];
  for (let n = 1 + (random.chance(0.5) ? random.below(4) : 0); n > 0; n--) {
    const mutation = random.pick(MUTATIONS);
    source = mutation.apply(source, random, corpus);
    applied.push(mutation.name);
  }
  return { source, mutations: applied, from };
}
