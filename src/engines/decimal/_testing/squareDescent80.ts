import { Decimal } from 'decimal.js';
import type { Problem } from '../../../problem/types.js';

/** Working precision of the independent reference. */
export const REFERENCE_DIGITS = 80;

/**
 * An independent high-precision implementation of GD on the square loss (docs/theory.md §1, §11) for
 * differential tests of the decimal engine: decimal.js at {@link REFERENCE_DIGITS} digits, its own
 * constructor, doubles read through their exact string (`toPrecision(40)` would round), written point by
 * point. Shares no code with src/engines/decimal.
 */
export function squareDescent80(p: Problem, steps: number): { W: Decimal[]; a: Decimal[] } {
  const R = Decimal.clone({ precision: REFERENCE_DIGITS, rounding: Decimal.ROUND_HALF_EVEN });
  // A double is a dyadic rational: its exact decimal expansion, via BigInt, has at most 1 100 digits.
  const exact = (x: number): Decimal => {
    if (x === 0) return new R(0);
    const buf = new DataView(new ArrayBuffer(8));
    buf.setFloat64(0, x);
    const bits = buf.getBigUint64(0);
    const sign = bits >> 63n ? -1n : 1n;
    const e = Number((bits >> 52n) & 0x7ffn);
    const frac = bits & ((1n << 52n) - 1n);
    const mant = e === 0 ? frac : frac | (1n << 52n);
    const pow = (e === 0 ? 1 : e) - 1075;
    const exactR = Decimal.clone({ precision: 1e9 });
    const v = pow >= 0 ? new exactR((sign * mant * (1n << BigInt(pow))).toString()) : new exactR((sign * mant).toString()).div(new exactR(2).pow(-pow));
    return new R(v);
  };
  const { n, d, m, gamma } = p;
  const X = Array.from(p.X, exact);
  const y = Array.from(p.y, exact);
  const g = exact(gamma);
  const step = exact(p.lr).div(n);
  let W = Array.from(p.W0, exact);
  let a = Array.from(p.a, exact);
  for (let t = 0; t < steps; t++) {
    const gW = Array.from({ length: m * d }, () => new R(0));
    const ga = Array.from({ length: m }, () => new R(0));
    for (let i = 0; i < n; i++) {
      const z: Decimal[] = [];
      let f = new R(0);
      for (let j = 0; j < m; j++) {
        let s = new R(0);
        for (let k = 0; k < d; k++) s = s.plus(W[j * d + k]!.times(X[i * d + k]!));
        z.push(s);
        f = f.plus(a[j]!.times(s.gt(0) ? s : s.times(g)));
      }
      const r = f.minus(y[i]!);
      for (let j = 0; j < m; j++) {
        const zj = z[j]!;
        ga[j] = ga[j]!.plus(r.times(zj.gt(0) ? zj : zj.times(g)));
        const c = r.times(a[j]!).times(zj.gt(0) ? 1 : g);
        for (let k = 0; k < d; k++) gW[j * d + k] = gW[j * d + k]!.plus(c.times(X[i * d + k]!));
      }
    }
    W = W.map((w, e) => w.minus(step.times(gW[e]!)));
    if (p.trainSecondLayer === true) a = a.map((v, j) => v.minus(step.times(ga[j]!)));
  }
  return { W, a };
}
