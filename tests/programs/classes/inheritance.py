# Single and multi-level inheritance, overriding, calling base methods explicitly.
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def intro(self):
        return "%s the %s says %s" % (self.name, self.kind, self.speak())
class Dog(Animal):
    kind = "dog"
    def speak(self):
        return "woof"
class Puppy(Dog):
    kind = "puppy"
    def speak(self):
        return Dog.speak(self) + " (squeaky)"
class Cat(Animal):
    kind = "cat"
    def __init__(self, name, indoor):
        Animal.__init__(self, name)
        self.indoor = indoor
    def speak(self):
        return "meow" if self.indoor else "hiss"
zoo = [Animal("generic"), Dog("rex"), Puppy("bit"), Cat("tom", True), Cat("ali", False)]
for a in zoo:
    print(a.intro())
for a in zoo:
    print(type(a).__name__, isinstance(a, Animal), isinstance(a, Dog), isinstance(a, Cat))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, Dog), issubclass(Dog, object))
class Base:
    def template(self):
        return [self.step1(), self.step2()]
    def step1(self):
        return "base1"
    def step2(self):
        return "base2"
class Mid(Base):
    def step1(self):
        return "mid1"
class Leaf(Mid):
    def step2(self):
        return "leaf2"
print(Base().template(), Mid().template(), Leaf().template())
class A:
    def who(self):
        return "A"
class B(A):
    pass
class C(B):
    pass
print(C().who(), C.__name__, isinstance(C(), A))
