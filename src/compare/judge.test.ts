import { describe, expect, it } from 'vitest';
import { randomProblem } from '../engines/decimal/randomProblem.js';
import { stepFrom, trainFloat64 } from '../engines/float64/index.js';
import { validateProblem } from '../problem/validate.js';
import { judgeTrajectory, segmentPasses, type CandidateCheckpoint } from './judge.js';

/** Relative drift planted into W at one step: far above rounding (~10⁻¹⁶), far below anything visible in a loss curve. */
const DRIFT = 1e-6;

function float64Trajectory(p: ReturnType<typeof randomProblem>, T: number): CandidateCheckpoint[] {
  const ts = Array.from({ length: T + 1 }, (_, t) => t);
  const run = trainFloat64(p, { steps: T, checkpoints: ts, recordW: true });
  return run.checkpoints.map((c) => ({ t: c.t, W: Float64Array.from(c.W as Float64Array) }));
}

describe('judgeTrajectory', () => {
  const p = randomProblem({ n: 6, d: 4, m: 4, seed: 'judge', steps: 30 });

  it('passes the float64 engine with checkpoints every step for 30 steps', () => {
    const verdict = judgeTrajectory(p, float64Trajectory(p, 30));
    expect(verdict.segments).toHaveLength(31);
    expect(verdict.judged).toBeGreaterThan(25);
    expect(verdict.pass).toBe(true);
    expect(verdict.worstRatio).toBeLessThanOrEqual(1);
    expect(verdict.worstRatio).toBeGreaterThan(0);
  });

  it('flags a 1e-6 relative drift injected at step 17 at exactly that step', () => {
    const drifted: CandidateCheckpoint[] = [{ t: 0, W: Float64Array.from(p.W0) }];
    let W: Float64Array = Float64Array.from(p.W0);
    for (let t = 1; t <= 30; t++) {
      W = stepFrom(p, W);
      if (t === 17) W = W.map((v) => v * (1 + DRIFT));
      drifted.push({ t, W: Float64Array.from(W) });
    }
    const verdict = judgeTrajectory(p, drifted);
    expect(verdict.pass).toBe(false);
    expect(verdict.firstFailure?.to).toBe(17);
    expect(verdict.segments.filter((s) => !segmentPasses(s)).map((s) => s.to)).toEqual([17]);
    expect(verdict.firstFailure!.ratio).toBeGreaterThan(1e6);
  });

  it('judges sparse checkpoints with a looser bound that still contains the float64 run', () => {
    const all = float64Trajectory(p, 30);
    const sparse = [0, 5, 10, 20, 30].map((t) => all[t]!);
    const verdict = judgeTrajectory(p, sparse);
    expect(verdict.pass).toBe(true);
    const every = judgeTrajectory(p, all.slice(0, 6));
    expect(verdict.segments[1]!.maxBound).toBeGreaterThan(every.segments[5]!.maxBound);
  });

  it('refuses a first checkpoint at t = 0 that is not W0', () => {
    const cps = float64Trajectory(p, 2);
    cps[0] = { t: 0, W: cps[0]!.W.map((v, e) => (e === 3 ? v * (1 + 2 ** -52) : v)) };
    const verdict = judgeTrajectory(p, cps);
    expect(verdict.firstFailure).toMatchObject({ from: 0, to: 0, steps: 0, ratio: Infinity, worst: { j: 0, k: 3 } });
  });

  it('reports a segment starting on an exact zero pre-activation as a kink, not judged', () => {
    const q = validateProblem({ X: [[0.25, 0.5], [1, -0.5]], y: [1, -1], gamma: 0.1, W0: [[0.5, -0.25], [0.125, 0.25]], lr: 0.5, steps: 3 });
    const run = trainFloat64(q, { steps: 3, checkpoints: [0, 1, 2, 3], recordW: true });
    const verdict = judgeTrajectory(q, run.checkpoints.map((c) => ({ t: c.t, W: Float64Array.from(c.W as Float64Array) })));
    expect(verdict.segments[1]).toMatchObject({ from: 0, to: 1, status: 'kink', firstKink: { t: 0, i: 0, j: 0, z: 0 } });
    expect(verdict.pass).toBe(true);
  });
});
