import type { Problem } from '../problem/types.js';

/**
 * The data and fixed architecture every theory quantity depends on (docs/theory.md §1): X (n×d, row-major),
 * labels y (±1), second layer a (length m) and the leaky-ReLU slope γ. A validated {@link Problem}
 * is one; plain Float64Arrays wrapped in an object literal are another.
 */
export type NetworkData = Pick<Problem, 'n' | 'd' | 'm' | 'X' | 'y' | 'a' | 'gamma'>;

/** The labelled data alone (X n×d row-major, y ±1): what a linear classifier needs. */
export type LabelledData = Pick<Problem, 'n' | 'd' | 'X' | 'y'>;
