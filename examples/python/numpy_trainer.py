#!/usr/bin/env python3
"""A trainer for benign-check's trainer protocol v1 (docs/trainer-protocol.md), in numpy.

Run it as

    npx benign-check verify --trainer "python3 examples/python/numpy_trainer.py"

It reads one JSON request per line on stdin, runs full-batch gradient descent on the two-layer
leaky-ReLU network f(x; W) = sum_j a_j phi(<w_j, x>) with the second layer a fixed, and writes one
JSON answer per line on stdout, flushed. Logs go to stderr; stdout carries answers only.
Replace `train` with your own code: benign-check only sees the W it returns.
"""
import json
import sys

import numpy as np


def loss_and_slope(name, q):
    """The margin loss l(q) and its derivative l'(q), elementwise, without overflow."""
    if name == "exp":
        e = np.exp(-q)
        return e, -e
    if name == "logistic":
        # l(q) = log(1 + e^-q) and l'(q) = -1 / (1 + e^q), both through logaddexp.
        return np.logaddexp(0.0, -q), -np.exp(-np.logaddexp(0.0, q))
    raise ValueError(f"unknown loss {name!r}")


def train(problem, checkpoints):
    """GD W(t+1) = W(t) - lr * grad L(W(t)) on the mean loss; W (and L) at each checkpoint."""
    X = np.array(problem["X"], dtype=np.float64)  # n x d
    y = np.array(problem["y"], dtype=np.float64)  # n
    a = np.array(problem["a"], dtype=np.float64)  # m (fixed second layer)
    W = np.array(problem["W0"], dtype=np.float64)  # m x d
    gamma, lr = problem["gamma"], problem["lr"]
    loss = problem.get("loss", "exp")
    n = X.shape[0]
    wanted = set(checkpoints)
    out = []
    for t in range(checkpoints[-1] + 1):
        Z = W @ X.T  # m x n pre-activations <w_j, x_i>
        q = y * (a @ np.where(Z > 0, Z, gamma * Z))  # margins y_i f(x_i; W)
        value, slope = loss_and_slope(loss, q)
        if t in wanted:
            out.append({"t": t, "W": W.tolist(), "loss": float(value.mean())})
        if t == checkpoints[-1]:
            break
        # grad_{w_j} L = (1/n) sum_i l'(q_i) y_i a_j phi'(z_ji) x_i, with phi'(0) = gamma
        dphi = np.where(Z > 0, 1.0, gamma)  # m x n
        grad = (a[:, None] * dphi * (slope * y / n)[None, :]) @ X  # m x d
        W = W - lr * grad
    return out


def main():
    for line in sys.stdin:  # one request per line; the loop ends when benign-check closes stdin
        if not line.strip():
            continue
        request_id = None
        try:
            request = json.loads(line)
            request_id = request["id"]
            if request.get("protocol") != 1:
                raise ValueError(f"unsupported protocol {request.get('protocol')!r}")
            answer = {"id": request_id, "checkpoints": train(request["problem"], request["checkpoints"])}
        except Exception as e:  # report it as an error answer; benign-check shows the message
            print(f"numpy_trainer: {e!r}", file=sys.stderr)
            answer = {"id": request_id, "error": f"{type(e).__name__}: {e}"}
        # json.dumps writes floats with repr: the shortest decimal that reads back as the same double.
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
