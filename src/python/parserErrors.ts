/**
 * The errors CPython's parser raises (Grammar/python.gram, its `invalid_*` rules, and the
 * generic "invalid syntax" at the token where parsing stopped), found from three
 * sources: pyright's diagnostics, which say *where* a statement went wrong; CPython's own
 * tokens (`tokenize.ts`), on which most `invalid_*` rules are stated; and our tree, for
 * targets (`invalidTargets.ts`). Each rule yields candidates; `syntaxErrors.ts` keeps the
 * one CPython meets first.
 */
import type { Module } from './ast';
import { ErrorLocator, type ErrorCandidate } from './errorLocation';
import { exprName } from './exprNames';
import { parseExpressionText } from './exprKind';
import { findTargetErrors } from './invalidTargets';
import { legacyFieldExpressions, legacyFStringError } from './legacyFStrings';
import type { LineMap } from './lineMap';
import type { LoweringProblem } from './lowerContext';
import type { PyrightDiagnostic } from './pyright';
import type { Tokenized } from './tokenize';
import { TokenStream } from './tokenStream';
import type { PythonVersion } from '../protocol';

export interface ParserErrorSources {
  /** Parses another text (an f-string field) with the same pipeline; its first error. */
  readonly reparse?: (text: string) => ErrorCandidate['error'] | undefined;
  readonly text: string;
  readonly lines: LineMap;
  readonly version: PythonVersion;
  readonly tokenized: Tokenized;
  readonly diagnostics: readonly PyrightDiagnostic[];
  readonly falseAlarms: readonly (readonly [number, number])[];
  readonly problems: readonly LoweringProblem[];
  readonly module: Module;
}

/** pyright diagnostics that are not parser errors in CPython (later stages report them). */
const NOT_PARSER_ERRORS = new Set([
  'returnOutsideFunction',
  'breakOutsideLoop',
  'continueOutsideLoop',
  'duplicateParam',
  'walrusNotAllowedInComprehension',
  'casePatternIsIrrefutable',
  'duplicateCapturePatternTarget',
  'duplicateStarPattern',
  'namedExceptAfterCatchAll',
  'duplicateCatchAll',
  'unpackOperatorNotAllowed',
  'duplicateUnpack',
  'finallyReturn',
  'finallyBreak',
  'finallyContinue',
  'returnInExceptionGroup',
  'breakInExceptionGroup',
  'continueInExceptionGroup',
  'annotationStringEscape',
  'annotationSpansStrings',
  'annotationFormatString',
  'orPatternMissingName',
  'orPatternIrrefutable',
  'awaitIllegal',
  'yieldFromIllegal',
  'walrusIllegal',
  'maxParseDepthExceeded',
  // The tokenizer (tokenize.ts) reports these in CPython's words.
  'stringUnterminated',
  'inconsistentTabs',
  'inconsistentIndent',
  'invalidIdentifierChar',
  'unexpectedUnindent',
  // Decoding errors come from our own literal decoding (lowerStrings.ts).
  'stringNonAsciiBytes',
  'formatStringUnicode',
  'formatStringBytes',
  // compileErrors.ts: "patterns may only match literals and attribute lookups".
  'formatStringInPattern',
  // Before 3.14 `t"..."` is a name and a string side by side: the adjacency rule.
  'templateStringIllegal',
]);

/** Headers whose ':' CPython's grammar forces (`&&':'`): "expected ':'" at any token. */
const FORCED_COLON = new Set(['def', 'try', 'else', 'finally']);

const HEADER_NAMES: Record<string, string> = {
  if: "'if' statement",
  elif: "'elif' statement",
  else: "'else' statement",
  while: "'while' statement",
  for: "'for' statement",
  with: "'with' statement",
  try: "'try' statement",
  except: "'except' statement",
  finally: "'finally' statement",
  def: 'function definition',
  class: 'class definition',
  match: "'match' statement",
  case: "'case' statement",
};

export function findParserErrors(src: ParserErrorSources): ErrorCandidate[] {
  return new ParserErrorFinder(src).run();
}

class ParserErrorFinder {
  private readonly locate: ErrorLocator;
  private readonly ts: TokenStream;
  private readonly newStyleNewline: boolean;
  private readonly candidates: ErrorCandidate[] = [];

  constructor(private readonly src: ParserErrorSources) {
    this.locate = new ErrorLocator(src.lines);
    this.ts = new TokenStream(src.tokenized.tokens, src.text);
    // 3.12 gave NEWLINE tokens a width of one character; errors there end one further.
    this.newStyleNewline = src.version !== '3.10' && src.version !== '3.11';
  }

  run(): ErrorCandidate[] {
    this.adjacentExpressions();
    this.walrusTargets();
    if (this.atLeast(12)) this.lambdaInFString();
    else this.legacyFStrings();
    for (const d of this.src.diagnostics) {
      if (this.src.falseAlarms.some(([s, e]) => d.start >= s && d.start < e)) continue;
      this.fromPyright(d);
    }
    for (const p of this.src.problems) this.fromLowering(p);
    this.candidates.push(
      ...findTargetErrors(this.src.module, {
        locate: this.locate,
        isParenthesized: (e) => this.isParenthesized(e),
        hasOwnParens: (e) => this.src.text[this.locate.startOf(e)] === '(',
        invalidSyntaxAfter: (e) => this.onToken(this.ts.indexAt(this.locate.endOf(e)), 'invalid syntax'),
      }),
    );
    return this.candidates;
  }

  private reparse(text: string): ErrorCandidate['error'] | undefined {
    return this.src.reparse?.(text);
  }

  private get version(): PythonVersion {
    return this.src.version;
  }

  private atLeast(minor: number): boolean {
    return Number(this.version.split('.')[1]) >= minor;
  }

  // --- locating ----------------------------------------------------------------------

  /** An error on token i, as CPython's RAISE_SYNTAX_ERROR at a token reports it. */
  private onToken(i: number, message: string, type: ErrorCandidate['error']['type'] = 'SyntaxError'): ErrorCandidate {
    const t = this.ts.tokens[Math.min(i, this.ts.length - 1)];
    if (!t) return this.locate.range(message, this.src.text.length, this.src.text.length, type);
    if (t.type === 'ENDMARKER' || (t.type === 'DEDENT' && t.start >= this.src.text.length)) {
      // At the end of the file CPython has no token column: it reports the end of the
      // last line (its newline included) and no end.
      const last = Math.max(0, this.src.text.length - 1);
      const lineno = this.src.lines.lineOf(last);
      const offset = this.src.lines.charOffset(last);
      return { at: t.start, error: { type, message, lineno, offset, end_lineno: lineno, end_offset: -1 } };
    }
    if (t.type === 'NEWLINE' || t.type === 'DEDENT' || t.type === 'INDENT') {
      // A NEWLINE is one character wide since 3.12 (even the implicit one at the end).
      const c = this.locate.range(message, t.start, t.start, type);
      const wide = this.newStyleNewline && t.type === 'NEWLINE' ? 1 : 0;
      return { ...c, error: { ...c.error, end_offset: c.error.offset + wide } };
    }
    return this.locate.range(message, t.start, t.end, type);
  }

  private add(c: ErrorCandidate | undefined): void {
    if (c) this.candidates.push(c);
  }

  /** The token that contains (or follows) a text offset. */
  private tokenCovering(offset: number): number {
    const i = this.ts.indexAt(offset);
    const previous = this.ts.tokens[i - 1];
    if (previous && previous.start < offset && previous.end > offset) return i - 1;
    return i;
  }

  /** Is this expression wrapped in parentheses of its own (not a call's or a tuple's)? */
  private isParenthesized(e: { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number }): boolean {
    const start = this.locate.startOf(e);
    const end = this.locate.endOf(e);
    const first = this.ts.indexAt(start);
    const before = first - 1;
    const after = this.ts.partnerOf(before);
    if (!this.ts.isOp(before, '(') || after < 0) return false;
    // A parenthesized tuple owns its parentheses: they are inside its range.
    if (this.ts.tokens[before].start >= start) return false;
    return this.ts.tokens[after].start >= end && this.ts.indexEndingAt(end) === after - 1 && !this.ts.endsExpression(before - 1);
  }

  /** Is the token at the start of a logical line? */
  private atStatementStart(i: number): boolean {
    const previous = this.ts.tokens[i - 1];
    return !previous || previous.type === 'NEWLINE' || previous.type === 'INDENT' || previous.type === 'DEDENT' || this.ts.isOp(i - 1, ';');
  }

  /** `from ... import x`: dots and names follow each other there. */
  private inImportStatement(i: number): boolean {
    let k = i;
    while (k > 0 && !this.atStatementStart(k)) k--;
    return this.ts.isKeyword(k, 'from', 'import');
  }

  private inFString(i: number): boolean {
    let depth = 0;
    for (let k = Math.min(i, this.ts.length - 1); k >= 0; k--) {
      const t = this.ts.tokens[k];
      if (t.type === 'FSTRING_END') depth++;
      else if (t.type === 'FSTRING_START') {
        if (depth === 0) return true;
        depth--;
      } else if (t.type === 'NEWLINE') return false;
    }
    return false;
  }

  // --- two expressions side by side --------------------------------------------------

  /**
   * `[1 2]`, `f(a b)`, `print "x"`, `x = 1 2`: an expression followed by another with no
   * operator between. CPython's `invalid_expression` asks for a comma inside brackets;
   * `invalid_legacy_expression` recognises Python 2's print and exec statements.
   */
  private adjacentExpressions(): void {
    const ts = this.ts;
    for (let i = 1; i < ts.length; i++) {
      if (!ts.endsExpression(i - 1) || !ts.startsSeparateExpression(i)) continue;
      if (ts.isStringEnd(i - 1) && ts.isStringStart(i)) continue;
      const previousText = ts.textOf(i - 1);
      if (this.inImportStatement(i)) continue;
      if (this.atStatementStart(i - 1) && ts.isName(i - 1)) {
        if (previousText === 'match' || previousText === 'case') continue;
        if (previousText === 'type' && this.atLeast(12)) continue;
      }
      if ((previousText === 'print' || previousText === 'exec') && ts.isName(i - 1) && !ts.isOp(i - 2, '.')) {
        const end = ts.expressionEndFrom(i, 'star_expressions');
        this.add(
          this.locate.range(
            `Missing parentheses in call to '${previousText}'. Did you mean ${previousText}(...)?`,
            ts.tokens[i - 1].start,
            ts.tokens[Math.max(i, end - 1)].end,
          ),
        );
        return;
      }
      if (ts.tokens[i].level > 0) {
        const aStart = ts.expressionStartBefore(i - 1);
        if (ts.isKeyword(aStart - 1, 'if') && ts.endsExpression(aStart - 2)) {
          const bodyStart = ts.expressionStartBefore(aStart - 2);
          this.add(this.locate.range("expected 'else' after 'if' expression", ts.tokens[bodyStart].start, ts.tokens[i - 1].end));
          return;
        }
        const nameString = ts.isName(aStart) && ts.isStringStart(aStart + 1);
        const softKeyword = ['match', 'case', 'type', '_'].includes(ts.textOf(aStart)) && ts.isName(aStart);
        if (!nameString && !softKeyword) {
          const bEnd = ts.expressionEndFrom(i, 'expression');
          const prefix = this.fstringPrefix(i);
          this.add(
            this.locate.range(`${prefix}invalid syntax. Perhaps you forgot a comma?`, ts.tokens[aStart].start, ts.tokens[Math.max(i, bEnd - 1)].end),
          );
          return;
        }
      }
      this.add(this.onToken(i, `${this.fstringPrefix(i)}invalid syntax`));
      return;
    }
  }

  /** Since 3.12, errors inside an f-string's replacement field say so. */
  private fstringPrefix(i: number): string {
    return this.atLeast(12) && this.inFString(i) ? 'f-string: ' : '';
  }

  /** `(a.b := 1)`: only a name may be the target of `:=`. */
  private walrusTargets(): void {
    const ts = this.ts;
    for (let i = 1; i < ts.length; i++) {
      if (!ts.isOp(i, ':=') || !ts.endsExpression(i - 1)) continue;
      const start = ts.expressionStartBefore(i - 1);
      if (start === i - 1 && ts.isName(start)) continue;
      const from = ts.tokens[start].start;
      const to = ts.tokens[i - 1].end;
      const target = parseExpressionText(this.src.text.slice(from, to), this.version);
      if (!target) continue;
      this.add(this.locate.range(`cannot use assignment expressions with ${exprName(target)}`, from, to));
      return;
    }
  }

  // --- f-strings ---------------------------------------------------------------------

  /** `f"{lambda x: 1}"`: the `:` starts the format spec, so 3.12 asks for parentheses. */
  private lambdaInFString(): void {
    const ts = this.ts;
    for (let i = 0; i + 1 < ts.length; i++) {
      if (!(ts.tokens[i].fstringPart && ts.isOp(i, '{') && ts.isKeyword(i + 1, 'lambda'))) continue;
      let colon = i + 2;
      while (colon < ts.length && !(ts.tokens[colon].fstringPart && ts.isOp(colon, ':', '}'))) colon++;
      const end = ts.tokens[Math.min(colon, ts.length - 1)].end;
      this.add(this.locate.range('f-string: lambda expressions are not allowed without parentheses', ts.tokens[i + 1].start, end));
      return;
    }
  }

  /**
   * Before 3.12 an f-string is one STRING token whose fields Python/ast.c's
   * fstring_find_expr scans character by character; its errors point past the string.
   */
  private legacyFStrings(): void {
    const ts = this.ts;
    for (let i = 0; i < ts.length; i++) {
      const t = ts.tokens[i];
      if (t.type !== 'STRING') continue;
      const text = ts.textOf(i);
      const prefix = /^[a-zA-Z]*/.exec(text)![0].toLowerCase();
      if (!prefix.includes('f')) continue;
      const quote = text.slice(prefix.length).startsWith(text[prefix.length].repeat(3)) ? 3 : 1;
      const body = text.slice(prefix.length + quote, text.length - quote);
      const message = legacyFStringError(body, prefix.includes('r'));
      if (message) {
        this.add(this.legacyFString(i, message));
        return;
      }
      if (this.src.diagnostics.some((d) => d.start >= t.start && d.start < t.end)) {
        const error = this.legacyFieldError(body);
        if (error) {
          this.add({ at: t.start, error });
          return;
        }
      }
    }
  }

  /**
   * Before 3.12 each field's expression was compiled on its own, as `(expr)`, and its
   * errors kept the positions of that little text: CPython reports them as they are.
   */
  private legacyFieldError(body: string): ErrorCandidate['error'] | undefined {
    for (const expression of legacyFieldExpressions(body)) {
      const result = this.reparse(`(${expression})`);
      if (result) return { ...result, message: `f-string: ${result.message}` };
    }
    return undefined;
  }

  // --- `=` where an expression is expected ---------------------------------------------

  /**
   * `if x = 1:`, `[a=1]`: CPython's `invalid_named_expression`, which suggests `==` or
   * `:=` when a name or a simple operand stands before the `=` and after it.
   */
  private equalsInExpression(eq: number): ErrorCandidate {
    const ts = this.ts;
    if (!ts.endsExpression(eq - 1) || !this.namedExpressionContext(eq)) return this.onToken(eq, 'invalid syntax');
    const leftStart = ts.expressionStartBefore(eq - 1, 'disjunction');
    const rightEnd = ts.expressionEndFrom(eq + 1, 'bitwise_or');
    const rightOk = rightEnd > eq + 1 && !ts.isOp(rightEnd, '=', ':=');
    const leftIsOperand = ts.expressionEndFrom(leftStart, 'bitwise_or') === eq;
    if (!rightOk || !leftIsOperand) return this.onToken(eq, 'invalid syntax');
    const from = ts.tokens[leftStart].start;
    if (leftStart === eq - 1 && ts.isName(leftStart)) {
      return this.locate.range("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", from, ts.tokens[rightEnd - 1].end);
    }
    const first = ts.textOf(leftStart);
    if (first === 'True' || first === 'False' || first === 'None') return this.onToken(eq, 'invalid syntax');
    const target = parseExpressionText(this.src.text.slice(from, ts.tokens[eq - 1].end), this.version);
    if (!target || target.kind === 'List' || target.kind === 'Tuple' || target.kind === 'GeneratorExp') {
      return this.onToken(eq, 'invalid syntax');
    }
    // A parenthesized operand is reported without its parentheses.
    let s = leftStart;
    let e = eq - 1;
    while (ts.isOp(s, '(') && ts.partnerOf(s) === e) {
      s++;
      e--;
    }
    return this.locate.range(`cannot assign to ${exprName(target)} here. Maybe you meant '==' instead of '='?`, ts.tokens[s].start, ts.tokens[e].end);
  }

  /**
   * Is the `=` where the grammar has a `named_expression` (so `invalid_named_expression`
   * can speak)? In an if/elif/while condition, a decorator, a case guard, or directly in
   * a list, set, subscript or parenthesized group; not in assert, return, arguments, ...
   */
  private namedExpressionContext(eq: number): boolean {
    const ts = this.ts;
    const level = ts.tokens[eq].level;
    let first = eq;
    while (first > 0 && !this.atStatementStart(first)) first--;
    if (level === ts.tokens[first].level) {
      if (ts.isKeyword(first, 'if', 'elif', 'while') || ts.isOp(first, '@')) return true;
      if (ts.isName(first) && ts.textOf(first) === 'case') return this.previousKeyword(eq, 'if') > first;
      return false;
    }
    let open = eq - 1;
    while (open >= 0 && ts.tokens[open].level >= level) open--;
    if (open < 0 || ts.tokens[open].fstringPart) return false;
    const bracket = ts.textOf(open);
    if (bracket === '(') return !ts.endsExpression(open - 1) && !ts.isKeyword(open - 1, 'def', 'lambda', 'class');
    return bracket === '[' || bracket === '{';
  }

  // --- pyright's diagnostics ---------------------------------------------------------

  private fromPyright(d: PyrightDiagnostic): void {
    // A message may carry an addendum after its key ("...\n  Missing names: ...").
    const key = d.key.split(/\s/)[0].replace(/^Diagnostic\./, '');
    if (NOT_PARSER_ERRORS.has(key)) return;
    const ts = this.ts;
    // Where our tokenizer stopped early (an error, or the end of the file inside a
    // bracket), CPython's parser stops too: pyright's complaints past that point are
    // about text CPython never parses.
    const stopped = this.src.tokenized.error !== undefined || this.src.tokenized.unclosed.length > 0;
    const lastEnd = ts.length ? ts.tokens[ts.length - 1].end : 0;
    if (stopped && d.start >= lastEnd) return;
    const i = this.tokenCovering(d.start);
    const token = ts.tokens[i];
    if (!token) {
      this.add(this.onToken(i, 'invalid syntax'));
      return;
    }
    const tokenText = ts.textOf(i);
    if (ts.isOp(i, '=') && key !== 'expectedParamName' && key !== 'expectedColon') {
      this.add(this.equalsInExpression(i));
      return;
    }
    if (ts.isOp(i, '=') && key === 'expectedColon') {
      let first = i;
      while (first > 0 && !this.atStatementStart(first)) first--;
      if (!FORCED_COLON.has(ts.textOf(first))) {
        this.add(this.equalsInExpression(i));
        return;
      }
    }
    switch (key) {
      case 'expectedColon': {
        let first = i;
        while (first > 0 && !this.atStatementStart(first)) first--;
        if (ts.isKeyword(first, 'async')) first++;
        if (token.type === 'NEWLINE' || (FORCED_COLON.has(ts.textOf(first)) && ts.isKeyword(first))) this.add(this.onToken(i, "expected ':'"));
        else this.add(this.onToken(i, 'invalid syntax'));
        return;
      }
      case 'expectedNewlineOrSemicolon':
        if (ts.isName(i - 1) && ts.textOf(i - 1) === 'match' && this.atStatementStart(i - 1)) {
          let k = i;
          while (k < ts.length && ts.tokens[k]?.type !== 'NEWLINE' && !ts.isOp(k, ':')) k++;
          if (ts.tokens[k]?.type === 'NEWLINE') {
            this.add(this.onToken(k, "expected ':'"));
            return;
          }
        }
        this.add(this.onToken(i, 'invalid syntax'));
        return;
      case 'expectedIndentedBlock':
        this.add(this.expectedIndentedBlock(i));
        return;
      case 'unexpectedIndent': {
        const first = ts.indexAt(d.end);
        const at = ts.tokens[first]?.start ?? d.end;
        const lineno = this.src.lines.lineOf(at);
        this.add({
          at,
          error: { type: 'IndentationError', message: 'unexpected indent', lineno, offset: this.src.lines.charOffset(at) - 1, end_lineno: lineno, end_offset: -1 },
        });
        return;
      }
      case 'tryWithoutExcept': {
        let k = i + 1;
        let depth = 0;
        for (; k < ts.length; k++) {
          const t = ts.tokens[k];
          if (t.type === 'INDENT') depth++;
          else if (t.type === 'DEDENT' && --depth === 0) break;
          else if (depth === 0 && t.type === 'NEWLINE' && k > i + 2) break;
        }
        while (k < ts.length && (ts.tokens[k].type === 'DEDENT' || ts.tokens[k].type === 'NEWLINE')) k++;
        this.add(this.onToken(k, "expected 'except' or 'finally' block"));
        return;
      }
      case 'expectedExpr':
      case 'expectedAssignRightHandExpr':
      case 'expectedBinaryRightHandExpr':
        if (this.inFString(i) && ts.isOp(i, '}')) {
          this.add(this.atLeast(12) ? this.onToken(i, "f-string: valid expression required before '}'") : this.legacyFString(i, 'f-string: empty expression not allowed'));
          return;
        }
        if (ts.isOp(i - 1, ':') && this.enclosingBracket(i - 1) === '{') {
          this.add(this.onToken(i - 1, "expression expected after dictionary key and ':'"));
          return;
        }
        this.add(this.onToken(i, 'invalid syntax'));
        return;
      case 'expectedCloseParen':
      case 'expectedCloseBracket':
      case 'expectedCloseBrace':
        this.add(this.insideBrackets(i));
        return;
      case 'expectedImportSymbols':
        if (this.atLeast(13)) {
          // 3.13 raises this one as a point, even at a NEWLINE.
          const c = this.onToken(i, "Expected one or more names after 'import'");
          this.add({ ...c, error: { ...c.error, end_offset: c.error.offset } });
        } else {
          this.add(this.onToken(i, 'invalid syntax'));
        }
        return;
      case 'trailingCommaInFromImport':
        this.add(this.onToken(i + 1, 'trailing comma not allowed without surrounding parentheses'));
        return;
      case 'expectedFunctionName':
      case 'expectedClassName':
        this.add(this.onToken(ts.isKeyword(i, 'def', 'class') ? i + 1 : i, 'invalid syntax'));
        return;
      case 'expectedOpenParen':
        this.add(this.onToken(i, this.atLeast(11) ? "expected '('" : 'invalid syntax'));
        return;
      case 'generatorNotParenthesized':
        this.add(this.locate.range('Generator expression must be parenthesized', d.start, d.end));
        return;
      case 'positionArgAfterNamedArg':
      case 'positionArgAfterUnpackedDictArg':
        this.add(this.argumentOrder(i, key === 'positionArgAfterUnpackedDictArg'));
        return;
      case 'expectedParamName': {
        let eq = i;
        while (eq < ts.length && !ts.isOp(eq, '=') && !ts.isOp(eq, ',', ')')) eq++;
        if (!ts.isOp(eq, '=')) {
          this.add(this.onToken(i, 'invalid syntax'));
          return;
        }
        if (eq === i + 1 && ts.isKeyword(i, 'True', 'False', 'None')) {
          this.add(this.locate.range(`cannot assign to ${tokenText}`, token.start, ts.tokens[eq].end));
          return;
        }
        this.add(this.locate.range('expression cannot contain assignment, perhaps you meant "=="?', token.start, ts.tokens[eq].end));
        return;
      }
      case 'nonDefaultAfterDefault':
        this.add(
          this.locate.range(
            this.atLeast(12) ? 'parameter without a default follows parameter with a default' : 'non-default argument follows default argument',
            d.start,
            d.end,
          ),
        );
        return;
      case 'duplicateArgsParam':
        this.add(this.onToken(i, this.atLeast(11) ? '* argument may appear only once' : 'invalid syntax'));
        return;
      case 'expectedNamedParameter':
        this.add(this.onToken(i, 'named arguments must follow bare *'));
        return;
      case 'paramAfterKwargsParam':
      case 'duplicateKwargsParam':
        this.add(this.onToken(i, this.atLeast(11) ? 'arguments cannot follow var-keyword argument' : 'invalid syntax'));
        return;
      case 'duplicatePositionOnly':
        this.add(this.onToken(i, this.atLeast(11) ? '/ may appear only once' : 'invalid syntax'));
        return;
      case 'positionOnlyAfterArgs':
      case 'positionOnlyAfterKeywordOnly':
        this.add(this.onToken(i, this.atLeast(11) ? '/ must be ahead of *' : 'invalid syntax'));
        return;
      case 'positionOnlyFirstParam':
        this.add(this.onToken(i, this.atLeast(11) ? 'at least one argument must precede /' : 'invalid syntax'));
        return;
      case 'exceptRequiresParens':
        this.add(this.locate.range('multiple exception types must be parenthesized', d.start, d.end));
        return;
      case 'exceptionGroupIncompatible':
        this.add(this.onToken(ts.isOp(i, '*') ? i : i + 1, 'invalid syntax'));
        return;
      case 'defaultValueNotAllowed': {
        let eq = i;
        while (eq > 0 && !ts.isOp(eq, '=')) eq--;
        let star = eq;
        while (star > 0 && !ts.isOp(star, '*', '**', ',', '(')) star--;
        const what = ts.isOp(star, '**') ? 'var-keyword' : 'var-positional';
        this.add(this.onToken(eq, this.atLeast(11) ? `${what} argument cannot have default value` : 'invalid syntax'));
        return;
      }
      case 'expectedPatternExpr':
        if (ts.tokens[i].type === 'FSTRING_START' || (ts.tokens[i].type === 'STRING' && /^[a-zA-Z]*[fF]/.test(tokenText))) {
          // An f-string pattern parses in CPython; its compiler rejects it.
          let end = i;
          if (ts.tokens[i].type === 'FSTRING_START') {
            let depth = 0;
            for (; end < ts.length; end++) {
              if (ts.tokens[end].type === 'FSTRING_START') depth++;
              else if (ts.tokens[end].type === 'FSTRING_END' && --depth === 0) break;
            }
          }
          this.add(this.locate.range('patterns may only match literals and attribute lookups', token.start, ts.tokens[Math.min(end, ts.length - 1)].end));
          return;
        }
        this.add(this.onToken(i, 'invalid syntax'));
        return;
      case 'exceptGroupMismatch': {
        if (!this.atLeast(11)) {
          this.add(this.onToken(ts.isOp(i, '*') ? i : i + 1, 'invalid syntax'));
          return;
        }
        const star = ts.isOp(i, '*') ? i : ts.isOp(i + 1, '*') ? i + 1 : i;
        const start = ts.isKeyword(star - 1, 'except') ? star - 1 : star;
        this.add(this.locate.range("cannot have both 'except' and 'except*' on the same 'try'", ts.tokens[start].start, ts.tokens[star].end));
        return;
      }
      case 'exceptGroupRequiresType':
        this.add(this.onToken(i, 'expected one or more exception types'));
        return;
      case 'expectedPatternValue':
        this.add(this.onToken(ts.indexAt(d.end), 'invalid syntax'));
        return;
      case 'expectedElse': {
        const ifIndex = this.previousKeyword(i, 'if');
        if (ifIndex > 0 && ts.endsExpression(ifIndex - 1)) {
          const bodyStart = ts.expressionStartBefore(ifIndex - 1);
          const testEnd = ts.expressionEndFrom(ifIndex + 1, 'disjunction');
          this.add(this.locate.range("expected 'else' after 'if' expression", ts.tokens[bodyStart].start, ts.tokens[Math.max(ifIndex + 1, testEnd - 1)].end));
          return;
        }
        this.add(this.onToken(i, 'invalid syntax'));
        return;
      }
      case 'unpackIllegalInComprehension':
        this.add(this.locate.range('iterable unpacking cannot be used in comprehension', d.start, d.end));
        return;
      case 'dictExpandIllegalInComprehension':
        this.add(this.onToken(i, 'dict unpacking cannot be used in dict comprehension'));
        return;
      case 'formatStringBrace':
        this.add(this.atLeast(12) ? this.onToken(i, "f-string: single '}' is not allowed") : this.legacyFString(i, "f-string: single '}' is not allowed"));
        return;
      case 'formatStringUnterminated':
        this.add(this.atLeast(12) ? this.onToken(i, "f-string: expecting '}'") : this.legacyFString(i, "f-string: expecting '}'"));
        return;
      case 'formatStringExpectedConversion':
        this.add(
          this.atLeast(12)
            ? this.onToken(i, 'f-string: missing conversion character')
            : this.legacyFString(i, "f-string: invalid conversion character: expected 's', 'r', or 'a'"),
        );
        return;
      case 'formatStringNestedFormatSpecifier':
        this.add(this.atLeast(12) ? this.onToken(i, 'f-string: expressions nested too deeply') : this.legacyFString(i, 'f-string: expressions nested too deeply'));
        return;
      case 'keywordSubscriptIllegal': {
        let eq = i;
        while (eq < ts.length && !ts.isOp(eq, '=', ']')) eq++;
        this.add(ts.isOp(eq, '=') ? this.equalsInExpression(eq) : this.onToken(i, 'invalid syntax'));
        return;
      }
      case 'invalidTokenChars':
        // '$', '?' and '`' are tokens CPython's parser rejects; other characters are the
        // tokenizer's errors.
        if (/^[$?`!]$/.test(tokenText)) this.add(this.onToken(i, 'invalid syntax'));
        return;
      case 'functionTypeParametersIllegal':
        // Before 3.12, `def f[T](...)`: the grammar wants the parameter list.
        this.add(this.onToken(i, this.atLeast(11) ? "expected '('" : 'invalid syntax'));
        return;
      case 'typeAliasStatementIllegal':
        this.add(this.onToken(i + 1, 'invalid syntax'));
        return;
      default:
        this.add(this.onToken(i, this.fstringPrefix(i) + 'invalid syntax'));
    }
  }

  /**
   * Before 3.12, errors inside an f-string are raised while the parser builds the string
   * list, at the token it read after it.
   */
  private legacyFString(i: number, message: string): ErrorCandidate {
    const ts = this.ts;
    let k = i;
    while (k >= 0 && ts.tokens[k]?.type !== 'STRING') k--;
    let next = Math.max(k, 0);
    while (ts.tokens[next]?.type === 'STRING') next++;
    const c = this.onToken(next, message);
    return { ...c, at: ts.tokens[Math.max(k, 0)]?.start ?? c.at };
  }

  private previousKeyword(i: number, word: string): number {
    for (let k = Math.min(i, this.ts.length - 1); k >= 0 && this.ts.tokens[k].type !== 'NEWLINE'; k--) if (this.ts.isKeyword(k, word)) return k;
    return -1;
  }

  /** The kind of bracket that encloses token i, if any. */
  private enclosingBracket(i: number): string | undefined {
    const level = this.ts.tokens[i]?.level ?? 0;
    for (let k = i - 1; k >= 0; k--) {
      if (this.ts.tokens[k].level < level) return this.ts.tokens[k].fstringPart ? 'f{' : this.ts.textOf(k);
    }
    return undefined;
  }

  /**
   * pyright gave up inside brackets. Unless the adjacency rule already explained it, the
   * first pass stopped at the first token inside that cannot continue an expression list.
   */
  private insideBrackets(open: number): ErrorCandidate | undefined {
    const ts = this.ts;
    const close = ts.partnerOf(open);
    if (close < 0) return undefined; // never closed: the tokenizer's error
    let k = open + 1;
    while (k < close) {
      const end = ts.expressionEndFrom(k, 'star_expressions');
      if (end === k) break;
      k = end;
      if (ts.isOp(k, ',', ':') || ts.isKeyword(k, 'for', 'async', 'if', 'in', 'as')) {
        k++;
        continue;
      }
      // A keyword argument or a default: `name=value` inside a call or a parameter list.
      if (ts.isOp(k, '=') && ts.isName(k - 1) && (ts.isOp(k - 2, ',') || k - 2 === open) && ts.endsExpression(open - 1)) {
        k++;
        continue;
      }
      break;
    }
    if (k >= close) return undefined;
    if (ts.isOp(k, '=')) return this.equalsInExpression(k);
    return this.onToken(k, this.fstringPrefix(k) + 'invalid syntax');
  }

  /** `f(a=1, 2)`, `f(**k, 2)`, `f(**k, *a)`: Parser/action_helpers.c's messages. */
  private argumentOrder(i: number, afterUnpacking: boolean): ErrorCandidate {
    const ts = this.ts;
    const isStarred = ts.isOp(i, '*');
    if (afterUnpacking && isStarred) {
      const message = 'iterable argument unpacking follows keyword argument unpacking';
      if (this.version === '3.10') {
        let k = i - 1;
        while (k > 0 && !ts.isOp(k, '**')) k--;
        return this.locate.range(message, ts.tokens[k].start, ts.tokens[Math.max(k, i - 2)].end);
      }
      if (this.atLeast(13)) {
        const end = ts.expressionEndFrom(i, 'star_expressions');
        return this.locate.range(message, ts.tokens[i - 1].start, ts.tokens[Math.max(i, end - 1)].end);
      }
      return this.onToken(i, message);
    }
    // RAISE_SYNTAX_ERROR at the last token read: the one after the arguments.
    let k = i;
    for (;;) {
      const end = ts.expressionEndFrom(k, 'star_expressions');
      k = end > k ? end : k + 1;
      if (!ts.isOp(k, ',') || ts.isOp(k + 1, ')')) break;
      k++;
    }
    return this.onToken(k, afterUnpacking ? 'positional argument follows keyword argument unpacking' : 'positional argument follows keyword argument');
  }

  private expectedIndentedBlock(i: number): ErrorCandidate {
    const ts = this.ts;
    // The header is the logical line before this one, ending with ':'.
    let k = i - 1;
    while (k >= 0 && (ts.tokens[k].type === 'NEWLINE' || ts.tokens[k].type === 'DEDENT' || ts.tokens[k].type === 'INDENT')) k--;
    let start = k;
    while (start > 0 && ts.tokens[start - 1].type !== 'NEWLINE' && ts.tokens[start - 1].type !== 'INDENT' && ts.tokens[start - 1].type !== 'DEDENT') start--;
    // A one-line `try: pass` aside, the header keyword starts the line (after `async`).
    let keyword = start;
    if (ts.isKeyword(keyword, 'async')) keyword++;
    const word = ts.textOf(keyword);
    let what = HEADER_NAMES[word] ?? 'statement';
    if (word === 'except' && ts.isOp(keyword + 1, '*')) what = "'except*' statement";
    const line = this.src.lines.lineOf(ts.tokens[keyword]?.start ?? 0);
    return this.onToken(i, `expected an indented block after ${what} on line ${line}`, 'IndentationError');
  }

  // --- problems found while lowering ---------------------------------------------------

  private fromLowering(p: LoweringProblem): void {
    const i = this.tokenCovering(p.start);
    const t = this.ts.tokens[i];
    if (p.message === 'cannot mix bytes and nonbytes literals') {
      this.add(this.onToken(this.ts.indexAt(p.end), p.message));
      return;
    }
    if (p.message.startsWith('f-string: invalid conversion character')) {
      if (this.atLeast(12)) this.add(this.locate.range(p.message, p.start, p.end));
      else this.add(this.legacyFString(i, p.message));
      return;
    }
    // Literal decoding errors. Where CPython points moved between versions: past the
    // string (3.10, and 3.11 for escapes), or over it, one past its end or not.
    const start = t?.start ?? p.start;
    const end = t ? t.end : p.end;
    const bytes = p.message === 'bytes can only contain ASCII literal characters';
    const over = bytes ? this.atLeast(11) : this.atLeast(12);
    const lines = this.src.lines;
    if (over) {
      this.add(this.locate.range(p.message, start, end));
    } else {
      const lineno = lines.lineOf(end);
      const offset = lines.charOffset(end);
      this.add({ at: start, error: { type: 'SyntaxError', message: p.message, lineno, offset, end_lineno: lineno, end_offset: offset } });
    }
  }
}
