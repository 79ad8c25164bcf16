import { InputError, NumericalError, TrainerError } from '../errors.js';

/**
 * An error as it crosses from a worker thread (structured clone keeps neither the class nor its
 * fields): which of the project's errors it was, with its fields, so the main thread rethrows the same
 * class and the CLI keeps its exit codes (2 for a user's mistake, 3 for a numerical failure).
 */
export type PackedError =
  | { readonly kind: 'input'; readonly field: string; readonly message: string }
  | { readonly kind: 'numerical'; readonly quantity: string; readonly message: string }
  | { readonly kind: 'trainer'; readonly trainer: string; readonly field: string; readonly message: string }
  | { readonly kind: 'other'; readonly message: string; readonly stack: string };

/** What a worker sends back for one task. */
export type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: PackedError };

/** The message after the `field: ` prefix the error classes add. */
const after = (message: string, prefix: string): string => (message.startsWith(`${prefix}: `) ? message.slice(prefix.length + 2) : message);

/** A thrown value as a structured-clonable record (see {@link PackedError}). */
export function packError(e: unknown): PackedError {
  if (e instanceof InputError) return { kind: 'input', field: e.field, message: after(e.message, e.field) };
  if (e instanceof NumericalError) return { kind: 'numerical', quantity: e.quantity, message: after(e.message, e.quantity) };
  if (e instanceof TrainerError) return { kind: 'trainer', trainer: e.trainer, field: e.field, message: after(e.message, `${e.trainer}: ${e.field}`) };
  const err = e instanceof Error ? e : new Error(String(e));
  return { kind: 'other', message: err.message, stack: err.stack ?? err.message };
}

/** The error a packed one stands for, of the same class and fields. */
export function unpackError(p: PackedError): Error {
  switch (p.kind) {
    case 'input':
      return new InputError(p.field, p.message);
    case 'numerical':
      return new NumericalError(p.quantity, p.message);
    case 'trainer':
      return new TrainerError(p.trainer, p.field, p.message);
    case 'other': {
      const e = new Error(p.message);
      e.stack = p.stack;
      return e;
    }
  }
}
