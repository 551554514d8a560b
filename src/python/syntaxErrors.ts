import type { SyntaxErrorInfo } from './ast';
import type { LineMap } from './lineMap';
import type { LoweredModule } from './lower';
import type { PyrightParse } from './pyright';
import type { PythonVersion } from '../protocol';

export interface ErrorSources {
  readonly text: string;
  readonly lines: LineMap;
  readonly parse: PyrightParse;
  readonly lowered: LoweredModule;
  readonly version: PythonVersion;
}

/** Placeholder until the real implementation. */
export function findSyntaxErrors(sources: ErrorSources): SyntaxErrorInfo[] {
  const d = sources.parse.diagnostics[0];
  if (!d) return [];
  const p = sources.lines.position(d.start);
  return [{ type: 'SyntaxError', message: d.key, lineno: p.lineno, offset: p.col + 1, end_lineno: p.lineno, end_offset: p.col + 1 }];
}
