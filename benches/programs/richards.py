# Richards-style operating-system simulation: a priority scheduler runs an
# idle task, a worker, two handlers and two devices that pass packets
# through queues, hold, release and wait; prints the queue and hold counts.
# test-size: 2
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, system, ident, priority, queue):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = queue is not None
        self.waiting = False
        self.held = False
        system.add(self)

    def runnable(self):
        return not self.held and (self.pending or not self.waiting)

    def take_packet(self):
        # Returns the first queued packet and marks the task running.
        pkt = self.queue
        self.queue = pkt.link
        self.pending = self.queue is not None
        self.waiting = False
        return pkt

    def receive(self, pkt, sender):
        # A packet arrives; returns the task that should run next.
        if self.queue is None:
            self.queue = pkt
            self.pending = True
            if self.priority > sender.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return sender


class IdleTask(Task):
    def __init__(self, system, count):
        Task.__init__(self, system, IDLE, 0, None)
        self.seed = 1
        self.count = count

    def step(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.system.hold_self()
        if self.seed & 1:
            self.seed = (self.seed >> 1) ^ 0xD008
            return self.system.release(DEVICE_B)
        self.seed >>= 1
        return self.system.release(DEVICE_A)


class WorkerTask(Task):
    def __init__(self, system, queue):
        Task.__init__(self, system, WORKER, 1000, queue)
        self.target = HANDLER_A
        self.letter = 0

    def step(self, pkt):
        if pkt is None:
            return self.system.wait()
        self.target = HANDLER_B if self.target == HANDLER_A else HANDLER_A
        pkt.owner = self.target
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.letter = self.letter % 26 + 1
            pkt.data[i] = self.letter
        return self.system.send(pkt)


class HandlerTask(Task):
    def __init__(self, system, ident, queue):
        Task.__init__(self, system, ident, 2000 + ident, queue)
        self.work = None
        self.devices = None

    def step(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work = pkt.append_to(self.work)
            else:
                self.devices = pkt.append_to(self.devices)
        work = self.work
        if work is not None:
            index = work.datum
            if index >= BUFSIZE:
                self.work = work.link
                return self.system.send(work)
            dev = self.devices
            if dev is not None:
                self.devices = dev.link
                dev.datum = work.data[index]
                work.datum = index + 1
                return self.system.send(dev)
        return self.system.wait()


class DeviceTask(Task):
    def __init__(self, system, ident):
        Task.__init__(self, system, ident, 4000 + ident, None)
        self.holding = None

    def step(self, pkt):
        if pkt is None:
            held = self.holding
            if held is None:
                return self.system.wait()
            self.holding = None
            return self.system.send(held)
        self.holding = pkt
        self.system.trace(pkt.datum)
        return self.system.hold_self()


class System:
    def __init__(self):
        self.tasks = [None] * 6
        self.order = []
        self.current = None
        self.queue_count = 0
        self.hold_count = 0
        self.traced = 0

    def add(self, task):
        self.tasks[task.ident] = task
        self.order.append(task)
        self.order.sort(key=lambda t: -t.priority)

    def trace(self, datum):
        self.traced = (self.traced * 7 + datum) % 1000000007

    def hold_self(self):
        self.hold_count += 1
        self.current.held = True
        return self.next_after(self.current)

    def next_after(self, task):
        order = self.order
        i = order.index(task) + 1
        while i < len(order):
            if order[i].runnable():
                return order[i]
            i += 1
        return None

    def release(self, ident):
        task = self.tasks[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def wait(self):
        self.current.waiting = True
        return self.current

    def send(self, pkt):
        target = self.tasks[pkt.owner]
        self.queue_count += 1
        pkt.link = None
        pkt.owner = self.current.ident
        return target.receive(pkt, self.current)

    def schedule(self):
        self.current = self.order[0]
        while self.current is not None:
            task = self.current
            if task.held or (task.waiting and not task.pending):
                self.current = self.next_after(task)
                continue
            pkt = task.take_packet() if task.pending else None
            self.current = task.step(pkt)
            if self.current is not None and not self.current.runnable():
                self.current = self.next_after(self.current) if self.current is task else self.first_runnable()

    def first_runnable(self):
        for t in self.order:
            if t.runnable():
                return t
        return None


def run_once(count):
    system = System()
    IdleTask(system, count)
    work = Packet(None, WORKER, KIND_WORK)
    work = Packet(work, WORKER, KIND_WORK)
    WorkerTask(system, work)
    for handler, device in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
        q = Packet(None, device, KIND_DEVICE)
        q = Packet(q, device, KIND_DEVICE)
        q = Packet(q, device, KIND_DEVICE)
        HandlerTask(system, handler, q)
    DeviceTask(system, DEVICE_A)
    DeviceTask(system, DEVICE_B)
    system.tasks[IDLE].waiting = False
    for t in system.tasks[DEVICE_A:]:
        t.waiting = True
    system.schedule()
    return system.queue_count, system.hold_count, system.traced


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    results = None
    for i in range(iterations):
        results = run_once(1000 + 10 * i)
        if i % 50 == 0:
            print(i, results)
    print("final", results)


main()
