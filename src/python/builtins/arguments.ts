import type { NativeFunction } from '../objects/base';
import type { Runtime } from '../runtime/runtime';

/**
 * How many arguments each builtin function takes, and CPython's TypeError when a call
 * gets it wrong — checked before the implementation runs, so that an implementation can
 * rely on its arguments being there. The messages come from the way each function parses
 * its arguments in CPython (Python/bltinmodule.c), the same in 3.10–3.13.
 */
type Parsing =
  /** METH_O: "abs() takes exactly one argument (0 given)". */
  | { readonly style: 'one' }
  /** METH_NOARGS: "globals() takes no arguments (1 given)". */
  | { readonly style: 'none' }
  /** _PyArg_CheckPositional: "divmod expected 2 arguments, got 0". */
  | { readonly style: 'positional'; readonly min: number; readonly max: number; readonly keywords?: true }
  /**
   * Argument Clinic with named parameters: "pow() missing required argument 'base' (pos 1)",
   * or for a positional-only one "sum() takes at least 1 positional argument (0 given)".
   */
  | { readonly style: 'named'; readonly params: readonly string[]; readonly required: number; readonly positionalOnly?: true };

const one = { style: 'one' } as const;
const positional = (min: number, max = min): Parsing => ({ style: 'positional', min, max });

const BUILTINS: Record<string, Parsing> = {
  abs: one,
  all: one,
  any: one,
  ascii: one,
  bin: one,
  callable: one,
  chr: one,
  hash: one,
  hex: one,
  id: one,
  len: one,
  oct: one,
  ord: one,
  repr: one,
  globals: { style: 'none' },
  locals: { style: 'none' },
  delattr: positional(2),
  divmod: positional(2),
  hasattr: positional(2),
  isinstance: positional(2),
  issubclass: positional(2),
  setattr: positional(3),
  getattr: positional(2, 3),
  format: positional(1, 2),
  iter: positional(1, 2),
  next: positional(1, 2),
  dir: positional(0, 1),
  vars: positional(0, 1),
  // These take keywords (key=, default=, reverse=): only the positional count is checked.
  max: { style: 'positional', min: 1, max: Infinity, keywords: true },
  min: { style: 'positional', min: 1, max: Infinity, keywords: true },
  sorted: { style: 'positional', min: 1, max: 1, keywords: true },
  pow: { style: 'named', params: ['base', 'exp', 'mod'], required: 2 },
  round: { style: 'named', params: ['number', 'ndigits'], required: 1 },
  // sum(iterable, /, start=0): its implementation reads start= itself.
  sum: { style: 'named', params: ['iterable', 'start'], required: 1, positionalOnly: true },
};

/** `impl` behind the argument check of builtin `name` (as is when it has none). */
export function checkedBuiltin(rt: Runtime, name: string, impl: NativeFunction): NativeFunction {
  const parsing = BUILTINS[name];
  if (parsing === undefined) return impl;
  return (args, kwargs) => {
    const given = args.length;
    const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
    switch (parsing.style) {
      case 'one':
        if (kwargs?.size) throw rt.error('TypeError', `${name}() takes no keyword arguments`);
        if (given !== 1) throw rt.error('TypeError', `${name}() takes exactly one argument (${given} given)`);
        break;
      case 'none':
        if (kwargs?.size) throw rt.error('TypeError', `${name}() takes no keyword arguments`);
        if (given !== 0) throw rt.error('TypeError', `${name}() takes no arguments (${given} given)`);
        break;
      case 'positional':
        if (kwargs?.size && !parsing.keywords) throw rt.error('TypeError', `${name}() takes no keyword arguments`);
        if (given < parsing.min) throw rt.error('TypeError', `${name} expected ${parsing.min === parsing.max ? '' : 'at least '}${plural(parsing.min)}, got ${given}`);
        if (given > parsing.max) throw rt.error('TypeError', `${name} expected ${parsing.min === parsing.max ? '' : 'at most '}${plural(parsing.max)}, got ${given}`);
        break;
      case 'named': {
        const { params, required } = parsing;
        if (given > params.length) throw rt.error('TypeError', `${name}() takes at most ${plural(params.length)} (${given} given)`);
        if (parsing.positionalOnly) {
          if (given < required) throw rt.error('TypeError', `${name}() takes at least ${required} positional argument${required === 1 ? '' : 's'} (${given} given)`);
          break;
        }
        const missing = params.findIndex((param, i) => i < required && i >= given && !kwargs?.has(param));
        if (missing >= 0) throw rt.error('TypeError', `${name}() missing required argument '${params[missing]}' (pos ${missing + 1})`);
        // Parameters passed by name go where the implementation looks for them.
        if (kwargs?.size && kwargs.has(params[given])) {
          const all = [...args];
          const rest = new Map(kwargs);
          for (let i = given; i < params.length && rest.has(params[i]); i++) {
            all.push(rest.get(params[i])!);
            rest.delete(params[i]);
          }
          return impl(all, rest.size ? rest : null);
        }
        break;
      }
    }
    return impl(args, kwargs);
  };
}
