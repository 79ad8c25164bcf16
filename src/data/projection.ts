import { InputError } from '../errors.js';
import { euclideanNorm } from '../numerics/norms.js';
import { validateDescriptor, type DatasetDescriptor } from './descriptor.js';
import { generateDataset } from './generate.js';
import { standardGamma } from './noise.js';
import { makeRng } from './rng.js';

/**
 * Fresh mixture points seen through a few linear functionals (docs/theory.md §3.7): for point i its
 * label `y[i]`, its projection `P[i·r + s] = ⟨v_s, x_i⟩` on each of the r directions, and `‖x_i‖²`.
 */
export interface ProjectedPoints {
  readonly n: number;
  /** The number of directions. */
  readonly r: number;
  /** Clean labels ±1. */
  readonly y: Float64Array;
  /** n×r, row-major: `P[i·r + s] = ⟨v_s, x_i⟩`. */
  readonly P: Float64Array;
  /** `‖x_i‖²`. */
  readonly sqNorm: Float64Array;
  /**
   * `'span'`: drawn in the span of the directions and μ, exact in law (Gaussian noise, Σ = σ²I);
   * `'full'`: every coordinate of every point drawn (`generateDataset`), then projected.
   */
  readonly method: 'span' | 'full';
}

/**
 * A direction whose part outside the span of the earlier ones is below this fraction of its norm is
 * not given a basis vector of its own: its projection then misses a Gaussian term of standard
 * deviation at most 1e-10 of its noise part's, a thousandth of the rounding of a d = 10⁴ dot product
 * in float64 (about d·2⁻⁵³ ≈ 1e-12). Below it, normalising the residual would amplify its rounding.
 */
export const SPAN_TOLERANCE = 1e-10;

/**
 * `count = desc.n` fresh points of the mixture `desc` describes, through the linear functionals
 * `directions` (each of length d), labels clean (`labelNoise` is ignored).
 *
 * For Gaussian noise with Σ = σ²I (the `gaussian` and `nearly-orthogonal` kinds with `sigmaDiag`
 * absent or constant) the points are drawn in the span (docs/theory.md §3.7): with Q an orthonormal
 * basis of span{μ, v_1, …, v_r} (k vectors), `x = yμ + σg` has `Qg ~ N(0, I_k)` and, independently,
 * `‖g‖² − ‖Qg‖² ~ χ²_{d−k}`, so each point costs k normals and one Gamma variate instead of d normals,
 * and the outputs have exactly the law of the full draw's. Any other law or Σ draws every
 * coordinate (`generateDataset`, the same bits as `testPoints`) and projects them.
 *
 * Streams (independent sub-streams of `desc.seed`): `:labels`, `:span-noise`, `:span-chi2`.
 *
 * @throws InputError for an invalid descriptor, a direction of the wrong length or with a non-finite
 *   entry (field `directions[s]` or `directions[s][k]`)
 */
export function projectedMixture(desc: DatasetDescriptor, directions: readonly ArrayLike<number>[]): ProjectedPoints {
  // Every field but the point count is checked as for a dataset; the count is not bounded by the n·d
  // entries a full dataset holds, since the span draw never holds the points (the full draw still is).
  const v = { ...validateDescriptor({ ...desc, n: 1 }), n: desc.n };
  if (!Number.isSafeInteger(v.n) || v.n < 1) throw new InputError('n', `must be an integer ≥ 1, got ${String(v.n)}`);
  if (v.kind === 'orthogonal') throw new InputError('kind', 'projected points are drawn from a mixture, not orthogonal data');
  const { d } = v;
  directions.forEach((dir, s) => {
    if (dir.length !== d) throw new InputError(`directions[${s}]`, `expected d = ${d} entries, got ${dir.length}`);
    for (let k = 0; k < d; k++) {
      if (!Number.isFinite(dir[k])) throw new InputError(`directions[${s}][${k}]`, `expected a finite number, got ${dir[k]}`);
    }
  });
  const variance = isotropicVariance(v.sigmaDiag, d);
  const gaussian = v.kind === 'gaussian' || v.kind === 'nearly-orthogonal';
  const basis = gaussian && variance !== null ? spanBasis(directions, d) : null;
  // χ²_{d−k} is drawn as 2·Gamma((d−k)/2), whose sampler needs shape ≥ 1.
  if (basis === null || d - basis.length < 2) return projectFull(v, directions);
  return drawInSpan(v, directions, basis, variance!);
}

/** σ² when every entry of the diagonal Σ is the same (1 when absent), else null. */
function isotropicVariance(sigmaDiag: readonly number[] | undefined, d: number): number | null {
  if (sigmaDiag === undefined) return 1;
  const s = sigmaDiag[0]!;
  for (let k = 1; k < d; k++) if (sigmaDiag[k] !== s) return null;
  return s;
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>, d: number): number {
  let s = 0;
  for (let k = 0; k < d; k++) s += a[k]! * b[k]!;
  return s;
}

/**
 * An orthonormal basis of span{e₁, v_1, …, v_r}, e₁ first (μ = ‖μ‖e₁, docs/theory.md §3.1): classical
 * Gram–Schmidt with a second pass ("twice is enough"), a direction kept when its residual exceeds
 * {@link SPAN_TOLERANCE} of its norm. Every vector after e₁ has first coordinate exactly 0.
 */
function spanBasis(directions: readonly ArrayLike<number>[], d: number): Float64Array[] {
  const e1 = new Float64Array(d);
  e1[0] = 1;
  const basis = [e1];
  for (const dir of directions) {
    const norm = euclideanNorm(dir);
    if (norm === 0) continue;
    const u = Float64Array.from(dir);
    for (let pass = 0; pass < 2; pass++) {
      for (const q of basis) {
        const c = dot(q, u, d);
        for (let k = 0; k < d; k++) u[k] = u[k]! - c * q[k]!;
      }
    }
    const residual = euclideanNorm(u);
    if (residual > SPAN_TOLERANCE * norm) basis.push(u.map((x) => x / residual));
  }
  return basis;
}

function drawInSpan(
  desc: DatasetDescriptor,
  directions: readonly ArrayLike<number>[],
  basis: readonly Float64Array[],
  variance: number,
): ProjectedPoints {
  const { n, d, muNorm } = desc;
  const r = directions.length;
  const k = basis.length;
  const sigma = Math.sqrt(variance);
  // coords[s·k + j] = ⟨q_j, v_s⟩; the signal part ⟨v_s, μ⟩ = ‖μ‖·v_s[0] is taken exactly.
  const coords = new Float64Array(r * k);
  const signal = new Float64Array(r);
  directions.forEach((dir, s) => {
    signal[s] = muNorm * dir[0]!;
    for (let j = 0; j < k; j++) coords[s * k + j] = dot(basis[j]!, dir, d);
  });
  const seed = String(desc.seed);
  const labels = makeRng(`${seed}:labels`);
  const noise = makeRng(`${seed}:span-noise`);
  const chi2 = makeRng(`${seed}:span-chi2`);
  const halfOutside = (d - k) / 2;
  const y = new Float64Array(n);
  const P = new Float64Array(n * r);
  const sqNorm = new Float64Array(n);
  const h = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const yi = labels.uniform() < 0.5 ? 1 : -1;
    y[i] = yi;
    for (let j = 0; j < k; j++) h[j] = noise.normal();
    // x = yμ + σg: its coordinate along e₁ is y‖μ‖ + σh₁, along the other q_j it is σh_j, and the rest of
    // ‖x‖² is σ²·χ²_{d−k}.
    let sq = (yi * muNorm + sigma * h[0]!) ** 2;
    for (let j = 1; j < k; j++) sq += variance * h[j]! ** 2;
    sqNorm[i] = sq + variance * 2 * standardGamma(halfOutside, chi2);
    for (let s = 0; s < r; s++) {
      let g = 0;
      for (let j = 0; j < k; j++) g += coords[s * k + j]! * h[j]!;
      P[i * r + s] = yi * signal[s]! + sigma * g;
    }
  }
  return { n, r, y, P, sqNorm, method: 'span' };
}

function projectFull(desc: DatasetDescriptor, directions: readonly ArrayLike<number>[]): ProjectedPoints {
  const { labelNoise: _clean, ...clean } = desc;
  const data = generateDataset(clean);
  const { n, d, X } = data;
  const r = directions.length;
  const P = new Float64Array(n * r);
  const sqNorm = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = X.subarray(i * d, (i + 1) * d);
    sqNorm[i] = dot(row, row, d);
    directions.forEach((dir, s) => {
      P[i * r + s] = dot(dir, row, d);
    });
  }
  return { n, r, y: data.y, P, sqNorm, method: 'full' };
}
