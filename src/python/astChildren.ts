/**
 * The direct sub-expressions of an expression, in the order CPython's symtable.c visits
 * them, for passes that treat most kinds alike (symbol table, compile-time checks).
 * Written out kind by kind: walking objects generically was the slowest part of checking
 * a large file.
 */
import type * as ast from './ast';

export function forEachChildExpr(e: ast.Expr, visit: (child: ast.Expr) => void): void {
  switch (e.kind) {
    case 'BoolOp':
      e.values.forEach(visit);
      return;
    case 'NamedExpr':
      visit(e.target);
      visit(e.value);
      return;
    case 'BinOp':
      visit(e.left);
      visit(e.right);
      return;
    case 'UnaryOp':
      visit(e.operand);
      return;
    case 'Lambda':
      e.args.defaults.forEach(visit);
      for (const d of e.args.kw_defaults) if (d) visit(d);
      visit(e.body);
      return;
    case 'IfExp':
      visit(e.test);
      visit(e.body);
      visit(e.orelse);
      return;
    case 'Dict':
      for (const k of e.keys) if (k) visit(k);
      e.values.forEach(visit);
      return;
    case 'Set':
    case 'List':
    case 'Tuple':
      e.elts.forEach(visit);
      return;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
      forEachGenerator(e.generators, visit);
      visit(e.elt);
      return;
    case 'DictComp':
      forEachGenerator(e.generators, visit);
      visit(e.key);
      visit(e.value);
      return;
    case 'Await':
    case 'YieldFrom':
    case 'Starred':
    case 'Attribute':
      visit(e.value);
      return;
    case 'Yield':
      if (e.value) visit(e.value);
      return;
    case 'Compare':
      visit(e.left);
      e.comparators.forEach(visit);
      return;
    case 'Call':
      visit(e.func);
      e.args.forEach(visit);
      for (const k of e.keywords) visit(k.value);
      return;
    case 'FormattedValue':
    case 'Interpolation':
      visit(e.value);
      if (e.format_spec) visit(e.format_spec);
      return;
    case 'JoinedStr':
    case 'TemplateStr':
      e.values.forEach(visit);
      return;
    case 'Subscript':
      visit(e.value);
      visit(e.slice);
      return;
    case 'Slice':
      if (e.lower) visit(e.lower);
      if (e.upper) visit(e.upper);
      if (e.step) visit(e.step);
      return;
    case 'Name':
    case 'Constant':
      return;
  }
}

function forEachGenerator(generators: readonly ast.Comprehension[], visit: (child: ast.Expr) => void): void {
  for (const g of generators) {
    visit(g.target);
    visit(g.iter);
    g.ifs.forEach(visit);
  }
}

/** The expressions and statement lists directly inside a statement. */
export function forEachStmtPart(s: ast.Stmt, visitExpr: (e: ast.Expr) => void, visitBody: (body: readonly ast.Stmt[]) => void): void {
  const opt = (e: ast.Expr | null) => {
    if (e) visitExpr(e);
  };
  const args = (a: ast.Arguments) => {
    for (const x of [...a.posonlyargs, ...a.args, ...a.kwonlyargs]) opt(x.annotation);
    opt(a.vararg?.annotation ?? null);
    opt(a.kwarg?.annotation ?? null);
    a.defaults.forEach(visitExpr);
    for (const d of a.kw_defaults) opt(d);
  };
  switch (s.kind) {
    case 'FunctionDef':
      s.decorator_list.forEach(visitExpr);
      args(s.args);
      opt(s.returns);
      visitBody(s.body);
      return;
    case 'ClassDef':
      s.decorator_list.forEach(visitExpr);
      s.bases.forEach(visitExpr);
      for (const k of s.keywords) visitExpr(k.value);
      visitBody(s.body);
      return;
    case 'Return':
      opt(s.value);
      return;
    case 'Delete':
      s.targets.forEach(visitExpr);
      return;
    case 'Assign':
      s.targets.forEach(visitExpr);
      visitExpr(s.value);
      return;
    case 'TypeAlias':
      visitExpr(s.value);
      return;
    case 'AugAssign':
      visitExpr(s.target);
      visitExpr(s.value);
      return;
    case 'AnnAssign':
      visitExpr(s.target);
      visitExpr(s.annotation);
      opt(s.value);
      return;
    case 'For':
      visitExpr(s.target);
      visitExpr(s.iter);
      visitBody(s.body);
      visitBody(s.orelse);
      return;
    case 'While':
    case 'If':
      visitExpr(s.test);
      visitBody(s.body);
      visitBody(s.orelse);
      return;
    case 'With':
      for (const item of s.items) {
        visitExpr(item.context_expr);
        opt(item.optional_vars);
      }
      visitBody(s.body);
      return;
    case 'Match':
      visitExpr(s.subject);
      for (const c of s.cases) {
        opt(c.guard);
        visitBody(c.body);
      }
      return;
    case 'Raise':
      opt(s.exc);
      opt(s.cause);
      return;
    case 'Try':
      visitBody(s.body);
      for (const h of s.handlers) {
        opt(h.type);
        visitBody(h.body);
      }
      visitBody(s.orelse);
      visitBody(s.finalbody);
      return;
    case 'Assert':
      visitExpr(s.test);
      opt(s.msg);
      return;
    case 'Expr':
      visitExpr(s.value);
      return;
    default:
      return;
  }
}
