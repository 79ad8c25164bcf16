import type { Paper } from '../paper.js';
import { sLinear } from './claims/sLinear.js';
import { sLinearDegenerate } from './claims/sLinearDegenerate.js';
import { shngs18Faults } from './faults.js';

/** SHNGS18: Soudry, Hoffer, Nacson, Gunasekar, Srebro, the implicit bias of GD on separable data (JMLR 2018). */
export const shngs18: Paper = {
  key: 'shngs18',
  title: 'The Implicit Bias of Gradient Descent on Separable Data (JMLR 2018)',
  claims: [sLinear, sLinearDegenerate],
  faults: shngs18Faults,
};
