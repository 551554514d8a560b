import type * as ast from '../ast';
import type { PythonVersion } from '../../protocol';
import { buildSymbolTable } from '../symtable';

/** What the compiler needs to know about each scope, from the symbol table. */

/** How a name resolves in a scope (CPython's symtable scopes). */
export type NameScope = 'local' | 'global_explicit' | 'global_implicit' | 'free' | 'cell';

export interface ScopeInfo {
  readonly kind: 'module' | 'class' | 'function' | 'lambda' | 'comprehension' | 'genexpr';
  resolve(name: string): NameScope;
  /** Locals captured by inner scopes, in CPython's (sorted) order. */
  readonly cellvars: readonly string[];
  /** Names taken from enclosing scopes' cells, sorted. */
  readonly freevars: readonly string[];
  readonly isGenerator: boolean;
  /** A class body that needs `__class__` (a method uses super() or __class__). */
  readonly needsClassCell: boolean;
}

export interface ScopeTables {
  /** The scope of a module, function, lambda, class or comprehension node. */
  scopeOf(node: object): ScopeInfo;
}

/**
 * The compiler's view of CPython's symbol table (`symtable.ts`). HeapScope compiles every
 * comprehension as a function of its own (3.12+ inlines list/set/dict comprehensions,
 * holding the same references), so the tables are built without PEP 709's inlining.
 */
export function scopeTablesFor(module: ast.Module, version: PythonVersion): ScopeTables {
  const inliningVersions: readonly PythonVersion[] = ['3.12', '3.13', '3.14'];
  const tables = buildSymbolTable(module, inliningVersions.includes(version) ? '3.11' : version);
  const views = new Map<object, ScopeInfo>();
  return {
    scopeOf(node: object): ScopeInfo {
      let view = views.get(node);
      if (view === undefined) {
        const scope = tables.scopeOf(node);
        const kind = scope.kind === 'annotation' || scope.kind === 'type-params' ? 'function' : scope.kind;
        const cellvars = scope.needsClassCell && kind === 'class' ? [...new Set([...scope.cellvars, '__class__'])].sort() : scope.cellvars;
        view = {
          kind,
          resolve: (name) => (kind === 'class' && name === '__class__' && scope.needsClassCell ? 'cell' : scope.resolve(name)),
          cellvars,
          freevars: scope.freevars,
          isGenerator: scope.isGenerator,
          needsClassCell: scope.needsClassCell,
        };
        views.set(node, view);
      }
      return view;
    },
  };
}
