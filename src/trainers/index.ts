/** The trainer seam: what every claim reads its trajectories from (docs/theory.md §1). */
export type { Trainer, TrainedCheckpoint } from './types.js';
export { float64Trainer, decimalTrainer } from './builtin.js';
export { checkCheckpointRequest, checkTrainedCheckpoints } from './validate.js';
