import { powerOfTen } from '../numbers.js';

/** One axis tick: where, and its label ("" for an unlabelled minor tick). */
export interface Tick {
  readonly value: number;
  readonly label: string;
}

/** A map from data values to [0, 1] along an axis, with its ticks. */
export interface Scale {
  readonly kind: 'linear' | 'log' | 'symlog';
  /** Position of `v` in [0, 1] (0 at the low end); `v` inside the domain the scale was built for. */
  at(v: number): number;
  readonly ticks: readonly Tick[];
}

/** Log scale when all values are > 0 and max/min exceeds this many decades (a power law or 1/t decay). */
export const LOG_DECADES = 2;
/** A linear axis aims at about this many intervals between ticks (4–6 labels in a small plot). */
const LINEAR_INTERVALS = 4;
/** At most this many labelled decades on a log axis; the others get unlabelled ticks. */
const MAX_LOG_LABELS = 5;
/** With more decades than this, unlabelled decade ticks are left out too (they would merge into a bar). */
const MAX_LOG_TICKS = 30;
/** Log and symlog domains are widened by this fraction of a decade, so end points do not sit on the frame. */
const LOG_PAD = 0.05;
/** A single value `v` is shown on [v - |v|/2, v + |v|/2] (or [-1, 1] for 0): some axis, not a zero-width one. */
const FLAT_HALF_WIDTH = 0.5;

/** Lowest power of ten used as the symlog threshold: 10⁻³⁰⁷ is still a normal double (10⁻³²⁴ is 0). */
const MIN_NORMAL_DECADE = -307;

const MINUS = '−'; // U+2212, typographic minus for tick labels

function niceStep(raw: number): number {
  const e = Math.floor(Math.log10(raw));
  const f = raw / 10 ** e;
  return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * 10 ** e;
}

/** Tick label of a linear axis with ticks `step` apart; exponent form for huge or tiny magnitudes. */
function linearLabel(v: number, step: number, big: number): string {
  if (Math.abs(v) < step * 1e-9) return '0'; // a multiple of step that should be 0 but carries rounding
  const stepExp = Math.floor(Math.log10(step) + 1e-9); // 1e-9: log10 of an exact power of ten may land just below it
  let text: string;
  if (big >= 1e5 || big < 1e-3) {
    const e = Math.floor(Math.log10(big));
    text = `${(v / 10 ** e).toFixed(Math.max(0, e - stepExp))}×${powerOfTen(e)}`;
  } else {
    text = v.toFixed(Math.max(0, -stepExp));
  }
  return text.replace('-', MINUS);
}

/** A linear scale over [lo, hi] widened to whole tick steps (1, 2 or 5 × 10^k). */
export function linearScale(lo: number, hi: number): Scale {
  if (lo === hi) {
    const half = lo === 0 ? 1 : Math.abs(lo) * FLAT_HALF_WIDTH;
    lo -= half;
    hi += half;
  }
  // Halves before differences: hi - lo overflows for values near ±Number.MAX_VALUE.
  const step = niceStep((hi / 2 - lo / 2) / (LINEAR_INTERVALS / 2));
  const first = Math.floor(lo / step);
  const last = Math.ceil(hi / step);
  const a = Math.max(first * step, -Number.MAX_VALUE);
  const b = Math.min(last * step, Number.MAX_VALUE);
  const big = Math.max(Math.abs(a), Math.abs(b));
  const ticks: Tick[] = [];
  for (let i = first; i <= last; i++) {
    const v = i * step;
    if (v >= a && v <= b) ticks.push({ value: v, label: linearLabel(v, step, big) }); // a tick past ±MAX_VALUE is ±∞: left out
  }
  return { kind: 'linear', at: (v) => (v / 2 - a / 2) / (b / 2 - a / 2), ticks };
}

function decadeTicks(e0: number, e1: number, value: (e: number) => number, label: (e: number) => string): Tick[] {
  const count = e1 - e0 + 1;
  const every = Math.max(1, Math.ceil(count / MAX_LOG_LABELS));
  const ticks: Tick[] = [];
  for (let e = e0; e <= e1; e++) {
    const major = e % every === 0;
    if (major || count <= MAX_LOG_TICKS) ticks.push({ value: value(e), label: major ? label(e) : '' });
  }
  return ticks;
}

/** A log10 scale over [min, max] (both > 0), ticks at the powers of ten inside, labelled 10². */
export function logScale(min: number, max: number): Scale {
  const l0 = Math.log10(min) - LOG_PAD;
  const l1 = Math.log10(max) + LOG_PAD;
  const ticks = decadeTicks(Math.ceil(l0), Math.floor(l1), (e) => 10 ** e, powerOfTen);
  return { kind: 'log', at: (v) => (Math.log10(v) - l0) / (l1 - l0), ticks };
}

/**
 * Share of values ≤ 0 a log axis may leave off: the t = 0 checkpoint of a log-spaced schedule
 * (engines/schedule.ts) is 1 point in ~20, and should not force a linear t axis.
 */
export const LOG_MAX_NONPOSITIVE = 0.1;

/**
 * The axis for plotting finite `values` (at least one): log when the values > 0 span more than
 * {@link LOG_DECADES} decades and at most {@link LOG_MAX_NONPOSITIVE} of the values are ≤ 0 (the
 * caller leaves those off and says so), linear otherwise.
 */
export function dataScale(values: readonly number[]): Scale {
  let min = Infinity;
  let max = -Infinity;
  let minPos = Infinity;
  let maxPos = -Infinity;
  let nonPositive = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    if (v > 0) {
      if (v < minPos) minPos = v;
      if (v > maxPos) maxPos = v;
    } else nonPositive++;
  }
  const logOk = maxPos > 0 && nonPositive <= LOG_MAX_NONPOSITIVE * values.length && Math.log10(maxPos / minPos) > LOG_DECADES;
  return logOk ? logScale(minPos, maxPos) : linearScale(min, max);
}

/**
 * The axis of a slack strip: it always contains 0. Linear, unless the nonzero magnitudes span more
 * than {@link LOG_DECADES} decades; then symmetric-log, `sign(v)·log10(1 + |v|/c)` with `c` the
 * power of ten at or below the smallest nonzero magnitude, so runs near the edge (slack near 0) stay
 * apart from one far outlier. Ticks at 0 and ±10^k. Empty or all-zero input gives [-1, 1].
 */
export function slackScale(values: readonly number[]): Scale {
  let lo = 0;
  let hi = 0;
  let minNonzero = Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    if (v !== 0 && Math.abs(v) < minNonzero) minNonzero = Math.abs(v);
  }
  const maxAbs = Math.max(-lo, hi);
  if (maxAbs === 0 || Math.log10(maxAbs / minNonzero) <= LOG_DECADES) return linearScale(lo, hi);

  const ce = Math.max(MIN_NORMAL_DECADE, Math.floor(Math.log10(minNonzero)));
  const c = 10 ** ce;
  // log10(1 + |v|/c), rewritten for |v| > c so that |v|/c cannot overflow.
  const t = (v: number) => {
    const a = Math.abs(v);
    return Math.sign(v) * (a > c ? Math.log10(a) - ce + Math.log10(1 + c / a) : Math.log10(1 + a / c));
  };
  const widen = (v: number) => (v === 0 ? 0 : Math.sign(v) * LOG_PAD);
  const t0 = t(lo) + widen(lo);
  const t1 = t(hi) + widen(hi);
  const eTop = Math.floor(Math.log10(maxAbs));
  const positive = hi > 0 ? decadeTicks(ce, eTop, (e) => 10 ** e, powerOfTen).filter((k) => k.value <= hi) : [];
  const negative = lo < 0 ? decadeTicks(ce, eTop, (e) => -(10 ** e), (e) => MINUS + powerOfTen(e)).filter((k) => k.value >= lo) : [];
  const ticks = [...negative.reverse(), { value: 0, label: '0' }, ...positive];
  return { kind: 'symlog', at: (v) => (t(v) - t0) / (t1 - t0), ticks };
}
