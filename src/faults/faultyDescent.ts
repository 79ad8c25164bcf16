import { NumericalError } from '../errors.js';
import { addDots, transposeInto } from '../engines/float64/kernel.js';
import { lossDerivativeAt } from '../engines/float64/loss.js';
import { marginLoss } from '../problem/marginLoss.js';
import type { Problem } from '../problem/types.js';
import type { TrainedCheckpoint } from '../trainers/types.js';

/**
 * One planted defect of a GD implementation, described as data. Each field names one thing a real
 * implementation gets wrong; an empty defect is correct GD (docs/theory.md §1).
 */
export interface EngineDefect {
  /** φ′ used by the backward pass on z > 0 and z ≤ 0 (correct: 1 and γ); the forward pass keeps φ. */
  readonly backwardSlope?: (gamma: number) => { readonly positive: number; readonly negative: number };
  /** Multiplies the step α (correct: 1). */
  readonly stepScale?: number;
  /** Multiplies every ℓ′ (the summed loss instead of the mean: n). */
  readonly lossDerivativeScale?: (n: number) => number;
  /** Neurons whose second-layer sign is flipped in the backward pass. */
  readonly flipBackwardSign?: readonly number[];
  /** The update at step t uses the pre-activations and margins of W(t − 1). */
  readonly staleForward?: boolean;
  /** Reports W(t + 1) where W(t) was asked for. */
  readonly extraStep?: boolean;
  /** Margin losses: ℓ′ evaluated once, at the margins of W(0), and reused at every step (the per-point weights never updated). */
  readonly frozenLossDerivative?: boolean;
  /** Rounds W to float32 after every step. */
  readonly float32Weights?: boolean;
  /** Square loss: multiplies every residual `f(x_i) − y_i` in the backward pass (correct: 1; −1 is ascent). */
  readonly residualScale?: number;
  /** Trained second layer: `a` is never updated (correct: GD on `(W, a)`). */
  readonly frozenSecondLayer?: boolean;
  /** Trained second layer: `a` is updated first and the W update reads `a(t + 1)` (correct: `a(t)`). */
  readonly sequentialLayers?: boolean;
}

/**
 * Gradient descent with one planted defect, written apart from the production engines so that no
 * defect is ever a flag in their hot loops. It runs in the row space of X (W = W(0) + A·X, the dual
 * form: 2mn² flops a step), or on W itself (4nmd flops) when the defect needs W every step
 * (float32 rounding). With an empty defect it follows the same iteration as the float64 engine.
 *
 * @returns W at each requested checkpoint (strictly increasing step counts)
 * @throws NumericalError when the run leaves the float64 range
 */
export function trainWithDefect(p: Problem, checkpoints: readonly number[], defect: EngineDefect): TrainedCheckpoint[] {
  const { n, d, m, y, gamma } = p;
  const square = p.loss === 'square';
  const trainA = p.trainSecondLayer === true && defect.frozenSecondLayer !== true;
  const reportA = p.trainSecondLayer === true;
  const a = Float64Array.from(p.a);
  const slope = defect.backwardSlope?.(gamma) ?? { positive: 1, negative: gamma };
  const scale = (-p.lr * (defect.stepScale ?? 1) * (defect.lossDerivativeScale?.(n) ?? 1)) / n;
  const residualScale = defect.residualScale ?? 1;
  const flip = (j: number): number => (defect.flipBackwardSign?.includes(j) ? -1 : 1);
  const da = new Float64Array(m);
  const primal = defect.float32Weights === true;
  const shift = defect.extraStep ? 1 : 0;

  const XT = new Float64Array(n * d);
  transposeInto(XT, p.X, n, d);
  const W = Float64Array.from(p.W0);
  const K = new Float64Array(n * n);
  const Z0 = new Float64Array(m * n);
  if (!primal) {
    addDots(K, p.X, n, p.X, n, d);
    addDots(Z0, p.W0, m, p.X, n, d);
  }
  const A = new Float64Array(m * n);
  let Z = new Float64Array(m * n);
  let Zprev = new Float64Array(m * n);
  const q = new Float64Array(n);
  const qPrev = new Float64Array(n);
  const C = new Float64Array(m * n);

  /** The outputs f(x_i) of the current state (margins are `y_i f_i`). */
  const f = new Float64Array(n);
  const fPrev = new Float64Array(n);
  const forward = (t: number): void => {
    if (primal) {
      Z.fill(0);
      addDots(Z, W, m, p.X, n, d);
    } else {
      Z.set(Z0);
      addDots(Z, A, m, K, n, n);
    }
    q.fill(0);
    for (let j = 0; j < m; j++) for (let i = 0; i < n; i++) {
      const z = Z[j * n + i]!;
      q[i] += a[j]! * (z > 0 ? z : gamma * z);
    }
    for (let i = 0; i < n; i++) {
      f[i] = q[i]!;
      q[i] *= y[i]!;
      if (!Number.isFinite(q[i]!)) throw new NumericalError(`W at step ${t}`, `margin q[${i}] = ${q[i]} under the planted defect`);
    }
  };
  const weights = (): Float64Array => {
    if (primal) return Float64Array.from(W);
    const out = Float64Array.from(p.W0);
    addDots(out, A, m, XT, d, n);
    return out;
  };

  const out: TrainedCheckpoint[] = [];
  const last = checkpoints[checkpoints.length - 1]! + shift;
  let q0: Float64Array | undefined;
  let next = 0;
  for (let t = 0; ; t++) {
    while (next < checkpoints.length && checkpoints[next]! + shift === t) {
      out.push({ t: checkpoints[next]!, W: weights(), ...(reportA ? { a: Float64Array.from(a) } : {}) });
      next++;
    }
    if (t === last) break;
    forward(t);
    const useStale = defect.staleForward === true && t > 0;
    const Zs = useStale ? Zprev : Z;
    const qs = useStale ? qPrev : q;
    const fs = useStale ? fPrev : f;
    if (t === 0 && defect.frozenLossDerivative === true) q0 = Float64Array.from(qs);
    const g = (i: number): number =>
      square ? scale * residualScale * (fs[i]! - y[i]!) : scale * lossDerivativeAt(marginLoss(p.loss), (q0 ?? qs)[i]!) * y[i]!;
    if (trainA) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let i = 0; i < n; i++) {
          const z = Zs[j * n + i]!;
          s += g(i) * (z > 0 ? z : gamma * z);
        }
        da[j] = s;
      }
      if (defect.sequentialLayers === true) for (let j = 0; j < m; j++) a[j]! += da[j]!;
    }
    C.fill(0);
    for (let i = 0; i < n; i++) {
      const gi = g(i);
      if (!Number.isFinite(gi)) throw new NumericalError(`W at step ${t + 1}`, `the update factor of point ${i} is not finite under the planted defect`);
      for (let j = 0; j < m; j++) C[j * n + i] = gi * flip(j) * a[j]! * (Zs[j * n + i]! > 0 ? slope.positive : slope.negative);
    }
    if (trainA && defect.sequentialLayers !== true) for (let j = 0; j < m; j++) a[j]! += da[j]!;
    if (primal) {
      addDots(W, C, m, XT, d, n);
      for (let k = 0; k < W.length; k++) W[k] = Math.fround(W[k]!);
    } else {
      for (let k = 0; k < A.length; k++) A[k] += C[k]!;
    }
    if (defect.staleForward) {
      [Zprev, Z] = [Z, Zprev];
      qPrev.set(q);
      fPrev.set(f);
    }
  }
  return out;
}
