import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, file, scratchDir } from '../cli/_testing/cli.js';
import { randomProblem } from '../engines/decimal/randomProblem.js';
import { stepFrom, trainFloat64 } from '../engines/float64/index.js';
import { toProblemFile } from '../problem/validate.js';
import { testTrainerCommand } from './_testing/trainer.js';

/** Relative drift planted into the run at one step (see judge.test.ts). */
const DRIFT = 1e-6;
/** The step the drift is planted at. */
const DRIFT_STEP = 12;

const p = randomProblem({ n: 5, d: 3, m: 4, seed: 'compare-cli', steps: 30 });
const problemPath = file('compare-problem.json', toProblemFile(p));

const rows = (W: Float64Array): number[][] => Array.from({ length: p.m }, (_, j) => Array.from(W.subarray(j * p.d, (j + 1) * p.d)));

function float64File(): { checkpoints: { t: number; W: number[][]; loss: number }[] } {
  const ts = Array.from({ length: 31 }, (_, t) => t);
  const run = trainFloat64(p, { steps: 30, checkpoints: ts, recordW: true });
  return { checkpoints: run.checkpoints.map((c) => ({ t: c.t, W: rows(c.W as Float64Array), loss: c.loss })) };
}

describe('benign-check compare', () => {
  it('passes a float64-engine trajectory with checkpoints every step for 30 steps (exit 0)', async () => {
    const traj = file('compare-ok.json', float64File());
    const json = path.join(scratchDir, 'compare-ok.report.json');
    const r = await cli('compare', problemPath, traj, '--json', json);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/31 checkpoints, t = 0…30 every step/);
    expect(r.out).toMatch(/within the model: every judged segment is within its bound/);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.pass).toBe(true);
    expect(report.segments).toHaveLength(31);
    expect(report.worstRatio).toBeLessThanOrEqual(1);
    expect(report.segments[5]).toMatchObject({ from: 4, to: 5, steps: 1, status: 'judged' });
  });

  it('flags a 1e-6 relative drift at exactly the step it was injected (exit 1)', async () => {
    const checkpoints = [{ t: 0, W: rows(p.W0) }];
    let W: Float64Array = Float64Array.from(p.W0);
    for (let t = 1; t <= 30; t++) {
      W = stepFrom(p, W);
      if (t === DRIFT_STEP) W = W.map((v) => v * (1 + DRIFT));
      checkpoints.push({ t, W: rows(W) });
    }
    const json = path.join(scratchDir, 'compare-drift.report.json');
    const r = await cli('compare', problemPath, file('compare-drift.json', { checkpoints }), '--json', json);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`LEAVES THE MODEL at t = ${DRIFT_STEP} \\(t ${DRIFT_STEP - 1} → ${DRIFT_STEP} \\(1 step\\)\\): \\|W − W_ref\\| = .* at W\\[\\d\\]\\[\\d\\] is .* × its bound`));
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.firstFailure.to).toBe(DRIFT_STEP);
    expect(report.segments.filter((s: { status: string; ratio: number }) => s.status === 'judged' && s.ratio > 1).map((s: { to: number }) => s.to)).toEqual([DRIFT_STEP]);
  });

  it('judges sparse checkpoints and says the bound is looser', async () => {
    const all = float64File().checkpoints;
    const r = await cli('compare', problemPath, file('compare-sparse.json', { checkpoints: [all[0], all[3], all[10]] }));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/note: segments of several steps \(up to 7\) have looser bounds/);
  });

  describe('refuses a malformed trajectory with exit 2, naming the field', () => {
    const good = float64File().checkpoints.slice(0, 5);
    const cases: [string, unknown, RegExp][] = [
      ['not JSON', '{"checkpoints": [', /trajectory: not valid JSON/],
      ['a non-number entry', { checkpoints: good.map((c, k) => (k === 3 ? { ...c, W: c.W.map((row, j) => (j === 1 ? row.map((v, l) => (l === 2 ? 'x' : v)) : row)) } : c)) }, /checkpoints\[3\]\.W\[1\]\[2\]: expected a finite number, got the string "x"/],
      ['a null entry (NaN written by JSON.stringify)', { checkpoints: good.map((c, k) => (k === 3 ? { ...c, W: c.W.map((row, j) => (j === 1 ? row.map((v, l) => (l === 2 ? null : v)) : row)) } : c)) }, /checkpoints\[3\]\.W\[1\]\[2\]: expected a finite number, got null/],
      ['an overflowing entry', `{"checkpoints": [{"t": 0, "W": [[1e999, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]}]}`, /checkpoints\[0\]\.W\[0\]\[0\]: expected a finite number, got Infinity/],
      ['too few rows', { checkpoints: [{ t: 0, W: good[0]!.W.slice(1) }] }, /checkpoints\[0\]\.W: expected m = 4 rows/],
      ['a short row', { checkpoints: [{ t: 0, W: good[0]!.W.map((row, j) => (j === 2 ? row.slice(1) : row)) }] }, /checkpoints\[0\]\.W\[2\]: expected d = 3 numbers/],
      ['t not increasing', { checkpoints: [good[0], good[2], good[1]] }, /checkpoints\[2\]\.t: must exceed the previous checkpoint's t = 2, got 1/],
      ['t not an integer', { checkpoints: [{ ...good[0], t: 1.5 }] }, /checkpoints\[0\]\.t: expected a non-negative integer/],
      ['no checkpoints', { checkpoints: [] }, /checkpoints: expected at least one checkpoint/],
      ['an unknown field', { checkpoints: good, steps: 3 }, /steps: unknown field/],
    ];
    for (const [what, content, message] of cases) {
      it(what, async () => {
        const r = await cli('compare', problemPath, file(`compare-bad-${what.replace(/\W+/g, '-')}.json`, content));
        expect(r.code).toBe(2);
        expect(r.err).toMatch(message);
        expect(r.out).toBe('');
      });
    }
    it('a trajectory file and --trainer together', async () => {
      const r = await cli('compare', problemPath, file('compare-both.json', { checkpoints: good }), '--trainer', 'true');
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/--trainer: give a trajectory file or --trainer, not both/);
    });
  });

  it('accepts checkpoints past problem.steps', async () => {
    const q = { ...toProblemFile(p), steps: 2 };
    const r = await cli('compare', file('compare-short.json', q), file('compare-past.json', { checkpoints: float64File().checkpoints.slice(0, 6) }));
    expect(r.code).toBe(0);
  });
});

describe('benign-check compare --trainer', () => {
  it("passes a user's trainer that does GD correctly (checkpoints every step)", async () => {
    const r = await cli('compare', problemPath, '--trainer', testTrainerCommand(), '--checkpoints', '0,1,2,3,4,5,6,7,8,9,10');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/11 checkpoints, t = 0…10 every step/);
  });

  it("flags a user's trainer that drifts at step 4, at t = 4 (default checkpoints: every step to 20)", async () => {
    const r = await cli('compare', problemPath, '--trainer', testTrainerCommand(4, DRIFT));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/21 checkpoints, t = 0…20 every step/);
    expect(r.out).toMatch(/LEAVES THE MODEL at t = 4 \(t 3 → 4/);
  });

  it('reports a trainer that answers NaN as a numerical failure (exit 3) naming the entry', async () => {
    const r = await cli('compare', problemPath, '--trainer', testTrainerCommand('nan'), '--checkpoints', '0,1');
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/checkpoints\[0\]\.W\[0\]\[0\]/);
  });

  it('reports a trainer that is not one (exit 1) with its error', async () => {
    const r = await cli('compare', problemPath, '--trainer', 'echo hello', '--checkpoints', '0,1');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the trainer failed: .*not JSON/);
  });

  it('refuses --checkpoints that do not increase (exit 2)', async () => {
    const r = await cli('compare', problemPath, '--trainer', testTrainerCommand(), '--checkpoints', '0,2,1');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--checkpoints: must be strictly increasing/);
  });
});
