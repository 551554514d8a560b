/**
 * The Python front end's entry point: source text in, CPython's syntax tree and CPython's
 * first error out. `parseModule` never throws, whatever the input.
 *
 * Pipeline: normalize newlines → pyright's parser (`pyright.ts`) → lower into `ast.ts`
 * (`lower.ts`) → decide the first error CPython's `compile()` would raise
 * (`syntaxErrors.ts`: tokenizer, parser, symbol table and compiler checks, in CPython's
 * order).
 */
import type { Module, SyntaxErrorInfo, SyntaxWarningInfo } from './ast';
import { LineMap, normalizeSource } from './lineMap';
import { lowerModule, NestingTooDeep } from './lower';
import { parsePyright } from './pyright';
import { findSyntaxErrors } from './syntaxErrors';
import { tokenize } from './tokenize';
import type { PythonVersion } from '../protocol';

export { utf16Column } from './lineMap';

export interface ParseResult {
  /** The tree; partial (with empty `Name` placeholders) when there are errors. */
  readonly module: Module;
  /**
   * The error CPython would raise when compiling this source, or none. CPython stops at
   * its first error, so this holds at most one entry.
   */
  readonly errors: SyntaxErrorInfo[];
  /** Invalid escape sequences in string literals, in the order CPython's parser meets them (warned from 3.12). */
  readonly escapeWarnings: readonly SyntaxWarningInfo[];
}

export interface ParseOptions {
  /** The CPython version whose grammar and messages to follow. */
  readonly version: PythonVersion;
}

const EMPTY_MODULE: Module = { kind: 'Module', body: [], type_ignores: [] };

/** Parses a Python module as CPython `version` would. Never throws. */
export function parseModule(source: string, options: ParseOptions): ParseResult {
  const text = normalizeSource(source);
  const lines = new LineMap(text);
  try {
    const parse = parsePyright(text, options.version);
    const lowered = lowerModule(parse, lines, options.version);
    const errors = findSyntaxErrors({
      text,
      lines,
      parse,
      lowered,
      version: options.version,
      reparse: (fieldText) => parseModule(fieldText, options).errors[0],
    });
    return { module: lowered.module, errors, escapeWarnings: lowered.escapeWarnings };
  } catch (error) {
    // Nesting beyond MAX_NESTING, or a stack overflow inside pyright on pathological
    // input. CPython gives up on such programs too: in its tokenizer when they nest more
    // than 200 brackets ("too many nested parentheses"), else with a RecursionError.
    if (error instanceof NestingTooDeep || error instanceof RangeError) {
      const tokenizerError = tokenize(lines, options.version).error;
      if (tokenizerError) {
        const { type, message, lineno, offset, end_lineno, end_offset } = tokenizerError;
        return { module: EMPTY_MODULE, errors: [{ type, message, lineno, offset, end_lineno, end_offset }], escapeWarnings: [] };
      }
      return { module: EMPTY_MODULE, errors: [recursionError()], escapeWarnings: [] };
    }
    return { module: EMPTY_MODULE, errors: [internalError(error)], escapeWarnings: [] };
  }
}

function recursionError(): SyntaxErrorInfo {
  return {
    type: 'RecursionError',
    message: 'maximum recursion depth exceeded during compilation',
    lineno: 1,
    offset: 1,
    end_lineno: 1,
    end_offset: 1,
  };
}

/** A bug in HeapScope, reported as an error on the program rather than a crash. */
function internalError(error: unknown): SyntaxErrorInfo {
  const detail = error instanceof Error ? error.message : String(error);
  return {
    type: 'SyntaxError',
    message: `HeapScope could not parse this program (internal error: ${detail})`,
    lineno: 1,
    offset: 1,
    end_lineno: 1,
    end_offset: 1,
  };
}
