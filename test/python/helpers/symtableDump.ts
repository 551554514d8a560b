/**
 * The text scripts/record-python-fixtures.py prints for CPython's `symtable` module, built
 * from our Scope tree: one line per table and per symbol (sorted), children indented.
 */
import type { PythonVersion } from '../../../src/protocol';
import {
  DEF_ANNOT,
  DEF_IMPORT,
  DEF_LOCAL,
  DEF_NONLOCAL,
  DEF_PARAM,
  USE,
  type BlockType,
  type Scope,
} from '../../../src/python/symtable';

/** What symtable.SymbolTable.get_type() returns, per version (the script lowercases it). */
function typeName(type: BlockType, version: PythonVersion): string {
  const newNames = version !== '3.10' && version !== '3.11' && version !== '3.12';
  switch (type) {
    case 'type parameters':
      return newNames ? 'type parameters' : 'type parameter';
    case 'TypeVar bound':
      return newNames ? 'type variable' : 'typevar bound';
    default:
      return type;
  }
}

export function symtableDump(scope: Scope, version: PythonVersion, indent = ''): string[] {
  const lines = [`${indent}${typeName(scope.type, version)} ${scope.name} line ${scope.lineno}${scope.isNested ? ' nested' : ''}`];
  const names = [...scope.symbols.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) {
    const s = scope.symbols.get(name)!;
    const flags = [
      ['param', s.flags & DEF_PARAM],
      ['global', s.scope === 'GLOBAL_EXPLICIT'],
      ['nonlocal', s.flags & DEF_NONLOCAL],
      ['assigned', s.flags & DEF_LOCAL],
      ['used', s.flags & USE],
      ['imported', s.flags & DEF_IMPORT],
      ['annotated', s.flags & DEF_ANNOT],
    ]
      .filter(([, on]) => on)
      .map(([flag]) => flag);
    lines.push(`${indent}  ${name}: ${s.scope} ${flags.join(' ')}`);
  }
  for (const child of scope.children) lines.push(...symtableDump(child, version, indent + '  '));
  return lines;
}
