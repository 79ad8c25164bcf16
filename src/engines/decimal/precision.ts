import { Decimal } from 'decimal.js';

/**
 * One decimal.js constructor per precision, each a `Decimal.clone` with its own settings; the global
 * constructor is never configured, so no other code can change this engine's rounding.
 */

/** Smallest and largest power of ten decimal.js allows (its `EXP_LIMIT`); beyond, values become 0 or ±Infinity. */
export const DECIMAL_EXPONENT_LIMIT = 9e15;

const constructors = new Map<number, Decimal.Constructor>();

/**
 * The decimal.js constructor whose arithmetic rounds every result to `precision` significant digits,
 * half to even (the IEEE default, so a tie does not drift one way). Its exponent range is the widest
 * decimal.js offers, `10^±9e15`: a result beyond it becomes ±Infinity (above) or 0 (below).
 * Constructing a value from a string or another Decimal does not round it (see exact.ts).
 * The same precision returns the same constructor.
 */
export function decimalConstructor(precision: number): Decimal.Constructor {
  let D = constructors.get(precision);
  if (D === undefined) {
    D = Decimal.clone({
      defaults: true,
      precision,
      rounding: Decimal.ROUND_HALF_EVEN,
      minE: -DECIMAL_EXPONENT_LIMIT,
      maxE: DECIMAL_EXPONENT_LIMIT,
    });
    constructors.set(precision, D);
  }
  return D;
}
