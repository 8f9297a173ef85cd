#!/usr/bin/env python3
"""Times Strata against the C versions of benchmarks (benches/c/<name>.c).

Each C program is built with `gcc -O2` into a temporary directory, must
print exactly what CPython prints for benches/programs/<name>.py, and is
timed interleaved with strata (default settings unless --flags) for
--runs runs; the table gives the medians and strata/C.

    python3 benches/c/compare.py [--runs N] [--strata PATH] [--flags '...'] [NAME ...]
"""

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(os.path.dirname(HERE), "programs")
ROOT = os.path.dirname(os.path.dirname(HERE))


def timed(argv):
    t = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return time.perf_counter() - t, p.returncode, p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--strata", default=os.path.join(ROOT, "target", "release", "strata"))
    ap.add_argument("--flags", default="", help="strata flags (default: none, i.e. every tier)")
    ap.add_argument("--cpython", default="python3")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = sorted(f[:-2] for f in os.listdir(HERE) if f.endswith(".c"))
    if args.names:
        names = [n for n in names if n in args.names]
    rows = ["| program | C -O2 (s) | strata (s) | strata / C |", "| --- | --- | --- | --- |"]
    ok = True
    with tempfile.TemporaryDirectory() as tmp:
        for n in names:
            exe = os.path.join(tmp, n)
            subprocess.run(["gcc", "-O2", "-o", exe, os.path.join(HERE, n + ".c"), "-lm"], check=True)
            py = os.path.join(PROGRAMS, n + ".py")
            ref = subprocess.run([args.cpython, py], stdout=subprocess.PIPE, check=True).stdout
            strata = [args.strata] + shlex.split(args.flags) + [py]
            tc, ts = [], []
            for _ in range(args.runs):
                t, rc, out = timed([exe])
                if rc != 0 or out != ref:
                    sys.exit("%s: the C version does not print CPython's output" % n)
                tc.append(t)
                t, rc, out = timed(strata)
                if rc != 0 or out != ref:
                    print("%s: strata's output differs from CPython's" % n, file=sys.stderr)
                    ok = False
                ts.append(t)
            c, s = statistics.median(tc), statistics.median(ts)
            rows.append("| %s | %.3f | %.3f | %.1fx |" % (n, c, s, s / c))
    print("\n".join(rows))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
