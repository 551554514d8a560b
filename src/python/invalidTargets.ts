/**
 * Assignment, deletion and loop targets that CPython's parser rejects but pyright accepts
 * (`1 = x`, `del f()`, `a, b += 1`, `for f() in y`): the `invalid_assignment`,
 * `invalid_del_stmt`, `invalid_for_target`, `invalid_with_item`, `invalid_ann_assign_target`
 * and `invalid_named_expression` rules of Grammar/python.gram, checked on our tree.
 *
 * Which message CPython picks depends on the order its rules run in. For `1 = x` the
 * `invalid_named_expression` rule sees `1`, then `=`, then an operand, and says "cannot
 * assign to literal here. Maybe you meant '==' instead of '='?"; for `1 = x = y` that rule
 * does not match (another `=` follows) and the plain "cannot assign to literal" wins.
 */
import type * as ast from './ast';
import { forEachChildExpr, forEachStmtPart } from './astChildren';
import type { ErrorCandidate, ErrorLocator } from './errorLocation';
import { exprName, invalidTarget } from './exprNames';

export interface TargetCheckContext {
  readonly locate: ErrorLocator;
  /** Is the expression wrapped in parentheses of its own? */
  isParenthesized(e: ast.Expr): boolean;
  /** Is this a tuple written with its parentheses, `(a, b)`? */
  hasOwnParens(e: ast.Expr): boolean;
  /** The error CPython's parser gives at the token right after the expression. */
  invalidSyntaxAfter(e: ast.Expr): ErrorCandidate;
}

/** Every target error in the module, in source order. */
export function findTargetErrors(module: ast.Module, cx: TargetCheckContext): ErrorCandidate[] {
  const out: ErrorCandidate[] = [];
  const expr = (e: ast.Expr): void => {
    if (e.kind === 'ListComp' || e.kind === 'SetComp' || e.kind === 'DictComp' || e.kind === 'GeneratorExp') {
      for (const g of e.generators) checkNode(g, cx, out);
    }
    forEachChildExpr(e, expr);
  };
  const stmts = (body: readonly ast.Stmt[]) => body.forEach(stmt);
  const stmt = (s: ast.Stmt): void => {
    checkNode(s, cx, out);
    forEachStmtPart(s, expr, stmts);
  };
  stmts(module.body);
  return out.sort((a, b) => a.at - b.at);
}

function checkNode(n: ast.Stmt | ast.Expr | ast.Comprehension, cx: TargetCheckContext, out: ErrorCandidate[]): void {
  const { locate } = cx;
  switch (n.kind) {
    case 'Assign':
      if (n.targets.length === 1) {
        const error = singleAssignment(n.targets[0], n.value, cx);
        if (error) out.push(error);
      } else {
        for (const target of n.targets) {
          const bad = invalidTarget(target, 'star');
          if (bad) {
            out.push(locate.node(`cannot assign to ${exprName(bad)}`, bad));
            break;
          }
        }
      }
      return;
    case 'AugAssign':
      if (n.target.kind !== 'Name' && n.target.kind !== 'Attribute' && n.target.kind !== 'Subscript') {
        out.push(locate.node(`'${exprName(n.target)}' is an illegal expression for augmented assignment`, n.target));
      }
      return;
    case 'AnnAssign': {
      const t = n.target;
      if (t.kind === 'Name' || t.kind === 'Attribute' || t.kind === 'Subscript') return;
      if (t.kind === 'Starred') {
        // No grammar rule accepts `*a: int`: the parser stops at the ':'.
        out.push(cx.invalidSyntaxAfter(t));
        return;
      }
      if (t.kind === 'Tuple' && !cx.hasOwnParens(t) && t.elts.length > 0) {
        out.push(locate.node('only single target (not tuple) can be annotated', t.elts[0]));
      } else if (t.kind === 'Tuple' || t.kind === 'List') {
        out.push(locate.node(`only single target (not ${exprName(t)}) can be annotated`, t));
      } else {
        out.push(locate.node('illegal target for annotation', t));
      }
      return;
    }
    case 'Delete':
      for (const target of n.targets) {
        const bad = invalidTarget(target, 'del');
        if (bad) {
          out.push(locate.node(`cannot delete ${exprName(bad)}`, bad));
          break;
        }
      }
      return;
    case 'For':
    case 'comprehension': {
      const bad = invalidTarget(n.target, 'for');
      if (bad) out.push(locate.node(`cannot assign to ${exprName(bad)}`, bad));
      return;
    }
    case 'With':
      for (const item of n.items) {
        const bad = item.optional_vars && invalidTarget(item.optional_vars, 'star');
        if (bad) {
          out.push(locate.node(`cannot assign to ${exprName(bad)}`, bad));
          break;
        }
      }
      return;
    default:
      return;
  }
}

/** `target = value` with one target: see the file comment for the three outcomes. */
function singleAssignment(target: ast.Expr, value: ast.Expr, cx: TargetCheckContext): ErrorCandidate | undefined {
  const bad = invalidTarget(target, 'star');
  if (!bad) return undefined;
  const plain = cx.locate.node(`cannot assign to ${exprName(bad)}`, bad);
  // The expression right before the `=`: the last element of an unparenthesized tuple.
  const last = target.kind === 'Tuple' && !cx.hasOwnParens(target) ? target.elts[target.elts.length - 1] : target;
  const operand = firstBitwiseOr(value, cx);
  if (!last || !operand) return plain;
  if (last.kind === 'Name' && !cx.isParenthesized(last)) {
    return cx.locate.range(
      "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
      cx.locate.startOf(last),
      cx.locate.endOf(operand),
    );
  }
  if (isBitwiseOrLevel(last, cx) && !isExcludedAtom(last, cx)) {
    return cx.locate.node(`cannot assign to ${exprName(last)} here. Maybe you meant '==' instead of '='?`, last);
  }
  return plain;
}

/**
 * Expressions of the grammar's `bitwise_or` level or below: what `a=bitwise_or '='` can
 * match. Anything in parentheses is an atom, so it qualifies.
 */
function isBitwiseOrLevel(e: ast.Expr, cx: TargetCheckContext): boolean {
  if (cx.isParenthesized(e)) return true;
  switch (e.kind) {
    case 'Lambda':
    case 'IfExp':
    case 'Compare':
    case 'BoolOp':
    case 'Starred':
    case 'NamedExpr':
    case 'Yield':
    case 'YieldFrom':
      return false;
    case 'UnaryOp':
      return e.op !== 'Not';
    case 'Tuple':
      return false;
    default:
      return true;
  }
}

/** `!(list|tuple|genexp|'True'|'None'|'False')` in `invalid_named_expression`. */
function isExcludedAtom(e: ast.Expr, cx: TargetCheckContext): boolean {
  if (e.kind === 'List' || e.kind === 'Tuple' || e.kind === 'GeneratorExp') return true;
  return e.kind === 'Constant' && (e.value.type === 'None' || e.value.type === 'bool') && !cx.isParenthesized(e);
}

/** The first `bitwise_or` operand of a right-hand side, where CPython's rule would look. */
function firstBitwiseOr(e: ast.Expr, cx: TargetCheckContext): ast.Expr | undefined {
  if (isBitwiseOrLevel(e, cx)) return e;
  switch (e.kind) {
    case 'Tuple':
      return e.elts[0] && firstBitwiseOr(e.elts[0], cx);
    case 'IfExp':
      return firstBitwiseOr(e.body, cx);
    case 'Compare':
      return firstBitwiseOr(e.left, cx);
    case 'BoolOp':
      return e.values[0] && firstBitwiseOr(e.values[0], cx);
    default:
      return undefined;
  }
}
