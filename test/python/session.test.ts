import { strict as assert } from 'node:assert';
import type { HeapView } from '../../src/protocol';
import { SimulationSession } from '../../src/python/session';

/**
 * What the editor asks a session: the executions of a line and the heap right after one.
 * A line that calls Python code ends when the call is back and the line is done; a line of
 * the callee ends when its frame returns, not later.
 */

function session(source: string, version: '3.10' | '3.12' = '3.12'): SimulationSession {
  return new SimulationSession(source, { version, fileName: 'snippet.py', shutdown: false });
}

function viewAt(s: SimulationSession, line: number, execution?: number): HeapView {
  const view = s.view(line, execution, { uri: 'file:///snippet.py', fileName: 'snippet.py' });
  assert.ok(view, `line ${line} ran`);
  return view;
}

function globalsAt(view: HeapView): string[] {
  return view.frames.find((f) => f.kind === 'module')!.variables.map((v) => v.label);
}

describe('SimulationSession', () => {
  it("a class statement runs in the module and as the body's first line (as sys.settrace sees it); by default the view is after the module's, with the class bound", () => {
    const s = session('class A:\n    pass\nx = 1\n');
    assert.equal(s.executionsOfLine(1).length, 2);
    assert.ok(globalsAt(viewAt(s, 1)).includes('A'));
    assert.ok(!globalsAt(viewAt(s, 1, 2)).includes('A'), 'the class body has just begun');
  });

  it('the last line of a class body ends before the class exists', () => {
    const s = session('class A:\n    y = 2\nx = 1\n');
    assert.ok(!globalsAt(viewAt(s, 2)).includes('A'));
  });

  it("a function's last line ends when it returns; the calling line ends with the result bound", () => {
    const s = session('def f():\n    t = [1]\n    return len(t)\nn = f()\nm = 2\n');
    assert.ok(!globalsAt(viewAt(s, 3)).includes('n'), 'inside f, n is not bound yet');
    assert.ok(globalsAt(viewAt(s, 4)).includes('n'));
    assert.equal(s.executionsOfLine(4).length, 1);
  });

  it('a branch that did not run has no execution (the implicit return belongs to no line)', () => {
    const s = session('x = 1\nif x > 5:\n    y = 2\n');
    assert.deepEqual(s.executionsOfLine(3), []);
    const f = session('def f(a):\n    if a:\n        return 1\n    else:\n        b = 2\nf(True)\n');
    assert.deepEqual(f.executionsOfLine(5), []);
  });

  it('a loop line counts one execution per test, the calls in its body included', () => {
    const s = session('def g(i):\n    return i\nfor i in range(3):\n    g(i)\n');
    assert.equal(s.executionsOfLine(4).length, 3);
    assert.equal(s.executionsOfLine(2).length, 3);
  });

  it('Run GC after a line of a callee collects before the caller goes on', () => {
    const source = ['import gc', 'def f():', '    a = []', '    a.append(a)', '    return 0', 'f()', 'b = 1', ''].join('\n');
    const probe = session(source).collectAfter(4, undefined, 2, { version: '3.12', fileName: 'snippet.py' });
    assert.ok(probe);
    // Still inside f: the list is alive (held by `a`), so nothing is unreachable.
    assert.equal(probe.result.status.kind, 'probe');
    assert.equal((probe.result.status as { collected?: number }).collected, 0);
    // The function's last line includes its return: the list is cycle garbage by then.
    const atReturn = session(source).collectAfter(5, undefined, 2, { version: '3.12', fileName: 'snippet.py' });
    assert.equal((atReturn!.result.status as { collected?: number }).collected, 1);
    const after = session(source).collectAfter(6, undefined, 2, { version: '3.12', fileName: 'snippet.py' });
    assert.equal((after!.result.status as { collected?: number }).collected, 1);
  });
});

describe('SimulationSession views: what the interpreter made for itself stays out of the picture', () => {
  it("the first repr of a list gives the thread state a dict and a list (CPython counts them), but the line's picture shows only the program's objects", () => {
    const s = session('x = [1]\nprint(x)\ny = 2\n');
    const view = viewAt(s, 2);
    const types = view.objects.map((o) => o.type).sort();
    assert.deepEqual(types, ['int', 'list'], `objects drawn: ${types.join(', ')}`);
  });
});
