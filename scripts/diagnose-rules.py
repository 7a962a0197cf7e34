#!/usr/bin/env python3
"""Summarises SelectionRules output (JSON lines): how other recipe-selection rules and prediction formulas would have
done on the diagnose real-data bench. Usage: diagnose-rules.py FILE.jsonl [FILE.jsonl ...]"""
import collections
import json
import math
import statistics
import sys

runs = [json.loads(line) for f in sys.argv[1:] for line in open(f)]


def mean(x):
    return sum(x) / len(x)


def geo(xs):
    return math.exp(mean([math.log(x) for x in xs]))


def rule_line(name, pick):
    by = collections.OrderedDict()
    for r in runs:
        c = r["c"]
        x = pick(r)
        t = c[x]["test"] if isinstance(x, str) else x
        by.setdefault(r["s"], []).append((t / r["grid"], t / c["R"]["test"]))
    g = {k: geo([v[0] for v in vs]) for k, vs in by.items()}
    gr = {k: geo([v[1] for v in vs]) for k, vs in by.items()}
    print(f"{name:44s} recipe/grid geo {geo(list(g.values())):.3f} worst {max(g.values()):.3f}; "
          f"vs real-only worst {max(gr.values()):.3f}")


def cv_min(cands, key="cv"):
    return lambda r: min([x for x in cands if x in r["c"]], key=lambda x: mean(r["c"][x][key]))


def unless(cands, z):
    def f(r):
        c = r["c"]
        best = cv_min(cands)(r)
        if best == "T":
            return "T"
        d = [a - b for a, b in zip(c[best]["cv"], c["T"]["cv"])]
        return best if mean(d) < -z * statistics.stdev(d) / math.sqrt(len(d)) else "T"
    return f


def minimax(cands):
    def f(r):
        c = r["c"]
        cs = [x for x in cands if x in c]
        lo = min(c[x]["predLo"] for x in cs)
        hi = min(c[x]["predHi"] for x in cs)
        mid = min(c[x]["pred"] for x in cs)
        return min(cs, key=lambda x: max(c[x]["predLo"] / lo, c[x]["predHi"] / hi, c[x]["pred"] / mid))
    return f


def min_effect(delta):
    return lambda r: "R" if (r["c"]["R"]["pred"] - r["c"]["T"]["pred"]) / r["c"]["R"]["pred"] < delta else "T"


SMALL = ["T", "TL", "TP", "TH", "R", "S"]
WIDE = ["T", "TL", "TP", "TH", "R", "Tx0.1", "Tx0.316", "Tx3.16", "N0.1", "N0.3"]
print(f"{len(runs)} runs, {len({r['s'] for r in runs})} scenarios")
rule_line("theory, averaged over the interval (T)", lambda r: "T")
rule_line("theory at c2Low", lambda r: "TL")
rule_line("  (at c2High)", lambda r: "TH" if "TH" in r["c"] else "T")
rule_line("argmin 4x5-fold CV over {T, TL, TP, TH, R, S}", cv_min(SMALL))
rule_line("argmin leave-one-out over the same", cv_min(SMALL, "loo"))
rule_line("T unless CV beats it by 1 paired s.e.", unless(SMALL, 1))
rule_line("minimax regret over c2Low, estimate, c2High", minimax(WIDE))
rule_line("model average of TL and TH", lambda r: r["ens"].get("TL+TH", r["c"]["T"]["test"]))
rule_line("T, or real-only when its predicted gain < 2%", min_effect(0.02))
for mode in ["theory", "cv floor"]:
    logs = []
    within = 0
    for r in runs:
        c = r["c"]["T"]
        floor = mean(c["cv"]) * c["pred"] / c["predv"]
        p = c["pred"] if mode == "theory" else max(c["pred"], floor)
        logs.append(math.log(p / c["test"]))
        within += abs(p / c["test"] - 1) <= 0.15
    print(f"prediction of T by {mode:9s}: within 15% in {within}/{len(runs)}, median log(pred/measured) "
          f"{statistics.median(logs):+.3f}")
by = collections.defaultdict(list)
for r in runs:
    by[r["s"]].append(r["optimism"])
print("grid best chosen on half the test rows, on the other half / that half's best: geo over scenarios "
      f"{geo([geo(v) for v in by.values()]):.3f}")
