/**
 * The one error type for a user's mistake: a malformed problem, a non-finite number, an impossible
 * setting. `field` names the offending input (a JSON path such as `X[3][1]` or a CLI flag such as
 * `--steps`), so the CLI can print one line and exit 2, and API callers can branch on it.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  /** The offending field, as a JSON path (`X[3][1]`) or a CLI flag (`--steps`). */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/**
 * A numerical failure inside an engine that the caller did not cause by bad input: an overflow to a
 * non-finite weight, say. Engines throw it instead of returning NaN.
 */
export class NumericalError extends Error {
  override readonly name = 'NumericalError';
  /** The quantity that left the finite range, and where (`W at step 120`). */
  readonly quantity: string;

  constructor(quantity: string, message: string) {
    super(`${quantity}: ${message}`);
    this.quantity = quantity;
  }
}

/**
 * A trainer broke the trainer contract: a malformed answer (wrong shape, wrong checkpoint), a crash or
 * a hang. `trainer` names it and `field` the offending part of its answer.
 */
export class TrainerError extends Error {
  override readonly name = 'TrainerError';
  readonly trainer: string;
  readonly field: string;

  constructor(trainer: string, field: string, message: string) {
    super(`${trainer}: ${field}: ${message}`);
    this.trainer = trainer;
    this.field = field;
  }
}
