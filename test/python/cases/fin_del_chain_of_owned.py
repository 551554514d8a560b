# category: finalizers
# what: a linked list of objects is finalized head first when the head is dropped
class Node:
    def __init__(self, n, nxt=None):
        self.n = n
        self.nxt = nxt
    def __del__(self):
        print("del", self.n)
head = None
for i in range(4):
    head = Node(i, head)
print("dropping head", head.n)
head = None
print("end")
