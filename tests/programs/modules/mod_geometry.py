# Module used by the import tests (not a program: mod_*.py files are skipped).
print("mod_geometry: loading, __name__ =", __name__)
PI_ISH = 3.14159
_calls = 0
def area_circle(r):
    global _calls
    _calls += 1
    return PI_ISH * r * r
def area_rect(w, h):
    global _calls
    _calls += 1
    return w * h
def call_count():
    return _calls
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2
if __name__ == "__main__":
    print("mod_geometry run as a script")
