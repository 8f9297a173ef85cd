# isinstance, issubclass, type, hasattr, getattr, setattr, callable-ish checks, object().
class Node:
    kind = "node"
    def __init__(self, v):
        self.v = v
    def double(self):
        return self.v * 2
n = Node(21)
print(hasattr(n, "v"), hasattr(n, "w"), hasattr(n, "double"), hasattr(Node, "kind"), hasattr(Node, "double"))
print(getattr(n, "v"), getattr(n, "w", "fallback"), getattr(n, "double")(), getattr(Node, "kind"))
setattr(n, "w", [1, 2])
print(n.w, getattr(n, "w"))
for attr in ["a", "b", "c"]:
    setattr(n, attr, attr * 3)
print([getattr(n, a) for a in ["a", "b", "c"]])
try:
    getattr(n, "missing")
except AttributeError as e:
    print("AttributeError:", e)
o = object()
print(type(o).__name__, isinstance(o, object), isinstance(n, object), o == o, o is not object())
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(3, (str, int)), isinstance("s", (int, float)), issubclass(Node, object), issubclass(int, (str, object)))
print(type(n) is Node, type(n).__name__, type(Node).__name__)
methods = {name: getattr("a,b", name) for name in ["upper", "split"]}
print(methods["upper"](), methods["split"](","))
class Config:
    pass
cfg = Config()
for key, value in [("host", "localhost"), ("port", 8080), ("debug", True)]:
    setattr(cfg, key, value)
print(cfg.host, cfg.port, cfg.debug, getattr(cfg, "timeout", 30))
