/**
 * `ast.dump(tree, include_attributes=True, indent=...)` as CPython 3.12 prints it, for our
 * tree: class names, field order and the omission of optional fields that are None follow
 * Python/Python-ast.c. The tests compare this text with what CPython printed.
 */
import type * as ast from '../../../src/python/ast';
import { constantRepr, strRepr } from './pyRepr';

type Node = { readonly kind: string } & Record<string, unknown>;

/** _fields per CPython class; a trailing `?` marks an optional field (omitted when None). */
const FIELDS: Record<string, readonly string[]> = {
  Module: ['body', 'type_ignores'],
  FunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns?', 'type_comment?', 'type_params'],
  AsyncFunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns?', 'type_comment?', 'type_params'],
  ClassDef: ['name', 'bases', 'keywords', 'body', 'decorator_list', 'type_params'],
  Return: ['value?'],
  Delete: ['targets'],
  Assign: ['targets', 'value', 'type_comment?'],
  TypeAlias: ['name', 'type_params', 'value'],
  AugAssign: ['target', 'op', 'value'],
  AnnAssign: ['target', 'annotation', 'value?', 'simple'],
  For: ['target', 'iter', 'body', 'orelse', 'type_comment?'],
  AsyncFor: ['target', 'iter', 'body', 'orelse', 'type_comment?'],
  While: ['test', 'body', 'orelse'],
  If: ['test', 'body', 'orelse'],
  With: ['items', 'body', 'type_comment?'],
  AsyncWith: ['items', 'body', 'type_comment?'],
  Match: ['subject', 'cases'],
  Raise: ['exc?', 'cause?'],
  Try: ['body', 'handlers', 'orelse', 'finalbody'],
  TryStar: ['body', 'handlers', 'orelse', 'finalbody'],
  Assert: ['test', 'msg?'],
  Import: ['names'],
  ImportFrom: ['module?', 'names', 'level'],
  Global: ['names'],
  Nonlocal: ['names'],
  Expr: ['value'],
  Pass: [],
  Break: [],
  Continue: [],
  BoolOp: ['op', 'values'],
  NamedExpr: ['target', 'value'],
  BinOp: ['left', 'op', 'right'],
  UnaryOp: ['op', 'operand'],
  Lambda: ['args', 'body'],
  IfExp: ['test', 'body', 'orelse'],
  Dict: ['keys', 'values'],
  Set: ['elts'],
  ListComp: ['elt', 'generators'],
  SetComp: ['elt', 'generators'],
  DictComp: ['key', 'value', 'generators'],
  GeneratorExp: ['elt', 'generators'],
  Await: ['value'],
  Yield: ['value?'],
  YieldFrom: ['value'],
  Compare: ['left', 'ops', 'comparators'],
  Call: ['func', 'args', 'keywords'],
  FormattedValue: ['value', 'conversion', 'format_spec?'],
  JoinedStr: ['values'],
  Constant: ['value', 'kind?'],
  Attribute: ['value', 'attr', 'ctx'],
  Subscript: ['value', 'slice', 'ctx'],
  Starred: ['value', 'ctx'],
  Name: ['id', 'ctx'],
  List: ['elts', 'ctx'],
  Tuple: ['elts', 'ctx'],
  Slice: ['lower?', 'upper?', 'step?'],
  comprehension: ['target', 'iter', 'ifs', 'is_async'],
  ExceptHandler: ['type?', 'name?', 'body'],
  arguments: ['posonlyargs', 'args', 'vararg?', 'kwonlyargs', 'kw_defaults', 'kwarg?', 'defaults'],
  arg: ['arg', 'annotation?', 'type_comment?'],
  keyword: ['arg?', 'value'],
  alias: ['name', 'asname?'],
  withitem: ['context_expr', 'optional_vars?'],
  match_case: ['pattern', 'guard?', 'body'],
  MatchValue: ['value'],
  MatchSingleton: ['value'],
  MatchSequence: ['patterns'],
  MatchMapping: ['keys', 'patterns', 'rest?'],
  MatchClass: ['cls', 'patterns', 'kwd_attrs', 'kwd_patterns'],
  MatchStar: ['name?'],
  MatchAs: ['pattern?', 'name?'],
  MatchOr: ['patterns'],
  TypeVar: ['name', 'bound?', 'default_value?'],
  ParamSpec: ['name', 'default_value?'],
  TypeVarTuple: ['name', 'default_value?'],
};

/** Classes without position attributes. */
const NO_ATTRIBUTES = new Set(['Module', 'comprehension', 'arguments', 'withitem', 'match_case']);

/** The CPython class of one of our nodes (our tree folds the async and star variants in). */
function className(node: Node): string {
  switch (node.kind) {
    case 'FunctionDef':
      return node.is_async ? 'AsyncFunctionDef' : 'FunctionDef';
    case 'For':
      return node.is_async ? 'AsyncFor' : 'For';
    case 'With':
      return node.is_async ? 'AsyncWith' : 'With';
    case 'Try':
      return node.is_star ? 'TryStar' : 'Try';
    default:
      return node.kind;
  }
}

/** Fields whose values are operator or context singletons, printed as `Add()`. */
const SINGLETON_FIELDS = new Set(['op', 'ctx']);

/** ast.dump of our module, in 3.12's format, with `indent` spaces (or on one line). */
export function astDump(module: ast.Module, indent: number | null = 1): string {
  const pad = indent === null ? null : ' '.repeat(indent);

  const format = (value: unknown, level: number, field = ''): [string, boolean] => {
    let prefix = '';
    let sep = ', ';
    if (pad !== null) {
      level += 1;
      prefix = '\n' + pad.repeat(level);
      sep = ',\n' + pad.repeat(level);
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return ['[]', true];
      // The items of `ops` are operator singletons; other lists hold nodes or strings.
      const itemField = field === 'ops' ? 'op' : '';
      return [`[${prefix}${value.map((item) => format(item, level, itemField)[0]).join(sep)}]`, false];
    }
    if (value === null || value === undefined) return ['None', true];
    if (typeof value === 'string') {
      if (SINGLETON_FIELDS.has(field)) return [`${value}()`, true];
      return [strRepr(value), true];
    }
    if (typeof value === 'number') return [String(value), true];
    if (typeof value === 'boolean') return [value ? '1' : '0', true];
    const node = value as Node;
    const cls = className(node);
    const fields = FIELDS[cls];
    if (!fields) throw new Error(`astDump: no schema for ${cls}`);
    const args: string[] = [];
    let allSimple = true;
    for (const spec of fields) {
      const optional = spec.endsWith('?');
      const name = optional ? spec.slice(0, -1) : spec;
      let raw: unknown;
      if (cls === 'Constant' && name === 'value') raw = { constant: node.value };
      else if (cls === 'Constant' && name === 'kind') raw = node.constKind;
      else if (cls === 'MatchSingleton' && name === 'value') raw = { constant: node.value };
      else raw = node[name];
      if (optional && (raw === null || raw === undefined)) continue;
      const [text, simple] =
        raw && typeof raw === 'object' && 'constant' in raw
          ? [constantRepr((raw as { constant: ast.ConstantValue }).constant), true]
          : format(raw, level, name);
      allSimple &&= simple;
      args.push(`${name}=${text}`);
    }
    if (!NO_ATTRIBUTES.has(cls)) {
      for (const name of ['lineno', 'col_offset', 'end_lineno', 'end_col_offset']) args.push(`${name}=${String(node[name])}`);
    }
    if (allSimple && args.length <= 3) return [`${cls}(${args.join(', ')})`, args.length === 0];
    return [`${cls}(${prefix}${args.join(sep)})`, false];
  };

  return format(module, 0)[0];
}
