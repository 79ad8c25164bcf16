import { theoryFault } from '../../claims/core/theoryFault.js';
import type { Fault, TheoryPort } from '../../claims/core/types.js';
import { engineFault } from '../../faults/engineFaults.js';
import type { Problem } from '../../problem/types.js';

/**
 * Faults of the MORTH26/DBP25 checks (docs/theory.md §11): engine faults of square-loss GD on `(W, a)`,
 * each the faulty descent of src/faults with one defect injected as the context's trainer, and theory
 * faults, each one function of the context's theory replaced.
 */

/** The min-norm formula of docs/theory.md §11 with `y_i` in place of `ỹ_i = y_i/‖x_i‖` (the data scales forgotten). */
function unscaledMinNorm(theory: TheoryPort): Partial<TheoryPort> {
  return {
    minNormInterpolator(p: Problem) {
      const r = theory.minNormInterpolator(p);
      if (r.status !== 'ok') return r;
      let plus = 0;
      let minus = 0;
      for (const v of p.y) if (v > 0) plus += v * v; else minus += v * v;
      return { ...r, plusNorm: Math.sqrt(plus), minusNorm: Math.sqrt(minus), minNorm: 2 * (Math.sqrt(plus) + Math.sqrt(minus)) };
    },
  };
}

/** Well-initialisation that forgets the sign condition: any neuron active on x_i serves it. */
function signlessWellInit(): Partial<TheoryPort> {
  return {
    wellInitialised(p: Problem) {
      const uncovered: number[] = [];
      for (let i = 0; i < p.n; i++) {
        let covered = false;
        for (let j = 0; j < p.m && !covered; j++) {
          let z = 0;
          for (let k = 0; k < p.d; k++) z += p.W0[j * p.d + k]! * p.X[i * p.d + k]!;
          covered = z > 0;
        }
        if (!covered) uncovered.push(i);
      }
      return { holds: uncovered.length === 0, uncovered };
    },
  };
}

/** The MORTH26/DBP25 faults (docs/theory.md §8, §11). */
export const morth26Faults: readonly Fault[] = [
  engineFault('square-frozen-a', 'the second layer is never updated although the problem trains it', () => ({ frozenSecondLayer: true })),
  engineFault('square-residual-sign', 'the residual f(x_i) − y_i enters the update with the wrong sign (gradient ascent)', () => ({ residualScale: -1 })),
  engineFault('square-residual-scale', 'the residual scaled by (1 + ε) in the update (a wrong ∂ℓ/∂f)', (e) => ({ residualScale: 1 + e }), { default: 0.5, min: 1e-3, max: 4 }),
  engineFault('square-sequential-layers', 'a is updated first and the W update reads a(t + 1) (not simultaneous GD)', () => ({ sequentialLayers: true })),
  theoryFault('minnorm-unscaled', 'the min-norm interpolator computed from y in place of ỹ = y/‖x‖', unscaledMinNorm),
  theoryFault('well-init-signless', 'well-initialisation counted without the sign condition sign(a_j) = sign(y_i)', signlessWellInit),
];
