import { describe, expect, it } from 'vitest';
import { InputError, NumericalError, TrainerError } from '../errors.js';
import { packError, unpackError } from './outcome.js';

describe('errors crossing from a worker', () => {
  it('keep their class, fields and message through a structured clone', () => {
    for (const e of [new InputError('--d', 'too big'), new NumericalError('W at step 3', 'overflow'), new TrainerError('py', 'W', 'wrong shape'), new RangeError('boom')]) {
      const back = unpackError(structuredClone(packError(e)));
      expect(back.constructor).toBe(e instanceof RangeError ? Error : e.constructor);
      expect(back.message).toBe(e.message);
      if (e instanceof InputError) expect((back as InputError).field).toBe('--d');
      if (e instanceof TrainerError) expect([(back as TrainerError).trainer, (back as TrainerError).field]).toEqual(['py', 'W']);
    }
  });
});
