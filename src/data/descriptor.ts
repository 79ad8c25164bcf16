import { InputError } from '../errors.js';

/**
 * The data models of docs/theory.md §3. The first five are the mixture `x = yμ + z` of H25 eq. 3 with the
 * named law for the entries of `z` (each of unit variance before scaling by `√sigmaDiag`);
 * `nearly-orthogonal` is the Gaussian mixture read in the KCG23/FVBSH23 regime (high `d`, usually
 * `muNorm = 0`); `orthogonal` is `x_i = s_i e_i` with real targets (MORTH26, DBP25).
 */
export type DataKind =
  | 'gaussian'
  | 'rademacher'
  | 'uniform'
  | 'student-t'
  | 'pareto'
  | 'nearly-orthogonal'
  | 'orthogonal';

/** Every {@link DataKind}, in the order the arbitraries shrink towards (first = simplest). */
export const DATA_KINDS: readonly DataKind[] = [
  'gaussian',
  'rademacher',
  'uniform',
  'student-t',
  'pareto',
  'nearly-orthogonal',
  'orthogonal',
];

/** The kinds built as the mixture `x = yμ + z` (every kind but `orthogonal`). */
export const MIXTURE_KINDS: readonly DataKind[] = DATA_KINDS.filter((k) => k !== 'orthogonal');

/**
 * A dataset, described by a small JSON-serialisable record: the same descriptor always yields the
 * same dataset, bit for bit (see `generateDataset`).
 */
export interface DatasetDescriptor {
  readonly kind: DataKind;
  /** Number of points, an integer ≥ 1. */
  readonly n: number;
  /** Number of features, an integer ≥ 1 (≥ n for `orthogonal`). */
  readonly d: number;
  /** ‖μ‖ of the mixture mean `μ = muNorm·e_1`, finite and ≥ 0; must be 0 for `orthogonal`. */
  readonly muNorm: number;
  /** Tail parameters: `nu` only for `student-t`, `alpha` only for `pareto` (defaults {@link DEFAULT_NU}, {@link DEFAULT_ALPHA}). */
  readonly noise?: { readonly nu?: number; readonly alpha?: number };
  /** Diagonal of the noise covariance Σ, length d, entries finite and ≥ 0 (mixture kinds only; default: identity). */
  readonly sigmaDiag?: readonly number[];
  /** Fraction η ∈ [0, 0.5) of labels flipped after the data are drawn (FCB22); exactly round(ηn) labels flip. */
  readonly labelNoise?: number;
  /** Any finite number or string; `1` and `"1"` name the same stream (seedrandom stringifies seeds). */
  readonly seed: number | string;
}

/**
 * Default Student-t degrees of freedom: the smallest integer with a finite fourth moment (ν > 4 is
 * what makes the sample variance concentrate, docs/theory.md §3 "polynomial tails").
 */
export const DEFAULT_NU = 5;
/** Default Pareto tail index: the smallest integer with a finite fourth moment (α > 4), as for {@link DEFAULT_NU}. */
export const DEFAULT_ALPHA = 5;
/** Lower (excluded) bound of ν and α: a finite fourth moment of the noise (docs/theory.md §3). */
export const MIN_TAIL_PARAMETER = 4;
/** Largest n·d a descriptor may ask for: 2^26 float64 entries = 512 MiB, beyond any run of this suite. */
export const MAX_ENTRIES = 2 ** 26;

const KNOWN_FIELDS = new Set(['kind', 'n', 'd', 'muNorm', 'noise', 'sigmaDiag', 'labelNoise', 'seed']);

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v);
  if (typeof v === 'number') return String(v);
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}

function finite(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(field, `expected a finite number, got ${show(v)}`);
  return v;
}

function positiveInteger(v: unknown, field: string): number {
  const x = finite(v, field);
  if (!Number.isSafeInteger(x) || x < 1) throw new InputError(field, `must be an integer ≥ 1, got ${x}`);
  return x;
}

function tailParameter(v: unknown, field: string): number {
  const x = finite(v, field);
  if (!(x > MIN_TAIL_PARAMETER)) {
    throw new InputError(field, `must be > ${MIN_TAIL_PARAMETER} (a finite fourth moment), got ${x}`);
  }
  return x;
}

/**
 * Checks a dataset descriptor (anything parsed from JSON) and returns a typed copy of it, with no
 * default filled in (so the copy serialises to the same JSON). The first violation throws an
 * {@link InputError} naming the field (`n`, `noise.nu`, `sigmaDiag[3]`, ...), before any computation.
 *
 * Kind-specific rules: `noise.nu` only for `student-t`, `noise.alpha` only for `pareto`;
 * `orthogonal` needs `d ≥ n`, `muNorm = 0` and no `sigmaDiag`.
 */
export function validateDescriptor(raw: unknown): DatasetDescriptor {
  if (!isRecord(raw)) throw new InputError('descriptor', `expected a JSON object, got ${show(raw)}`);
  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(key)) throw new InputError(key, `unknown field (known: ${[...KNOWN_FIELDS].join(', ')})`);
  }
  const kind = raw['kind'];
  if (typeof kind !== 'string' || !(DATA_KINDS as readonly string[]).includes(kind)) {
    throw new InputError('kind', `expected one of ${DATA_KINDS.join(', ')}, got ${show(kind)}`);
  }
  const k = kind as DataKind;
  const n = positiveInteger(raw['n'], 'n');
  const d = positiveInteger(raw['d'], 'd');
  if (n * d > MAX_ENTRIES) throw new InputError('n', `n·d = ${n * d} exceeds the limit of ${MAX_ENTRIES} entries`);
  if (k === 'orthogonal' && d < n) throw new InputError('d', `orthogonal data need d ≥ n (one axis per point), got d = ${d} < n = ${n}`);

  const muNorm = finite(raw['muNorm'], 'muNorm');
  if (muNorm < 0) throw new InputError('muNorm', `must be ≥ 0, got ${muNorm}`);
  if (k === 'orthogonal' && muNorm !== 0) throw new InputError('muNorm', `must be 0 for orthogonal data (no mixture mean), got ${muNorm}`);

  let noise: { nu?: number; alpha?: number } | undefined;
  if (raw['noise'] !== undefined) {
    const rn = raw['noise'];
    if (!isRecord(rn)) throw new InputError('noise', `expected {"nu"} or {"alpha"}, got ${show(rn)}`);
    for (const key of Object.keys(rn)) {
      if (key !== 'nu' && key !== 'alpha') throw new InputError(`noise.${key}`, 'unknown field (known: nu, alpha)');
    }
    noise = {};
    if (rn['nu'] !== undefined) {
      if (k !== 'student-t') throw new InputError('noise.nu', `only meaningful for kind student-t, not ${k}`);
      noise.nu = tailParameter(rn['nu'], 'noise.nu');
    }
    if (rn['alpha'] !== undefined) {
      if (k !== 'pareto') throw new InputError('noise.alpha', `only meaningful for kind pareto, not ${k}`);
      noise.alpha = tailParameter(rn['alpha'], 'noise.alpha');
    }
  }

  let sigmaDiag: number[] | undefined;
  if (raw['sigmaDiag'] !== undefined) {
    if (k === 'orthogonal') throw new InputError('sigmaDiag', 'orthogonal data have no noise covariance');
    const rs = raw['sigmaDiag'];
    if (!Array.isArray(rs)) throw new InputError('sigmaDiag', `expected an array of d = ${d} variances, got ${show(rs)}`);
    if (rs.length !== d) throw new InputError('sigmaDiag', `expected length d = ${d}, got ${rs.length}`);
    sigmaDiag = rs.map((v: unknown, i) => {
      const s = finite(v, `sigmaDiag[${i}]`);
      if (s < 0) throw new InputError(`sigmaDiag[${i}]`, `variances must be ≥ 0, got ${s}`);
      return s;
    });
  }

  let labelNoise: number | undefined;
  if (raw['labelNoise'] !== undefined) {
    labelNoise = finite(raw['labelNoise'], 'labelNoise');
    if (!(labelNoise >= 0 && labelNoise < 0.5)) throw new InputError('labelNoise', `must lie in [0, 0.5), got ${labelNoise}`);
  }

  const seed = raw['seed'];
  if (typeof seed !== 'string' && (typeof seed !== 'number' || !Number.isFinite(seed))) {
    throw new InputError('seed', `expected a finite number or a string, got ${show(seed)}`);
  }

  return {
    kind: k,
    n,
    d,
    muNorm,
    ...(noise ? { noise } : {}),
    ...(sigmaDiag ? { sigmaDiag } : {}),
    ...(labelNoise !== undefined ? { labelNoise } : {}),
    seed,
  };
}
