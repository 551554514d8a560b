# category: classes-slots
# what: attribute lookup walks instance, class, then bases
class Animal:
    sound = "..."
    legs = 4
    def speak(self):
        return f"{type(self).__name__} says {self.sound}"
class Dog(Animal):
    sound = "woof"
class Bird(Animal):
    legs = 2
d, b = Dog(), Bird()
print(d.speak(), b.speak())
print(d.legs, b.legs)
print(isinstance(d, Animal), issubclass(Bird, Dog))
b.sound = "tweet"
print(b.speak(), Bird.sound)
