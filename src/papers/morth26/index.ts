import type { Paper } from '../paper.js';
import { mInt } from './claims/mInt.js';
import { mIntAnyWidth } from './claims/mIntAnyWidth.js';
import { mNorm } from './claims/mNorm.js';
import { mStair } from './claims/mStair.js';
import { morth26Faults } from './faults.js';

/**
 * MORTH26 with DBP25: mildly overparameterised ReLU networks on orthogonal data, both layers trained on
 * the square loss (arXiv:2605.27097, arXiv:2502.16977; docs/theory.md §11).
 */
export const morth26: Paper = {
  key: 'morth26',
  title: 'Mildly Overparameterized ReLU Networks on Orthogonal Data: Incremental Learning and Implicit Bias (arXiv:2605.27097), with DBP25 (arXiv:2502.16977)',
  claims: [mInt, mIntAnyWidth, mNorm, mStair],
  faults: morth26Faults,
};
