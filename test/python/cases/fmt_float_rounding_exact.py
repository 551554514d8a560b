# category: everyday
# what: float formatting and round() work from the double's exact value, ties to even: '%.0f' % 2.5 is '2', 0.125 rounds to 0.12, 2.675 to 2.67, 1e22 prints in full, round(1250, -2) is 1200
values = [2.5, 0.125, 0.375, 2.675, 9.995, 1e22, 99999.5, 0.00001234, 5e-324, 1e-299, 123.0, 100.0, -0.0]
for v in values:
    print(repr(v), format(v, '.0f'), format(v, '.2f'), format(v, '.3e'), format(v, '.5g'), format(v, '.17g'), format(v, '.3'), format(v, '#.3g'))
print('%.0f %.0f %.2f %e %g' % (2.5, 3.5, 0.125, 1e100, 1e-5))
print(f"{12.5:.0f} {13.5:.0f} {1e21:.1f} {0.5:.0%} {1/3:.2%} {1234567.891:,.2f} {-2.5:+.0f}")
print(round(0.125, 2), round(0.375, 2), round(-0.125, 2), round(2.675, 2), round(1234.5, -1), round(1250.0, -2), round(1e22, 2))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(10**20 + 5 * 10**19, -20))
print(round(2.5), round(3.5), round(-2.5), round(1e20), type(round(2.5)).__name__, round(7, 2))
for bad in (float('inf'), float('nan')):
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ':', e)
try:
    round(1.7e308, -308)
except OverflowError as e:
    print('OverflowError:', e)
