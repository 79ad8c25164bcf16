import { defineClaim } from '../../../claims/core/define.js';
import { verdictFromSlack } from '../../../claims/core/verdict.js';
import { interpolationLoss, orthoFacts, squareRun } from '../run.js';
import { orthoArb, orthoProblem } from '../scenario.js';

/** Steps of a run: as M-INT. */
const STEPS = 4000;

/**
 * M-INT-ANYWIDTH (known-false; docs/theory.md §5, §11): "GD from small init interpolates at every width".
 * A ReLU neuron's output has the sign of its a_j, so m = 1 cannot fit targets of both signs.
 */
export const mIntAnyWidth = defineClaim('morth26', {
  id: 'M-INT-ANYWIDTH',
  source: '—',
  tag: 'known-false',
  expected: 'refuted',
  statement: 'GD from small init interpolates orthogonal data at every width m.',
  method: `widths 1–3 on orthogonal data with targets of both signs, ${STEPS} steps: refuted when L(T) > 10⁻⁶·min y_i²/(2n); slack log10(threshold/L(T))/10.`,
  parameters: {},
  scenario: orthoArb({ n: [2, 8], m: [1, 3], logInit: [-6, -4], steps: STEPS }),
  designated: [],
  controls: [
    {
      description: 'a wide network (m = 16) on few points: well-initialised with probability ≥ 1 − 4(3/4)^16 ≈ 0.96, and the statement holds',
      target: 'holds',
      scenario: orthoArb({ n: [2, 4], m: [16, 16], logInit: [-6, -4], steps: STEPS }),
    },
  ],
  run: async (s, ctx) => {
    const problem = orthoProblem(s);
    return { problem, cps: await squareRun(problem, ctx, [0, s.steps]) };
  },
  applies: () => ({ applies: true, reason: 'small init, orthogonal data' }),
  facts: (s, run) => orthoFacts(s.seed, run.problem, { smallInit: true }),
  check(_s, run) {
    const last = run.cps[run.cps.length - 1]!;
    const threshold = interpolationLoss(run.problem);
    const slack = last.loss > 0 ? Math.log10(threshold / last.loss) / 10 : 2;
    const signs = new Set(Array.from(run.problem.y, Math.sign)).size;
    return verdictFromSlack(slack, `m = ${run.problem.m}, ${signs} target sign(s): L(T) = ${last.loss.toExponential(2)} against ${threshold.toExponential(2)}`, {
      lossT: last.loss,
      threshold,
      signs,
    });
  },
});
