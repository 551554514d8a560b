import type * as ast from '../ast';
import type { PythonVersion } from '../../protocol';
import type { SyntaxErrorInfo } from '../ast';
import type { NameScope, ScopeInfo, ScopeTables } from './scopes';

/**
 * Scope analysis for the compiler (CPython's symtable.c, what code generation needs):
 * which names are local, global, free or cells, per module, class, function, lambda and
 * comprehension.
 */

type ScopeKind = ScopeInfo['kind'];

class Scope implements ScopeInfo {
  readonly bound = new Set<string>();
  readonly used = new Set<string>();
  readonly globals = new Set<string>();
  readonly nonlocals = new Set<string>();
  readonly params: string[] = [];
  readonly children: Scope[] = [];
  readonly resolved = new Map<string, NameScope>();
  cellvars: string[] = [];
  freevars: string[] = [];
  isGenerator = false;
  needsClassCell = false;
  /** A function inside a class that uses super() or __class__. */
  usesClassCell = false;

  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | null,
  ) {}

  resolve(name: string): NameScope {
    return this.resolved.get(name) ?? (this.kind === 'module' ? 'global_implicit' : 'global_implicit');
  }

  get isFunctionLike(): boolean {
    return this.kind === 'function' || this.kind === 'lambda' || this.kind === 'comprehension' || this.kind === 'genexpr';
  }
}

export interface ScopeAnalysis {
  readonly errors: SyntaxErrorInfo[];
  /** The scope tables of the (possibly constant-folded) module: nodes are matched by position. */
  tables(module: ast.Module): ScopeTables;
}

/** Analyzes the module's scopes. */
export function scopeTables(module: ast.Module, version: PythonVersion): ScopeAnalysis {
  void version;
  const builder = new Builder();
  const root = builder.module(module);
  const errors = builder.errors;
  analyze(root, new Set(), errors);
  const byKey = builder.byKey;
  return {
    errors,
    tables(folded: ast.Module): ScopeTables {
      return {
        scopeOf(node: object): ScopeInfo {
          if (node === folded || node === module || (node as { kind?: string }).kind === 'Module') return root;
          const scope = byKey.get(nodeKey(node as ast.Position & { kind: string }));
          if (scope === undefined) throw new Error(`internal: no scope for ${(node as { kind: string }).kind} at line ${(node as ast.Position).lineno}`);
          return scope;
        },
      };
    },
  };
}

/** Folding rebuilds nodes, so scopes are found by kind and position. */
function nodeKey(node: ast.Position & { kind: string }): string {
  return `${node.kind}:${node.lineno}:${node.col_offset}:${node.end_lineno}:${node.end_col_offset}`;
}

class Builder {
  readonly byKey = new Map<string, Scope>();
  readonly errors: SyntaxErrorInfo[] = [];
  private scope!: Scope;

  module(m: ast.Module): Scope {
    this.scope = new Scope('module', null);
    this.stmts(m.body);
    return this.scope;
  }

  private enter(kind: ScopeKind, node: ast.Position & { kind: string }, body: () => void): Scope {
    const scope = new Scope(kind, this.scope);
    this.scope.children.push(scope);
    this.byKey.set(nodeKey(node), scope);
    const saved = this.scope;
    this.scope = scope;
    body();
    this.scope = saved;
    return scope;
  }

  private bind(name: string): void {
    this.scope.bound.add(name);
  }

  private use(name: string): void {
    this.scope.used.add(name);
  }

  private stmts(body: readonly ast.Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: ast.Stmt): void {
    switch (s.kind) {
      case 'FunctionDef': {
        s.decorator_list.forEach((d) => this.expr(d));
        this.argumentDefaults(s.args);
        this.annotations(s.args, s.returns);
        this.bind(s.name);
        this.enter('function', s, () => {
          this.parameters(s.args);
          this.stmts(s.body);
        });
        return;
      }
      case 'ClassDef': {
        s.decorator_list.forEach((d) => this.expr(d));
        s.bases.forEach((b) => this.expr(b));
        s.keywords.forEach((k) => this.expr(k.value));
        this.bind(s.name);
        this.enter('class', s, () => this.stmts(s.body));
        return;
      }
      case 'Return':
        if (s.value) this.expr(s.value);
        return;
      case 'Delete':
        s.targets.forEach((t) => this.target(t));
        return;
      case 'Assign':
        this.expr(s.value);
        s.targets.forEach((t) => this.target(t));
        return;
      case 'AugAssign':
        this.expr(s.value);
        if (s.target.kind === 'Name') this.use(s.target.id);
        this.target(s.target);
        return;
      case 'AnnAssign':
        if (s.value) this.expr(s.value);
        this.expr(s.annotation);
        this.target(s.target);
        return;
      case 'For':
        this.expr(s.iter);
        this.target(s.target);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case 'While':
      case 'If':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case 'With':
        for (const item of s.items) {
          this.expr(item.context_expr);
          if (item.optional_vars) this.target(item.optional_vars);
        }
        this.stmts(s.body);
        return;
      case 'Match':
        this.expr(s.subject);
        for (const c of s.cases) {
          this.pattern(c.pattern);
          if (c.guard) this.expr(c.guard);
          this.stmts(c.body);
        }
        return;
      case 'Raise':
        if (s.exc) this.expr(s.exc);
        if (s.cause) this.expr(s.cause);
        return;
      case 'Try':
        this.stmts(s.body);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.bind(h.name);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        return;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        return;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) if (a.name !== '*') this.bind(a.asname ?? a.name.split('.')[0]);
        return;
      case 'Global':
        for (const n of s.names) {
          if (this.scope.kind === 'module') continue;
          this.scope.globals.add(n);
        }
        return;
      case 'Nonlocal':
        for (const n of s.names) {
          if (this.scope.kind === 'module') {
            this.error(s, 'nonlocal declaration not allowed at module level');
            continue;
          }
          this.scope.nonlocals.add(n);
        }
        return;
      case 'Expr':
        this.expr(s.value);
        return;
      case 'TypeAlias':
        this.target(s.name);
        this.expr(s.value);
        return;
      case 'Pass':
      case 'Break':
      case 'Continue':
        return;
    }
  }

  private error(node: ast.Position, message: string): void {
    this.errors.push({ type: 'SyntaxError', message, lineno: node.lineno, offset: node.col_offset + 1, end_lineno: node.end_lineno, end_offset: node.end_col_offset + 1 });
  }

  private argumentDefaults(a: ast.Arguments): void {
    a.defaults.forEach((d) => this.expr(d));
    a.kw_defaults.forEach((d) => d && this.expr(d));
  }

  private annotations(a: ast.Arguments, returns: ast.Expr | null): void {
    for (const arg of [...a.posonlyargs, ...a.args, ...a.kwonlyargs, ...(a.vararg ? [a.vararg] : []), ...(a.kwarg ? [a.kwarg] : [])]) {
      if (arg.annotation) this.expr(arg.annotation);
    }
    if (returns) this.expr(returns);
  }

  private parameters(a: ast.Arguments): void {
    for (const arg of [...a.posonlyargs, ...a.args, ...a.kwonlyargs, ...(a.vararg ? [a.vararg] : []), ...(a.kwarg ? [a.kwarg] : [])]) {
      this.scope.params.push(arg.arg);
      this.bind(arg.arg);
    }
  }

  private target(t: ast.Expr): void {
    switch (t.kind) {
      case 'Name':
        this.bind(t.id);
        return;
      case 'Tuple':
      case 'List':
        t.elts.forEach((e) => this.target(e));
        return;
      case 'Starred':
        this.target(t.value);
        return;
      default:
        this.expr(t);
    }
  }

  private pattern(p: ast.Pattern): void {
    switch (p.kind) {
      case 'MatchValue':
        return this.expr(p.value);
      case 'MatchSequence':
      case 'MatchOr':
        return p.patterns.forEach((x) => this.pattern(x));
      case 'MatchMapping':
        p.keys.forEach((k) => this.expr(k));
        p.patterns.forEach((x) => this.pattern(x));
        if (p.rest) this.bind(p.rest);
        return;
      case 'MatchClass':
        this.expr(p.cls);
        p.patterns.forEach((x) => this.pattern(x));
        p.kwd_patterns.forEach((x) => this.pattern(x));
        return;
      case 'MatchStar':
        if (p.name) this.bind(p.name);
        return;
      case 'MatchAs':
        if (p.pattern) this.pattern(p.pattern);
        if (p.name) this.bind(p.name);
        return;
      case 'MatchSingleton':
        return;
    }
  }

  private expr(e: ast.Expr): void {
    switch (e.kind) {
      case 'Name':
        if (e.ctx === 'Load') {
          this.use(e.id);
          if (e.id === 'super' || e.id === '__class__') this.markClassCellUse();
        } else this.bind(e.id);
        return;
      case 'NamedExpr': {
        this.expr(e.value);
        // := in a comprehension binds in the enclosing function (PEP 572).
        let scope = this.scope;
        while (scope.kind === 'comprehension' || scope.kind === 'genexpr') scope = scope.parent!;
        scope.bound.add(e.target.id);
        if (scope !== this.scope) {
          // Inside a comprehension the name belongs to the enclosing function (or module).
          this.scope.used.add(e.target.id);
          if (scope.kind === 'module') this.scope.globals.add(e.target.id);
          else this.scope.nonlocals.add(e.target.id);
        }
        return;
      }
      case 'Lambda':
        this.argumentDefaults(e.args);
        this.enter('lambda', e, () => {
          this.parameters(e.args);
          this.expr(e.body);
        });
        return;
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp': {
        this.expr(e.generators[0].iter);
        const kind = e.kind === 'GeneratorExp' ? 'genexpr' : 'comprehension';
        this.enter(kind, e, () => {
          this.scope.params.push('.0');
          this.bind('.0');
          e.generators.forEach((g, i) => {
            if (i > 0) this.expr(g.iter);
            this.target(g.target);
            g.ifs.forEach((c) => this.expr(c));
          });
          if (e.kind === 'DictComp') {
            this.expr(e.key);
            this.expr(e.value);
          } else this.expr(e.elt);
          if (kind === 'genexpr') this.scope.isGenerator = true;
        });
        return;
      }
      case 'Yield':
      case 'YieldFrom':
        if (this.scope.isFunctionLike) this.scope.isGenerator = true;
        if (e.value) this.expr(e.value);
        return;
      default:
        for (const child of childExpressions(e)) this.expr(child);
    }
  }

  /** super() and __class__ in a method give the class a __class__ cell. */
  private markClassCellUse(): void {
    let scope: Scope | null = this.scope;
    while (scope !== null && scope.kind !== 'class') {
      if (scope.kind === 'function' || scope.kind === 'lambda') scope.usesClassCell = true;
      scope = scope.parent;
    }
  }
}

function childExpressions(e: ast.Expr): ast.Expr[] {
  const out: ast.Expr[] = [];
  const push = (x: ast.Expr | null | undefined): void => {
    if (x) out.push(x);
  };
  switch (e.kind) {
    case 'BoolOp':
      e.values.forEach(push);
      break;
    case 'BinOp':
      push(e.left);
      push(e.right);
      break;
    case 'UnaryOp':
      push(e.operand);
      break;
    case 'IfExp':
      push(e.test);
      push(e.body);
      push(e.orelse);
      break;
    case 'Dict':
      e.keys.forEach(push);
      e.values.forEach(push);
      break;
    case 'Set':
    case 'List':
    case 'Tuple':
      e.elts.forEach(push);
      break;
    case 'Await':
      push(e.value);
      break;
    case 'Compare':
      push(e.left);
      e.comparators.forEach(push);
      break;
    case 'Call':
      push(e.func);
      e.args.forEach(push);
      e.keywords.forEach((k) => push(k.value));
      break;
    case 'FormattedValue':
    case 'Interpolation':
      push(e.value);
      push(e.format_spec);
      break;
    case 'JoinedStr':
    case 'TemplateStr':
      e.values.forEach(push);
      break;
    case 'Attribute':
      push(e.value);
      break;
    case 'Subscript':
      push(e.value);
      push(e.slice);
      break;
    case 'Starred':
      push(e.value);
      break;
    case 'Slice':
      push(e.lower);
      push(e.upper);
      push(e.step);
      break;
    default:
      break;
  }
  return out;
}

/**
 * Resolves every scope's names, top-down: `enclosing` holds the names bound in enclosing
 * function scopes (class scopes are skipped, as Python's scoping rules say).
 */
function analyze(scope: Scope, enclosing: ReadonlySet<string>, errors: SyntaxErrorInfo[]): void {
  const local = new Set<string>();
  for (const name of scope.bound) if (!scope.globals.has(name) && !scope.nonlocals.has(name)) local.add(name);
  for (const name of scope.globals) scope.resolved.set(name, 'global_explicit');
  for (const name of scope.nonlocals) scope.resolved.set(name, 'free');
  if (scope.kind !== 'module') for (const name of local) scope.resolved.set(name, 'local');
  if (scope.kind === 'module') for (const name of local) scope.resolved.set(name, 'global_implicit');
  // Names visible to nested functions: ours (if we are a function) plus the enclosing ones.
  const visible = new Set(enclosing);
  if (scope.isFunctionLike) {
    for (const name of local) visible.add(name);
    for (const name of scope.nonlocals) visible.add(name);
  }
  for (const name of scope.globals) visible.delete(name);
  if (scope.kind === 'class') {
    visible.delete('__class__');
  }
  const childEnclosing = scope.kind === 'class' ? new Set([...enclosing, '__class__']) : visible;
  for (const child of scope.children) analyze(child, childEnclosing, errors);
  // Free names of children that we bind become our cells; others pass through as free.
  const cells = new Set<string>();
  const frees = new Set<string>(scope.nonlocals);
  for (const child of scope.children) {
    for (const name of child.freevars) {
      if (scope.kind === 'class' && name === '__class__') {
        scope.needsClassCell = true;
        cells.add('__class__');
        continue;
      }
      if (scope.isFunctionLike && local.has(name)) cells.add(name);
      else if (scope.kind !== 'module' && !scope.globals.has(name)) {
        // A class body passes free names through; so does a function that only uses them.
        frees.add(name);
      }
    }
  }
  // Names used here that an enclosing function binds are free here.
  for (const name of scope.used) {
    if (scope.resolved.has(name) || local.has(name)) continue;
    if (scope.kind !== 'module' && enclosing.has(name)) frees.add(name);
  }
  if (scope.usesClassCell && enclosing.has('__class__')) frees.add('__class__');
  for (const name of cells) scope.resolved.set(name, 'cell');
  for (const name of frees) {
    if (!scope.resolved.has(name) || scope.resolved.get(name) === 'free') scope.resolved.set(name, 'free');
    else if (scope.kind === 'class') {
      // A class that binds a name its methods take from outside: the methods see the outer one.
    }
  }
  for (const name of scope.used) if (!scope.resolved.has(name)) scope.resolved.set(name, 'global_implicit');
  scope.cellvars = [...cells].sort();
  scope.freevars = [...frees].filter((n) => scope.resolved.get(n) === 'free' || (scope.kind === 'class' && frees.has(n))).sort();
  for (const name of scope.nonlocals) {
    if (!enclosing.has(name)) errors.push({ type: 'SyntaxError', message: `no binding for nonlocal '${name}' found`, lineno: 1, offset: 1, end_lineno: 1, end_offset: 1 });
  }
}
