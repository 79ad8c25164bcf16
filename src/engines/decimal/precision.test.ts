import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { DECIMAL_EXPONENT_LIMIT, decimalConstructor } from './precision.js';

describe('decimalConstructor', () => {
  it('returns the same constructor for the same precision, and a separate one per precision', () => {
    expect(decimalConstructor(30)).toBe(decimalConstructor(30));
    expect(decimalConstructor(31)).not.toBe(decimalConstructor(30));
    expect(decimalConstructor(30).precision).toBe(30);
    expect(decimalConstructor(31).precision).toBe(31);
  });

  it('rounds every result to its precision, half to even', () => {
    const D = decimalConstructor(1);
    // at one digit 2.5 and 3.5 are ties: to the even neighbours 2 and 4
    expect(new D('2.5').plus(0).toString()).toBe('2');
    expect(new D('3.5').plus(0).toString()).toBe('4');
    expect(new D('-2.5').plus(0).toString()).toBe('-2');
  });

  it('spans 10^±9e15: beyond, results become ±Infinity or 0', () => {
    const D = decimalConstructor(10);
    const top = new D(`1e${DECIMAL_EXPONENT_LIMIT}`);
    expect(top.isFinite()).toBe(true);
    expect(top.times(10).isFinite()).toBe(false);
    const bottom = new D(`1e${-DECIMAL_EXPONENT_LIMIT}`);
    expect(bottom.isZero()).toBe(false);
    expect(bottom.div(10).isZero()).toBe(true);
  });

  it("takes decimal.js's defaults for the settings it does not fix, whatever the global constructor's", () => {
    // decimal.js defaults: toExpPos 21, toExpNeg −7, modulo ROUND_DOWN (the remainder has the dividend's sign)
    Decimal.set({ toExpPos: 2, toExpNeg: -1, modulo: Decimal.EUCLID });
    try {
      const D = decimalConstructor(43);
      expect(new D(12345).toString()).toBe('12345');
      expect(new D('0.001').toString()).toBe('0.001');
      expect(new D(-7).mod(3).toString()).toBe('-1');
    } finally {
      Decimal.set({ defaults: true });
    }
  });
});
