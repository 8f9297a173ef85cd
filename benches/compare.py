"""Times strata against CPython on the programs in benches/programs/.

Interleaved runs (strata, cpython, strata, ...), whole process, median of N;
prints a markdown table with the ratio CPython time / strata time (> 1 means
strata is faster). Uses the real CPython binary, not a shell shim.

    python3 benches/compare.py [--runs N] [--strata PATH] [--cpython PATH] [NAME ...]
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def real_python():
    # sys.executable may be a pyenv shim script; resolve the binary itself.
    exe = os.path.realpath(sys.executable)
    try:
        out = subprocess.run([exe, "-c", "import sys; print(sys.executable)"], capture_output=True, text=True, check=True)
        return os.path.realpath(out.stdout.strip())
    except Exception:
        return exe


def run(cmd):
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    return elapsed, proc.stdout, proc.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--strata", default=os.path.join(ROOT, "target", "release", "strata"))
    ap.add_argument("--cpython", default=real_python())
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    progs = sorted(p for p in os.listdir(os.path.join(HERE, "programs")) if p.endswith(".py"))
    if args.names:
        progs = [p for p in progs if p[:-3] in args.names]
    print(f"strata: {args.strata}\ncpython: {args.cpython}\nruns: {args.runs} (interleaved, median)\n")
    print("| program | strata (s) | CPython (s) | CPython / strata |")
    print("|---|---|---|---|")
    for p in progs:
        path = os.path.join(HERE, "programs", p)
        ts, tc = [], []
        for _ in range(args.runs):
            t, out_s, rc_s = run([args.strata, path])
            ts.append(t)
            t, out_c, rc_c = run([args.cpython, path])
            tc.append(t)
            if out_s != out_c or rc_s != rc_c:
                sys.exit(f"{p}: strata's output differs from CPython's")
        ms, mc = statistics.median(ts), statistics.median(tc)
        print(f"| {p[:-3]} | {ms:.3f} | {mc:.3f} | {mc / ms:.2f}x |")


if __name__ == "__main__":
    main()
