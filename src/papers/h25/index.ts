import type { Paper } from '../paper.js';
import { hAct } from './claims/hAct.js';
import { hBenign, hLb, hUb } from './claims/hBounds.js';
import { hDir } from './claims/hDir.js';
import { hErr } from './claims/hErr.js';
import { hInt } from './claims/hInt.js';
import { hLin } from './claims/hLin.js';
import { hLinUnbalanced } from './claims/hLinUnbalanced.js';
import { hMono, hMonoAnyStep } from './claims/hMono.js';
import { hRate } from './claims/hRate.js';
import { h25Faults } from './faults.js';

/** H25: Hashimoto, directional convergence and benign overfitting of GD on leaky-ReLU networks (arXiv:2505.16204). */
export const h25: Paper = {
  key: 'h25',
  title: 'Directional Convergence, Benign Overfitting of Gradient Descent in leaky ReLU two-layer Neural Networks (arXiv:2505.16204)',
  claims: [hAct, hMono, hInt, hRate, hDir, hLin, hLinUnbalanced, hErr, hUb, hLb, hBenign, hMonoAnyStep],
  faults: h25Faults,
};
