/**
 * The constants CPython's compiler would put in co_consts (recursively, None left out) for
 * a folded tree: every Constant node, except where the code generator groups them. This
 * models the two compiler habits the fold fixtures meet, so that they test the folding:
 * - a list or set display of three or more constants loads them as one tuple or
 *   frozenset (compile.c's starunpack_helper);
 * - 3.10 loads each function's qualified name as a constant ('<listcomp>', '<lambda>').
 */
import type * as ast from '../../../src/python/ast';
import type { PythonVersion } from '../../../src/protocol';
import { constantRepr } from './pyRepr';

export function codeConstants(module: ast.Module, version: PythonVersion): string[] {
  const out = new Set<string>();
  const add = (value: ast.ConstantValue) => {
    if (value.type !== 'None') out.add(constantRepr(value));
  };
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object' || !('kind' in node)) return;
    const n = node as ast.Expr;
    if (n.kind === 'Constant') return add(n.value);
    if ((n.kind === 'List' || n.kind === 'Set') && (n.kind === 'Set' || n.ctx === 'Load') && n.elts.length > 2 && n.elts.every((e) => e.kind === 'Constant')) {
      const items = n.elts.map((e) => (e as ast.Constant).value);
      return add(n.kind === 'List' ? { type: 'tuple', items } : { type: 'frozenset', items });
    }
    if (version === '3.10') {
      const names: Record<string, string> = { ListComp: '<listcomp>', SetComp: '<setcomp>', DictComp: '<dictcomp>', GeneratorExp: '<genexpr>', Lambda: '<lambda>' };
      const name = names[n.kind] ?? ((n as { kind: string }).kind === 'FunctionDef' ? (n as unknown as ast.FunctionDef).name : undefined);
      if (name) add({ type: 'str', value: name });
    }
    for (const value of Object.values(n)) if (value && typeof value === 'object') visit(value);
  };
  visit(module.body);
  return [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
