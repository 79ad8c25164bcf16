import type { Paper } from '../paper.js';
import { fcbNoisy } from './claims/fcbNoisy.js';
import { fcb22Faults } from './faults.js';

/** FCB22: Frei, Chatterji, Bartlett, benign overfitting without linearity (arXiv:2202.05928, COLT 2022). */
export const fcb22: Paper = {
  key: 'fcb22',
  title: 'Benign Overfitting without Linearity: Neural Network Classifiers Trained by Gradient Descent for Noisy Linear Data (arXiv:2202.05928)',
  claims: [fcbNoisy],
  faults: fcb22Faults,
};
