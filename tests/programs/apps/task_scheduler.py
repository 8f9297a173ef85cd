# scheduling simulation with generators as coroutines
class Task:
    _ids = 0
    def __init__(self, name, gen, prio=0):
        Task._ids += 1
        self.id = Task._ids
        self.name, self.gen, self.prio = name, gen, prio
        self.sendval = None
        self.done = False
    def __lt__(self, other):
        return (self.prio, self.id) < (other.prio, other.id)
    def __repr__(self):
        return f"<Task {self.id}:{self.name} p={self.prio}>"

def heappush(h, x):
    h.append(x)
    i = len(h) - 1
    while i > 0:
        p = (i - 1) // 2
        if h[i] < h[p]:
            h[i], h[p] = h[p], h[i]
            i = p
        else:
            break
def heappop(h):
    last = h.pop()
    if not h:
        return last
    top, h[0] = h[0], last
    i, n = 0, len(h)
    while True:
        l, r, m = 2 * i + 1, 2 * i + 2, i
        if l < n and h[l] < h[m]: m = l
        if r < n and h[r] < h[m]: m = r
        if m == i: break
        h[i], h[m] = h[m], h[i]
        i = m
    return top

class Scheduler:
    def __init__(self):
        self.ready = []
        self.log = []
        self.results = {}
    def spawn(self, name, gen, prio=0):
        t = Task(name, gen, prio)
        heappush(self.ready, t)
        return t
    def run(self):
        steps = 0
        while self.ready:
            t = heappop(self.ready)
            steps += 1
            try:
                req = t.gen.send(t.sendval)
            except StopIteration as e:
                self.results[t.name] = e.value
                self.log.append(f"{t.name} finished -> {e.value!r}")
                continue
            except Exception as e:
                self.log.append(f"{t.name} crashed: {type(e).__name__}: {e}")
                continue
            kind, *args = req
            if kind == "yield":
                t.sendval = steps
                heappush(self.ready, t)
            elif kind == "nice":
                t.prio += args[0]
                t.sendval = t.prio
                heappush(self.ready, t)
            elif kind == "spawn":
                child = self.spawn(*args)
                t.sendval = child.id
                heappush(self.ready, t)
            else:
                t.gen.close()
                self.log.append(f"{t.name} bad request {kind!r}")
        return steps

def worker(n, fail_at=None):
    acc = 0
    for i in range(n):
        got = yield ("yield",)
        acc += got
        if i == fail_at:
            raise RuntimeError(f"failed at {i}")
    return acc
def parent():
    cid = yield ("spawn", "child", worker(2), -1)
    p = yield ("nice", 5)
    total = yield from worker(3)
    return (cid, p, total)
def bad():
    yield ("explode",)
    print("never")

s = Scheduler()
s.spawn("w1", worker(3))
s.spawn("w2", worker(4, fail_at=2), 1)
s.spawn("parent", parent())
s.spawn("bad", bad(), 2)
print(s.run())
print("\n".join(s.log))
print(sorted(s.results.items()))
