/**
 * How CPython names expressions in its error messages, and which expressions are valid
 * assignment targets: `_PyPegen_get_expr_name` and `_PyPegen_get_invalid_target` in
 * Parser/pegen.c and Parser/action_helpers.c.
 */
import type { Expr } from './ast';

/** "cannot assign to {name}", "cannot delete {name}". */
export function exprName(e: Expr): string {
  switch (e.kind) {
    case 'Attribute':
      return 'attribute';
    case 'Subscript':
      return 'subscript';
    case 'Starred':
      return 'starred';
    case 'Name':
      return 'name';
    case 'List':
      return 'list';
    case 'Tuple':
      return 'tuple';
    case 'Lambda':
      return 'lambda';
    case 'Call':
      return 'function call';
    case 'BoolOp':
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'GeneratorExp':
      return 'generator expression';
    case 'Yield':
    case 'YieldFrom':
      return 'yield expression';
    case 'Await':
      return 'await expression';
    case 'ListComp':
      return 'list comprehension';
    case 'SetComp':
      return 'set comprehension';
    case 'DictComp':
      return 'dict comprehension';
    case 'Dict':
      return 'dict literal';
    case 'Set':
      return 'set display';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'f-string expression';
    case 'TemplateStr':
    case 'Interpolation':
      return 't-string expression';
    case 'Constant':
      switch (e.value.type) {
        case 'None':
          return 'None';
        case 'bool':
          return e.value.value ? 'True' : 'False';
        case 'Ellipsis':
          return 'ellipsis';
        default:
          return 'literal';
      }
    case 'Compare':
      return 'comparison';
    case 'IfExp':
      return 'conditional expression';
    case 'NamedExpr':
      return 'named expression';
    case 'Slice':
      return 'slice';
  }
}

export type TargetsKind = 'star' | 'del' | 'for';

/** The first sub-expression that cannot be a target, or undefined if `e` is a valid one. */
export function invalidTarget(e: Expr, kind: TargetsKind): Expr | undefined {
  switch (e.kind) {
    case 'Tuple':
    case 'List':
      for (const elt of e.elts) {
        const bad = invalidTarget(elt, kind);
        if (bad) return bad;
      }
      return undefined;
    case 'Starred':
      return kind === 'del' ? e : invalidTarget(e.value, kind);
    case 'Compare':
      // In `for a in b`, CPython may first parse `a in b` as a comparison; it then looks
      // for the invalid target on the left of the `in`.
      if (kind === 'for') return e.ops[0] === 'In' ? invalidTarget(e.left, kind) : undefined;
      return e;
    case 'Name':
      // An empty name is our placeholder for an expression pyright could not parse.
      return undefined;
    case 'Subscript':
    case 'Attribute':
      return undefined;
    default:
      return e;
  }
}
