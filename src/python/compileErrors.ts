/**
 * SyntaxErrors that CPython raises after parsing: in Python/future.c (the features of
 * leading `from __future__` imports) and in Python/compile.c (`return` outside a
 * function, `break` outside a loop, misplaced `*`, repeated keywords, unreachable `case`
 * patterns, ...). Symbol-table errors, which come between the two, are in symtable.ts.
 */
import type * as ast from './ast';
import { forEachChildExpr } from './astChildren';
import type { ErrorCandidate, ErrorLocator } from './errorLocation';
import type { PythonVersion } from '../protocol';

/** Python/future.c's known features (all versions HeapScope supports). */
const FUTURE_FEATURES = new Set([
  'nested_scopes',
  'generators',
  'division',
  'absolute_import',
  'with_statement',
  'print_function',
  'unicode_literals',
  'barry_as_FLUFL',
  'generator_stop',
  'annotations',
]);

/**
 * Errors of future.c's `future_parse`: unknown features in the leading `from __future__`
 * imports, and a late one on the same line as the statements before it (a late one on a
 * later line is the compiler's error).
 */
export function findFutureErrors(module: ast.Module, locate: ErrorLocator, version: PythonVersion): ErrorCandidate[] {
  let done = false;
  let previousLine = 0;
  for (let i = 0; i < module.body.length; i++) {
    const s = module.body[i];
    if (done && s.lineno > previousLine) break;
    previousLine = s.lineno;
    if (s.kind === 'ImportFrom' && s.level === 0 && s.module === '__future__') {
      if (done) {
        // PyErr_SyntaxLocationObject, and no end; before 3.12 with the 0-based column.
        const c = locate.node('from __future__ imports must occur at the beginning of the file', s);
        const offset = version === '3.10' || version === '3.11' ? c.error.offset - 1 : c.error.offset;
        return [{ ...c, error: { ...c.error, offset, end_lineno: c.error.lineno, end_offset: offset } }];
      }
      for (const alias of s.names) {
        if (FUTURE_FEATURES.has(alias.name)) continue;
        const message = alias.name === 'braces' ? 'not a chance' : `future feature ${alias.name} is not defined`;
        // future.c gives only a start (PyErr_SyntaxLocationObject).
        const c = locate.node(message, s);
        return [{ ...c, error: { ...c.error, end_lineno: c.error.lineno, end_offset: c.error.offset } }];
      }
    } else if (!(i === 0 && isDocstring(s))) {
      done = true;
    }
  }
  return [];
}

function isDocstring(s: ast.Stmt | undefined): boolean {
  return s?.kind === 'Expr' && s.value.kind === 'Constant' && s.value.value.type === 'str';
}

type ScopeKind = 'module' | 'class' | 'function' | 'async function' | 'lambda' | 'comprehension';

interface State {
  readonly scope: ScopeKind;
  /** The innermost function body is an (async) generator. */
  readonly generator: boolean;
  /** Inside a loop body of the current scope (not its `else`). */
  readonly inLoop: boolean;
  /** Inside an `except*` handler of the current scope, outside any loop in it. */
  readonly inExceptStar: boolean;
}

/** The compiler's errors, in source order. */
export function findCompilerErrors(module: ast.Module, version: PythonVersion, locate: ErrorLocator): ErrorCandidate[] {
  const out: ErrorCandidate[] = [];
  const error = (message: string, node: ast.Position) => out.push(locate.node(message, node));
  const functionLike = (s: State) => s.scope !== 'module' && s.scope !== 'class';
  const newScope = (scope: ScopeKind, body: readonly ast.Stmt[] | null): State => ({
    scope,
    generator: body !== null && containsYield(body),
    inLoop: false,
    inExceptStar: false,
  });

  const lateFuture = (body: readonly ast.Stmt[]) => {
    let leading = isDocstring(body[0]) ? 1 : 0;
    while (leading < body.length && isFutureImport(body[leading])) leading++;
    for (let i = leading; i < body.length; i++) {
      const s = body[i];
      if (isFutureImport(s)) error('from __future__ imports must occur at the beginning of the file', s);
    }
  };

  const statements = (body: readonly ast.Stmt[], st: State) => body.forEach((s) => statement(s, st));

  const statement = (s: ast.Stmt, st: State): void => {
    switch (s.kind) {
      case 'FunctionDef': {
        s.decorator_list.forEach((d) => expr(d, st));
        argumentDefaults(s.args, st);
        debugArguments(s.args, s, version);
        if (s.returns) expr(s.returns, st);
        statements(s.body, newScope(s.is_async ? 'async function' : 'function', s.body));
        return;
      }
      case 'ClassDef':
        s.decorator_list.forEach((d) => expr(d, st));
        s.bases.forEach((b) => (b.kind === 'Starred' ? expr(b.value, st) : expr(b, st)));
        keywords(s.keywords, st);
        statements(s.body, { ...newScope('class', null) });
        return;
      case 'Return':
        if (!functionLike(st)) error("'return' outside function", s);
        else if (st.inExceptStar) error("'break', 'continue' and 'return' cannot appear in an except* block", s);
        else if (s.value && st.scope === 'async function' && st.generator) error("'return' with value in async generator", s);
        if (s.value) expr(s.value, st);
        return;
      case 'Break':
      case 'Continue':
        if (st.inExceptStar) error("'break', 'continue' and 'return' cannot appear in an except* block", s);
        else if (!st.inLoop) error(s.kind === 'Break' ? "'break' outside loop" : "'continue' not properly in loop", s);
        return;
      case 'Delete':
        s.targets.forEach((t) => target(t, st, 'Del'));
        return;
      case 'Assign':
        s.targets.forEach((t) => target(t, st, 'Store'));
        expr(s.value, st);
        return;
      case 'AugAssign':
        target(s.target, st, 'Store');
        expr(s.value, st);
        return;
      case 'AnnAssign':
        target(s.target, st, 'Store');
        expr(s.annotation, st);
        if (s.value) expr(s.value, st);
        return;
      case 'TypeAlias':
        expr(s.value, st);
        return;
      case 'For':
        target(s.target, st, 'Store');
        expr(s.iter, st);
        statements(s.body, { ...st, inLoop: true, inExceptStar: false });
        statements(s.orelse, st);
        return;
      case 'While':
        expr(s.test, st);
        statements(s.body, { ...st, inLoop: true, inExceptStar: false });
        statements(s.orelse, st);
        return;
      case 'If':
        expr(s.test, st);
        statements(s.body, st);
        statements(s.orelse, st);
        return;
      case 'With':
        for (const item of s.items) {
          expr(item.context_expr, st);
          if (item.optional_vars) target(item.optional_vars, st, 'Store');
        }
        statements(s.body, st);
        return;
      case 'Match':
        expr(s.subject, st);
        s.cases.forEach((c, i) => {
          matchPattern(c.pattern, c.guard !== null || i === s.cases.length - 1, new Set());
          if (c.guard) expr(c.guard, st);
          statements(c.body, st);
        });
        return;
      case 'Raise':
        if (s.exc) expr(s.exc, st);
        if (s.cause) expr(s.cause, st);
        return;
      case 'Try':
        statements(s.body, st);
        s.handlers.forEach((h, i) => {
          if (!s.is_star && h.type === null && i < s.handlers.length - 1) error("default 'except:' must be last", h);
          if (h.type) expr(h.type, st);
          statements(h.body, s.is_star ? { ...st, inExceptStar: true } : st);
        });
        statements(s.orelse, st);
        statements(s.finalbody, st);
        return;
      case 'Assert':
        expr(s.test, st);
        if (s.msg) expr(s.msg, st);
        return;
      case 'Expr':
        expr(s.value, st);
        return;
      default:
        return;
    }
  };

  const argumentDefaults = (args: ast.Arguments, st: State) => {
    args.defaults.forEach((d) => expr(d, st));
    args.kw_defaults.forEach((d) => d && expr(d, st));
  };

  /** compiler_check_debug_args: over the whole def or lambda before 3.12, then the parameter. */
  const debugArguments = (args: ast.Arguments, owner: ast.Position, v: PythonVersion) => {
    for (const a of [...args.posonlyargs, ...args.args, args.vararg, ...args.kwonlyargs, args.kwarg]) {
      if (a?.arg === '__debug__') {
        error('cannot assign to __debug__', v === '3.10' || v === '3.11' ? owner : a);
        return;
      }
    }
  };

  const keywords = (list: readonly ast.Keyword[], st: State) => {
    const seen = new Set<string>();
    for (const k of list) {
      if (k.arg !== null) {
        if (k.arg === '__debug__') error('cannot assign to __debug__', k);
        if (seen.has(k.arg)) error(`keyword argument repeated: ${k.arg}`, k);
        seen.add(k.arg);
      }
      expr(k.value, st);
    }
  };

  /** An assignment or deletion target; a `*x` must sit in a tuple or list, once. */
  const target = (t: ast.Expr, st: State, ctx: 'Store' | 'Del') => {
    if (t.kind === 'Starred') {
      error('starred assignment target must be in a list or tuple', t);
      return;
    }
    targetInner(t, st, ctx);
  };

  const targetInner = (t: ast.Expr, st: State, ctx: 'Store' | 'Del'): void => {
    switch (t.kind) {
      case 'Name':
        if (t.id === '__debug__') error(ctx === 'Del' ? 'cannot delete __debug__' : 'cannot assign to __debug__', t);
        return;
      case 'Tuple':
      case 'List': {
        const stars = t.elts.filter((e) => e.kind === 'Starred').length;
        if (stars > 1) error('multiple starred expressions in assignment', t);
        for (const e of t.elts) targetInner(e.kind === 'Starred' ? e.value : e, st, ctx);
        return;
      }
      case 'Attribute':
        expr(t.value, st);
        return;
      case 'Subscript':
        expr(t.value, st);
        expr(t.slice, st);
        return;
      default:
        expr(t, st);
    }
  };

  const expr = (e: ast.Expr, st: State): void => {
    switch (e.kind) {
      case 'Starred':
        error("can't use starred expression here", e);
        return;
      case 'Tuple':
      case 'List':
      case 'Set':
        e.elts.forEach((x) => (x.kind === 'Starred' ? expr(x.value, st) : expr(x, st)));
        return;
      case 'Call':
        expr(e.func, st);
        e.args.forEach((a) => (a.kind === 'Starred' ? expr(a.value, st) : expr(a, st)));
        keywords(e.keywords, st);
        return;
      case 'Await':
        if (!functionLike(st)) error("'await' outside function", e);
        else if (st.scope !== 'async function' && st.scope !== 'comprehension') error("'await' outside async function", e);
        expr(e.value, st);
        return;
      case 'Yield':
      case 'YieldFrom':
        if (!functionLike(st)) error("'yield' outside function", e);
        if (e.value) expr(e.value, st);
        return;
      case 'Lambda':
        argumentDefaults(e.args, st);
        debugArguments(e.args, e, version);
        expr(e.body, newScope('lambda', null));
        return;
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp': {
        const isAsync = e.generators.some((g) => g.is_async) || containsAwait(e);
        const enclosingAsync = st.scope === 'async function' || st.scope === 'comprehension';
        if (isAsync && e.kind !== 'GeneratorExp' && !enclosingAsync) {
          error('asynchronous comprehension outside of an asynchronous function', e);
        }
        // The first iterable is evaluated in the enclosing scope.
        e.generators.forEach((g, i) => {
          const inner: State = { ...newScope('comprehension', null) };
          target(g.target, inner, 'Store');
          expr(g.iter, i === 0 ? st : inner);
          g.ifs.forEach((x) => expr(x, inner));
        });
        const inner = newScope('comprehension', null);
        if (e.kind === 'DictComp') {
          expr(e.key, inner);
          expr(e.value, inner);
        } else {
          expr(e.elt, inner);
        }
        return;
      }
      default:
        forEachChildExpr(e, (child) => expr(child, st));
    }
  };

  /** compile.c's pattern checks; `allowIrrefutable` as its pattern context says. */
  const matchPattern = (p: ast.Pattern, allowIrrefutable: boolean, stores: Set<string>): void => {
    const store = (name: string | null, node: ast.Pattern) => {
      if (name === null) return;
      if (stores.has(name)) error(`multiple assignments to name '${name}' in pattern`, node);
      stores.add(name);
    };
    switch (p.kind) {
      case 'MatchValue':
        if (!isMatchValue(p.value)) error('patterns may only match literals and attribute lookups', p);
        return;
      case 'MatchAs':
        if (p.pattern === null) {
          if (!allowIrrefutable) {
            error(p.name ? `name capture '${p.name}' makes remaining patterns unreachable` : 'wildcard makes remaining patterns unreachable', p);
            return;
          }
        } else {
          // compiler_pattern_as compiles the inner pattern in the same context.
          matchPattern(p.pattern, allowIrrefutable, stores);
        }
        store(p.name, p);
        return;
      case 'MatchStar':
        store(p.name, p);
        return;
      case 'MatchSequence':
        if (p.patterns.filter((x) => x.kind === 'MatchStar').length > 1) {
          error('multiple starred names in sequence pattern', p);
          return;
        }
        p.patterns.forEach((x) => matchPattern(x, true, stores));
        return;
      case 'MatchMapping':
        p.patterns.forEach((x) => matchPattern(x, true, stores));
        if (p.rest) store(p.rest, p);
        return;
      case 'MatchClass':
        p.patterns.forEach((x) => matchPattern(x, true, stores));
        p.kwd_patterns.forEach((x) => matchPattern(x, true, stores));
        return;
      case 'MatchOr': {
        let names: Set<string> | undefined;
        p.patterns.forEach((alt, i) => {
          const own = new Set<string>();
          matchPattern(alt, i === p.patterns.length - 1 && allowIrrefutable, own);
          if (names && (names.size !== own.size || [...own].some((n) => !names!.has(n)))) {
            // Before 3.12 the error points at the first capture the first alternative lacks.
            const stray = version === '3.10' || version === '3.11' ? firstCapture(alt, (n) => !names!.has(n)) : undefined;
            error('alternative patterns bind different names', stray ?? (version === '3.10' || version === '3.11' ? alt : p));
          }
          names ??= own;
        });
        for (const n of names ?? []) stores.add(n);
        return;
      }
      default:
        return;
    }
  };

  lateFuture(module.body);
  statements(module.body, newScope('module', null));
  return out.sort((a, b) => a.at - b.at);
}

/** The first capture pattern (in source order) whose name passes `test`. */
function firstCapture(p: ast.Pattern, test: (name: string) => boolean): ast.Pattern | undefined {
  if ((p.kind === 'MatchAs' || p.kind === 'MatchStar') && p.name && test(p.name) && !(p.kind === 'MatchAs' && p.pattern)) return p;
  const children: ast.Pattern[] =
    p.kind === 'MatchSequence' || p.kind === 'MatchOr'
      ? [...p.patterns]
      : p.kind === 'MatchMapping'
        ? [...p.patterns]
        : p.kind === 'MatchClass'
          ? [...p.patterns, ...p.kwd_patterns]
          : p.kind === 'MatchAs' && p.pattern
            ? [p.pattern]
            : [];
  for (const c of children) {
    const found = firstCapture(c, test);
    if (found) return found;
  }
  if (p.kind === 'MatchAs' && p.name && test(p.name)) return p;
  return undefined;
}

/**
 * What a value pattern may be once CPython's AST optimizer has run: a constant (`-1` and
 * `1+2j` fold into one), or an attribute lookup.
 */
function isMatchValue(e: ast.Expr): boolean {
  if (e.kind === 'Constant' || e.kind === 'Attribute') return true;
  if (e.kind === 'UnaryOp' && e.op === 'USub') return e.operand.kind === 'Constant';
  if (e.kind === 'BinOp' && (e.op === 'Add' || e.op === 'Sub')) return isMatchValue(e.left) && e.right.kind === 'Constant';
  return false;
}

function isFutureImport(s: ast.Stmt | undefined): boolean {
  return s?.kind === 'ImportFrom' && s.level === 0 && s.module === '__future__';
}

/** Does a function body yield (outside nested functions, lambdas and classes)? */
function containsYield(body: readonly ast.Stmt[]): boolean {
  let found = false;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const kind = (node as { kind?: string }).kind;
    if (kind === 'Yield' || kind === 'YieldFrom') {
      found = true;
      return;
    }
    if (kind === 'FunctionDef' || kind === 'ClassDef' || kind === 'Lambda') return;
    Object.values(node).forEach(visit);
  };
  visit(body);
  return found;
}

/** Does a comprehension await (outside nested functions and lambdas)? */
function containsAwait(e: ast.Expr): boolean {
  let found = false;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const kind = (node as { kind?: string }).kind;
    if (kind === 'Await') {
      found = true;
      return;
    }
    if (kind === 'Lambda' || kind === 'GeneratorExp') return;
    Object.values(node).forEach(visit);
  };
  // The first iterable belongs to the enclosing scope.
  const comp = e as ast.ListComp;
  visit([comp.generators.map((g, i) => (i === 0 ? [g.target, g.ifs] : g)), 'elt' in e ? e.elt : null, 'key' in e ? [e.key, e.value] : null]);
  return found;
}
