#!/usr/bin/env python3
"""Naive mpmath gradient descent: the side-by-side yardstick for the decimal engine's speed.

Reads a problem as JSON on stdin (the library's problem fields: X, y, a, W0, gamma, loss, lr) and
times GD steps at a given number of significant digits, written the obvious way: every product and
sum an mpf operation at `mp.dps`, as docs/theory.md §1 states the step (exp and logistic losses).

    python3 scripts/mpmath_step.py DIGITS ROUNDS STEPS_PER_ROUND < problem.json

prints one JSON line: {"digits", "msPerStep" (median over the rounds after one warm-up round),
"rounds", "stepsPerRound", "mpmath"}. Exit status 3 when mpmath is not installed.
"""
import json
import statistics
import sys
import time

try:
    import mpmath
    from mpmath import mp, mpf
except ImportError:  # the bench reports the comparison as unavailable
    print(json.dumps({"unavailable": "python3 has no mpmath module"}))
    sys.exit(3)


def loss_derivative(loss, u):
    """-ℓ'(u): e^{-u} for the exponential loss, 1/(1 + e^{u}) for the logistic loss."""
    if loss == "exp":
        return mpmath.exp(-u)
    return 1 / (1 + mpmath.exp(u))


def step(p, W):
    """One GD step on W (docs/theory.md §1): w_j ← w_j + (α a_j/n) Σ_i c_i y_i φ'(z_ji) x_i."""
    X, y, a, gamma, lr, loss = p["X"], p["y"], p["a"], p["gamma"], p["lr"], p["loss"]
    n, m, d = len(X), len(W), len(X[0])
    z = [[mpmath.fdot(W[j], X[i]) for i in range(n)] for j in range(m)]
    slope = [[1 if z[j][i] > 0 else gamma for i in range(n)] for j in range(m)]
    c = [loss_derivative(loss, y[i] * mpmath.fsum(a[j] * slope[j][i] * z[j][i] for j in range(m))) for i in range(n)]
    out = []
    for j in range(m):
        coef = [c[i] * y[i] * slope[j][i] for i in range(n)]
        scale = lr * a[j] / n
        out.append([W[j][k] + scale * mpmath.fsum(coef[i] * X[i][k] for i in range(n)) for k in range(d)])
    return out


def main():
    digits, rounds, per_round = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    mp.dps = digits
    raw = json.load(sys.stdin)
    p = {
        "X": [[mpf(v) for v in row] for row in raw["X"]],
        "y": [mpf(v) for v in raw["y"]],
        "a": [mpf(v) for v in raw["a"]],
        "gamma": mpf(raw["gamma"]),
        "lr": mpf(raw["lr"]),
        "loss": raw["loss"],
    }
    W = [[mpf(v) for v in row] for row in raw["W0"]]
    times = []
    for r in range(rounds + 1):
        start = time.perf_counter()
        for _ in range(per_round):
            W = step(p, W)
        if r > 0:  # round 0 warms up
            times.append((time.perf_counter() - start) * 1000 / per_round)
    print(json.dumps({"digits": digits, "msPerStep": statistics.median(times), "rounds": rounds,
                      "stepsPerRound": per_round, "mpmath": mpmath.__version__}))


if __name__ == "__main__":
    main()
