/**
 * Lowers pyright's parse tree into HeapScope's `ast.ts` tree: CPython's node kinds, field
 * values and positions. Where pyright's tree and CPython's disagree (ranges widened by
 * parentheses, chained comparisons nested, `a = b = c` nested, f-strings as tokens), this
 * file rebuilds what CPython's parser actions (Parser/action_helpers.c) would have built.
 *
 * The lowering never fails: for a tree with pyright error nodes it builds what it can and
 * puts an empty `Name` where an expression is missing.
 */
import type {
  ArgumentNode,
  AssignmentNode,
  BinaryOperationNode,
  CallNode,
  ClassNode,
  ComprehensionNode,
  ExceptNode,
  ExpressionNode,
  ForNode,
  FunctionNode,
  IfNode,
  IndexNode,
  ModuleNode,
  ParseNode,
  StatementNode,
  SuiteNode,
  TryNode,
  TypeParameterListNode,
  WithNode,
} from '@zzzen/pyright-internal/dist/parser/parseNodes';
import type { Token } from '@zzzen/pyright-internal/dist/parser/tokenizerTypes';
import { ArgCategory, KeywordType, OperatorType, ParseNodeType, TokenType, TypeParamKind } from './pyrightEnums';
import type * as ast from './ast';
import type { LineMap } from './lineMap';
import { lowerArguments } from './lowerArguments';
import type { LowerContext, LoweringProblem } from './lowerContext';
import { lowerMatch } from './lowerPatterns';
import { lowerStringList } from './lowerStrings';
import type { PyrightParse } from './pyright';
import { TokenIndex } from './tokenIndex';
import type { PythonVersion } from '../protocol';

/**
 * How deep expressions and statements may nest before the lowering gives up. CPython
 * 3.10–3.12 give up near 3000 levels ("maximum recursion depth exceeded during
 * compilation"), 3.13 later still; HeapScope stops earlier so that every later pass
 * (symbol table, folding, the interpreter) can recurse over the tree safely.
 */
export const MAX_NESTING = 1000;

/** Thrown inside the lowering when `MAX_NESTING` is exceeded; caught by `lowerModule`. */
export class NestingTooDeep extends Error {}

export interface LoweredModule {
  readonly module: ast.Module;
  readonly problems: readonly LoweringProblem[];
  readonly escapeWarnings: readonly ast.SyntaxWarningInfo[];
  /** See `LowerContext.pyrightFalseAlarms`. */
  readonly pyrightFalseAlarms: readonly [number, number][];
}

/** Lowers a whole pyright parse. Throws only `NestingTooDeep` (and stack overflows). */
export function lowerModule(parse: PyrightParse, lines: LineMap, version: PythonVersion): LoweredModule {
  const lowering = new Lowering(lines, new TokenIndex(parse.tokens), version);
  const module: ast.Module = { kind: 'Module', body: lowering.statements(parse.tree.d.statements), type_ignores: [] };
  return { module, problems: lowering.problems, escapeWarnings: lowering.escapeWarnings, pyrightFalseAlarms: lowering.pyrightFalseAlarms };
}

const BIN_OPS: Partial<Record<OperatorType, ast.Operator>> = {
  [OperatorType.Add]: 'Add',
  [OperatorType.Subtract]: 'Sub',
  [OperatorType.Multiply]: 'Mult',
  [OperatorType.MatrixMultiply]: 'MatMult',
  [OperatorType.Divide]: 'Div',
  [OperatorType.Mod]: 'Mod',
  [OperatorType.Power]: 'Pow',
  [OperatorType.LeftShift]: 'LShift',
  [OperatorType.RightShift]: 'RShift',
  [OperatorType.BitwiseOr]: 'BitOr',
  [OperatorType.BitwiseXor]: 'BitXor',
  [OperatorType.BitwiseAnd]: 'BitAnd',
  [OperatorType.FloorDivide]: 'FloorDiv',
};

const AUG_OPS: Partial<Record<OperatorType, ast.Operator>> = {
  [OperatorType.AddEqual]: 'Add',
  [OperatorType.SubtractEqual]: 'Sub',
  [OperatorType.MultiplyEqual]: 'Mult',
  [OperatorType.MatrixMultiplyEqual]: 'MatMult',
  [OperatorType.DivideEqual]: 'Div',
  [OperatorType.ModEqual]: 'Mod',
  [OperatorType.PowerEqual]: 'Pow',
  [OperatorType.LeftShiftEqual]: 'LShift',
  [OperatorType.RightShiftEqual]: 'RShift',
  [OperatorType.BitwiseOrEqual]: 'BitOr',
  [OperatorType.BitwiseXorEqual]: 'BitXor',
  [OperatorType.BitwiseAndEqual]: 'BitAnd',
  [OperatorType.FloorDivideEqual]: 'FloorDiv',
};

const CMP_OPS: Partial<Record<OperatorType, ast.CmpOp>> = {
  [OperatorType.Equals]: 'Eq',
  [OperatorType.NotEquals]: 'NotEq',
  // `<>` only parses under `from __future__ import barry_as_FLUFL`; pyright reports it.
  [OperatorType.LessOrGreaterThan]: 'NotEq',
  [OperatorType.LessThan]: 'Lt',
  [OperatorType.LessThanOrEqual]: 'LtE',
  [OperatorType.GreaterThan]: 'Gt',
  [OperatorType.GreaterThanOrEqual]: 'GtE',
  [OperatorType.Is]: 'Is',
  [OperatorType.IsNot]: 'IsNot',
  [OperatorType.In]: 'In',
  [OperatorType.NotIn]: 'NotIn',
};

const UNARY_OPS: Partial<Record<OperatorType, ast.UnaryOp['op']>> = {
  [OperatorType.Add]: 'UAdd',
  [OperatorType.Subtract]: 'USub',
  [OperatorType.BitwiseInvert]: 'Invert',
  [OperatorType.Not]: 'Not',
};

class Lowering implements LowerContext {
  readonly problems: LoweringProblem[] = [];
  readonly escapeWarnings: ast.SyntaxWarningInfo[] = [];
  readonly pyrightFalseAlarms: [number, number][] = [];
  readonly text: string;
  private depth = 0;

  constructor(
    readonly lines: LineMap,
    readonly tokens: TokenIndex,
    readonly version: PythonVersion,
  ) {
    this.text = lines.text;
  }

  // --- positions ---------------------------------------------------------------------

  pos(start: number, end: number): ast.Position {
    const a = this.lines.position(start);
    const b = this.lines.position(end);
    return { lineno: a.lineno, col_offset: a.col, end_lineno: b.lineno, end_col_offset: b.col };
  }

  exprRange(node: ExpressionNode): [number, number] {
    const end = node.start + node.length;
    switch (node.nodeType) {
      case ParseNodeType.Tuple:
        if (node.d.hasParens) return this.tokens.stripParens(node.start, end, true);
        return this.withTrailingComma(this.tokens.stripParens(node.start, end));
      case ParseNodeType.Comprehension:
        return this.tokens.stripParens(node.start, end, node.d.isGenerator && node.d.hasParens);
      default:
        return this.tokens.stripParens(node.start, end);
    }
  }

  /** An unparenthesized tuple owns a comma right after its last item (`x = 1, 2,`). */
  private withTrailingComma([start, end]: [number, number]): [number, number] {
    const next = this.tokens.nextSignificant(end);
    if (next && next.type === TokenType.Comma && next.start === this.skipSpace(end)) return [start, next.start + 1];
    return [start, end];
  }

  private skipSpace(offset: number): number {
    const next = this.tokens.nextSignificant(offset);
    return next ? next.start : offset;
  }

  private posOf(node: ExpressionNode): ast.Position {
    const [s, e] = this.exprRange(node);
    return this.pos(s, e);
  }

  /**
   * Position from `start` to the end of the last statement of `body`, or of the `;`
   * after it: CPython ends a block at its last token before the newline.
   */
  private blockPos(start: number, body: readonly ast.Stmt[], fallbackEnd: number): ast.Position {
    const a = this.lines.position(start);
    const last = body[body.length - 1];
    if (!last) {
      const b = this.lines.position(fallbackEnd);
      return { lineno: a.lineno, col_offset: a.col, end_lineno: b.lineno, end_col_offset: b.col };
    }
    const lastEnd = this.lines.offsetOf(last.end_lineno, last.end_col_offset);
    const next = this.tokens.nextSignificant(lastEnd);
    if (next && next.type === TokenType.Semicolon && next.start === lastEnd + this.spaceAt(lastEnd)) {
      const b = this.lines.position(next.start + 1);
      return { lineno: a.lineno, col_offset: a.col, end_lineno: b.lineno, end_col_offset: b.col };
    }
    return { lineno: a.lineno, col_offset: a.col, end_lineno: last.end_lineno, end_col_offset: last.end_col_offset };
  }

  /** Number of spaces, tabs and form feeds at `offset`. */
  private spaceAt(offset: number): number {
    let n = 0;
    while (/[ \t\f]/.test(this.text[offset + n] ?? '')) n++;
    return n;
  }

  /** Start of a compound statement: its keyword, or an `async` right before it. */
  private keywordStart(token: Token): number {
    const previous = this.tokens.previousSignificant(token.start);
    if (previous && previous.type === TokenType.Keyword && (previous as { keywordType?: KeywordType }).keywordType === KeywordType.Async) {
      return previous.start;
    }
    return token.start;
  }

  identifier(text: string): string {
    // CPython NFKC-normalizes identifiers that are not pure ASCII (PEP 3131).
    return /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKC');
  }

  private enter(): void {
    if (++this.depth > MAX_NESTING) throw new NestingTooDeep();
  }

  private leave(): void {
    this.depth--;
  }

  // --- statements --------------------------------------------------------------------

  statements(nodes: readonly (StatementNode | ParseNode)[]): ast.Stmt[] {
    const out: ast.Stmt[] = [];
    for (const node of nodes) this.statement(node, out);
    return out;
  }

  private suite(suite: SuiteNode | undefined): ast.Stmt[] {
    return suite ? this.statements(suite.d.statements) : [];
  }

  private statement(node: StatementNode | ParseNode, out: ast.Stmt[]): void {
    this.enter();
    try {
      switch (node.nodeType) {
        case ParseNodeType.StatementList:
          for (const small of node.d.statements) {
            const stmt = this.smallStatement(small);
            if (stmt) out.push(stmt);
          }
          return;
        case ParseNodeType.If:
          out.push(this.ifStatement(node));
          return;
        case ParseNodeType.While: {
          const body = this.suite(node.d.whileSuite);
          const orelse = this.suite(node.d.elseSuite);
          out.push({
            kind: 'While',
            test: this.expr(node.d.testExpr),
            body,
            orelse,
            ...this.blockPos(node.d.firstToken.start, orelse.length ? orelse : body, node.start + node.length),
          });
          return;
        }
        case ParseNodeType.For:
          out.push(this.forStatement(node));
          return;
        case ParseNodeType.Try:
          out.push(this.tryStatement(node));
          return;
        case ParseNodeType.With:
          out.push(this.withStatement(node));
          return;
        case ParseNodeType.Function:
          out.push(this.functionDef(node));
          return;
        case ParseNodeType.Class:
          out.push(this.classDef(node));
          return;
        case ParseNodeType.Match:
          out.push(lowerMatch(this, node, (suite) => this.suite(suite)));
          return;
        case ParseNodeType.Error:
          // A statement pyright could not make sense of; the error is reported elsewhere.
          return;
        default:
          return;
      }
    } finally {
      this.leave();
    }
  }

  private ifStatement(node: IfNode): ast.If {
    const body = this.suite(node.d.ifSuite);
    const elseSuite = node.d.elseSuite;
    let orelse: ast.Stmt[] = [];
    if (elseSuite?.nodeType === ParseNodeType.If) orelse = [this.ifStatement(elseSuite)];
    else if (elseSuite) orelse = this.suite(elseSuite);
    return {
      kind: 'If',
      test: this.expr(node.d.testExpr),
      body,
      orelse,
      ...this.blockPos(node.d.firstToken.start, orelse.length ? orelse : body, node.start + node.length),
    };
  }

  private forStatement(node: ForNode): ast.For {
    const body = this.suite(node.d.forSuite);
    const orelse = this.suite(node.d.elseSuite);
    return {
      kind: 'For',
      is_async: !!node.d.isAsync,
      target: this.expr(node.d.targetExpr, 'Store'),
      iter: this.expr(node.d.iterableExpr),
      body,
      orelse,
      type_comment: null,
      ...this.blockPos(this.keywordStart(node.d.firstToken), orelse.length ? orelse : body, node.start + node.length),
    };
  }

  private tryStatement(node: TryNode): ast.Try {
    const body = this.suite(node.d.trySuite);
    const handlers = node.d.exceptClauses.map((clause) => this.exceptHandler(clause));
    const orelse = this.suite(node.d.elseSuite);
    const finalbody = this.suite(node.d.finallySuite);
    const lastBlock: readonly ast.Stmt[] = finalbody.length ? finalbody : orelse.length ? orelse : [];
    let position = this.blockPos(node.d.firstToken.start, lastBlock.length ? lastBlock : body, node.start + node.length);
    const lastHandler = handlers[handlers.length - 1];
    if (!lastBlock.length && lastHandler) {
      position = { ...position, end_lineno: lastHandler.end_lineno, end_col_offset: lastHandler.end_col_offset };
    }
    return {
      kind: 'Try',
      is_star: node.d.exceptClauses.some((clause) => clause.d.isExceptGroup),
      body,
      handlers,
      orelse,
      finalbody,
      ...position,
    };
  }

  private exceptHandler(node: ExceptNode): ast.ExceptHandler {
    const body = this.suite(node.d.exceptSuite);
    return {
      kind: 'ExceptHandler',
      type: node.d.typeExpr ? this.expr(node.d.typeExpr) : null,
      name: node.d.name ? this.identifier(node.d.name.d.value) : null,
      body,
      ...this.blockPos(node.d.exceptToken.start, body, node.start + node.length),
    };
  }

  private withStatement(node: WithNode): ast.With {
    const body = this.suite(node.d.suite);
    return {
      kind: 'With',
      is_async: !!node.d.isAsync,
      items: node.d.withItems.map((item) => ({
        kind: 'withitem' as const,
        context_expr: this.expr(item.d.expr),
        optional_vars: item.d.target ? this.expr(item.d.target, 'Store') : null,
      })),
      body,
      type_comment: null,
      ...this.blockPos(this.keywordStart(node.d.firstToken), body, node.start + node.length),
    };
  }

  private functionDef(node: FunctionNode): ast.FunctionDef {
    const body = this.suite(node.d.suite);
    return {
      kind: 'FunctionDef',
      is_async: node.d.isAsync,
      name: this.identifier(node.d.name.d.value),
      args: lowerArguments(this, node.d.params),
      body,
      decorator_list: node.d.decorators.map((d) => this.expr(d.d.expr)),
      returns: node.d.returnAnnotation ? this.expr(node.d.returnAnnotation) : null,
      type_comment: null,
      type_params: this.typeParams(node.d.typeParams),
      ...this.blockPos(this.keywordStart(node.d.firstToken), body, node.start + node.length),
    };
  }

  private classDef(node: ClassNode): ast.ClassDef {
    const body = this.suite(node.d.suite);
    const { args, keywords } = this.callArguments(node.d.arguments);
    return {
      kind: 'ClassDef',
      name: this.identifier(node.d.name.d.value),
      bases: args,
      keywords,
      body,
      decorator_list: node.d.decorators.map((d) => this.expr(d.d.expr)),
      type_params: this.typeParams(node.d.typeParams),
      ...this.blockPos(node.d.firstToken.start, body, node.start + node.length),
    };
  }

  private typeParams(list: TypeParameterListNode | undefined): ast.TypeParam[] {
    if (!list) return [];
    return list.d.params.map((param): ast.TypeParam => {
      const name = this.identifier(param.d.name.d.value);
      const bound = param.d.boundExpr ? this.expr(param.d.boundExpr) : null;
      const default_value = param.d.defaultExpr ? this.expr(param.d.defaultExpr) : null;
      const end = param.d.defaultExpr
        ? this.exprRange(param.d.defaultExpr)[1]
        : param.d.boundExpr
          ? this.exprRange(param.d.boundExpr)[1]
          : param.d.name.start + param.d.name.length;
      // pyright starts `*Ts` and `**P` at the name; CPython at the stars.
      const start = param.d.typeParamKind === TypeParamKind.TypeVar ? param.start : (this.tokens.previousSignificant(param.d.name.start)?.start ?? param.start);
      const position = this.pos(start, end);
      switch (param.d.typeParamKind) {
        case TypeParamKind.TypeVarTuple:
          return { kind: 'TypeVarTuple', name, default_value, ...position };
        case TypeParamKind.ParamSpec:
          return { kind: 'ParamSpec', name, default_value, ...position };
        default:
          return { kind: 'TypeVar', name, bound, default_value, ...position };
      }
    });
  }

  private smallStatement(node: ParseNode): ast.Stmt | undefined {
    // A comma right after a small statement can only be its own trailing comma
    // (`x = 1,`, `del a,`), which pyright leaves out of the range.
    const [start, end] = this.withTrailingComma(this.tokens.balance(node.start, node.start + node.length));
    const position = this.pos(start, end);
    switch (node.nodeType) {
      case ParseNodeType.Assignment:
        return this.assignment(node, position);
      case ParseNodeType.TypeAnnotation:
        return {
          kind: 'AnnAssign',
          target: this.expr(node.d.valueExpr, 'Store'),
          annotation: this.expr(node.d.annotation),
          value: null,
          simple: this.isSimpleTarget(node.d.valueExpr) ? 1 : 0,
          ...position,
        };
      case ParseNodeType.AugmentedAssignment:
        return {
          kind: 'AugAssign',
          target: this.expr(node.d.leftExpr, 'Store'),
          op: AUG_OPS[node.d.operator] ?? 'Add',
          value: this.expr(node.d.rightExpr),
          ...position,
        };
      case ParseNodeType.Del:
        return { kind: 'Delete', targets: node.d.targets.map((t) => this.expr(t, 'Del')), ...position };
      case ParseNodeType.Pass:
        return { kind: 'Pass', ...position };
      case ParseNodeType.Break:
        return { kind: 'Break', ...position };
      case ParseNodeType.Continue:
        return { kind: 'Continue', ...position };
      case ParseNodeType.Return:
        return { kind: 'Return', value: node.d.expr ? this.expr(node.d.expr) : null, ...position };
      case ParseNodeType.Raise:
        return {
          kind: 'Raise',
          exc: node.d.expr ? this.expr(node.d.expr) : null,
          cause: node.d.fromExpr ? this.expr(node.d.fromExpr) : null,
          ...position,
        };
      case ParseNodeType.Assert:
        return {
          kind: 'Assert',
          test: this.expr(node.d.testExpr),
          msg: node.d.exceptionExpr ? this.expr(node.d.exceptionExpr) : null,
          ...position,
        };
      case ParseNodeType.Global:
        return { kind: 'Global', names: node.d.targets.map((n) => this.identifier(n.d.value)), ...position };
      case ParseNodeType.Nonlocal:
        return { kind: 'Nonlocal', names: node.d.targets.map((n) => this.identifier(n.d.value)), ...position };
      case ParseNodeType.Import:
        return {
          kind: 'Import',
          names: node.d.list.map((item) => ({
            kind: 'alias' as const,
            name: item.d.module.d.nameParts.map((part) => this.identifier(part.d.value)).join('.'),
            asname: item.d.alias ? this.identifier(item.d.alias.d.value) : null,
            ...this.pos(item.start, item.start + item.length),
          })),
          ...position,
        };
      case ParseNodeType.ImportFrom: {
        const module = node.d.module;
        const names: ast.Alias[] = node.d.isWildcardImport
          ? [{ kind: 'alias', name: '*', asname: null, ...this.pos(node.d.wildcardToken?.start ?? end - 1, (node.d.wildcardToken?.start ?? end - 1) + 1) }]
          : node.d.imports.map((item) => ({
              kind: 'alias' as const,
              name: this.identifier(item.d.name.d.value),
              asname: item.d.alias ? this.identifier(item.d.alias.d.value) : null,
              ...this.pos(item.start, item.start + item.length),
            }));
        return {
          kind: 'ImportFrom',
          module: module.d.nameParts.length ? module.d.nameParts.map((part) => this.identifier(part.d.value)).join('.') : null,
          names,
          level: module.d.leadingDots,
          ...position,
        };
      }
      case ParseNodeType.TypeAlias: {
        const name = node.d.name;
        return {
          kind: 'TypeAlias',
          name: { kind: 'Name', id: this.identifier(name.d.value), ctx: 'Store', ...this.posOf(name) },
          type_params: this.typeParams(node.d.typeParams),
          value: this.expr(node.d.expr),
          ...position,
        };
      }
      case ParseNodeType.Error:
        return undefined;
      default:
        return { kind: 'Expr', value: this.expr(node as ExpressionNode), ...position };
    }
  }

  /** `a = b = c` arrives nested in a way that depends on pyright; flatten it by position. */
  private assignment(node: AssignmentNode, position: ast.Position): ast.Stmt {
    if (node.d.leftExpr.nodeType === ParseNodeType.TypeAnnotation) {
      const annotated = node.d.leftExpr;
      return {
        kind: 'AnnAssign',
        target: this.expr(annotated.d.valueExpr, 'Store'),
        annotation: this.expr(annotated.d.annotation),
        value: this.expr(node.d.rightExpr),
        simple: this.isSimpleTarget(annotated.d.valueExpr) ? 1 : 0,
        ...position,
      };
    }
    const targets: ExpressionNode[] = [];
    let value: ExpressionNode | undefined;
    const pending: ExpressionNode[] = [node];
    while (pending.length) {
      const current = pending.pop()!;
      if (current.nodeType === ParseNodeType.Assignment) {
        pending.push(current.d.leftExpr, current.d.rightExpr);
      } else if (!value || current.start > value.start) {
        if (value) targets.push(value);
        value = current;
      } else {
        targets.push(current);
      }
    }
    targets.sort((a, b) => a.start - b.start);
    return {
      kind: 'Assign',
      targets: targets.map((t) => this.expr(t, 'Store')),
      value: this.expr(value!),
      type_comment: null,
      ...position,
    };
  }

  /** AnnAssign.simple: a plain name, not wrapped in parentheses. */
  private isSimpleTarget(node: ExpressionNode): boolean {
    return node.nodeType === ParseNodeType.Name && this.text[node.start] !== '(';
  }

  // --- expressions -------------------------------------------------------------------

  expr(node: ExpressionNode, ctx: ast.ExprContext = 'Load'): ast.Expr {
    this.enter();
    try {
      return this.exprInner(node, ctx);
    } finally {
      this.leave();
    }
  }

  private exprInner(node: ExpressionNode, ctx: ast.ExprContext): ast.Expr {
    const position = this.posOf(node);
    switch (node.nodeType) {
      case ParseNodeType.Name:
        return { kind: 'Name', id: this.identifier(node.d.value), ctx, ...position };
      case ParseNodeType.Constant:
        switch (node.d.constType) {
          case KeywordType.True:
            return this.constant({ type: 'bool', value: true }, position);
          case KeywordType.False:
            return this.constant({ type: 'bool', value: false }, position);
          case KeywordType.None:
            return this.constant({ type: 'None' }, position);
          default:
            return { kind: 'Name', id: '__debug__', ctx, ...position };
        }
      case ParseNodeType.Ellipsis:
        return this.constant({ type: 'Ellipsis' }, position);
      case ParseNodeType.Number: {
        const [s, e] = this.exprRange(node);
        return this.constant(parseNumber(this.text.slice(s, e)), position);
      }
      case ParseNodeType.StringList:
      case ParseNodeType.String:
      case ParseNodeType.FormatString:
        return lowerStringList(this, node);
      case ParseNodeType.UnaryOperation:
        return { kind: 'UnaryOp', op: UNARY_OPS[node.d.operator] ?? 'Not', operand: this.expr(node.d.expr), ...position };
      case ParseNodeType.BinaryOperation:
        return this.binaryOperation(node, position);
      case ParseNodeType.AssignmentExpression:
        return {
          kind: 'NamedExpr',
          target: { kind: 'Name', id: this.identifier(node.d.name.d.value), ctx: 'Store', ...this.posOf(node.d.name) },
          value: this.expr(node.d.rightExpr),
          ...position,
        };
      case ParseNodeType.Await:
        return { kind: 'Await', value: this.expr(node.d.expr), ...position };
      case ParseNodeType.Ternary:
        return {
          kind: 'IfExp',
          test: this.expr(node.d.testExpr),
          body: this.expr(node.d.ifExpr),
          orelse: this.expr(node.d.elseExpr),
          ...position,
        };
      case ParseNodeType.Unpack:
        return { kind: 'Starred', value: this.expr(node.d.expr, ctx), ctx, ...position };
      case ParseNodeType.Tuple:
        return { kind: 'Tuple', elts: node.d.items.map((item) => this.expr(item, ctx)), ctx, ...position };
      case ParseNodeType.List: {
        const only = node.d.items.length === 1 ? node.d.items[0] : undefined;
        if (only?.nodeType === ParseNodeType.Comprehension && !only.d.isGenerator) {
          return { kind: 'ListComp', elt: this.expr(only.d.expr as ExpressionNode), generators: this.generators(only), ...position };
        }
        return { kind: 'List', elts: node.d.items.map((item) => this.expr(item, ctx)), ctx, ...position };
      }
      case ParseNodeType.Set: {
        const only = node.d.items.length === 1 ? node.d.items[0] : undefined;
        if (only?.nodeType === ParseNodeType.Comprehension && !only.d.isGenerator) {
          return { kind: 'SetComp', elt: this.expr(only.d.expr as ExpressionNode), generators: this.generators(only), ...position };
        }
        return { kind: 'Set', elts: node.d.items.map((item) => this.expr(item)), ...position };
      }
      case ParseNodeType.Dictionary: {
        const only = node.d.items.length === 1 ? node.d.items[0] : undefined;
        if (only?.nodeType === ParseNodeType.Comprehension) {
          const entry = only.d.expr;
          if (entry.nodeType === ParseNodeType.DictionaryKeyEntry) {
            return {
              kind: 'DictComp',
              key: this.expr(entry.d.keyExpr),
              value: this.expr(entry.d.valueExpr),
              generators: this.generators(only),
              ...position,
            };
          }
        }
        const keys: (ast.Expr | null)[] = [];
        const values: ast.Expr[] = [];
        for (const item of node.d.items) {
          if (item.nodeType === ParseNodeType.DictionaryKeyEntry) {
            keys.push(this.expr(item.d.keyExpr));
            values.push(this.expr(item.d.valueExpr));
          } else if (item.nodeType === ParseNodeType.DictionaryExpandEntry) {
            keys.push(null);
            values.push(this.expr(item.d.expr));
          }
        }
        return { kind: 'Dict', keys, values, ...position };
      }
      case ParseNodeType.Comprehension:
        return { kind: 'GeneratorExp', elt: this.expr(node.d.expr as ExpressionNode), generators: this.generators(node), ...position };
      case ParseNodeType.Call:
        return this.call(node, position);
      case ParseNodeType.Index:
        return { kind: 'Subscript', value: this.expr(node.d.leftExpr), slice: this.subscript(node), ctx, ...position };
      case ParseNodeType.Slice:
        return {
          kind: 'Slice',
          lower: node.d.startValue ? this.expr(node.d.startValue) : null,
          upper: node.d.endValue ? this.expr(node.d.endValue) : null,
          step: node.d.stepValue ? this.expr(node.d.stepValue) : null,
          ...this.sliceRange(node),
        };
      case ParseNodeType.Yield:
        return { kind: 'Yield', value: node.d.expr ? this.expr(node.d.expr) : null, ...position };
      case ParseNodeType.YieldFrom:
        return { kind: 'YieldFrom', value: this.expr(node.d.expr), ...position };
      case ParseNodeType.MemberAccess:
        return { kind: 'Attribute', value: this.expr(node.d.leftExpr), attr: this.identifier(node.d.member.d.value), ctx, ...position };
      case ParseNodeType.Lambda:
        return { kind: 'Lambda', args: lowerArguments(this, node.d.params), body: this.expr(node.d.expr), ...position };
      case ParseNodeType.Error:
        if (node.d.child) return this.expr(node.d.child, ctx);
        return this.missing(node.start, ctx);
      default:
        // Statements-as-expressions (an assignment inside a subscript, say) only reach
        // here in code pyright already reported as invalid.
        return this.missing(node.start, ctx);
    }
  }

  /** CPython's slice spans its colons too: `x[1:]` has the Slice `1:`. */
  private sliceRange(node: ExpressionNode): ast.Position {
    let [start, end] = this.exprRange(node);
    for (let next = this.tokens.nextSignificant(end); next && next.type === TokenType.Colon; next = this.tokens.nextSignificant(end)) {
      end = next.start + next.length;
    }
    return this.pos(start, end);
  }

  private constant(value: ast.ConstantValue, position: ast.Position): ast.Constant {
    return { kind: 'Constant', value, constKind: null, ...position };
  }

  /** The placeholder for an expression pyright could not parse. */
  private missing(offset: number, ctx: ast.ExprContext): ast.Name {
    return { kind: 'Name', id: '', ctx, ...this.pos(offset, offset) };
  }

  private binaryOperation(node: BinaryOperationNode, position: ast.Position): ast.Expr {
    const operator = node.d.operator;
    if (operator === OperatorType.And || operator === OperatorType.Or) {
      // pyright nests `a and b and c` to the left; CPython keeps one BoolOp per run of
      // the same operator, unless parentheses split it.
      const values: ExpressionNode[] = [node.d.rightExpr];
      let left = node.d.leftExpr;
      while (left.nodeType === ParseNodeType.BinaryOperation && left.d.operator === operator && !left.d.hasParens) {
        values.push(left.d.rightExpr);
        left = left.d.leftExpr;
      }
      values.push(left);
      values.reverse();
      return { kind: 'BoolOp', op: operator === OperatorType.And ? 'And' : 'Or', values: values.map((v) => this.expr(v)), ...position };
    }
    const cmp = CMP_OPS[operator];
    if (cmp) {
      // pyright nests `a < b < c` to the right; CPython has one Compare with two ops.
      const ops: ast.CmpOp[] = [cmp];
      const comparators: ExpressionNode[] = [];
      let right = node.d.rightExpr;
      while (right.nodeType === ParseNodeType.BinaryOperation && CMP_OPS[right.d.operator] && !right.d.hasParens) {
        comparators.push(right.d.leftExpr);
        ops.push(CMP_OPS[right.d.operator]!);
        right = right.d.rightExpr;
      }
      comparators.push(right);
      return { kind: 'Compare', left: this.expr(node.d.leftExpr), ops, comparators: comparators.map((c) => this.expr(c)), ...position };
    }
    return {
      kind: 'BinOp',
      left: this.expr(node.d.leftExpr),
      op: BIN_OPS[operator] ?? 'Add',
      right: this.expr(node.d.rightExpr),
      ...position,
    };
  }

  private generators(node: ComprehensionNode): ast.Comprehension[] {
    const out: { target: ast.Expr; iter: ast.Expr; ifs: ast.Expr[]; is_async: boolean }[] = [];
    for (const part of node.d.forIfNodes) {
      if (part.nodeType === ParseNodeType.ComprehensionFor) {
        out.push({ target: this.expr(part.d.targetExpr, 'Store'), iter: this.expr(part.d.iterableExpr), ifs: [], is_async: !!part.d.isAsync });
      } else if (out.length) {
        out[out.length - 1].ifs.push(this.expr(part.d.testExpr));
      }
    }
    return out.map((g) => ({ kind: 'comprehension', ...g }));
  }

  private call(node: CallNode, position: ast.Position): ast.Call {
    const { args, keywords } = this.callArguments(node.d.args);
    const only = node.d.args.length === 1 ? node.d.args[0].d.valueExpr : undefined;
    if (only?.nodeType === ParseNodeType.Comprehension && only.d.isGenerator && !only.d.hasParens && args[0]?.kind === 'GeneratorExp') {
      // `f(x for x in y)`: the generator expression borrows the call's parentheses.
      const open = this.tokens.previousSignificant(only.start);
      const close = this.tokens.nextSignificant(only.start + only.length);
      if (open && close) args[0] = { ...args[0], ...this.pos(open.start, close.start + close.length) };
    }
    return { kind: 'Call', func: this.expr(node.d.leftExpr), args, keywords, ...position };
  }

  private callArguments(list: readonly ArgumentNode[]): { args: ast.Expr[]; keywords: ast.Keyword[] } {
    const args: ast.Expr[] = [];
    const keywords: ast.Keyword[] = [];
    for (const arg of list) {
      const value = this.expr(arg.d.valueExpr);
      const end = this.exprRange(arg.d.valueExpr)[1];
      if (arg.d.argCategory === ArgCategory.UnpackedDictionary) {
        keywords.push({ kind: 'keyword', arg: null, value, ...this.pos(arg.start, end) });
      } else if (arg.d.name) {
        keywords.push({ kind: 'keyword', arg: this.identifier(arg.d.name.d.value), value, ...this.pos(arg.d.name.start, end) });
      } else if (arg.d.argCategory === ArgCategory.UnpackedList) {
        args.push({ kind: 'Starred', value, ctx: 'Load', ...this.pos(arg.start, end) });
      } else {
        args.push(value);
      }
    }
    return { args, keywords };
  }

  private subscript(node: IndexNode): ast.Expr {
    const items = node.d.items.map((item) => {
      const value = this.expr(item.d.valueExpr);
      if (item.d.argCategory === ArgCategory.UnpackedList) {
        return { kind: 'Starred', value, ctx: 'Load', ...this.pos(item.start, this.exprRange(item.d.valueExpr)[1]) } as ast.Starred;
      }
      return value;
    });
    const single = items.length === 1 && !node.d.trailingComma && items[0].kind !== 'Starred';
    if (single) return items[0];
    // `x[a, b]`, `x[a,]` and `x[*a]` subscript with a tuple spanning the items.
    const first = node.d.items[0];
    const last = node.d.items[node.d.items.length - 1];
    if (!first || !last) return this.missing(node.start + node.length, 'Load');
    let end = last.start + last.length;
    if (node.d.trailingComma) {
      const comma = this.tokens.nextSignificant(end);
      if (comma) end = comma.start + comma.length;
    }
    return { kind: 'Tuple', elts: items, ctx: 'Load', ...this.pos(first.start, end) };
  }
}

/** A number literal's value, from its source text (pyright's value loses big floats' digits). */
export function parseNumber(text: string): ast.ConstantValue {
  const clean = text.replace(/_/g, '');
  const last = clean[clean.length - 1];
  if (last === 'j' || last === 'J') return { type: 'complex', real: 0, imag: Number(clean.slice(0, -1)) };
  if (/^0[xXoObB]/.test(clean)) return { type: 'int', value: BigInt(clean.toLowerCase()) };
  if (/^[0-9]+$/.test(clean)) return { type: 'int', value: BigInt(clean) };
  return { type: 'float', value: Number(clean) };
}
