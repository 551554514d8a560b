/**
 * Positions as CPython reports them. The source is held as a JavaScript string (UTF-16);
 * CPython counts lines from 1 and columns in UTF-8 bytes from 0 (`col_offset`), so every
 * offset the parser gives us goes through a `LineMap` on its way into the tree.
 */

/** A line (1-based) and a column in UTF-8 bytes (0-based), as in `ast` nodes. */
export interface LineCol {
  readonly lineno: number;
  readonly col: number;
}

/**
 * Maps UTF-16 offsets of one (already normalized) source text to CPython positions.
 * Lines are split at `\n` only: `normalizeSource` has turned `\r\n` and `\r` into `\n`,
 * as CPython's universal-newline reading does before tokenizing.
 */
export class LineMap {
  private readonly lineStarts: number[] = [0];
  /** Per line, whether every character is ASCII (then bytes equal UTF-16 units). */
  private readonly asciiLine: boolean[] = [];
  /**
   * For long non-ASCII lines, made on first use: UTF-16 offsets along the line (never
   * inside a surrogate pair) and the UTF-8 bytes before each, so that a column is counted
   * from the nearest one rather than from the line's start (a long line was quadratic).
   */
  private readonly checkpoints = new Map<number, { offsets: number[]; bytes: number[] }>();

  constructor(readonly text: string) {
    let ascii = true;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        this.asciiLine.push(ascii);
        ascii = true;
        this.lineStarts.push(i + 1);
      } else if (c > 127) {
        ascii = false;
      }
    }
    this.asciiLine.push(ascii);
  }

  /** Number of lines, counting a last line without a newline. */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** 1-based line number of a UTF-16 offset. */
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  /** UTF-16 offset where a 1-based line starts. */
  lineStart(lineno: number): number {
    return this.lineStarts[Math.max(0, Math.min(lineno - 1, this.lineStarts.length - 1))];
  }

  /** The text of a 1-based line, without its newline. */
  lineText(lineno: number): string {
    const start = this.lineStart(lineno);
    const end = lineno < this.lineStarts.length ? this.lineStarts[lineno] - 1 : this.text.length;
    return this.text.slice(start, end);
  }

  /** CPython's (lineno, UTF-8 column) of a UTF-16 offset. */
  position(offset: number): LineCol {
    const lineno = this.lineOf(offset);
    const start = this.lineStarts[lineno - 1];
    if (this.asciiLine[lineno - 1]) return { lineno, col: offset - start };
    if (offset - start < CHECKPOINT_STRIDE) return { lineno, col: utf8Length(this.text, start, offset) };
    const { offsets, bytes } = this.checkpointsOf(lineno);
    let lo = 0;
    let hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { lineno, col: bytes[lo] + utf8Length(this.text, offsets[lo], offset) };
  }

  private checkpointsOf(lineno: number): { offsets: number[]; bytes: number[] } {
    let found = this.checkpoints.get(lineno);
    if (found !== undefined) return found;
    const start = this.lineStart(lineno);
    const end = lineno < this.lineStarts.length ? this.lineStarts[lineno] - 1 : this.text.length;
    found = { offsets: [start], bytes: [0] };
    let at = start;
    let count = 0;
    while (at < end) {
      let next = Math.min(end, at + CHECKPOINT_STRIDE);
      const c = this.text.charCodeAt(next - 1);
      if (next < end && c >= 0xd800 && c <= 0xdbff) next++;
      count += utf8Length(this.text, at, next);
      found.offsets.push(next);
      found.bytes.push(count);
      at = next;
    }
    this.checkpoints.set(lineno, found);
    return found;
  }

  /**
   * The 1-based column in code points of a UTF-16 offset, as `SyntaxError.offset`
   * counts (CPython converts its byte columns to characters when it raises).
   */
  charOffset(offset: number): number {
    const start = this.lineStarts[this.lineOf(offset) - 1];
    let chars = 0;
    for (let i = start; i < offset; i++) {
      const c = this.text.charCodeAt(i);
      // The second half of a surrogate pair is not a character of its own.
      if (!(c >= 0xdc00 && c <= 0xdfff && i > start && this.text.charCodeAt(i - 1) >= 0xd800 && this.text.charCodeAt(i - 1) <= 0xdbff)) chars++;
    }
    return chars + 1;
  }

  /** UTF-16 offset of CPython's (lineno, UTF-8 column); the inverse of `position`. */
  offsetOf(lineno: number, byteCol: number): number {
    const start = this.lineStart(lineno);
    if (this.asciiLine[lineno - 1]) return start + byteCol;
    return start + utf16Column(this.lineText(lineno), byteCol);
  }
}

const CHECKPOINT_STRIDE = 256;

/** Number of UTF-8 bytes that encode `text.slice(from, to)`. */
export function utf8Length(text: string, from = 0, to = text.length): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      // A surrogate pair is one code point of four bytes.
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The UTF-16 column (what editors count) of a UTF-8 byte offset within one line, e.g. to
 * place CPython's `col_offset` or `SyntaxError.offset - 1` in a VS Code `Position`.
 * A byte offset inside a multi-byte character maps to that character's start; past the
 * end of the line it maps to the line's length plus the excess bytes.
 */
export function utf16Column(lineText: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < lineText.length) {
    const c = lineText.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < lineText.length;
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > byteOffset) return i;
    bytes += size;
    i += pair ? 2 : 1;
  }
  return lineText.length + Math.max(0, byteOffset - bytes);
}

/**
 * The text CPython tokenizes: a leading byte-order mark dropped, and `\r\n` and lone `\r`
 * turned into `\n` (universal newlines). Line numbers and in-line columns are unchanged.
 */
export function normalizeSource(source: string): string {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}
