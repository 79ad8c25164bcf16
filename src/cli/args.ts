import { InputError } from '../errors.js';

/** A parsed command line: positionals in order, options by long name (without the dashes). */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: ReadonlyMap<string, string | true>;
}

/**
 * Parses `--name value`, `--name=value` and bare boolean flags. Only the names in `valued` take a
 * value, only those in `flags` stand alone; anything else is an {@link InputError} naming the flag.
 */
export function parseArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    if (flags.includes(name)) {
      if (eq >= 0) throw new InputError(`--${name}`, 'is a flag and takes no value');
      options.set(name, true);
    } else if (valued.includes(name)) {
      const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new InputError(`--${name}`, 'needs a value');
      options.set(name, value);
    } else {
      const known = [...valued, ...flags].map((s) => `--${s}`).join(', ');
      throw new InputError(`--${name}`, `unknown option${known ? ` (known: ${known})` : ''}`);
    }
  }
  return { positionals, options };
}

/** The string value of option `name`, or undefined when absent. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options.get(name);
  return v === true ? undefined : v;
}

/** A finite number option, optionally an integer within [min, max]. */
export function numberOption(
  args: ParsedArgs,
  name: string,
  spec: { integer?: boolean; min?: number; max?: number; positive?: boolean } = {},
): number | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  const v = raw.trim() === '' ? NaN : Number(raw);
  const field = `--${name}`;
  if (!Number.isFinite(v)) throw new InputError(field, `expected a finite number, got ${JSON.stringify(raw)}`);
  if (spec.integer && !Number.isSafeInteger(v)) throw new InputError(field, `expected an integer, got ${raw}`);
  if (spec.positive && !(v > 0)) throw new InputError(field, `must be positive, got ${raw}`);
  if (spec.min !== undefined && v < spec.min) throw new InputError(field, `must be ≥ ${spec.min}, got ${raw}`);
  if (spec.max !== undefined && v > spec.max) throw new InputError(field, `must be ≤ ${spec.max}, got ${raw}`);
  return v;
}

/** One of a fixed set of words. */
export function choiceOption<T extends string>(args: ParsedArgs, name: string, choices: readonly T[]): T | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new InputError(`--${name}`, `expected one of ${choices.join(', ')}, got ${JSON.stringify(raw)}`);
  }
  return raw as T;
}

/** A comma-separated list of non-negative integers (`1,10,100`). */
export function integerListOption(args: ParsedArgs, name: string): number[] | undefined {
  const raw = stringOption(args, name);
  if (raw === undefined) return undefined;
  return raw.split(',').map((s) => {
    const v = s.trim() === '' ? NaN : Number(s);
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new InputError(`--${name}`, `expected comma-separated non-negative integers, got ${JSON.stringify(s)}`);
    }
    return v;
  });
}
