#!/usr/bin/env python3
"""Runs the hostile corpus against a built collapselab (one JVM per case, so a hang or OOM cannot spoil the next
case) and prints the same verdict counts as HostileCorpusTest. Usage: measure.py JAR_DIR [TIMEOUT_S]
(JAR_DIR holds collapselab-cli-0.1.0.jar and lib/). Used for the issue-13 "before" numbers."""
import os, subprocess, sys, tempfile, time, shutil, collections

here = os.path.dirname(os.path.abspath(__file__))
jars = sys.argv[1]
timeout = float(sys.argv[2]) if len(sys.argv) > 2 else 20
cp = os.path.join(jars, "collapselab-cli-0.1.0.jar") + ":" + os.path.join(jars, "lib", "*")
java = ["java", "-Xmx2g", "-Djava.awt.headless=true", "-cp", cp, "org.collapselab.cli.CollapseLab"]

def split(line):
    out, cur, quoted, anyq = [], "", False, False
    for c in line:
        if c == "'":
            quoted, anyq = not quoted, True
        elif c == " " and not quoted:
            if anyq or cur:
                out.append(cur)
            cur, anyq = "", False
        else:
            cur += c
    if anyq or cur:
        out.append(cur)
    return out

cases = []
for f in sorted(os.listdir(os.path.join(here, "studies"))):
    cases.append(("study", f))
for line in open(os.path.join(here, "flags.txt")):
    line = line.rstrip("\n")
    if line and not line.startswith("#"):
        cases.append(("flag", line))
counts, details = collections.Counter(), []
for kind, case in cases:
    tmp = tempfile.mkdtemp(prefix="hostile")
    if kind == "study":
        data = open(os.path.join(here, "studies", case), "rb").read().replace(b"{res}", here.encode())
        path = os.path.join(tmp, case)
        open(path, "wb").write(data)
        args = ["run", path, "--out", os.path.join(tmp, "out"), "--no-figures"] + (["--quick"] if case.startswith("quick-") else [])
        names = [path]
    else:
        args = split(case.replace("{res}", here).replace("{tmp}", tmp))
        names = ["collapselab " + args[0] + ": "] + [a[2:] for a in args if a.startswith("--")] + [a for a in args if "/" in a]
    t0 = time.time()
    try:
        p = subprocess.run(java + args, capture_output=True, timeout=timeout, cwd=tmp)
        err = p.stderr.decode("utf-8", "replace")
        lines = [l for l in err.splitlines() if l.strip()]
        if "\tat " in err or "Exception in thread" in err or "OutOfMemoryError" in err or "StackOverflowError" in err:
            v = "stack trace"
        elif p.returncode != 2:
            v = f"exit {p.returncode}"
        elif not lines:
            v = "no message"
        elif not all(any(n in l for n in names) for l in lines):
            v = "unnamed"
        else:
            v = "clean"
        first = lines[0] if lines else ""
    except subprocess.TimeoutExpired:
        v, first = "hang", f"> {timeout:.0f} s"
    shutil.rmtree(tmp, ignore_errors=True)
    counts[v] += 1
    if v != "clean":
        details.append(f"  [{v}] {case} -> {first[:200]}")
    print(f"{v:13s} {time.time() - t0:5.1f}s {case[:120]}", file=sys.stderr, flush=True)
print(f"hostile corpus: {len(cases)} cases (+2 generated in the JUnit test)")
for k, n in sorted(counts.items()):
    print(f"  {k:14s} {n}")
print("\n".join(details))
