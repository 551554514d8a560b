/**
 * Hovers, the pure half: what is under the mouse (an access path such as `a`, `node.next`,
 * `items[0]`, or the callee of `sys.getrefcount(...)` / `gc.collect()`), and the Markdown
 * that describes the object or the probe's value. The provider (hoverProvider.ts) asks the
 * worker for the facts in between.
 */
import type { GcStatus } from '../protocol';
import type { HoverFacts, HoverReferrer, HoverTarget } from './worker/protocol';

const KEYWORDS = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except finally for from global if import in is ' +
    'lambda nonlocal not or pass raise return try while with yield match case type'
  ).split(' '),
);

/** A target under the cursor, with the columns it spans in the line. */
export interface TargetAt {
  readonly target: HoverTarget;
  readonly start: number;
  readonly end: number;
}

interface Part {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: 'name' | 'attr' | 'index';
}

const NAME = /[\p{L}_][\p{L}\p{N}_]*/uy;
const INDEX = /\[\s*(-?\d+|'[^'\\]*'|"[^"\\]*")\s*\]/y;
const ATTR = /\s*\.\s*([\p{L}_][\p{L}\p{N}_]*)/uy;

type Scan = { readonly kind: 'string'; readonly quote: string; readonly f: boolean } | { kind: 'field'; depth: number };

/**
 * Which columns of `line` are code: not in a string literal or a comment, but inside an
 * f-string's replacement fields (`f"{sys.getrefcount(a)}"`) again. A line-local guess: a
 * string continued from the line above is not seen.
 */
function codeMask(line: string): boolean[] {
  const code: boolean[] = new Array(line.length).fill(false);
  const stack: Scan[] = [];
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    const top = stack[stack.length - 1];
    if (top?.kind === 'string') {
      if (ch === '\\') i++;
      else if (top.f && ch === '{') {
        if (line[i + 1] === '{') i++;
        else stack.push({ kind: 'field', depth: 0 });
      } else if (line.startsWith(top.quote, i)) {
        i += top.quote.length - 1;
        stack.pop();
      }
      continue;
    }
    if (ch === '#' && top === undefined) break;
    if (ch === '"' || ch === "'") {
      const quote = line.startsWith(ch.repeat(3), i) ? ch.repeat(3) : ch;
      const prefix = /[A-Za-z]{0,2}$/.exec(line.slice(0, i))![0];
      stack.push({ kind: 'string', quote, f: /f/i.test(prefix) && /^[rbfu]*$/i.test(prefix) });
      i += quote.length - 1;
      continue;
    }
    if (top?.kind === 'field') {
      if (ch === '{' || ch === '[' || ch === '(') top.depth++;
      else if (ch === '}' && top.depth === 0) {
        stack.pop();
        continue;
      } else if (ch === '}' || ch === ']' || ch === ')') top.depth--;
    }
    code[i] = true;
  }
  return code;
}

/** The access chain starting at `start`: a name, then `.attr` and `[literal]` parts. */
function chainAt(line: string, start: number): Part[] {
  NAME.lastIndex = start;
  const first = NAME.exec(line);
  if (!first) return [];
  const parts: Part[] = [{ text: first[0], start, end: start + first[0].length, kind: 'name' }];
  let at = parts[0].end;
  for (;;) {
    ATTR.lastIndex = at;
    const attr = ATTR.exec(line);
    if (attr) {
      const nameStart = at + attr[0].length - attr[1].length;
      parts.push({ text: `.${attr[1]}`, start: nameStart, end: at + attr[0].length, kind: 'attr' });
      at += attr[0].length;
      continue;
    }
    INDEX.lastIndex = at;
    const index = INDEX.exec(line);
    if (index) {
      parts.push({ text: `[${index[1]}]`, start: at, end: at + index[0].length, kind: 'index' });
      at += index[0].length;
      continue;
    }
    return parts;
  }
}

/**
 * What to describe for a hover at `character` in `line`: the access path up to the hovered
 * part (`a.b` when hovering `b` in `a.b.c`), with the probe call it names, if any. Null in
 * strings, comments, on keywords and on anything that is not a plain access path.
 */
export function hoverTargetAt(line: string, character: number): TargetAt | null {
  if (character < 0 || character > line.length) return null;
  const code = codeMask(line);
  const isWord = (i: number): boolean => i >= 0 && i < line.length && /[\p{L}\p{N}_]/u.test(line[i]);
  // Chains start at a name not preceded by a dot (`f().x` is not a path we can resolve).
  for (let i = 0; i < line.length; i++) {
    if (!code[i] || !/[\p{L}_]/u.test(line[i]) || isWord(i - 1)) continue;
    const parts = chainAt(line, i);
    if (parts.length === 0) continue;
    const last = parts[parts.length - 1];
    const chainEnd = last.end;
    if (character < i || character >= chainEnd) {
      i = chainEnd - 1;
      continue;
    }
    if (/[.\p{N}]/u.test(line.slice(0, i).trimEnd().slice(-1))) return null;
    if (parts.some((p) => !code[p.start])) return null;
    const hovered = parts.findIndex((p) => character >= (p.kind === 'attr' ? p.start - 1 : p.start) && character < p.end);
    if (hovered === -1) return null;
    if (KEYWORDS.has(parts[0].text)) return null;
    // A string prefix (`f"..."`, `rb'...'`) is not a name.
    if (parts.length === 1 && /^[rbfuRBFU]{1,2}$/.test(parts[0].text) && /['"]/.test(line[chainEnd] ?? '')) return null;
    const used = parts.slice(0, hovered + 1);
    const expression = used.map((p) => p.text).join('');
    const after = line.slice(chainEnd).trimStart();
    const callee = last.kind === 'attr' ? last.text.slice(1) : last.kind === 'name' ? last.text : '';
    const probe =
      hovered === parts.length - 1 && after.startsWith('(') && (callee === 'getrefcount' || callee === 'collect')
        ? { kind: callee as 'getrefcount' | 'collect', column: i }
        : undefined;
    return { target: probe ? { expression, probe } : { expression }, start: i, end: used[used.length - 1].end };
  }
  return null;
}

/** Inline code that survives backticks in the text. */
function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

function escapeText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+!|]/g, (c) => `\\${c}`);
}

/** `name \`a\` in <module>`, `list#3[0]`, `Node#5.next`, `key of dict#2`... */
export function describeReferrer(r: HoverReferrer): string {
  let text: string;
  if (r.variable) text = `${code(r.label)} in ${escapeText(r.holderName)}`;
  else if (r.label.startsWith('[') || r.label.startsWith('.')) text = code(`${r.holderName}${r.label}`);
  else if (r.label.startsWith('key ')) text = `key of ${code(r.holderName)}`;
  else text = `${escapeText(r.holderName)} (${escapeText(r.label)})`;
  return r.hidden ? `${text} *(not drawn)*` : text;
}

function gcText(gc: GcStatus): string {
  switch (gc.kind) {
    case 'generation':
      return `tracked by the cycle collector, **${escapeText(gc.label)}**`;
    case 'untracked':
      return 'not tracked by the cycle collector (it cannot be part of a cycle)';
    case 'immortal':
      return 'immortal (PEP 683): never freed, its count never moves';
    case 'permanent':
      return 'in the permanent generation (`gc.freeze()`): never collected';
  }
}

const MAX_REFERRERS = 12;

export interface HoverTextOptions {
  /** The line as the user sees it (a document line, 1-based). */
  readonly line: number;
  /** A `command:` URI that opens the panel on the object; omitted without a link. */
  readonly openLink?: string;
}

/** The hover's Markdown. Only `openLink` may be a command link; everything else is escaped. */
export function hoverMarkdown(facts: HoverFacts, options: HoverTextOptions): string {
  const out: string[] = [];
  const where = `line ${options.line}${facts.execution.count > 1 ? `, execution ${facts.execution.index} of ${facts.execution.count}` : ''}`;
  if (facts.probe) {
    const values = facts.probe.values;
    const value = values[Math.min(facts.execution.index, values.length) - 1];
    if (facts.probe.kind === 'getrefcount') {
      out.push(`${code('sys.getrefcount(...)')} returns **${value}** here`);
      out.push('The count includes the reference held by the call’s own argument while it runs.');
    } else {
      out.push(`${code('gc.collect()')} returns **${value}** here`);
      out.push('The number of unreachable objects the collection found (CPython counts the objects it freed plus the uncollectable ones).');
    }
    if (values.length > 1) out.push(`Each execution: ${values.join(', ')}`);
  }
  const obj = facts.object;
  if (obj) {
    const title = facts.expression ? `${code(facts.expression)} → ` : '';
    out.push(`${title}${code(obj.type)} ${code(obj.name)}: ${code(obj.value.length > 80 ? `${obj.value.slice(0, 79)}…` : obj.value)}`);
    if (obj.gc.kind === 'immortal') out.push(`refcount **${obj.refcount}** (the fixed count of an immortal object)`);
    else {
      const holders = obj.referrers.slice(0, MAX_REFERRERS).map((r) => `- ${describeReferrer(r)}`);
      if (obj.referrers.length > MAX_REFERRERS) holders.push(`- … and ${obj.referrers.length - MAX_REFERRERS} more`);
      if (obj.externalRefs > 0) holders.push(`- the interpreter itself (${obj.externalRefs})`);
      out.push(`refcount **${obj.refcount}**${holders.length > 0 ? ', held by:' : ''}\n${holders.join('\n')}`);
    }
    const status = [gcText(obj.gc), obj.garbage ? '**cycle garbage**: unreachable, only the cycle collector can free it' : 'reachable'];
    if (obj.finalized) status.push('`__del__` already ran');
    out.push(status.join(' · '));
    if (facts.when === 'before') out.push(`*${code(facts.expression ?? '')} is unbound after this line; shown as it was just before it ran.*`);
  }
  if (out.length === 0) return '';
  const footer = `*HeapScope, after ${where} · CPython ${facts.version} (simulated)*`;
  out.push(options.openLink && obj ? `${footer} · [Show in Heap Inspector](${options.openLink})` : footer);
  return out.join('\n\n');
}
