/**
 * CPython's symbol table (Python/symtable.c): which names each scope binds, and whether
 * each name is local, global (declared or implicit), free or a cell. Built in CPython's
 * two passes: `Builder` walks the tree and records what each scope does with each name
 * (DEF_* flags); `analyze` then resolves every name against the enclosing scopes, and
 * raises the SyntaxErrors that only the whole picture reveals.
 *
 * Version differences that show in the tables:
 * - 3.12 inlines list, set and dict comprehensions into the enclosing scope (PEP 709):
 *   their names move into the parent's table (isolated at run time by the compiler), and
 *   their table leaves the parent's children. Generator expressions stay separate.
 * - 3.12 adds the scopes of PEP 695 type parameters and `type` aliases (supported here
 *   for the common forms).
 */
import type * as ast from './ast';
import type { SyntaxErrorInfo } from './ast';
import { forEachChildExpr } from './astChildren';
import { ErrorLocator } from './errorLocation';
import type { LineMap } from './lineMap';
import type { PythonVersion } from '../protocol';

// --- flags (Include/internal/pycore_symtable.h) -----------------------------------------

export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
export const DEF_COMP_ITER = 512;
export const DEF_TYPE_PARAM = 1024;
export const DEF_COMP_CELL = 2048;
const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/** How a name resolves in a scope (CPython's LOCAL, GLOBAL_EXPLICIT, ...). */
export type SymbolScope = 'LOCAL' | 'GLOBAL_EXPLICIT' | 'GLOBAL_IMPLICIT' | 'FREE' | 'CELL';

/** CPython's block types, as the `symtable` module's get_type() names them. */
export type BlockType = 'module' | 'class' | 'function' | 'annotation' | 'TypeVar bound' | 'type alias' | 'type parameters';

/** What kind of code a scope becomes (the compiler's view). */
export type ScopeKind = 'module' | 'class' | 'function' | 'lambda' | 'comprehension' | 'genexpr' | 'annotation' | 'type-params';

export interface SymbolInfo {
  readonly name: string;
  /** DEF_* and USE bits. */
  readonly flags: number;
  readonly scope: SymbolScope;
}

/** One symbol table entry: a module, class, function, lambda or comprehension scope. */
export class Scope {
  /** Symbols in the order CPython first saw them. */
  readonly symbols = new Map<string, SymbolInfo>();
  readonly children: Scope[] = [];
  /** Nested inside a function-like scope (then its free names are cells somewhere). */
  nested = false;
  generator = false;
  coroutine = false;
  /** A class whose methods use `super()` or `__class__`: it needs a `__class__` cell. */
  needsClassCell = false;
  /** 3.12+: a list, set or dict comprehension compiled inline in its parent. */
  inlined = false;
  /** Has a free variable, or a child that has one. */
  childFree = false;
  hasFree = false;

  /** @internal pass-1 state */
  readonly flags = new Map<string, number>();
  /** @internal */ readonly directives = new Map<string, ast.Position>();
  /** @internal */ compIterTarget = false;
  /** @internal */ compIterExpr = 0;
  /** @internal 'list' | 'set' | 'dict' | 'generator' for comprehension scopes. */
  comprehension: 'list' | 'set' | 'dict' | 'generator' | null = null;
  /** @internal 3.12: a type-parameter or annotation scope that can see its class. */
  canSeeClassScope = false;
  /** @internal the class name for private-name mangling. */
  privateName: string | null = null;

  constructor(
    readonly type: BlockType,
    readonly kind: ScopeKind,
    /** CPython's table name: `top`, the function's name, `lambda`, `listcomp`, `genexpr`, ... */
    readonly name: string,
    readonly lineno: number,
    readonly node: object | null,
    readonly parent: Scope | null,
  ) {}

  get isFunctionLike(): boolean {
    return this.type === 'function' || this.type === 'annotation' || this.type === 'TypeVar bound' || this.type === 'type alias' || this.type === 'type parameters';
  }

  /** How `name` resolves here; names the scope never mentions are implicit globals. */
  scopeOfName(name: string): SymbolScope {
    return this.symbols.get(name)?.scope ?? 'GLOBAL_IMPLICIT';
  }

  /** The compiler's spelling of `scopeOfName` (src/python/compile/scopes.ts). */
  resolve(name: string): 'local' | 'global_explicit' | 'global_implicit' | 'free' | 'cell' {
    return this.scopeOfName(name).toLowerCase() as 'local' | 'global_explicit' | 'global_implicit' | 'free' | 'cell';
  }

  /** co_cellvars: names local here and captured by an inner scope, sorted. */
  get cellvars(): string[] {
    return [...this.symbols.values()].filter((s) => s.scope === 'CELL').map((s) => s.name).sort();
  }

  /**
   * co_freevars: names taken from enclosing scopes' cells, sorted — including a name a class
   * binds itself but passes on to its methods from the enclosing function (DEF_FREE_CLASS).
   */
  get freevars(): string[] {
    return [...this.symbols.values()].filter((s) => s.scope === 'FREE' || (s.flags & DEF_FREE_CLASS) !== 0).map((s) => s.name).sort();
  }

  get isGenerator(): boolean {
    return this.generator;
  }

  get isNested(): boolean {
    return this.nested;
  }

  get hasChildren(): boolean {
    return this.children.length > 0;
  }
}

export interface SymbolTable {
  readonly root: Scope;
  /** At most one: the SyntaxError CPython's symtable raises first. */
  readonly errors: SyntaxErrorInfo[];
  /** The scope of a module, function, class, lambda or comprehension node. */
  scopeOf(node: object): Scope;
}

class SymtableError extends Error {
  constructor(readonly info: SyntaxErrorInfo) {
    super(info.message);
  }
}

/**
 * Builds the symbol table of a module as CPython `version` would. Never throws; with the
 * source's `lines`, error columns are in characters as CPython reports them.
 */
export function buildSymbolTable(module: ast.Module, version: PythonVersion, lines?: LineMap): SymbolTable {
  const builder = new Builder(version, lines);
  const byNode = builder.byNode;
  let errors: SyntaxErrorInfo[] = [];
  try {
    builder.module(module);
    analysisLines = lines;
    analyze(builder.root, version);
  } catch (e) {
    if (!(e instanceof SymtableError)) throw e;
    errors = [e.info];
  } finally {
    analysisLines = undefined;
  }
  return {
    root: builder.root,
    errors,
    scopeOf(node: object): Scope {
      const scope = byNode.get(node);
      if (!scope) throw new Error('scopeOf: not a scope node');
      return scope;
    },
  };
}

// --- pass 1: walk the tree ----------------------------------------------------------------

const COMPREHENSION_NAMES: Record<string, string> = { ListComp: 'listcomp', SetComp: 'setcomp', DictComp: 'dictcomp', GeneratorExp: 'genexpr' };

class Builder {
  readonly root: Scope;
  readonly byNode = new Map<object, Scope>();
  private cur: Scope;
  private readonly stack: Scope[] = [];
  private futureAnnotations = false;
  private readonly minor: number;

  constructor(
    readonly version: PythonVersion,
    private readonly lines?: LineMap,
  ) {
    this.minor = Number(version.split('.')[1]);
    this.root = new Scope('module', 'module', 'top', 0, null, null);
    this.cur = this.root;
  }

  // --- errors and locations

  private error(message: string, node: ast.Position): never {
    throw new SymtableError(this.locate(message, node));
  }

  private locate(message: string, node: ast.Position): SyntaxErrorInfo {
    return locateError(message, node, this.lines);
  }

  // --- blocks

  private enter(type: BlockType, kind: ScopeKind, name: string, lineno: number, node: object | null): Scope {
    const scope = new Scope(type, kind, name, lineno, node, this.cur);
    scope.nested = this.cur.nested || this.cur.isFunctionLike;
    scope.privateName = this.cur.privateName;
    this.cur.children.push(scope);
    this.stack.push(this.cur);
    this.cur = scope;
    if (node) this.byNode.set(node, scope);
    return scope;
  }

  private exit(): void {
    this.cur = this.stack.pop()!;
  }

  // --- symbols

  private mangle(name: string): string {
    const cls = this.cur.privateName;
    if (!cls || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
    const stripped = cls.replace(/^_+/, '');
    return stripped ? `_${stripped}${name}` : name;
  }

  private lookup(name: string): number {
    return this.cur.flags.get(this.mangle(name)) ?? 0;
  }

  private addDef(name: string, flag: number, location: ast.Position, scope: Scope = this.cur): void {
    const mangled = this.mangle(name);
    let value = scope.flags.get(mangled) ?? 0;
    if (flag & DEF_PARAM && value & DEF_PARAM) this.error(`duplicate argument '${name}' in function definition`, location);
    if (flag & DEF_TYPE_PARAM && value & DEF_TYPE_PARAM) this.error(`duplicate type parameter '${name}'`, location);
    value |= flag;
    if (scope.compIterTarget) {
      if (value & (DEF_GLOBAL | DEF_NONLOCAL)) {
        this.error(`comprehension inner loop cannot rebind assignment expression target '${name}'`, location);
      }
      value |= DEF_COMP_ITER;
    }
    scope.flags.set(mangled, value);
    if (flag & DEF_GLOBAL && !(flag & DEF_PARAM)) {
      // symtable_add_def_helper also records a declared global in the module's table.
      const top = this.root.flags.get(mangled) ?? 0;
      this.root.flags.set(mangled, top | flag);
    }
  }

  private directive(name: string, location: ast.Position): void {
    const mangled = this.mangle(name);
    if (!this.cur.directives.has(mangled)) this.cur.directives.set(mangled, location);
  }

  // --- statements

  module(m: ast.Module): void {
    this.byNode.set(m, this.root);
    this.futureAnnotations = m.body.some((s) => s.kind === 'ImportFrom' && s.module === '__future__' && s.names.some((a) => a.name === 'annotations'));
    this.stmts(m.body);
  }

  private stmts(body: readonly ast.Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: ast.Stmt): void {
    switch (s.kind) {
      case 'FunctionDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.exprs(s.args.defaults);
        for (const d of s.args.kw_defaults) if (d) this.expr(d);
        this.exprs(s.decorator_list);
        const generic = s.type_params.length > 0 && this.minor >= 12;
        if (generic) {
          this.enterTypeParams(s.name, s.type_params, s);
          // CPython tests the defaults list for NULL, and it never is (3.12, 3.13).
          this.addDef('.defaults', DEF_PARAM, s);
          if (s.args.kw_defaults.some((d) => d)) this.addDef('.kwdefaults', DEF_PARAM, s);
          this.typeParams(s.type_params);
        }
        this.annotations(s, s.args, s.returns);
        this.enter('function', 'function', s.name, s.lineno, s);
        if (s.is_async) this.cur.coroutine = true;
        this.arguments(s.args);
        this.stmts(s.body);
        this.exit();
        if (generic) this.exit();
        return;
      }
      case 'ClassDef': {
        this.addDef(s.name, DEF_LOCAL, s);
        this.exprs(s.decorator_list);
        const generic = s.type_params.length > 0 && this.minor >= 12;
        if (generic) {
          this.enterTypeParams(s.name, s.type_params, s);
          this.addDef('.type_params', DEF_LOCAL, s);
          this.addDef('.type_params', USE, s);
          this.cur.privateName = s.name;
          this.addDef('.generic_base', DEF_LOCAL, s);
          this.addDef('.generic_base', USE, s);
          this.typeParams(s.type_params);
        }
        this.exprs(s.bases);
        for (const k of s.keywords) this.expr(k.value);
        this.enter('class', 'class', s.name, s.lineno, s);
        this.cur.privateName = s.name;
        if (generic) {
          this.addDef('__type_params__', DEF_LOCAL, s);
          this.addDef('.type_params', USE, s);
        }
        this.stmts(s.body);
        this.exit();
        if (generic) this.exit();
        return;
      }
      case 'TypeAlias': {
        const name = s.name.id;
        this.addDef(name, DEF_LOCAL, s.name);
        const generic = s.type_params.length > 0;
        const inClass = this.cur.type === 'class';
        if (generic) {
          this.enterTypeParams(name, s.type_params, s);
          this.typeParams(s.type_params);
        }
        this.enter('type alias', 'annotation', name, s.lineno, s);
        this.cur.canSeeClassScope = inClass;
        if (inClass) this.addDef('__classdict__', USE, s.value);
        this.expr(s.value);
        this.exit();
        if (generic) this.exit();
        return;
      }
      case 'Return':
        if (s.value) this.expr(s.value);
        return;
      case 'Delete':
        this.exprs(s.targets);
        return;
      case 'Assign':
        this.exprs(s.targets);
        this.expr(s.value);
        return;
      case 'AnnAssign': {
        if (s.target.kind === 'Name') {
          const cur = this.lookup(s.target.id);
          if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur !== this.root && s.simple) {
            this.error(`annotated name '${s.target.id}' can't be ${cur & DEF_GLOBAL ? 'global' : 'nonlocal'}`, s);
          }
          if (s.simple) this.addDef(s.target.id, DEF_ANNOT | DEF_LOCAL, s.target);
          else if (s.value) this.addDef(s.target.id, DEF_LOCAL, s.target);
        } else {
          this.expr(s.target);
        }
        this.annotation(s.annotation);
        if (s.value) this.expr(s.value);
        return;
      }
      case 'AugAssign':
        this.expr(s.target);
        this.expr(s.value);
        return;
      case 'For':
        this.expr(s.target);
        this.expr(s.iter);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case 'While':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case 'If':
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
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
        this.stmts(s.orelse);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type);
          if (h.name) this.addDef(h.name, DEF_LOCAL, h);
          this.stmts(h.body);
        }
        this.stmts(s.finalbody);
        return;
      case 'Assert':
        this.expr(s.test);
        if (s.msg) this.expr(s.msg);
        return;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) this.alias(a);
        return;
      case 'Global':
      case 'Nonlocal': {
        const word = s.kind === 'Global' ? 'global' : 'nonlocal';
        for (const name of s.names) {
          const cur = this.lookup(name);
          if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
            let message: string;
            if (cur & DEF_PARAM) message = `name '${name}' is parameter and ${word}`;
            else if (cur & USE) message = `name '${name}' is used prior to ${word} declaration`;
            else if (cur & DEF_ANNOT) message = `annotated name '${name}' can't be ${word}`;
            else message = `name '${name}' is assigned to before ${word} declaration`;
            this.error(message, s);
          }
          this.addDef(name, s.kind === 'Global' ? DEF_GLOBAL : DEF_NONLOCAL, s);
          this.directive(name, s);
        }
        return;
      }
      case 'Expr':
        this.expr(s.value);
        return;
      case 'With':
        for (const item of s.items) {
          this.expr(item.context_expr);
          if (item.optional_vars) this.expr(item.optional_vars);
        }
        this.stmts(s.body);
        return;
      default:
        return;
    }
  }

  private alias(a: ast.Alias): void {
    const name = a.asname ?? a.name;
    if (name === '*') {
      if (this.cur.type !== 'module') this.error('import * only allowed at module level', a);
      return;
    }
    const dot = name.indexOf('.');
    this.addDef(dot >= 0 ? name.slice(0, dot) : name, DEF_IMPORT, a);
  }

  /** symtable_enter_type_param_block: the scope of a generic's type parameters (3.12). */
  private enterTypeParams(name: string, params: readonly ast.TypeParam[], at: ast.Position): void {
    const inClass = this.cur.type === 'class';
    this.enter('type parameters', 'type-params', name, at.lineno, params);
    if (inClass) {
      this.cur.canSeeClassScope = true;
      this.addDef('__classdict__', USE, at);
    }
  }

  private typeParams(params: readonly ast.TypeParam[]): void {
    for (const p of params) {
      this.addDef(p.name, DEF_TYPE_PARAM | DEF_LOCAL, p);
      if (p.kind === 'TypeVar' && p.bound) {
        const inClass = this.cur.canSeeClassScope;
        this.enter('TypeVar bound', 'annotation', p.name, p.lineno, p);
        this.cur.canSeeClassScope = inClass;
        if (inClass) this.addDef('__classdict__', USE, p.bound);
        this.expr(p.bound);
        this.exit();
      }
      if (p.default_value && this.minor >= 13) {
        this.enter('TypeVar bound', 'annotation', p.name, p.lineno, p.default_value);
        this.expr(p.default_value);
        this.exit();
      }
    }
  }

  /**
   * Function annotations are evaluated in the enclosing scope. Under `from __future__
   * import annotations` they are never evaluated, and CPython's table keeps no trace of
   * their names (its annotation blocks do not show among the children).
   */
  private annotations(s: ast.Position, args: ast.Arguments, returns: ast.Expr | null): void {
    void s;
    if (this.futureAnnotations) return;
    for (const a of [...args.posonlyargs, ...args.args]) if (a.annotation) this.expr(a.annotation);
    if (args.vararg?.annotation) this.expr(args.vararg.annotation);
    if (args.kwarg?.annotation) this.expr(args.kwarg.annotation);
    for (const a of args.kwonlyargs) if (a.annotation) this.expr(a.annotation);
    if (returns) this.annotation(returns);
  }

  private annotation(e: ast.Expr): void {
    if (!this.futureAnnotations) this.expr(e);
  }

  private arguments(args: ast.Arguments): void {
    for (const a of [...args.posonlyargs, ...args.args, ...args.kwonlyargs]) this.addDef(a.arg, DEF_PARAM, a);
    if (args.vararg) this.addDef(args.vararg.arg, DEF_PARAM, args.vararg);
    if (args.kwarg) this.addDef(args.kwarg.arg, DEF_PARAM, args.kwarg);
  }

  private pattern(p: ast.Pattern): void {
    switch (p.kind) {
      case 'MatchValue':
        this.expr(p.value);
        return;
      case 'MatchSingleton':
        return;
      case 'MatchSequence':
        p.patterns.forEach((x) => this.pattern(x));
        return;
      case 'MatchStar':
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        return;
      case 'MatchMapping':
        this.exprs(p.keys);
        p.patterns.forEach((x) => this.pattern(x));
        if (p.rest) this.addDef(p.rest, DEF_LOCAL, p);
        return;
      case 'MatchClass':
        this.expr(p.cls);
        p.patterns.forEach((x) => this.pattern(x));
        p.kwd_patterns.forEach((x) => this.pattern(x));
        return;
      case 'MatchAs':
        if (p.pattern) this.pattern(p.pattern);
        if (p.name) this.addDef(p.name, DEF_LOCAL, p);
        return;
      case 'MatchOr':
        p.patterns.forEach((x) => this.pattern(x));
        return;
    }
  }

  // --- expressions

  private exprs(list: readonly ast.Expr[]): void {
    for (const e of list) this.expr(e);
  }

  private expr(e: ast.Expr): void {
    switch (e.kind) {
      case 'NamedExpr':
        this.namedExpr(e);
        return;
      case 'Lambda': {
        this.exprs(e.args.defaults);
        for (const d of e.args.kw_defaults) if (d) this.expr(d);
        this.enter('function', 'lambda', 'lambda', e.lineno, e);
        this.arguments(e.args);
        this.expr(e.body);
        this.exit();
        return;
      }
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
        this.comprehension(e, e.generators, e.elt, null);
        return;
      case 'DictComp':
        this.comprehension(e, e.generators, e.key, e.value);
        return;
      case 'Yield':
      case 'YieldFrom':
        if (e.value) this.expr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension) {
          const what = { list: 'list comprehension', set: 'set comprehension', dict: 'dict comprehension', generator: 'generator expression' }[this.cur.comprehension];
          this.error(`'yield' inside ${what}`, e);
        }
        return;
      case 'Await':
        this.expr(e.value);
        this.cur.coroutine = true;
        return;
      case 'Name':
        this.addDef(e.id, e.ctx === 'Load' ? USE : DEF_LOCAL, e);
        if (e.ctx === 'Load' && this.cur.isFunctionLike && e.id === 'super') this.addDef('__class__', USE, e);
        return;
      default:
        forEachChildExpr(e, (child) => this.expr(child));
    }
  }

  private namedExpr(e: ast.NamedExpr): void {
    if (this.cur.compIterExpr > 0) this.error('assignment expression cannot be used in a comprehension iterable expression', e);
    if (this.cur.comprehension) this.extendNamedExprScope(e.target);
    this.expr(e.value);
    this.expr(e.target);
  }

  /** A walrus in a comprehension binds in the nearest enclosing function or module. */
  private extendNamedExprScope(target: ast.Name): void {
    const name = target.id;
    const chain = [...this.stack, this.cur];
    for (let i = chain.length - 1; i >= 0; i--) {
      const ste = chain[i];
      if (ste.comprehension) {
        if ((ste.flags.get(name) ?? 0) & DEF_COMP_ITER) {
          this.error(`assignment expression cannot rebind comprehension iteration variable '${name}'`, target);
        }
        continue;
      }
      if (ste.type === 'function') {
        // 3.13 looks the target up by its mangled name; earlier versions did not, and so
        // missed a `global __x` in a method (gh-116764).
        const own = ste.flags.get(this.minor >= 13 ? this.mangle(name) : name) ?? 0;
        this.addDef(name, own & DEF_GLOBAL ? DEF_GLOBAL : DEF_NONLOCAL, target);
        this.directive(name, target);
        this.addDef(name, DEF_LOCAL, target, ste);
        return;
      }
      if (ste.type === 'module') {
        this.addDef(name, DEF_GLOBAL, target);
        this.directive(name, target);
        this.addDef(name, DEF_GLOBAL, target, ste);
        return;
      }
      this.error('assignment expression within a comprehension cannot be used in a class body', target);
    }
  }

  private comprehension(e: ast.Expr, generators: readonly ast.Comprehension[], elt: ast.Expr, value: ast.Expr | null): void {
    const isGenerator = e.kind === 'GeneratorExp';
    const [outermost, ...rest] = generators;
    this.cur.compIterExpr++;
    this.expr(outermost.iter);
    this.cur.compIterExpr--;
    this.enter('function', isGenerator ? 'genexpr' : 'comprehension', COMPREHENSION_NAMES[e.kind], e.lineno, e);
    this.cur.comprehension = e.kind === 'ListComp' ? 'list' : e.kind === 'SetComp' ? 'set' : e.kind === 'DictComp' ? 'dict' : 'generator';
    if (outermost.is_async) this.cur.coroutine = true;
    this.addDef('.0', DEF_PARAM, e);
    this.cur.compIterTarget = true;
    this.expr(outermost.target);
    this.cur.compIterTarget = false;
    this.exprs(outermost.ifs);
    for (const g of rest) {
      this.cur.compIterTarget = true;
      this.expr(g.target);
      this.cur.compIterTarget = false;
      this.cur.compIterExpr++;
      this.expr(g.iter);
      this.cur.compIterExpr--;
      this.exprs(g.ifs);
      if (g.is_async) this.cur.coroutine = true;
    }
    if (value) this.expr(value);
    this.expr(elt);
    this.cur.generator = isGenerator;
    const isAsync = this.cur.coroutine && !isGenerator;
    this.exit();
    if (isAsync) this.cur.coroutine = true;
  }
}

// --- pass 2: resolve names ---------------------------------------------------------------

function analyze(root: Scope, version: PythonVersion): void {
  const minor = Number(version.split('.')[1]);
  analyzeBlock(root, null, new Set(), new Set(), new Set(), null, minor);
}

/**
 * analyze_block: resolve this block's names against `bound` (names bound in enclosing
 * function scopes) and `global` (declared globals), then its children; collect into
 * `free` the names this block and its children take from enclosing scopes.
 */
function analyzeBlock(
  ste: Scope,
  bound: Set<string> | null,
  free: Set<string>,
  global: Set<string>,
  typeParams: Set<string>,
  classEntry: Scope | null,
  minor: number,
): void {
  const local = new Set<string>();
  const scopes = new Map<string, SymbolScope>();
  const newGlobal = new Set<string>();
  const newFree = new Set<string>();
  const newBound = new Set<string>();
  const inlinedCells = new Set<string>();

  if (ste.type === 'class') {
    for (const n of global) newGlobal.add(n);
    if (bound) for (const n of bound) newBound.add(n);
  }
  for (const [name, flags] of ste.flags) analyzeName(ste, scopes, name, flags, bound, local, free, global, typeParams, classEntry);

  if (ste.type !== 'class') {
    if (ste.isFunctionLike) for (const n of local) newBound.add(n);
    if (bound) for (const n of bound) newBound.add(n);
    for (const n of global) newGlobal.add(n);
  } else {
    newBound.add('__class__');
    if (minor >= 12) newBound.add('__classdict__');
  }

  for (const child of ste.children) {
    let newClassEntry: Scope | null = null;
    if (child.canSeeClassScope) newClassEntry = ste.type === 'class' ? ste : classEntry;
    const inline = minor >= 12 && child.comprehension !== null && !child.generator;
    const childFree = new Set(newFree);
    analyzeBlock(child, new Set(newBound), childFree, new Set(newGlobal), new Set(typeParams), newClassEntry, minor);
    if (inline) {
      inlineComprehension(ste, child, scopes, childFree, inlinedCells);
      child.inlined = true;
    }
    for (const n of childFree) newFree.add(n);
    if (child.hasFree || child.childFree) ste.childFree = true;
  }
  // An inlined comprehension's own children become this block's children.
  for (let i = ste.children.length - 1; i >= 0; i--) {
    const child = ste.children[i];
    if (child.inlined) ste.children.splice(i, 1, ...child.children);
  }

  if (ste.isFunctionLike) analyzeCells(scopes, newFree, inlinedCells);
  else if (ste.type === 'class') dropClassFree(ste, newFree);
  updateSymbols(ste, scopes, bound, newFree, inlinedCells, ste.type === 'class' || ste.canSeeClassScope);
  for (const n of newFree) free.add(n);
}

function errorAtDirective(ste: Scope, name: string, message: string): never {
  const at = ste.directives.get(name) ?? { lineno: 1, col_offset: 0, end_lineno: 1, end_col_offset: 0 };
  throw new SymtableError(locateError(message, at, analysisLines));
}

/** The source's line map while `analyze` runs (for error columns in characters). */
let analysisLines: LineMap | undefined;

/** A SyntaxErrorInfo at a node; columns in characters when the source is known. */
function locateError(message: string, node: ast.Position, lines: LineMap | undefined): SyntaxErrorInfo {
  if (lines) return new ErrorLocator(lines).node(message, node).error;
  // Without the source, columns are bytes: exact for ASCII lines.
  return {
    type: 'SyntaxError',
    message,
    lineno: node.lineno,
    offset: node.col_offset + 1,
    end_lineno: node.end_lineno,
    end_offset: node.end_col_offset + 1,
  };
}

function analyzeName(
  ste: Scope,
  scopes: Map<string, SymbolScope>,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
  typeParams: Set<string>,
  classEntry: Scope | null,
): void {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) errorAtDirective(ste, name, `name '${name}' is nonlocal and global`);
    scopes.set(name, 'GLOBAL_EXPLICIT');
    global.add(name);
    bound?.delete(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) errorAtDirective(ste, name, 'nonlocal declaration not allowed at module level');
    if (!bound.has(name)) errorAtDirective(ste, name, `no binding for nonlocal '${name}' found`);
    if (typeParams.has(name)) errorAtDirective(ste, name, `nonlocal binding not allowed for type parameter '${name}'`);
    scopes.set(name, 'FREE');
    ste.hasFree = true;
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    scopes.set(name, 'LOCAL');
    local.add(name);
    global.delete(name);
    if (flags & DEF_TYPE_PARAM) typeParams.add(name);
    else typeParams.delete(name);
    return;
  }
  if (classEntry) {
    const classFlags = classEntry.flags.get(name) ?? 0;
    if (classFlags & DEF_GLOBAL) {
      scopes.set(name, 'GLOBAL_EXPLICIT');
      return;
    }
    if (classFlags & DEF_BOUND && !(classFlags & DEF_NONLOCAL)) {
      scopes.set(name, 'GLOBAL_IMPLICIT');
      return;
    }
  }
  if (bound?.has(name)) {
    scopes.set(name, 'FREE');
    ste.hasFree = true;
    free.add(name);
    return;
  }
  if (global.has(name)) {
    scopes.set(name, 'GLOBAL_IMPLICIT');
    return;
  }
  if (ste.nested) ste.hasFree = true;
  scopes.set(name, 'GLOBAL_IMPLICIT');
}

/** PEP 709: merge an inlined comprehension's names into its parent (3.12 inline_comprehension). */
function inlineComprehension(ste: Scope, comp: Scope, scopes: Map<string, SymbolScope>, compFree: Set<string>, inlinedCells: Set<string>): void {
  let removeDunderClass = false;
  for (const [name, info] of comp.symbols) {
    if (info.flags & DEF_PARAM) continue; // `.0`
    let scope = info.scope;
    if (scope === 'CELL' || info.flags & DEF_COMP_CELL) inlinedCells.add(name);
    const existing = ste.flags.get(name);
    if (scope === 'FREE' && ste.type === 'class' && name === '__class__') {
      scope = 'GLOBAL_IMPLICIT';
      compFree.delete(name);
      removeDunderClass = true;
    }
    if (existing === undefined) {
      ste.flags.set(name, info.flags);
      scopes.set(name, scope);
    } else if (existing & DEF_BOUND && !isFreeInAnyChild(comp, name) && ste.type !== 'class') {
      compFree.delete(name);
    }
  }
  if (removeDunderClass) comp.symbols.delete('__class__');
}

function isFreeInAnyChild(entry: Scope, name: string): boolean {
  for (const child of entry.children) {
    if (child.symbols.get(name)?.scope === 'FREE') return true;
    if (isFreeInAnyChild(child, name)) return true;
  }
  return false;
}

/** Locals that an inner scope uses become cells. */
function analyzeCells(scopes: Map<string, SymbolScope>, free: Set<string>, inlinedCells: Set<string>): void {
  for (const [name, scope] of scopes) {
    if (scope !== 'LOCAL') continue;
    if (!free.has(name) && !inlinedCells.has(name)) continue;
    scopes.set(name, 'CELL');
    free.delete(name);
  }
}

/** A class does not keep `__class__` free: it provides it as a cell to its methods. */
function dropClassFree(ste: Scope, free: Set<string>): void {
  if (free.delete('__class__')) ste.needsClassCell = true;
  free.delete('__classdict__');
}

function updateSymbols(ste: Scope, scopes: Map<string, SymbolScope>, bound: Set<string> | null, free: Set<string>, inlinedCells: Set<string>, classFlag: boolean): void {
  for (const [name, flags0] of ste.flags) {
    const flags = inlinedCells.has(name) ? flags0 | DEF_COMP_CELL : flags0;
    ste.flags.set(name, flags);
    ste.symbols.set(name, { name, flags, scope: scopes.get(name) ?? 'GLOBAL_IMPLICIT' });
  }
  for (const name of free) {
    const existing = ste.flags.get(name);
    if (existing !== undefined) {
      // A free variable of a method that the class itself also binds.
      if (classFlag) {
        ste.flags.set(name, existing | DEF_FREE_CLASS);
        const info = ste.symbols.get(name)!;
        ste.symbols.set(name, { ...info, flags: existing | DEF_FREE_CLASS });
      }
      continue;
    }
    if (bound && !bound.has(name)) continue; // a global
    ste.flags.set(name, 0);
    ste.symbols.set(name, { name, flags: 0, scope: 'FREE' });
  }
}
