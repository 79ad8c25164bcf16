import type { ClaimDefinition, Fault } from '../claims/core/types.js';

/** One paper's plug-in: its claims and the theory faults they are checked against (docs/theory.md §8). */
export interface Paper {
  /** The key used on the command line (`--claims h25`). */
  readonly key: string;
  readonly title: string;
  readonly claims: readonly ClaimDefinition[];
  /** Faults in this paper's theory functions (engine faults are shared: src/faults/). */
  readonly faults: readonly Fault[];
}
