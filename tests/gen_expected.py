#!/usr/bin/env python3
"""Regenerate (or --check) the expected outputs of Strata's program tests from CPython 3.11.

    python3.11 tests/gen_expected.py            # rewrite every expected file
    python3.11 tests/gen_expected.py --check    # verify the checked-in files are up to date
    python3.11 tests/gen_expected.py values/    # only tests whose relative path contains 'values/'

Never hand-edit the files this script writes.

What it runs
------------
* ``tests/programs/<area>/<name>.py``  (files named ``mod_*.py`` are modules, not programs)
* ``tests/syntax/<name>.py``           (must fail with a SyntaxError)

``tests/refuse/*.py`` are Strata-only (CPython runs them happily); their ``.expect`` files are
written by hand and this script only checks that each one exists and parses.

How a program is run (the Rust harness ``tests/programs.rs`` does exactly the same)
-----------------------------------------------------------------------------------
* cwd = the directory containing the program;
* command = ``<interpreter> <name>.py <args...>``, i.e. the script is passed by its bare file
  name, so ``sys.argv[0] == "<name>.py"``;
* ``<args...>`` come from a first line of the form ``# args: a b c`` (split on whitespace,
  no quoting);
* environment: inherited, minus every ``PYTHON*`` variable, plus ``PYTHONDONTWRITEBYTECODE=1``,
  ``PYTHONIOENCODING=utf-8`` and ``PYTHONHASHSEED`` (set to 0 and then to 12345 here: the two
  runs must agree byte for byte, which catches any dependence on str hashing);
* stdin is empty (/dev/null);
* a line ``# pythonpath: d1:d2`` among the first five sets ``PYTHONPATH`` to those directories,
  each taken relative to the program's directory and made absolute.

What it writes, next to each program
------------------------------------
* ``<name>.stdout``  -- stdout, exact bytes;
* ``<name>.status``  -- only when the exit status is non-zero:
      line 1: the exit status
      line 2: CPython's last non-empty stderr line (empty if stderr was empty, e.g. sys.exit(3))
      line 3: (syntax tests only) the line number from CPython's last ``File "...", line N``.
"""

import concurrent.futures
import os
import re
import subprocess
import sys
import time

if sys.version_info[:2] != (3, 11):
    sys.exit("gen_expected.py must be run by CPython 3.11 (this is %s)" % sys.version.split()[0])

TESTS = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(TESTS, "programs")
SYNTAX = os.path.join(TESTS, "syntax")
REFUSE = os.path.join(TESTS, "refuse")
SEEDS = ("0", "12345")
TIMEOUT = 60
SLOW = 0.5  # seconds; programs should stay well below this under CPython
ARGS_RE = re.compile(r"^#\s*args:(.*)$")
PYTHONPATH_RE = re.compile(r"^#\s*pythonpath:(.*)$")
FILE_LINE_RE = re.compile(r'^\s*File "[^"]*", line (\d+)', re.M)


def discover(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for fn in sorted(filenames):
            if fn.endswith(".py") and not fn.startswith("mod_"):
                out.append(os.path.join(dirpath, fn))
    return out


def script_args(path):
    with open(path, encoding="utf-8") as f:
        first = f.readline().rstrip("\r\n")
    m = ARGS_RE.match(first)
    return m.group(1).split() if m else []


def script_pythonpath(path):
    """The program's ``# pythonpath:`` directories made absolute, or None."""
    d = os.path.dirname(os.path.abspath(path))
    with open(path, encoding="utf-8") as f:
        head = [f.readline().rstrip("\r\n") for _ in range(5)]
    for line in head:
        m = PYTHONPATH_RE.match(line)
        if m:
            return os.pathsep.join(os.path.join(d, p.strip()) for p in m.group(1).split(":"))
    return None


def child_env(seed, path=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    pp = script_pythonpath(path) if path else None
    if pp:
        env["PYTHONPATH"] = pp
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHONHASHSEED"] = seed
    return env


def run_once(path, seed):
    d, name = os.path.split(path)
    cmd = [sys.executable, name] + script_args(path)
    t0 = time.monotonic()
    p = subprocess.run(cmd, cwd=d, env=child_env(seed, path), stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    return p.returncode, p.stdout, p.stderr, time.monotonic() - t0


def last_line(stderr_bytes):
    lines = [ln for ln in stderr_bytes.decode("utf-8", "replace").splitlines() if ln.strip()]
    return lines[-1].rstrip() if lines else ""


def expected_files(path, is_syntax):
    """Run a test under both hash seeds; return ({filename: bytes-or-None}, problems, seconds)."""
    problems = []
    runs = [run_once(path, s) for s in SEEDS]
    (rc, out, err, secs), (rc2, out2, err2, _) = runs
    if (rc, out, err) != (rc2, out2, err2):
        problems.append("output differs between PYTHONHASHSEED=%s and %s (rc %d vs %d, stdout %s, stderr %s)"
                        % (SEEDS[0], SEEDS[1], rc, rc2, "same" if out == out2 else "DIFFERENT",
                           "same" if err == err2 else "DIFFERENT"))
    text_err = err.decode("utf-8", "replace")
    if "Warning:" in text_err and rc == 0:
        problems.append("CPython printed a warning: " + last_line(err))
    if rc < 0:
        problems.append("killed by signal %d" % -rc)
    if rc in (2, 101) and not is_syntax:
        problems.append("exit status %d is reserved (2: Strata refusal, 101: Rust panic)" % rc)
    base = path[:-3]
    files = {base + ".stdout": out}
    if rc != 0:
        status = "%d\n%s\n" % (rc, last_line(err))
        if is_syntax:
            nums = FILE_LINE_RE.findall(text_err)
            if rc != 1 or not last_line(err).startswith("SyntaxError:") or not nums:
                problems.append("syntax test did not fail with a SyntaxError (rc %d, last line %r)"
                                % (rc, last_line(err)))
            else:
                status += "%s\n" % nums[-1]
        files[base + ".status"] = status.encode("utf-8")
    else:
        if is_syntax:
            problems.append("syntax test ran successfully under CPython")
        files[base + ".status"] = None  # must not exist
    return files, problems, secs


def check_refusals():
    problems = []
    for path in discover(REFUSE):
        exp = path[:-3] + ".expect"
        rel = os.path.relpath(path, TESTS)
        if not os.path.exists(exp):
            problems.append("%s: missing hand-written %s" % (rel, os.path.basename(exp)))
            continue
        keys = {}
        with open(exp, encoding="utf-8") as f:
            for ln in f:
                ln = ln.strip()
                if not ln or ln.startswith("#"):
                    continue
                k, _, v = ln.partition(":")
                keys[k.strip()] = v.strip()
        if not keys.get("line", "").isdigit():
            problems.append("%s: .expect needs 'line: N'" % rel)
        target = os.path.join(os.path.dirname(path), keys.get("file", os.path.basename(path)))
        if not os.path.exists(target):
            problems.append("%s: .expect names a missing file %s" % (rel, keys.get("file")))
    return problems


def main(argv):
    check = "--check" in argv
    filters = [a for a in argv if not a.startswith("--")]
    tests = [(p, False) for p in discover(PROGRAMS)] + [(p, True) for p in discover(SYNTAX)]
    if filters:
        tests = [(p, s) for p, s in tests if any(f in os.path.relpath(p, TESTS) for f in filters)]
    problems = check_refusals()
    stale = []
    slow = []
    workers = max(1, min(8, (os.cpu_count() or 2)))
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        futs = {pool.submit(expected_files, p, s): p for p, s in tests}
        for fut in concurrent.futures.as_completed(futs):
            path = futs[fut]
            rel = os.path.relpath(path, TESTS)
            try:
                files, probs, secs = fut.result()
            except subprocess.TimeoutExpired:
                problems.append("%s: timed out after %ds" % (rel, TIMEOUT))
                continue
            problems.extend("%s: %s" % (rel, p) for p in probs)
            if secs > SLOW:
                slow.append("%s: %.2fs under CPython (keep programs below %.1fs)" % (rel, secs, SLOW))
            for fn, content in files.items():
                have = None
                if os.path.exists(fn):
                    with open(fn, "rb") as f:
                        have = f.read()
                if have == content:
                    continue
                if check:
                    stale.append(os.path.relpath(fn, TESTS) + (" (missing)" if have is None else
                                 " (should not exist)" if content is None else " (out of date)"))
                elif content is None:
                    os.remove(fn)
                else:
                    with open(fn, "wb") as f:
                        f.write(content)
    # Expected files whose program is gone.
    for root in (PROGRAMS, SYNTAX):
        for dirpath, _, filenames in os.walk(root):
            for fn in filenames:
                if fn.endswith((".stdout", ".status")):
                    src = os.path.join(dirpath, fn.rsplit(".", 1)[0] + ".py")
                    if not os.path.exists(src) and not filters:
                        full = os.path.join(dirpath, fn)
                        if check:
                            stale.append(os.path.relpath(full, TESTS) + " (orphan)")
                        else:
                            os.remove(full)
    for s in sorted(slow):
        print("warning:", s)
    for s in sorted(stale):
        print("stale:", s)
    for p in sorted(problems):
        print("ERROR:", p)
    print("%d tests %s, %d stale files, %d errors"
          % (len(tests), "checked" if check else "generated", len(stale), len(problems)))
    return 1 if problems or stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
