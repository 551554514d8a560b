#!/usr/bin/env python3
"""Records what real CPython says about the Python front end's test fixtures.

Run by hand (never by the tests) whenever a fixture is added or changed:

    python3 scripts/record-python-fixtures.py            # everything
    python3 scripts/record-python-fixtures.py ast errors  # some kinds only

It needs the pyenv interpreters 3.10.13, 3.11.7, 3.12.1 and 3.13.0. The driver runs
itself under each of them with `--worker KIND VERSION`, feeding JSON on stdin and reading
JSON on stdout, and writes the results next to the inputs in test/python/fixtures/:

- ast/NAME.py -> ast/NAME.ast: `ast.dump(tree, include_attributes=True, indent=1)` in
  CPython 3.12's format (3.13 is used, with show_empty=True, for files starting with
  `# python: 3.13`).
- the conformance programs in ../shared/conformance/*.py -> ast/conformance.json
  ({name: {source, dump}}, the dump without indent), so that the tests do not need the
  shared folder.
- syntax-errors.cases -> syntax-errors.expected.json: per case and version, the
  SyntaxError that `compile()` raises (type, msg, lineno, offset, end_lineno, end_offset)
  or null; and syntax-errors.versions.md, the cases where versions disagree.
- symtable.cases -> symtable.expected.json: per case and version, the `symtable` tree.
- fold.cases -> fold.expected.json: per case and version, the code constants (and, from
  3.13, the optimized tree itself).
- tracebacks.cases -> tracebacks.expected.json: per case and version (3.11+, where the
  carets came in), the stderr of the case run as a script named prog.py.
- warnings.cases -> warnings.expected.json: per case and version, the SyntaxWarnings that
  compiling the case prints (line and message, in order); other categories are hidden
  when a script runs, so they are left out.

A `.cases` file is a list of sections, each starting with a line `### name`; the lines
up to the next `### ` line (or the end) are the case's source.
"""
import json
import os
import subprocess
import sys

VERSIONS = {'3.10': '3.10.13', '3.11': '3.11.7', '3.12': '3.12.1', '3.13': '3.13.0'}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, 'test', 'python', 'fixtures')
CONFORMANCE = os.path.join(os.path.dirname(ROOT), 'shared', 'conformance')


# --- workers: run under the CPython being asked ------------------------------------------

def worker_ast(payload):
    import ast
    out = {}
    indent = payload.pop('--indent')
    for name, source in payload.items():
        # The tests expect no error for these programs, so they must compile, not only parse.
        compile(source.encode('utf-8'), name, 'exec', dont_inherit=True)
        tree = ast.parse(source.encode('utf-8'))
        if sys.version_info >= (3, 13):
            out[name] = ast.dump(tree, include_attributes=True, indent=indent, show_empty=True)
        else:
            out[name] = ast.dump(tree, include_attributes=True, indent=indent)
    return out


def worker_errors(payload):
    # The source is compiled as str: from bytes, 3.10-3.12 report some columns in UTF-8
    # bytes instead of characters (fixed in 3.13); HeapScope reports characters.
    out = {}
    for name, source in payload.items():
        try:
            compile(source, '<string>', 'exec', dont_inherit=True)
            out[name] = None
        except SyntaxError as e:
            out[name] = {
                'type': type(e).__name__,
                'message': e.msg,
                'lineno': e.lineno,
                'offset': e.offset,
                'end_lineno': getattr(e, 'end_lineno', None),
                'end_offset': getattr(e, 'end_offset', None),
            }
        except (ValueError, RecursionError, MemoryError) as e:
            out[name] = {'type': type(e).__name__, 'message': str(e), 'lineno': None,
                         'offset': None, 'end_lineno': None, 'end_offset': None}
    return out


SCOPE_NAMES = {1: 'LOCAL', 2: 'GLOBAL_EXPLICIT', 3: 'GLOBAL_IMPLICIT', 4: 'FREE', 5: 'CELL'}


def dump_symtable(table, indent=''):
    """One line per table and per symbol; the tests build the same text from our tables."""
    lines = ['%s%s %s line %d%s' % (indent, table.get_type().lower(), table.get_name(),
                                     table.get_lineno(), ' nested' if table.is_nested() else '')]
    for sym in sorted(table.get_symbols(), key=lambda s: s.get_name()):
        flags = [f for f, on in (
            ('param', sym.is_parameter()),
            ('global', sym.is_declared_global()),
            ('nonlocal', sym.is_nonlocal()),
            ('assigned', sym.is_assigned()),
            ('used', sym.is_referenced()),
            ('imported', sym.is_imported()),
            ('annotated', sym.is_annotated()),
        ) if on]
        scope = SCOPE_NAMES.get(sym._Symbol__scope, str(sym._Symbol__scope))
        lines.append('%s  %s: %s %s' % (indent, sym.get_name(), scope, ' '.join(flags)))
    for child in table.get_children():
        lines.extend(dump_symtable(child, indent + '  '))
    return lines


def worker_symtable(payload):
    import symtable
    out = {}
    for name, source in payload.items():
        try:
            out[name] = '\n'.join(dump_symtable(symtable.symtable(source, 'case', 'exec')))
        except SyntaxError as e:
            out[name] = 'SyntaxError: %s (line %s, offset %s)' % (e.msg, e.lineno, e.offset)
    return out


def canonical_repr(value):
    """repr with frozenset items sorted, so that the text does not depend on hashing."""
    if isinstance(value, frozenset):
        return 'frozenset({%s})' % ', '.join(sorted(canonical_repr(v) for v in value))
    if isinstance(value, tuple):
        items = [canonical_repr(v) for v in value]
        return '(%s)' % (items[0] + ',' if len(items) == 1 else ', '.join(items))
    return repr(value)


class CanonicalRepr:
    """Stands in for a constant in ast.dump, printing its canonical_repr."""

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return canonical_repr(self.value)


def worker_fold(payload):
    import dis
    import types
    out = {}
    for name, source in payload.items():
        code = compile(source, '<case>', 'exec', dont_inherit=True)
        consts = []

        def collect(c):
            for k in c.co_consts:
                if isinstance(k, types.CodeType):
                    collect(k)
                elif k is not None:
                    consts.append(canonical_repr(k))
        collect(code)
        # `x = E` folded as a whole compiles to LOAD_CONST + STORE_NAME x.
        ops = [i for i in dis.get_instructions(code) if i.opname not in ('RESUME', 'NOP', 'CACHE')]
        folded = None
        if (len(ops) >= 2 and ops[0].opname == 'LOAD_CONST' and ops[1].opname == 'STORE_NAME'
                and ops[1].argval == 'x'):
            folded = canonical_repr(ops[0].argval)
        out[name] = {'folded': folded, 'consts': sorted(set(consts))}
        if sys.version_info >= (3, 13):
            # 3.13 can return the optimized tree itself: the fold's whole result (as with
            # -O, so __debug__ is False there). Frozensets print with sorted items.
            import ast
            tree = ast.parse(source, optimize=1)
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, (tuple, frozenset)):
                    node.value = CanonicalRepr(node.value)
            out[name]['optimized'] = ast.dump(tree, include_attributes=True, show_empty=True)
    return out


def worker_warnings(payload):
    import warnings
    out = {}
    for name, source in payload.items():
        with warnings.catch_warnings(record=True) as caught:
            # Compile-time warnings are not deduplicated (no registry), so 'always' changes nothing.
            warnings.simplefilter('always')
            compile(source, '<case>', 'exec', dont_inherit=True)
        out[name] = [{'lineno': w.lineno, 'message': str(w.message)} for w in caught if w.category is SyntaxWarning]
    return out


def worker_tracebacks(payload):
    import tempfile
    out = {}
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, 'prog.py')
        for name, source in payload.items():
            with open(path, 'w', encoding='utf-8') as f:
                f.write(source)
            result = subprocess.run([sys.executable, path], capture_output=True, text=True, cwd=folder)
            out[name] = result.stderr.replace(path, 'prog.py')
    return out


WORKERS = {'ast': worker_ast, 'errors': worker_errors, 'symtable': worker_symtable, 'fold': worker_fold, 'warnings': worker_warnings, 'tracebacks': worker_tracebacks}


# --- driver ----------------------------------------------------------------------------

def ask(version, kind, payload):
    # The interpreter is called by its path: under pyenv's shim, a child `python3` would
    # find the parent's version first on PATH whatever PYENV_VERSION says.
    root = os.environ.get('PYENV_ROOT', os.path.expanduser('~/.pyenv'))
    python = os.path.join(root, 'versions', VERSIONS[version], 'bin', 'python3')
    env = dict(os.environ, PYTHONHASHSEED='0')
    result = subprocess.run([python, os.path.abspath(__file__), '--worker', kind],
                            input=json.dumps(payload), capture_output=True, text=True, env=env)
    if result.returncode != 0:
        sys.exit('worker %s under %s failed:\n%s' % (kind, version, result.stderr))
    return json.loads(result.stdout)


def read_cases(path):
    cases = {}
    name = None
    with open(path, encoding='utf-8', newline='') as f:
        for line in f:
            if line.startswith('### '):
                name = line[4:].strip()
                if name in cases:
                    sys.exit('duplicate case %s in %s' % (name, path))
                cases[name] = ''
            elif name is not None:
                cases[name] += line
    return cases


def write_json(path, data):
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        json.dump(data, f, indent=1, ensure_ascii=False, sort_keys=True)
        f.write('\n')


def record_ast():
    folder = os.path.join(FIXTURES, 'ast')
    by_version = {'3.12': {}, '3.13': {}}
    for file in sorted(os.listdir(folder)):
        if not file.endswith('.py'):
            continue
        with open(os.path.join(folder, file), encoding='utf-8', newline='') as f:
            source = f.read()
        version = '3.13' if source.startswith('# python: 3.13') else '3.12'
        by_version[version][file] = source
    for version, payload in by_version.items():
        payload['--indent'] = 1
        for file, dump in ask(version, 'ast', payload).items():
            with open(os.path.join(folder, file[:-3] + '.ast'), 'w', encoding='utf-8', newline='\n') as f:
                f.write(dump + '\n')
    programs = {}
    for file in sorted(os.listdir(CONFORMANCE)):
        if file.endswith('.py'):
            with open(os.path.join(CONFORMANCE, file), encoding='utf-8', newline='') as f:
                programs[file[:-3]] = f.read()
    # One line per program keeps this file small; the tests point at the first difference.
    dumps = ask('3.12', 'ast', dict(programs, **{'--indent': None}))
    write_json(os.path.join(folder, 'conformance.json'),
               {name: {'source': programs[name], 'dump': dumps[name]} for name in programs})


def record_cases(kind, stem, versions=VERSIONS):
    cases = read_cases(os.path.join(FIXTURES, stem + '.cases'))
    answers = {version: ask(version, kind, cases) for version in versions}
    write_json(os.path.join(FIXTURES, stem + '.expected.json'),
               {name: {version: answers[version][name] for version in versions} for name in cases})
    if kind == 'errors':
        write_error_differences(cases, answers)


def write_error_differences(cases, answers):
    """syntax-errors.versions.md: the cases whose error differs between versions."""
    def show(e):
        if e is None:
            return 'no error'
        return '%s: %s (%s:%s-%s:%s)' % (e['type'], e['message'], e['lineno'], e['offset'],
                                        e['end_lineno'], e['end_offset'])
    lines = ['# Syntax errors that differ between CPython versions', '',
             'Generated by scripts/record-python-fixtures.py from syntax-errors.cases; the',
             'positions are (line:offset-end_line:end_offset), offsets in characters from 1.', '']
    for name in cases:
        shown = [show(answers[v][name]) for v in VERSIONS]
        if len(set(shown)) == 1:
            continue
        lines.append('## ' + name)
        lines.append('```')
        lines.extend(cases[name].rstrip('\n').split('\n'))
        lines.append('```')
        for version, text in zip(VERSIONS, shown):
            lines.append('- %s: %s' % (version, text))
        lines.append('')
    with open(os.path.join(FIXTURES, 'syntax-errors.versions.md'), 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(lines))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == '--worker':
        sys.setrecursionlimit(10000)
        json.dump(WORKERS[sys.argv[2]](json.load(sys.stdin)), sys.stdout)
        return
    kinds = sys.argv[1:] or ['ast', 'errors', 'symtable', 'fold', 'warnings', 'tracebacks']
    for kind in kinds:
        if kind == 'ast':
            record_ast()
        elif kind == 'errors':
            record_cases('errors', 'syntax-errors')
        elif kind == 'symtable':
            record_cases('symtable', 'symtable')
        elif kind == 'fold':
            record_cases('fold', 'fold')
        elif kind == 'warnings':
            record_cases('warnings', 'warnings')
        elif kind == 'tracebacks':
            record_cases('tracebacks', 'tracebacks', versions=['3.11', '3.12', '3.13'])
        else:
            sys.exit('unknown kind %s' % kind)


if __name__ == '__main__':
    main()
