import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomProblem } from '../engines/decimal/randomProblem.js';
import { makeDecimalContext } from '../engines/decimal/context.js';
import { descent } from '../engines/decimal/engine.js';
import type { Problem } from '../problem/types.js';

/** The decimal engine's time per step beside a naive mpmath implementation's, on the same problem. */
export interface MpmathComparison {
  readonly digits: number;
  readonly shape: { readonly n: number; readonly d: number; readonly m: number };
  /** Alternating repetitions: each times the decimal engine, then mpmath, back to back. */
  readonly repetitions: number;
  /** Median over repetitions of the decimal engine's ms per step (its descent: BigInt fixed point, src/engines/decimal/fixed.ts). */
  readonly decimalMs: number;
  /** Median over repetitions of scripts/mpmath_step.py's ms per step, or why it could not run. */
  readonly mpmath: { readonly msPerStep: number; readonly version: string } | { readonly unavailable: string };
  /** Median, min and max over repetitions of decimal ÷ mpmath (null when mpmath is unavailable). */
  readonly ratio: { readonly median: number; readonly min: number; readonly max: number } | null;
}

/** The shape and precision the comparison is stated at: (n, d, m) = (10, 20, 4), 40 significant digits. */
export const MPMATH_SHAPE = { n: 10, d: 20, m: 4 } as const;
export const MPMATH_DIGITS = 40;

const script = fileURLToPath(new URL('../../scripts/mpmath_step.py', import.meta.url));

/** The problem's fields as the JSON rows scripts/mpmath_step.py reads (row-major X and W0). */
function problemJson(p: Problem): string {
  const rows = (flat: Float64Array, cols: number) => Array.from({ length: flat.length / cols }, (_, r) => Array.from(flat.subarray(r * cols, (r + 1) * cols)));
  return JSON.stringify({ X: rows(p.X, p.d), y: Array.from(p.y), a: Array.from(p.a), W0: rows(p.W0, p.d), gamma: p.gamma, lr: p.lr, loss: p.loss });
}

/** Steps before timing: V8 compiles the BigInt loops of the fixed-point step in the first few dozen. */
const WARM_UP_STEPS = 50;
/** Steps per timed round of the decimal engine (a round lasts tens of milliseconds). */
const STEPS_PER_ROUND = 20;

/**
 * Median ms per step of the decimal engine's descent (what `trainDecimal` iterates: weights stay in
 * fixed point between steps) at `digits` digits on `problem`, over `rounds` rounds after a warm-up.
 */
function decimalMsPerStep(problem: Problem, digits: number, rounds: number): number {
  const run = descent(makeDecimalContext(problem, { digits, arithmetic: 'fixed' }));
  for (let s = 0; s < WARM_UP_STEPS; s++) run.advance();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let s = 0; s < STEPS_PER_ROUND; s++) run.advance();
    times.push((performance.now() - start) / STEPS_PER_ROUND);
  }
  return median(times);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Times the decimal engine and the naive mpmath step (`python3 scripts/mpmath_step.py`) on the
 * same random problem (src/engines/decimal/randomProblem.ts, seed "speed"), alternating `repetitions` times so that a change of load
 * on the machine slows both alike; each side reports its median over `rounds` rounds after a warm-up.
 * A measurement for `npm run bench`, never a test assertion.
 */
export function compareWithMpmath(repetitions = 5, rounds = 5): MpmathComparison {
  const shape = MPMATH_SHAPE;
  const digits = MPMATH_DIGITS;
  const problem = randomProblem({ ...shape, seed: 'speed' });
  const input = problemJson(problem);
  const decimal: number[] = [];
  const mp: number[] = [];
  let version = '';
  for (let r = 0; r < repetitions; r++) {
    decimal.push(decimalMsPerStep(problem, digits, rounds));
    const py = spawnSync('python3', [script, String(digits), String(rounds), '3'], { input, encoding: 'utf8' });
    if (py.error) return unavailable(`python3 did not start (${py.error.message})`);
    if (py.status !== 0) return unavailable((py.stdout.trim() || py.stderr.trim()).slice(0, 300) || `exit status ${py.status}`);
    const out = JSON.parse(py.stdout) as { msPerStep: number; mpmath: string };
    mp.push(out.msPerStep);
    version = out.mpmath;
  }
  const ratios = decimal.map((t, r) => t / mp[r]!);
  return {
    digits,
    shape,
    repetitions,
    decimalMs: median(decimal),
    mpmath: { msPerStep: median(mp), version },
    ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) },
  };

  function unavailable(why: string): MpmathComparison {
    return { digits, shape, repetitions, decimalMs: median(decimal.length > 0 ? decimal : [decimalMsPerStep(problem, digits, rounds)]), mpmath: { unavailable: why }, ratio: null };
  }
}

/** One line for the bench's output. */
export function formatMpmathComparison(c: MpmathComparison): string {
  const at = `(n,d,m)=(${c.shape.n},${c.shape.d},${c.shape.m}) at ${c.digits} digits`;
  if (!('msPerStep' in c.mpmath)) return `decimal engine vs naive mpmath ${at}: decimal ${c.decimalMs.toFixed(3)} ms/step; mpmath unavailable: ${c.mpmath.unavailable}`;
  const r = c.ratio!;
  return (
    `decimal engine vs naive mpmath ${c.mpmath.version} ${at}, ${c.repetitions} alternating repetitions: ` +
    `decimal ${c.decimalMs.toFixed(3)} ms/step, mpmath ${c.mpmath.msPerStep.toFixed(3)} ms/step, ` +
    `time ratio ${r.median.toFixed(3)} (min ${r.min.toFixed(3)}, max ${r.max.toFixed(3)})`
  );
}
