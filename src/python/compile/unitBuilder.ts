import type { Position } from '../ast';
import { CodeKind, CodeUnit, ConstantPool } from './code';
import { Op } from './opcodes';

/** A jump target whose position is known once it is bound. */
export interface Label {
  position: number;
  readonly uses: number[];
}

/**
 * Builds one code unit: instructions with their positions, and the tables of names,
 * local variables and constants they refer to.
 */
export class UnitBuilder {
  private readonly ops: number[] = [];
  private readonly args: number[] = [];
  private readonly lines: number[] = [];
  private readonly columns: number[] = [];
  private readonly endColumns: number[] = [];
  readonly varnames: string[] = [];
  private readonly varIndex = new Map<string, number>();
  readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  readonly consts: number[] = [];
  private readonly constIndex = new Map<number, number>();
  /** The position instructions are attributed to. */
  line: number;
  column = -1;
  endColumn = -1;

  constructor(
    readonly kind: CodeKind,
    readonly name: string,
    readonly qualname: string,
    readonly firstLine: number,
    readonly pool: ConstantPool,
  ) {
    this.line = firstLine;
  }

  get position(): number {
    return this.ops.length;
  }

  at(node: Position): void {
    this.line = node.lineno;
    this.column = node.col_offset;
    this.endColumn = node.end_lineno === node.lineno ? node.end_col_offset : -1;
  }

  emit(op: Op, arg = 0): number {
    this.ops.push(op);
    this.args.push(arg);
    this.lines.push(this.line);
    this.columns.push(this.column);
    this.endColumns.push(this.endColumn);
    return this.ops.length - 1;
  }

  newLabel(): Label {
    return { position: -1, uses: [] };
  }

  /** Emits a jump to `label`, patched when the label is bound. */
  jump(op: Op, label: Label): void {
    const at = this.emit(op, label.position);
    if (label.position < 0) label.uses.push(at);
  }

  /** The last position a label was bound to: code there is reachable by a jump. */
  private lastBound = -1;

  bind(label: Label): void {
    label.position = this.ops.length;
    this.lastBound = this.ops.length;
    for (const use of label.uses) this.args[use] = label.position;
  }

  varnameIndex(name: string): number {
    let index = this.varIndex.get(name);
    if (index === undefined) {
      index = this.varnames.length;
      this.varnames.push(name);
      this.varIndex.set(name, index);
    }
    return index;
  }

  nameIndexOf(name: string): number {
    let index = this.nameIndex.get(name);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(name);
      this.nameIndex.set(name, index);
    }
    return index;
  }

  constIndexOf(poolIndex: number): number {
    let index = this.constIndex.get(poolIndex);
    if (index === undefined) {
      index = this.consts.length;
      this.consts.push(poolIndex);
      this.constIndex.set(poolIndex, index);
    }
    return index;
  }

  /** Whether the last instruction emitted ends the flow (so no fall-through code is needed). */
  endsFlow(): boolean {
    if (this.lastBound === this.ops.length) return false;
    const last = this.ops[this.ops.length - 1];
    return last === Op.ReturnValue || last === Op.Raise || last === Op.Reraise || last === Op.Jump || last === Op.JumpBackward;
  }

  finish(details: Omit<CodeUnit, 'kind' | 'name' | 'qualname' | 'firstLine' | 'varnames' | 'names' | 'consts' | 'ops' | 'args' | 'lines' | 'columns' | 'endColumns'>): CodeUnit {
    return {
      kind: this.kind,
      name: this.name,
      qualname: this.qualname,
      firstLine: this.firstLine,
      varnames: this.varnames,
      names: this.names,
      consts: this.consts,
      ops: Uint8Array.from(this.ops),
      args: Int32Array.from(this.args),
      lines: Int32Array.from(this.lines),
      columns: Int32Array.from(this.columns),
      endColumns: Int32Array.from(this.endColumns),
      ...details,
    };
  }
}
