# DeltaBlue-style incremental constraint solver: variables linked by
# equality and scale constraints of graded strengths; edits are planned and
# executed along chains and projections, and every result is checked.
# test-size: 20
import sys

# Strengths: smaller number = stronger.
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = range(7)
NONE, FORWARD, BACKWARD = 0, 1, 2


class Var:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAKEST
        self.stay = True
        self.mark = 0

    def add_constraint(self, c):
        self.constraints.append(c)

    def remove_constraint(self, c):
        self.constraints = [x for x in self.constraints if x is not c]
        if self.determined_by is c:
            self.determined_by = None


class Constraint:
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def install(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def destroy(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False

    def satisfy(self, mark):
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise RuntimeError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise RuntimeError("cycle encountered")
        out.mark = mark
        return overridden


class Unary(Constraint):
    def __init__(self, planner, var, strength):
        Constraint.__init__(self, planner, strength)
        self.var = var
        self.satisfied = False
        self.install()

    def add_to_graph(self):
        self.var.add_constraint(self)
        self.satisfied = False

    def choose_method(self, mark):
        v = self.var
        self.satisfied = v.mark != mark and self.strength < v.walk_strength

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.var

    def recalculate(self):
        v = self.var
        v.walk_strength = self.strength
        v.stay = not self.is_input()
        if v.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def remove_from_graph(self):
        self.var.remove_constraint(self)
        self.satisfied = False


class Stay(Unary):
    def execute(self):
        pass


class Edit(Unary):
    def is_input(self):
        return True

    def execute(self):
        pass


class Binary(Constraint):
    def __init__(self, planner, a, b, strength):
        Constraint.__init__(self, planner, strength)
        self.a = a
        self.b = b
        self.direction = NONE

    def add_to_graph(self):
        self.a.add_constraint(self)
        self.b.add_constraint(self)
        self.direction = NONE

    def remove_from_graph(self):
        self.a.remove_constraint(self)
        self.b.remove_constraint(self)
        self.direction = NONE

    def choose_method(self, mark):
        a, b, s = self.a, self.b, self.strength
        if a.mark == mark:
            self.direction = FORWARD if b.mark != mark and s < b.walk_strength else NONE
        elif b.mark == mark:
            self.direction = BACKWARD if a.mark != mark and s < a.walk_strength else NONE
        elif a.walk_strength > b.walk_strength:
            self.direction = BACKWARD if s < a.walk_strength else NONE
        else:
            self.direction = FORWARD if s < b.walk_strength else NONE

    def is_satisfied(self):
        return self.direction != NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.a if self.direction == FORWARD else self.b

    def output(self):
        return self.b if self.direction == FORWARD else self.a

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        i = self.input()
        return i.mark == mark or i.stay or i.determined_by is None

    def recalculate(self):
        src, out = self.input(), self.output()
        out.walk_strength = max(self.strength, src.walk_strength)
        out.stay = self.inputs_stay(src)
        if out.stay:
            self.execute()

    def inputs_stay(self, src):
        return src.stay


class Equal(Binary):
    def __init__(self, planner, a, b, strength):
        Binary.__init__(self, planner, a, b, strength)
        self.install()

    def execute(self):
        self.output().value = self.input().value


class Scale(Binary):
    # b = a * scale + offset
    def __init__(self, planner, a, scale, offset, b, strength):
        Binary.__init__(self, planner, a, b, strength)
        self.scale = scale
        self.offset = offset
        self.install()

    def add_to_graph(self):
        Binary.add_to_graph(self)
        self.scale.add_constraint(self)
        self.offset.add_constraint(self)

    def remove_from_graph(self):
        Binary.remove_from_graph(self)
        self.scale.remove_constraint(self)
        self.offset.remove_constraint(self)

    def mark_inputs(self, mark):
        Binary.mark_inputs(self, mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def inputs_stay(self, src):
        return src.stay and self.scale.stay and self.offset.stay

    def execute(self):
        if self.direction == FORWARD:
            self.b.value = self.a.value * self.scale.value + self.offset.value
        else:
            self.a.value = (self.b.value - self.offset.value) // self.scale.value


class Plan:
    def __init__(self, steps):
        self.steps = steps

    def execute(self):
        for c in self.steps:
            c.execute()


class Planner:
    def __init__(self):
        self.current_mark = 0
        self.removals = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, c):
        mark = self.new_mark()
        overridden = c.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, c):
        out = c.output()
        c.mark_unsatisfied()
        c.remove_from_graph()
        self.removals += 1
        unsatisfied = self.remove_propagate_from(out)
        for strength in range(REQUIRED, WEAKEST):
            for u in unsatisfied:
                if u.strength == strength:
                    self.incremental_add(u)

    def add_propagate(self, c, mark):
        todo = [c]
        while todo:
            d = todo.pop()
            if d.output().mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            self.add_consumers(d.output(), todo)
        return True

    def remove_propagate_from(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        unsatisfied = []
        todo = [out]
        while todo:
            v = todo.pop()
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_consumers(self, v, coll):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                coll.append(c)

    def make_plan(self, sources):
        mark = self.new_mark()
        steps = []
        todo = list(sources)
        i = 0
        while i < len(todo):
            c = todo[i]
            i += 1
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                steps.append(c)
                out.mark = mark
                self.add_consumers(out, todo)
        return Plan(steps)

    def plan_for(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])


def chain_test(n):
    planner = Planner()
    vs = [Var("v%d" % i) for i in range(n + 1)]
    for i in range(n):
        Equal(planner, vs[i], vs[i + 1], REQUIRED)
    Stay(planner, vs[-1], STRONG_DEFAULT)
    edit = Edit(planner, vs[0], PREFERRED)
    plan = planner.plan_for([edit])
    for value in range(100):
        vs[0].value = value
        plan.execute()
        if vs[-1].value != value:
            raise RuntimeError("chain test failed")
    edit.destroy()
    return len(plan.steps), planner.current_mark


def change(planner, var, value):
    edit = Edit(planner, var, PREFERRED)
    plan = planner.plan_for([edit])
    for _ in range(10):
        var.value = value
        plan.execute()
    edit.destroy()
    return len(plan.steps)


def projection_test(n):
    planner = Planner()
    scale = Var("scale", 10)
    offset = Var("offset", 1000)
    src = dst = None
    dests = []
    for i in range(n):
        src = Var("src%d" % i, i)
        dst = Var("dst%d" % i, i)
        dests.append(dst)
        Stay(planner, src, NORMAL)
        Scale(planner, src, scale, offset, dst, REQUIRED)
    steps = change(planner, src, 17)
    if dst.value != 1170:
        raise RuntimeError("projection 1 failed")
    steps += change(planner, dst, 1050)
    if src.value != 5:
        raise RuntimeError("projection 2 failed")
    steps += change(planner, scale, 5)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 1000:
            raise RuntimeError("projection 3 failed")
    steps += change(planner, offset, 2000)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 2000:
            raise RuntimeError("projection 4 failed")
    return steps, planner.current_mark, planner.removals


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for rep in range(n):
        size = 10 + rep % 10 * 10
        a = chain_test(size)
        b = projection_test(size)
        if rep % 20 == 0 or rep == n - 1:
            print(rep, size, a, b)


main()
