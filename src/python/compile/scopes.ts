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
