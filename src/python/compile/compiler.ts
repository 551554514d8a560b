import type * as ast from '../ast';
import type { LanguageProfile } from '../profile';
import { annotationText, findAnnotations, hasFutureAnnotations } from './annotations';
import { CodeKind, CodeUnit, ConstantPool } from './code';
import { CALL_PLAIN, CallFlags, Op } from './opcodes';
import type { ScopeInfo, ScopeTables } from './scopes';
import { Label, UnitBuilder } from './unitBuilder';

/**
 * Compiles the syntax tree into HeapScope's bytecode, one code unit per module, class,
 * function, lambda and comprehension, the way CPython's compiler lays out the stack.
 */

export const BINARY_OPERATORS: readonly ast.Operator[] = ['Add', 'Sub', 'Mult', 'MatMult', 'Div', 'Mod', 'Pow', 'LShift', 'RShift', 'BitOr', 'BitXor', 'BitAnd', 'FloorDiv'];
export const COMPARE_OPERATORS: readonly ast.CmpOp[] = ['Lt', 'LtE', 'Eq', 'NotEq', 'Gt', 'GtE'];
export const UNARY_OPERATORS = ['Invert', 'Not', 'UAdd', 'USub'] as const;
/** CPython's compile.c: how many values an instruction may take from the stack before it builds them up one by one. */
const STACK_USE_GUIDELINE = 30;

/** A block the compiler must unwind when `return`, `break` or `continue` leaves it early. */
type FrameBlock =
  | { readonly kind: 'loop'; readonly continueTo: Label; readonly breakTo: Label; readonly popsIterator: boolean }
  | { readonly kind: 'try' }
  | { readonly kind: 'finally'; readonly body: readonly ast.Stmt[] }
  | { readonly kind: 'with' }
  | { readonly kind: 'handler'; readonly name: string | null; readonly node: ast.Position }
  /** A finally body running because of an exception, which sits on the stack. */
  | { readonly kind: 'finally-exception' }
  /** The value being returned sits on the stack under a finally body running for `return`. */
  | { readonly kind: 'finally-running' };

export interface CompileResult {
  readonly module: CodeUnit;
  readonly pool: ConstantPool;
}

export function compileModule(module: ast.Module, scopes: ScopeTables, profile: LanguageProfile): CompileResult {
  const pool = new ConstantPool();
  const compiler = new Compiler(pool, scopes, profile);
  return { module: compiler.compileModuleBody(module), pool };
}

class Compiler {
  private unit!: UnitBuilder;
  private scope!: ScopeInfo;
  private blocks: FrameBlock[] = [];
  private qualnamePrefix: string[] = [];
  /** The innermost enclosing class, for private name mangling (`__x` → `_C__x`). */
  private privateName: string | null = null;
  /** `from __future__ import annotations`: annotations are stored as their text. */
  private futureAnnotations = false;

  constructor(
    private readonly pool: ConstantPool,
    private readonly scopes: ScopeTables,
    private readonly profile: LanguageProfile,
  ) {}

  compileModuleBody(module: ast.Module): CodeUnit {
    this.unit = new UnitBuilder('module', '<module>', '<module>', 1, this.pool);
    this.scope = this.scopes.scopeOf(module);
    this.futureAnnotations = hasFutureAnnotations(module);
    if (findAnnotations(module.body)) this.unit.emit(Op.SetupAnnotations);
    const doc = docstringOf(module.body);
    let body = module.body;
    if (doc !== null) {
      const first = body[0];
      this.unit.at(first);
      this.loadConstant({ type: 'str', value: doc }, true);
      this.storeName('__doc__');
      body = body.slice(1);
    }
    this.statements(body);
    // The implicit return belongs to no line (no line event, as in CPython).
    this.unit.line = 0;
    this.unit.column = -1;
    this.loadConstant({ type: 'None' }, false);
    this.unit.emit(Op.ReturnValue);
    return this.finishUnit({ argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, hasVarargs: false, hasVarkw: false, docstring: doc }, []);
  }

  // --- units -------------------------------------------------------------------------

  private finishUnit(
    details: { argcount: number; posonlyargcount: number; kwonlyargcount: number; hasVarargs: boolean; hasVarkw: boolean; docstring: string | null },
    params: readonly string[],
  ): CodeUnit {
    const cellParams: number[] = [];
    for (const cell of this.scope.cellvars) {
      const i = params.indexOf(cell);
      if (i >= 0) cellParams.push(i);
    }
    return this.unit.finish({
      ...details,
      isGenerator: this.scope.isGenerator,
      cellvars: this.scope.cellvars,
      freevars: this.scope.freevars,
      cellParams,
    });
  }

  /** Compiles a nested unit with its own builder and scope, restoring ours afterwards. */
  private nested<T>(kind: CodeKind, name: string, node: object & ast.Position, build: () => T): T {
    const saved = { unit: this.unit, scope: this.scope, blocks: this.blocks, privateName: this.privateName };
    if (kind === 'class') this.privateName = name;
    const qualname = this.qualnameFor(name);
    this.unit = new UnitBuilder(kind, name, qualname, node.lineno, this.pool);
    this.scope = this.scopes.scopeOf(node);
    this.blocks = [];
    this.qualnamePrefix.push(kind === 'class' ? name : kind === 'module' ? '' : `${name}.<locals>`);
    try {
      return build();
    } finally {
      this.qualnamePrefix.pop();
      this.unit = saved.unit;
      this.scope = saved.scope;
      this.blocks = saved.blocks;
      this.privateName = saved.privateName;
    }
  }

  /** _Py_Mangle: `__spam` inside class `Ham` is `_Ham__spam`. */
  private mangle(name: string): string {
    const cls = this.privateName;
    if (cls === null || !name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
    const stripped = cls.replace(/^_+/, '');
    return stripped === '' ? name : `_${stripped}${name}`;
  }

  /** The co_names index of an attribute name, mangled. */
  private attr(name: string): number {
    return this.unit.nameIndexOf(this.mangle(name));
  }

  private qualnameFor(name: string): string {
    const prefix = this.qualnamePrefix.filter((p) => p !== '');
    // A name declared global in the enclosing function is qualified from the module.
    return prefix.length ? `${prefix[prefix.length - 1]}.${name}` : name;
  }

  private compileFunctionBody(node: ast.FunctionDef | ast.Lambda, name: string): CodeUnit {
    const kind: CodeKind = node.kind === 'Lambda' ? 'lambda' : 'function';
    return this.nested(kind, name, node, () => {
      const args = node.args;
      const params = [
        ...args.posonlyargs.map((a) => a.arg),
        ...args.args.map((a) => a.arg),
        ...args.kwonlyargs.map((a) => a.arg),
        ...(args.vararg ? [args.vararg.arg] : []),
        ...(args.kwarg ? [args.kwarg.arg] : []),
      ];
      // co_varnames: positional, keyword-only, then *args and **kwargs.
      const ordered = [
        ...args.posonlyargs.map((a) => a.arg),
        ...args.args.map((a) => a.arg),
        ...args.kwonlyargs.map((a) => a.arg),
        ...(args.vararg ? [args.vararg.arg] : []),
        ...(args.kwarg ? [args.kwarg.arg] : []),
      ];
      for (const p of ordered) this.unit.varnameIndex(p);
      let doc: string | null = null;
      if (node.kind === 'Lambda') {
        this.unit.at(node.body);
        this.expression(node.body);
        if (!this.scope.isGenerator) this.unit.emit(Op.ReturnValue);
        else {
          this.unit.emit(Op.PopTop);
          this.returnNone();
        }
      } else {
        doc = docstringOf(node.body);
        // co_consts[0] is the docstring, or None (3.10–3.13).
        this.unit.constIndexOf(this.pool.add(doc === null ? { type: 'None' } : { type: 'str', value: doc }, doc !== null));
        this.statements(doc !== null ? node.body.slice(1) : node.body);
        if (!this.unit.endsFlow()) {
          // The implicit return belongs to no line (no line event, as in CPython).
          this.unit.line = 0;
          this.unit.column = -1;
          this.returnNone();
        }
      }
      void params;
      return this.finishUnit(
        {
          argcount: args.posonlyargs.length + args.args.length,
          posonlyargcount: args.posonlyargs.length,
          kwonlyargcount: args.kwonlyargs.length,
          hasVarargs: args.vararg !== null,
          hasVarkw: args.kwarg !== null,
          docstring: doc,
        },
        ordered,
      );
    });
  }

  private returnNone(): void {
    this.loadConstant({ type: 'None' }, false);
    this.unit.emit(Op.ReturnValue);
  }

  // --- statements --------------------------------------------------------------------

  private statements(body: readonly ast.Stmt[]): void {
    for (const stmt of body) this.statement(stmt);
  }

  private statement(s: ast.Stmt): void {
    this.unit.at(s);
    switch (s.kind) {
      case 'Expr':
        this.expression(s.value);
        this.unit.at(s);
        this.unit.emit(Op.PopTop);
        return;
      case 'Assign':
        this.expression(s.value);
        s.targets.forEach((target, i) => {
          if (i < s.targets.length - 1) this.unit.emit(Op.Copy, 1);
          this.store(target);
        });
        return;
      case 'AugAssign':
        return this.augAssign(s);
      case 'AnnAssign':
        return this.annotatedAssignment(s);
      case 'Delete':
        for (const target of s.targets) this.delete(target);
        return;
      case 'Pass':
        this.unit.emit(Op.Nop);
        return;
      case 'If':
        return this.ifStatement(s);
      case 'While':
        return this.whileLoop(s);
      case 'For':
        if (s.is_async) return this.unsupported('async for', s);
        return this.forLoop(s);
      case 'Break':
        return this.breakOrContinue(s, true);
      case 'Continue':
        return this.breakOrContinue(s, false);
      case 'Return':
        return this.returnStatement(s);
      case 'FunctionDef':
        if (s.is_async) return this.unsupported('async def', s);
        return this.functionDef(s);
      case 'ClassDef':
        return this.classDef(s);
      case 'Raise':
        if (s.exc === null) {
          this.unit.emit(Op.Raise, 0);
          return;
        }
        this.expression(s.exc);
        if (s.cause !== null) this.expression(s.cause);
        this.unit.at(s);
        this.unit.emit(Op.Raise, s.cause !== null ? 2 : 1);
        return;
      case 'Try':
        if (s.is_star) return this.unsupported('except*', s);
        if (s.finalbody.length > 0) return this.tryFinally(s);
        return this.tryExcept(s);
      case 'Assert':
        return this.assertStatement(s);
      case 'With':
        if (s.is_async) return this.unsupported('async with', s);
        return this.withStatement(s, 0);
      case 'Import':
        for (const alias of s.names) {
          this.loadConstant({ type: 'int', value: 0n }, false);
          this.loadConstant({ type: 'None' }, false);
          this.unit.emit(Op.ImportName, this.unit.nameIndexOf(alias.name));
          if (alias.asname !== null) {
            const parts = alias.name.split('.');
            for (const part of parts.slice(1)) this.unit.emit(Op.ImportFrom, this.unit.nameIndexOf(part));
            if (parts.length > 1) {
              this.unit.emit(Op.Swap, 2);
              this.unit.emit(Op.PopTop);
            }
            this.storeName(alias.asname);
          } else {
            this.storeName(alias.name.split('.')[0]);
          }
        }
        return;
      case 'ImportFrom': {
        this.loadConstant({ type: 'int', value: BigInt(s.level) }, false);
        this.loadConstant({ type: 'tuple', items: s.names.map((a) => ({ type: 'str', value: a.name }) as ast.ConstantValue) }, false);
        this.unit.emit(Op.ImportName, this.unit.nameIndexOf(s.module ?? ''));
        if (s.names.length === 1 && s.names[0].name === '*') {
          this.unit.emit(Op.ImportStar);
          return;
        }
        for (const alias of s.names) {
          this.unit.emit(Op.ImportFrom, this.unit.nameIndexOf(alias.name));
          this.storeName(alias.asname ?? alias.name);
        }
        this.unit.emit(Op.PopTop);
        return;
      }
      case 'Global':
      case 'Nonlocal':
        return;
      case 'Match':
        return this.unsupported('match statement', s);
      case 'TypeAlias':
        return this.unsupported('type alias statement', s);
    }
  }

  private unsupported(what: string, node: ast.Position): void {
    this.unit.at(node);
    this.unit.emit(Op.Unsupported, this.unit.constIndexOf(this.pool.add({ type: 'str', value: what }, false)));
  }

  /**
   * compiler_annassign: the value is stored first; then, in a module or class body, a
   * plain name's annotation goes into `__annotations__` (its text under `from __future__
   * import annotations`). Other targets only evaluate what they would assign into (when
   * there is no value) and, in those bodies, the annotation.
   */
  private annotatedAssignment(s: ast.AnnAssign): void {
    if (s.value !== null) {
      this.expression(s.value);
      this.store(s.target);
    }
    const namespaceBody = this.scope.kind === 'module' || this.scope.kind === 'class';
    const target = s.target;
    if (target.kind === 'Name' && s.simple) {
      if (!namespaceBody) return;
      if (!this.annotationValue(s)) return;
      this.unit.emit(Op.LoadName, this.unit.nameIndexOf('__annotations__'));
      this.loadConstant({ type: 'str', value: this.mangle(target.id) }, false);
      this.unit.emit(Op.StoreSubscr);
      return;
    }
    if (s.value === null) {
      if (target.kind === 'Attribute') this.evaluateAndDiscard(target.value);
      if (target.kind === 'Subscript') {
        this.evaluateAndDiscard(target.value);
        this.evaluateSubscriptParts(target.slice);
      }
    }
    if (namespaceBody && !this.futureAnnotations) this.evaluateAndDiscard(s.annotation);
  }

  /** Pushes an annotation's value, or its text under future annotations; false (and an unsupported step) when that text is not simulated. */
  private annotationValue(s: ast.AnnAssign): boolean {
    if (!this.futureAnnotations) {
      this.expression(s.annotation);
      return true;
    }
    const text = annotationText(s.annotation);
    if (text === null) {
      this.unsupported('this annotation under from __future__ import annotations', s.annotation);
      return false;
    }
    this.loadConstant({ type: 'str', value: text }, false);
    return true;
  }

  private evaluateAndDiscard(e: ast.Expr): void {
    this.expression(e);
    this.unit.emit(Op.PopTop);
  }

  /** check_ann_subscr: the parts of a subscript an annotated target would use. */
  private evaluateSubscriptParts(e: ast.Expr): void {
    if (e.kind === 'Slice') {
      for (const part of [e.lower, e.upper, e.step]) if (part !== null) this.evaluateAndDiscard(part);
    } else if (e.kind === 'Tuple') {
      for (const item of e.elts) this.evaluateSubscriptParts(item);
    } else {
      this.evaluateAndDiscard(e);
    }
  }

  private augAssign(s: ast.AugAssign): void {
    const op = BINARY_OPERATORS.indexOf(s.op);
    const target = s.target;
    if (target.kind === 'Name') {
      this.loadName(target.id);
      this.expression(s.value);
      this.unit.at(s);
      this.unit.emit(Op.InplaceOp, op);
      this.storeName(target.id);
    } else if (target.kind === 'Attribute') {
      this.expression(target.value);
      this.unit.emit(Op.Copy, 1);
      this.unit.at(target);
      this.unit.emit(Op.LoadAttr, this.attr(target.attr));
      this.expression(s.value);
      this.unit.at(s);
      this.unit.emit(Op.InplaceOp, op);
      this.unit.emit(Op.Swap, 2);
      this.unit.emit(Op.StoreAttr, this.attr(target.attr));
    } else if (target.kind === 'Subscript') {
      this.expression(target.value);
      this.expression(target.slice);
      this.unit.emit(Op.Copy, 2);
      this.unit.emit(Op.Copy, 2);
      this.unit.at(target);
      this.unit.emit(Op.LoadSubscr);
      this.expression(s.value);
      this.unit.at(s);
      this.unit.emit(Op.InplaceOp, op);
      this.unit.emit(Op.Swap, 3);
      this.unit.emit(Op.Swap, 2);
      this.unit.emit(Op.StoreSubscr);
    }
  }

  private ifStatement(s: ast.If): void {
    const end = this.unit.newLabel();
    const orelse = this.unit.newLabel();
    this.condition(s.test, false, s.orelse.length ? orelse : end);
    this.statements(s.body);
    if (s.orelse.length) {
      if (!this.unit.endsFlow()) this.unit.jump(Op.Jump, end);
      this.unit.bind(orelse);
      this.statements(s.orelse);
    }
    this.unit.bind(end);
  }

  /** Jumps to `target` when `test` is `jumpIf`; falls through otherwise. */
  private condition(test: ast.Expr, jumpIf: boolean, target: Label): void {
    if (test.kind === 'UnaryOp' && test.op === 'Not') return this.condition(test.operand, !jumpIf, target);
    if (test.kind === 'BoolOp') {
      const isAnd = test.op === 'And';
      if (isAnd !== jumpIf) {
        // `a and b` jumping when false (or `a or b` when true): any operand decides.
        for (const value of test.values) this.condition(value, jumpIf, target);
      } else {
        const skip = this.unit.newLabel();
        test.values.forEach((value, i) => {
          if (i < test.values.length - 1) this.condition(value, !jumpIf, skip);
          else this.condition(value, jumpIf, target);
        });
        this.unit.bind(skip);
      }
      return;
    }
    this.expression(test);
    this.unit.at(test);
    this.unit.jump(jumpIf ? Op.PopJumpIfTrue : Op.PopJumpIfFalse, target);
  }

  private whileLoop(s: ast.While): void {
    const top = this.unit.newLabel();
    const end = this.unit.newLabel();
    const orelse = this.unit.newLabel();
    this.unit.bind(top);
    this.condition(s.test, false, orelse);
    this.blocks.push({ kind: 'loop', continueTo: top, breakTo: end, popsIterator: false });
    this.statements(s.body);
    this.blocks.pop();
    this.unit.at(s);
    if (!this.unit.endsFlow()) this.unit.jump(Op.JumpBackward, top);
    this.unit.bind(orelse);
    this.statements(s.orelse);
    this.unit.bind(end);
  }

  private forLoop(s: ast.For): void {
    const top = this.unit.newLabel();
    const end = this.unit.newLabel();
    const exhausted = this.unit.newLabel();
    this.expression(s.iter);
    this.unit.at(s);
    this.unit.emit(Op.GetIter);
    this.unit.bind(top);
    this.unit.at(s);
    this.unit.jump(Op.ForIter, exhausted);
    this.store(s.target);
    this.blocks.push({ kind: 'loop', continueTo: top, breakTo: end, popsIterator: true });
    this.statements(s.body);
    this.blocks.pop();
    this.unit.at(s);
    if (!this.unit.endsFlow()) this.unit.jump(Op.JumpBackward, top);
    this.unit.bind(exhausted);
    this.statements(s.orelse);
    this.unit.bind(end);
  }

  private breakOrContinue(s: ast.Break | ast.Continue, isBreak: boolean): void {
    const saved = this.blocks;
    for (let i = saved.length - 1; i >= 0; i--) {
      const block = saved[i];
      if (block.kind === 'loop') {
        this.unit.at(s);
        if (isBreak && block.popsIterator) this.unit.emit(Op.PopTop);
        this.unit.jump(isBreak ? Op.Jump : Op.JumpBackward, isBreak ? block.breakTo : block.continueTo);
        return;
      }
      this.blocks = saved.slice(0, i);
      this.unwind(block, s);
    }
    this.blocks = saved;
  }

  private returnStatement(s: ast.Return): void {
    if (s.value !== null) this.expression(s.value);
    else this.loadConstant({ type: 'None' }, false);
    const saved = this.blocks;
    for (let i = saved.length - 1; i >= 0; i--) {
      const block = saved[i];
      this.blocks = saved.slice(0, i);
      if (block.kind === 'loop') {
        if (block.popsIterator) {
          this.unit.emit(Op.Swap, 2);
          this.unit.emit(Op.PopTop);
        }
        continue;
      }
      this.unwind(block, s, true);
    }
    this.blocks = saved;
    this.unit.at(s);
    this.unit.emit(Op.ReturnValue);
  }

  /** Leaves a block early, as compiler_unwind_fblock does. */
  private unwind(block: FrameBlock, node: ast.Position, preserveTop = false): void {
    switch (block.kind) {
      case 'try':
        this.unit.emit(Op.PopBlock);
        return;
      case 'finally':
        this.unit.emit(Op.PopBlock);
        this.blocks.push({ kind: 'finally-running' });
        this.statements(block.body);
        this.blocks.pop();
        this.unit.at(node);
        return;
      case 'with':
        this.unit.emit(Op.PopBlock);
        if (preserveTop) this.unit.emit(Op.Swap, 2);
        this.callExitWithNones();
        return;
      case 'handler':
        this.unit.emit(Op.PopExcept);
        if (block.name !== null) this.clearExceptName(block.name);
        return;
      case 'finally-exception':
        // Leaving a finally body early drops the exception it was running for.
        if (preserveTop) this.unit.emit(Op.Swap, 2);
        this.unit.emit(Op.PopTop);
        this.unit.emit(Op.PopExcept);
        return;
      case 'finally-running':
      case 'loop':
        return;
    }
  }

  private callExitWithNones(): void {
    this.loadConstant({ type: 'None' }, false);
    this.loadConstant({ type: 'None' }, false);
    this.loadConstant({ type: 'None' }, false);
    this.unit.emit(Op.Call, 3 | CALL_PLAIN);
    this.unit.emit(Op.PopTop);
  }

  private functionDef(s: ast.FunctionDef): void {
    for (const d of s.decorator_list) this.expression(d);
    this.unit.at(s);
    const flags = this.functionDefaults(s.args);
    const annotations = this.profile.version !== '3.14' ? this.annotations(s) : false;
    const code = this.compileFunctionBody(s, s.name);
    this.unit.at(s);
    this.makeFunction(code, flags | (annotations ? CallFlags.Annotations : 0));
    this.applyDecorators(s.decorator_list, s);
    this.storeName(s.name);
  }

  /** Evaluates defaults and keyword-only defaults; returns the MakeFunction flags. */
  private functionDefaults(args: ast.Arguments): number {
    let flags = 0;
    if (args.defaults.length) {
      for (const d of args.defaults) this.expression(d);
      this.unit.emit(Op.BuildTuple, args.defaults.length);
      flags |= CallFlags.Defaults;
    }
    const kw = args.kwonlyargs.map((a, i) => [a.arg, args.kw_defaults[i]] as const).filter(([, d]) => d !== null);
    if (kw.length) {
      for (const [name, d] of kw) {
        this.loadConstant({ type: 'str', value: name }, false);
        this.expression(d!);
      }
      this.unit.emit(Op.BuildMap, kw.length);
      flags |= CallFlags.KwDefaults;
    }
    return flags;
  }

  /** 3.10–3.13 evaluate annotations at definition time into a dict. */
  private annotations(s: ast.FunctionDef): boolean {
    const a = s.args;
    const entries: [string, ast.Expr][] = [];
    for (const arg of [...a.posonlyargs, ...a.args, ...(a.vararg ? [a.vararg] : []), ...a.kwonlyargs, ...(a.kwarg ? [a.kwarg] : [])]) {
      if (arg.annotation) entries.push([arg.arg, arg.annotation]);
    }
    if (s.returns) entries.push(['return', s.returns]);
    if (!entries.length) return false;
    for (const [name, value] of entries) {
      this.loadConstant({ type: 'str', value: name }, false);
      if (!this.futureAnnotations) {
        this.expression(value);
        continue;
      }
      // Under future annotations a function keeps each annotation's text, unevaluated.
      const text = annotationText(value);
      if (text === null) this.unsupported('this annotation under from __future__ import annotations', value);
      else this.loadConstant({ type: 'str', value: text }, false);
    }
    this.unit.emit(Op.BuildMap, entries.length);
    return true;
  }

  /** Pushes the function made from `code`, with its closure when it has free variables. */
  private makeFunction(code: CodeUnit, flags: number): void {
    if (code.freevars.length) {
      for (const name of code.freevars) this.unit.emit(Op.LoadClosure, this.derefIndex(name));
      this.unit.emit(Op.BuildTuple, code.freevars.length);
      flags |= CallFlags.Closure;
    }
    this.unit.emit(Op.LoadConst, this.unit.constIndexOf(this.pool.addCode(code)));
    this.unit.emit(Op.MakeFunction, flags);
  }

  private classDef(s: ast.ClassDef): void {
    for (const d of s.decorator_list) this.expression(d);
    this.unit.at(s);
    this.unit.emit(Op.PushNull);
    this.unit.emit(Op.LoadBuildClass);
    const code = this.nested('class', s.name, s, () => {
      this.unit.at(s);
      this.loadName('__name__');
      this.storeName('__module__');
      this.loadConstant({ type: 'str', value: this.unit.qualname }, false);
      this.storeName('__qualname__');
      if (findAnnotations(s.body)) this.unit.emit(Op.SetupAnnotations);
      const doc = docstringOf(s.body);
      let body = s.body;
      if (doc !== null) {
        this.unit.at(body[0]);
        this.loadConstant({ type: 'str', value: doc }, true);
        this.storeName('__doc__');
        body = body.slice(1);
      }
      this.statements(body);
      // The implicit return belongs to no line (no line event, as in CPython).
      this.unit.line = 0;
      this.unit.column = -1;
      if (this.scope.needsClassCell) {
        this.unit.emit(Op.LoadClosure, this.derefIndex('__class__'));
        this.unit.emit(Op.Copy, 1);
        this.storeName('__classcell__');
        this.unit.emit(Op.ReturnValue);
      } else {
        this.returnNone();
      }
      return this.finishUnit({ argcount: 0, posonlyargcount: 0, kwonlyargcount: 0, hasVarargs: false, hasVarkw: false, docstring: doc }, []);
    });
    this.unit.at(s);
    this.makeFunction(code, 0);
    this.loadConstant({ type: 'str', value: s.name }, false);
    this.callArguments(s.bases, s.keywords, 2, s);
    this.applyDecorators(s.decorator_list, s);
    this.storeName(s.name);
  }

  /** Calls the decorators, innermost (last) first, each at its own line from 3.11, at the statement's before. */
  private applyDecorators(decorators: readonly ast.Expr[], s: ast.Stmt): void {
    for (let i = decorators.length - 1; i >= 0; i--) {
      this.unit.at(this.profile.decoratorCallsAtDecorator ? decorators[i] : s);
      this.unit.emit(Op.Call, 1 | CALL_PLAIN);
    }
    this.unit.at(s);
  }

  private tryExcept(s: ast.Try): void {
    const handlers = this.unit.newLabel();
    const end = this.unit.newLabel();
    this.unit.jump(Op.SetupFinally, handlers);
    this.blocks.push({ kind: 'try' });
    this.statements(s.body);
    this.blocks.pop();
    this.unit.emit(Op.PopBlock);
    this.statements(s.orelse);
    if (!this.unit.endsFlow()) this.unit.jump(Op.Jump, end);
    this.unit.bind(handlers);
    // The exception is on the stack; each handler tests it in turn.
    for (const handler of s.handlers) {
      this.unit.at(handler);
      const next = this.unit.newLabel();
      if (handler.type !== null) {
        // CheckExcMatch leaves the exception and replaces the type with the answer.
        this.expression(handler.type);
        this.unit.at(handler);
        this.unit.emit(Op.CheckExcMatch);
        this.unit.jump(Op.PopJumpIfFalse, next);
      }
      if (handler.name !== null) this.storeName(handler.name);
      else this.unit.emit(Op.PopTop);
      this.blocks.push({ kind: 'handler', name: handler.name, node: handler });
      this.statements(handler.body);
      this.blocks.pop();
      if (!this.unit.endsFlow()) {
        this.unit.at(handler.body[handler.body.length - 1] ?? handler);
        this.unit.emit(Op.PopExcept);
        if (handler.name !== null) this.clearExceptName(handler.name);
        this.unit.jump(Op.Jump, end);
      }
      this.unit.bind(next);
    }
    this.unit.emit(Op.Reraise);
    this.unit.bind(end);
  }

  /** `except E as e` ends with `e = None; del e`, so the traceback cycle does not outlive the handler. */
  private clearExceptName(name: string): void {
    this.loadConstant({ type: 'None' }, false);
    this.storeName(name);
    this.deleteName(name);
  }

  private tryFinally(s: ast.Try): void {
    const handler = this.unit.newLabel();
    const end = this.unit.newLabel();
    this.unit.jump(Op.SetupFinally, handler);
    this.blocks.push({ kind: 'finally', body: s.finalbody });
    if (s.handlers.length) this.tryExcept({ ...s, finalbody: [] });
    else this.statements(s.body);
    this.blocks.pop();
    this.unit.emit(Op.PopBlock);
    this.blocks.push({ kind: 'finally-running' });
    this.statements(s.finalbody);
    this.blocks.pop();
    if (!this.unit.endsFlow()) this.unit.jump(Op.Jump, end);
    this.unit.bind(handler);
    // Exceptional path: the exception is on the stack while the finally body runs.
    this.blocks.push({ kind: 'finally-exception' });
    this.statements(s.finalbody);
    this.blocks.pop();
    this.unit.emit(Op.Reraise);
    this.unit.bind(end);
  }

  private assertStatement(s: ast.Assert): void {
    const ok = this.unit.newLabel();
    this.condition(s.test, true, ok);
    this.unit.at(s);
    this.unit.emit(Op.LoadAssertionError);
    if (s.msg !== null) {
      this.unit.emit(Op.PushNull);
      this.unit.emit(Op.Swap, 2);
      this.expression(s.msg);
      this.unit.emit(Op.Call, 1);
    }
    this.unit.emit(Op.Raise, 1);
    this.unit.bind(ok);
  }

  private withStatement(s: ast.With, itemIndex: number): void {
    const item = s.items[itemIndex];
    const handler = this.unit.newLabel();
    const end = this.unit.newLabel();
    this.expression(item.context_expr);
    this.unit.at(s);
    this.unit.jump(Op.BeforeWith, handler);
    if (item.optional_vars !== null) this.store(item.optional_vars);
    else this.unit.emit(Op.PopTop);
    this.blocks.push({ kind: 'with' });
    if (itemIndex + 1 < s.items.length) this.withStatement(s, itemIndex + 1);
    else this.statements(s.body);
    this.blocks.pop();
    this.unit.at(s);
    this.unit.emit(Op.PopBlock);
    this.callExitWithNones();
    this.unit.jump(Op.Jump, end);
    this.unit.bind(handler);
    // Exception on the stack above __exit__: call it; a true result swallows the exception.
    this.unit.emit(Op.WithExceptStart);
    const reraise = this.unit.newLabel();
    this.unit.jump(Op.PopJumpIfFalse, reraise);
    this.unit.emit(Op.PopExcept);
    this.unit.emit(Op.PopTop);
    this.unit.emit(Op.PopTop);
    this.unit.jump(Op.Jump, end);
    this.unit.bind(reraise);
    this.unit.emit(Op.Reraise);
    this.unit.bind(end);
  }

  // --- names -------------------------------------------------------------------------

  /** Index of a cell or free variable in the frame's cells: cellvars then freevars. */
  private derefIndex(name: string): number {
    const cell = this.scope.cellvars.indexOf(name);
    if (cell >= 0) return cell;
    const free = this.scope.freevars.indexOf(name);
    if (free >= 0) return this.scope.cellvars.length + free;
    throw new Error(`internal: ${name} is not a cell of ${this.unit.qualname}`);
  }

  private loadName(unmangled: string): void {
    const name = this.mangle(unmangled);
    const unit = this.unit;
    if (this.scope.kind === 'module') return void unit.emit(Op.LoadName, unit.nameIndexOf(name));
    const where = this.scope.resolve(name);
    if (this.scope.kind === 'class') {
      if (where === 'free') return void unit.emit(Op.LoadClassDeref, this.derefIndex(name));
      if (where === 'global_explicit') return void unit.emit(Op.LoadGlobal, unit.nameIndexOf(name));
      return void unit.emit(Op.LoadName, unit.nameIndexOf(name));
    }
    switch (where) {
      case 'local':
        unit.emit(Op.LoadFast, unit.varnameIndex(name));
        return;
      case 'cell':
      case 'free':
        unit.emit(Op.LoadDeref, this.derefIndex(name));
        return;
      default:
        unit.emit(Op.LoadGlobal, unit.nameIndexOf(name));
    }
  }

  private storeName(unmangled: string): void {
    const name = this.mangle(unmangled);
    const unit = this.unit;
    if (this.scope.kind === 'module') return void unit.emit(Op.StoreName, unit.nameIndexOf(name));
    const where = this.scope.resolve(name);
    if (this.scope.kind === 'class') {
      if (where === 'global_explicit') return void unit.emit(Op.StoreGlobal, unit.nameIndexOf(name));
      if (where === 'free' || (where === 'cell' && name !== '__class__')) return void unit.emit(Op.StoreDeref, this.derefIndex(name));
      return void unit.emit(Op.StoreName, unit.nameIndexOf(name));
    }
    switch (where) {
      case 'local':
        unit.emit(Op.StoreFast, unit.varnameIndex(name));
        return;
      case 'cell':
      case 'free':
        unit.emit(Op.StoreDeref, this.derefIndex(name));
        return;
      default:
        unit.emit(Op.StoreGlobal, unit.nameIndexOf(name));
    }
  }

  private deleteName(unmangled: string): void {
    const name = this.mangle(unmangled);
    const unit = this.unit;
    if (this.scope.kind === 'module' || this.scope.kind === 'class') {
      const where = this.scope.kind === 'class' ? this.scope.resolve(name) : 'local';
      if (where === 'global_explicit') return void unit.emit(Op.DeleteGlobal, unit.nameIndexOf(name));
      return void unit.emit(Op.DeleteName, unit.nameIndexOf(name));
    }
    switch (this.scope.resolve(name)) {
      case 'local':
        unit.emit(Op.DeleteFast, unit.varnameIndex(name));
        return;
      case 'cell':
      case 'free':
        unit.emit(Op.DeleteDeref, this.derefIndex(name));
        return;
      default:
        unit.emit(Op.DeleteGlobal, unit.nameIndexOf(name));
    }
  }

  // --- targets -------------------------------------------------------------------------

  private store(target: ast.Expr): void {
    this.unit.at(target);
    switch (target.kind) {
      case 'Name':
        return this.storeName(target.id);
      case 'Attribute':
        this.expression(target.value);
        this.unit.at(target);
        this.unit.emit(Op.StoreAttr, this.attr(target.attr));
        return;
      case 'Subscript':
        this.expression(target.value);
        this.expression(target.slice);
        this.unit.at(target);
        this.unit.emit(Op.StoreSubscr);
        return;
      case 'Tuple':
      case 'List': {
        const star = target.elts.findIndex((e) => e.kind === 'Starred');
        if (star < 0) this.unit.emit(Op.UnpackSequence, target.elts.length);
        else this.unit.emit(Op.UnpackEx, star | ((target.elts.length - star - 1) << 8));
        for (const elt of target.elts) this.store(elt.kind === 'Starred' ? elt.value : elt);
        return;
      }
      case 'Starred':
        return this.store(target.value);
      default:
        this.unsupported(`assignment to ${target.kind}`, target);
    }
  }

  private delete(target: ast.Expr): void {
    this.unit.at(target);
    switch (target.kind) {
      case 'Name':
        return this.deleteName(target.id);
      case 'Attribute':
        this.expression(target.value);
        this.unit.at(target);
        this.unit.emit(Op.DeleteAttr, this.attr(target.attr));
        return;
      case 'Subscript':
        this.expression(target.value);
        this.expression(target.slice);
        this.unit.at(target);
        this.unit.emit(Op.DeleteSubscr);
        return;
      case 'Tuple':
      case 'List':
        for (const elt of target.elts) this.delete(elt);
        return;
      default:
        this.unsupported(`del of ${target.kind}`, target);
    }
  }

  // --- expressions -------------------------------------------------------------------

  private loadConstant(value: ast.ConstantValue, fromSource: boolean): void {
    this.unit.emit(Op.LoadConst, this.unit.constIndexOf(this.pool.add(value, fromSource)));
  }

  private expression(e: ast.Expr): void {
    const unit = this.unit;
    unit.at(e);
    switch (e.kind) {
      case 'Constant':
        return this.loadConstant(e.value, true);
      case 'Name':
        return this.loadName(e.id);
      case 'Attribute':
        this.expression(e.value);
        unit.at(e);
        unit.emit(Op.LoadAttr, this.attr(e.attr));
        return;
      case 'Subscript':
        this.expression(e.value);
        this.expression(e.slice);
        unit.at(e);
        unit.emit(Op.LoadSubscr);
        return;
      case 'Slice':
        if (e.lower) this.expression(e.lower);
        else this.loadConstant({ type: 'None' }, false);
        if (e.upper) this.expression(e.upper);
        else this.loadConstant({ type: 'None' }, false);
        if (e.step) this.expression(e.step);
        unit.emit(Op.BuildSlice, e.step ? 3 : 2);
        return;
      case 'BinOp':
        this.expression(e.left);
        this.expression(e.right);
        unit.at(e);
        unit.emit(Op.BinaryOp, BINARY_OPERATORS.indexOf(e.op));
        return;
      case 'UnaryOp':
        this.expression(e.operand);
        unit.at(e);
        unit.emit(Op.UnaryOp, UNARY_OPERATORS.indexOf(e.op));
        return;
      case 'BoolOp': {
        const end = unit.newLabel();
        e.values.forEach((v, i) => {
          this.expression(v);
          if (i < e.values.length - 1) unit.jump(e.op === 'And' ? Op.JumpIfFalseOrPop : Op.JumpIfTrueOrPop, end);
        });
        unit.bind(end);
        return;
      }
      case 'Compare':
        return this.compare(e);
      case 'Call':
        return this.call(e);
      case 'List':
      case 'Tuple':
      case 'Set':
        return this.sequenceDisplay(e);
      case 'Dict':
        return this.dictDisplay(e);
      case 'IfExp': {
        const orelse = unit.newLabel();
        const end = unit.newLabel();
        this.condition(e.test, false, orelse);
        this.expression(e.body);
        unit.jump(Op.Jump, end);
        unit.bind(orelse);
        this.expression(e.orelse);
        unit.bind(end);
        return;
      }
      case 'NamedExpr':
        this.expression(e.value);
        unit.emit(Op.Copy, 1);
        this.store(e.target);
        return;
      case 'Lambda': {
        const flags = this.functionDefaults(e.args);
        const code = this.compileFunctionBody(e, '<lambda>');
        unit.at(e);
        this.makeFunction(code, flags);
        return;
      }
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        return this.comprehension(e);
      case 'JoinedStr':
        if (e.values.length === 0) return this.loadConstant({ type: 'str', value: '' }, true);
        for (const v of e.values) this.expression(v);
        // A lone formatted value is already a str; anything else is joined.
        if (e.values.length !== 1 || e.values[0].kind !== 'FormattedValue') unit.emit(Op.BuildString, e.values.length);
        return;
      case 'FormattedValue': {
        this.expression(e.value);
        let arg = e.conversion === 115 ? 1 : e.conversion === 114 ? 2 : e.conversion === 97 ? 3 : 0;
        if (e.format_spec !== null) {
          this.expression(e.format_spec);
          arg |= 4;
        }
        unit.at(e);
        unit.emit(Op.FormatValue, arg);
        return;
      }
      case 'Yield':
        if (e.value) this.expression(e.value);
        else this.loadConstant({ type: 'None' }, false);
        unit.at(e);
        unit.emit(Op.YieldValue);
        unit.emit(Op.Resume);
        return;
      case 'YieldFrom':
        this.expression(e.value);
        unit.at(e);
        unit.emit(Op.GetYieldFromIter);
        this.loadConstant({ type: 'None' }, false);
        unit.emit(Op.YieldFrom);
        return;
      case 'Await':
        return this.unsupported('await', e);
      case 'Starred':
        return this.unsupported('starred expression here', e);
      case 'Interpolation':
      case 'TemplateStr':
        return this.unsupported('template string', e);
    }
  }

  private compare(e: ast.Compare): void {
    const unit = this.unit;
    this.expression(e.left);
    if (e.ops.length === 1) {
      this.expression(e.comparators[0]);
      unit.at(e);
      this.compareOp(e.ops[0]);
      return;
    }
    const cleanup = unit.newLabel();
    const end = unit.newLabel();
    for (let i = 0; i < e.ops.length; i++) {
      this.expression(e.comparators[i]);
      unit.at(e);
      if (i < e.ops.length - 1) {
        unit.emit(Op.Swap, 2);
        unit.emit(Op.Copy, 2);
        this.compareOp(e.ops[i]);
        unit.jump(Op.JumpIfFalseOrPop, cleanup);
      } else {
        this.compareOp(e.ops[i]);
      }
    }
    unit.jump(Op.Jump, end);
    unit.bind(cleanup);
    unit.emit(Op.Swap, 2);
    unit.emit(Op.PopTop);
    unit.bind(end);
  }

  private compareOp(op: ast.CmpOp): void {
    switch (op) {
      case 'Is':
        this.unit.emit(Op.IsOp, 0);
        return;
      case 'IsNot':
        this.unit.emit(Op.IsOp, 1);
        return;
      case 'In':
        this.unit.emit(Op.ContainsOp, 0);
        return;
      case 'NotIn':
        this.unit.emit(Op.ContainsOp, 1);
        return;
      default:
        this.unit.emit(Op.CompareOp, COMPARE_OPERATORS.indexOf(op));
    }
  }

  private call(e: ast.Call): void {
    const unit = this.unit;
    const simple = !e.args.some((a) => a.kind === 'Starred') && !e.keywords.some((k) => k.arg === null);
    // maybe_optimize_method_call: no method call with that many arguments.
    const few = e.args.length + e.keywords.length + (e.keywords.length ? 1 : 0) < STACK_USE_GUIDELINE;
    if (e.func.kind === 'Attribute' && simple && few) {
      this.expression(e.func.value);
      unit.at(e.func);
      unit.emit(Op.LoadMethod, this.attr(e.func.attr));
    } else {
      unit.emit(Op.PushNull);
      this.expression(e.func);
    }
    this.callArguments(e.args, e.keywords, 0, e);
  }

  /** Pushes arguments and emits the call; `extra` arguments are already on the stack. */
  private callArguments(args: readonly ast.Expr[], keywords: readonly ast.Keyword[], extra: number, node: ast.Position): void {
    const unit = this.unit;
    // compiler_call_helper: more arguments than STACK_USE_GUIDELINE go through a tuple
    // (and Call's argument count has to fit in a byte).
    const simple = !args.some((a) => a.kind === 'Starred') && !keywords.some((k) => k.arg === null) && args.length + 2 * keywords.length <= STACK_USE_GUIDELINE;
    if (simple) {
      for (const a of args) this.expression(a);
      for (const k of keywords) this.expression(k.value);
      unit.at(node);
      if (keywords.length) {
        const names: ast.ConstantValue = { type: 'tuple', items: keywords.map((k) => ({ type: 'str', value: k.arg! }) as ast.ConstantValue) };
        unit.emit(Op.KwNames, unit.constIndexOf(this.pool.add(names, false)));
      }
      unit.emit(Op.Call, extra + args.length + keywords.length);
      return;
    }
    // *args / **kwargs: build a tuple and a dict, then CallEx.
    unit.emit(Op.BuildList, extra);
    for (const a of args) {
      if (a.kind === 'Starred') {
        this.expression(a.value);
        unit.emit(Op.ListExtend, 1);
      } else {
        this.expression(a);
        unit.emit(Op.ListAppend, 1);
      }
    }
    unit.emit(Op.ListToTuple);
    if (keywords.length) {
      unit.emit(Op.BuildMap, 0);
      for (const k of keywords) {
        if (k.arg === null) {
          this.expression(k.value);
          unit.emit(Op.DictMerge, 1);
        } else {
          this.loadConstant({ type: 'str', value: k.arg }, false);
          this.expression(k.value);
          unit.emit(Op.MapAdd, 1);
        }
      }
    }
    unit.at(node);
    unit.emit(Op.CallEx, keywords.length ? 1 : 0);
  }

  private sequenceDisplay(e: ast.List | ast.Tuple | ast.SetExpr): void {
    const unit = this.unit;
    const build = e.kind === 'List' ? Op.BuildList : e.kind === 'Tuple' ? Op.BuildTuple : Op.BuildSet;
    if (e.kind !== 'Tuple' && e.elts.length > 2 && e.elts.every((x) => x.kind === 'Constant')) {
      // starunpack_helper: three or more constants become one folded tuple (a frozenset
      // for a set) that the new list or set is extended with.
      const items = e.elts.map((x) => (x as ast.Constant).value);
      for (const value of items) this.pool.add(value, true);
      unit.emit(build, 0);
      this.loadConstant(e.kind === 'List' ? { type: 'tuple', items } : { type: 'frozenset', items }, false);
      unit.at(e);
      unit.emit(e.kind === 'List' ? Op.ListExtend : Op.SetUpdate, 1);
      return;
    }
    if (!e.elts.some((x) => x.kind === 'Starred')) {
      for (const x of e.elts) this.expression(x);
      unit.at(e);
      unit.emit(build, e.elts.length);
      return;
    }
    unit.emit(e.kind === 'Set' ? Op.BuildSet : Op.BuildList, 0);
    for (const x of e.elts) {
      if (x.kind === 'Starred') {
        this.expression(x.value);
        unit.emit(e.kind === 'Set' ? Op.SetUpdate : Op.ListExtend, 1);
      } else {
        this.expression(x);
        unit.emit(e.kind === 'Set' ? Op.SetAdd : Op.ListAppend, 1);
      }
    }
    if (e.kind === 'Tuple') unit.emit(Op.ListToTuple);
  }

  private dictDisplay(e: ast.Dict): void {
    const unit = this.unit;
    if (!e.keys.some((k) => k === null)) {
      e.keys.forEach((k, i) => {
        this.expression(k!);
        this.expression(e.values[i]);
      });
      unit.at(e);
      unit.emit(Op.BuildMap, e.keys.length);
      return;
    }
    unit.emit(Op.BuildMap, 0);
    e.keys.forEach((k, i) => {
      if (k === null) {
        this.expression(e.values[i]);
        unit.emit(Op.DictUpdate, 1);
      } else {
        this.expression(k);
        this.expression(e.values[i]);
        unit.emit(Op.MapAdd, 1);
      }
    });
  }

  /**
   * Comprehensions and generator expressions run as a function called with the outermost
   * iterator (as CPython does before 3.12; 3.12 inlines list/set/dict comprehensions, with
   * the same references held, so one shape serves every version).
   */
  private comprehension(e: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp): void {
    const kinds = { ListComp: ['listcomp', '<listcomp>'], SetComp: ['setcomp', '<setcomp>'], DictComp: ['dictcomp', '<dictcomp>'], GeneratorExp: ['genexpr', '<genexpr>'] } as const;
    const [kind, name] = kinds[e.kind];
    const code = this.nested(kind, name, e, () => {
      const unit = this.unit;
      unit.varnameIndex('.0');
      if (e.kind !== 'GeneratorExp') unit.emit(e.kind === 'ListComp' ? Op.BuildList : e.kind === 'SetComp' ? Op.BuildSet : Op.BuildMap, 0);
      this.comprehensionLoop(e, 0, e.kind === 'GeneratorExp' ? 0 : 1);
      unit.at(e);
      if (e.kind === 'GeneratorExp') this.returnNone();
      else unit.emit(Op.ReturnValue);
      return this.finishUnit({ argcount: 1, posonlyargcount: 0, kwonlyargcount: 0, hasVarargs: false, hasVarkw: false, docstring: null }, ['.0']);
    });
    this.unit.at(e);
    this.makeFunction(code, 0);
    this.expression(e.generators[0].iter);
    this.unit.at(e);
    this.unit.emit(Op.GetIter);
    this.unit.emit(Op.Call, 1 | CALL_PLAIN);
  }

  private comprehensionLoop(e: ast.ListComp | ast.SetComp | ast.DictComp | ast.GeneratorExp, index: number, depth: number): void {
    const unit = this.unit;
    const gen = e.generators[index];
    if (gen.is_async) return this.unsupported('async comprehension', e);
    const top = unit.newLabel();
    const exhausted = unit.newLabel();
    if (index === 0) unit.emit(Op.LoadFast, unit.varnameIndex('.0'));
    else {
      this.expression(gen.iter);
      unit.emit(Op.GetIter);
    }
    unit.bind(top);
    unit.at(e);
    unit.jump(Op.ForIter, exhausted);
    this.store(gen.target);
    const skip = unit.newLabel();
    for (const cond of gen.ifs) this.condition(cond, false, skip);
    if (index + 1 < e.generators.length) {
      this.comprehensionLoop(e, index + 1, depth + 1);
    } else if (e.kind === 'GeneratorExp') {
      this.expression(e.elt);
      unit.emit(Op.YieldValue);
      unit.emit(Op.Resume);
      unit.emit(Op.PopTop);
    } else if (e.kind === 'DictComp') {
      this.expression(e.key);
      this.expression(e.value);
      unit.emit(Op.MapAdd, depth + 1);
    } else {
      this.expression(e.elt);
      unit.emit(e.kind === 'ListComp' ? Op.ListAppend : Op.SetAdd, depth + 1);
    }
    unit.bind(skip);
    unit.jump(Op.JumpBackward, top);
    unit.bind(exhausted);
  }
}

function docstringOf(body: readonly ast.Stmt[]): string | null {
  const first = body[0];
  if (first && first.kind === 'Expr' && first.value.kind === 'Constant' && first.value.value.type === 'str') return first.value.value.value;
  return null;
}

