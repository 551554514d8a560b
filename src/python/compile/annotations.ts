import type * as ast from '../ast';

/**
 * Variable annotations in module and class bodies (PEP 526): which bodies get an
 * `__annotations__` dict, and the text an annotation becomes under
 * `from __future__ import annotations`.
 */

/** `from __future__ import annotations` at the top of the module. */
export function hasFutureAnnotations(module: ast.Module): boolean {
  return module.body.some((s) => s.kind === 'ImportFrom' && s.module === '__future__' && s.names.some((a) => a.name === 'annotations'));
}

/**
 * find_ann (compile.c): whether a body holds an annotated assignment, also inside the
 * blocks of its compound statements (not in nested functions or classes). Such a body
 * starts with SETUP_ANNOTATIONS.
 */
export function findAnnotations(body: readonly ast.Stmt[]): boolean {
  return body.some((s) => {
    switch (s.kind) {
      case 'AnnAssign':
        return true;
      case 'For':
      case 'While':
      case 'If':
        return findAnnotations(s.body) || findAnnotations(s.orelse);
      case 'With':
        return findAnnotations(s.body);
      case 'Try':
        return s.handlers.some((h) => findAnnotations(h.body)) || findAnnotations(s.body) || findAnnotations(s.finalbody) || findAnnotations(s.orelse);
      default:
        return false;
    }
  });
}

/**
 * The string an annotation is stored as under `from __future__ import annotations`
 * (ast_unparse.c), for the forms annotations are written in: names, attributes,
 * subscripts, constants, tuples and lists, and `X | Y`. Null for anything else.
 */
export function annotationText(e: ast.Expr): string | null {
  return unparse(e, false);
}

function unparse(e: ast.Expr, inSubscript: boolean): string | null {
  switch (e.kind) {
    case 'Name':
      return e.id;
    case 'Attribute': {
      const value = unparse(e.value, false);
      if (value === null) return null;
      // An int literal needs a space before the dot (`1 .real`).
      return e.value.kind === 'Constant' && e.value.value.type === 'int' ? `${value} .${e.attr}` : `${value}.${e.attr}`;
    }
    case 'Subscript': {
      const value = unparse(e.value, false);
      const slice = unparse(e.slice, true);
      return value === null || slice === null ? null : `${value}[${slice}]`;
    }
    case 'Tuple': {
      const items = e.elts.map((x) => unparse(x, false));
      if (items.some((x) => x === null)) return null;
      if (inSubscript && items.length > 0) return items.join(', ');
      return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
    }
    case 'List': {
      const items = e.elts.map((x) => unparse(x, false));
      return items.some((x) => x === null) ? null : `[${items.join(', ')}]`;
    }
    case 'BinOp': {
      if (e.op !== 'BitOr') return null;
      const left = unparse(e.left, false);
      const right = unparse(e.right, false);
      if (left === null || right === null) return null;
      // `|` is left-associative: a `|` on the right keeps its parentheses.
      return e.right.kind === 'BinOp' ? `${left} | (${right})` : `${left} | ${right}`;
    }
    case 'Constant':
      return constantText(e.value);
    default:
      return null;
  }
}

function constantText(value: ast.ConstantValue): string | null {
  switch (value.type) {
    case 'None':
      return 'None';
    case 'Ellipsis':
      return '...';
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'int':
      return String(value.value);
    case 'str':
      return quote(value.value);
    default:
      return null;
  }
}

/** repr() of a str, for the characters annotations hold. */
function quote(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    if (ch === q || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else out += ch;
  }
  return out + q;
}
