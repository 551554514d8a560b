/**
 * f-strings before 3.12 were single STRING tokens that Python/ast.c scanned character by
 * character (fstring_find_literal, fstring_find_expr); its errors have their own
 * wording. These helpers scan an f-string body the same way.
 */

type Scan = { readonly end: number; readonly expressions: string[] } | { readonly error: string };

/** The first error fstring_find_expr (3.10, 3.11) reports for an f-string body, if any. */
export function legacyFStringError(body: string, raw: boolean): string | undefined {
  const result = scanBody(body, 0, raw, false);
  return 'error' in result ? result.error : undefined;
}

/** The expression texts of an f-string body's replacement fields, nested ones included. */
export function legacyFieldExpressions(body: string): string[] {
  const result = scanBody(body, 0, true, false);
  return 'error' in result ? [] : result.expressions;
}

/** Literal text and fields, up to the end (or, in a format spec, up to its closing '}'). */
function scanBody(body: string, from: number, raw: boolean, inSpec: boolean): Scan {
  const expressions: string[] = [];
  let i = from;
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && !raw) {
      const next = body[i + 1];
      if (next === 'N' && body[i + 2] === '{') {
        // \N{NAME}: its braces belong to the escape.
        const close = body.indexOf('}', i + 3);
        i = close < 0 ? body.length : close + 1;
      } else if (next === '{' || next === '}') {
        // The backslash stays literal text; the brace still opens or closes a field.
        i += 1;
      } else {
        i += 2;
      }
      continue;
    }
    if (c === '}') {
      if (inSpec) return { end: i, expressions };
      if (body[i + 1] === '}') {
        i += 2;
        continue;
      }
      return { error: "f-string: single '}' is not allowed" };
    }
    if (c !== '{') {
      i++;
      continue;
    }
    if (!inSpec && body[i + 1] === '{') {
      i += 2;
      continue;
    }
    const field = scanField(body, i, raw);
    if ('error' in field) return field;
    expressions.push(...field.expressions);
    i = field.end;
  }
  return inSpec ? { error: "f-string: expecting '}'" } : { end: i, expressions };
}

/** One replacement field from its '{': the expression, a conversion, a format spec, '}'. */
function scanField(body: string, open: number, raw: boolean): Scan {
  let j = open + 1;
  let depth = 0;
  let quote = '';
  for (; j < body.length; j++) {
    const d = body[j];
    if (d === '\\') return { error: 'f-string expression part cannot include a backslash' };
    if (quote) {
      if (body.startsWith(quote, j)) {
        j += quote.length - 1;
        quote = '';
      }
      continue;
    }
    if (d === '#') return { error: "f-string expression part cannot include '#'" };
    if (d === "'" || d === '"') {
      quote = body.startsWith(d.repeat(3), j) ? d.repeat(3) : d;
      j += quote.length - 1;
    } else if ('([{'.includes(d)) depth++;
    else if (')]}'.includes(d) && depth > 0) depth--;
    else if (depth === 0 && (d === '}' || d === ':' || (d === '!' && body[j + 1] !== '='))) break;
  }
  if (j >= body.length) return { error: "f-string: expecting '}'" };
  const text = body.slice(open + 1, j);
  if (text.trim() === '' || text.trim() === '=') return { error: 'f-string: empty expression not allowed' };
  const expressions = [text.replace(/=\s*$/, '')];
  if (body[j] === '!') j += 2;
  if (body[j] === ':') {
    const spec = scanBody(body, j + 1, raw, true);
    if ('error' in spec) return spec;
    expressions.push(...spec.expressions);
    j = spec.end;
  }
  if (body[j] !== '}') return { error: "f-string: expecting '}'" };
  return { end: j + 1, expressions };
}
