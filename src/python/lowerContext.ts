/**
 * What the lowering's helpers (`lowerStrings.ts`, `lowerPatterns.ts`, `lowerArguments.ts`)
 * need from the lowering itself, so that they do not import `lower.ts` back.
 */
import type { ExpressionNode } from '@zzzen/pyright-internal/dist/parser/parseNodes';
import type { Expr, ExprContext, Position, SyntaxWarningInfo } from './ast';
import type { LineMap } from './lineMap';
import type { TokenIndex } from './tokenIndex';
import type { PythonVersion } from '../protocol';

/** A problem the lowering found that CPython's parser reports as a SyntaxError. */
export interface LoweringProblem {
  readonly message: string;
  /** UTF-16 offsets in the normalized source. */
  readonly start: number;
  readonly end: number;
}

export interface LowerContext {
  readonly text: string;
  readonly lines: LineMap;
  readonly tokens: TokenIndex;
  readonly version: PythonVersion;
  /** Problems found while lowering, in the order found. */
  readonly problems: LoweringProblem[];
  /** Invalid escape sequences in string literals, in the order CPython's parser meets them. */
  readonly escapeWarnings: SyntaxWarningInfo[];
  /**
   * Text ranges of valid code that pyright wrongly rejects (such as `case {}:`); its
   * diagnostics inside them are not errors.
   */
  readonly pyrightFalseAlarms: [number, number][];
  /** Lowers an expression in the given context. */
  expr(node: ExpressionNode, ctx?: ExprContext): Expr;
  /** CPython's position for the text range [start, end). */
  pos(start: number, end: number): Position;
  /** The text range CPython gives an expression (pyright's widening undone). */
  exprRange(node: ExpressionNode): [number, number];
  /** An identifier as CPython stores it (NFKC-normalized). */
  identifier(text: string): string;
}
