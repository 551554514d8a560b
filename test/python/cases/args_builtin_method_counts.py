# category: robustness
# what: every builtin method called with 0 to 4 arguments raises CPython's TypeError for a wrong count (`x.append()` typed half-way is an error, never a crash)
def gen():
    yield 1

def arity_message(call):
    try:
        call()
    except TypeError as e:
        text = str(e)
        if 'takes' in text or 'expected' in text or 'missing' in text or 'given' in text:
            return text
    except Exception:
        pass
    return None

samples = [
    ('int', lambda: 5, ['bit_length', 'bit_count', 'as_integer_ratio', 'to_bytes', 'conjugate']),
    ('float', lambda: 1.5, ['is_integer', 'conjugate']),
    ('str', lambda: 'abc', ['join', 'split', 'rsplit', 'splitlines', 'strip', 'lstrip', 'rstrip', 'upper', 'lower', 'casefold',
                            'swapcase', 'title', 'capitalize', 'replace', 'startswith', 'endswith', 'find', 'rfind', 'index',
                            'rindex', 'count', 'isdigit', 'isdecimal', 'isnumeric', 'isalpha', 'isalnum', 'isspace', 'isupper',
                            'islower', 'isidentifier', 'center', 'ljust', 'rjust', 'zfill', 'partition', 'rpartition', 'encode',
                            'removeprefix', 'removesuffix', 'expandtabs']),
    ('bytes', lambda: b'abc', ['decode', 'hex', 'upper', 'strip', 'split', 'join', 'replace', 'startswith', 'find', 'count',
                               'partition', 'center', 'zfill', 'expandtabs', 'removeprefix', 'translate', 'isascii', 'istitle']),
    ('bytearray', lambda: bytearray(b'abc'), ['append', 'extend', 'pop', 'insert', 'remove', 'clear', 'reverse', 'copy', 'find']),
    ('list', lambda: [], ['append', 'extend', 'insert', 'pop', 'remove', 'clear', 'copy', 'index', 'count', 'reverse', 'sort']),
    ('tuple', lambda: (), ['index', 'count']),
    ('dict', lambda: {}, ['get', 'keys', 'values', 'items', 'pop', 'popitem', 'setdefault', 'update', 'clear', 'copy']),
    ('set', lambda: set(), ['add', 'discard', 'remove', 'pop', 'clear', 'copy', 'symmetric_difference', 'issubset',
                            'issuperset', 'isdisjoint', 'symmetric_difference_update']),
    ('frozenset', lambda: frozenset(), ['copy', 'symmetric_difference', 'issubset', 'issuperset', 'isdisjoint']),
    ('range', lambda: range(3), ['index', 'count']),
    ('generator', gen, ['send', 'close']),
    ('dict_keys', lambda: {}.keys(), ['isdisjoint']),
    ('list_iterator', lambda: iter([]), ['__next__']),
]
for type_name, make, names in samples:
    for name in names:
        for count in range(5):
            message = arity_message(lambda: getattr(make(), name)(*[0] * count))
            if message is not None:
                print(f'{type_name}.{name} with {count}: {message}')

print(arity_message(lambda: gen().throw()))
print(arity_message(lambda: gen().throw(ValueError, 1, None, 4)))
print(arity_message(lambda: dict.fromkeys()))
print(arity_message(lambda: int.from_bytes()))
print(arity_message(lambda: bytes.maketrans(b'a')))
print(arity_message(lambda: [].sort(1)))
print(arity_message(lambda: [].sort(1, 2, 3)))
print(arity_message(lambda: 'a'.split(1, sep=1)))
print(arity_message(lambda: 'a'.find(x=1)))
print(arity_message(lambda: {}.get(1, x=2)))
print(arity_message(lambda: 'a'.expandtabs(1, tabsize=2)))
try:
    'a'.split(x=1)
except TypeError as e:
    print(e)
d = {}
d.update(a=1)
print(d)
