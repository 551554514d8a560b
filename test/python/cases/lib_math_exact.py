# category: everyday
# what: the math module's exact functions print what CPython prints: sqrt, floor/ceil on ints and floats, the integer functions, fsum's exact sums, errors worded as CPython
import math, sys
print(math.pi, math.tau, math.inf, math.sqrt(2), math.sqrt(16))
x = 12345
print(math.floor(x) is x, math.floor(-2.5), math.ceil(2.1), math.trunc(-3.9), type(math.floor(2.0)).__name__)
print(math.factorial(25), math.gcd(12, 18, -30), math.lcm(4, 6), math.isqrt(10**20 + 1))
print(math.comb(50, 25), math.perm(5, 2), math.perm(4), math.prod(range(1, 8), start=2))
print(sum([0.1] * 10), math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.isclose(0.1 + 0.2, 0.3), 0.1 + 0.2 == 0.3, math.isclose(1, 1.1, rel_tol=0.2))
print(math.frexp(0.1), math.ldexp(0.5, 4), math.modf(-2.5), math.fmod(-7, 3), math.remainder(7, 3))
print(math.ulp(1.0), math.nextafter(1, 2), math.copysign(3, -0.0), math.degrees(math.pi), math.radians(180))
print(math.pow(2, 10), math.pow(2, 0.5), 2 ** 0.5 == math.pow(2, 0.5))
for bad in (lambda: math.sqrt(-1), lambda: math.factorial(-1), lambda: math.floor(math.nan), lambda: math.floor(math.inf),
            lambda: math.isqrt(-4), lambda: math.comb(-1, 2), lambda: math.pow(0, -1), lambda: math.sqrt("4"),
            lambda: math.fsum([1e308, 1e308]), lambda: math.ldexp(1, 2000), lambda: math.prod(), lambda: math.isclose(1)):
    try:
        bad()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ":", e)
y = math.fabs(-2.5)
print(sys.getrefcount(y), 'sqrt' in dir(math))
