import { describe, expect, it } from 'vitest';
import { randomProblem } from './randomProblem.js';

const mean = (v: readonly number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const variance = (v: readonly number[]) => {
  const mu = mean(v);
  return v.reduce((s, x) => s + (x - mu) ** 2, 0) / (v.length - 1);
};

describe('randomProblem', () => {
  it('gives the same problem for the same spec and another one for another seed', () => {
    const spec = { n: 5, d: 3, m: 4, seed: 'repeat' };
    const a = randomProblem(spec);
    const b = randomProblem(spec);
    expect(Array.from(b.X)).toEqual(Array.from(a.X));
    expect(Array.from(b.y)).toEqual(Array.from(a.y));
    expect(Array.from(b.W0)).toEqual(Array.from(a.W0));
    const other = randomProblem({ ...spec, seed: 'other' });
    expect(Array.from(other.X)).not.toEqual(Array.from(a.X));
    expect(Array.from(other.W0)).not.toEqual(Array.from(a.W0));
    // a numeric seed and its string spell the same seed
    expect(Array.from(randomProblem({ ...spec, seed: 7 }).X)).toEqual(Array.from(randomProblem({ ...spec, seed: '7' }).X));
  });

  it('fills in the documented defaults and a balanced second layer', () => {
    const p = randomProblem({ n: 3, d: 2, m: 4, seed: 'defaults' });
    expect({ n: p.n, d: p.d, m: p.m, loss: p.loss, gamma: p.gamma, lr: p.lr, steps: p.steps }).toEqual({ n: 3, d: 2, m: 4, loss: 'exp', gamma: 0.1, lr: 0.5, steps: 100 });
    // balanced: half the neurons at +1/√m, half at −1/√m
    expect(Array.from(p.a)).toEqual([0.5, 0.5, -0.5, -0.5]);
    const q = randomProblem({ n: 3, d: 2, m: 4, seed: 'defaults', loss: 'logistic', gamma: 0.3, lr: 0.25, steps: 7 });
    expect({ loss: q.loss, gamma: q.gamma, lr: q.lr, steps: q.steps }).toEqual({ loss: 'logistic', gamma: 0.3, lr: 0.25, steps: 7 });
  });

  it('draws Rademacher labels: both signs, each about half the time', () => {
    // 400 fair signs: the count of +1 is 200 ± 10 (one standard deviation); 150…250 is 5 deviations.
    const { y } = randomProblem({ n: 400, d: 1, m: 1, seed: 'labels' });
    expect(Array.from(y).every((v) => v === 1 || v === -1)).toBe(true);
    const plus = Array.from(y).filter((v) => v === 1).length;
    expect(plus).toBeGreaterThan(150);
    expect(plus).toBeLessThan(250);
  });

  it('shifts each point by y_i along the all-ones direction on top of N(0, 1) noise', () => {
    // x_ik − y_i is N(0, 1): over 2000 entries its mean is 0 ± 0.022 and its variance 1 ± 0.032;
    // y_i·x_ik has mean +1 (the data lean toward their label, which makes them separable in most draws).
    const n = 400;
    const d = 5;
    const { X, y } = randomProblem({ n, d, m: 1, seed: 'shift' });
    const signed: number[] = [];
    const noise: number[] = [];
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < d; k++) {
        signed.push(y[i]! * X[i * d + k]!);
        noise.push(X[i * d + k]! - y[i]!);
      }
    }
    expect(Math.abs(mean(signed) - 1)).toBeLessThan(0.15);
    expect(Math.abs(mean(noise))).toBeLessThan(0.15);
    expect(Math.abs(variance(noise) - 1)).toBeLessThan(0.2);
  });

  it('draws W(0) as N(0, initScale²) entries, initScale 0.01 by default', () => {
    // 400 entries of W(0)/initScale: N(0, 1), so mean 0 ± 0.05, variance 1 ± 0.07, and |·| < 1 for 68.3 % of them.
    for (const [initScale, spec] of [
      [0.01, { n: 1, d: 20, m: 20, seed: 'init' }],
      [0.5, { n: 1, d: 20, m: 20, seed: 'init', initScale: 0.5 }],
      [1e-6, { n: 1, d: 20, m: 20, seed: 'init-small', initScale: 1e-6 }],
    ] as const) {
      const w = Array.from(randomProblem(spec).W0, (v) => v / initScale);
      expect(w).toHaveLength(400);
      expect(Math.abs(mean(w))).toBeLessThan(0.25);
      expect(Math.abs(variance(w) - 1)).toBeLessThan(0.3);
      const inside = w.filter((v) => Math.abs(v) < 1).length / w.length;
      expect(Math.abs(inside - 0.683)).toBeLessThan(0.1);
    }
  });
});
