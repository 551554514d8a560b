/**
 * f-strings before 3.12 were single STRING tokens that Python/ast.c scanned character by
 * character (fstring_find_expr); its errors have their own wording. These helpers scan an
 * f-string body the same way.
 */

/** The first error fstring_find_expr (3.10, 3.11) reports for an f-string body, if any. */
export function legacyFStringError(body: string, raw: boolean): string | undefined {
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (c === '\\' && !raw) {
      i += 2;
      continue;
    }
    if (c === '}') {
      if (body[i + 1] === '}') {
        i += 2;
        continue;
      }
      return "f-string: single '}' is not allowed";
    }
    if (c !== '{') {
      i++;
      continue;
    }
    if (body[i + 1] === '{') {
      i += 2;
      continue;
    }
    // A replacement field: the expression runs to a top-level '!', ':', '=' or '}'.
    let j = i + 1;
    let depth = 0;
    let quote = '';
    for (; j < body.length; j++) {
      const d = body[j];
      if (d === '\\') return 'f-string expression part cannot include a backslash';
      if (quote) {
        if (d === quote) quote = '';
        continue;
      }
      if (d === '#') return "f-string expression part cannot include '#'";
      if (d === "'" || d === '"') quote = d;
      else if ('([{'.includes(d)) depth++;
      else if (')]}'.includes(d) && depth > 0) depth--;
      else if (depth === 0 && (d === '}' || d === ':' || (d === '!' && body[j + 1] !== '='))) break;
    }
    if (j >= body.length) return "f-string: expecting '}'";
    if (body.slice(i + 1, j).trim() === '') return 'f-string: empty expression not allowed';
    // Skip the conversion and the format spec (nested fields are checked alike, roughly).
    let k = j;
    depth = 0;
    for (; k < body.length; k++) {
      if (body[k] === '{') depth++;
      else if (body[k] === '}') {
        if (depth === 0) break;
        depth--;
      }
    }
    if (k >= body.length) return "f-string: expecting '}'";
    i = k + 1;
  }
  return undefined;
}

/** The expression texts of an f-string body's replacement fields (3.10, 3.11 scanning). */
export function legacyFieldExpressions(body: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === '{' && body[i + 1] === '{') {
      i += 2;
      continue;
    }
    if (body[i] !== '{') {
      i++;
      continue;
    }
    let j = i + 1;
    let depth = 0;
    let quote = '';
    for (; j < body.length; j++) {
      const d = body[j];
      if (quote) {
        if (d === quote) quote = '';
      } else if (d === "'" || d === '"') quote = d;
      else if ('([{'.includes(d)) depth++;
      else if (')]}'.includes(d) && depth > 0) depth--;
      else if (depth === 0 && (d === '}' || d === ':' || (d === '!' && body[j + 1] !== '='))) break;
    }
    const expression = body.slice(i + 1, j).replace(/=\s*$/, '');
    out.push(expression);
    i = j + 1;
  }
  return out;
}
