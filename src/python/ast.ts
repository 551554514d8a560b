/**
 * HeapScope's Python syntax tree: CPython's `ast` module (Parser/Python.asdl), node for
 * node and field for field, so that `ast.dump` output can be compared directly. The
 * parser's own tree is lowered into this one (`lower.ts`); nothing else sees the parser.
 *
 * Positions are CPython's: `lineno` 1-based, `col_offset` 0-based in UTF-8 bytes.
 */

export interface Position {
  readonly lineno: number;
  readonly col_offset: number;
  readonly end_lineno: number;
  readonly end_col_offset: number;
}

// --- constants -----------------------------------------------------------------------

export type ConstantValue =
  | { readonly type: 'None' }
  | { readonly type: 'Ellipsis' }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'int'; readonly value: bigint }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'complex'; readonly real: number; readonly imag: number }
  | { readonly type: 'str'; readonly value: string }
  | { readonly type: 'bytes'; readonly value: Uint8Array }
  /** Only from constant folding: `(1, 2)`, `x in [1, 2]`. */
  | { readonly type: 'tuple'; readonly items: readonly ConstantValue[] }
  /** Only from constant folding: `x in {1, 2}`. */
  | { readonly type: 'frozenset'; readonly items: readonly ConstantValue[] };

// --- module --------------------------------------------------------------------------

export interface Module {
  readonly kind: 'Module';
  readonly body: readonly Stmt[];
  readonly type_ignores: readonly unknown[];
}

// --- statements ----------------------------------------------------------------------

export type Stmt =
  | FunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | TypeAlias
  | AugAssign
  | AnnAssign
  | For
  | While
  | If
  | With
  | Match
  | Raise
  | Try
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | ExprStmt
  | Pass
  | Break
  | Continue;

export interface FunctionDef extends Position {
  readonly kind: 'FunctionDef';
  readonly is_async: boolean;
  readonly name: string;
  readonly args: Arguments;
  readonly body: readonly Stmt[];
  readonly decorator_list: readonly Expr[];
  readonly returns: Expr | null;
  readonly type_comment: string | null;
  readonly type_params: readonly TypeParam[];
}

export interface ClassDef extends Position {
  readonly kind: 'ClassDef';
  readonly name: string;
  readonly bases: readonly Expr[];
  readonly keywords: readonly Keyword[];
  readonly body: readonly Stmt[];
  readonly decorator_list: readonly Expr[];
  readonly type_params: readonly TypeParam[];
}

export interface Return extends Position {
  readonly kind: 'Return';
  readonly value: Expr | null;
}

export interface Delete extends Position {
  readonly kind: 'Delete';
  readonly targets: readonly Expr[];
}

export interface Assign extends Position {
  readonly kind: 'Assign';
  readonly targets: readonly Expr[];
  readonly value: Expr;
  readonly type_comment: string | null;
}

export interface TypeAlias extends Position {
  readonly kind: 'TypeAlias';
  readonly name: Name;
  readonly type_params: readonly TypeParam[];
  readonly value: Expr;
}

export interface AugAssign extends Position {
  readonly kind: 'AugAssign';
  readonly target: Expr;
  readonly op: Operator;
  readonly value: Expr;
}

export interface AnnAssign extends Position {
  readonly kind: 'AnnAssign';
  readonly target: Expr;
  readonly annotation: Expr;
  readonly value: Expr | null;
  /** 1 for a plain name target, as CPython marks it. */
  readonly simple: number;
}

export interface For extends Position {
  readonly kind: 'For';
  readonly is_async: boolean;
  readonly target: Expr;
  readonly iter: Expr;
  readonly body: readonly Stmt[];
  readonly orelse: readonly Stmt[];
  readonly type_comment: string | null;
}

export interface While extends Position {
  readonly kind: 'While';
  readonly test: Expr;
  readonly body: readonly Stmt[];
  readonly orelse: readonly Stmt[];
}

export interface If extends Position {
  readonly kind: 'If';
  readonly test: Expr;
  readonly body: readonly Stmt[];
  readonly orelse: readonly Stmt[];
}

export interface With extends Position {
  readonly kind: 'With';
  readonly is_async: boolean;
  readonly items: readonly WithItem[];
  readonly body: readonly Stmt[];
  readonly type_comment: string | null;
}

export interface Match extends Position {
  readonly kind: 'Match';
  readonly subject: Expr;
  readonly cases: readonly MatchCase[];
}

export interface Raise extends Position {
  readonly kind: 'Raise';
  readonly exc: Expr | null;
  readonly cause: Expr | null;
}

export interface Try extends Position {
  readonly kind: 'Try';
  /** `except*` (TryStar in CPython's ast). */
  readonly is_star: boolean;
  readonly body: readonly Stmt[];
  readonly handlers: readonly ExceptHandler[];
  readonly orelse: readonly Stmt[];
  readonly finalbody: readonly Stmt[];
}

export interface Assert extends Position {
  readonly kind: 'Assert';
  readonly test: Expr;
  readonly msg: Expr | null;
}

export interface Import extends Position {
  readonly kind: 'Import';
  readonly names: readonly Alias[];
}

export interface ImportFrom extends Position {
  readonly kind: 'ImportFrom';
  readonly module: string | null;
  readonly names: readonly Alias[];
  readonly level: number;
}

export interface Global extends Position {
  readonly kind: 'Global';
  readonly names: readonly string[];
}

export interface Nonlocal extends Position {
  readonly kind: 'Nonlocal';
  readonly names: readonly string[];
}

/** `Expr` statement in CPython's ast (an expression evaluated for its effect). */
export interface ExprStmt extends Position {
  readonly kind: 'Expr';
  readonly value: Expr;
}

export interface Pass extends Position {
  readonly kind: 'Pass';
}

export interface Break extends Position {
  readonly kind: 'Break';
}

export interface Continue extends Position {
  readonly kind: 'Continue';
}

// --- expressions ---------------------------------------------------------------------

export type Expr =
  | BoolOp
  | NamedExpr
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | SetExpr
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Await
  | Yield
  | YieldFrom
  | Compare
  | Call
  | FormattedValue
  | Interpolation
  | JoinedStr
  | TemplateStr
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;

export type ExprContext = 'Load' | 'Store' | 'Del';

export interface BoolOp extends Position {
  readonly kind: 'BoolOp';
  readonly op: 'And' | 'Or';
  readonly values: readonly Expr[];
}

export interface NamedExpr extends Position {
  readonly kind: 'NamedExpr';
  readonly target: Name;
  readonly value: Expr;
}

export type Operator = 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow' | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';

export interface BinOp extends Position {
  readonly kind: 'BinOp';
  readonly left: Expr;
  readonly op: Operator;
  readonly right: Expr;
}

export interface UnaryOp extends Position {
  readonly kind: 'UnaryOp';
  readonly op: 'Invert' | 'Not' | 'UAdd' | 'USub';
  readonly operand: Expr;
}

export interface Lambda extends Position {
  readonly kind: 'Lambda';
  readonly args: Arguments;
  readonly body: Expr;
}

export interface IfExp extends Position {
  readonly kind: 'IfExp';
  readonly test: Expr;
  readonly body: Expr;
  readonly orelse: Expr;
}

export interface Dict extends Position {
  readonly kind: 'Dict';
  /** null for a `**mapping` entry. */
  readonly keys: readonly (Expr | null)[];
  readonly values: readonly Expr[];
}

/** `Set` in CPython's ast. */
export interface SetExpr extends Position {
  readonly kind: 'Set';
  readonly elts: readonly Expr[];
}

export interface ListComp extends Position {
  readonly kind: 'ListComp';
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}

export interface SetComp extends Position {
  readonly kind: 'SetComp';
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}

export interface DictComp extends Position {
  readonly kind: 'DictComp';
  readonly key: Expr;
  readonly value: Expr;
  readonly generators: readonly Comprehension[];
}

export interface GeneratorExp extends Position {
  readonly kind: 'GeneratorExp';
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}

export interface Await extends Position {
  readonly kind: 'Await';
  readonly value: Expr;
}

export interface Yield extends Position {
  readonly kind: 'Yield';
  readonly value: Expr | null;
}

export interface YieldFrom extends Position {
  readonly kind: 'YieldFrom';
  readonly value: Expr;
}

export type CmpOp = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

export interface Compare extends Position {
  readonly kind: 'Compare';
  readonly left: Expr;
  readonly ops: readonly CmpOp[];
  readonly comparators: readonly Expr[];
}

export interface Call extends Position {
  readonly kind: 'Call';
  readonly func: Expr;
  readonly args: readonly Expr[];
  readonly keywords: readonly Keyword[];
}

export interface FormattedValue extends Position {
  readonly kind: 'FormattedValue';
  readonly value: Expr;
  /** -1 none, 115 's', 114 'r', 97 'a' (CPython's encoding). */
  readonly conversion: number;
  /**
   * A JoinedStr as parsed; a plain str Constant where constant folding turned
   * `'%5s' % (x,)` into an f-string (3.11+, as ast_opt.c's optimize_format does).
   */
  readonly format_spec: JoinedStr | Constant | null;
}

/** 3.14 template strings (t-strings). */
export interface Interpolation extends Position {
  readonly kind: 'Interpolation';
  readonly value: Expr;
  readonly str: string;
  readonly conversion: number;
  readonly format_spec: JoinedStr | null;
}

export interface JoinedStr extends Position {
  readonly kind: 'JoinedStr';
  readonly values: readonly Expr[];
}

export interface TemplateStr extends Position {
  readonly kind: 'TemplateStr';
  readonly values: readonly Expr[];
}

export interface Constant extends Position {
  readonly kind: 'Constant';
  readonly value: ConstantValue;
  /** 'u' for a u'' string literal, else null. */
  readonly constKind: string | null;
}

export interface Attribute extends Position {
  readonly kind: 'Attribute';
  readonly value: Expr;
  readonly attr: string;
  readonly ctx: ExprContext;
}

export interface Subscript extends Position {
  readonly kind: 'Subscript';
  readonly value: Expr;
  readonly slice: Expr;
  readonly ctx: ExprContext;
}

export interface Starred extends Position {
  readonly kind: 'Starred';
  readonly value: Expr;
  readonly ctx: ExprContext;
}

export interface Name extends Position {
  readonly kind: 'Name';
  readonly id: string;
  readonly ctx: ExprContext;
}

export interface List extends Position {
  readonly kind: 'List';
  readonly elts: readonly Expr[];
  readonly ctx: ExprContext;
}

export interface Tuple extends Position {
  readonly kind: 'Tuple';
  readonly elts: readonly Expr[];
  readonly ctx: ExprContext;
}

export interface Slice extends Position {
  readonly kind: 'Slice';
  readonly lower: Expr | null;
  readonly upper: Expr | null;
  readonly step: Expr | null;
}

// --- helpers of the grammar ----------------------------------------------------------

export interface Comprehension {
  readonly kind: 'comprehension';
  readonly target: Expr;
  readonly iter: Expr;
  readonly ifs: readonly Expr[];
  readonly is_async: boolean;
}

export interface ExceptHandler extends Position {
  readonly kind: 'ExceptHandler';
  readonly type: Expr | null;
  readonly name: string | null;
  readonly body: readonly Stmt[];
}

export interface Arguments {
  readonly kind: 'arguments';
  readonly posonlyargs: readonly Arg[];
  readonly args: readonly Arg[];
  readonly vararg: Arg | null;
  readonly kwonlyargs: readonly Arg[];
  /** One per kwonly argument; null where it has no default. */
  readonly kw_defaults: readonly (Expr | null)[];
  readonly kwarg: Arg | null;
  /** Defaults of the last positional (posonly + args) parameters. */
  readonly defaults: readonly Expr[];
}

export interface Arg extends Position {
  readonly kind: 'arg';
  readonly arg: string;
  readonly annotation: Expr | null;
  readonly type_comment: string | null;
}

export interface Keyword extends Position {
  readonly kind: 'keyword';
  /** null for `**mapping`. */
  readonly arg: string | null;
  readonly value: Expr;
}

export interface Alias extends Position {
  readonly kind: 'alias';
  readonly name: string;
  readonly asname: string | null;
}

export interface WithItem {
  readonly kind: 'withitem';
  readonly context_expr: Expr;
  readonly optional_vars: Expr | null;
}

export interface MatchCase {
  readonly kind: 'match_case';
  readonly pattern: Pattern;
  readonly guard: Expr | null;
  readonly body: readonly Stmt[];
}

/** A `case` pattern; like CPython's pattern nodes, every kind carries a position. */
export type Pattern = MatchValue | MatchSingleton | MatchSequence | MatchMapping | MatchClass | MatchStar | MatchAs | MatchOr;

export interface MatchValue extends Position {
  readonly kind: 'MatchValue';
  readonly value: Expr;
}

export interface MatchSingleton extends Position {
  readonly kind: 'MatchSingleton';
  readonly value: ConstantValue;
}

export interface MatchSequence extends Position {
  readonly kind: 'MatchSequence';
  readonly patterns: readonly Pattern[];
}

export interface MatchMapping extends Position {
  readonly kind: 'MatchMapping';
  readonly keys: readonly Expr[];
  readonly patterns: readonly Pattern[];
  readonly rest: string | null;
}

export interface MatchClass extends Position {
  readonly kind: 'MatchClass';
  readonly cls: Expr;
  readonly patterns: readonly Pattern[];
  readonly kwd_attrs: readonly string[];
  readonly kwd_patterns: readonly Pattern[];
}

export interface MatchStar extends Position {
  readonly kind: 'MatchStar';
  readonly name: string | null;
}

export interface MatchAs extends Position {
  readonly kind: 'MatchAs';
  readonly pattern: Pattern | null;
  readonly name: string | null;
}

export interface MatchOr extends Position {
  readonly kind: 'MatchOr';
  readonly patterns: readonly Pattern[];
}

export type TypeParam =
  | ({ readonly kind: 'TypeVar'; readonly name: string; readonly bound: Expr | null; readonly default_value: Expr | null } & Position)
  | ({ readonly kind: 'ParamSpec'; readonly name: string; readonly default_value: Expr | null } & Position)
  | ({ readonly kind: 'TypeVarTuple'; readonly name: string; readonly default_value: Expr | null } & Position);

/** The error CPython's `compile()` raises for a program, as CPython reports it. */
/** A SyntaxWarning CPython prints to stderr before running the program. */
export interface SyntaxWarningInfo {
  readonly lineno: number;
  readonly message: string;
}

export interface SyntaxErrorInfo {
  /**
   * `SyntaxError`, `IndentationError` or `TabError`; `RecursionError` or `MemoryError`
   * for programs nested too deeply to compile (not SyntaxErrors in CPython either).
   */
  readonly type: 'SyntaxError' | 'IndentationError' | 'TabError' | 'RecursionError' | 'MemoryError';
  /** CPython's wording, e.g. `expected ':'`, `'(' was never closed`. */
  readonly message: string;
  readonly lineno: number;
  /** 1-based column, as SyntaxError.offset. */
  readonly offset: number;
  readonly end_lineno: number;
  readonly end_offset: number;
}
