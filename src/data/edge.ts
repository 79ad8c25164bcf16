import { InputError } from '../errors.js';
import { euclideanNorm } from '../numerics/norms.js';
import { gaussianInit } from '../problem/init.js';
import { generateDataset, type Dataset } from './generate.js';
import { makeRng } from './rng.js';

/** The edge cases of docs/theory.md §3, by name. */
export type EdgeCaseName =
  | 'duplicated-points'
  | 'collinear-points'
  | 'zero-preactivation'
  | 'huge-norms'
  | 'tiny-norms'
  | 'd-less-than-n'
  | 'non-separable'
  | 'one-class'
  | 'single-point';

/** A small dataset that reaches one edge case, with what makes it one. */
export interface EdgeCase {
  readonly name: EdgeCaseName;
  /** One sentence: what is special, exactly. */
  readonly description: string;
  readonly dataset: Dataset;
  /** The first layer the case is built against (`zero-preactivation` only), m×d row-major. */
  readonly W0?: Float64Array;
  /** Width of `W0`, when present. */
  readonly m?: number;
}

/** Shape of an edge dataset; each constructor states its defaults and limits. */
export interface EdgeShape {
  readonly n?: number;
  readonly d?: number;
}

/** Row norm of `huge-norms`: squares (1e300) and sums of a few squares stay finite in float64. */
export const HUGE_NORM = 1e150;
/** Row norm of `tiny-norms`: squares (1e−300) stay normal doubles, not subnormal. */
export const TINY_NORM = 1e-150;
/** ‖μ‖ of the Gaussian mixture the edge datasets start from: classes mostly separable at n ≤ 10. */
const EDGE_MU_NORM = 2;

function base(name: EdgeCaseName, seed: number | string, n: number, d: number, muNorm = EDGE_MU_NORM): { X: Float64Array; y: Float64Array } {
  const data = generateDataset({ kind: 'gaussian', n, d, muNorm, seed: `edge:${name}:${String(seed)}` });
  return { X: Float64Array.from(data.X), y: Float64Array.from(data.y) };
}

function size(v: number | undefined, fallback: number, field: 'n' | 'd', min: number): number {
  const x = v ?? fallback;
  if (!Number.isSafeInteger(x) || x < min) throw new InputError(field, `must be an integer ≥ ${min} for this edge case, got ${x}`);
  return x;
}

function dataset(n: number, d: number, X: Float64Array, y: Float64Array): Dataset {
  return { n, d, X, y };
}

/** Point 1 is an exact copy of point 0, label included (n ≥ 2; default n = 4, d = 3). */
export function duplicatedPoints(seed: number | string, shape: EdgeShape = {}): EdgeCase {
  const n = size(shape.n, 4, 'n', 2);
  const d = size(shape.d, 3, 'd', 1);
  const { X, y } = base('duplicated-points', seed, n, d);
  X.copyWithin(d, 0, d);
  y[1] = y[0];
  return { name: 'duplicated-points', description: 'x_1 = x_0 and y_1 = y_0 exactly', dataset: dataset(n, d, X, y) };
}

/**
 * Every point on one line through 0, exactly: `x_i = c_i v` with `v_k = ±2^{e_k}` (so each product is
 * exact) and `c_i = y_i·(1 + U[0, 1))`; every 2×2 minor `x_ia x_kb − x_ib x_ka` is exactly 0 in float64.
 * Separable by `v`, and positively correlated (H25 Case 1). Default n = 4, d = 3.
 */
export function collinearPoints(seed: number | string, shape: EdgeShape = {}): EdgeCase {
  const n = size(shape.n, 4, 'n', 1);
  const d = size(shape.d, 3, 'd', 1);
  const rng = makeRng(`edge:collinear-points:${String(seed)}`);
  // Exponents in −2..2: entries of v between 1/4 and 4 in magnitude.
  const v = Array.from({ length: d }, () => (rng.uniform() < 0.5 ? -1 : 1) * 2 ** (Math.floor(rng.uniform() * 5) - 2));
  const X = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.uniform() < 0.5 ? 1 : -1;
    const c = y[i] * (1 + rng.uniform());
    for (let k = 0; k < d; k++) X[i * d + k] = c * v[k];
  }
  return { name: 'collinear-points', description: 'x_i = c_i v exactly, y_i = sign(c_i)', dataset: dataset(n, d, X, y) };
}

/**
 * A point `x_i` with `⟨w_j, x_i⟩ = 0` exactly in float64 for a given `W0` (the other points are a
 * Gaussian mixture). Construction: if `w_j` has a zero coordinate `k`, `x_i = e_k` (every product is
 * ±0). Otherwise take the two largest |coordinates| a, b of `w_j` and set `x_ia = c·w_jb`,
 * `x_ib = −c·w_ja` with `c` a power of two bringing them into [1, 2) (so both are exact): the two
 * products are the correctly rounded values of `±c·w_ja·w_jb`, equal and opposite, and every other
 * product is ±0, so the sum is exactly 0 in any order (and with exact arithmetic).
 *
 * @param opts.i - the point (default 0), opts.j - the neuron (default 0), opts.n - default 4
 * @throws InputError if W0 is not m×d finite, i or j is out of range, or d = 1 with `w_j ≠ 0`
 */
export function zeroPreactivation(
  W0: ArrayLike<number>,
  m: number,
  d: number,
  opts: { seed: number | string; n?: number; i?: number; j?: number },
): EdgeCase {
  if (!Number.isSafeInteger(m) || m < 1) throw new InputError('m', `must be an integer ≥ 1, got ${m}`);
  const dd = size(d, 1, 'd', 1);
  if (W0.length !== m * dd) throw new InputError('W0', `expected m·d = ${m * dd} entries, got ${W0.length}`);
  for (let t = 0; t < W0.length; t++) {
    if (!Number.isFinite(W0[t])) throw new InputError(`W0[${Math.floor(t / dd)}][${t % dd}]`, `expected a finite number, got ${W0[t]}`);
  }
  const n = size(opts.n, 4, 'n', 1);
  const i = opts.i ?? 0;
  const j = opts.j ?? 0;
  if (!Number.isSafeInteger(i) || i < 0 || i >= n) throw new InputError('i', `must be a point index in 0..${n - 1}, got ${i}`);
  if (!Number.isSafeInteger(j) || j < 0 || j >= m) throw new InputError('j', `must be a neuron index in 0..${m - 1}, got ${j}`);
  const w = Array.from({ length: dd }, (_, k) => W0[j * dd + k]);
  const x = orthogonalPoint(w);
  const { X, y } = base('zero-preactivation', opts.seed, n, dd);
  X.set(x, i * dd);
  return {
    name: 'zero-preactivation',
    description: `<w_${j}, x_${i}> = 0 exactly in float64 for the given W0`,
    dataset: dataset(n, dd, X, y),
    W0: Float64Array.from(W0),
    m,
  };
}

function orthogonalPoint(w: number[]): Float64Array {
  const d = w.length;
  const x = new Float64Array(d);
  const zeroAt = w.findIndex((v) => v === 0);
  if (zeroAt >= 0) {
    x[zeroAt] = 1;
    return x;
  }
  if (d < 2) throw new InputError('d', 'a nonzero w_j in d = 1 has no nonzero orthogonal point');
  const order = w.map((_, k) => k).sort((p, q) => Math.abs(w[q]) - Math.abs(w[p]) || p - q);
  const a = order[0];
  const b = order[1];
  let c = 1;
  const top = Math.abs(w[a]);
  while (top * c >= 2) c /= 2;
  while (top * c < 1) c *= 2;
  x[a] = c * w[b];
  x[b] = -c * w[a];
  // Fall back to c = 1 if the scaling was not exact (|w_b| far below |w_a|, so c·w_b underflowed).
  if (x[a] / c !== w[b] || x[b] / c !== -w[a]) {
    x[a] = w[b];
    x[b] = -w[a];
  }
  const p = w[a] * x[a];
  if (!Number.isFinite(p) || p + w[b] * x[b] !== 0) {
    throw new InputError('W0', `cannot build an exactly orthogonal point: |w_${a}·w_${b}| is out of the double range`);
  }
  return x;
}

function scaledRows(name: EdgeCaseName, norm: number, seed: number | string, shape: EdgeShape): EdgeCase {
  const n = size(shape.n, 4, 'n', 1);
  const d = size(shape.d, 3, 'd', 1);
  const { X, y } = base(name, seed, n, d);
  for (let i = 0; i < n; i++) {
    const f = norm / euclideanNorm(X, i * d, d);
    for (let k = 0; k < d; k++) X[i * d + k] *= f;
  }
  return { name, description: `every row has norm ${norm} (to rounding)`, dataset: dataset(n, d, X, y) };
}

/** Mixture data with every row rescaled to norm {@link HUGE_NORM} (default n = 4, d = 3). */
export function hugeNorms(seed: number | string, shape: EdgeShape = {}): EdgeCase {
  return scaledRows('huge-norms', HUGE_NORM, seed, shape);
}

/** Mixture data with every row rescaled to norm {@link TINY_NORM} (default n = 4, d = 3). */
export function tinyNorms(seed: number | string, shape: EdgeShape = {}): EdgeCase {
  return scaledRows('tiny-norms', TINY_NORM, seed, shape);
}

/** Gaussian mixture with fewer features than points (default n = 8, d = 2; needs d < n). */
export function fewerFeaturesThanPoints(seed: number | string, shape: EdgeShape = {}): EdgeCase {
  const n = size(shape.n, 8, 'n', 2);
  const d = size(shape.d, 2, 'd', 1);
  if (d >= n) throw new InputError('d', `must be < n = ${n} for this edge case, got ${d}`);
  const { X, y } = base('d-less-than-n', seed, n, d);
  return { name: 'd-less-than-n', description: `d = ${d} < n = ${n}`, dataset: dataset(n, d, X, y) };
}

/** Not linearly separable, by any classifier: point 1 is point 0 with the opposite label (n ≥ 2; default n = 4, d = 3). */
export function nonSeparable(seed: number | string, shape: EdgeShape = {}): EdgeCase {
  const n = size(shape.n, 4, 'n', 2);
  const d = size(shape.d, 3, 'd', 1);
  const { X, y } = base('non-separable', seed, n, d);
  X.copyWithin(d, 0, d);
  y[1] = -y[0];
  return { name: 'non-separable', description: 'x_1 = x_0 exactly with y_1 = −y_0', dataset: dataset(n, d, X, y) };
}

/** Every label +1, points `μ + z` from the positive class (default n = 4, d = 3). */
export function oneClass(seed: number | string, shape: EdgeShape = {}): EdgeCase {
  const n = size(shape.n, 4, 'n', 1);
  const d = size(shape.d, 3, 'd', 1);
  const { X } = base('one-class', seed, n, d, 0);
  for (let i = 0; i < n; i++) X[i * d] += EDGE_MU_NORM;
  return { name: 'one-class', description: 'every y_i = +1', dataset: dataset(n, d, X, new Float64Array(n).fill(1)) };
}

/** A single point, n = 1 (default d = 3). */
export function singlePoint(seed: number | string, shape: EdgeShape = {}): EdgeCase {
  const d = size(shape.d, 3, 'd', 1);
  if (shape.n !== undefined && shape.n !== 1) throw new InputError('n', `must be 1 for this edge case, got ${shape.n}`);
  const { X, y } = base('single-point', seed, 1, d);
  return { name: 'single-point', description: 'n = 1', dataset: dataset(1, d, X, y) };
}

/**
 * Every edge case of docs/theory.md §3 at its default shape, in a fixed order. `zero-preactivation` is built
 * against `W0 = gaussianInit(m, 3, initScale, seed)` (the `W0` that a problem file with
 * `init: { scale: initScale, seed }` resolves to), neuron 0 and point 0.
 *
 * @param opts.m - width of that W0 (default 4); opts.initScale - its scale (default 1)
 */
export function edgeCases(seed: number | string, opts: { m?: number; initScale?: number } = {}): EdgeCase[] {
  const m = opts.m ?? 4;
  const d = 3;
  return [
    duplicatedPoints(seed),
    collinearPoints(seed),
    zeroPreactivation(gaussianInit(m, d, opts.initScale ?? 1, seed), m, d, { seed }),
    hugeNorms(seed),
    tinyNorms(seed),
    fewerFeaturesThanPoints(seed),
    nonSeparable(seed),
    oneClass(seed),
    singlePoint(seed),
  ];
}
