import { describe, expect, it } from 'vitest';
import { makeRng } from '../data/rng.js';
import { validateProblem } from '../problem/validate.js';
import { minNormInterpolator, ORTHOGONAL_REL_TOL } from './minNorm.js';

/** A tiny orthogonal square-loss problem: x_i = s_i e_i, width m. */
function tiny(s: number[], y: number[], m: number) {
  return validateProblem({ X: s.map((v, i) => s.map((_, k) => (k === i ? v : 0))), y, gamma: 0, m, loss: 'square', lr: 0.1, steps: 1 });
}

/**
 * `min Σ_j (a_j² + ‖w_j‖²)` over interpolators by brute force: random search over W (m×n), with a the
 * minimum-norm solution of the n linear interpolation equations `Σ_j a_j relu(s_i w_ji) = y_i` (normal
 * equations, n ≤ 3, so m ≥ n keeps them solvable for generic W), then a shrinking-step hill climb from each start.
 */
function bruteForce(s: number[], y: number[], m: number, seed: string): number {
  const n = s.length;
  const rng = makeRng(seed);
  const cost = (W: number[]): number => {
    const A = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => Math.max(0, s[i]! * W[j * n + i]!)));
    const G = A.map((ri) => A.map((rk) => ri.reduce((acc, v, j) => acc + v * rk[j]!, 0)));
    const lam = solve(G, y);
    if (lam === null) return Infinity;
    let total = W.reduce((acc, v) => acc + v * v, 0);
    for (let j = 0; j < m; j++) {
      const aj = A.reduce((acc, row, i) => acc + row[j]! * lam[i]!, 0);
      total += aj * aj;
    }
    return total;
  };
  let best = Infinity;
  for (let start = 0; start < 40; start++) {
    let W = Array.from({ length: m * n }, () => 2 * rng.normal());
    let c = cost(W);
    let step = 1;
    for (let it = 0; it < 4000; it++) {
      const cand = W.map((v) => v + step * rng.normal());
      const cc = cost(cand);
      if (cc < c) {
        W = cand;
        c = cc;
      } else step *= 0.998;
    }
    best = Math.min(best, c);
  }
  return best;
}

/** Solves G λ = y (n ≤ 3) by Gaussian elimination with partial pivoting; null when G is singular. */
function solve(G: number[][], y: number[]): number[] | null {
  const n = y.length;
  const M = G.map((row, i) => [...row, y[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    if (Math.abs(M[p]![c]!) < 1e-12) return null;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r]![c]! / M[c]![c]!;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  return M.map((row, i) => row[n]! / row[i]!);
}

describe('minNormInterpolator (docs/theory.md §11)', () => {
  it.each([
    [[1.5, 1.2], [1.7, -1.3], 2],
    [[1.1, 1.9], [1.4, 1.8], 2],
    [[1.3, 1.6, 1.2], [1.2, -1.9, 1.5], 3],
    [[2, 1.25, 1.75], [-1.1, -1.6, 1.3], 3],
  ])('matches brute-force optimisation on x = diag(%j), y = %j, m = %i', (s, y, m) => {
    const closed = minNormInterpolator(tiny(s, y, m));
    expect(closed.status).toBe('ok');
    if (closed.status !== 'ok') return;
    const plus = Math.hypot(...y.map((v, i) => (v > 0 ? v / s[i]! : 0)));
    const minus = Math.hypot(...y.map((v, i) => (v < 0 ? v / s[i]! : 0)));
    expect(closed.minNorm).toBeCloseTo(2 * (plus + minus), 14);
    const found = bruteForce(s, y, m, `brute:${s.join(',')}`);
    // No interpolator beats the closed form (up to the search's own rounding), and the search gets within 1%.
    expect(found).toBeGreaterThanOrEqual(closed.minNorm * (1 - 1e-9));
    expect(found).toBeLessThanOrEqual(closed.minNorm * 1.01);
  });

  it('is infeasible at m = 1 with targets of both signs, unsupported off its hypotheses', () => {
    expect(minNormInterpolator(tiny([1.5, 1.2], [1.7, -1.3], 1)).status).toBe('infeasible');
    expect(minNormInterpolator(tiny([1.5, 1.2], [1.7, 1.3], 1)).status).toBe('ok');
    const leaky = validateProblem({ X: [[1, 0], [0, 1]], y: [1, -1], gamma: 0.1, m: 2, loss: 'square', lr: 0.1, steps: 1 });
    expect(minNormInterpolator(leaky)).toMatchObject({ status: 'unsupported' });
    const skew = validateProblem({ X: [[1, 0.1], [0, 1]], y: [1, -1], gamma: 0, m: 2, loss: 'square', lr: 0.1, steps: 1 });
    expect(minNormInterpolator(skew)).toMatchObject({ status: 'unsupported' });
    const margin = validateProblem({ X: [[1, 0], [0, 1]], y: [1, -1], gamma: 0, m: 2, lr: 0.1, steps: 1 });
    expect(minNormInterpolator(margin)).toMatchObject({ status: 'unsupported' });
  });
});

/** A square-loss ReLU problem on the given rows. */
function square(X: number[][], y: number[], m: number) {
  return validateProblem({ X, y, gamma: 0, m, loss: 'square', lr: 0.1, steps: 1 });
}

describe('minNormInterpolator closed form and refusals', () => {
  it('splits ỹ = y_i/‖x_i‖ by sign: ‖ỹ₊‖, ‖ỹ₋‖ and 2(‖ỹ₊‖ + ‖ỹ₋‖)', () => {
    // x = diag(2, 1, 4), y = (6, −3, −4): ỹ = (3, −3, −1), ‖ỹ₊‖ = 3, ‖ỹ₋‖ = √10.
    const got = minNormInterpolator(square([[2, 0, 0], [0, 1, 0], [0, 0, 4]], [6, -3, -4], 2));
    expect(got).toMatchObject({ status: 'ok', plusNorm: 3, minusNorm: Math.sqrt(10), neuronsNeeded: 2 });
    if (got.status === 'ok') expect(got.minNorm).toBeCloseTo(2 * (3 + Math.sqrt(10)), 14);
  });

  it('needs one neuron when every target is negative, so m = 1 suffices', () => {
    const got = minNormInterpolator(square([[1, 0], [0, 2]], [-1, -4], 1));
    expect(got).toMatchObject({ status: 'ok', plusNorm: 0, minusNorm: Math.sqrt(5), neuronsNeeded: 1 });
  });

  it('is infeasible at m = 1 with targets of both signs, naming the width', () => {
    const got = minNormInterpolator(square([[1, 0], [0, 1]], [1, -1], 1));
    expect(got).toMatchObject({ status: 'infeasible', neuronsNeeded: 2 });
    if (got.status === 'infeasible') expect(got.reason).toMatch(/width m = 1 cannot fit targets of both signs/);
  });

  it('refuses other losses and γ ≠ 0, naming them', () => {
    const margin = validateProblem({ X: [[1, 0], [0, 1]], y: [1, -1], gamma: 0, m: 2, loss: 'logistic', lr: 0.1, steps: 1 });
    expect(minNormInterpolator(margin)).toEqual({ status: 'unsupported', reason: expect.stringMatching(/square loss.*"logistic"/) });
    const leaky = validateProblem({ X: [[1, 0], [0, 1]], y: [1, -1], gamma: 0.25, m: 2, loss: 'square', lr: 0.1, steps: 1 });
    expect(minNormInterpolator(leaky)).toEqual({ status: 'unsupported', reason: expect.stringMatching(/ReLU \(γ = 0\).*γ = 0\.25/) });
  });

  it('refuses a zero row, naming it', () => {
    expect(minNormInterpolator(square([[1, 0], [0, 0]], [1, -1], 2))).toEqual({ status: 'unsupported', reason: expect.stringMatching(/^row 1 of X is zero/) });
  });

  it('refuses non-orthogonal rows, naming the pair and |cos|', () => {
    // Rows 1 and 2 of three: ⟨(0, 2, 0), (0, 1, 1)⟩ = 2 over norms 2 and √2, |cos| = 1/√2 ≈ 0.707.
    const got = minNormInterpolator(square([[1, 0, 0], [0, 2, 0], [0, 1, 1]], [1, -1, 1], 2));
    expect(got).toEqual({ status: 'unsupported', reason: expect.stringMatching(/^rows 1 and 2 of X are not orthogonal \(\|cos\| = 0\.707\)/) });
  });

  it('judges orthogonality by the cosine, whatever the scale of the rows', () => {
    // |cos| ≈ 0.0995 for rows of norm ≈ 1e-4: the inner product 1e-9 alone would look orthogonal.
    const got = minNormInterpolator(square([[1e-4, 1e-5], [0, 1e-4]], [1, -1], 2));
    expect(got).toEqual({ status: 'unsupported', reason: expect.stringMatching(/\|cos\| = 0\.0995/) });
  });

  it('accepts |cos| exactly at ORTHOGONAL_REL_TOL', () => {
    // ‖(1e-12, 1)‖ rounds to 1, so |cos| = 1e-12 = ORTHOGONAL_REL_TOL exactly: the largest accepted value.
    expect(ORTHOGONAL_REL_TOL).toBe(1e-12);
    expect(minNormInterpolator(square([[1, 0], [1e-12, 1]], [1, -1], 2)).status).toBe('ok');
    expect(minNormInterpolator(square([[1, 0], [2e-12, 1]], [1, -1], 2)).status).toBe('unsupported');
  });
});
