"""Regenerates benches/expected/<name>.stdout from CPython 3.11.

Each program in benches/programs/ names its test size in a header comment
`# test-size: N`; the expected file is CPython's stdout for `prog.py N`.
The program runs twice with different PYTHONHASHSEED values and the outputs
must agree (no dependence on str hashing).  Refuses any Python but 3.11.

    python3.11 benches/gen_expected.py [--python PATH] [NAME ...]
    python3.11 benches/gen_expected.py --check      # compare, write nothing
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
EXPECTED = os.path.join(HERE, "expected")


def test_size(path):
    with open(path) as f:
        for line in f:
            m = re.match(r"#\s*test-size:\s*(\S+)", line)
            if m:
                return m.group(1)
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--python", default=sys.executable, help="CPython 3.11 binary")
    ap.add_argument("--check", action="store_true", help="compare against the files instead of writing")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    version = subprocess.run([args.python, "-c", "import sys, platform; print(platform.python_implementation(), *sys.version_info[:2])"],
                             capture_output=True, text=True).stdout.split()
    if version != ["CPython", "3", "11"]:
        sys.exit("gen_expected.py: need CPython 3.11, %s is %s" % (args.python, " ".join(version) or "unknown"))
    os.makedirs(EXPECTED, exist_ok=True)
    names = sorted(p[:-3] for p in os.listdir(PROGRAMS) if p.endswith(".py"))
    if args.names:
        unknown = set(args.names) - set(names)
        if unknown:
            sys.exit("gen_expected.py: no such program: %s" % ", ".join(sorted(unknown)))
        names = [n for n in names if n in args.names]
    failed = False
    for name in names:
        path = os.path.join(PROGRAMS, name + ".py")
        size = test_size(path)
        if size is None:
            print("%s: no '# test-size: N' header" % name)
            failed = True
            continue
        outs = []
        for seed in ("0", "12345"):
            env = dict(os.environ, PYTHONHASHSEED=seed)
            proc = subprocess.run([args.python, path, size], capture_output=True, env=env)
            if proc.returncode != 0:
                print("%s: exit status %d\n%s" % (name, proc.returncode, proc.stderr.decode(errors="replace")))
                failed = True
                break
            outs.append(proc.stdout)
        else:
            if outs[0] != outs[1]:
                print("%s: output depends on PYTHONHASHSEED" % name)
                failed = True
                continue
            target = os.path.join(EXPECTED, name + ".stdout")
            if args.check:
                try:
                    with open(target, "rb") as f:
                        same = f.read() == outs[0]
                except FileNotFoundError:
                    same = False
                print("%-16s %s" % (name, "ok" if same else "DIFFERS"))
                failed |= not same
            else:
                with open(target, "wb") as f:
                    f.write(outs[0])
                print("%-16s size %-6s %d lines" % (name, size, outs[0].count(b"\n")))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
