import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { logNormalCdf, normalCdf, normalSf } from './gaussian.js';

/*
 * Reference values: Φ(x) = mpmath.ncdf(x) (mpmath 1.3.0, 60 significant digits, evaluated at the exact
 * double x), printed to 21 digits. A throwaway script produced them; only the values are kept here.
 * Every Φ(x) below is a normal double (x ≥ −37.5193, Φ ≥ 2.2e-308).
 */
const PHI: readonly (readonly [number, number])[] = [
  [-37.5193, 2.23171260316945760307e-308],
  [-37.5, 4.60535300958195484383e-308],
  [-37.25, 5.29788877992726884033e-304],
  [-37.0, 5.72557122252457682268e-300],
  [-36.5, 5.54472571307484455379e-292],
  [-36.0, 4.18262406579728333174e-284],
  [-35.5, 2.45769154066193691421e-276],
  [-35.0, 1.12491070647240624398e-268],
  [-34.5, 4.01072896657726196935e-261],
  [-34.0, 1.11389878557437938658e-253],
  [-33.5, 2.40983869512038539366e-246],
  [-33.0, 4.0611856209158550885e-239],
  [-32.5, 5.33142435967880409928e-232],
  [-32.0, 5.45208060351239609196e-225],
  [-31.5, 4.34323260103177195881e-218],
  [-31.0, 2.69525008120050007859e-211],
  [-30.5, 1.30293791317807635092e-204],
  [-30.0, 4.90671392714818705953e-198],
  [-29.99, 6.62524338365519300914e-198],
  [-29.5, 1.43947455222917916857e-191],
  [-29.0, 3.28978526670438016172e-185],
  [-28.5, 5.85714125380633754813e-179],
  [-28.0, 8.1238694696594265936e-173],
  [-27.5, 8.77817055687808377235e-167],
  [-27.0, 7.38948100688501825752e-161],
  [-26.5, 4.84616266030332029281e-155],
  [-26.0, 2.47606331550338928579e-149],
  [-25.5, 9.85623651896392879432e-144],
  [-25.0, 3.0566967063825609164e-138],
  [-24.5, 7.38570686148940779428e-133],
  [-24.0, 1.39039211854970305957e-127],
  [-23.5, 2.03936756324997623048e-122],
  [-23.0, 2.33063700622064879857e-117],
  [-22.5, 2.07531079906635458302e-112],
  [-22.0, 1.43989243514507904572e-107],
  [-21.9, 1.29890346246157534295e-106],
  [-21.5, 7.78439707718263376869e-103],
  [-21.0, 3.27927801897903593974e-98],
  [-20.5, 1.07646732587909603353e-93],
  [-20.0, 2.75362411860623369508e-89],
  [-19.5, 5.48911547566040994755e-85],
  [-19.0, 8.52722395263097651051e-81],
  [-18.5, 1.03236986895632896087e-76],
  [-18.0, 9.74094891893715048259e-73],
  [-17.5, 7.16345876623503584536e-69],
  [-17.0, 4.10599620209890628959e-65],
  [-16.5, 1.83446300316473110995e-61],
  [-16.0, 6.38875440053808728128e-58],
  [-15.5, 1.73446079179387005134e-54],
  [-15.0, 3.67096619931275088579e-51],
  [-14.5, 6.05749476441522077963e-48],
  [-14.0, 7.79353681919280025436e-45],
  [-13.7, 5.07621481159787922252e-43],
  [-13.5, 7.81880730565789121571e-42],
  [-13.0, 6.11716439954987968228e-39],
  [-12.5, 3.73256429887771337723e-36],
  [-12.0, 1.7764821120776789977e-33],
  [-11.5, 6.59577144611367507905e-31],
  [-11.0, 1.91065957449867571115e-28],
  [-10.5, 4.31900631780923034655e-26],
  [-10.1, 2.76210947176451678937e-24],
  [-10.0, 7.61985302416052606597e-24],
  [-9.5, 1.04945150753626074928e-21],
  [-9.0, 1.12858840595384064774e-19],
  [-8.5, 9.47953482220331835415e-18],
  [-8.0, 6.22096057427178412352e-16],
  [-7.5, 3.19089167291089622777e-14],
  [-7.0, 1.27981254388583500438e-12],
  [-6.5, 4.01600058385911780835e-11],
  [-6.0, 9.86587645037698140701e-10],
  [-5.657, 7.70208817217760084244e-9],
  [-5.65685424949238, 7.70862895014003194034e-9],
  [-5.6568, 7.7110648569755535651e-9],
  [-5.5, 1.89895624658877193839e-8],
  [-5.0, 2.86651571879193911674e-7],
  [-4.5, 3.39767312473006040169e-6],
  [-4.0, 3.16712418331199212538e-5],
  [-3.5, 2.3262907903552503635e-4],
  [-3.3, 4.834241423837775071e-4],
  [-3.0, 1.34989803163009452665e-3],
  [-2.5, 6.20966532577613516698e-3],
  [-2.0, 2.27501319481792072003e-2],
  [-1.5, 6.68072012688580660045e-2],
  [-1.2345, 1.08508323362670173644e-1],
  [-1.0, 1.58655253931457051415e-1],
  [-0.6745, 2.49996742863699168893e-1],
  [-0.67448975, 2.50000000062310184636e-1],
  [-0.674, 2.50155656840322577e-1],
  [-0.5, 3.08537538725986896362e-1],
  [-0.1, 4.60172162722971016331e-1],
  [-0.0025, 4.9900264533790763285e-1],
  [-1e-10, 4.9999999996010577196e-1],
  [0.0, 5.0e-1],
  [1e-10, 5.0000000003989422804e-1],
  [0.3, 6.17911422188952633072e-1],
  [0.5, 6.91462461274013103638e-1],
  [0.67448975, 7.49999999937689815364e-1],
  [1.0, 8.41344746068542948585e-1],
  [1.5, 9.33192798731141933996e-1],
  [2.0, 9.772498680518207928e-1],
  [2.5, 9.93790334674223864833e-1],
  [3.0, 9.98650101968369905473e-1],
  [3.5, 9.99767370920964474964e-1],
  [4.0, 9.99968328758166880079e-1],
  [4.5, 9.9999660232687526994e-1],
  [5.0, 9.99999713348428120806e-1],
  [5.5, 9.99999981010437534112e-1],
  [5.65685424949238, 9.9999999229137104986e-1],
  [5.66, 9.99999992431350248002e-1],
  [6.0, 9.99999999013412354962e-1],
  [6.5, 9.99999999959839994161e-1],
  [7.0, 9.99999999998720187456e-1],
  [7.5, 9.99999999999968091083e-1],
  [7.9, 9.99999999999998605483e-1],
  [8.0, 9.99999999999999377904e-1],
];

/** log Φ(x) = log(mpmath.ncdf(x)) at 60 digits (mpmath's exponent range is unbounded). */
const LOG_PHI: readonly (readonly [number, number])[] = [
  [-37.5, -707.668989317507191066],
  [-38.5, -745.69527029041108133],
  [-40, -804.608442013753788167],
  [-100, -5005.52420869420508863],
  [-1000, -500007.82669481218431],
  [-1e5, -5000000012.43186399827],
  [-1e10, -50000000000000000023.9],
  [-1e50, -5.00000000000000076298e99],
  [-1e100, -5.00000000000000015903e199],
  [-1e150, -4.99999999999999980836e299],
  [0.5, -0.368946415288656393066],
  [1, -0.172753779023449889526],
  [3, -0.00135080996474819379884],
  [8, -6.22096057427178605853e-16],
  [20, -2.75362411860623369508e-89],
];

/**
 * Φ(x) = mpmath.ncdf(x) at 40 digits for x not a multiple of 1/16, where the split of the exponent
 * x²/2 = x̃²/2 + (x − x̃)(x + x̃)/2 matters: a rounded x²/2 of size up to 704 would alone cost a relative
 * error up to 704·2⁻⁵³ ≈ 8e-14. The last row is the smallest normal result, just inside the direct formula.
 */
const FAR_TAIL: readonly (readonly [number, number])[] = [
  [-17.9, 5.896095977263076201658078e-72],
  [-20.3, 6.429244467698346338571207e-92],
  [-25.7, 5.84441037438077433795577e-146],
  [-30.1, 2.422667217985758765716017e-199],
  [-33.3, 1.930505505927839976140498e-243],
  [-35.3, 2.936175792229389780739965e-273],
  [-36.7, 3.651529302803417972547058e-295],
  [-36.9, 2.310524481140617506119202e-298],
  [-37.1, 1.404711966310622134347733e-301],
  [-37.5193, 2.23171260316945760307e-308],
];

/** Required relative accuracy (Cody's approximations reach ≈ 1e-15, so this leaves a margin of 100). */
const REL = 1e-13;

function relErr(got: number, want: number): number {
  return want === 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
}

describe('normalCdf', () => {
  it('matches 60-digit references from −37.5 to 8 to relative 1e-13', () => {
    const bad = PHI.filter(([x, want]) => !(relErr(normalCdf(x), want) <= REL)).map(([x, want]) => [x, normalCdf(x), want]);
    expect(bad).toEqual([]);
  });

  it('the upper tail Φ(−x) is accurate where 1 − Φ(x) would cancel', () => {
    const bad = PHI.filter(([x]) => x < 0).filter(([x, want]) => !(relErr(normalSf(-x), want) <= REL));
    expect(bad).toEqual([]);
    // 1 − Φ(8) evaluated naively has relative error ≈ 0.1; the direct tail is exact.
    expect(relErr(normalSf(8), 6.22096057427178412352e-16)).toBeLessThanOrEqual(REL);
  });

  it('is symmetric: Φ(x) + Φ(−x) = 1 and Φ(0) = ½ exactly', () => {
    expect(normalCdf(0)).toBe(0.5);
    for (let x = 0; x <= 8; x += 0.0625) expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThanOrEqual(2 ** -52);
  });

  it('keeps its known reference values', () => {
    expect(relErr(normalCdf(-1), 0.15865525393145705141476745436)).toBeLessThanOrEqual(1e-15);
    expect(relErr(normalCdf(-37.5), 4.60535300958195484383e-308)).toBeLessThanOrEqual(REL);
  });

  it('degrades gracefully into the subnormal range and reaches 0 and 1 at ±∞', () => {
    // Φ(−38) = 2.88542836006878430835e-316 (mpmath) is subnormal: ≈ 8 digits are representable.
    expect(relErr(normalCdf(-38), 2.88542836006878430835e-316)).toBeLessThanOrEqual(1e-7);
    expect(normalCdf(-38.4)).toBeGreaterThan(0);
    expect(normalCdf(-40)).toBe(0); // 3.6e-350 is below the smallest subnormal
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-1e300)).toBe(0);
  });

  it('keeps the documented ≈ 1e-15 relative accuracy in the far tail', () => {
    // 4e-15: a margin of 4 over the documented 1e-15, well below the 8e-14 of a rounded exponent.
    const bad = FAR_TAIL.filter(([x, want]) => !(relErr(normalCdf(x), want) <= 4e-15)).map(([x, want]) => [x, normalCdf(x), want]);
    expect(bad).toEqual([]);
  });

  it('is exactly 0 and 1 at the largest finite arguments', () => {
    expect(normalCdf(-Number.MAX_VALUE)).toBe(0);
    expect(normalCdf(-1e308)).toBe(0);
    expect(normalCdf(1e308)).toBe(1);
    expect(normalSf(1e308)).toBe(0);
  });

  it('refuses NaN, naming x', () => {
    expect(() => normalCdf(NaN)).toThrow(/x/);
    for (const f of [normalCdf, normalSf, logNormalCdf]) {
      let error: unknown;
      try {
        f(NaN);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).field).toBe('x');
      expect((error as InputError).message).toBe('x: expected a number, got NaN');
    }
  });
});

describe('logNormalCdf', () => {
  it('is finite and accurate far below the underflow range, and near 0 for large x', () => {
    const bad = LOG_PHI.filter(([x, want]) => !(relErr(logNormalCdf(x), want) <= REL)).map(([x, want]) => [x, logNormalCdf(x), want]);
    expect(bad).toEqual([]);
    expect(Number.isFinite(logNormalCdf(-40))).toBe(true);
  });

  it('agrees with log Φ where Φ is representable and x ≤ 0', () => {
    // For x > 0 the rounding of Φ(x) to a double is already a large relative error in log Φ(x).
    for (const [x, want] of PHI.filter(([x]) => x <= 0)) expect(relErr(logNormalCdf(x), Math.log(want)), `x = ${x}`).toBeLessThanOrEqual(REL);
  });

  it('is −∞ only where the true value is below −1.8e308', () => {
    expect(logNormalCdf(-1e160)).toBe(-Infinity);
    expect(logNormalCdf(-1e308)).toBe(-Infinity);
    expect(logNormalCdf(-Number.MAX_VALUE)).toBe(-Infinity);
    expect(logNormalCdf(1e308)).toBe(0);
    expect(logNormalCdf(-Infinity)).toBe(-Infinity);
    expect(logNormalCdf(Infinity)).toBe(0);
  });
});
