import { InputError } from '../errors.js';
import { balancedRandomSecondLayer, balancedSecondLayer, gaussianInit, gaussianSecondLayer } from './init.js';
import {
  DEFAULT_INIT_SCALE,
  DEFAULT_INIT_SEED,
  type LossName,
  type Problem,
  type ProblemFile,
  type SecondLayerInit,
} from './types.js';

const LOSSES: readonly LossName[] = ['exp', 'logistic', 'square'];
const SECOND_LAYER_INITS: readonly SecondLayerInit[] = ['balanced', 'gaussian'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? v.slice(0, 20) + '…' : v)}`;
  return typeof v === 'number' ? String(v) : `a ${typeof v}`;
}

/** A finite number, or an InputError naming `field`. */
export function finiteNumber(v: unknown, field: string): number {
  if (typeof v !== 'number') throw new InputError(field, `expected a number, got ${describe(v)}`);
  if (!Number.isFinite(v)) throw new InputError(field, `expected a finite number, got ${String(v)}`);
  return v;
}

function vector(v: unknown, field: string, length?: number): Float64Array {
  if (!Array.isArray(v)) throw new InputError(field, `expected an array of numbers, got ${describe(v)}`);
  if (length !== undefined && v.length !== length) {
    throw new InputError(field, `expected length ${length}, got ${v.length}`);
  }
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = finiteNumber(v[i], `${field}[${i}]`);
  return out;
}

function matrix(v: unknown, field: string, rows: number | undefined, cols: number | undefined): Float64Array & { rows: number; cols: number } {
  if (!Array.isArray(v)) throw new InputError(field, `expected an array of rows, got ${describe(v)}`);
  if (rows !== undefined && v.length !== rows) throw new InputError(field, `expected ${rows} rows, got ${v.length}`);
  if (v.length === 0) throw new InputError(field, 'expected at least one row');
  const first: unknown = v[0];
  if (!Array.isArray(first)) throw new InputError(`${field}[0]`, `expected a row (an array of numbers), got ${describe(first)}`);
  const c = cols ?? first.length;
  if (c === 0) throw new InputError(`${field}[0]`, 'expected at least one column');
  const out = new Float64Array(v.length * c) as Float64Array & { rows: number; cols: number };
  for (let i = 0; i < v.length; i++) {
    const row: unknown = v[i];
    if (!Array.isArray(row)) throw new InputError(`${field}[${i}]`, `expected a row (an array of numbers), got ${describe(row)}`);
    if (row.length !== c) {
      throw new InputError(`${field}[${i}]`, `ragged matrix: expected ${c} entries, got ${row.length}`);
    }
    for (let k = 0; k < c; k++) out[i * c + k] = finiteNumber(row[k], `${field}[${i}][${k}]`);
  }
  out.rows = v.length;
  out.cols = c;
  return out;
}

/**
 * Checks a parsed problem file against the contract and resolves its defaults (docs/theory.md §1).
 * Every check runs before any computation; the first violation throws an {@link InputError}
 * naming the field. Nothing in the input is modified.
 *
 * @param raw - the parsed JSON of a problem file (anything: it is checked, not trusted)
 * @returns the problem in engine form
 */
export function validateProblem(raw: unknown): Problem {
  if (!isRecord(raw)) throw new InputError('problem', `expected a JSON object, got ${describe(raw)}`);
  const known = new Set(['X', 'y', 'gamma', 'a', 'm', 'W0', 'init', 'loss', 'lr', 'steps', 'mu', 'sigmaDiag', 'trainSecondLayer']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) throw new InputError(key, `unknown field (known: ${[...known].join(', ')})`);
  }
  if (raw['X'] === undefined) throw new InputError('X', 'missing (the n×d data matrix)');
  const X = matrix(raw['X'], 'X', undefined, undefined);
  const n = X.rows;
  const d = X.cols;

  let loss: LossName = 'exp';
  if (raw['loss'] !== undefined) {
    const l = raw['loss'];
    if (typeof l !== 'string' || !(LOSSES as readonly string[]).includes(l)) {
      throw new InputError('loss', `expected one of ${LOSSES.map((s) => `"${s}"`).join(', ')}, got ${describe(l)}`);
    }
    loss = l as LossName;
  }

  if (raw['y'] === undefined) throw new InputError('y', 'missing (the n labels, each +1 or -1; real targets with the square loss)');
  const y = vector(raw['y'], 'y', n);
  if (loss !== 'square') {
    for (let i = 0; i < n; i++) {
      if (y[i] !== 1 && y[i] !== -1) {
        throw new InputError(`y[${i}]`, `labels must be +1 or -1 with the ${loss} loss, got ${y[i]} (real targets need "loss": "square")`);
      }
    }
  }

  let trainSecondLayer = false;
  if (raw['trainSecondLayer'] !== undefined) {
    const v = raw['trainSecondLayer'];
    if (typeof v !== 'boolean') throw new InputError('trainSecondLayer', `expected true or false, got ${describe(v)}`);
    if (v && loss !== 'square') {
      throw new InputError('trainSecondLayer', `the second layer is trained with the square loss only (docs/theory.md §11), got loss "${loss}"`);
    }
    trainSecondLayer = v;
  }

  if (raw['gamma'] === undefined) throw new InputError('gamma', 'missing (the leaky-ReLU slope in [0, 1])');
  const gamma = finiteNumber(raw['gamma'], 'gamma');
  if (gamma < 0 || gamma > 1) throw new InputError('gamma', `must lie in [0, 1], got ${gamma}`);

  let m: number | undefined;
  if (raw['m'] !== undefined) {
    m = finiteNumber(raw['m'], 'm');
    if (!Number.isSafeInteger(m) || m < 1) throw new InputError('m', `must be an integer ≥ 1, got ${m}`);
  }
  let a: Float64Array | undefined;
  if (raw['a'] !== undefined) {
    a = vector(raw['a'], 'a', m);
    if (a.length < 1) throw new InputError('a', 'must have at least one entry (m ≥ 1)');
    m = a.length;
  }
  let W0: Float64Array | undefined;
  if (raw['W0'] !== undefined) {
    W0 = matrix(raw['W0'], 'W0', m, d);
    m = (W0 as Float64Array & { rows: number }).rows;
  }
  if (m === undefined) throw new InputError('m', 'missing: give m, a or W0 to fix the width');

  let init = { scale: DEFAULT_INIT_SCALE, seed: DEFAULT_INIT_SEED as number | string };
  let secondLayer: SecondLayerInit | undefined;
  if (raw['init'] !== undefined) {
    const ri = raw['init'];
    if (!isRecord(ri)) throw new InputError('init', `expected {"scale", "seed"}, got ${describe(ri)}`);
    for (const key of Object.keys(ri)) {
      if (key !== 'scale' && key !== 'seed' && key !== 'secondLayer') throw new InputError(`init.${key}`, 'unknown field (known: scale, seed, secondLayer)');
    }
    if (ri['secondLayer'] !== undefined) {
      const sl = ri['secondLayer'];
      if (typeof sl !== 'string' || !(SECOND_LAYER_INITS as readonly string[]).includes(sl)) {
        throw new InputError('init.secondLayer', `expected "balanced" or "gaussian", got ${describe(sl)}`);
      }
      if (a !== undefined) throw new InputError('init.secondLayer', 'give a or init.secondLayer, not both');
      secondLayer = sl as SecondLayerInit;
    }
    const scale = finiteNumber(ri['scale'], 'init.scale');
    if (scale < 0) throw new InputError('init.scale', `must be ≥ 0, got ${scale}`);
    const seed = ri['seed'];
    if (typeof seed !== 'string' && (typeof seed !== 'number' || !Number.isFinite(seed))) {
      throw new InputError('init.seed', `expected a finite number or a string, got ${describe(seed)}`);
    }
    init = { scale, seed };
  }

  if (raw['lr'] === undefined) throw new InputError('lr', 'missing (the step size, > 0)');
  const lr = finiteNumber(raw['lr'], 'lr');
  if (!(lr > 0)) throw new InputError('lr', `must be positive, got ${lr}`);

  if (raw['steps'] === undefined) throw new InputError('steps', 'missing (the number of GD steps)');
  const steps = finiteNumber(raw['steps'], 'steps');
  if (!Number.isSafeInteger(steps) || steps < 0) {
    throw new InputError('steps', `must be a non-negative integer, got ${steps}`);
  }

  const mu = raw['mu'] === undefined ? undefined : vector(raw['mu'], 'mu', d);
  let sigmaDiag: Float64Array | undefined;
  if (raw['sigmaDiag'] !== undefined) {
    sigmaDiag = vector(raw['sigmaDiag'], 'sigmaDiag', d);
    for (let k = 0; k < d; k++) {
      if (sigmaDiag[k]! < 0) throw new InputError(`sigmaDiag[${k}]`, `variances must be ≥ 0, got ${sigmaDiag[k]}`);
    }
  }

  const w0 = W0 ? Float64Array.from(W0) : gaussianInit(m, d, init.scale, init.seed);
  // docs/theory.md §11: a trained second layer starts balanced unless told otherwise.
  const drawn = secondLayer ?? (trainSecondLayer ? 'balanced' : undefined);
  const a0 =
    a ??
    (drawn === 'balanced'
      ? balancedRandomSecondLayer(w0, m, d, init.seed)
      : drawn === 'gaussian'
        ? gaussianSecondLayer(m, init.scale, init.seed)
        : balancedSecondLayer(m));
  return {
    n,
    d,
    m,
    X: Float64Array.from(X),
    y,
    a: a0,
    W0: w0,
    gamma,
    loss,
    ...(trainSecondLayer ? { trainSecondLayer: true } : {}),
    lr,
    steps,
    ...(mu ? { mu } : {}),
    ...(sigmaDiag ? { sigmaDiag } : {}),
  };
}

/** Parses the text of a problem file; malformed JSON is an {@link InputError} on field `problem`. */
export function parseProblem(text: string): Problem {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError('problem', `not valid JSON (${(e as Error).message})`);
  }
  return validateProblem(raw);
}

/** The problem file (JSON form) of an engine-form problem; `validateProblem(toProblemFile(p))` gives back `p`. */
export function toProblemFile(p: Problem): ProblemFile {
  const rows = (flat: Float64Array, r: number, c: number): number[][] =>
    Array.from({ length: r }, (_, i) => Array.from(flat.subarray(i * c, (i + 1) * c)));
  return {
    X: rows(p.X, p.n, p.d),
    y: Array.from(p.y),
    gamma: p.gamma,
    m: p.m,
    a: Array.from(p.a),
    W0: rows(p.W0, p.m, p.d),
    loss: p.loss,
    ...(p.trainSecondLayer === true ? { trainSecondLayer: true } : {}),
    lr: p.lr,
    steps: p.steps,
    ...(p.mu ? { mu: Array.from(p.mu) } : {}),
    ...(p.sigmaDiag ? { sigmaDiag: Array.from(p.sigmaDiag) } : {}),
  };
}
