/**
 * Which error CPython's `compile()` raises first for a program, in CPython's words.
 * CPython's stages, in order:
 *
 * 1. Tokenizer and parser (Parser/pegen_errors.c decides between them):
 *    - the parser's error is the first one it meets (`parserErrors.ts`);
 *    - a tokenizer error the parser reaches first wins (`tokenize.ts`);
 *    - after a parser error CPython tokenizes the rest of the file anyway
 *      (`_PyPegen_tokenize_full_source_to_check_for_errors`): an error the tokenizer
 *      raises there (unterminated string, invalid character, unmatched bracket, ...)
 *      replaces the parser's, and a bracket left open on an earlier line than the
 *      parser's error turns it into "'(' was never closed";
 * 2. Python/future.c: unknown `__future__` features;
 * 3. Python/symtable.c (`symtable.ts`);
 * 4. Python/compile.c (`compileErrors.ts`).
 */
import type { SyntaxErrorInfo } from './ast';
import { findCompilerErrors, findFutureErrors } from './compileErrors';
import { ErrorLocator, type ErrorCandidate } from './errorLocation';
import type { LineMap } from './lineMap';
import type { LoweredModule } from './lower';
import { findParserErrors } from './parserErrors';
import type { PyrightParse } from './pyright';
import { buildSymbolTable } from './symtable';
import { tokenize, type OpenBracket, type TokenizerError } from './tokenize';
import type { PythonVersion } from '../protocol';

export interface ErrorSources {
  readonly text: string;
  readonly lines: LineMap;
  readonly parse: PyrightParse;
  readonly lowered: LoweredModule;
  readonly version: PythonVersion;
  /** Runs the whole pipeline on another text (see ParserErrorSources.reparse). */
  readonly reparse?: (text: string) => SyntaxErrorInfo | undefined;
}

/** The error CPython would raise for this program (at most one), or none. */
export function findSyntaxErrors(src: ErrorSources): SyntaxErrorInfo[] {
  const { text, lines, version } = src;
  const locate = new ErrorLocator(lines);

  const nul = text.indexOf('\0');
  if (nul >= 0) return [locate.range('source code string cannot contain null bytes', nul, nul).error];

  const tokenized = tokenize(lines, version);
  const candidates = findParserErrors({
    text,
    lines,
    version,
    tokenized,
    diagnostics: src.parse.diagnostics,
    falseAlarms: src.lowered.pyrightFalseAlarms,
    problems: src.lowered.problems,
    module: src.lowered.module,
    reparse: (fieldText) => src.reparse?.(fieldText),
  });
  const parserError = first(candidates);
  const tokenizerError = tokenized.error;

  if (tokenizerError && (!parserError || tokenizerError.kind === 'raised' || tokenizerError.at <= parserError.at)) {
    return [fromTokenizer(tokenizerError)];
  }
  const innermost = tokenized.unclosed[tokenized.unclosed.length - 1];
  if (parserError) {
    // CPython compares with the line where its parser stopped, at or after the error's end.
    const stoppedAt = Math.max(parserError.error.lineno, parserError.error.end_lineno);
    if (!tokenizerError && innermost && lines.lineOf(innermost.offset) < stoppedAt) {
      return [neverClosed(innermost, lines)];
    }
    return [parserError.error];
  }
  if (!tokenizerError && innermost) return [neverClosed(innermost, lines)];

  const module = src.lowered.module;
  const later =
    first(findFutureErrors(module, locate, version)) ??
    first(buildSymbolTable(module, version, lines).errors.map((error) => ({ at: 0, error }))) ??
    first(findCompilerErrors(module, version, locate));
  return later ? [later.error] : [];
}

function first(candidates: readonly ErrorCandidate[]): ErrorCandidate | undefined {
  let best: ErrorCandidate | undefined;
  for (const c of candidates) if (!best || c.at < best.at) best = c;
  return best;
}

function fromTokenizer(e: TokenizerError): SyntaxErrorInfo {
  return { type: e.type, message: e.message, lineno: e.lineno, offset: e.offset, end_lineno: e.end_lineno, end_offset: e.end_offset };
}

/** Parser/pegen_errors.c's raise_unclosed_parentheses_error. */
function neverClosed(bracket: OpenBracket, lines: LineMap): SyntaxErrorInfo {
  const lineno = lines.lineOf(bracket.offset);
  return {
    type: 'SyntaxError',
    message: `'${bracket.char}' was never closed`,
    lineno,
    offset: lines.charOffset(bracket.offset),
    end_lineno: lineno,
    end_offset: 0,
  };
}
