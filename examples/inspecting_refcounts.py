# The count that getrefcount() reports, with an alias and after deleting it.
# (From "Mastering Python Reference Counting and Object Lifecycle Management".)
import sys

# Create a list object and assign it to a variable
user_data = ["session_id", "user_ip", "timestamp"]

# The count is often higher than expected due to temporary references
# like the one passed to the getrefcount function itself
initial_count = sys.getrefcount(user_data)
print(f"Initial count: {initial_count}")

# Creating a new reference increases the count
data_alias = user_data
print(f"Count after alias: {sys.getrefcount(user_data)}")

# Removing a reference decreases the count
del data_alias
print(f"Count after deletion: {sys.getrefcount(user_data)}")
