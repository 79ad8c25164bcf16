#!/usr/bin/env node
// A trainer for benign-check's trainer protocol v1 (docs/trainer-protocol.md) in plain JavaScript:
// no build step, no dependencies. Run it as
//
//   npx benign-check verify --trainer "node examples/typescript/trainer.mjs"
//
// It reads one JSON request per line on stdin, runs full-batch gradient descent on the two-layer
// leaky-ReLU network f(x; W) = Σ_j a_j φ(⟨w_j, x⟩) with the second layer a fixed, and writes one JSON
// answer per line on stdout. Logs would go to stderr; stdout carries answers only.

import { createInterface } from 'node:readline';

/** Leaky ReLU φ(z) = max(z, γz), and its derivative with φ′(0) = γ. */
const phi = (z, gamma) => (z > 0 ? z : gamma * z);
const dphi = (z, gamma) => (z > 0 ? 1 : gamma);

/** The margin losses ℓ(u) and their derivatives ℓ′(u), written so that no exponential overflows. */
const LOSSES = {
  exp: { value: (u) => Math.exp(-u), slope: (u) => -Math.exp(-u) },
  logistic: {
    value: (u) => (u >= 0 ? Math.log1p(Math.exp(-u)) : -u + Math.log1p(Math.exp(u))),
    slope: (u) => (u >= 0 ? -Math.exp(-u) / (1 + Math.exp(-u)) : -1 / (1 + Math.exp(u))),
  },
};

/**
 * GD W(t+1) = W(t) − α ∇L(W(t)) on the mean loss L(W) = (1/n) Σ_i ℓ(y_i f(x_i; W)), with
 * ∇_{w_j} L = (1/n) Σ_i ℓ′(q_i) y_i a_j φ′(⟨w_j, x_i⟩) x_i. Returns W (and L) at each checkpoint.
 */
function train(problem, checkpoints) {
  const { X, y, gamma, a, W0, lr } = problem;
  const loss = LOSSES[problem.loss ?? 'exp'];
  if (!loss) throw new Error(`unknown loss ${problem.loss}`);
  const n = X.length;
  const d = X[0].length;
  const m = a.length;
  const W = W0.map((row) => row.slice());
  const Z = Array.from({ length: m }, () => new Array(n).fill(0)); // Z[j][i] = ⟨w_j, x_i⟩
  const q = new Array(n).fill(0); // margins q_i = y_i f(x_i; W)
  const out = [];
  const last = checkpoints[checkpoints.length - 1];
  let next = 0;
  for (let t = 0; ; t++) {
    // Forward pass: pre-activations and margins of W(t).
    q.fill(0);
    for (let j = 0; j < m; j++) {
      for (let i = 0; i < n; i++) {
        let z = 0;
        for (let k = 0; k < d; k++) z += W[j][k] * X[i][k];
        Z[j][i] = z;
        q[i] += a[j] * phi(z, gamma);
      }
    }
    for (let i = 0; i < n; i++) q[i] *= y[i];
    if (t === checkpoints[next]) {
      let L = 0;
      for (let i = 0; i < n; i++) L += loss.value(q[i]);
      out.push({ t, W: W.map((row) => row.slice()), loss: L / n });
      next++;
    }
    if (t === last) return out;
    // Backward pass and update: W(t+1) = W(t) − α ∇L(W(t)).
    const g = q.map((qi, i) => (loss.slope(qi) * y[i]) / n); // (1/n) ℓ′(q_i) y_i
    for (let j = 0; j < m; j++) {
      const grad = new Array(d).fill(0);
      for (let i = 0; i < n; i++) {
        const c = g[i] * a[j] * dphi(Z[j][i], gamma);
        for (let k = 0; k < d; k++) grad[k] += c * X[i][k];
      }
      for (let k = 0; k < d; k++) W[j][k] -= lr * grad[k];
    }
  }
}

const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
lines.on('line', (line) => {
  if (line.trim() === '') return;
  let id = null;
  let answer;
  try {
    const request = JSON.parse(line);
    id = request.id;
    if (request.protocol !== 1) throw new Error(`unsupported protocol ${request.protocol}`);
    answer = { id, checkpoints: train(request.problem, request.checkpoints) };
  } catch (e) {
    answer = { id, error: String(e && e.message ? e.message : e) };
  }
  // JSON.stringify writes the shortest decimal that reads back as the same double: W arrives exactly.
  process.stdout.write(JSON.stringify(answer) + '\n');
});
// End of input (benign-check closed stdin): nothing is left to do, and Node exits by itself.
