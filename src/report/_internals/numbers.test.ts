import { describe, expect, it } from 'vitest';
import { powerOfTen, seconds, sig3, signedSig3 } from './numbers.js';

describe('number formats', () => {
  it('sig3 keeps 3 significant digits, exponent outside [1e-3, 1e4)', () => {
    expect([0.0123, 12.3456, 0.1, 1.23e-5, 12345, -0.5, 0, -0].map(sig3)).toEqual([
      '0.0123', '12.3', '0.100', '1.23e-5', '1.23e+4', '-0.500', '0', '0',
    ]);
    expect([Infinity, -Infinity, NaN].map(sig3)).toEqual(['∞', '-∞', 'NaN']);
  });

  it('signedSig3 adds "+" to positives and writes null as "-"', () => {
    expect([0.02, -0.024, 0, Infinity, null].map(signedSig3)).toEqual(['+0.0200', '-0.0240', '0', '+∞', '-']);
  });

  it('seconds for JUnit, defensive against clock hiccups', () => {
    expect([512.4, 0, -3, NaN, Infinity].map(seconds)).toEqual(['0.512', '0.000', '0.000', '0.000', '0.000']);
  });

  it('powerOfTen writes superscripts', () => {
    expect([0, 2, 10, -3].map(powerOfTen)).toEqual(['10⁰', '10²', '10¹⁰', '10⁻³']);
  });
});
