/**
 * Navigation over CPython's tokens (from `tokenize.ts`) for the syntax-error rules that
 * CPython's parser states in terms of tokens: which expression ends right before a
 * token, which starts at it, whether two expressions sit side by side with no operator.
 * The scans follow the grammar's precedence levels only as far as the error rules need.
 */
import type { PyToken } from './tokenize';

export const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** Binary operators of the levels between `bitwise_or` and `power`. */
const ARITHMETIC = new Set(['+', '-', '*', '/', '//', '%', '**', '@', '<<', '>>', '&', '|', '^']);
const COMPARISON = new Set(['<', '>', '<=', '>=', '==', '!=']);

export type ScanLevel = 'bitwise_or' | 'disjunction' | 'expression' | 'star_expressions';

export class TokenStream {
  private readonly partner: Int32Array;

  constructor(
    readonly tokens: readonly PyToken[],
    readonly text: string,
  ) {
    this.partner = new Int32Array(tokens.length).fill(-1);
    const open: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = this.textOf(i);
      if (tokens[i].type !== 'OP') continue;
      if (t === '(' || t === '[' || t === '{') open.push(i);
      else if ((t === ')' || t === ']' || t === '}') && open.length) {
        const j = open.pop()!;
        this.partner[i] = j;
        this.partner[j] = i;
      }
    }
  }

  get length(): number {
    return this.tokens.length;
  }

  textOf(i: number): string {
    const t = this.tokens[i];
    return t ? this.text.slice(t.start, t.end) : '';
  }

  partnerOf(i: number): number {
    return this.partner[i] ?? -1;
  }

  /** Index of the first token starting at or after `offset`. */
  indexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the last token ending at or before `offset`, skipping zero-width ones. */
  indexEndingAt(offset: number): number {
    let i = this.indexAt(offset) - 1;
    while (i >= 0 && (this.tokens[i].end > offset || this.tokens[i].end === this.tokens[i].start)) i--;
    return i;
  }

  isOp(i: number, ...ops: string[]): boolean {
    return this.tokens[i]?.type === 'OP' && ops.includes(this.textOf(i));
  }

  isKeyword(i: number, ...words: string[]): boolean {
    if (this.tokens[i]?.type !== 'NAME') return false;
    const t = this.textOf(i);
    return KEYWORDS.has(t) && (words.length === 0 || words.includes(t));
  }

  /** A NAME that is not a keyword (soft keywords are names). */
  isName(i: number): boolean {
    return this.tokens[i]?.type === 'NAME' && !KEYWORDS.has(this.textOf(i));
  }

  /** Can this token be the last of an expression? */
  endsExpression(i: number): boolean {
    const t = this.tokens[i];
    if (!t) return false;
    switch (t.type) {
      case 'NAME':
        return this.isName(i) || this.isKeyword(i, 'True', 'False', 'None');
      case 'NUMBER':
      case 'STRING':
      case 'FSTRING_END':
        return true;
      case 'OP':
        return !t.fstringPart && [')', ']', '}', '...'].includes(this.textOf(i));
      default:
        return false;
    }
  }

  /**
   * Can this token start an expression that cannot continue the one before it? Excludes
   * `(` and `[` (they would be a call or subscript) and `+`/`-`/`*` (binary operators).
   */
  startsSeparateExpression(i: number): boolean {
    const t = this.tokens[i];
    if (!t) return false;
    switch (t.type) {
      case 'NAME':
        if (this.isName(i) || this.isKeyword(i, 'True', 'False', 'None', 'lambda', 'await')) return true;
        return this.isKeyword(i, 'not') && !this.isKeyword(i + 1, 'in');
      case 'NUMBER':
      case 'STRING':
      case 'FSTRING_START':
        return true;
      case 'OP':
        return !t.fstringPart && ['{', '...', '~'].includes(this.textOf(i));
      default:
        return false;
    }
  }

  /** Is token i a string (or the end of an f-string) that the next string continues? */
  isStringEnd(i: number): boolean {
    const t = this.tokens[i];
    return t?.type === 'STRING' || t?.type === 'FSTRING_END';
  }

  isStringStart(i: number): boolean {
    const t = this.tokens[i];
    return t?.type === 'STRING' || t?.type === 'FSTRING_START';
  }

  /** Index of the first token of the primary (atom with trailers) ending at token i. */
  private primaryStart(i: number): number {
    let k = i;
    for (;;) {
      if (this.isOp(k, ')', ']', '}')) {
        const open = this.partnerOf(k);
        if (open < 0) return k;
        k = open;
        // A call or subscript trailer continues the primary before it.
        if (this.isOp(k, '(', '[') && this.endsExpression(k - 1)) {
          k--;
          continue;
        }
        return k;
      }
      if (this.tokens[k]?.type === 'FSTRING_END') {
        let depth = 0;
        while (k > 0) {
          if (this.tokens[k]?.type === 'FSTRING_END') depth++;
          else if (this.tokens[k]?.type === 'FSTRING_START' && --depth === 0) break;
          k--;
        }
      }
      // Implicitly concatenated strings form one atom.
      while (this.isStringStart(k) && this.isStringEnd(k - 1)) {
        k--;
        if (this.tokens[k]?.type === 'FSTRING_END') {
          let depth = 0;
          while (k > 0) {
            if (this.tokens[k]?.type === 'FSTRING_END') depth++;
            else if (this.tokens[k]?.type === 'FSTRING_START' && --depth === 0) break;
            k--;
          }
        }
      }
      if (this.isOp(k - 1, '.') && (this.endsExpression(k - 2) || this.isOp(k - 2, ')', ']', '}'))) {
        k -= 2;
        continue;
      }
      return k;
    }
  }

  /**
   * Index of the first token of the expression at `level` that ends at token i: the `a`
   * of CPython's `a=disjunction b=expression` error rules.
   */
  expressionStartBefore(i: number, level: ScanLevel = 'disjunction'): number {
    let k = this.primaryStart(i);
    for (;;) {
      // Prefix operators of this operand.
      while (this.isOp(k - 1, '-', '+', '~') && !this.endsExpression(k - 2)) k--;
      if (this.isKeyword(k - 1, 'await')) k--;
      if (level !== 'bitwise_or') while (this.isKeyword(k - 1, 'not') && !this.endsExpression(k - 2)) k--;
      const op = k - 1;
      const text = this.textOf(op);
      const binary =
        (this.tokens[op]?.type === 'OP' && (ARITHMETIC.has(text) || (level !== 'bitwise_or' && COMPARISON.has(text)))) ||
        (level !== 'bitwise_or' && this.isKeyword(op, 'and', 'or', 'is', 'in'));
      if (!binary || !this.endsExpression(op - 1)) {
        // `not in` and `is not` are two-token operators.
        if (level !== 'bitwise_or' && this.isKeyword(op, 'not') && this.isKeyword(op - 1, 'is') && this.endsExpression(op - 2)) {
          k = this.primaryStart(op - 2);
          continue;
        }
        return k;
      }
      if (this.isKeyword(op, 'in') && this.isKeyword(op - 1, 'not')) {
        if (!this.endsExpression(op - 2)) return k;
        k = this.primaryStart(op - 2);
        continue;
      }
      // `for x in y`: the `in` belongs to the for clause, not to an expression.
      const left = this.primaryStart(op - 1);
      if (this.isKeyword(op, 'in') && this.isKeyword(left - 1, 'for')) return k;
      k = left;
    }
  }

  /**
   * Index one past the last token of the expression at `level` that starts at token i,
   * or i itself if no expression starts there.
   */
  expressionEndFrom(i: number, level: ScanLevel = 'expression'): number {
    let k = i;
    for (;;) {
      const afterOperand = this.operandEnd(k, level);
      if (afterOperand === k) return i === k ? i : k;
      k = afterOperand;
      const text = this.textOf(k);
      const isBinary =
        (this.tokens[k]?.type === 'OP' && !this.tokens[k].fstringPart && (ARITHMETIC.has(text) || (level !== 'bitwise_or' && COMPARISON.has(text)))) ||
        (level !== 'bitwise_or' && this.isKeyword(k, 'and', 'or', 'in', 'is'));
      if (isBinary) {
        k += this.isKeyword(k, 'is') && this.isKeyword(k + 1, 'not') ? 2 : 1;
        continue;
      }
      if (level !== 'bitwise_or' && this.isKeyword(k, 'not') && this.isKeyword(k + 1, 'in')) {
        k += 2;
        continue;
      }
      if ((level === 'expression' || level === 'star_expressions') && this.isKeyword(k, 'if')) {
        // A conditional expression; without its `else` it ends before the `if`.
        const testEnd = this.expressionEndFrom(k + 1, 'disjunction');
        if (!this.isKeyword(testEnd, 'else')) return k;
        k = testEnd + 1;
        continue;
      }
      if (level === 'star_expressions' && this.isOp(k, ',') && this.operandEnd(k + 1, level) > k + 1) {
        k++;
        continue;
      }
      return k;
    }
  }

  /** One past the operand (prefix operators, atom, trailers) starting at token i. */
  private operandEnd(i: number, level: ScanLevel): number {
    let k = i;
    while (this.isOp(k, '-', '+', '~') || this.isKeyword(k, 'await') || (level !== 'bitwise_or' && this.isKeyword(k, 'not'))) k++;
    if (level === 'star_expressions' && this.isOp(k, '*')) k++;
    if (this.isKeyword(k, 'lambda') && level !== 'bitwise_or' && level !== 'disjunction') {
      // Parameters up to the ':'; an incomplete lambda ends where the ':' was wanted.
      let j = k + 1;
      for (;;) {
        if (this.isOp(j, ':')) return this.expressionEndFrom(j + 1, 'expression');
        if (this.isName(j) || this.isOp(j, ',', '*', '**', '/')) j++;
        else if (this.isOp(j, '=')) j = Math.max(j + 1, this.expressionEndFrom(j + 1, 'expression'));
        else return j;
      }
    }
    const t = this.tokens[k];
    if (!t) return i;
    if (t.type === 'NAME') {
      if (!this.isName(k) && !this.isKeyword(k, 'True', 'False', 'None')) return i;
      k++;
    } else if (t.type === 'NUMBER') {
      k++;
    } else if (t.type === 'STRING' || t.type === 'FSTRING_START') {
      while (this.isStringStart(k)) k = this.stringEnd(k);
    } else if (this.isOp(k, '(', '[', '{')) {
      const close = this.partnerOf(k);
      if (close < 0) return i;
      k = close + 1;
    } else if (this.isOp(k, '...')) {
      k++;
    } else {
      return i;
    }
    // Trailers.
    for (;;) {
      if (this.isOp(k, '(', '[') && !this.tokens[k]?.fstringPart) {
        const close = this.partnerOf(k);
        if (close < 0) return k;
        k = close + 1;
      } else if (this.isOp(k, '.') && this.tokens[k + 1]?.type === 'NAME') {
        k += 2;
      } else {
        return k;
      }
    }
  }

  /** One past a string token or a whole f-string starting at i. */
  private stringEnd(i: number): number {
    if (this.tokens[i]?.type === 'STRING') return i + 1;
    let depth = 0;
    for (let k = i; k < this.tokens.length; k++) {
      if (this.tokens[k].type === 'FSTRING_START') depth++;
      else if (this.tokens[k].type === 'FSTRING_END' && --depth === 0) return k + 1;
    }
    return this.tokens.length;
  }
}
