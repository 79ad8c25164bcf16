import { NumericalError } from '../errors.js';
import { DEFAULT_ALPHA, DEFAULT_NU, validateDescriptor, type DatasetDescriptor } from './descriptor.js';
import { flipIndices } from './labelNoise.js';
import { unitNoiseSampler, type NoiseLaw } from './noise.js';
import { makeRng } from './rng.js';

/**
 * A dataset in engine layout (docs/theory.md §1): `X` is n×d row-major (`X[i*d + k]`), `y` has entries ±1.
 */
export interface Dataset {
  readonly n: number;
  readonly d: number;
  /** n×d, row-major. */
  readonly X: Float64Array;
  /** Training labels ±1 (after label noise, when there is any). */
  readonly y: Float64Array;
  /** The mixture mean μ (length d), for the mixture kinds. */
  readonly mu?: Float64Array;
  /** The diagonal of the noise covariance Σ (length d; all ones by default), for the mixture kinds. */
  readonly sigmaDiag?: Float64Array;
  /** The labels before flipping, present whenever the descriptor sets `labelNoise` (even to 0). */
  readonly cleanY?: Float64Array;
  /** Real targets of orthogonal data (MORTH26, DBP25): `y = sign(targets)`. */
  readonly targets?: Float64Array;
}

/**
 * The dataset a descriptor describes (docs/theory.md §3); the same descriptor gives the same bits.
 *
 * Mixture kinds (H25 eq. 3): `y_i` Rademacher, `x_i = y_i μ + Σ^{1/2} ξ_i` with `μ = muNorm·e_1` (a fixed
 * axis, so that with a diagonal Σ the signal meets the noise variance `sigmaDiag[0]`, and `⟨w, μ⟩` is
 * read off one coordinate) and `ξ_i` i.i.d. unit-variance entries of the kind's law (see
 * `unitNoiseSampler`). `nearly-orthogonal` is the Gaussian mixture under its own name (same bits as
 * `gaussian` with the same fields); measure its regime with `nearOrthogonalityRatio`.
 *
 * Orthogonal (MORTH26, DBP25): `x_i = s_i e_i`, `s_i ~ U[1, 2)`, targets `t_i = ±U[1, 2)` with a fair
 * sign, and `y = sign(t)`.
 *
 * Label noise (FCB22): exactly `round(η n)` distinct labels flip, after `X` is drawn from the clean
 * labels; for orthogonal data the flipped targets change sign too, so `y = sign(targets)` still holds.
 *
 * Independent sub-streams of the seed: `${seed}:labels`, `${seed}:noise`, `${seed}:scales`,
 * `${seed}:targets`, `${seed}:flips`. So, e.g., changing `muNorm` keeps the labels and the noise.
 *
 * @throws InputError for an invalid descriptor (see `validateDescriptor`), before any drawing
 * @throws NumericalError if a drawn entry is not finite (not expected for any valid descriptor)
 */
export function generateDataset(desc: DatasetDescriptor): Dataset {
  const v = validateDescriptor(desc);
  return v.kind === 'orthogonal' ? orthogonal(v) : mixture(v, v.kind === 'nearly-orthogonal' ? 'gaussian' : v.kind);
}

function rademacherLabels(n: number, seed: string): Float64Array {
  const rng = makeRng(`${seed}:labels`);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = rng.uniform() < 0.5 ? 1 : -1;
  return y;
}

function applyLabelNoise(desc: DatasetDescriptor, cleanY: Float64Array, targets?: Float64Array): Float64Array {
  const y = Float64Array.from(cleanY);
  if (desc.labelNoise === undefined) return y;
  for (const i of flipIndices(desc.labelNoise, desc.n, makeRng(`${String(desc.seed)}:flips`))) {
    y[i] = -y[i];
    if (targets) targets[i] = -targets[i];
  }
  return y;
}

function mixture(desc: DatasetDescriptor, law: NoiseLaw): Dataset {
  const { n, d } = desc;
  const seed = String(desc.seed);
  const cleanY = rademacherLabels(n, seed);
  const mu = new Float64Array(d);
  mu[0] = desc.muNorm;
  const sigmaDiag = desc.sigmaDiag ? Float64Array.from(desc.sigmaDiag) : new Float64Array(d).fill(1);
  const sd = sigmaDiag.map(Math.sqrt);
  const draw = unitNoiseSampler(law, makeRng(`${seed}:noise`), {
    nu: desc.noise?.nu ?? DEFAULT_NU,
    alpha: desc.noise?.alpha ?? DEFAULT_ALPHA,
  });
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) {
      // `+ 0` turns a −0 (from a zero variance times a negative draw) into +0, so JSON round-trips keep the bits.
      const x = cleanY[i] * mu[k] + sd[k] * draw() + 0;
      if (!Number.isFinite(x)) throw new NumericalError(`X[${i}][${k}]`, `drawn entry is ${x}`);
      X[i * d + k] = x;
    }
  }
  const y = applyLabelNoise(desc, cleanY);
  return { n, d, X, y, mu, sigmaDiag, ...(desc.labelNoise !== undefined ? { cleanY } : {}) };
}

function orthogonal(desc: DatasetDescriptor): Dataset {
  const { n, d } = desc;
  const seed = String(desc.seed);
  const scales = makeRng(`${seed}:scales`);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++) X[i * d + i] = 1 + scales.uniform();
  const cleanY = rademacherLabels(n, seed);
  const magnitudes = makeRng(`${seed}:targets`);
  const targets = new Float64Array(n);
  for (let i = 0; i < n; i++) targets[i] = cleanY[i] * (1 + magnitudes.uniform());
  const y = applyLabelNoise(desc, cleanY, targets);
  return { n, d, X, y, targets, ...(desc.labelNoise !== undefined ? { cleanY } : {}) };
}
