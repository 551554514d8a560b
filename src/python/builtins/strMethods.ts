import { PyInt, PyStr } from '../objects/atoms';
import type { NativeFunction, PyObject } from '../objects/base';
import { PyTuple } from '../objects/containers';
import { collect } from '../runtime/iteration';
import { checkLength } from '../runtime/limits';
import type { Runtime } from '../runtime/runtime';
import { format, str } from '../runtime/text';

/** str's methods. Results are new strings (CPython shares none of them). */

export function installStrMethods(rt: Runtime): void {
  const s = (o: PyObject): string => {
    if (!(o instanceof PyStr)) throw rt.error('TypeError', `descriptor requires a 'str' object but received a '${o.cls.name}'`);
    return o.value;
  };
  const arg = (o: PyObject | undefined, what: string): string => {
    if (o === undefined || o === rt.none) return '';
    if (!(o instanceof PyStr)) throw rt.error('TypeError', `${what} arg must be None or str`);
    return o.value;
  };
  const same = (self: PyObject, value: string): PyObject => (value === (self as PyStr).value && self.cls === rt.types.str ? self : rt.str(value));
  const list = (xs: string[]): PyObject => rt.newList(xs.map((x) => rt.str(x)));
  const num = (o: PyObject | undefined, dflt: number): number => (o instanceof PyInt ? Number(o.value) : dflt);
  /** The width a padding method pads to (limits.ts: no string past MAX_LENGTH). */
  const width = (o: PyObject | undefined): number => {
    const n = num(o, 0);
    checkLength(rt, 'str', n);
    return n;
  };
  const ws = /[ \t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
  const strip = (text: string, chars: string | null, left: boolean, right: boolean): string => {
    const test = (c: string): boolean => (chars === null ? ws.test(c) : chars.includes(c));
    let a = 0;
    let b = text.length;
    if (left) while (a < b && test(text[a])) a++;
    if (right) while (b > a && test(text[b - 1])) b--;
    return text.slice(a, b);
  };
  const table: Record<string, (self: PyObject, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null) => PyObject> = {
    join(self, args) {
      let out = '';
      rt.vm.p.run(() => {
        const parts = collect(rt, args[0]).map((x, i) => {
          if (!(x instanceof PyStr)) throw rt.error('TypeError', `sequence item ${i}: expected str instance, ${x.cls.name} found`);
          return x.value;
        });
        checkLength(rt, 'str', parts.reduce((n, part) => n + part.length, 0) + Math.max(0, parts.length - 1) * s(self).length);
        out = parts.join(s(self));
      });
      return rt.str(out);
    },
    split(self, args, kwargs) {
      const sep = kwargs?.get('sep') ?? args[0];
      const max = num(kwargs?.get('maxsplit') ?? args[1], -1);
      const text = s(self);
      if (sep === undefined || sep === rt.none) {
        const parts = text.split(/[\s]+/).filter((x) => x.length > 0);
        if (max >= 0 && parts.length > max + 1) {
          const head = parts.slice(0, max);
          let rest = text.trimStart();
          for (const h of head) rest = rest.slice(rest.indexOf(h) + h.length).trimStart();
          return list([...head, rest]);
        }
        return list(parts);
      }
      const separator = arg(sep, 'sep');
      if (separator === '') throw rt.error('ValueError', 'empty separator');
      const parts = text.split(separator);
      if (max >= 0 && parts.length > max + 1) return list([...parts.slice(0, max), parts.slice(max).join(separator)]);
      return list(parts);
    },
    rsplit(self, args) {
      const text = s(self);
      const max = num(args[1], -1);
      if (args[0] === undefined || args[0] === rt.none) {
        const parts = text.split(/\s+/).filter((x) => x.length > 0);
        if (max >= 0 && parts.length > max + 1) return list([parts.slice(0, parts.length - max).join(' '), ...parts.slice(parts.length - max)]);
        return list(parts);
      }
      const separator = arg(args[0], 'sep');
      const parts = text.split(separator);
      if (max >= 0 && parts.length > max + 1) return list([parts.slice(0, parts.length - max).join(separator), ...parts.slice(parts.length - max)]);
      return list(parts);
    },
    splitlines(self, args) {
      const keep = args[0] !== undefined && rt.vm.p.truthy(args[0]);
      const text = s(self);
      const out: string[] = [];
      const re = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;
      let last = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        out.push(text.slice(last, keep ? m.index + m[0].length : m.index));
        last = m.index + m[0].length;
      }
      if (last < text.length) out.push(text.slice(last));
      return list(out);
    },
    strip: (self, args) => same(self, strip(s(self), args[0] && args[0] !== rt.none ? arg(args[0], 'strip') : null, true, true)),
    lstrip: (self, args) => same(self, strip(s(self), args[0] && args[0] !== rt.none ? arg(args[0], 'lstrip') : null, true, false)),
    rstrip: (self, args) => same(self, strip(s(self), args[0] && args[0] !== rt.none ? arg(args[0], 'rstrip') : null, false, true)),
    upper: (self) => rt.str(s(self).toUpperCase()),
    lower: (self) => rt.str(s(self).toLowerCase()),
    casefold: (self) => rt.str(s(self).toLowerCase()),
    swapcase: (self) => rt.str([...s(self)].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')),
    title: (self) => rt.str(s(self).toLowerCase().replace(/(^|[^a-zA-Z])([a-z])/g, (_m, a: string, b: string) => a + b.toUpperCase())),
    capitalize: (self) => {
      const text = s(self);
      return rt.str(text.slice(0, 1).toUpperCase() + text.slice(1).toLowerCase());
    },
    replace(self, args) {
      const count = num(args[2], -1);
      const text = s(self);
      const old = arg(args[0], 'replace');
      const neu = arg(args[1], 'replace');
      if (neu.length > old.length) {
        const found = text.split(old).length - 1;
        checkLength(rt, 'str', text.length + (count < 0 ? found : Math.min(count, found)) * (neu.length - old.length));
      }
      if (count < 0) return same(self, text.split(old).join(neu));
      const parts = text.split(old);
      return same(self, parts.slice(0, count + 1).join(neu) + (parts.length > count + 1 ? old + parts.slice(count + 1).join(old) : ''));
    },
    startswith(self, args) {
      const text = s(self).slice(num(args[1], 0));
      const prefixes = args[0] instanceof PyTuple ? args[0].items.map((x) => arg(x, 'startswith')) : [arg(args[0], 'startswith')];
      return rt.bool(prefixes.some((pre) => text.startsWith(pre)));
    },
    endswith(self, args) {
      const text = s(self);
      const suffixes = args[0] instanceof PyTuple ? args[0].items.map((x) => arg(x, 'endswith')) : [arg(args[0], 'endswith')];
      return rt.bool(suffixes.some((suf) => text.endsWith(suf)));
    },
    find: (self, args) => rt.int(s(self).indexOf(arg(args[0], 'find'), num(args[1], 0))),
    rfind: (self, args) => rt.int(s(self).lastIndexOf(arg(args[0], 'rfind'))),
    index(self, args) {
      const i = s(self).indexOf(arg(args[0], 'index'), num(args[1], 0));
      if (i < 0) throw rt.error('ValueError', 'substring not found');
      return rt.int(i);
    },
    rindex(self, args) {
      const i = s(self).lastIndexOf(arg(args[0], 'rindex'));
      if (i < 0) throw rt.error('ValueError', 'substring not found');
      return rt.int(i);
    },
    count(self, args) {
      const sub = arg(args[0], 'count');
      const text = s(self);
      if (sub === '') return rt.int([...text].length + 1);
      return rt.int(text.split(sub).length - 1);
    },
    format(self, args, kwargs) {
      return rt.str(formatTemplate(rt, s(self), args, kwargs));
    },
    // Unicode's decimal digits (Nd); isdigit adds the characters with a digit value
    // (superscripts, circled digits...), isnumeric every number (Nl, No) and the CJK
    // numerals: the lists are those of CPython 3.12's unicodedata beyond the categories.
    isdigit: (self) => rt.bool(/^[\p{Nd}\u{b2}-\u{b3}\u{b9}\u{1369}-\u{1371}\u{19da}\u{2070}\u{2074}-\u{2079}\u{2080}-\u{2089}\u{2460}-\u{2468}\u{2474}-\u{247c}\u{2488}-\u{2490}\u{24ea}\u{24f5}-\u{24fd}\u{24ff}\u{2776}-\u{277e}\u{2780}-\u{2788}\u{278a}-\u{2792}\u{10a40}-\u{10a43}\u{10e60}-\u{10e68}\u{11052}-\u{1105a}\u{1f100}-\u{1f10a}]+$/u.test(s(self))),
    isdecimal: (self) => rt.bool(/^\p{Nd}+$/u.test(s(self))),
    isnumeric: (self) => rt.bool(/^[\p{N}\u{3405}\u{3483}\u{382a}\u{3b4d}\u{4e00}\u{4e03}\u{4e07}\u{4e09}\u{4e5d}\u{4e8c}\u{4e94}\u{4e96}\u{4ebf}-\u{4ec0}\u{4edf}\u{4ee8}\u{4f0d}\u{4f70}\u{5104}\u{5146}\u{5169}\u{516b}\u{516d}\u{5341}\u{5343}-\u{5345}\u{534c}\u{53c1}-\u{53c4}\u{56db}\u{58f1}\u{58f9}\u{5e7a}\u{5efe}-\u{5eff}\u{5f0c}-\u{5f0e}\u{5f10}\u{62fe}\u{634c}\u{67d2}\u{6f06}\u{7396}\u{767e}\u{8086}\u{842c}\u{8cae}\u{8cb3}\u{8d30}\u{9621}\u{9646}\u{964c}\u{9678}\u{96f6}\u{f96b}\u{f973}\u{f978}\u{f9b2}\u{f9d1}\u{f9d3}\u{f9fd}\u{20001}\u{20064}\u{200e2}\u{20121}\u{2092a}\u{20983}\u{2098c}\u{2099c}\u{20aea}\u{20afd}\u{20b19}\u{22390}\u{22998}\u{23b1b}\u{2626d}\u{2f890}]+$/u.test(s(self))),
    isalpha: (self) => rt.bool(/^\p{L}+$/u.test(s(self))),
    isalnum: (self) => rt.bool(/^[\p{L}\p{N}]+$/u.test(s(self))),
    isspace: (self) => rt.bool(/^\s+$/.test(s(self))),
    isupper: (self) => rt.bool(/[A-Z]/.test(s(self)) && s(self) === s(self).toUpperCase()),
    islower: (self) => rt.bool(/[a-z]/.test(s(self)) && s(self) === s(self).toLowerCase()),
    isidentifier: (self) => rt.bool(/^[\p{L}_][\p{L}\p{N}_]*$/u.test(s(self))),
    center(self, args) {
      const text = s(self);
      const total = width(args[0]) - text.length;
      const fill = args[1] ? arg(args[1], 'center') : ' ';
      if (total <= 0) return same(self, text);
      const left = Math.floor(total / 2) + (total & (total + text.length) & 1);
      return rt.str(fill.repeat(left) + text + fill.repeat(total - left));
    },
    ljust: (self, args) => same(self, s(self).padEnd(width(args[0]), args[1] ? arg(args[1], 'ljust') : ' ')),
    rjust: (self, args) => same(self, s(self).padStart(width(args[0]), args[1] ? arg(args[1], 'rjust') : ' ')),
    zfill(self, args) {
      const text = s(self);
      const total = width(args[0]);
      if (text.length >= total) return same(self, text);
      const sign = text[0] === '-' || text[0] === '+' ? text[0] : '';
      return rt.str(sign + '0'.repeat(total - text.length) + text.slice(sign.length));
    },
    partition(self, args) {
      const text = s(self);
      const sep = arg(args[0], 'partition');
      const i = text.indexOf(sep);
      return rt.newTuple(i < 0 ? [self, rt.emptyString, rt.emptyString] : [rt.str(text.slice(0, i)), args[0], rt.str(text.slice(i + sep.length))]);
    },
    rpartition(self, args) {
      const text = s(self);
      const sep = arg(args[0], 'rpartition');
      const i = text.lastIndexOf(sep);
      return rt.newTuple(i < 0 ? [rt.emptyString, rt.emptyString, self] : [rt.str(text.slice(0, i)), args[0], rt.str(text.slice(i + sep.length))]);
    },
    encode: (self) => rt.bytes(new TextEncoder().encode(s(self))),
    removeprefix: (self, args) => same(self, s(self).startsWith(arg(args[0], '')) ? s(self).slice(arg(args[0], '').length) : s(self)),
    removesuffix: (self, args) => same(self, arg(args[0], '') && s(self).endsWith(arg(args[0], '')) ? s(self).slice(0, -arg(args[0], '').length) : s(self)),
    expandtabs: (self, args, kwargs) => {
      // Each tab moves to the next multiple of tabsize; newlines restart the column.
      const size = Number(((args[0] ?? kwargs?.get('tabsize') ?? rt.int(8)) as PyInt).value);
      let column = 0;
      let out = '';
      for (const ch of s(self)) {
        if (ch === '\t') {
          const spaces = size > 0 ? size - (column % size) : 0;
          checkLength(rt, 'str', out.length + spaces);
          out += ' '.repeat(spaces);
          column += spaces;
        } else {
          out += ch;
          column = ch === '\n' || ch === '\r' ? 0 : column + 1;
        }
      }
      return rt.str(out);
    },
  };
  const methods: Record<string, NativeFunction> = {};
  for (const [name, fn] of Object.entries(table)) methods[name] = (args, kwargs) => fn(args[0], args.slice(1), kwargs);
  rt.types.str.native = { methods };
}

/** str.format: positional {} / {0}, keywords {name}, attribute and index lookups, specs and !r/!s. */
export function formatTemplate(rt: Runtime, template: string, args: readonly PyObject[], kwargs: ReadonlyMap<string, PyObject> | null): string {
  let auto = 0;
  /** Whether the template numbers its fields by hand (null until the first numbered field). */
  let numbering: boolean | null = null;
  const p = rt.vm.p;
  let result = '';
  p.run(() => {
    result = replaceFields();
  });
  return result;

  function replaceFields(): string {
  return template.replace(/\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::([^{}]*))?\}/g, (m, field: string | undefined, conversion: string | undefined, spec: string | undefined) => {
    if (m === '{{') return '{';
    if (m === '}}') return '}';
    const name = field ?? '';
    const [head, ...rest] = name.split(/(?=[.[])/);
    let value: PyObject;
    // One template numbers its fields either automatically or by hand, never both.
    if (head === '' || /^\d+$/.test(head)) {
      const manual = head !== '';
      if (numbering !== null && numbering !== manual) throw rt.error('ValueError', manual ? 'cannot switch from automatic field numbering to manual field specification' : 'cannot switch from manual field specification to automatic field numbering');
      numbering = manual;
    }
    if (head === '') value = args[auto++];
    else if (/^\d+$/.test(head)) value = args[parseInt(head, 10)];
    else {
      const kw = kwargs?.get(head);
      if (kw === undefined) throw rt.vm.raiseObject(p.instantiateException(rt.types.exceptions.get('KeyError')!, [rt.str(head)]));
      value = kw;
    }
    if (value === undefined) throw rt.error('IndexError', `Replacement index ${head === '' ? auto - 1 : head} out of range for positional args tuple`);
    for (const part of rest) {
      if (part.startsWith('.')) value = p.own(p.getattr(value, part.slice(1)));
      else {
        const key = part.slice(1, -1);
        value = p.own(p.getitem(value, p.own(/^\d+$/.test(key) ? rt.int(parseInt(key, 10)) : rt.str(key))));
      }
    }
    if (conversion === 'r' || conversion === 'a') return format(rt, p.own(rt.str(p.repr(value))), spec ?? '');
    if (conversion === 's') return format(rt, p.own(rt.str(str(rt, value))), spec ?? '');
    return format(rt, value, spec ?? '');
  });
  }
}
