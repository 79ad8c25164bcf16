import type { ClaimDefinition, ClaimContext, Tier } from '../../claims/core/types.js';
import { referenceContext } from '../../claims/core/context.js';
import { externalTrainer } from '../../trainers/external.js';
import { InputError } from '../../errors.js';
import { catalogue, papers, selectClaims } from '../../papers/registry.js';
import { defaultWorkers } from '../../workers/pool.js';
import { choiceOption, numberOption, stringOption, type ParsedArgs } from '../args.js';

/** --claims all|PAPER|ID,…, checked against the registry. */
export function claimsOption(args: ParsedArgs): { wanted: string; claims: ClaimDefinition[] } {
  const wanted = stringOption(args, 'claims') ?? 'all';
  const { claims, unknown } = selectClaims(wanted);
  if (unknown !== undefined) {
    throw new InputError('--claims', `unknown claim or paper ${JSON.stringify(unknown)} (papers: ${papers.map((p) => p.key).join(', ')}; claims: ${catalogue.map((c) => c.id).join(', ')})`);
  }
  if (claims.length === 0) throw new InputError('--claims', 'selects no claim');
  return { wanted, claims };
}

/** --seed S, or a fresh one (printed by the caller, so the run can be replayed). */
export function seedOption(args: ParsedArgs): number {
  return numberOption(args, 'seed', { integer: true, min: -(2 ** 31), max: 2 ** 32 - 1 }) ?? (Date.now() ^ (Math.random() * 2 ** 31)) >>> 0;
}

/** --tier quick|deep (default quick). */
export function tierOption(args: ParsedArgs): Tier {
  return choiceOption(args, 'tier', ['quick', 'deep'] as const) ?? 'quick';
}

/** Seconds a user's trainer may take on one request when --trainer-timeout is not given (runs of 10⁵ steps are slow in plain numpy). */
const DEFAULT_TRAINER_TIMEOUT_S = 900;

/**
 * The context of the main runs: the reference theory, and the float64 engine or, with
 * `--trainer "CMD"`, a user's trainer speaking trainer protocol v1 (docs/trainer-protocol.md).
 * `close` ends the user's trainer process.
 */
export function mainContext(args?: ParsedArgs): { context: ClaimContext; user: boolean; close(): Promise<void> } {
  const command = args ? stringOption(args, 'trainer') : undefined;
  if (command === undefined) return { context: referenceContext(), user: false, close: () => Promise.resolve() };
  const seconds = numberOption(args!, 'trainer-timeout', { positive: true }) ?? DEFAULT_TRAINER_TIMEOUT_S;
  const trainer = externalTrainer(command, { timeoutMs: seconds * 1000, name: command });
  return { context: referenceContext(trainer), user: true, close: () => trainer.close() };
}

/** --workers N (default: every available core), at most this many threads. */
const MAX_WORKERS = 256;

/** --workers N: worker threads of the pool (1: run in this thread). Results do not depend on it. */
export function workersOption(args: ParsedArgs): number {
  return numberOption(args, 'workers', { integer: true, min: 1, max: MAX_WORKERS }) ?? defaultWorkers();
}
