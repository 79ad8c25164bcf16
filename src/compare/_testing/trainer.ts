import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { scratchDir } from '../../cli/_testing/cli.js';

/**
 * A stand-alone trainer speaking trainer protocol v1 (plain Node, no imports from the suite), for
 * tests of `--trainer`: GD of docs/theory.md §1 in plain loops, in a different summation order from
 * the float64 engine. Arguments: `[driftStep drift]` multiplies W by (1 + drift) right after GD step
 * driftStep (counted from the request's W0), a planted defect; `nan` answers NaN in W[0][0].
 */
const SCRIPT = String.raw`
import { createInterface } from 'node:readline';
const [driftStep, drift] = [Number(process.argv[2] ?? -1), Number(process.argv[3] ?? 0)];
const nan = process.argv[2] === 'nan';
function train(p, checkpoints) {
  const { X, y, gamma, a, lr } = p;
  const n = X.length, d = X[0].length, m = a.length;
  const dl = p.loss === 'logistic' ? (u) => -1 / (1 + Math.exp(u)) : (u) => -Math.exp(-u);
  let W = p.W0.map((r) => r.slice());
  const out = [];
  const last = checkpoints[checkpoints.length - 1];
  for (let t = 0; ; t++) {
    if (checkpoints.includes(t)) out.push({ t, W: W.map((r) => r.map((v, k) => (nan && k === 0 ? null : v))) });
    if (t === last) return out;
    const Z = W.map((w) => X.map((x) => x.reduce((s, xk, k) => s + w[k] * xk, 0)));
    const q = X.map((_, i) => y[i] * a.reduce((s, aj, j) => s + aj * (Z[j][i] > 0 ? Z[j][i] : gamma * Z[j][i]), 0));
    W = W.map((w, j) => w.map((wjk, k) => {
      let g = 0;
      for (let i = 0; i < n; i++) g += dl(q[i]) * y[i] * a[j] * (Z[j][i] > 0 ? 1 : gamma) * X[i][k];
      return wjk - lr * (g / n);
    }));
    if (t + 1 === driftStep) W = W.map((r) => r.map((v) => v * (1 + drift)));
  }
}
createInterface({ input: process.stdin }).on('line', (line) => {
  const r = JSON.parse(line);
  process.stdout.write(JSON.stringify({ id: r.id, checkpoints: train(r.problem, r.checkpoints) }) + '\n');
});
`;

/** The shell command that runs the test trainer (written once to the scratch directory), with its arguments. */
export function testTrainerCommand(...args: (string | number)[]): string {
  const file = path.join(scratchDir, 'test-trainer.mjs');
  writeFileSync(file, SCRIPT);
  return [process.execPath, file, ...args.map(String)].map((s) => JSON.stringify(s)).join(' ');
}
