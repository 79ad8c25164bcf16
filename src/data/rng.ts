import seedrandom from 'seedrandom';

/**
 * A seeded source of doubles and standard normals. The same seed gives the same stream, bit for bit,
 * on every platform: seedrandom's ARC4 stream is integer arithmetic, and V8's `Math.log`, `Math.cos`
 * and `Math.sqrt` are fdlibm ports (sqrt is correctly rounded), so no platform rounding enters.
 */
export interface Rng {
  /** Uniform on [0, 1): 56 random bits rounded to a double (seedrandom `double()`). */
  uniform(): number;
  /** Standard normal N(0, 1) by the Box–Muller transform. */
  normal(): number;
}

const twoPi = 2 * Math.PI;

/** A seeded generator; the seed is any number or string (stringified the same way seedrandom does). */
export function makeRng(seed: number | string): Rng {
  const prng = seedrandom(String(seed));
  let spare = 0;
  let hasSpare = false;
  return {
    uniform: () => prng.double(),
    normal: () => {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // u1 ∈ (0, 1]: log(0) is excluded by reflecting the half-open interval.
      const u1 = 1 - prng.double();
      const u2 = prng.double();
      const r = Math.sqrt(-2 * Math.log(u1));
      spare = r * Math.sin(twoPi * u2);
      hasSpare = true;
      return r * Math.cos(twoPi * u2);
    },
  };
}
