/**
 * Building `SyntaxErrorInfo` values with CPython's conventions: lines from 1, offsets in
 * characters from 1 (CPython converts its byte columns when it raises), the end offset
 * one past the last character.
 */
import type { Position, SyntaxErrorInfo } from './ast';
import type { LineMap } from './lineMap';

/** An error CPython would raise, and where its parser would have stopped (for ordering). */
export interface ErrorCandidate {
  /** UTF-16 offset used to decide which of several errors CPython meets first. */
  readonly at: number;
  readonly error: SyntaxErrorInfo;
}

export type ErrorType = SyntaxErrorInfo['type'];

export class ErrorLocator {
  constructor(readonly lines: LineMap) {}

  /** An error spanning the text range [start, end). */
  range(message: string, start: number, end: number, type: ErrorType = 'SyntaxError'): ErrorCandidate {
    return {
      at: start,
      error: {
        type,
        message,
        lineno: this.lines.lineOf(start),
        offset: this.lines.charOffset(start),
        end_lineno: this.lines.lineOf(Math.max(start, end)),
        end_offset: this.lines.charOffset(Math.max(start, end)),
      },
    };
  }

  /** An error spanning an AST node (whose columns are UTF-8 bytes). */
  node(message: string, node: Position, type: ErrorType = 'SyntaxError'): ErrorCandidate {
    return this.range(message, this.startOf(node), this.endOf(node), type);
  }

  startOf(node: Position): number {
    return this.lines.offsetOf(node.lineno, node.col_offset);
  }

  endOf(node: Position): number {
    return this.lines.offsetOf(node.end_lineno, node.end_col_offset);
  }
}
