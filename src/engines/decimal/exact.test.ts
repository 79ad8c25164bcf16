import { describe, expect, it } from 'vitest';
import { makeRng } from '../../data/rng.js';
import { InputError, NumericalError } from '../../errors.js';
import { exactDecimal, exactDecimalParts, toDouble } from './exact.js';
import { decimalConstructor } from './precision.js';
import { samples } from '../../_testing/samples.js';
import { refusal, thrown } from '../../_testing/refusal.js';

const D = decimalConstructor(20);

/** A double from 64 random bits (fixed seed), NaN and ±Infinity skipped by the caller. */
function randomBitsDouble(rng: { uniform(): number }): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, Math.floor(rng.uniform() * 2 ** 32));
  view.setUint32(4, Math.floor(rng.uniform() * 2 ** 32));
  return view.getFloat64(0);
}

function randomDoubles(count: number, seed: string): number[] {
  const rng = makeRng(seed);
  const out: number[] = [];
  while (out.length < count) {
    const x = randomBitsDouble(rng);
    if (Number.isFinite(x)) out.push(x);
  }
  return out;
}

/** `x · 2^s` computed in doubles (exact: scaling by powers of two, no overflow for the s used). */
function timesPow2(x: number, s: number): number {
  let v = x;
  let left = s;
  while (left > 0) {
    const k = Math.min(left, 512);
    v *= 2 ** k;
    left -= k;
  }
  return v;
}

const specialDoubles: number[] = [
  0,
  -0,
  5e-324, // least subnormal, 2^-1074
  -5e-324,
  2 ** -1022 - 2 ** -1074, // largest subnormal
  2 ** -1022, // least normal
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1,
  -1,
  0.1,
  1 / 3,
  Math.PI,
  Number.EPSILON,
  2 ** 53 + 2,
  ...Array.from({ length: 2098 }, (_, k) => 2 ** (k - 1074)), // every power of two
];

describe('exactDecimal', () => {
  it('converts 0.1 from its bits, not from its shortest string', () => {
    expect(exactDecimal(0.1, D).toString()).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(new D(0.1).toString()).toBe('0.1'); // what decimal.js does with a number
  });

  it('is not rounded to the constructor precision on construction (decimal.js rounds results only)', () => {
    const x = exactDecimal(0.1, D); // D has precision 20
    expect(x.precision()).toBe(55);
    expect(x.plus(0).precision()).toBe(20);
    expect(new D('1.2345678901234567890123456789').precision()).toBe(29);
  });

  it('keeps the sign of zero', () => {
    expect(exactDecimal(-0, D).isNeg()).toBe(true);
    expect(Object.is(toDouble(exactDecimal(-0, D)), -0)).toBe(true);
    expect(Object.is(toDouble(exactDecimal(0, D)), 0)).toBe(true);
  });

  it('gives the least subnormal in full (751 significant digits)', () => {
    const s = exactDecimal(5e-324, D);
    expect(s.precision()).toBe(751);
    expect(s.toExponential().startsWith('4.9406564584124654417656879286822137236505980')).toBe(true);
    expect(s.e).toBe(-324);
  });

  it('has exactly the digits of the binary value (checked by BigInt arithmetic, not by the bits)', () => {
    for (const x of [...specialDoubles, ...randomDoubles(1000, 'exact-digits')]) {
      const { negative, coefficient, exponent } = exactDecimalParts(x);
      expect(negative).toBe(Object.is(x, -0) || x < 0);
      const absX = Math.abs(x);
      if (exponent === 0) {
        expect(Number.isInteger(absX)).toBe(true);
        expect(coefficient).toBe(BigInt(absX));
      } else {
        // x = C/10^k ⇔ x·2^k = C·2^k/10^k = C/5^k, and x·2^k is an integer double: compare exactly.
        const k = -exponent;
        const scaled = timesPow2(absX, k);
        expect(Number.isInteger(scaled)).toBe(true);
        expect(BigInt(scaled) * 5n ** BigInt(k)).toBe(coefficient);
        expect(coefficient % 10n).not.toBe(0n);
      }
    }
  });

  it('refuses NaN and ±Infinity', () => {
    expect(() => exactDecimal(NaN, D)).toThrow(InputError);
    expect(() => exactDecimal(Infinity, D)).toThrow(InputError);
  });

  it('names the field x and the refused value', () => {
    for (const [x, shown] of [[NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']] as const) {
      const e = refusal(() => exactDecimalParts(x));
      expect(e.field).toBe('x');
      expect(e.message).toBe(`x: only finite doubles have a decimal value, got ${shown}`);
    }
  });
});

describe('toDouble', () => {
  it('round-trips every double class: zeros, subnormals, extremes, all powers of two, random bits', () => {
    const failures: number[] = [];
    for (const x of [...specialDoubles, ...randomDoubles(samples(1000, 100), 'round-trip')]) {
      if (!Object.is(toDouble(exactDecimal(x, D)), x)) failures.push(x);
    }
    expect(failures).toEqual([]);
  });

  it('rounds like the correctly rounded string parser on random 30-digit decimals', () => {
    const rng = makeRng('to-double');
    const failures: string[] = [];
    for (let r = 0; r < samples(2000, 200); r++) {
      let digits = String(1 + Math.floor(rng.uniform() * 9));
      for (let k = 1; k < 30; k++) digits += String(Math.floor(rng.uniform() * 10));
      const e = Math.floor(rng.uniform() * 660) - 340; // 1e-340 … 1e320: underflow to overflow
      const text = `${rng.uniform() < 0.5 ? '-' : ''}${digits}e${e}`;
      // V8's string-to-double is correctly rounded for any length of input.
      if (!Object.is(toDouble(new D(text)), Number(text))) failures.push(text);
    }
    expect(failures).toEqual([]);
  });

  it('breaks ties to even, in the normal and subnormal ranges and at overflow', () => {
    const P = decimalConstructor(1200); // enough digits to hold these sums exactly
    const sum = (...xs: number[]) => xs.reduce((s, x) => s.plus(exactDecimal(x, P)), new P(0));
    expect(toDouble(sum(1, 2 ** -53))).toBe(1); // tie between 1 and 1+2^-52: even is 1
    expect(toDouble(sum(1, 3 * 2 ** -53))).toBe(1 + 2 ** -51); // tie: even is 1+2^-51
    expect(toDouble(sum(1, 2 ** -53, 2 ** -600))).toBe(1 + 2 ** -52); // just above the tie
    expect(toDouble(sum(2 ** -1074).div(2))).toBe(0); // 2^-1075: tie between 0 and 2^-1074
    expect(toDouble(sum(3 * 2 ** -1074).div(2))).toBe(2 ** -1073); // tie: even is 2·2^-1074
    const maxPlusHalfUlp = sum(Number.MAX_VALUE, 2 ** 970);
    expect(toDouble(maxPlusHalfUlp)).toBe(Infinity); // tie with 2^1024 rounds to even: overflow
    expect(toDouble(maxPlusHalfUlp.minus(1))).toBe(Number.MAX_VALUE);
    expect(toDouble(new D(1))).toBe(1);
    expect(toDouble(new D('1e400'))).toBe(Infinity);
    expect(toDouble(new D('-1e-400'))).toBe(-0);
    expect(toDouble(new D(-Infinity))).toBe(-Infinity);
  });

  it('refuses NaN', () => {
    expect(() => toDouble(new D(NaN))).toThrow(NumericalError);
  });

  it('says that NaN has no nearest double', () => {
    const e = thrown(() => toDouble(new D(NaN)));
    expect(e).toBeInstanceOf(NumericalError);
    expect((e as NumericalError).quantity).toBe('toDouble');
    expect((e as NumericalError).message).toBe('toDouble: NaN has no nearest double');
  });

  it('rounds the largest decimal with j places below a power of two 2^-k (the binade is decided exactly)', () => {
    // x = floor(10^j / 2^k)·10^-j lies within 10^-j below 2^-k, so its binade is [2^(-k-1), 2^-k) and its
    // doubles are spaced 2^(-k-53); taking the binade above would round to a spacing twice as wide. For
    // k up to j + 50 and j ≥ 17, x is more than half that spacing below 2^-k in many cases, so the two differ.
    const failures: string[] = [];
    for (let j = 17; j <= 35; j++) {
      for (let k = j + 1; k < j + 50; k++) {
        const text = `${10n ** BigInt(j) / 2n ** BigInt(k)}e-${j}`;
        if (!Object.is(toDouble(new D(text)), Number(text))) failures.push(text);
      }
    }
    expect(failures).toEqual([]);
  });

  it('maps magnitudes far beyond the double range to ±Infinity and ±0 at once', () => {
    // decimal.js reaches 10^±9e15; an exact BigInt of such a power of ten could not even be formed.
    expect(toDouble(new D('1e9000000000000000'))).toBe(Infinity);
    expect(toDouble(new D('-4.5e9000000000000000'))).toBe(-Infinity);
    expect(Object.is(toDouble(new D('1e-9000000000000000')), 0)).toBe(true);
    expect(Object.is(toDouble(new D('-7e-9000000000000000')), -0)).toBe(true);
  });
});
