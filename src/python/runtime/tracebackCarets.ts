/**
 * The line of carets 3.11+ print under a traceback entry's source line, marking the
 * expression that was running (`~~^~~` under `x + y`, `~^^^^^` under `d["k"]`). As
 * CPython does, the marked segment is parsed again to find its anchors: a binary
 * operator, a subscript's brackets and, from 3.13, a call's parentheses.
 */
import type * as ast from '../ast';
import { parseModule } from '../parse';
import type { LanguageProfile } from '../profile';

interface Anchors {
  /** Offsets in the segment: `~` before `left`, `^` from `left` to `right`, `~` after. */
  readonly left: number;
  readonly right: number;
}

/**
 * The caret line for `line` (the whole source line) when the failing expression spans
 * columns [start, end) of it (`end` -1: it goes on to further lines), or '' when CPython
 * prints none.
 */
export function caretLine(line: string, start: number, end: number, profile: LanguageProfile): string {
  if (!profile.tracebackCarets || start < 0) return '';
  if (end < 0) {
    // An expression over several lines: 3.11 and 3.12 mark the rest of its first line (3.13
    // prints every line of it, which is not drawn here).
    if (profile.tracebackCallAnchors) return '';
    end = line.trimEnd().length;
  }
  if (end <= start || end > line.length) return '';
  const segment = line.slice(start, end);
  const anchors = anchorsOf(segment, profile);
  const stripped = line.trim();
  const indent = line.length - line.trimStart().length;
  if (profile.tracebackCallAnchors) {
    if (callIsWholeValue(stripped, start - indent, end - indent, profile)) return '';
    if (!anchors && !line.slice(0, start).trim() && !line.slice(end).trim()) return '';
  } else if (!anchors && end - start >= stripped.length) {
    return '';
  }
  const marks = anchors ? '~'.repeat(anchors.left) + '^'.repeat(anchors.right - anchors.left) + '~'.repeat(segment.length - anchors.right) : '^'.repeat(segment.length);
  return `    ${' '.repeat(start - indent)}${marks}\n`;
}

/** The segment's top expression, parsed alone (in parentheses, as 3.13 does), with offsets into the segment. */
function expressionOf(segment: string, profile: LanguageProfile): ast.Expr | null {
  if (segment.includes('\n')) return null;
  const parsed = parseModule(`(${segment})`, { version: profile.version });
  const statement = parsed.module.body[0];
  if (parsed.errors.length > 0 || parsed.module.body.length !== 1 || statement.kind !== 'Expr') return null;
  return statement.value;
}

function anchorsOf(segment: string, profile: LanguageProfile): Anchors | null {
  const e = expressionOf(segment, profile);
  if (e === null) return null;
  // Offsets in the parsed text are one past the segment's (the opening parenthesis).
  switch (e.kind) {
    case 'BinOp': {
      // The operator: the first character after the left operand that is neither space nor ')'; two characters for `//`, `**`, `<<`...
      for (let i = e.left.end_col_offset - 1; i < e.right.col_offset - 1; i++) {
        const c = segment[i];
        if (c === ' ' || c === '\t' || c === '\f' || c === ')') continue;
        const wide = i + 1 < e.right.col_offset - 1 && !/\s/.test(segment[i + 1]);
        return { left: i, right: i + (wide ? 2 : 1) };
      }
      return null;
    }
    case 'Subscript':
      return { left: e.value.end_col_offset - 1, right: Math.min(segment.length, e.slice.end_col_offset) };
    case 'Call': {
      if (!profile.tracebackCallAnchors) return null;
      let left = e.func.end_col_offset - 1;
      while (left < segment.length && segment[left] !== '(') left++;
      return left < segment.length ? { left, right: e.end_col_offset - 1 } : null;
    }
    default:
      return null;
  }
}

/**
 * 3.13 leaves `name = f(...)` and `return f(...)` unmarked when the call is the whole
 * value: the line says enough.
 */
function callIsWholeValue(stripped: string, start: number, end: number, profile: LanguageProfile): boolean {
  const text = stripped.startsWith('return') ? `def _():\n ${stripped}` : stripped;
  const parsed = parseModule(text, { version: profile.version });
  if (parsed.errors.length > 0) return false;
  let statement = parsed.module.body[0];
  let shift = 0;
  if (statement?.kind === 'FunctionDef') {
    statement = statement.body[0];
    shift = 1;
  }
  let value: ast.Expr | null = null;
  if (statement?.kind === 'Return' && statement.value?.kind === 'Call' && statement.value.func.kind === 'Name') value = statement.value;
  if (statement?.kind === 'Assign' && statement.targets.length === 1 && statement.targets[0].kind === 'Name' && statement.value.kind === 'Call') value = statement.value;
  return value !== null && value.lineno === value.end_lineno && value.col_offset - shift === start && value.end_col_offset - shift === end;
}
