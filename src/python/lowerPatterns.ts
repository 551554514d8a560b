/**
 * `match` statements: pyright's pattern nodes into CPython's (MatchValue, MatchAs, ...).
 * pyright wraps every pattern in a PatternAs node (alternatives plus an optional `as`
 * name); CPython has a MatchOr only for two or more alternatives and a MatchAs only for
 * captures, wildcards and `as`.
 */
import {
  type MatchNode,
  type PatternAtomNode,
  type PatternAsNode,
  type SuiteNode,
} from '@zzzen/pyright-internal/dist/parser/parseNodes';
import { KeywordType, ParseNodeType, TokenType } from './pyrightEnums';

import type { Expr, Match, MatchCase, Pattern, Position, Stmt } from './ast';
import type { LowerContext } from './lowerContext';

export function lowerMatch(cx: LowerContext, node: MatchNode, suite: (s: SuiteNode) => Stmt[]): Match {
  const cases: MatchCase[] = node.d.cases.map((c) => ({
    kind: 'match_case',
    pattern: pattern(cx, c.d.pattern),
    guard: c.d.guardExpr ? cx.expr(c.d.guardExpr) : null,
    body: suite(c.d.suite),
  }));
  const lastCase = cases[cases.length - 1];
  const lastStmt = lastCase?.body[lastCase.body.length - 1];
  const start = cx.pos(node.d.firstToken.start, node.d.firstToken.start);
  return {
    kind: 'Match',
    subject: cx.expr(node.d.expr),
    cases,
    lineno: start.lineno,
    col_offset: start.col_offset,
    end_lineno: lastStmt?.end_lineno ?? start.lineno,
    end_col_offset: lastStmt?.end_col_offset ?? start.col_offset,
  };
}

function pattern(cx: LowerContext, node: PatternAtomNode): Pattern {
  switch (node.nodeType) {
    case ParseNodeType.PatternAs:
      return patternAs(cx, node);
    case ParseNodeType.PatternSequence: {
      const [start, end] = sequenceRange(cx, node.start, node.start + node.length);
      return { kind: 'MatchSequence', patterns: node.d.entries.map((e) => pattern(cx, e)), ...cx.pos(start, end) };
    }
    case ParseNodeType.PatternLiteral: {
      const expr = node.d.expr;
      const position = rangePos(cx, node.start, node.start + node.length);
      if (expr.nodeType === ParseNodeType.Constant) {
        switch (expr.d.constType) {
          case KeywordType.None:
            return { kind: 'MatchSingleton', value: { type: 'None' }, ...position };
          case KeywordType.True:
            return { kind: 'MatchSingleton', value: { type: 'bool', value: true }, ...position };
          case KeywordType.False:
            return { kind: 'MatchSingleton', value: { type: 'bool', value: false }, ...position };
        }
      }
      return { kind: 'MatchValue', value: cx.expr(expr), ...position };
    }
    case ParseNodeType.PatternValue:
      return { kind: 'MatchValue', value: cx.expr(node.d.expr), ...rangePos(cx, node.start, node.start + node.length) };
    case ParseNodeType.PatternCapture: {
      const name = node.d.isWildcard ? null : cx.identifier(node.d.target.d.value);
      const position = rangePos(cx, node.start, node.start + node.length);
      return node.d.isStar ? { kind: 'MatchStar', name, ...position } : { kind: 'MatchAs', pattern: null, name, ...position };
    }
    case ParseNodeType.PatternClass: {
      const patterns: Pattern[] = [];
      const kwd_attrs: string[] = [];
      const kwd_patterns: Pattern[] = [];
      for (const arg of node.d.args) {
        if (arg.d.name) {
          kwd_attrs.push(cx.identifier(arg.d.name.d.value));
          kwd_patterns.push(pattern(cx, arg.d.pattern));
        } else {
          patterns.push(pattern(cx, arg.d.pattern));
        }
      }
      // pyright's range stops before the closing parenthesis; CPython's includes it.
      const nameEnd = node.d.className.start + node.d.className.length;
      const openIndex = cx.tokens.firstAtOrAfter(nameEnd);
      const closeIndex = cx.tokens.partnerOf(openIndex);
      const close = closeIndex >= 0 ? cx.tokens.tokens[closeIndex] : undefined;
      const end = close ? close.start + close.length : node.start + node.length;
      return { kind: 'MatchClass', cls: cx.expr(node.d.className), patterns, kwd_attrs, kwd_patterns, ...cx.pos(node.start, end) };
    }
    case ParseNodeType.PatternMapping: {
      const keys: Expr[] = [];
      const patterns: Pattern[] = [];
      let rest: string | null = null;
      for (const entry of node.d.entries) {
        if (entry.nodeType === ParseNodeType.PatternMappingExpandEntry) {
          rest = cx.identifier(entry.d.target.d.value);
        } else {
          const key = entry.d.keyPattern;
          if (key.nodeType !== ParseNodeType.Error) keys.push(cx.expr(key.d.expr));
          if (entry.d.valuePattern.nodeType !== ParseNodeType.Error) patterns.push(pattern(cx, entry.d.valuePattern));
        }
      }
      return { kind: 'MatchMapping', keys, patterns, rest, ...rangePos(cx, node.start, node.start + node.length) };
    }
    default: {
      // pyright rejects the empty mapping pattern `{}` (valid Python): it consumes the
      // `{` and reports the `}`. Build CPython's MatchMapping and forgive the report.
      const open = cx.tokens.previousSignificant(node.start);
      const close = cx.tokens.at(node.start);
      if (open?.type === TokenType.OpenCurlyBrace && close?.type === TokenType.CloseCurlyBrace) {
        cx.pyrightFalseAlarms.push([open.start, close.start + 1]);
        return { kind: 'MatchMapping', keys: [], patterns: [], rest: null, ...cx.pos(open.start, close.start + 1) };
      }
      return { kind: 'MatchAs', pattern: null, name: null, ...rangePos(cx, node.start, node.start + node.length) };
    }
  }
}

function patternAs(cx: LowerContext, node: PatternAsNode): Pattern {
  const alternatives = node.d.orPatterns.map((p) => pattern(cx, p));
  let inner: Pattern;
  if (alternatives.length === 1) {
    inner = alternatives[0];
  } else {
    const first = alternatives[0];
    const last = alternatives[alternatives.length - 1];
    inner = {
      kind: 'MatchOr',
      patterns: alternatives,
      lineno: first.lineno,
      col_offset: first.col_offset,
      end_lineno: last.end_lineno,
      end_col_offset: last.end_col_offset,
    };
  }
  if (!node.d.target) return inner;
  const name = node.d.target;
  const end = cx.pos(name.start + name.length, name.start + name.length);
  return {
    kind: 'MatchAs',
    pattern: inner,
    name: cx.identifier(name.d.value),
    lineno: inner.lineno,
    col_offset: inner.col_offset,
    end_lineno: end.end_lineno,
    end_col_offset: end.end_col_offset,
  };
}

/** A pattern's range without grouping parentheses. */
function rangePos(cx: LowerContext, start: number, end: number): Position {
  const [s, e] = cx.tokens.stripParens(start, end);
  return cx.pos(s, e);
}

/** A sequence pattern owns its brackets, or, when open (`case a, b,:`), a trailing comma. */
function sequenceRange(cx: LowerContext, start: number, end: number): [number, number] {
  const first = cx.tokens.at(start);
  if (first && (first.type === TokenType.OpenBracket || first.type === TokenType.OpenParenthesis)) {
    return cx.tokens.stripParens(start, end, true);
  }
  const next = cx.tokens.nextSignificant(end);
  if (next && next.type === TokenType.Comma) return [start, next.start + 1];
  return [start, end];
}
