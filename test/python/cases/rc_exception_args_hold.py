# category: refcount-basic
# what: an exception instance keeps its arguments alive in its args tuple
import sys
payload = ["data"]
err = ValueError(payload, 2)
print(sys.getrefcount(payload))
print(err.args[0] is payload, len(err.args))
del err
print(sys.getrefcount(payload))
