/**
 * The kind of expression a piece of source text is, for error messages about code that
 * did not parse (`(a.b := 1)`: pyright cannot build that walrus, but CPython names its
 * target, "attribute"). The text is parsed on its own, wrapped in parentheses so that it
 * may span lines.
 */
import type { Expr } from './ast';
import { LineMap } from './lineMap';
import { lowerModule } from './lower';
import { parsePyright } from './pyright';
import type { PythonVersion } from '../protocol';

export function parseExpressionText(source: string, version: PythonVersion): Expr | undefined {
  const text = `(\n${source}\n)`;
  try {
    const parse = parsePyright(text, version);
    const stmt = lowerModule(parse, new LineMap(text), version).module.body[0];
    return stmt?.kind === 'Expr' ? stmt.value : undefined;
  } catch {
    return undefined;
  }
}
