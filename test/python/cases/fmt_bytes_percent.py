# category: everyday
# what: bytes % args as PEP 461 has it (%s and %b take bytes, %r and %a give ascii(), %c takes an int or one byte), and str's %a
checks = [lambda: b'%d-%s' % (5, b'x'), lambda: b'%s' % 'x', lambda: b'%r' % 'x', lambda: b'%a' % 'é', lambda: b'%c' % 65, lambda: b'%c' % b'z', lambda: b'%5.1f|%x' % (2.25, 255), lambda: b'%s' % bytearray(b'q'), lambda: b'%(k)s' % {b'k': b'v'}, lambda: bytearray(b'%d') % 3, lambda: b'%s' % 5, lambda: b'%b' % b'y', lambda: b'100%%' % (), lambda: '%a' % 'é', lambda: 'x%b' % 1, lambda: b'%c' % 300]
for c in checks:
    try:
        print(repr(c()))
    except Exception as e:
        print(type(e).__name__, e)
