#!/usr/bin/env python3
"""Plain NumPy reference for `collapselab simulate` (not a test; used by bench/compare.sh).

The same setting as the Java direct sampler: w1 ~ N(0, I/d); Delta = c Sigma^{-1/2} u/|u|; n rows x ~ N(0, Sigma),
the last round(p2 n) labelled by w1 + Delta; y = X w + sigma eps; ridge argmin (1/n)|Xw - y|^2 + lambda |w|^2 in the
primal (d <= n) or kernel form; random projections: ridge on Z = X S with S ~ N(0, 1/d), predictor S v. Prints the
mean and standard error of |w - w1|^2_Sigma over the runs. Runs are sequential; NumPy's BLAS uses its default threads.
"""
import argparse
import math

import numpy as np


def spectrum(kind, d):
    if kind == "iso":
        return np.ones(d)
    alpha = float(kind.split(":", 1)[1])
    e = np.arange(1, d + 1, dtype=float) ** -alpha
    return e * (d / e.sum())


def ridge(x, y, lam):
    n, d = x.shape
    if d <= n:
        return np.linalg.solve(x.T @ x / n + lam * np.eye(d), x.T @ y / n)
    alpha = np.linalg.solve(x @ x.T / n + lam * np.eye(n), y / n)
    return x.T @ alpha


def run_once(rng, a, eig):
    d, n = a.d, a.n
    w1 = rng.standard_normal(d) / math.sqrt(d)
    u = rng.standard_normal(d)
    delta = math.sqrt(a.c2) / np.linalg.norm(u) * u / np.sqrt(eig)
    n2 = int(round(a.p2 * n))
    n1 = n - n2
    x = rng.standard_normal((n, d)) * np.sqrt(eig)
    y = x @ w1
    y[n1:] += x[n1:] @ delta
    y += a.sigma * rng.standard_normal(n)
    if a.model == "ridge":
        w = ridge(x, y, a.lam)
    else:
        s = rng.standard_normal((d, a.m)) / math.sqrt(d)
        w = s @ ridge(x @ s, y, a.lam)
    return float(np.sum(eig * (w - w1) ** 2))


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--model", default="ridge", choices=["ridge", "rp"])
    p.add_argument("--d", type=int, required=True)
    p.add_argument("--n", type=int, required=True)
    p.add_argument("--m", type=int, default=0)
    p.add_argument("--p2", type=float, default=0.1)
    p.add_argument("--c2", type=float, default=1.0)
    p.add_argument("--sigma", type=float, default=0.5)
    p.add_argument("--lambda", dest="lam", type=float, default=1e-3)
    p.add_argument("--spectrum", default="power:1")
    p.add_argument("--runs", type=int, default=20)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    eig = spectrum(a.spectrum, a.d)
    rng = np.random.default_rng(a.seed)
    errors = np.array([run_once(rng, a, eig) for _ in range(a.runs)])
    print(f"mean {errors.mean():.6g}  stderr {errors.std(ddof=1) / math.sqrt(len(errors)):.3g}  runs {a.runs}")


if __name__ == "__main__":
    main()
