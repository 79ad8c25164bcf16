import type { Decimal } from 'decimal.js';
import { InputError } from '../../errors.js';
import { decimalConstructor } from './precision.js';

/** Digits reported for identical inputs (an exact match has no finite agreement count). */
const IDENTICAL = Infinity;
/** Precision of the difference: a digit count needs only a few correct digits of it. */
const ESTIMATE_DIGITS = 20;

/**
 * Number of agreeing significant digits of `a` against the reference `b`, normwise:
 * `−log10(max_k |a_k − b_k| / max_k |b_k|)` (Infinity when equal, 0 when b is all zero and a is not).
 * Normwise, not entrywise: an entry near 0 (a weight crossing zero) would otherwise report few
 * digits although the vector as a whole agrees. Scalars: pass one-element arrays.
 * @throws InputError (field `a`) when the lengths differ.
 */
export function agreeingDigits(a: readonly Decimal[], b: readonly Decimal[]): number {
  if (a.length !== b.length) throw new InputError('a', `has ${a.length} entries, the reference b has ${b.length}`);
  const P = decimalConstructor(ESTIMATE_DIGITS);
  let diff = new P(0);
  let scale = new P(0);
  for (let k = 0; k < a.length; k++) {
    diff = P.max(diff, new P(a[k]!).minus(b[k]!).abs());
    scale = P.max(scale, new P(b[k]!).abs());
  }
  if (diff.isZero()) return IDENTICAL;
  if (scale.isZero()) return 0;
  return -diff.div(scale).log(10).toNumber();
}
