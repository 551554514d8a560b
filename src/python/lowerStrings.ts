/**
 * String literals, implicit concatenation and f-strings, as CPython 3.12's parser builds
 * them (`_PyPegen_concatenate_strings`, `_PyPegen_formatted_value` in
 * Parser/action_helpers.c). pyright hands f-strings over as tokens plus the parsed
 * replacement-field expressions; the conversions, `=` debug text and format specs are
 * rebuilt here from the tokens.
 *
 * Positions follow 3.12 for every version: a literal part spans its source text (a whole
 * plain string token, or the f-string text between fields), merged across adjacent parts;
 * a replacement field spans its braces; a format spec spans from its `:` to the closing
 * brace. (3.10 and 3.11 positioned f-string parts differently; nothing in HeapScope
 * depends on those positions.)
 */
import {
  type ExpressionNode,
  type FormatStringNode,
  type StringListNode,
  type StringNode,
} from '@zzzen/pyright-internal/dist/parser/parseNodes';
import type { Token } from '@zzzen/pyright-internal/dist/parser/tokenizerTypes';
import { OperatorType, ParseNodeType, StringTokenFlags, TokenType } from './pyrightEnums';
import type { Constant, Expr, FormattedValue, JoinedStr, SyntaxWarningInfo } from './ast';
import type { LowerContext } from './lowerContext';
import { decodeBytes, decodeStr, type InvalidEscape } from './stringLiterals';

type Part =
  | { readonly kind: 'text'; readonly value: string; readonly start: number; readonly end: number }
  | { readonly kind: 'field'; readonly node: FormattedValue };

export function lowerStringList(cx: LowerContext, node: StringListNode | StringNode | FormatStringNode): Expr {
  const strings = node.nodeType === ParseNodeType.StringList ? node.d.strings : [node];
  const [start, end] = cx.exprRange(node as ExpressionNode);
  const position = cx.pos(start, end);
  const isBytes = strings.map((s) => ((s.nodeType === ParseNodeType.String ? s.d.token.flags : s.d.token.flags) & StringTokenFlags.Bytes) !== 0);
  if (isBytes.some((b) => b) && isBytes.some((b) => !b)) {
    cx.problems.push({ message: 'cannot mix bytes and nonbytes literals', start, end });
  }

  if (!strings.some((s) => s.nodeType === ParseNodeType.FormatString)) {
    const first = strings[0] as StringNode | undefined;
    // Only a lowercase `u` prefix sets kind (CPython checks the first character).
    const constKind = first && cx.text[first.d.token.start] === 'u' ? 'u' : null;
    if (isBytes[0]) {
      const chunks = strings.map((s) => bytesValue(cx, s as StringNode));
      const total = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let at = 0;
      for (const chunk of chunks) {
        total.set(chunk, at);
        at += chunk.length;
      }
      return { kind: 'Constant', value: { type: 'bytes', value: total }, constKind, ...position };
    }
    const value = strings.map((s) => strValue(cx, s as StringNode)).join('');
    return { kind: 'Constant', value: { type: 'str', value }, constKind, ...position };
  }

  const parts: Part[] = [];
  for (const s of strings) {
    if (s.nodeType === ParseNodeType.String) {
      parts.push({ kind: 'text', value: strValue(cx, s), start: s.start, end: s.start + s.length });
    } else {
      parts.push(...fstringParts(cx, s));
    }
  }
  const values = joinParts(cx, parts, true);
  if (strings.some((s) => s.nodeType === ParseNodeType.FormatString && (s.d.token.flags & StringTokenFlags.Template) !== 0)) {
    // 3.14 template strings: the same parts, fields as Interpolations that keep their
    // expression's source text. (No CPython 3.14 to check positions against here.)
    return { kind: 'TemplateStr', values: values.map((v) => (v.kind === 'FormattedValue' ? interpolation(cx, v) : v)), ...position };
  }
  return { kind: 'JoinedStr', values, ...position };
}

function interpolation(cx: LowerContext, v: FormattedValue): Expr {
  const start = cx.lines.offsetOf(v.value.lineno, v.value.col_offset);
  const end = cx.lines.offsetOf(v.value.end_lineno, v.value.end_col_offset);
  // As parsed, a format spec is always a JoinedStr.
  const format_spec = v.format_spec?.kind === 'JoinedStr' ? v.format_spec : null;
  return {
    kind: 'Interpolation',
    value: v.value,
    str: cx.text.slice(start, end),
    conversion: v.conversion,
    format_spec,
    lineno: v.lineno,
    col_offset: v.col_offset,
    end_lineno: v.end_lineno,
    end_col_offset: v.end_col_offset,
  };
}

/** Merges adjacent text parts into one Constant each; drops empty ones if asked. */
function joinParts(cx: LowerContext, parts: readonly Part[], dropEmpty: boolean): Expr[] {
  const values: Expr[] = [];
  let pending: { value: string; start: number; end: number } | undefined;
  const flush = () => {
    if (pending && (!dropEmpty || pending.value !== '')) values.push(textConstant(cx, pending.value, pending.start, pending.end));
    pending = undefined;
  };
  for (const part of parts) {
    if (part.kind === 'text') {
      pending = pending ? { value: pending.value + part.value, start: pending.start, end: part.end } : { ...part };
    } else {
      flush();
      values.push(part.node);
    }
  }
  flush();
  return values;
}

function textConstant(cx: LowerContext, value: string, start: number, end: number): Constant {
  return { kind: 'Constant', value: { type: 'str', value }, constKind: null, ...cx.pos(start, end) };
}

function body(cx: LowerContext, token: Token & { prefixLength: number; quoteMarkLength: number; flags: number }): string {
  const open = token.start + token.prefixLength + token.quoteMarkLength;
  const unterminated = (token.flags & StringTokenFlags.Unterminated) !== 0;
  const close = token.start + token.length - (unterminated ? 0 : token.quoteMarkLength);
  return cx.text.slice(open, Math.max(open, close));
}

/**
 * Notes a literal's first invalid escape as pegen's warn_invalid_escape_sequence words it,
 * at the line where the literal's token starts.
 */
function noteEscape(cx: LowerContext, escape: InvalidEscape | undefined, at: number, into: SyntaxWarningInfo[] = cx.escapeWarnings): void {
  if (!escape) return;
  const message = escape.octal ? `invalid octal escape sequence '\\${escape.text}'` : `invalid escape sequence '\\${escape.text}'`;
  into.push({ lineno: cx.lines.lineOf(at), message });
}

function strValue(cx: LowerContext, node: StringNode): string {
  const token = node.d.token;
  const decoded = decodeStr(body(cx, token), (token.flags & StringTokenFlags.Raw) !== 0);
  noteEscape(cx, decoded.ok ? decoded.invalidEscape : undefined, token.start);
  if (decoded.ok) return decoded.value;
  cx.problems.push({ message: decoded.error.message, start: token.start, end: token.start + token.length });
  return '';
}

function bytesValue(cx: LowerContext, node: StringNode): Uint8Array {
  const token = node.d.token;
  const decoded = decodeBytes(body(cx, token), (token.flags & StringTokenFlags.Raw) !== 0);
  noteEscape(cx, decoded.ok ? decoded.invalidEscape : undefined, token.start);
  if (decoded.ok) return decoded.value;
  cx.problems.push({ message: decoded.error.message, start: token.start, end: token.start + token.length });
  return new Uint8Array();
}

/**
 * The literal text of an f-string middle token: `{{` and `}}` collapse, escapes decode.
 * Its escape warning goes to `warnings` (the f-string's own list: see `fstringParts`).
 */
function middleValue(cx: LowerContext, token: Token, raw: boolean, warnings: SyntaxWarningInfo[]): string {
  const source = cx.text.slice(token.start, token.start + token.length);
  const text = source.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  const decoded = decodeStr(text, raw);
  let escape = decoded.ok ? decoded.invalidEscape : undefined;
  // A backslash right before a replacement field's brace: CPython reads it as the escape `\{`.
  const next = cx.text[token.start + token.length];
  if (!raw && !escape && (next === '{' || next === '}') && /(^|[^\\])(\\\\)*\\$/.test(source)) escape = { text: next, octal: false };
  noteEscape(cx, escape, token.start, warnings);
  if (decoded.ok) return decoded.value;
  cx.problems.push({ message: decoded.error.message, start: token.start, end: token.start + token.length });
  return '';
}

/** Walks one f-string's tokens, pairing each replacement field with its parsed expression. */
function fstringParts(cx: LowerContext, node: FormatStringNode): Part[] {
  const tokens = cx.tokens.tokens;
  const raw = (node.d.token.flags & StringTokenFlags.Raw) !== 0;
  const fields = [...node.d.fieldExprs];
  let nextField = 0;
  const stop = node.start + node.length;
  let i = cx.tokens.firstAtOrAfter(node.d.token.start) + 1;
  const parts: Part[] = [];

  /** Parses the field whose `{` is tokens[i]; returns the FormattedValue and its parts. */
  const field = (): Part[] => {
    const open = tokens[i];
    const expr = fields[nextField++];
    if (!expr) {
      i = tokens.length;
      return [];
    }
    const out: Part[] = [];
    i = cx.tokens.firstAtOrAfter(expr.start + expr.length);
    let conversion = -1;
    let debug = false;
    if (isOperator(tokens[i], OperatorType.Assign)) {
      debug = true;
      i++;
      out.push({ kind: 'text', value: cx.text.slice(open.start + 1, tokens[i]?.start ?? open.start + 1), start: open.start + 1, end: tokens[i]?.start ?? open.start + 1 });
    }
    if (tokens[i]?.type === TokenType.ExclamationMark) {
      const name = tokens[i + 1];
      const letter = name?.type === TokenType.Identifier ? cx.text.slice(name.start, name.start + name.length) : '';
      conversion = letter === 's' ? 115 : letter === 'r' ? 114 : letter === 'a' ? 97 : -1;
      if (conversion < 0) {
        cx.problems.push({
          message:
            cx.version === '3.10' || cx.version === '3.11'
              ? "f-string: invalid conversion character: expected 's', 'r', or 'a'"
              : `f-string: invalid conversion character '${letter}': expected 's', 'r', or 'a'`,
          start: name?.start ?? tokens[i].start,
          end: (name?.start ?? tokens[i].start) + (name?.length ?? 1),
        });
      }
      i += name?.type === TokenType.Identifier ? 2 : 1;
    }
    let formatSpec: JoinedStr | null = null;
    if (tokens[i]?.type === TokenType.Colon) {
      const colon = tokens[i++];
      const specParts: Part[] = [];
      while (i < tokens.length && tokens[i].start < stop) {
        const t = tokens[i];
        if (t.type === TokenType.FStringMiddle) {
          specParts.push({ kind: 'text', value: middleValue(cx, t, raw, cx.escapeWarnings), start: t.start, end: t.start + t.length });
          i++;
        } else if (t.type === TokenType.OpenCurlyBrace) {
          specParts.push(...field());
        } else {
          break;
        }
      }
      const specEnd = tokens[i]?.start ?? stop;
      let values: Expr[];
      if (cx.version === '3.12') {
        // 3.12's tokenizer ends a spec with a (possibly empty) text token, and only a
        // spec that is nothing but that empty text becomes an empty JoinedStr.
        if (specParts.length === 0 || specParts[specParts.length - 1].kind === 'field') {
          specParts.push({ kind: 'text', value: '', start: specEnd, end: specEnd });
        }
        values = joinParts(cx, specParts, false);
        if (values.length === 1 && values[0].kind === 'Constant' && values[0].value.type === 'str' && values[0].value.value === '') values = [];
      } else {
        values = joinParts(cx, specParts, true);
      }
      formatSpec = { kind: 'JoinedStr', values, ...cx.pos(colon.start, specEnd) };
    }
    const close = tokens[i];
    const end = close?.type === TokenType.CloseCurlyBrace ? close.start + 1 : (close?.start ?? stop);
    if (close?.type === TokenType.CloseCurlyBrace) i++;
    if (debug && conversion < 0 && !formatSpec) conversion = 114;
    out.push({
      kind: 'field',
      node: { kind: 'FormattedValue', value: cx.expr(expr), conversion, format_spec: formatSpec, ...cx.pos(open.start, end) },
    });
    return out;
  };

  // pegen decodes a format spec's text when it reduces the field, and the f-string's own
  // text when it reduces the whole f-string: the spec's warnings come first.
  const ownWarnings: SyntaxWarningInfo[] = [];
  while (i < tokens.length && tokens[i].start < stop) {
    const t = tokens[i];
    if (t.type === TokenType.FStringEnd) break;
    if (t.type === TokenType.FStringMiddle) {
      parts.push({ kind: 'text', value: middleValue(cx, t, raw, ownWarnings), start: t.start, end: t.start + t.length });
      i++;
    } else if (t.type === TokenType.OpenCurlyBrace) {
      parts.push(...field());
    } else {
      // pyright already reported whatever broke the f-string.
      break;
    }
  }
  cx.escapeWarnings.push(...ownWarnings);
  return parts;
}

function isOperator(token: Token | undefined, operator: OperatorType): boolean {
  return token?.type === TokenType.Operator && (token as Token & { operatorType: OperatorType }).operatorType === operator;
}
