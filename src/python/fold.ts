/**
 * CPython's AST optimizer (Python/ast_opt.c, 3.10–3.13): the compile-time constant folding
 * that decides which expressions become one constant object in a code object. Object
 * identity in programs depends on it: `(1, 2, 3)` is one constant tuple shared by every
 * execution, `x in [1, 2]` tests a constant tuple, `-5000` and `"ab" * 3` are constants.
 *
 * Folded here, as ast_opt.c folds (bottom-up, so operands fold first):
 * - unary and binary operators on constants (`fold_unaryop`, `fold_binop`), within the
 *   optimizer's size limits (constantOps.ts); `not` of a single `is`/`in` comparison
 *   becomes the inverted comparison;
 * - tuples of constants (`fold_tuple`), and constant subscripts (`fold_subscr`);
 * - the iterable of `for` and of comprehensions, and the last operand of `in`/`not in`
 *   (`fold_iter`, `fold_compare`): a list becomes a tuple (a constant one if its items
 *   are constants), a set of constants a frozenset;
 * - `__debug__` (True: HeapScope compiles as `python` without `-O`);
 * - from 3.11, `'%s %r' % (a, b)` becomes an f-string (`optimize_format`).
 *
 * 3.14 moved these foldings into the compiler's flow-graph optimizer (`fold_const_binop`,
 * `fold_tuple_of_constants`, `optimize_lists_and_sets`, ...) with the same limits; the
 * constants a program ends up with are the same, so 3.14 is folded as 3.13 is. (Its
 * small ints load with LOAD_SMALL_INT rather than from co_consts, which is the
 * interpreter's concern, not the tree's.)
 *
 * Not folded by ast_opt.c, and so not here: comparisons, boolean operators and
 * conditional expressions (the compiler's jump optimizations may still pick a constant
 * operand; the value is the same object either way), and slices.
 */
import type * as ast from './ast';
import { binaryOp, subscript, unaryOp } from './constantOps';
import type { PythonVersion } from '../protocol';

/** Returns a new tree with CPython's compile-time constants folded into `Constant` nodes. */
export function foldConstants(module: ast.Module, version: PythonVersion): ast.Module {
  const folder = new Folder(version, hasFutureAnnotations(module));
  return { ...module, body: folder.body(module.body) };
}

function hasFutureAnnotations(module: ast.Module): boolean {
  return module.body.some((s) => s.kind === 'ImportFrom' && s.module === '__future__' && s.names.some((a) => a.name === 'annotations'));
}

function constant(value: ast.ConstantValue, at: ast.Position): ast.Constant {
  return {
    kind: 'Constant',
    value,
    constKind: null,
    lineno: at.lineno,
    col_offset: at.col_offset,
    end_lineno: at.end_lineno,
    end_col_offset: at.end_col_offset,
  };
}

function isDocstring(s: ast.Stmt | undefined): boolean {
  return s?.kind === 'Expr' && s.value.kind === 'Constant' && s.value.value.type === 'str';
}

class Folder {
  private readonly formatOptimization: boolean;

  constructor(
    version: PythonVersion,
    private readonly futureAnnotations: boolean,
  ) {
    this.formatOptimization = version !== '3.10';
  }

  /**
   * astfold_body: a statement list, keeping a string that folding made first from
   * becoming a docstring (it is wrapped in a JoinedStr, as CPython does).
   */
  body(stmts: readonly ast.Stmt[]): ast.Stmt[] {
    const hadDocstring = isDocstring(stmts[0]);
    const out = stmts.map((s) => this.stmt(s));
    const first = out[0];
    if (!hadDocstring && isDocstring(first) && first.kind === 'Expr') {
      out[0] = { ...first, value: { kind: 'JoinedStr', values: [first.value], ...position(first) } };
    }
    return out;
  }

  private stmts(stmts: readonly ast.Stmt[]): ast.Stmt[] {
    return stmts.map((s) => this.stmt(s));
  }

  private opt(e: ast.Expr | null): ast.Expr | null {
    return e ? this.expr(e) : null;
  }

  private annotation(e: ast.Expr | null): ast.Expr | null {
    return this.futureAnnotations ? e : this.opt(e);
  }

  private stmt(s: ast.Stmt): ast.Stmt {
    switch (s.kind) {
      case 'FunctionDef':
        return {
          ...s,
          type_params: s.type_params.map((p) => this.typeParam(p)),
          args: this.arguments(s.args),
          body: this.body(s.body),
          decorator_list: s.decorator_list.map((d) => this.expr(d)),
          returns: this.annotation(s.returns),
        };
      case 'ClassDef':
        return {
          ...s,
          type_params: s.type_params.map((p) => this.typeParam(p)),
          bases: s.bases.map((b) => this.expr(b)),
          keywords: s.keywords.map((k) => ({ ...k, value: this.expr(k.value) })),
          body: this.body(s.body),
          decorator_list: s.decorator_list.map((d) => this.expr(d)),
        };
      case 'Return':
        return { ...s, value: this.opt(s.value) };
      case 'Delete':
        return { ...s, targets: s.targets.map((t) => this.expr(t)) };
      case 'Assign':
        return { ...s, targets: s.targets.map((t) => this.expr(t)), value: this.expr(s.value) };
      case 'AugAssign':
        return { ...s, target: this.expr(s.target), value: this.expr(s.value) };
      case 'AnnAssign':
        return { ...s, target: this.expr(s.target), annotation: this.futureAnnotations ? s.annotation : this.expr(s.annotation), value: this.opt(s.value) };
      case 'TypeAlias':
        return { ...s, type_params: s.type_params.map((p) => this.typeParam(p)), value: this.expr(s.value) };
      case 'For':
        return {
          ...s,
          target: this.expr(s.target),
          iter: this.foldIter(this.expr(s.iter)),
          body: this.stmts(s.body),
          orelse: this.stmts(s.orelse),
        };
      case 'While':
        return { ...s, test: this.expr(s.test), body: this.stmts(s.body), orelse: this.stmts(s.orelse) };
      case 'If':
        return { ...s, test: this.expr(s.test), body: this.stmts(s.body), orelse: this.stmts(s.orelse) };
      case 'With':
        return {
          ...s,
          items: s.items.map((i) => ({ ...i, context_expr: this.expr(i.context_expr), optional_vars: this.opt(i.optional_vars) })),
          body: this.stmts(s.body),
        };
      case 'Match':
        return {
          ...s,
          subject: this.expr(s.subject),
          cases: s.cases.map((c) => ({ ...c, pattern: this.pattern(c.pattern), guard: this.opt(c.guard), body: this.stmts(c.body) })),
        };
      case 'Raise':
        return { ...s, exc: this.opt(s.exc), cause: this.opt(s.cause) };
      case 'Try':
        return {
          ...s,
          body: this.stmts(s.body),
          handlers: s.handlers.map((h) => ({ ...h, type: this.opt(h.type), body: this.stmts(h.body) })),
          orelse: this.stmts(s.orelse),
          finalbody: this.stmts(s.finalbody),
        };
      case 'Assert':
        return { ...s, test: this.expr(s.test), msg: this.opt(s.msg) };
      case 'Expr':
        return { ...s, value: this.expr(s.value) };
      default:
        return s;
    }
  }

  private typeParam(p: ast.TypeParam): ast.TypeParam {
    if (p.kind === 'TypeVar') return { ...p, bound: this.opt(p.bound), default_value: this.opt(p.default_value) };
    return { ...p, default_value: this.opt(p.default_value) };
  }

  private arguments(a: ast.Arguments): ast.Arguments {
    const arg = (x: ast.Arg): ast.Arg => ({ ...x, annotation: this.annotation(x.annotation) });
    return {
      ...a,
      posonlyargs: a.posonlyargs.map(arg),
      args: a.args.map(arg),
      vararg: a.vararg && arg(a.vararg),
      kwonlyargs: a.kwonlyargs.map(arg),
      kw_defaults: a.kw_defaults.map((d) => this.opt(d)),
      kwarg: a.kwarg && arg(a.kwarg),
      defaults: a.defaults.map((d) => this.expr(d)),
    };
  }

  private pattern(p: ast.Pattern): ast.Pattern {
    switch (p.kind) {
      case 'MatchValue':
        return { ...p, value: this.expr(p.value) };
      case 'MatchSequence':
        return { ...p, patterns: p.patterns.map((x) => this.pattern(x)) };
      case 'MatchMapping':
        return { ...p, keys: p.keys.map((k) => this.expr(k)), patterns: p.patterns.map((x) => this.pattern(x)) };
      case 'MatchClass':
        return { ...p, cls: this.expr(p.cls), patterns: p.patterns.map((x) => this.pattern(x)), kwd_patterns: p.kwd_patterns.map((x) => this.pattern(x)) };
      case 'MatchAs':
        return { ...p, pattern: p.pattern && this.pattern(p.pattern) };
      case 'MatchOr':
        return { ...p, patterns: p.patterns.map((x) => this.pattern(x)) };
      default:
        return p;
    }
  }

  private comprehension(g: ast.Comprehension): ast.Comprehension {
    return { ...g, target: this.expr(g.target), iter: this.foldIter(this.expr(g.iter)), ifs: g.ifs.map((x) => this.expr(x)) };
  }

  expr(e: ast.Expr): ast.Expr {
    switch (e.kind) {
      case 'BoolOp':
        return { ...e, values: e.values.map((v) => this.expr(v)) };
      case 'BinOp':
        return this.foldBinOp({ ...e, left: this.expr(e.left), right: this.expr(e.right) });
      case 'UnaryOp':
        return this.foldUnaryOp({ ...e, operand: this.expr(e.operand) });
      case 'Lambda':
        return { ...e, args: this.arguments(e.args), body: this.expr(e.body) };
      case 'IfExp':
        return { ...e, test: this.expr(e.test), body: this.expr(e.body), orelse: this.expr(e.orelse) };
      case 'Dict':
        return { ...e, keys: e.keys.map((k) => k && this.expr(k)), values: e.values.map((v) => this.expr(v)) };
      case 'Set':
        return { ...e, elts: e.elts.map((x) => this.expr(x)) };
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        return { ...e, elt: this.expr(e.elt), generators: e.generators.map((g) => this.comprehension(g)) };
      case 'DictComp':
        return { ...e, key: this.expr(e.key), value: this.expr(e.value), generators: e.generators.map((g) => this.comprehension(g)) };
      case 'Await':
        return { ...e, value: this.expr(e.value) };
      case 'Yield':
        return { ...e, value: this.opt(e.value) };
      case 'YieldFrom':
        return { ...e, value: this.expr(e.value) };
      case 'Compare': {
        const comparators = e.comparators.map((c) => this.expr(c));
        const last = comparators.length - 1;
        // fold_compare: only the last operand, and only for `in` / `not in`.
        if (e.ops[last] === 'In' || e.ops[last] === 'NotIn') comparators[last] = this.foldIter(comparators[last]);
        return { ...e, left: this.expr(e.left), comparators };
      }
      case 'Call':
        return { ...e, func: this.expr(e.func), args: e.args.map((a) => this.expr(a)), keywords: e.keywords.map((k) => ({ ...k, value: this.expr(k.value) })) };
      case 'FormattedValue':
        return { ...e, value: this.expr(e.value), format_spec: e.format_spec && (this.expr(e.format_spec) as ast.JoinedStr | ast.Constant) };
      case 'Interpolation':
        return { ...e, value: this.expr(e.value), format_spec: e.format_spec && (this.expr(e.format_spec) as ast.JoinedStr) };
      case 'JoinedStr':
      case 'TemplateStr':
        return { ...e, values: e.values.map((v) => this.expr(v)) };
      case 'Attribute':
        return { ...e, value: this.expr(e.value) };
      case 'Subscript':
        return this.foldSubscript({ ...e, value: this.expr(e.value), slice: this.expr(e.slice) });
      case 'Starred':
        return { ...e, value: this.expr(e.value) };
      case 'Slice':
        return { ...e, lower: this.opt(e.lower), upper: this.opt(e.upper), step: this.opt(e.step) };
      case 'List':
        return { ...e, elts: e.elts.map((x) => this.expr(x)) };
      case 'Tuple':
        return this.foldTuple({ ...e, elts: e.elts.map((x) => this.expr(x)) });
      case 'Name':
        return e.ctx === 'Load' && e.id === '__debug__' ? constant({ type: 'bool', value: true }, e) : e;
      case 'NamedExpr':
        return { ...e, value: this.expr(e.value) };
      case 'Constant':
        return e;
    }
  }

  /** fold_unaryop, with its folding of `not (a is b)` into `a is not b`. */
  private foldUnaryOp(e: ast.UnaryOp): ast.Expr {
    const arg = e.operand;
    if (arg.kind !== 'Constant') {
      if (e.op === 'Not' && arg.kind === 'Compare' && arg.ops.length === 1) {
        const inverse: Partial<Record<ast.CmpOp, ast.CmpOp>> = { Is: 'IsNot', IsNot: 'Is', In: 'NotIn', NotIn: 'In' };
        const op = inverse[arg.ops[0]];
        // COPY_NODE: the comparison, with its own position, takes the place of the `not`.
        if (op) return { ...arg, ops: [op] };
      }
      return e;
    }
    const value = unaryOp(e.op, arg.value);
    return value ? constant(value, e) : e;
  }

  /** fold_binop (and optimize_format for `str % tuple`). */
  private foldBinOp(e: ast.BinOp): ast.Expr {
    const { left, right } = e;
    if (left.kind !== 'Constant') return e;
    if (this.formatOptimization && e.op === 'Mod' && right.kind === 'Tuple' && left.value.type === 'str' && !right.elts.some((x) => x.kind === 'Starred')) {
      return optimizeFormat(e, left.value.value, right.elts) ?? e;
    }
    if (right.kind !== 'Constant') return e;
    const value = binaryOp(e.op, left.value, right.value);
    return value ? constant(value, e) : e;
  }

  private foldTuple(e: ast.Tuple): ast.Expr {
    if (e.ctx !== 'Load') return e;
    const items = constantItems(e.elts);
    return items ? constant({ type: 'tuple', items }, e) : e;
  }

  private foldSubscript(e: ast.Subscript): ast.Expr {
    if (e.ctx !== 'Load' || e.value.kind !== 'Constant' || e.slice.kind !== 'Constant') return e;
    const value = subscript(e.value.value, e.slice.value);
    return value ? constant(value, e) : e;
  }

  /** fold_iter: a list becomes a tuple, a list or set of constants a constant. */
  private foldIter(e: ast.Expr): ast.Expr {
    if (e.kind === 'List') {
      if (e.elts.some((x) => x.kind === 'Starred')) return e;
      const items = constantItems(e.elts);
      if (items) return constant({ type: 'tuple', items }, e);
      return { kind: 'Tuple', elts: e.elts, ctx: e.ctx, ...position(e) };
    }
    if (e.kind === 'Set') {
      const items = constantItems(e.elts);
      return items ? constant({ type: 'frozenset', items: uniqueItems(items) }, e) : e;
    }
    return e;
  }
}

function position(p: ast.Position): ast.Position {
  return { lineno: p.lineno, col_offset: p.col_offset, end_lineno: p.end_lineno, end_col_offset: p.end_col_offset };
}

function constantItems(elts: readonly ast.Expr[]): ast.ConstantValue[] | undefined {
  const items: ast.ConstantValue[] = [];
  for (const x of elts) {
    if (x.kind !== 'Constant') return undefined;
    items.push(x.value);
  }
  return items;
}

/**
 * A frozenset keeps one of each set of equal items, the first seen (Python equality:
 * 1 == 1.0 == True; an item hashes as its equals do).
 */
function uniqueItems(items: readonly ast.ConstantValue[]): ast.ConstantValue[] {
  const out: ast.ConstantValue[] = [];
  for (const item of items) if (!out.some((o) => constantsEqual(o, item))) out.push(item);
  return out;
}

/** Python `==` between constants (numbers across types, sequences item by item). */
export function constantsEqual(a: ast.ConstantValue, b: ast.ConstantValue): boolean {
  const num = (c: ast.ConstantValue): [number | bigint, number] | undefined => {
    if (c.type === 'bool') return [c.value ? 1n : 0n, 0];
    if (c.type === 'int') return [c.value, 0];
    if (c.type === 'float') return [c.value, 0];
    if (c.type === 'complex') return [c.real, c.imag];
    return undefined;
  };
  const x = num(a);
  const y = num(b);
  if (x && y) {
    if (x[1] !== y[1]) return false;
    const [p, q] = [x[0], y[0]];
    if (typeof p === 'bigint' && typeof q === 'bigint') return p === q;
    if (typeof p === 'number' && typeof q === 'number') return p === q;
    const f = typeof p === 'number' ? p : (q as number);
    const i = typeof p === 'bigint' ? p : (q as bigint);
    return Number.isInteger(f) && BigInt(f) === i;
  }
  if (a.type !== b.type) return false;
  switch (a.type) {
    case 'str':
      return a.value === (b as typeof a).value;
    case 'bytes': {
      const bv = (b as typeof a).value;
      return a.value.length === bv.length && a.value.every((v, i) => v === bv[i]);
    }
    case 'tuple': {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((v, i) => constantsEqual(v, bi[i]));
    }
    case 'frozenset': {
      const bi = (b as typeof a).items;
      return a.items.length === bi.length && a.items.every((v) => bi.some((w) => constantsEqual(v, w)));
    }
    default:
      return true; // None, Ellipsis
  }
}

// --- optimize_format (3.11+): '%s' % (x,) as an f-string --------------------------------

const MAX_DIGITS = 3;

/** The f-string equivalent of `fmt % (elts...)`, or undefined when CPython keeps the `%`. */
function optimizeFormat(node: ast.BinOp, fmt: string, elts: readonly ast.Expr[]): ast.JoinedStr | undefined {
  const chars = Array.from(fmt);
  const values: ast.Expr[] = [];
  let pos = 0;
  let count = 0;
  const noPosition = { lineno: -1, col_offset: -1, end_lineno: -1, end_col_offset: -1 };
  for (;;) {
    // parse_literal: text up to a single '%', with '%%' meaning '%'.
    const start = pos;
    let text = '';
    while (pos < chars.length) {
      if (chars[pos] !== '%') text += chars[pos++];
      else if (chars[pos + 1] === '%') {
        text += '%';
        pos += 2;
      } else break;
    }
    if (pos > start) values.push({ kind: 'Constant', value: { type: 'str', value: text }, constKind: null, ...noPosition });
    if (pos >= chars.length) break;
    if (count >= elts.length) return undefined; // more format units than items
    pos++;
    const parsed = parseFormatUnit(chars, pos);
    if (!parsed) return undefined;
    pos = parsed.pos;
    const arg = elts[count++];
    const spec = parsed.spec;
    if (spec !== 's' && spec !== 'r' && spec !== 'a') return undefined;
    let specText = '';
    if (!parsed.leftJustify && parsed.width > 0) specText += '>';
    if (parsed.width >= 0) specText += String(parsed.width);
    if (parsed.precision >= 0) specText += '.' + String(parsed.precision);
    values.push({
      kind: 'FormattedValue',
      value: arg,
      conversion: spec.charCodeAt(0),
      format_spec: specText ? { kind: 'Constant', value: { type: 'str', value: specText }, constKind: null, ...noPosition } : null,
      ...position(arg),
    });
  }
  if (count < elts.length) return undefined; // more items than format units
  return { kind: 'JoinedStr', values, ...position(node) };
}

/** simple_format_arg_parse: flags, a width and a precision of at most two digits, a type. */
function parseFormatUnit(chars: readonly string[], pos: number): { pos: number; spec: string; leftJustify: boolean; width: number; precision: number } | undefined {
  let leftJustify = false;
  let width = -1;
  let precision = -1;
  const next = () => (pos < chars.length ? chars[pos++] : undefined);
  let ch = next();
  while (ch !== undefined && '-+ #0'.includes(ch)) {
    if (ch === '-') leftJustify = true;
    ch = next();
  }
  if (ch === undefined) return undefined;
  if (ch >= '0' && ch <= '9') {
    width = 0;
    let digits = 0;
    while (ch !== undefined && ch >= '0' && ch <= '9') {
      width = width * 10 + Number(ch);
      ch = next();
      if (++digits >= MAX_DIGITS) return undefined;
    }
    if (ch === undefined) return undefined;
  }
  if (ch === '.') {
    ch = next();
    precision = 0;
    if (ch !== undefined && ch >= '0' && ch <= '9') {
      let digits = 0;
      while (ch !== undefined && ch >= '0' && ch <= '9') {
        precision = precision * 10 + Number(ch);
        ch = next();
        if (++digits >= MAX_DIGITS) return undefined;
      }
    }
    if (ch === undefined) return undefined;
  }
  return { pos, spec: ch, leftJustify, width, precision };
}
