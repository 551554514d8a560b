# category: scope-lifetime
# what: the exception bound by except-as is released at the end of the handler
class Err(Exception):
    def __del__(self):
        print("exception freed")
try:
    raise Err()
except Err as e:
    print("handling")
print("after handler")
