import { defineClaim } from '../../../claims/core/define.js';
import { inapplicable, verdictFromSlack } from '../../../claims/core/verdict.js';
import { clopperPearson } from '../../../theory/clopperPearson.js';
import { wellInitialisedBound, wellInitialisedProbability } from '../../../theory/wellInitialised.js';
import { interpolationLoss, orthoFacts, squareRun } from '../run.js';
import { orthoArb, orthoProblem, type OrthoScenario } from '../scenario.js';

/** GD steps of an M-INT run: the slowest escape (one point of |ỹ| = 1/2 served by one neuron) from ω = 10⁻⁶ takes ~10³ steps, then linear convergence. */
const STEPS = 4000;
/** Inits drawn per scenario to measure the frequency of well-initialisation (no training: a sign test each). */
export const INIT_DRAWS = 200;
/**
 * 1 − confidence of the Clopper–Pearson interval on the frequency: the interval misses the true
 * probability with probability at most 10⁻⁶ per scenario, the false-alarm probability of this part.
 */
export const WELL_INIT_ALPHA = 1e-6;

/** Counts well-initialised draws among {@link INIT_DRAWS} independent inits of the scenario's data. */
function wellInitFrequency(s: OrthoScenario, holds: (p: ReturnType<typeof orthoProblem>) => boolean): { k: number; nPlus: number; nMinus: number } {
  let k = 0;
  let nPlus = 0;
  let nMinus = 0;
  for (let r = 0; r < INIT_DRAWS; r++) {
    const p = orthoProblem({ ...s, steps: 0 }, `${s.seed}:draw:${r}`);
    if (r === 0) for (const v of p.y) if (v > 0) nPlus++; else if (v < 0) nMinus++;
    if (holds(p)) k++;
  }
  return { k, nPlus, nMinus };
}

/**
 * M-INT (MORTH26, DBP25, stated; docs/theory.md §5, §11): well-initialised ReLU networks trained on
 * both layers interpolate orthogonal data, and well-initialisation has probability ≥ 1 − n(3/4)^m.
 */
export const mInt = defineClaim('morth26', {
  id: 'M-INT',
  source: 'MORTH26, DBP25',
  tag: 'stated',
  expected: 'holds',
  statement:
    'ReLU, both layers trained, square loss, orthogonal data, small init: interpolation with high probability once m ≳ log n; sufficient: every i has a neuron with sign(a_j) = sign(y_i) and ⟨w_j(0), x_i⟩ > 0 (probability ≥ 1 − n(3/4)^m).',
  method: `on well-initialised runs (${STEPS} steps): L(T) ≤ 10⁻⁶·min y_i²/(2n), below every saddle; and over ${INIT_DRAWS} fresh inits of the same data the frequency of well-initialisation has an exact Clopper–Pearson interval (α = 10⁻⁶) containing the exact probability Σ_k C(m,k)2^{−m}(1−2^{−k})^{n₊}(1−2^{−(m−k)})^{n₋} and reaching 1 − n(3/4)^m. Slack: the smaller of log10(threshold/L(T))/10 and the interval's distance to failing, in units of its width.`,
  parameters: {
    initDraws: { value: INIT_DRAWS, doc: 'inits per scenario for the frequency of well-initialisation' },
    alpha: { value: WELL_INIT_ALPHA, doc: 'false-alarm probability of the frequency test per scenario (exact Clopper–Pearson)' },
  },
  scenario: orthoArb({ n: [4, 10], m: [6, 14], logInit: [-8, -4], steps: STEPS }),
  deepScenario: orthoArb({ n: [32, 64], m: [18, 26], logInit: [-8, -4], steps: 3 * STEPS }),
  designated: [
    { fault: 'square-frozen-a', why: 'with a frozen at the init scale the outputs stay ~ω·‖w‖: the loss never leaves L(0)' },
    { fault: 'square-residual-sign', why: 'gradient ascent on the square loss drives the outputs away from the targets' },
    { fault: 'well-init-signless', why: 'without the sign condition the event is far more frequent than its exact probability' },
  ],
  controls: [],
  run: async (s, ctx) => {
    const problem = orthoProblem(s);
    const init = ctx.theory.wellInitialised(problem);
    const freq = wellInitFrequency(s, (p) => ctx.theory.wellInitialised(p).holds);
    const cps = init.holds ? await squareRun(problem, ctx, [0, s.steps]) : [];
    return { problem, init, freq, cps };
  },
  applies: (_s, run) =>
    run.init.holds
      ? { applies: true, reason: 'well-initialised' }
      : { applies: false, reason: `not well-initialised: points ${run.init.uncovered.join(', ')} have no neuron of their sign active at init` },
  facts: (s, run) => orthoFacts(s.seed, run.problem, { wellInitialised: run.init.holds, smallInit: s.initScale < 1e-3 }),
  check(_s, run) {
    const last = run.cps[run.cps.length - 1];
    if (!last) return inapplicable('not trained');
    const p = run.problem;
    const threshold = interpolationLoss(p);
    // One decade of room is a slack of 0.1: the loss reaches ~10⁻³⁰, twenty decades under the threshold.
    const lossSlack = last.loss > 0 ? Math.log10(threshold / last.loss) / 10 : 2;
    const { k, nPlus, nMinus } = run.freq;
    const ci = clopperPearson(k, INIT_DRAWS, WELL_INIT_ALPHA);
    const exact = wellInitialisedProbability(p.m, nPlus, nMinus);
    const bound = wellInitialisedBound(p.n, p.m);
    const width = ci.upper - ci.lower;
    const freqSlack = Math.min(ci.upper - bound, exact - ci.lower, ci.upper - exact) / width;
    return verdictFromSlack(
      Math.min(lossSlack, freqSlack),
      `L(T) = ${last.loss.toExponential(2)} (threshold ${threshold.toExponential(2)}); well-initialised in ${k}/${INIT_DRAWS} draws, CI [${ci.lower.toFixed(3)}, ${ci.upper.toFixed(3)}], exact ${exact.toFixed(3)}, bound ${bound.toFixed(3)}`,
      { lossT: last.loss, threshold, frequency: k / INIT_DRAWS, ciLower: ci.lower, ciUpper: ci.upper, exactProbability: exact, unionBound: bound },
    );
  },
});
