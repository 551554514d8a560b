import assert from 'node:assert/strict';
import { LineMap, normalizeSource } from '../../src/python/lineMap';
import { parseModule } from '../../src/python/parse';
import { buildSymbolTable } from '../../src/python/symtable';
import type { PythonVersion } from '../../src/protocol';
import { readCases, readJsonFixture } from './helpers/fixtures';
import { symtableDump } from './helpers/symtableDump';

const VERSIONS: PythonVersion[] = ['3.10', '3.11', '3.12', '3.13'];

/** Each case's symbol table against CPython's `symtable` module, per version. */
describe('symbol tables against CPython', () => {
  const cases = readCases('symtable.cases');
  const expected = readJsonFixture<Record<string, Record<PythonVersion, string>>>('symtable.expected.json');
  for (const [name, source] of cases) {
    for (const version of VERSIONS) {
      it(`${name} (${version})`, () => {
        const want = expected[name]?.[version];
        assert.notEqual(want, undefined, 'not recorded: run scripts/record-python-fixtures.py symtable');
        const { module, errors } = parseModule(source, { version });
        if (errors.length) {
          const e = errors[0];
          assert.equal(`SyntaxError: ${e.message} (line ${e.lineno}, offset ${e.offset})`, want);
          return;
        }
        const table = buildSymbolTable(module, version, new LineMap(normalizeSource(source)));
        assert.deepEqual(table.errors, []);
        assert.equal(symtableDump(table.root, version).join('\n'), want);
      });
    }
  }

  it('answers scopeOf for every function, class, lambda and comprehension node', () => {
    const { module } = parseModule('def f(a):\n    g = lambda: a\n    return [x for x in a], (y for y in a)\nclass C: pass\n', { version: '3.11' });
    const table = buildSymbolTable(module, '3.11');
    const f = module.body[0] as import('../../src/python/ast').FunctionDef;
    const scope = table.scopeOf(f);
    assert.equal(scope.name, 'f');
    assert.equal(scope.resolve('a'), 'cell');
    assert.deepEqual(scope.cellvars, ['a']);
    assert.equal(table.scopeOf(module).kind, 'module');
    assert.equal(table.scopeOf(module.body[1]).kind, 'class');
  });
});

describe('symbol tables: what the compiler asks', () => {
  it('marks 3.12 list comprehensions as inlined and keeps generator expressions apart', () => {
    const { module } = parseModule('def f(a):\n    return [x for x in a], (y for y in a)\n', { version: '3.12' });
    const table = buildSymbolTable(module, '3.12');
    const ret = (module.body[0] as import('../../src/python/ast').FunctionDef).body[0] as import('../../src/python/ast').Return;
    const [listComp, genExp] = (ret.value as import('../../src/python/ast').Tuple).elts;
    assert.equal(table.scopeOf(listComp).inlined, true);
    assert.equal(table.scopeOf(genExp).inlined, false);
    assert.equal(table.scopeOf(genExp).kind, 'genexpr');
    assert.equal(table.scopeOf(module.body[0]).scopeOfName('x'), 'LOCAL');
    assert.equal(table.scopeOf(module.body[0]).scopeOfName('y'), 'GLOBAL_IMPLICIT');
  });

  it('needs a __class__ cell for a class whose method calls super()', () => {
    const { module } = parseModule('class A:\n    def m(self):\n        return super().m()\n', { version: '3.12' });
    const table = buildSymbolTable(module, '3.12');
    assert.equal(table.scopeOf(module.body[0]).needsClassCell, true);
    const method = (module.body[0] as import('../../src/python/ast').ClassDef).body[0];
    assert.deepEqual(table.scopeOf(method).freevars, ['__class__']);
  });
});
