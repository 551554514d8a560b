# category: everyday
# what: ints meet floats exactly: big-int true division correctly rounded, OverflowError when an int does not fit a float, exact int/float comparisons
checks = [
    ('float(10**400)', lambda: float(10**400)),
    ('10**400 / 1', lambda: 10**400 / 1),
    ('10**400 + 1.0', lambda: 10**400 + 1.0),
    ('1.0 * 10**400', lambda: 1.0 * 10**400),
    ('10**400 // 3 / 10**390', lambda: 10**400 // 3 / 10**390),
    ('(2**53 + 1) / 1', lambda: (2**53 + 1) / 1),
    ('(2**60 + 3) / 7', lambda: (2**60 + 3) / 7),
    ('-(10**30) / 7', lambda: -(10**30) / 7),
    ('1 / 10**400', lambda: 1 / 10**400),
    ('0 / -5', lambda: 0 / -5),
    ('(2**1024 - 1) / 1', lambda: (2**1024 - 1) / 1),
    ('12345678901234567890123 / 98765432109876543', lambda: 12345678901234567890123 / 98765432109876543),
    ('-7**99 / 11**90', lambda: -7**99 / 11**90),
    ('float(2**1024 - 2**970)', lambda: float(2**1024 - 2**970)),
    ('float(2**1024 - 2**971)', lambda: float(2**1024 - 2**971)),
    ('(2**1074 + 1) / 2**2148', lambda: (2**1074 + 1) / 2**2148),
    ('2**53 + 1 == 2.0**53', lambda: 2**53 + 1 == 2.0**53),
    ('2.0**53 < 2**53 + 1', lambda: 2.0**53 < 2**53 + 1),
    ("10**400 > float('inf')", lambda: 10**400 > float('inf')),
    ("-10**400 < float('-inf')", lambda: -10**400 < float('-inf')),
    ('2**60 + 0.5 == 2**60', lambda: 2**60 + 0.5 == 2**60),
    ('-1.5 > -2', lambda: -1.5 > -2),
    ("{2**53+1: 'a'}.get(2.0**53)", lambda: {2**53+1: 'a'}.get(2.0**53)),
    ('(2**53+1) in {2.0**53}', lambda: (2**53+1) in {2.0**53}),
    ('sorted([2**53+1, 2.0**53, 2**53])', lambda: sorted([2**53+1, 2.0**53, 2**53])),
]
for text, check in checks:
    try:
        print(text, '=', repr(check()))
    except OverflowError as e:
        print(text, '!!', e)
