import type * as ast from './ast';
import type { PythonVersion } from '../protocol';

/**
 * Constant folding, as CPython's AST optimizer does it: a provisional version covering
 * negative numbers, arithmetic on constants and tuples of constants. (The full version
 * following Python/ast_opt.c replaces this file.)
 */
export function foldConstants(module: ast.Module, version: PythonVersion): ast.Module {
  void version;
  return { ...module, body: module.body.map(foldStmt) };
}

type Node = Record<string, unknown> & { kind: string };

function foldAny(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(foldAny);
  if (value && typeof value === 'object' && 'kind' in value) return foldNode(value as Node);
  return value;
}

function foldStmt(s: ast.Stmt): ast.Stmt {
  return foldNode(s as unknown as Node) as unknown as ast.Stmt;
}

function foldNode(node: Node): Node {
  if (node.kind === 'Constant') return node;
  const copy: Node = { ...node };
  for (const [k, v] of Object.entries(node)) if (k !== 'kind' && typeof v === 'object' && v !== null) copy[k] = foldAny(v);
  const e = copy as unknown as ast.Expr;
  if (e.kind === 'UnaryOp' && e.operand.kind === 'Constant') {
    const v = e.operand.value;
    if (e.op === 'USub' && v.type === 'int') return constant(e, { type: 'int', value: -v.value });
    if (e.op === 'USub' && v.type === 'float') return constant(e, { type: 'float', value: -v.value });
    if (e.op === 'UAdd' && (v.type === 'int' || v.type === 'float')) return constant(e, v);
    if (e.op === 'Invert' && v.type === 'int') return constant(e, { type: 'int', value: -v.value - 1n });
  }
  if (e.kind === 'BinOp' && e.left.kind === 'Constant' && e.right.kind === 'Constant') {
    const a = e.left.value;
    const b = e.right.value;
    if (a.type === 'int' && b.type === 'int') {
      const r = intOp(e.op, a.value, b.value);
      if (r !== null) return constant(e, { type: 'int', value: r });
    }
    if (a.type === 'str' && b.type === 'str' && e.op === 'Add' && a.value.length + b.value.length <= 4096) return constant(e, { type: 'str', value: a.value + b.value });
    if (a.type === 'str' && b.type === 'int' && e.op === 'Mult' && b.value >= 0n && a.value.length * Number(b.value) <= 4096) return constant(e, { type: 'str', value: a.value.repeat(Number(b.value)) });
  }
  if (e.kind === 'Tuple' && e.ctx === 'Load' && e.elts.every((x) => x.kind === 'Constant')) {
    return constant(e, { type: 'tuple', items: e.elts.map((x) => (x as ast.Constant).value) });
  }
  return copy;
}

function intOp(op: ast.Operator, a: bigint, b: bigint): bigint | null {
  const limit = (v: bigint): bigint | null => (v.toString(2).length <= 128 ? v : null);
  switch (op) {
    case 'Add':
      return limit(a + b);
    case 'Sub':
      return limit(a - b);
    case 'Mult':
      return limit(a * b);
    case 'Pow':
      return b >= 0n && b <= 128n ? limit(a ** b) : null;
    case 'LShift':
      return b >= 0n && b <= 128n ? limit(a << b) : null;
    case 'FloorDiv':
      return b !== 0n ? (a - (((a % b) + b) % b)) / b : null;
    case 'Mod':
      return b !== 0n ? ((a % b) + b) % b : null;
    case 'BitAnd':
      return a & b;
    case 'BitOr':
      return a | b;
    case 'BitXor':
      return a ^ b;
    case 'RShift':
      return b >= 0n ? a >> b : null;
    default:
      return null;
  }
}

function constant(at: ast.Position, value: ast.ConstantValue): Node {
  return { kind: 'Constant', value, constKind: null, lineno: at.lineno, col_offset: at.col_offset, end_lineno: at.end_lineno, end_col_offset: at.end_col_offset } as unknown as Node;
}
