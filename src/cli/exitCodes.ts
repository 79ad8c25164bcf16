/**
 * Exit codes of `benign-check`, a contract for CI scripts (README "Exit codes").
 */
export const ExitCode = {
  /** The command did its job; for `verify`, every claim reached its expected verdict. */
  ok: 0,
  /** `verify`: at least one claim did not reach its expected verdict. `bench`: a slow-down beyond noise. */
  claimMismatch: 1,
  /**
   * The user's input was refused (bad flag, malformed problem, impossible setting), or a user's trainer
   * broke trainer protocol v1 where no claim could absorb it (the message names the request and field).
   */
  badInput: 2,
  /** A run left the finite range of its arithmetic (an overflow); the message names the quantity. */
  numerical: 3,
  /** A defect in benign-check itself; the stack trace is printed for a bug report. */
  internal: 4,
} as const;
