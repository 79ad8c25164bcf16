import type { Command } from './command.js';
import { calibrate } from './calibrate.js';
import { compare } from './compare.js';
import { direction } from './direction.js';
import { fixtures } from './fixtures.js';
import { gen } from './gen.js';
import { merge } from './merge.js';
import { power } from './power.js';
import { serve } from './serve.js';
import { stress } from './stress.js';
import { sweep } from './sweep.js';
import { train } from './train.js';
import { verify } from './verify.js';

/** Every sub-command, by the name typed on the command line. */
export const commands: Readonly<Record<string, Command>> = { verify, merge, power, calibrate, direction, gen, train, compare, fixtures, stress, serve, sweep };

/** The usage text printed by `benign-check --help`. */
export function usage(): string {
  const lines = Object.values(commands).map((c) => `  benign-check ${c.synopsis}\n      ${c.summary}`);
  return [
    'benign-check: property-based verification of gradient-descent theorems for leaky-ReLU networks',
    '',
    'Commands:',
    ...lines,
    '',
    'Exit codes: 0 ok; 1 a claim missed its expected verdict or showed no power (compare: left the error model); 2 bad input; 3 numerical failure; 4 internal error.',
    '',
  ].join('\n');
}
