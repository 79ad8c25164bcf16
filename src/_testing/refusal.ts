import { expect } from 'vitest';
import { InputError } from '../errors.js';

/** What `f` throws; the test fails when `f` returns. */
export function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw, but the call returned');
}

/** The {@link InputError} `f` refuses its input with; the test fails when `f` returns or throws anything else. */
export function refusal(f: () => unknown): InputError {
  const e = thrown(f);
  expect(e).toBeInstanceOf(InputError);
  return e as InputError;
}

/** The field a refusal names, or undefined when `f` accepts its input; the test fails on any other throw. */
export function fieldOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).field;
  }
  return undefined;
}
