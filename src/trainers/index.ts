/** The trainer seam: what every claim reads its trajectories from (docs/theory.md §1). */
export type { Trainer, TrainedCheckpoint } from './types.js';
export { float64Trainer, decimalTrainer } from './builtin.js';
export { checkCheckpointRequest, checkTrainedCheckpoints } from './validate.js';
/** Trainer protocol v1 (docs/trainer-protocol.md): a user's own training code as a child process. */
export { externalTrainer, problemToFile, DEFAULT_TIMEOUT_MS } from './external.js';
export type { ExternalTrainer, ExternalTrainerOptions } from './external.js';
export { serveTrainer } from './serve.js';
