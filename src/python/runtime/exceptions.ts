import { caretLine } from './tracebackCarets';
import { PyStr } from '../objects/atoms';
import { PyObject, PyType } from '../objects/base';
import { PyFrameObject, PyTraceback } from '../objects/callables';
import { PyTuple } from '../objects/containers';
import { PyStruct } from '../objects/struct';
import { PythonError } from './errors';
import type { Runtime } from './runtime';
import { repr, str } from './text';

/**
 * Exceptions are objects like any other: their args tuple, traceback, context and cause
 * are references, so a caught exception can keep a whole call's frames alive.
 */

export function isException(rt: Runtime, obj: PyObject): obj is PyStruct {
  return obj instanceof PyStruct && obj.cls.isSubtypeOf(rt.types.exceptions.get('BaseException')!);
}

/** A new exception instance of a builtin (or user) exception type, with `args`. */
export function instantiateException(rt: Runtime, type: PyType, args: readonly PyObject[]): PyStruct {
  const exc = rt.heap.allocate(new PyStruct(type), { gc: true });
  if (type.isHeapType) rt.heap.incref(exc, '__class__', type);
  exc.set(rt.heap, 'args', rt.newTuple(args));
  rt.heap.track(exc);
  return exc;
}

export function exceptionArgs(exc: PyStruct): readonly PyObject[] {
  const args = exc.get('args');
  return args instanceof PyTuple ? args.items : [];
}

/** str(exc): '' for no args, str(arg) for one (repr for KeyError), str(args) otherwise. */
export function exceptionStr(rt: Runtime, exc: PyStruct): string {
  const args = exceptionArgs(exc);
  if (args.length === 0) return '';
  if (args.length === 1) return exc.cls.isSubtypeOf(rt.types.exceptions.get('KeyError')!) ? repr(rt, args[0]) : str(rt, args[0]);
  return repr(rt, exc.get('args')!);
}

export function exceptionRepr(rt: Runtime, exc: PyStruct): string {
  const args = exceptionArgs(exc);
  const name = exc.cls.name;
  if (args.length === 1) return `${name}(${repr(rt, args[0])})`;
  return `${name}(${args.map((a) => repr(rt, a)).join(', ')})`;
}

/** `raise X`: an exception class is instantiated; anything else must be an exception. */
export function exceptionFromRaise(rt: Runtime, raised: PyObject): PythonError {
  if (raised instanceof PyType && raised.isSubtypeOf(rt.types.exceptions.get('BaseException')!)) {
    const exc = rt.vm.p.call(raised, [], null);
    const error = rt.vm.raiseObject(exc);
    rt.vm.p.discard(exc);
    return error;
  }
  if (isException(rt, raised)) return rt.vm.raiseObject(raised);
  return rt.error('TypeError', 'exceptions must derive from BaseException');
}

export function setCause(rt: Runtime, exc: PyObject, cause: PyObject): void {
  if (!(exc instanceof PyStruct)) return;
  let value = cause;
  if (cause instanceof PyType) value = rt.vm.p.call(cause, [], null);
  exc.set(rt.heap, '__cause__', value);
  if (value !== cause) rt.vm.p.discard(value);
  exc.state = { ...(exc.state as object), suppressContext: true };
}

export function setContext(rt: Runtime, exc: PyObject, context: PyObject): void {
  if (!(exc instanceof PyStruct) || exc === context) return;
  // Avoid making a cycle of contexts (CPython breaks it the same way).
  let o: PyObject | undefined = context;
  while (o instanceof PyStruct) {
    const next: PyObject | undefined = o.get('__context__');
    if (next === exc) {
      o.clear(rt.heap, '__context__');
      break;
    }
    o = next;
  }
  exc.set(rt.heap, '__context__', context);
}

/** `except spec:` — spec is an exception class or a tuple of them. */
export function exceptionMatches(rt: Runtime, exc: PyObject, spec: PyObject): boolean {
  if (spec instanceof PyTuple) return spec.items.some((s) => exceptionMatches(rt, exc, s));
  if (!(spec instanceof PyType) || !spec.isSubtypeOf(rt.types.exceptions.get('BaseException')!)) {
    throw rt.error('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
  }
  return exc.cls.isSubtypeOf(spec);
}

/** CPython's printout of an uncaught exception (the traceback, most recent call last). */
export function formatException(rt: Runtime, exc: PyObject, source: readonly string[], fileName: string): string {
  const chain: string[] = [];
  const seen = new Set<PyObject>();
  const describe = (e: PyObject): void => {
    seen.add(e);
    if (e instanceof PyStruct) {
      const cause = e.get('__cause__');
      const context = e.get('__context__');
      const suppress = (e.state as { suppressContext?: boolean } | null)?.suppressContext === true;
      if (cause !== undefined && cause !== rt.none && !seen.has(cause)) {
        describe(cause);
        chain.push('\nThe above exception was the direct cause of the following exception:\n\n');
      } else if (context !== undefined && context !== rt.none && !suppress && !seen.has(context)) {
        describe(context);
        chain.push('\nDuring handling of the above exception, another exception occurred:\n\n');
      }
    }
    chain.push(formatOne(rt, e, source, fileName));
  };
  describe(exc);
  return chain.join('');
}

function formatOne(rt: Runtime, exc: PyObject, source: readonly string[], fileName: string): string {
  let out = '';
  const entries: PyTraceback[] = [];
  let tb = exc instanceof PyStruct ? exc.get('__traceback__') : undefined;
  while (tb instanceof PyTraceback) {
    entries.push(tb);
    tb = tb.get('tb_next');
  }
  if (entries.length) {
    out += 'Traceback (most recent call last):\n';
    for (const entry of entries) {
      const frame = entry.get('tb_frame');
      out += `  File "${fileName}", line ${entry.lineno}, in ${frame instanceof PyFrameObject ? frame.unit.name : '<module>'}\n`;
      const line = source[entry.lineno - 1] ?? '';
      if (line.trim()) out += `    ${line.trim()}\n${caretLine(line, entry.column, entry.endColumn, rt.lang)}`;
    }
  }
  const name = exc.cls.isHeapType ? (exc.cls.name === exc.cls.qualifiedName() ? exc.cls.name : `${exc.cls.qualifiedName()}`) : exc.cls.name;
  const message = isException(rt, exc) ? safeStr(rt, exc) : '';
  out += message ? `${name}: ${message}\n` : `${name}\n`;
  return out;
}

function safeStr(rt: Runtime, exc: PyStruct): string {
  try {
    return str(rt, exc);
  } catch {
    return '<exception str() failed>';
  }
}

export { PyStr };
