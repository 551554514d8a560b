/**
 * A `def` or `lambda` parameter list as CPython's `arguments` node: pyright gives one flat
 * list in which `/` and a bare `*` are parameters without names.
 */
import type { ParameterNode } from '@zzzen/pyright-internal/dist/parser/parseNodes';
import { ParamCategory } from './pyrightEnums';
import type { Arg, Arguments, Expr } from './ast';
import type { LowerContext } from './lowerContext';

export function lowerArguments(cx: LowerContext, params: readonly ParameterNode[]): Arguments {
  const positional: Arg[] = [];
  let posonlyCount = 0;
  const defaults: Expr[] = [];
  const kwonlyargs: Arg[] = [];
  const kw_defaults: (Expr | null)[] = [];
  let vararg: Arg | null = null;
  let kwarg: Arg | null = null;
  let keywordOnly = false;

  for (const param of params) {
    const name = param.d.name;
    if (param.d.category === ParamCategory.Simple && !name) {
      // `/`: everything so far is positional-only.
      posonlyCount = positional.length;
      continue;
    }
    if (param.d.category === ParamCategory.ArgsList) {
      keywordOnly = true;
      if (name) vararg = arg(cx, param);
      continue;
    }
    if (param.d.category === ParamCategory.KwargsDict) {
      if (name) kwarg = arg(cx, param);
      continue;
    }
    const lowered = arg(cx, param);
    const value = param.d.defaultValue ? cx.expr(param.d.defaultValue) : null;
    if (keywordOnly) {
      kwonlyargs.push(lowered);
      kw_defaults.push(value);
    } else {
      positional.push(lowered);
      if (value) defaults.push(value);
    }
  }
  return {
    kind: 'arguments',
    posonlyargs: positional.slice(0, posonlyCount),
    args: positional.slice(posonlyCount),
    vararg,
    kwonlyargs,
    kw_defaults,
    kwarg,
    defaults,
  };
}

/** An `arg` spans the name and its annotation, not the stars or the default. */
function arg(cx: LowerContext, param: ParameterNode): Arg {
  const name = param.d.name!;
  const annotation = param.d.annotation ?? param.d.annotationComment;
  const end = param.d.annotation ? cx.exprRange(param.d.annotation)[1] : name.start + name.length;
  return {
    kind: 'arg',
    arg: cx.identifier(name.d.value),
    annotation: param.d.annotation && annotation ? cx.expr(annotation) : null,
    type_comment: null,
    ...cx.pos(name.start, end),
  };
}
