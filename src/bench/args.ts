import { InputError } from '../errors.js';
import type { Clock } from './measure.js';

/** Command-line options of `npm run bench`. */
export interface BenchArgs {
  /** Where to save every figure as JSON. */
  readonly out: string;
  /** A saved run to compare against; slow-downs make the exit status 1. */
  readonly baseline?: string;
  /** A shell command whose wall time is measured as one more row. */
  readonly verifyCmd?: string;
  /** Timed runs of `verifyCmd`. */
  readonly verifyRuns: number;
  /** Timed samples per engine row (fewer for engines too slow for the row budget). */
  readonly samples: number;
  /** Target duration of one timed sample, in seconds (the steps per sample are scaled to it). */
  readonly sampleSeconds: number;
  /** Only rows whose id contains this text. */
  readonly only?: string;
  /** Clock of the engine rows. */
  readonly clock: Clock;
  readonly help: boolean;
}

/** The usage text printed by `--help`. */
export const benchUsage = `usage: npm run bench -- [options]
  --out FILE         save all figures as JSON (default bench-results.json)
  --baseline FILE    compare with a saved run; exit 1 on a slow-down (see src/bench/compare.ts)
  --verify-cmd CMD   also time this shell command (e.g. a CLI verification run)
  --verify-runs N    timed runs of the command (default 5)
  --samples K        timed samples per row (default 11)
  --sample-ms MS     target length of one sample in milliseconds (default 50)
  --only TEXT        only rows whose id contains TEXT (e.g. wasm, "(100,1000,20)")
  --clock wall|cpu   time engines by elapsed time (default) or by process CPU time, which a
                     shared or throttled machine disturbs much less`;

function positiveInt(v: string | undefined, flag: string): number {
  const x = Number(v);
  if (v === undefined || !Number.isSafeInteger(x) || x < 1) throw new InputError(flag, `expected a positive integer, got ${v ?? 'nothing'}`);
  return x;
}

/**
 * Parses the bench's arguments (after `node dist/bench/main.js`).
 * @throws InputError naming the flag on an unknown flag or a bad value
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  let out = 'bench-results.json';
  let baseline: string | undefined;
  let verifyCmd: string | undefined;
  let verifyRuns = 5; // a CLI run takes seconds: 5 runs give a median and a MAD in under a minute
  let samples = 11; // odd, so the median is a sample; ≈ 7.6 standard errors of margin in the compare rule
  let sampleMs = 50; // long against timer resolution and GC pauses, short enough for 25 rows in a minute
  let only: string | undefined;
  let clock: Clock = 'wall';
  let help = false;
  for (let a = 0; a < argv.length; a++) {
    const flag = argv[a];
    const value = (): string => {
      const v = argv[++a];
      if (v === undefined) throw new InputError(flag, 'expected a value');
      return v;
    };
    switch (flag) {
      case '--out': out = value(); break;
      case '--baseline': baseline = value(); break;
      case '--verify-cmd': verifyCmd = value(); break;
      case '--verify-runs': verifyRuns = positiveInt(value(), flag); break;
      case '--samples': samples = positiveInt(value(), flag); break;
      case '--sample-ms': sampleMs = positiveInt(value(), flag); break;
      case '--only': only = value(); break;
      case '--clock': {
        const v = value();
        if (v !== 'wall' && v !== 'cpu') throw new InputError(flag, `expected wall or cpu, got ${v}`);
        clock = v;
        break;
      }
      case '-h':
      case '--help': help = true; break;
      default: throw new InputError(flag, `unknown option\n${benchUsage}`);
    }
  }
  return {
    out,
    verifyRuns,
    samples,
    sampleSeconds: sampleMs / 1000,
    clock,
    help,
    ...(baseline !== undefined ? { baseline } : {}),
    ...(verifyCmd !== undefined ? { verifyCmd } : {}),
    ...(only !== undefined ? { only } : {}),
  };
}
