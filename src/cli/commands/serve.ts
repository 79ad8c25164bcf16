import { InputError } from '../../errors.js';
import { decimalTrainer, float64Trainer } from '../../trainers/builtin.js';
import { serveTrainer } from '../../trainers/serve.js';
import { choiceOption, numberOption, parseArgs } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import type { Command } from './command.js';

export const serve: Command = {
  summary: 'serve a built-in engine as a trainer speaking trainer protocol v1 on stdin/stdout: a reference to test a harness or a trainer against',
  synopsis: 'serve [--engine float64|decimal] [--digits N]',
  async run(argv) {
    const args = parseArgs(argv, ['engine', 'digits']);
    if (args.positionals.length > 0) throw new InputError(args.positionals[0]!, 'unexpected argument (serve takes only --flags)');
    const engine = choiceOption(args, 'engine', ['float64', 'decimal'] as const) ?? 'float64';
    const digits = numberOption(args, 'digits', { integer: true, min: 20, max: 1000 });
    if (digits !== undefined && engine !== 'decimal') throw new InputError('--digits', 'applies to --engine decimal only');
    const trainer = engine === 'decimal' ? decimalTrainer(digits ?? 50) : float64Trainer();
    await serveTrainer(trainer, process.stdin, process.stdout);
    return ExitCode.ok;
  },
};
