import { DATA_KINDS, generateDataset, makeProblemFile, validateDescriptor } from '../../data/index.js';
import { InputError } from '../../errors.js';
import { choiceOption, numberOption, parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { toJson, writeTextFile } from '../io.js';
import type { Command } from './command.js';

/** Defaults of `gen` for the training fields a user did not give (README "gen"). */
export const GEN_DEFAULTS = {
  /** Width: four neurons per sign block. */
  m: 8,
  /** Leaky-ReLU slope, the value used throughout H25's experiments' range (0 < γ < 1). */
  gamma: 0.1,
  /** Enough steps for interpolation on the default problems; slow claims need far more (verify). */
  steps: 1000,
  /**
   * Orthogonal data (MORTH26, DBP25; docs/theory.md §3, §11): ReLU, the square loss on the real targets
   * and both layers trained, unless the flags say otherwise.
   */
  orthogonal: { gamma: 0, loss: 'square', trainSecondLayer: true },
} as const;

export const gen: Command = {
  summary: 'generate a seeded mixture dataset and write it as a problem file',
  synopsis:
    `gen --kind ${DATA_KINDS.join('|')} --n N --d D [--mu-norm R] [--seed S] [--nu V] [--alpha A] ` +
    '[--label-noise ETA] [--m M] [--gamma G] [--lr A | --step-factor C] [--steps T] [--loss exp|logistic|square] ' +
    '[--train-second-layer true|false] [--second-layer balanced|gaussian] [--init-scale W] [--init-seed S] [--out FILE]',
  async run(argv, io) {
    const args = parseArgs(argv, [
      'kind', 'n', 'd', 'mu-norm', 'seed', 'nu', 'alpha', 'label-noise',
      'm', 'gamma', 'lr', 'step-factor', 'steps', 'loss', 'init-scale', 'init-seed', 'out',
      'train-second-layer', 'second-layer',
    ]);
    if (args.positionals.length > 0) {
      throw new InputError(args.positionals[0]!, 'unexpected argument (gen takes only --flags)');
    }
    const required = (name: string): string => {
      const v = stringOption(args, name);
      if (v === undefined) throw new InputError(`--${name}`, 'missing');
      return v;
    };
    const kind = choiceOption(args, 'kind', DATA_KINDS) ?? (required('kind') as never);
    const nu = numberOption(args, 'nu');
    const alpha = numberOption(args, 'alpha');
    const labelNoise = numberOption(args, 'label-noise');
    const seedText = stringOption(args, 'seed') ?? '0';
    const seed = /^-?\d+$/.test(seedText) ? Number(seedText) : seedText;
    const descriptor = flagged(() =>
      validateDescriptor({
        kind,
        n: numberOption(args, 'n') ?? Number(required('n')),
        d: numberOption(args, 'd') ?? Number(required('d')),
        muNorm: numberOption(args, 'mu-norm') ?? 0,
        seed,
        ...(nu !== undefined || alpha !== undefined
          ? { noise: { ...(nu !== undefined ? { nu } : {}), ...(alpha !== undefined ? { alpha } : {}) } }
          : {}),
        ...(labelNoise !== undefined ? { labelNoise } : {}),
      }),
    );
    const dataset = generateDataset(descriptor);
    const lr = numberOption(args, 'lr');
    const stepFactor = numberOption(args, 'step-factor');
    const ortho = kind === 'orthogonal' ? GEN_DEFAULTS.orthogonal : undefined;
    const loss = choiceOption(args, 'loss', ['exp', 'logistic', 'square'] as const) ?? ortho?.loss;
    const trainText = choiceOption(args, 'train-second-layer', ['true', 'false'] as const);
    const trainSecondLayer = trainText !== undefined ? trainText === 'true' : loss === 'square' ? ortho?.trainSecondLayer : undefined;
    const secondLayer = choiceOption(args, 'second-layer', ['balanced', 'gaussian'] as const);
    const initScale = numberOption(args, 'init-scale');
    const initSeedText = stringOption(args, 'init-seed');
    const problem = flagged(() =>
      makeProblemFile(dataset, {
        m: numberOption(args, 'm') ?? GEN_DEFAULTS.m,
        gamma: numberOption(args, 'gamma') ?? ortho?.gamma ?? GEN_DEFAULTS.gamma,
        steps: numberOption(args, 'steps') ?? GEN_DEFAULTS.steps,
        ...(lr !== undefined ? { lr } : {}),
        ...(stepFactor !== undefined ? { stepFactor } : {}),
        ...(loss !== undefined ? { loss } : {}),
        ...(trainSecondLayer === true ? { trainSecondLayer } : {}),
        ...(secondLayer !== undefined ? { secondLayer } : {}),
        ...(initScale !== undefined ? { initScale } : {}),
        ...(initSeedText !== undefined
          ? { initSeed: /^-?\d+$/.test(initSeedText) ? Number(initSeedText) : initSeedText }
          : {}),
      }),
    );
    const text = `${toJson(problem)}\n`;
    const out = stringOption(args, 'out');
    if (out === undefined) io.out(text);
    else {
      writeTextFile(out, text, '--out');
      io.out(`${toJson({ wrote: out, kind, n: descriptor.n, d: descriptor.d, m: problem.m, lr: problem.lr })}\n`);
    }
    return ExitCode.ok;
  },
};

/** Maps the library's field names (`muNorm`, `init.scale`) to the flags the user typed. */
const FLAG_OF: Readonly<Record<string, string>> = {
  kind: '--kind', n: '--n', d: '--d', muNorm: '--mu-norm', seed: '--seed', 'noise.nu': '--nu',
  'noise.alpha': '--alpha', labelNoise: '--label-noise', m: '--m', gamma: '--gamma', lr: '--lr',
  stepFactor: '--step-factor', steps: '--steps', loss: '--loss', 'init.scale': '--init-scale',
  'init.seed': '--init-seed', trainSecondLayer: '--train-second-layer', 'init.secondLayer': '--second-layer',
};

function flagged<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof InputError && FLAG_OF[e.field] !== undefined) {
      throw new InputError(FLAG_OF[e.field]!, e.message.slice(e.field.length + 2));
    }
    throw e;
  }
}
