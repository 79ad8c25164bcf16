import type { Paper } from '../paper.js';
import { fRank1Step } from './claims/fRank1Step.js';

/**
 * FVBSH23: Frei, Vardi, Bartlett, Srebro, Hu, implicit bias in leaky ReLU networks trained on
 * high-dimensional data (arXiv:2210.07082). Its claims read the KCG23 scenarios and theory fault.
 */
export const fvbsh23: Paper = {
  key: 'fvbsh23',
  title: 'Implicit Bias in Leaky ReLU Networks Trained on High-Dimensional Data (arXiv:2210.07082)',
  claims: [fRank1Step],
  faults: [],
};
