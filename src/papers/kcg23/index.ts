import type { Paper } from '../paper.js';
import { kLoss } from './claims/kLoss.js';
import { kMargin } from './claims/kMargin.js';
import { kRank } from './claims/kRank.js';
import { kRankFull } from './claims/kRankFull.js';
import { kcg23Faults } from './faults.js';

/** KCG23: Kou, Chen, Gu, implicit bias of GD for two-layer (leaky) ReLU networks on nearly-orthogonal data (arXiv:2310.18935). */
export const kcg23: Paper = {
  key: 'kcg23',
  title: 'Implicit Bias of Gradient Descent for Two-layer ReLU and Leaky ReLU Networks on Nearly-orthogonal Data (arXiv:2310.18935)',
  claims: [kRank, kRankFull, kMargin, kLoss],
  faults: kcg23Faults,
};
