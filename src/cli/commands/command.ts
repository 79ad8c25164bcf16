import type { CliIo } from '../main.js';

/** One `benign-check` sub-command. */
export interface Command {
  /** One line for the usage text. */
  readonly summary: string;
  /** The synopsis, flags included. */
  readonly synopsis: string;
  /** Runs the command and returns its exit code; throws InputError for a user's mistake. */
  run(argv: readonly string[], io: CliIo): Promise<number>;
}
