/**
 * The one door to pyright's parser (`@zzzen/pyright-internal`). Nothing else in HeapScope
 * imports pyright: `lower.ts` reads the tree this returns and builds our own `ast.ts`.
 *
 * Three adjustments, all local to one parse:
 * - Messages come back as pyright's localization keys (`Diagnostic.expectedColon`), not
 *   English text, so `syntaxErrors.ts` can tell them apart reliably; the lookup hook is
 *   restored afterwards and pyright's translation tables are never loaded.
 * - pyright replaces any expression nested deeper than 256 levels with an error node,
 *   which rejects valid code such as a 300-term sum. CPython's own limits are far higher
 *   (about 3000); `lower.ts` enforces those, so pyright's check is switched off.
 * - Diagnostics are captured with their text offsets, before pyright turns them into
 *   line/column ranges.
 */
import { setGetRawString } from '@zzzen/pyright-internal/dist/localization/localize';
import { DiagnosticSink } from '@zzzen/pyright-internal/dist/common/diagnosticSink';
import { PythonVersion as PyrightVersion } from '@zzzen/pyright-internal/dist/common/pythonVersion';
import { ParseOptions, Parser } from '@zzzen/pyright-internal/dist/parser/parser';
import type { ModuleNode } from '@zzzen/pyright-internal/dist/parser/parseNodes';
import type { Token } from '@zzzen/pyright-internal/dist/parser/tokenizerTypes';
import type { PythonVersion } from '../protocol';

/** An error pyright's parser reported, by localization key and text offsets. */
export interface PyrightDiagnostic {
  /** E.g. `Diagnostic.expectedColon`. */
  readonly key: string;
  readonly start: number;
  readonly end: number;
}

/** What one pyright parse yields. */
export interface PyrightParse {
  readonly tree: ModuleNode;
  /** Every token in source order, ending with EndOfStream. */
  readonly tokens: readonly Token[];
  readonly diagnostics: readonly PyrightDiagnostic[];
}

/** The internals of pyright's `Parser` that `parsePyright` adjusts (see the file comment). */
interface ParserInternals {
  _addSyntaxError(message: string, range: { start: number; length: number }): void;
  /** Set while pyright parses speculatively (a lookahead whose errors do not count). */
  _areErrorsSuppressed: boolean;
  _maxChildDepthMap: Map<number, number>;
}

/** A depth map that never remembers a depth, so pyright's nesting check never fires. */
class NoDepthMap extends Map<number, number> {
  override get(): number | undefined {
    return undefined;
  }
  override set(): this {
    return this;
  }
}

/** Parses `text` (already normalized, see `normalizeSource`) with pyright's parser. */
export function parsePyright(text: string, version: PythonVersion): PyrightParse {
  const [major, minor] = version.split('.').map(Number);
  const options = new ParseOptions();
  options.pythonVersion = PyrightVersion.create(major, minor);
  options.reportInvalidStringEscapeSequence = false;

  const diagnostics: PyrightDiagnostic[] = [];
  const parser = new Parser();
  const internals = parser as unknown as ParserInternals;
  internals._maxChildDepthMap = new NoDepthMap();
  internals._addSyntaxError = (key, range) => {
    if (!internals._areErrorsSuppressed) diagnostics.push({ key, start: range.start, end: range.start + range.length });
  };

  const previousLookup = setGetRawString((key) => key);
  try {
    const result = parser.parseSourceFile(text, options, new DiagnosticSink());
    const collection = result.tokenizerOutput.tokens;
    const tokens: Token[] = new Array(collection.count);
    for (let i = 0; i < collection.count; i++) tokens[i] = collection.getItemAt(i);
    return { tree: result.parserOutput.parseTree, tokens, diagnostics };
  } finally {
    setGetRawString(previousLookup);
  }
}
