/**
 * The math module (Modules/mathmodule.c): the functions whose results are exact or
 * correctly rounded, so that they print what CPython prints on any machine — constants,
 * sqrt, floor/ceil/trunc, the integer functions (factorial, gcd, lcm, isqrt, comb, perm),
 * fsum (Shewchuk's exact partials, as CPython), prod, isclose and the float utilities
 * (fabs, copysign, fmod, remainder, modf, frexp, ldexp, ulp, nextafter, degrees, radians).
 * pow uses the same float power as the `**` operator. The transcendental functions (exp,
 * log, sin...) and hypot/dist stop the run: their last digit comes from the C library.
 */
import { PyFloat, PyInt } from '../objects/atoms';
import type { NativeFunction, PyObject } from '../objects/base';
import { PyFunction } from '../objects/callables';
import { typeLookup } from '../runtime/attributes';
import { asIndex } from '../runtime/items';
import { checkIntBits } from '../runtime/limits';
import type { Runtime } from '../runtime/runtime';

type Put = (key: string, value: PyObject) => void;
type Fn = (key: string, impl: NativeFunction) => void;

/** Functions of math whose results depend on the platform's libm: not simulated. */
const LIBM = ['exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'erf', 'erfc', 'gamma', 'lgamma', 'cbrt', 'hypot', 'dist', 'sumprod', 'fma'];

export function installMath(rt: Runtime, put: Put, fn: Fn): void {
  const p = rt.vm.p;
  const domainError = () => rt.error('ValueError', 'math domain error');
  const rangeError = () => rt.error('OverflowError', 'math range error');

  /** PyFloat_AsDouble: a float, an int that fits, or an object with __float__ / __index__. */
  const real = (o: PyObject): number => {
    if (o instanceof PyFloat) return o.value;
    if (o instanceof PyInt) {
      const x = Number(o.value);
      if (!Number.isFinite(x)) throw rt.error('OverflowError', 'int too large to convert to float');
      return x;
    }
    if (o.cls.isHeapType) {
      const m = typeLookup(rt, o.cls, '__float__');
      if (m instanceof PyFunction) {
        const r = p.call(m, [o], null);
        if (!(r instanceof PyFloat)) throw rt.error('TypeError', `${o.cls.name}.__float__ returned non-float (type ${r.cls.name})`);
        return r.value;
      }
      const index = asIndex(rt, o);
      if (index !== null) return index;
    }
    throw rt.error('TypeError', `must be real number, not ${o.cls.name}`);
  };
  /** PyNumber_Index for the integer functions. */
  const integer = (o: PyObject): bigint => {
    if (o instanceof PyInt) return BigInt(o.value);
    const index = asIndex(rt, o);
    if (index === null) throw rt.error('TypeError', `'${o.cls.name}' object cannot be interpreted as an integer`);
    return BigInt(index);
  };
  const int = (v: bigint): PyObject => rt.int(v);
  /** A float result from finite arguments: NaN is a domain error, an infinity a range error. */
  const checked = (result: number, ...inputs: number[]): PyObject => {
    if (Number.isNaN(result) && !inputs.some(Number.isNaN)) throw domainError();
    if (!Number.isFinite(result) && !Number.isNaN(result) && inputs.every(Number.isFinite)) throw rangeError();
    return rt.float(result);
  };
  /** The int a float rounds to by `toInt`; CPython's errors for infinities and NaN. */
  const floatToInt = (x: number, toInt: (x: number) => number): PyObject => {
    if (Number.isNaN(x)) throw rt.error('ValueError', 'cannot convert float NaN to integer');
    if (!Number.isFinite(x)) throw rt.error('OverflowError', 'cannot convert float infinity to integer');
    const r = toInt(x);
    return rt.int(Number.isSafeInteger(r) ? r : BigInt(r));
  };
  /** floor, ceil and trunc: an int as it is, a float rounded, else the type's own __floor__ / __ceil__ / __trunc__. */
  const rounding = (name: 'floor' | 'ceil' | 'trunc', toInt: (x: number) => number): NativeFunction => (args) => {
    const x = args[0];
    if (x instanceof PyInt) return x.cls === rt.types.int ? x : rt.int(x.value);
    if (x instanceof PyFloat && x.cls === rt.types.float) return floatToInt(x.value, toInt);
    const method = typeLookup(rt, x.cls, `__${name}__`);
    if (method instanceof PyFunction) return p.call(method, [x], null);
    if (name === 'trunc') throw rt.error('TypeError', `type ${x.cls.name} doesn't define __trunc__ method`);
    return floatToInt(real(x), toInt);
  };

  put('pi', rt.float(Math.PI));
  put('e', rt.float(Math.E));
  put('tau', rt.float(2 * Math.PI));
  put('inf', rt.float(Infinity));
  put('nan', rt.float(NaN));

  fn('sqrt', (args) => {
    const x = real(args[0]);
    if (x < 0) throw domainError();
    return rt.float(Math.sqrt(x));
  });
  fn('floor', rounding('floor', Math.floor));
  fn('ceil', rounding('ceil', Math.ceil));
  fn('trunc', rounding('trunc', Math.trunc));
  fn('fabs', (args) => rt.float(Math.abs(real(args[0]))));
  fn('copysign', (args) => {
    const x = Math.abs(real(args[0]));
    const y = real(args[1]);
    return rt.float(y < 0 || Object.is(y, -0) || (Number.isNaN(y) && signBit(y)) ? -x : x);
  });
  fn('isfinite', (args) => rt.bool(Number.isFinite(real(args[0]))));
  fn('isinf', (args) => {
    const x = real(args[0]);
    return rt.bool(x === Infinity || x === -Infinity);
  });
  fn('isnan', (args) => rt.bool(Number.isNaN(real(args[0]))));
  fn('degrees', (args) => checked(real(args[0]) * (180 / Math.PI), real(args[0])));
  fn('radians', (args) => rt.float(real(args[0]) * (Math.PI / 180)));
  fn('fmod', (args) => {
    const [x, y] = [real(args[0]), real(args[1])];
    if (Number.isFinite(x) && !Number.isFinite(y) && !Number.isNaN(y)) return rt.float(x);
    return checked(x % y, x, y);
  });
  fn('remainder', (args) => rt.float(remainder(real(args[0]), real(args[1]), domainError)));
  fn('modf', (args) => {
    const x = real(args[0]);
    if (!Number.isFinite(x)) return rt.newTuple([rt.float(Number.isNaN(x) ? x : x > 0 ? 0 : -0), rt.float(x)]);
    const whole = Math.trunc(x);
    const fraction = x - whole;
    return rt.newTuple([rt.float(fraction === 0 && (x < 0 || Object.is(x, -0)) ? -0 : fraction), rt.float(whole)]);
  });
  fn('frexp', (args) => {
    const [m, e] = frexp(real(args[0]));
    return rt.newTuple([rt.float(m), rt.int(e)]);
  });
  fn('ldexp', (args) => {
    const x = real(args[0]);
    const e = args[1];
    if (!(e instanceof PyInt)) throw rt.error('TypeError', 'Expected an int as second argument to ldexp.');
    if (x === 0 || !Number.isFinite(x)) return rt.float(x);
    const exp = Number(e.value);
    const result = ldexp(x, exp);
    if (!Number.isFinite(result)) throw rangeError();
    return rt.float(result);
  });
  fn('ulp', (args) => rt.float(ulp(real(args[0]))));
  fn('nextafter', (args, kwargs) => {
    if (kwargs !== null && kwargs.size > 0) throw rt.stop('unsupported', 'math.nextafter(steps=...) is not simulated');
    return rt.float(nextAfter(real(args[0]), real(args[1])));
  });
  fn('pow', (args) => {
    const [x, y] = [real(args[0]), real(args[1])];
    // math_pow's special cases, then the same float power as the ** operator.
    if (x === 0 && y < 0 && Number.isFinite(y)) throw domainError();
    if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) throw domainError();
    if (x === 1 || y === 0) return rt.float(1);
    if (Number.isNaN(x) || Number.isNaN(y)) return rt.float(NaN);
    return checked(x ** y, x, y);
  });
  fn('isclose', (args, kwargs) => {
    const a = real(args[0]);
    const b = real(args[1]);
    const relTol = kwargs?.get('rel_tol');
    const absTol = kwargs?.get('abs_tol');
    const rel = relTol === undefined ? 1e-9 : real(relTol);
    const abs = absTol === undefined ? 0 : real(absTol);
    if (rel < 0 || abs < 0) throw rt.error('ValueError', 'tolerances must be non-negative');
    if (a === b) return rt.bool(true);
    if (!Number.isFinite(a) || !Number.isFinite(b)) return rt.bool(false);
    const diff = Math.abs(b - a);
    return rt.bool((diff <= Math.abs(rel * b) || diff <= Math.abs(rel * a)) || diff <= abs);
  });

  fn('factorial', (args) => {
    const x = args[0];
    if (x instanceof PyFloat) {
      // 3.10 still took an integral float, with a DeprecationWarning.
      if (rt.lang.version === '3.10' && Number.isInteger(x.value)) throw rt.stop('unsupported', 'math.factorial() of a float is not simulated');
      throw rt.error('TypeError', "'float' object cannot be interpreted as an integer");
    }
    const n = integer(x);
    if (n < 0n) throw rt.error('ValueError', 'factorial() not defined for negative values');
    checkIntBits(rt, Number(n) * Math.log2(Math.max(2, Number(n))));
    let result = 1n;
    for (let i = 2n; i <= n; i++) result *= i;
    return int(result);
  });
  fn('gcd', (args) => {
    let g = 0n;
    for (const a of args) g = gcd(g, integer(a));
    return int(g);
  });
  fn('lcm', (args) => {
    let l = args.length === 0 ? 1n : 0n;
    args.forEach((a, i) => {
      const v = bigAbs(integer(a));
      l = i === 0 ? v : l === 0n || v === 0n ? 0n : (l / gcd(l, v)) * v;
    });
    return int(l);
  });
  fn('isqrt', (args) => {
    const n = integer(args[0]);
    if (n < 0n) throw rt.error('ValueError', 'isqrt() argument must be nonnegative');
    return int(isqrt(n));
  });
  fn('comb', (args) => {
    const n = integer(args[0]);
    const k = integer(args[1]);
    if (n < 0n) throw rt.error('ValueError', 'n must be a non-negative integer');
    if (k < 0n) throw rt.error('ValueError', 'k must be a non-negative integer');
    if (k > n) return int(0n);
    const m = k < n - k ? k : n - k;
    checkIntBits(rt, Number(m) * Math.log2(Math.max(2, Number(n))));
    let result = 1n;
    for (let i = 1n; i <= m; i++) result = (result * (n - m + i)) / i;
    return int(result);
  });
  fn('perm', (args) => {
    const n = integer(args[0]);
    if (args[1] === undefined || args[1] === rt.none) {
      if (n < 0n) throw rt.error('ValueError', 'n must be a non-negative integer');
      checkIntBits(rt, Number(n) * Math.log2(Math.max(2, Number(n))));
      let result = 1n;
      for (let i = 2n; i <= n; i++) result *= i;
      return int(result);
    }
    const k = integer(args[1]);
    if (n < 0n) throw rt.error('ValueError', 'n must be a non-negative integer');
    if (k < 0n) throw rt.error('ValueError', 'k must be a non-negative integer');
    if (k > n) return int(0n);
    checkIntBits(rt, Number(k) * Math.log2(Math.max(2, Number(n))));
    let result = 1n;
    for (let i = n - k + 1n; i <= n; i++) result *= i;
    return int(result);
  });
  fn('prod', (args, kwargs) => {
    let total: PyObject = kwargs?.get('start') ?? rt.int(1);
    return p.scope(() => {
      const it = p.own(p.getIter(args[0]));
      for (;;) {
        const item = p.next(it);
        if (item === null) break;
        p.own(item);
        total = p.own(p.binaryOp(2, total, item, false));
      }
      return total;
    });
  });
  fn('fsum', (args) => {
    const values: number[] = [];
    p.scope(() => {
      const it = p.own(p.getIter(args[0]));
      for (;;) {
        const item = p.next(it);
        if (item === null) break;
        values.push(real(p.own(item)));
      }
      return null;
    });
    return rt.float(fsum(values, (message, type) => rt.error(type, message)));
  });

  for (const name of LIBM) {
    if (name === 'exp2' || name === 'cbrt') {
      if (rt.lang.version === '3.10') continue;
    }
    if (name === 'sumprod' && (rt.lang.version === '3.10' || rt.lang.version === '3.11')) continue;
    if (name === 'fma' && rt.lang.version !== '3.14') continue;
    fn(name, () => {
      throw rt.stop('unsupported', `math.${name}() is not simulated (its last digit comes from the C library)`);
    });
  }
}

/** The sign bit, which NaN and -0.0 carry too. */
function signBit(x: number): boolean {
  return new Uint8Array(new Float64Array([x]).buffer)[7] >= 0x80;
}

function bigAbs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

function gcd(a: bigint, b: bigint): bigint {
  a = bigAbs(a);
  b = bigAbs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Newton from a close start; then correct the last step either way.
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

/** frexp: x = m * 2**e with 0.5 <= |m| < 1 (0, infinities and NaN as they are, with e 0). */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  let exponent = (view.getUint16(0) >> 4) & 0x7ff;
  let shift = 0;
  if (exponent === 0) {
    // Subnormal: scale into the normal range first.
    view.setFloat64(0, x * 2 ** 64);
    exponent = (view.getUint16(0) >> 4) & 0x7ff;
    shift = -64;
  }
  const e = exponent - 1022 + shift;
  view.setUint16(0, (view.getUint16(0) & 0x800f) | (1022 << 4));
  return [view.getFloat64(0), e];
}

/** ldexp: x * 2**e, exact in the normal range and rounded once into the subnormals. */
function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const [m, me] = frexp(x);
  const t = me + e;
  if (t > 1024) return x > 0 ? Infinity : -Infinity;
  if (t <= -1075) return x > 0 ? 0 : -0;
  if (t >= -1021) return m * 2 * 2 ** (t - 1);
  return m * 2 ** t;
}

function ulp(x: number): number {
  if (Number.isNaN(x)) return x;
  x = Math.abs(x);
  if (x === Infinity) return x;
  const next = nextAfter(x, Infinity);
  if (next === Infinity) return x - nextAfter(x, -Infinity);
  return next - x;
}

function nextAfter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  let bits = view.getBigUint64(0);
  bits += (y > x) === (x > 0) ? 1n : -1n;
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

/** m_remainder: the IEEE 754 remainder, x - n*y with n the nearest integer to x/y (ties to even). */
function remainder(x: number, y: number, domainError: () => Error): number {
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (!Number.isFinite(x) || y === 0) throw domainError();
  if (!Number.isFinite(y)) return x;
  const absx = Math.abs(x);
  const absy = Math.abs(y);
  const m = absx % absy;
  const c = absy - m;
  let r: number;
  if (m < c) r = m;
  else if (m > c) r = -c;
  else r = m - 2 * ((0.5 * (absx - m)) % absy);
  return x < 0 ? -r : r;
}

/** math_fsum: Shewchuk's exact partial sums, rounded once at the end as CPython rounds them. */
function fsum(values: readonly number[], error: (message: string, type: 'ValueError' | 'OverflowError') => Error): number {
  const partials: number[] = [];
  let specialSum = 0;
  let infSum = 0;
  for (const value of values) {
    let x = value;
    if (!Number.isFinite(x)) {
      if (Number.isNaN(x) === false) infSum += x;
      specialSum += x;
      continue;
    }
    let i = 0;
    for (const yInitial of partials) {
      let y = yInitial;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    partials.length = i;
    if (x !== 0) {
      if (!Number.isFinite(x)) {
        // An intermediate sum overflowed: CPython reports it unless an infinity was given.
        throw error('intermediate overflow in fsum', 'OverflowError');
      }
      partials.push(x);
    }
  }
  if (specialSum !== 0) {
    if (Number.isNaN(infSum)) throw error('-inf + inf in fsum', 'ValueError');
    return specialSum;
  }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n];
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n];
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Half-way cases: make the rounding of hi + lo correct, as CPython does.
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}
