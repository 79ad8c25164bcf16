import { InputError, NumericalError, TrainerError } from '../errors.js';
import { ExitCode } from './exitCodes.js';
import { commands, usage } from './commands/index.js';

/** Output streams of a CLI run; tests pass buffers, the binary passes process.stdout/stderr. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether stderr is an interactive terminal (progress lines are shown only then). */
  readonly isTty: boolean;
}

const processIo: CliIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  isTty: Boolean(process.stderr.isTTY) && !process.env['CI'],
};

/**
 * Runs `benign-check` with the given arguments (without `node` and the script) and returns the exit
 * code (see {@link ExitCode}). A user's mistake prints one line naming the field and returns 2.
 */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? ExitCode.badInput : ExitCode.ok;
  }
  if (name === '--version') {
    io.out(`${(await import('../version.js')).VERSION}\n`);
    return ExitCode.ok;
  }
  const command = commands[name];
  if (command === undefined) {
    io.err(`benign-check: unknown command ${JSON.stringify(name)} (commands: ${Object.keys(commands).join(', ')})\n`);
    return ExitCode.badInput;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof InputError || e instanceof TrainerError) {
      io.err(`benign-check ${name}: ${e.message}\n`);
      return ExitCode.badInput;
    }
    if (e instanceof NumericalError) {
      io.err(`benign-check ${name}: numerical failure: ${e.message}\n`);
      return ExitCode.numerical;
    }
    io.err(`benign-check ${name}: internal error (please report):\n${(e as Error).stack ?? String(e)}\n`);
    return ExitCode.internal;
  }
}
