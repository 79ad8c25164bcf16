import { InputError } from '../errors.js';
import type { Problem } from '../problem/types.js';
import type { CandidateCheckpoint } from './judge.js';

/**
 * The trajectory file `compare` reads: the answer shape of the trainer protocol,
 * `{"checkpoints": [{"t": int, "W": number[][], "loss"?: number}]}` (an `"id"` is allowed, so a saved
 * answer line reads as is). Checked at the boundary: every violation is an {@link InputError} naming
 * the field as a JSON path (`checkpoints[3].W[1][2]`).
 */

/** A checkpoint of a trajectory file. */
export interface TrajectoryCheckpoint extends CandidateCheckpoint {
  /** The trainer's own L(W(t)), when it reported one. */
  readonly loss?: number;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null (JSON.stringify writes NaN and ±Infinity as null)';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…` : v)}`;
  return typeof v === 'number' ? String(v) : `a ${typeof v}`;
}

function finite(v: unknown, field: string): number {
  if (typeof v !== 'number') throw new InputError(field, `expected a finite number, got ${describe(v)}`);
  if (!Number.isFinite(v)) throw new InputError(field, `expected a finite number, got ${v} (out of the double range)`);
  return v;
}

/**
 * Checks a parsed trajectory against the problem's shape: at least one checkpoint; each `t` a
 * non-negative integer, strictly increasing (t past `problem.steps` is fine); each `W` m rows of d
 * finite numbers; `loss`, when present, a number.
 * @throws InputError naming the field
 */
export function validateTrajectory(raw: unknown, problem: Problem): TrajectoryCheckpoint[] {
  if (!isRecord(raw)) throw new InputError('trajectory', `expected a JSON object {"checkpoints": [...]}, got ${describe(raw)}`);
  for (const key of Object.keys(raw)) {
    if (key !== 'checkpoints' && key !== 'id') throw new InputError(key, 'unknown field (known: checkpoints, id)');
  }
  const cps = raw['checkpoints'];
  if (!Array.isArray(cps)) throw new InputError('checkpoints', `expected an array of {"t", "W", "loss"?}, got ${describe(cps)}`);
  if (cps.length === 0) throw new InputError('checkpoints', 'expected at least one checkpoint');
  const { m, d } = problem;
  let previous = -1;
  return cps.map((c: unknown, k): TrajectoryCheckpoint => {
    const at = `checkpoints[${k}]`;
    if (!isRecord(c)) throw new InputError(at, `expected {"t", "W", "loss"?}, got ${describe(c)}`);
    for (const key of Object.keys(c)) {
      if (key !== 't' && key !== 'W' && key !== 'loss') throw new InputError(`${at}.${key}`, 'unknown field (known: t, W, loss)');
    }
    const t = c['t'];
    if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) {
      throw new InputError(`${at}.t`, `expected a non-negative integer step count, got ${describe(t)}`);
    }
    if (t <= previous) throw new InputError(`${at}.t`, `must exceed the previous checkpoint's t = ${previous}, got ${t}`);
    previous = t;
    const rows = c['W'];
    if (!Array.isArray(rows)) throw new InputError(`${at}.W`, `expected m = ${m} rows of d = ${d} numbers, got ${describe(rows)}`);
    if (rows.length !== m) throw new InputError(`${at}.W`, `expected m = ${m} rows (the problem's width), got ${rows.length}`);
    const W = new Float64Array(m * d);
    rows.forEach((row: unknown, j) => {
      if (!Array.isArray(row)) throw new InputError(`${at}.W[${j}]`, `expected a row of d = ${d} numbers, got ${describe(row)}`);
      if (row.length !== d) throw new InputError(`${at}.W[${j}]`, `expected d = ${d} numbers (the problem's features), got ${row.length}`);
      for (let l = 0; l < d; l++) W[j * d + l] = finite(row[l], `${at}.W[${j}][${l}]`);
    });
    if (c['loss'] === undefined) return { t, W };
    if (typeof c['loss'] !== 'number') throw new InputError(`${at}.loss`, `expected a number, got ${describe(c['loss'])}`);
    return { t, W, loss: c['loss'] };
  });
}

/** Parses and checks the text of a trajectory file; text that is not JSON is an InputError on `trajectory`. */
export function parseTrajectory(text: string, problem: Problem): TrajectoryCheckpoint[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError('trajectory', `not valid JSON (${(e as Error).message})`);
  }
  return validateTrajectory(raw, problem);
}
