"""Benchmark runner: times strata against CPython and PyPy.

For every program in benches/programs/ it runs, interleaved (A B C A B C ...),
each strata configuration, CPython and PyPy, `--runs` times, whole process,
and takes the median.  Every run's stdout must equal CPython's: a mismatch is
reported in the table (never timed) and makes the exit status 1.  A strata run
that exits with status 2 and `strata: unsupported: ...` on stderr is shown as
"refused" (a construct or module not implemented yet) and does not fail the
run.  Ratios are CPython/strata and PyPy/strata (> 1: strata is faster), with
the geometric mean over the programs that every column timed.

    python3 benches/run.py [--runs N] [--config NAME='FLAGS' ...] [--json FILE]
                           [--strata PATH] [--cpython PATH] [--pypy PATH | --no-pypy]
                           [--test-size] [--timeout S] [NAME ...]

Examples:
    python3 benches/run.py --runs 5 --json /tmp/bench.json
    python3 benches/run.py --config t0='--max-tier 0' --config full='' nbody go
    python3 benches/run.py --runs 1 --test-size        # quick correctness pass
Dependency-free (Python 3 standard library only).
"""
import argparse
import datetime
import json
import math
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")


def real_python():
    # sys.executable may be a pyenv shim script; ask the interpreter itself.
    exe = os.path.realpath(sys.executable)
    try:
        out = subprocess.run([exe, "-c", "import sys; print(sys.executable)"],
                             capture_output=True, text=True, check=True)
        return os.path.realpath(out.stdout.strip())
    except Exception:
        return exe


def version_of(cmd):
    try:
        out = subprocess.run(cmd + ["-c", "import sys; print(sys.version.replace(chr(10), ' '))"],
                             capture_output=True, text=True, timeout=30)
        return out.stdout.strip() or out.stderr.strip()
    except Exception as e:  # noqa: BLE001 - informational only
        return "unknown (%s)" % e


def test_size(path):
    with open(path) as f:
        for line in f:
            m = re.match(r"#\s*test-size:\s*(\S+)", line)
            if m:
                return m.group(1)
    return None


class Column:
    """One implementation (or strata configuration) being timed."""

    def __init__(self, name, argv, kind):
        self.name = name      # label in the table
        self.argv = argv      # command prefix; the program path follows
        self.kind = kind      # "strata", "cpython" or "pypy"


def run_once(argv, timeout):
    start = time.perf_counter()
    try:
        proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return time.perf_counter() - start, None, None, b"timeout"
    return time.perf_counter() - start, proc.returncode, proc.stdout, proc.stderr


def classify(col, rc, out, err, ref):
    """Returns None for a good run, else a status string for the table."""
    if rc is None:
        return "timeout"
    if col.kind == "strata" and rc == 2 and b"strata: unsupported" in err:
        return "refused"
    if rc != 0:
        return "error (exit %d)" % rc
    if ref is not None and out != ref:
        return "output differs"
    return None


def first_line(text, prefix):
    for line in text.decode(errors="replace").splitlines():
        if line.startswith(prefix):
            return line
    lines = text.decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else ""


def bench_program(name, columns, args):
    path = os.path.join(PROGRAMS, name + ".py")
    extra = []
    if args.test_size:
        size = test_size(path)
        if size:
            extra = [size]
    res = {c.name: {"times": [], "status": None, "detail": ""} for c in columns}
    ref = None
    for _ in range(args.runs):
        for col in columns:
            r = res[col.name]
            if r["status"] is not None:
                continue  # refused, failed or mismatched: stop timing it
            t, rc, out, err = run_once(col.argv + [path] + extra, args.timeout)
            if col.kind == "cpython" and rc == 0 and ref is None:
                ref = out
            status = classify(col, rc, out, err, ref)
            if status is None and ref is None:
                # Nothing to compare with yet (CPython runs after strata in
                # the interleaving): keep the output and check it below.
                r.setdefault("pending", []).append(out)
            if status is not None:
                r["status"] = status
                r["detail"] = first_line(err, "strata: unsupported") if status == "refused" else \
                    (err.decode(errors="replace").strip().splitlines() or [""])[-1]
            else:
                r["times"].append(t)
    for col in columns:
        r = res[col.name]
        for out in r.pop("pending", []):
            if r["status"] is None and ref is not None and out != ref:
                r["status"] = "output differs"
        if ref is None and r["status"] is None and col.kind != "cpython":
            r["status"] = "no reference"
        r["median"] = statistics.median(r["times"]) if r["status"] is None and r["times"] else None
    return res


def fmt_time(r):
    return "%.3f" % r["median"] if r["median"] is not None else r["status"]


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5, help="runs per implementation (default 5)")
    ap.add_argument("--strata", default=os.path.join(ROOT, "target", "release", "strata"))
    ap.add_argument("--config", action="append", default=[], metavar="NAME='FLAGS'",
                    help="a strata configuration: label and command-line flags (repeatable)")
    ap.add_argument("--cpython", default=None, help="CPython binary (default: the real binary behind sys.executable)")
    ap.add_argument("--pypy", default=shutil.which("pypy3"), help="PyPy binary (default: pypy3 on PATH)")
    ap.add_argument("--no-pypy", action="store_true")
    ap.add_argument("--json", metavar="FILE", help="write all timings and statuses as JSON")
    ap.add_argument("--test-size", action="store_true", help="run each program at its '# test-size' size")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run before it counts as a timeout")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()

    cpython = os.path.realpath(args.cpython) if args.cpython else real_python()
    pypy = None if args.no_pypy else args.pypy
    columns = []
    configs = args.config or ["strata="]
    for spec in configs:
        label, _, flags = spec.partition("=")
        label = label.strip() or "strata"
        if not label.startswith("strata"):
            label = "strata " + label
        columns.append(Column(label, [args.strata] + shlex.split(flags), "strata"))
    columns.append(Column("CPython", [cpython], "cpython"))
    columns.append(Column("PyPy", [pypy] if pypy else None, "pypy"))
    timed = [c for c in columns if c.argv is not None]
    strata_cols = [c for c in columns if c.kind == "strata"]

    names = sorted(p[:-3] for p in os.listdir(PROGRAMS) if p.endswith(".py"))
    if args.names:
        unknown = set(args.names) - set(names)
        if unknown:
            sys.exit("run.py: no such program: %s" % ", ".join(sorted(unknown)))
        names = [n for n in names if n in args.names]

    print("strata:  %s" % args.strata)
    for c in strata_cols:
        print("  %-14s %s" % (c.name, " ".join(c.argv[1:]) or "(no flags)"))
    print("CPython: %s (%s)" % (cpython, version_of([cpython])))
    print("PyPy:    %s" % ("%s (%s)" % (pypy, version_of([pypy])) if pypy else "n/a (--no-pypy)" if args.no_pypy else "n/a (pypy3 not found)"))
    print("runs:    %d, interleaved, median; %s size\n" % (args.runs, "test" if args.test_size else "default"),
          flush=True)

    results = {}
    for name in names:
        results[name] = bench_program(name, timed, args)
        line = ", ".join("%s %s" % (c.name, fmt_time(results[name][c.name])) for c in timed)
        print("  %-16s %s" % (name, line), file=sys.stderr, flush=True)

    # Markdown table.
    head = ["program", "CPython (s)", "PyPy (s)"]
    base = strata_cols[0] if len(strata_cols) > 1 else None
    for c in strata_cols:
        head += ["%s (s)" % c.name, "CPython / %s" % c.name, "PyPy / %s" % c.name]
        if base is not None and c is not base:
            head.append("%s / %s" % (base.name, c.name))
    rows = [head, ["---"] * len(head)]
    ratios = {c.name: {"cpython": [], "pypy": [], "base": []} for c in strata_cols}
    failures = []
    for name in names:
        r = results[name]
        cp = r["CPython"]
        py = r.get("PyPy")
        row = [name, fmt_time(cp), fmt_time(py) if py else "n/a"]
        if py and py["status"] not in (None,):
            failures.append("%s: PyPy %s (%s)" % (name, py["status"], py["detail"]))
        if cp["status"] is not None:
            failures.append("%s: CPython %s (%s)" % (name, cp["status"], cp["detail"]))
        for c in strata_cols:
            s = r[c.name]
            row.append(fmt_time(s))
            if s["median"] and cp["median"]:
                q = cp["median"] / s["median"]
                ratios[c.name]["cpython"].append(q)
                row.append("%.2fx" % q)
            else:
                row.append("")
            if s["median"] and py and py["median"]:
                q = py["median"] / s["median"]
                ratios[c.name]["pypy"].append(q)
                row.append("%.2fx" % q)
            else:
                row.append("" if py else "n/a")
            if base is not None and c is not base:
                b = r[base.name]
                if s["median"] and b["median"]:
                    q = b["median"] / s["median"]
                    ratios[c.name]["base"].append(q)
                    row.append("%.2fx" % q)
                else:
                    row.append("")
            if s["status"] not in (None, "refused"):
                failures.append("%s: %s %s (%s)" % (name, c.name, s["status"], s["detail"]))
        rows.append(row)
    geo = ["geometric mean", "", ""]
    for c in strata_cols:
        g1 = geomean(ratios[c.name]["cpython"])
        g2 = geomean(ratios[c.name]["pypy"])
        geo += ["", "%.2fx (%d)" % (g1, len(ratios[c.name]["cpython"])) if g1 else "",
                "%.2fx (%d)" % (g2, len(ratios[c.name]["pypy"])) if g2 else ("" if pypy else "n/a")]
        if base is not None and c is not base:
            g3 = geomean(ratios[c.name]["base"])
            geo.append("%.2fx (%d)" % (g3, len(ratios[c.name]["base"])) if g3 else "")
    rows.append(geo)
    print("\n".join("| " + " | ".join(row) + " |" for row in rows))
    refused = [(n, c.name, results[n][c.name]["detail"]) for n in names for c in strata_cols
               if results[n][c.name]["status"] == "refused"]
    if refused:
        print("\nrefused:")
        for n, c, d in refused:
            print("  %s (%s): %s" % (n, c, d))
    if failures:
        print("\nFAILURES:")
        for f in failures:
            print("  " + f)

    if args.json:
        doc = {
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "command": " ".join(shlex.quote(a) for a in sys.argv),
            "runs": args.runs,
            "size": "test" if args.test_size else "default",
            "implementations": {c.name: {"argv": c.argv, "kind": c.kind,
                                         "version": version_of(c.argv[:1]) if c.kind != "strata" else None}
                                for c in timed},
            "programs": results,
            "geomean": {c.name: {"cpython_over_strata": geomean(ratios[c.name]["cpython"]),
                                 "pypy_over_strata": geomean(ratios[c.name]["pypy"]),
                                 "first_config_over_this": geomean(ratios[c.name]["base"])}
                        for c in strata_cols},
        }
        with open(args.json, "w") as f:
            json.dump(doc, f, indent=1)
    # Exit status: 1 if any strata run printed something other than CPython's
    # output, crashed or timed out, or CPython itself failed.  PyPy problems
    # are reported above but do not fail the run.
    bad = [f for f in failures if ": PyPy " not in f]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
