# category: everyday
# what: assert raises AssertionError with its message
def check(v):
    assert v > 0, f"value {v} must be positive"
    return v
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e.args)
