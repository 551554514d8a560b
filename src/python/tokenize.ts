/**
 * CPython's tokenizer (Parser/tokenizer.c), as far as syntax errors need it: the token
 * boundaries CPython's error positions refer to, the bracket stack, indentation, and the
 * tokenizer's own errors with CPython's messages and positions. pyright's tokenizer
 * builds the tree; this one decides which error CPython would report and where.
 *
 * Errors come in two kinds, because CPython treats them differently when the parser has
 * already failed earlier in the file (`_PyPegen_tokenize_full_source_to_check_for_errors`):
 * a *raised* error (unterminated string, invalid character, unmatched bracket, ...) is
 * raised by the tokenizer itself and replaces the parser's error wherever it occurs; a
 * *deferred* one (bad dedent, tabs and spaces, a stray backslash, EOF) only counts if the
 * parser gets that far.
 */
import type { LineMap } from './lineMap';
import type { PythonVersion } from '../protocol';

export type PyTokenType =
  | 'NAME'
  | 'NUMBER'
  | 'STRING'
  | 'OP'
  | 'NEWLINE'
  | 'INDENT'
  | 'DEDENT'
  | 'FSTRING_START'
  | 'FSTRING_MIDDLE'
  | 'FSTRING_END'
  | 'ENDMARKER';

export interface PyToken {
  readonly type: PyTokenType;
  /** UTF-16 offsets in the normalized source. */
  readonly start: number;
  readonly end: number;
  /** Bracket depth before this token. */
  readonly level: number;
  /** For OP tokens that delimit an f-string replacement field (`{`, `}`, `!`, `:`). */
  readonly fstringPart?: boolean;
}

export interface TokenizerError {
  readonly kind: 'raised' | 'deferred';
  readonly type: 'SyntaxError' | 'IndentationError' | 'TabError';
  readonly message: string;
  readonly lineno: number;
  readonly offset: number;
  readonly end_lineno: number;
  readonly end_offset: number;
  /** UTF-16 offset used to order this error against the parser's. */
  readonly at: number;
}

export interface OpenBracket {
  readonly char: string;
  readonly offset: number;
}

export interface Tokenized {
  readonly tokens: readonly PyToken[];
  /** The first error, if the tokenizer met one (tokenizing stops there). */
  readonly error?: TokenizerError;
  /** Brackets still open where tokenizing stopped (at EOF when there is no error). */
  readonly unclosed: readonly OpenBracket[];
}

/** CPython's MAXLEVEL and MAXINDENT. */
const MAX_LEVEL = 200;
const MAX_INDENT = 100;

const THREE_CHAR_OPS = new Set(['**=', '...', '//=', '<<=', '>>=']);
const TWO_CHAR_OPS = new Set(['!=', '<>', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=', '==', '>=', '>>', '@=', '^=', '|=']);
const ONE_CHAR_OPS = new Set('()[]{}:,;+-*/|&<>=.%~^@!');
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/** An f-string being tokenized (3.12+ tokenizes them into parts). */
interface FStringMode {
  readonly quote: string;
  readonly quoteSize: number;
  readonly raw: boolean;
  readonly start: number;
  /** Bracket level when the f-string started; a field's `{` is at this level. */
  readonly level: number;
  /** Inside a replacement field (expression or format spec) rather than literal text. */
  inField: boolean;
  /** Inside the format spec of the innermost field. */
  inSpec: boolean;
  /** Levels at which the open fields' `{` sit. */
  readonly fieldLevels: number[];
}

class TokenizerStop extends Error {}

class Tokenizer {
  readonly tokens: PyToken[] = [];
  error?: TokenizerError;
  private pos = 0;
  private readonly text: string;
  private readonly brackets: { char: string; offset: number; lineno: number }[] = [];
  private readonly indents = [0];
  private readonly altIndents = [0];
  private atLineStart = true;
  private readonly fstrings: FStringMode[] = [];
  private readonly splitFStrings: boolean;

  constructor(
    private readonly lines: LineMap,
    private readonly version: PythonVersion,
  ) {
    this.text = lines.text;
    this.splitFStrings = version !== '3.10' && version !== '3.11';
  }

  get unclosed(): OpenBracket[] {
    return this.brackets.map(({ char, offset }) => ({ char, offset }));
  }

  run(): void {
    try {
      while (!this.step()) {
        // one token (or skipped line) per step
      }
    } catch (e) {
      if (!(e instanceof TokenizerStop)) throw e;
    }
  }

  // --- errors ------------------------------------------------------------------------

  /**
   * A `syntaxerror(tok, ...)`: CPython points just before its read cursor `cur`, in
   * characters, on the cursor's line.
   */
  private raise(message: string, cur: number, type: TokenizerError['type'] = 'SyntaxError'): never {
    const lineno = this.lines.lineOf(Math.max(0, cur - 1));
    const offset = this.lines.charOffset(cur) - 1;
    this.fail({ kind: 'raised', type, message, lineno, offset, end_lineno: lineno, end_offset: offset, at: Math.max(0, cur - 1) });
  }

  private fail(error: TokenizerError): never {
    this.error = error;
    throw new TokenizerStop();
  }

  /** E_TABSPACE, E_TOODEEP: reported at column 1 of the current line. */
  private indentationFail(type: 'TabError' | 'IndentationError', message: string, at: number): never {
    const lineno = this.lines.lineOf(at);
    this.fail({ kind: 'deferred', type, message, lineno, offset: 1, end_lineno: lineno, end_offset: 0, at });
  }

  // --- main loop -----------------------------------------------------------------------

  private emit(type: PyTokenType, start: number, end: number, fstringPart = false): void {
    this.tokens.push({ type, start, end, level: this.brackets.length, fstringPart: fstringPart || undefined });
  }

  /** Reads one token; returns true at the end. */
  private step(): boolean {
    const mode = this.fstrings[this.fstrings.length - 1];
    if (mode && (!mode.inField || mode.inSpec)) {
      this.fstringText(mode);
      return false;
    }
    if (this.atLineStart) {
      this.atLineStart = false;
      if (this.indentation()) return false;
    }
    const text = this.text;
    let c = text[this.pos];
    while (c === ' ' || c === '\t' || c === '\f') c = text[++this.pos];
    if (c === '#') {
      while (this.pos < text.length && text[this.pos] !== '\n') this.pos++;
      c = text[this.pos];
    }
    if (this.pos >= text.length) return this.endOfFile();
    const start = this.pos;
    if (c === '\n') {
      this.pos++;
      this.atLineStart = true;
      const last = this.tokens[this.tokens.length - 1];
      if (this.brackets.length === 0 && last && last.type !== 'NEWLINE' && last.type !== 'INDENT' && last.type !== 'DEDENT') {
        this.emit('NEWLINE', start, start + 1);
      }
      return false;
    }
    if (c === '\\') {
      const next = text[this.pos + 1];
      if (next === '\n') {
        this.pos += 2;
        if (this.pos >= text.length) this.eofError(this.pos);
        return false;
      }
      if (next === undefined) this.eofError(this.pos + 1);
      // E_LINECONT: CPython's column is that of the character after the backslash.
      const lineno = this.lines.lineOf(this.pos);
      const offset = this.lines.charOffset(this.pos + 1);
      this.fail({
        kind: 'deferred',
        type: 'SyntaxError',
        message: 'unexpected character after line continuation character',
        lineno,
        offset,
        end_lineno: lineno,
        end_offset: 0,
        at: this.pos,
      });
    }
    if (isIdentifierStart(c)) return this.nameOrString();
    if (c >= '0' && c <= '9') return this.number(start);
    if (c === '.' && text[this.pos + 1] >= '0' && text[this.pos + 1] <= '9') return this.number(start);
    if (c === '"' || c === "'") return this.string(start, this.pos, '');
    return this.operator(start);
  }

  /** Indentation at the start of a logical line; true if it emitted tokens or skipped the line. */
  private indentation(): boolean {
    const text = this.text;
    let col = 0;
    let altcol = 0;
    let i = this.pos;
    for (;;) {
      const c = text[i];
      if (c === ' ') {
        col++;
        altcol++;
      } else if (c === '\t') {
        col = (Math.floor(col / 8) + 1) * 8;
        altcol++;
      } else if (c === '\f') {
        col = altcol = 0;
      } else break;
      i++;
    }
    const c = text[i];
    const blank = c === '#' || c === '\n' || (c === '\\' && text[i + 1] === '\n');
    if (blank || this.brackets.length > 0 || i >= text.length) return false;
    const top = this.indents.length - 1;
    if (col === this.indents[top]) {
      if (altcol !== this.altIndents[top]) this.indentationFail('TabError', 'inconsistent use of tabs and spaces in indentation', i);
      return false;
    }
    if (col > this.indents[top]) {
      if (this.indents.length >= MAX_INDENT) this.indentationFail('IndentationError', 'too many levels of indentation', i);
      if (altcol <= this.altIndents[top]) this.indentationFail('TabError', 'inconsistent use of tabs and spaces in indentation', i);
      this.indents.push(col);
      this.altIndents.push(altcol);
      this.emit('INDENT', i, i);
      this.pos = i;
      return true;
    }
    let dedents = 0;
    while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]) {
      this.indents.pop();
      this.altIndents.pop();
      dedents++;
    }
    if (col !== this.indents[this.indents.length - 1]) {
      // E_DEDENT: CPython reports the end of the line, including its newline.
      const lineno = this.lines.lineOf(i);
      let end = i;
      while (end < text.length && text[end] !== '\n') end++;
      this.fail({
        kind: 'deferred',
        type: 'IndentationError',
        message: 'unindent does not match any outer indentation level',
        lineno,
        offset: this.lines.charOffset(end),
        end_lineno: lineno,
        end_offset: -1,
        at: i,
      });
    }
    if (altcol !== this.altIndents[this.altIndents.length - 1]) this.indentationFail('TabError', 'inconsistent use of tabs and spaces in indentation', i);
    for (let k = 0; k < dedents; k++) this.emit('DEDENT', i, i);
    this.pos = i;
    return dedents > 0;
  }

  private endOfFile(): boolean {
    const end = this.text.length;
    if (this.brackets.length > 0) {
      // CPython's tokenizer returns an error token here; the parser then reports the
      // innermost bracket as never closed (see syntaxErrors.ts).
      return true;
    }
    const last = this.tokens[this.tokens.length - 1];
    if (last && last.type !== 'NEWLINE' && last.type !== 'DEDENT' && last.type !== 'INDENT') this.emit('NEWLINE', end, end);
    for (let k = 1; k < this.indents.length; k++) this.emit('DEDENT', end, end);
    this.emit('ENDMARKER', end, end);
    return true;
  }

  /** E_EOF after a line continuation: CPython's column counts from the continued line. */
  private eofError(at: number): never {
    const lineno = this.lines.lineOf(Math.max(0, at - 1));
    const offset = this.lines.charOffset(at - 1);
    this.fail({ kind: 'deferred', type: 'SyntaxError', message: 'unexpected EOF while parsing', lineno, offset, end_lineno: lineno, end_offset: -1, at });
  }

  // --- names, numbers, strings ---------------------------------------------------------

  private nameOrString(): boolean {
    const text = this.text;
    const start = this.pos;
    // String prefixes: b, r, u, f and their legal combinations (CPython's saw_* flags).
    let sawB = false;
    let sawR = false;
    let sawU = false;
    let sawF = false;
    let i = start;
    // 3.14 template strings (`t"..."`) tokenize like f-strings.
    const templates = !['3.10', '3.11', '3.12', '3.13'].includes(this.version);
    for (;;) {
      const c = text[i];
      if (!(sawB || sawU || sawF) && (c === 'b' || c === 'B')) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && (c === 'u' || c === 'U')) sawU = true;
      else if (!(sawR || sawU) && (c === 'r' || c === 'R')) sawR = true;
      else if (!(sawF || sawB || sawU) && (c === 'f' || c === 'F')) sawF = true;
      else if (templates && !(sawF || sawB || sawU) && (c === 't' || c === 'T')) sawF = true;
      else break;
      i++;
      if (text[i] === '"' || text[i] === "'") return this.string(start, i, text.slice(start, i).toLowerCase().replace('t', 'f'));
    }
    i = start;
    let nonAscii = false;
    while (i < text.length && isIdentifierChar(text[i])) {
      if (text.charCodeAt(i) >= 128) nonAscii = true;
      i++;
    }
    if (nonAscii) this.verifyIdentifier(start, i);
    this.pos = i;
    this.emit('NAME', start, i);
    return false;
  }

  /** CPython's verify_identifier: the first character that cannot be in an identifier. */
  private verifyIdentifier(start: number, end: number): void {
    const name = this.text.slice(start, end);
    let index = 0;
    for (const ch of name) {
      const ok = index === 0 ? ch === '_' || /\p{XID_Start}/u.test(ch) : /\p{XID_Continue}/u.test(ch);
      if (!ok) {
        const cp = ch.codePointAt(0)!;
        const hex = cp.toString(16).toUpperCase().padStart(4, '0');
        const message = isPrintable(ch) ? `invalid character '${ch}' (U+${hex})` : `invalid non-printable character U+${hex}`;
        this.raise(message, start + index + ch.length);
      }
      index += ch.length;
    }
  }

  private number(start: number): boolean {
    const text = this.text;
    let i = start;
    const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
    const isHex = (c: string | undefined) => c !== undefined && /[0-9a-fA-F]/.test(c);
    /** tok_decimal_tail: digits with single underscores between them. */
    const decimalTail = (): void => {
      for (;;) {
        while (digit(text[i])) i++;
        if (text[i] !== '_') return;
        i++;
        if (!digit(text[i])) this.raise('invalid decimal literal', i);
      }
    };
    const finish = (kind: string): boolean => {
      this.verifyEndOfNumber(i, kind);
      this.pos = i;
      this.emit('NUMBER', start, i);
      return false;
    };
    const fraction = (): boolean => {
      if (digit(text[i])) decimalTail();
      return exponent();
    };
    const exponent = (): boolean => {
      if (text[i] === 'e' || text[i] === 'E') {
        const e = i;
        i++;
        if (text[i] === '+' || text[i] === '-') {
          i++;
          if (!digit(text[i])) this.raise('invalid decimal literal', i);
        } else if (!digit(text[i])) {
          i = e;
          this.verifyEndOfNumber(e + 1, 'decimal', e);
          this.pos = e;
          this.emit('NUMBER', start, e);
          return false;
        }
        decimalTail();
      }
      if (text[i] === 'j' || text[i] === 'J') {
        i++;
        return finish('imaginary');
      }
      return finish('decimal');
    };

    if (text[i] === '.') {
      i++;
      return fraction();
    }
    if (text[i] === '0') {
      i++;
      const c = text[i];
      if (c === 'x' || c === 'X') {
        i++;
        do {
          if (text[i] === '_') i++;
          if (!isHex(text[i])) this.raise('invalid hexadecimal literal', i);
          while (isHex(text[i])) i++;
        } while (text[i] === '_');
        return finish('hexadecimal');
      }
      if (c === 'o' || c === 'O' || c === 'b' || c === 'B') {
        const octal = c === 'o' || c === 'O';
        const kind = octal ? 'octal' : 'binary';
        const ok = (d: string | undefined) => d !== undefined && d >= '0' && d <= (octal ? '7' : '1');
        i++;
        do {
          if (text[i] === '_') i++;
          if (!ok(text[i])) {
            if (digit(text[i])) this.raise(`invalid digit '${text[i]}' in ${kind} literal`, i + 1);
            this.raise(`invalid ${kind} literal`, i);
          }
          while (ok(text[i])) i++;
        } while (text[i] === '_');
        if (digit(text[i])) this.raise(`invalid digit '${text[i]}' in ${kind} literal`, i + 1);
        return finish(kind);
      }
      let nonzero = false;
      for (;;) {
        if (text[i] === '_') {
          i++;
          if (!digit(text[i])) this.raise('invalid decimal literal', i);
        }
        if (text[i] !== '0') break;
        i++;
      }
      const zerosEnd = i;
      if (digit(text[i])) {
        nonzero = true;
        decimalTail();
      }
      if (text[i] === '.') {
        i++;
        return fraction();
      }
      if (text[i] === 'e' || text[i] === 'E' || text[i] === 'j' || text[i] === 'J') return exponent();
      if (nonzero) {
        // Reported over the leading zeros (_PyTokenizer_syntaxerror_known_range).
        const lineno = this.lines.lineOf(start);
        this.fail({
          kind: 'raised',
          type: 'SyntaxError',
          message: 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
          lineno,
          offset: this.lines.charOffset(start),
          end_lineno: lineno,
          end_offset: this.lines.charOffset(zerosEnd),
          at: start,
        });
      }
      return finish('decimal');
    }
    decimalTail();
    if (text[i] === '.') {
      i++;
      return fraction();
    }
    return exponent();
  }

  /**
   * CPython's verify_end_of_number: a number glued to a name is an error ("invalid
   * decimal literal"), except before the keywords that may follow a number in valid code.
   */
  private verifyEndOfNumber(i: number, kind: string, reportAt = i): void {
    const text = this.text;
    const c = text[i];
    const rest = text.slice(i, i + 4);
    const keyword =
      (c === 'a' && rest.startsWith('and')) ||
      (c === 'e' && rest.startsWith('else')) ||
      (c === 'f' && rest.startsWith('for')) ||
      (c === 'i' && /^i[fns]/.test(rest)) ||
      (c === 'o' && rest.startsWith('or')) ||
      (c === 'n' && rest.startsWith('not'));
    if (keyword) return;
    if (c !== undefined && c.charCodeAt(0) < 128 && isIdentifierChar(c)) this.raise(`invalid ${kind} literal`, reportAt);
  }

  /** A string from `start` (its prefix) with the quote at `quoteAt`. */
  private string(start: number, quoteAt: number, prefix: string): boolean {
    const text = this.text;
    const quote = text[quoteAt];
    let quoteSize = 1;
    if (text[quoteAt + 1] === quote && text[quoteAt + 2] === quote) quoteSize = 3;
    if (prefix.includes('f') && this.splitFStrings) {
      const bodyStart = quoteAt + quoteSize;
      this.emit('FSTRING_START', start, bodyStart);
      this.fstrings.push({
        quote,
        quoteSize,
        raw: prefix.includes('r'),
        start,
        level: this.brackets.length,
        inField: false,
        inSpec: false,
        fieldLevels: [],
      });
      this.pos = bodyStart;
      return false;
    }
    let i = quoteAt + quoteSize;
    if (quoteSize === 1 && text[quoteAt + 1] === quote) {
      this.pos = quoteAt + 2;
      this.emit('STRING', start, this.pos);
      return false;
    }
    for (;;) {
      const c = text[i];
      if (c === undefined || (quoteSize === 1 && c === '\n')) {
        // Inside an f-string field, a string opened with the f-string's own quote is
        // really the f-string's end arriving before the field's `}`.
        const mode = this.fstrings[this.fstrings.length - 1];
        if (mode?.inField && mode.quote === quote && mode.quoteSize === quoteSize) this.raise("f-string: expecting '}'", start + 1);
        this.unterminated(start, quoteSize, i);
      }
      if (c === quote && (quoteSize === 1 || (text[i + 1] === quote && text[i + 2] === quote))) {
        i += quoteSize;
        break;
      }
      i += c === '\\' ? 2 : 1;
    }
    this.pos = i;
    this.emit('STRING', start, i);
    return false;
  }

  private unterminated(start: number, quoteSize: number, stoppedAt: number, fstring = false): never {
    const detected = this.lines.lineOf(Math.max(0, Math.min(stoppedAt, this.text.length) - (stoppedAt >= this.text.length ? 1 : 0)));
    const what = fstring ? 'f-string literal' : quoteSize === 3 ? 'triple-quoted string literal' : 'string literal';
    const triple = fstring && quoteSize === 3 ? 'triple-quoted f-string literal' : what;
    this.raise(`unterminated ${triple} (detected at line ${detected})`, start + 1);
  }

  private unterminatedFString(mode: FStringMode): never {
    this.unterminated(mode.start, mode.quoteSize, this.pos, true);
  }

  // --- f-strings (3.12+) ---------------------------------------------------------------

  /** Literal text of an f-string, or of a format spec, up to a brace or the closing quote. */
  private fstringText(mode: FStringMode): void {
    const text = this.text;
    const start = this.pos;
    let i = start;
    for (;;) {
      const c = text[i];
      if (c === undefined || (mode.quoteSize === 1 && c === '\n' && !mode.inSpec)) {
        this.pos = i;
        this.unterminatedFString(mode);
      }
      if (!mode.inSpec && c === mode.quote && (mode.quoteSize === 1 || (text[i + 1] === c && text[i + 2] === c))) {
        if (i > start) this.emit('FSTRING_MIDDLE', start, i);
        this.emit('FSTRING_END', i, i + mode.quoteSize);
        this.pos = i + mode.quoteSize;
        this.fstrings.pop();
        return;
      }
      if (c === '{') {
        if (!mode.inSpec && text[i + 1] === '{') {
          i += 2;
          continue;
        }
        if (i > start) this.emit('FSTRING_MIDDLE', start, i);
        this.openField(mode, i);
        return;
      }
      if (c === '}') {
        if (mode.inSpec) {
          // The end of a format spec closes its field; 3.12 emits the (possibly empty) text.
          this.emit('FSTRING_MIDDLE', start, i);
          this.pos = i;
          mode.inSpec = false;
          return;
        }
        if (text[i + 1] === '}') {
          i += 2;
          continue;
        }
        this.raise("f-string: single '}' is not allowed", i + 1);
      }
      if (c === '\\') {
        // A backslash keeps the next character from ending the string even in a raw
        // f-string, but not a brace from opening or closing a field (`rf"\{x}"`); only
        // a non-raw f-string has \N{...} escapes.
        if (text[i + 1] === '{' || text[i + 1] === '}') {
          i++;
          continue;
        }
        if (!mode.raw && text[i + 1] === 'N' && text[i + 2] === '{') {
          const close = text.indexOf('}', i + 3);
          i = close < 0 ? i + 3 : close + 1;
          continue;
        }
        i += 2;
        continue;
      }
      i++;
    }
  }

  private openField(mode: FStringMode, at: number): void {
    if (this.brackets.length >= MAX_LEVEL) this.raise('too many nested parentheses', at + 1);
    this.emit('OP', at, at + 1, true);
    this.brackets.push({ char: '{', offset: at, lineno: this.lines.lineOf(at) });
    mode.fieldLevels.push(this.brackets.length);
    mode.inField = true;
    mode.inSpec = false;
    this.pos = at + 1;
  }

  // --- operators -----------------------------------------------------------------------

  private operator(start: number): boolean {
    const text = this.text;
    const c = text[start];
    const mode = this.fstrings[this.fstrings.length - 1];
    if (mode?.inField) {
      const fieldLevel = mode.fieldLevels[mode.fieldLevels.length - 1];
      const atFieldLevel = this.brackets.length === fieldLevel;
      if (atFieldLevel && c === ':' && text[start + 1] !== '=') {
        this.emit('OP', start, start + 1, true);
        this.pos = start + 1;
        mode.inSpec = true;
        return false;
      }
      if (atFieldLevel && c === '!' && text[start + 1] !== '=') {
        this.emit('OP', start, start + 1, true);
        this.pos = start + 1;
        return false;
      }
      if (atFieldLevel && c === '}') {
        this.emit('OP', start, start + 1, true);
        this.brackets.pop();
        mode.fieldLevels.pop();
        this.pos = start + 1;
        if (mode.fieldLevels.length === 0) mode.inField = false;
        else mode.inSpec = true;
        return false;
      }
    }
    const three = text.slice(start, start + 3);
    const two = text.slice(start, start + 2);
    let length = 0;
    if (THREE_CHAR_OPS.has(three) && three.length === 3) length = 3;
    else if (TWO_CHAR_OPS.has(two)) length = 2;
    else if (ONE_CHAR_OPS.has(c)) length = 1;
    if (length === 0 && /[$?`!]/.test(c)) {
      // ASCII characters outside the grammar are tokens the parser rejects, not
      // tokenizer errors ('!' alone is an operator from 3.12, for f-strings).
      length = 1;
    }
    if (length === 0) {
      const ch = String.fromCodePoint(text.codePointAt(start)!);
      const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      this.raise(isPrintable(ch) ? `invalid character '${ch}' (U+${hex})` : `invalid non-printable character U+${hex}`, start + ch.length);
    }
    if (c === '(' || c === '[' || c === '{') {
      if (this.brackets.length >= MAX_LEVEL) this.raise('too many nested parentheses', start + 1);
      this.emit('OP', start, start + 1);
      this.brackets.push({ char: c, offset: start, lineno: this.lines.lineOf(start) });
    } else if (c === ')' || c === ']' || c === '}') {
      const open = this.brackets[this.brackets.length - 1];
      if (!open) this.raise(`unmatched '${c}'`, start + 1);
      if (open.char !== CLOSERS[c]) {
        const line = this.lines.lineOf(start);
        const where = open.lineno !== line ? ` on line ${open.lineno}` : '';
        this.raise(`closing parenthesis '${c}' does not match opening parenthesis '${open.char}'${where}`, start + 1);
      }
      this.brackets.pop();
      this.emit('OP', start, start + 1);
    } else {
      this.emit('OP', start, start + length);
    }
    this.pos = start + length;
    return false;
  }
}

function isIdentifierStart(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c.charCodeAt(0) >= 128;
}

function isIdentifierChar(c: string): boolean {
  return isIdentifierStart(c) || (c >= '0' && c <= '9');
}

/** Python's str.isprintable for one character. */
function isPrintable(ch: string): boolean {
  return ch === ' ' || !/[\p{C}\p{Z}]/u.test(ch);
}

/** Tokenizes a normalized source as CPython `version` does, up to its first error. */
export function tokenize(lines: LineMap, version: PythonVersion): Tokenized {
  const tokenizer = new Tokenizer(lines, version);
  tokenizer.run();
  return { tokens: tokenizer.tokens, error: tokenizer.error, unclosed: tokenizer.unclosed };
}
