import type { Paper } from '../paper.js';
import { lRawMargin } from './claims/lRawMargin.js';
import { lSmooth } from './claims/lSmooth.js';
import { ll20Faults } from './faults.js';

/** LL20: Lyu, Li, gradient descent maximizes the margin of homogeneous neural networks (ICLR 2020). */
export const ll20: Paper = {
  key: 'll20',
  title: 'Gradient Descent Maximizes the Margin of Homogeneous Neural Networks (ICLR 2020)',
  claims: [lSmooth, lRawMargin],
  faults: ll20Faults,
};
