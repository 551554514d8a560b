# category: everyday
# what: details of the builtins as CPython has them: index() with start and stop, '#010x' pads after the prefix, '_' groups hex digits by four, zero padding is grouped, Unicode digits and numerals
items = [1, 2, 3, 2]
print(items.index(2, 2), items.index(2, -1), items.index(1, -10), items.index(2, 0, 2), (1, 2, 1).index(1, 1))
for args in [(2, 0, 1), (2, 4)]:
    try:
        items.index(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    (1, 2).index(5, 1)
except ValueError as e:
    print("ValueError:", e)
for spec in ['#010x', '>#8x', '#b', '_x', '#_x', '_b', '08,', '#012_b', '^#10X', '+#06x']:
    print(repr(spec), format(255, spec), format(-123456, spec))
for spec in ['010,.2f', '012,.1f', '_.2f', '015_.3e', ',g', '+012,.1f', ',.0f']:
    print(repr(spec), format(1234567.891, spec), format(-12.5, spec))
for text in ['123', '٣٤', '²', '①', 'Ⅷ', '½', '一二三', '12a', '']:
    print(repr(text), text.isdecimal(), text.isdigit(), text.isnumeric())
