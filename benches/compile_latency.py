"""Tier-2 compile latency of small functions (issue 4: under 5 ms at O2).

Runs a program whose small functions each become hot in turn, with
synchronous compiles (`--jit-sync`) so each compile is timed alone, and
reports the times `--log=compile` gives (total, LLVM IR passes, machine
code) per function. The first compile also starts LLVM, so it is shown but
left out of the summary.

    python3 benches/compile_latency.py [--strata PATH] [--opt-level O2] [--runs N]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PROGRAM = '''
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

def warm(x):
    return x

def inc(x):
    return x + 1

def poly(x, y):
    return x * y - 3

def branch(x):
    if x > 10:
        return x - 10
    return x + 10

def attrs(p):
    return p.x + p.y

def fsum(a, b, c):
    return a * 0.5 + b * c

p = P(1, 2)
for f, args in ((warm, (1,)), (inc, (1,)), (poly, (2, 3)), (branch, (4,)),
                (attrs, (p,)), (fsum, (1.0, 2.0, 3.0))):
    for i in range(300):
        f(*args)
'''

LINE = re.compile(
    r"compile: (\S+) \(function\) -> unit \d+ \((\d+) MIR instructions, (\d+) bytes, "
    r"([\d.]+) ms: LLVM IR ([\d.]+) ms, machine code ([\d.]+) ms\)"
)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--strata", default=os.path.join(ROOT, "target", "release", "strata"))
    ap.add_argument("--opt-level", default="O2")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(PROGRAM)
        path = f.name
    times = {}
    try:
        for _ in range(args.runs):
            proc = subprocess.run(
                [args.strata, "--jit-sync", "--tier2-threshold", "100",
                 "--tier2-compile-all", "--opt-level", args.opt_level,
                 "--log=compile", path],
                capture_output=True, text=True,
            )
            if proc.returncode != 0:
                sys.exit(proc.stderr)
            for m in LINE.finditer(proc.stderr):
                name, mir, size, total, ir, mc = m.groups()
                times.setdefault(name, []).append((int(mir), int(size), float(total), float(ir), float(mc)))
    finally:
        os.unlink(path)
    print(f"| function | MIR | bytes | total ms (median of {args.runs}) | LLVM IR ms | machine code ms |")
    print("| --- | --- | --- | --- | --- | --- |")
    medians = []
    for name, rows in times.items():
        med = lambda k: statistics.median(r[k] for r in rows)
        print(f"| {name} | {rows[0][0]} | {rows[0][1]} | {med(2):.2f} | {med(3):.2f} | {med(4):.2f} |")
        if name != "warm":
            medians.append(med(2))
    if medians:
        print(f"\nafter LLVM's start-up: median {statistics.median(medians):.2f} ms, "
              f"worst {max(medians):.2f} ms ({args.opt_level})")


if __name__ == "__main__":
    main()
