import { describe, expect, it } from 'vitest';
import { NumericalError, TrainerError } from '../errors.js';
import type { Problem } from '../problem/types.js';
import type { TrainedCheckpoint } from './types.js';
import { checkCheckpointRequest, checkTrainedCheckpoints } from './validate.js';

/** A 2×2 problem (m = 2, d = 2): every W must have 4 entries. */
const p: Problem = {
  n: 2,
  d: 2,
  m: 2,
  X: Float64Array.of(1, 0, 0, 1),
  y: Float64Array.of(1, -1),
  a: Float64Array.of(1, -1),
  W0: new Float64Array(4),
  gamma: 0.5,
  loss: 'exp',
  lr: 0.1,
  steps: 10,
};

const requested = [0, 10];
const good = (): TrainedCheckpoint[] => [
  { t: 0, W: Float64Array.of(0, 0, 0, 0) },
  { t: 10, W: Float64Array.of(1, -2, 3, -4), loss: 0.5 },
];

/** The error `f` throws (fails the test when it throws nothing). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

function trainerError(answer: unknown): TrainerError {
  const e = thrown(() => checkTrainedCheckpoints('mine', p, requested, answer as TrainedCheckpoint[]));
  expect(e).toBeInstanceOf(TrainerError);
  const te = e as TrainerError;
  expect(te.trainer).toBe('mine');
  return te;
}

describe('checkTrainedCheckpoints', () => {
  it('accepts a well-formed answer and returns it', () => {
    const answer = good();
    expect(checkTrainedCheckpoints('mine', p, requested, answer)).toBe(answer);
  });

  it('refuses an answer that is not an array', () => {
    expect(trainerError({ t: 0 }).field).toBe('checkpoints');
  });

  it('refuses the wrong number of checkpoints, naming the field', () => {
    const e = trainerError(good().slice(0, 1));
    expect(e.field).toBe('checkpoints');
    expect(e.message).toBe('mine: checkpoints: expected 2 checkpoints, got 1');
    expect(trainerError([...good(), { t: 20, W: new Float64Array(4) }]).message).toMatch(/expected 2 checkpoints, got 3/);
  });

  it('refuses a checkpoint at the wrong t, naming which one', () => {
    const answer = good();
    answer[1] = { ...answer[1]!, t: 11 };
    const e = trainerError(answer);
    expect(e.field).toBe('checkpoints[1].t');
    expect(e.message).toMatch(/expected 10, got 11/);
  });

  it('refuses a W of the wrong length or type, naming which one', () => {
    const short = good();
    short[0] = { t: 0, W: new Float64Array(3) };
    const e = trainerError(short);
    expect(e.field).toBe('checkpoints[0].W');
    expect(e.message).toMatch(/expected 2×2 numbers, got 3/);
    const plain = good();
    plain[1] = { t: 10, W: [1, 2, 3, 4] as unknown as Float64Array };
    expect(trainerError(plain).field).toBe('checkpoints[1].W');
  });

  it('refuses a loss that is not a number', () => {
    const answer = good();
    answer[1] = { ...answer[1]!, loss: '0.5' as unknown as number };
    expect(trainerError(answer).field).toBe('checkpoints[1].loss');
  });

  it('turns a non-finite entry into a NumericalError naming the step and the entry', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const answer = good();
      answer[1] = { t: 10, W: Float64Array.of(1, -2, bad, -4) };
      const e = thrown(() => checkTrainedCheckpoints('mine', p, requested, answer));
      expect(e).toBeInstanceOf(NumericalError);
      expect((e as NumericalError).quantity).toBe('W at step 10');
      // Entry 2 of a 2×2 row-major W is row 1, column 0.
      expect((e as NumericalError).message).toBe(`W at step 10: mine returned W[1][0] = ${bad}`);
    }
  });
});

describe('checkCheckpointRequest', () => {
  it('accepts strictly increasing non-negative integers', () => {
    expect(() => checkCheckpointRequest('mine', [0, 1, 10, 100])).not.toThrow();
  });

  it('refuses an empty, negative, fractional or non-increasing request, naming the entry', () => {
    const field = (cps: number[]) => (thrown(() => checkCheckpointRequest('mine', cps)) as TrainerError).field;
    expect(field([])).toBe('checkpoints');
    expect(field([0, -1])).toBe('checkpoints[1]');
    expect(field([0.5])).toBe('checkpoints[0]');
    expect(field([0, 10, 10])).toBe('checkpoints[2]');
    expect(thrown(() => checkCheckpointRequest('mine', [3, 2]))).toBeInstanceOf(TrainerError);
  });
});
