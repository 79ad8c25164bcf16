/** Magnitudes at or above this are printed with an exponent (beyond four integer digits). */
const EXP_ABOVE = 1e4;
/** Magnitudes below this are printed with an exponent (more than two leading zeros otherwise). */
const EXP_BELOW = 1e-3;

/**
 * A number to 3 significant digits ("0.0123", "12.3", "1.23e-5", "1.23e+4"); infinities as "∞" and
 * "-∞", NaN as "NaN", zero (either sign) as "0".
 */
export function sig3(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= EXP_ABOVE || a < EXP_BELOW ? x.toExponential(2) : x.toPrecision(3);
}

/**
 * Like {@link sig3} with an explicit sign: "+0.0123", "-1.23e-5", "+∞"; zero stays "0", and
 * `null` (no applicable run, nothing measured) is "-".
 */
export function signedSig3(x: number | null): string {
  if (x === null) return '-';
  return x > 0 ? `+${sig3(x)}` : sig3(x);
}

/**
 * Milliseconds as seconds with 3 decimals ("0.512"), the JUnit `time` format; a negative or
 * non-finite duration (a clock hiccup upstream) is written "0.000".
 */
export function seconds(millis: number): string {
  return Number.isFinite(millis) && millis > 0 ? (millis / 1000).toFixed(3) : '0.000';
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻',
};

/** `10` raised to an integer, written with superscript digits: 2 → "10²", -3 → "10⁻³". */
export function powerOfTen(exponent: number): string {
  return `10${[...String(exponent)].map((ch) => SUPERSCRIPT[ch] ?? ch).join('')}`;
}
