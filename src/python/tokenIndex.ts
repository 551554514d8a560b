/**
 * Looks tokens up by text offset and pairs brackets. pyright widens a node's range to
 * take in the parentheses around it (`(a + b)` covers the parentheses), and sometimes
 * only one of them (`(yield)` covers `yield)`); CPython's positions exclude them, except
 * that a parenthesized tuple or generator expression owns its innermost pair. The lowering
 * asks this index to undo the widening.
 */
import type { Token } from '@zzzen/pyright-internal/dist/parser/tokenizerTypes';
import { TokenType } from './pyrightEnums';

export class TokenIndex {
  /** For each bracket token, the index of its partner, or -1. */
  private readonly partner: Int32Array;

  constructor(readonly tokens: readonly Token[]) {
    this.partner = new Int32Array(tokens.length).fill(-1);
    const open: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const type = tokens[i].type;
      if (type === TokenType.OpenParenthesis || type === TokenType.OpenBracket || type === TokenType.OpenCurlyBrace) {
        open.push(i);
      } else if (type === TokenType.CloseParenthesis || type === TokenType.CloseBracket || type === TokenType.CloseCurlyBrace) {
        const expected = closerOf(tokens[open[open.length - 1]]?.type);
        if (open.length > 0 && expected === type) {
          const j = open.pop()!;
          this.partner[i] = j;
          this.partner[j] = i;
        }
      }
    }
  }

  /** Index of the first token that starts at or after `offset` (tokens.length if none). */
  firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the last token that ends at or before `offset` (-1 if none). */
  lastEndingBy(offset: number): number {
    let i = this.firstAtOrAfter(offset) - 1;
    // Zero-length tokens (NewLine at end of file, Dedent) can sit at `offset` itself.
    while (i >= 0 && this.tokens[i].start + this.tokens[i].length > offset) i--;
    return i;
  }

  /** The token that starts exactly at `offset`, if any. */
  at(offset: number): Token | undefined {
    const i = this.firstAtOrAfter(offset);
    return i < this.tokens.length && this.tokens[i].start === offset ? this.tokens[i] : undefined;
  }

  /** The partner of the bracket token at index `i`, or -1. */
  partnerOf(i: number): number {
    return this.partner[i];
  }

  /** The first token at or after `offset` that is not a newline, indent or dedent. */
  nextSignificant(offset: number): Token | undefined {
    for (let i = this.firstAtOrAfter(offset); i < this.tokens.length; i++) {
      const t = this.tokens[i];
      if (t.type !== TokenType.NewLine && t.type !== TokenType.Indent && t.type !== TokenType.Dedent) return t;
    }
    return undefined;
  }

  /** The last token ending at or before `offset` that is not a newline, indent or dedent. */
  previousSignificant(offset: number): Token | undefined {
    for (let i = this.lastEndingBy(offset); i >= 0; i--) {
      const t = this.tokens[i];
      if (t.type !== TokenType.NewLine && t.type !== TokenType.Indent && t.type !== TokenType.Dedent) return t;
    }
    return undefined;
  }

  /**
   * Widens [start, end) so that no parenthesis inside it is paired with one outside:
   * pyright's `(yield)` covers `yield)`, and this brings the `(` back in. pyright's
   * ranges are made of whole sub-expressions, so only the first and last tokens can be
   * such strays.
   */
  balance(start: number, end: number): [number, number] {
    let first = this.firstAtOrAfter(start);
    let last = this.lastEndingBy(end);
    if (first > last) return [start, end];
    for (let changed = true; changed; ) {
      changed = false;
      const closerPartner = this.partner[last];
      if (closerPartner >= 0 && closerPartner < first) {
        first = closerPartner;
        changed = true;
      }
      const openerPartner = this.partner[first];
      if (openerPartner > last) {
        last = openerPartner;
        changed = true;
      }
    }
    return [Math.min(start, this.tokens[first].start), Math.max(end, this.tokens[last].start + this.tokens[last].length)];
  }

  /**
   * Removes the parentheses that enclose all of [start, end). With `keepInnermost`, the
   * innermost pair stays: it belongs to a parenthesized tuple or generator expression.
   */
  stripParens(start: number, end: number, keepInnermost = false): [number, number] {
    [start, end] = this.balance(start, end);
    let first = this.firstAtOrAfter(start);
    let last = this.lastEndingBy(end);
    let kept: [number, number] | undefined;
    while (
      first < last &&
      this.tokens[first].type === TokenType.OpenParenthesis &&
      this.partner[first] === last
    ) {
      kept = [this.tokens[first].start, this.tokens[last].start + this.tokens[last].length];
      first++;
      last--;
    }
    if (keepInnermost && kept) return kept;
    if (first > last) return [start, end];
    return [this.tokens[first].start, this.tokens[last].start + this.tokens[last].length];
  }
}

function closerOf(type: TokenType | undefined): TokenType | undefined {
  switch (type) {
    case TokenType.OpenParenthesis:
      return TokenType.CloseParenthesis;
    case TokenType.OpenBracket:
      return TokenType.CloseBracket;
    case TokenType.OpenCurlyBrace:
      return TokenType.CloseCurlyBrace;
    default:
      return undefined;
  }
}
