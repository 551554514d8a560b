/**
 * The SyntaxWarnings CPython's compiler emits while it compiles a program (compile.c:
 * check_compare, check_caller, check_subscripter, check_index, compiler_assert), in the
 * order it emits them, which is the order it generates code:
 *
 * - a node is checked before its children are compiled (`(x is 1) is 2` warns for the
 *   outer comparison first), and a comparison warns at most once;
 * - a function's decorators, defaults and annotations come before its body; a class's
 *   body comes before its bases and keywords; an assignment's value before its targets;
 * - a comprehension not run inline (before 3.12, and every generator expression) is
 *   compiled as its own code object first, its outermost iterable after it;
 * - a `finally` body is compiled once for the normal exit, once for the exception path,
 *   and once more at every `return`, `break` and `continue` that leaves its `try`.
 *
 * Each warning is printed as CPython prints it; `if False:` bodies are compiled too.
 * Works on the constant-folded tree, as CPython's compiler sees `x is -1` as a literal.
 */
import type * as ast from '../ast';
import { forEachChildExpr } from '../astChildren';
import type { LanguageProfile } from '../profile';

type Scope = 'module' | 'class' | 'function';

/** What a `return`, `break` or `continue` must run on its way out: enclosing finally bodies and loops. */
type Block = { readonly kind: 'finally'; readonly body: readonly ast.Stmt[] } | { readonly kind: 'loop' };

export function compileWarnings(module: ast.Module, profile: LanguageProfile): ast.SyntaxWarningInfo[] {
  const warnings: ast.SyntaxWarningInfo[] = [];
  let scope: Scope = 'module';
  let blocks: Block[] = [];

  const warn = (node: ast.Position, message: string): void => {
    warnings.push({ lineno: node.lineno, message });
  };

  const inUnit = (kind: Scope, compile: () => void): void => {
    const saved = { scope, blocks };
    scope = kind;
    blocks = [];
    compile();
    ({ scope, blocks } = saved);
  };

  const exprs = (list: readonly (ast.Expr | null)[]): void => {
    for (const e of list) if (e) expr(e);
  };

  const defaultsAndAnnotations = (args: ast.Arguments, returns: ast.Expr | null, annotations: boolean): void => {
    exprs(args.defaults);
    exprs(args.kw_defaults);
    if (!annotations) return;
    for (const a of [...args.args, ...args.posonlyargs]) if (a.annotation) expr(a.annotation);
    if (args.vararg?.annotation) expr(args.vararg.annotation);
    for (const a of args.kwonlyargs) if (a.annotation) expr(a.annotation);
    if (args.kwarg?.annotation) expr(args.kwarg.annotation);
    if (returns) expr(returns);
  };

  const comprehension = (generators: readonly ast.Comprehension[], elements: readonly ast.Expr[], inline: boolean): void => {
    const [outermost] = generators;
    if (inline) expr(outermost.iter);
    inUnit(inline ? scope : 'function', () => {
      generators.forEach((g, i) => {
        if (i > 0) expr(g.iter);
        expr(g.target);
        exprs(g.ifs);
      });
      exprs(elements);
    });
    if (!inline) expr(outermost.iter);
  };

  function expr(e: ast.Expr): void {
    switch (e.kind) {
      case 'Compare':
        checkCompare(e);
        break;
      case 'Call':
        checkCaller(e.func);
        break;
      case 'Subscript':
        if (e.ctx === 'Load') {
          checkSubscripter(e.value);
          checkIndex(e.value, e.slice);
        }
        break;
      // Where code generation visits children in another order than the symbol table:
      case 'NamedExpr':
        expr(e.value);
        expr(e.target);
        return;
      case 'Lambda':
        defaultsAndAnnotations(e.args, null, false);
        inUnit('function', () => expr(e.body));
        return;
      case 'Dict':
        e.values.forEach((value, i) => {
          const key = e.keys[i];
          if (key) expr(key);
          expr(value);
        });
        return;
      case 'ListComp':
      case 'SetComp':
        comprehension(e.generators, [e.elt], profile.inlinedComprehensions);
        return;
      case 'DictComp':
        comprehension(e.generators, [e.key, e.value], profile.inlinedComprehensions);
        return;
      case 'GeneratorExp':
        comprehension(e.generators, [e.elt], false);
        return;
    }
    forEachChildExpr(e, expr);
  }

  /** The finally bodies a jump out of the enclosing blocks runs, innermost first (up to the loop for break/continue). */
  const unwind = (toLoop: boolean): void => {
    const saved = blocks;
    for (let i = saved.length - 1; i >= 0; i--) {
      const block = saved[i];
      if (block.kind === 'loop') {
        if (toLoop) break;
        continue;
      }
      // The finally body runs with its own block (and those inside it) already left.
      blocks = saved.slice(0, i);
      stmts(block.body);
    }
    blocks = saved;
  };

  const loopBody = (body: readonly ast.Stmt[]): void => {
    blocks.push({ kind: 'loop' });
    stmts(body);
    blocks.pop();
  };

  function stmt(s: ast.Stmt): void {
    switch (s.kind) {
      case 'FunctionDef':
        exprs(s.decorator_list);
        defaultsAndAnnotations(s.args, s.returns, true);
        inUnit('function', () => stmts(s.body));
        return;
      case 'ClassDef':
        exprs(s.decorator_list);
        inUnit('class', () => stmts(s.body));
        exprs(s.bases);
        for (const k of s.keywords) expr(k.value);
        return;
      case 'Return':
        if (s.value) expr(s.value);
        unwind(false);
        return;
      case 'Break':
      case 'Continue':
        unwind(true);
        return;
      case 'Delete':
        exprs(s.targets);
        return;
      case 'Assign':
        expr(s.value);
        exprs(s.targets);
        return;
      case 'TypeAlias':
        expr(s.value);
        return;
      case 'AugAssign':
        expr(s.target);
        expr(s.value);
        return;
      case 'AnnAssign':
        if (s.value) expr(s.value);
        expr(s.target);
        // A simple name's annotation is evaluated only in a module or class body.
        if (!s.simple || scope !== 'function') expr(s.annotation);
        return;
      case 'For':
        expr(s.iter);
        expr(s.target);
        loopBody(s.body);
        stmts(s.orelse);
        return;
      case 'While':
        expr(s.test);
        loopBody(s.body);
        stmts(s.orelse);
        return;
      case 'If':
        expr(s.test);
        stmts(s.body);
        stmts(s.orelse);
        return;
      case 'With':
        for (const item of s.items) {
          expr(item.context_expr);
          if (item.optional_vars) expr(item.optional_vars);
        }
        stmts(s.body);
        return;
      case 'Match':
        expr(s.subject);
        for (const c of s.cases) {
          if (c.guard) expr(c.guard);
          stmts(c.body);
        }
        return;
      case 'Raise':
        exprs([s.exc, s.cause]);
        return;
      case 'Try': {
        const guarded = s.finalbody.length > 0;
        if (guarded) blocks.push({ kind: 'finally', body: s.finalbody });
        stmts(s.body);
        for (const h of s.handlers) {
          if (h.type) expr(h.type);
          stmts(h.body);
        }
        stmts(s.orelse);
        if (guarded) {
          blocks.pop();
          // The normal exit and the exception path each get their own copy.
          stmts(s.finalbody);
          stmts(s.finalbody);
        }
        return;
      }
      case 'Assert':
        if (s.test.kind === 'Tuple' && s.test.elts.length > 0) warn(s, 'assertion is always true, perhaps remove parentheses?');
        else if (s.test.kind === 'Constant' && s.test.value.type === 'tuple' && s.test.value.items.length > 0) warn(s, 'assertion is always true, perhaps remove parentheses?');
        expr(s.test);
        if (s.msg) expr(s.msg);
        return;
      case 'Expr':
        expr(s.value);
        return;
      case 'Import':
      case 'ImportFrom':
      case 'Global':
      case 'Nonlocal':
      case 'Pass':
        return;
    }
  }

  function stmts(list: readonly ast.Stmt[]): void {
    for (const s of list) stmt(s);
  }

  // --- the checks ------------------------------------------------------------------

  /** check_is_arg: anything but a literal, or one of the singletons `is` is meant for. */
  const isAllowedIsOperand = (e: ast.Expr): boolean => {
    if (e.kind !== 'Constant') return true;
    const t = e.value.type;
    return t === 'None' || t === 'bool' || t === 'Ellipsis';
  };

  function checkCompare(e: ast.Compare): void {
    let left = e.left;
    for (let i = 0; i < e.ops.length; i++) {
      const right = e.comparators[i];
      const op = e.ops[i];
      if ((op === 'Is' || op === 'IsNot') && (!isAllowedIsOperand(left) || !isAllowedIsOperand(right))) {
        const literal = !isAllowedIsOperand(left) ? left : right;
        const [word, instead] = op === 'Is' ? ['is', '=='] : ['is not', '!='];
        const withWhat = profile.syntaxWarnings.isLiteralNamesType ? `'${inferredType(literal)}' literal` : 'a literal';
        warn(e, `"${word}" with ${withWhat}. Did you mean "${instead}"?`);
        return;
      }
      left = right;
    }
  }

  function checkCaller(func: ast.Expr): void {
    switch (func.kind) {
      case 'Constant':
      case 'Tuple':
      case 'List':
      case 'ListComp':
      case 'Dict':
      case 'DictComp':
      case 'Set':
      case 'SetComp':
      case 'GeneratorExp':
      case 'JoinedStr':
      case 'FormattedValue':
        warn(func, `'${inferredType(func)}' object is not callable; perhaps you missed a comma?`);
    }
  }

  function checkSubscripter(value: ast.Expr): void {
    if (value.kind === 'Constant') {
      const t = value.value.type;
      if (!(t === 'None' || t === 'Ellipsis' || t === 'int' || t === 'bool' || t === 'float' || t === 'complex' || t === 'frozenset')) return;
    } else if (value.kind !== 'Set' && value.kind !== 'SetComp' && value.kind !== 'GeneratorExp' && value.kind !== 'Lambda') return;
    warn(value, `'${inferredType(value)}' object is not subscriptable; perhaps you missed a comma?`);
  }

  function checkIndex(value: ast.Expr, index: ast.Expr): void {
    const indexType = inferredType(index);
    if (indexType === null || indexType === 'int' || indexType === 'bool') return;
    if (value.kind === 'Constant') {
      const t = value.value.type;
      if (t !== 'str' && t !== 'bytes' && t !== 'tuple') return;
    } else if (value.kind !== 'Tuple' && value.kind !== 'List' && value.kind !== 'ListComp' && value.kind !== 'JoinedStr' && value.kind !== 'FormattedValue') return;
    warn(value, `${inferredType(value)} indices must be integers or slices, not ${indexType}; perhaps you missed a comma?`);
  }

  stmts(module.body);
  return warnings;
}

/** infer_type: the type a literal display evaluates to, or null when the compiler cannot tell. */
function inferredType(e: ast.Expr): string | null {
  switch (e.kind) {
    case 'Tuple':
      return 'tuple';
    case 'List':
    case 'ListComp':
      return 'list';
    case 'Dict':
    case 'DictComp':
      return 'dict';
    case 'Set':
    case 'SetComp':
      return 'set';
    case 'GeneratorExp':
      return 'generator';
    case 'Lambda':
      return 'function';
    case 'JoinedStr':
    case 'FormattedValue':
      return 'str';
    case 'Constant': {
      const t = e.value.type;
      return t === 'None' ? 'NoneType' : t === 'Ellipsis' ? 'ellipsis' : t;
    }
    default:
      return null;
  }
}
