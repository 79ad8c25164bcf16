import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { validateDescriptor } from './descriptor.js';

const good = { kind: 'student-t', n: 4, d: 3, muNorm: 1, noise: { nu: 6 }, sigmaDiag: [1, 2, 0], labelNoise: 0.25, seed: 'a' };

function fieldOf(raw: unknown): string {
  try {
    validateDescriptor(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).field;
  }
  throw new Error('accepted a malformed descriptor');
}

describe('validateDescriptor', () => {
  it('returns an equal copy, with no default filled in', () => {
    const v = validateDescriptor(good);
    expect(v).toEqual(good);
    expect(v).not.toBe(good);
    expect(validateDescriptor({ kind: 'orthogonal', n: 3, d: 3, muNorm: 0, seed: 0 })).toEqual({ kind: 'orthogonal', n: 3, d: 3, muNorm: 0, seed: 0 });
  });

  it.each([
    ['not an object', 3, 'descriptor'],
    ['an unknown field', { ...good, mean: 1 }, 'mean'],
    ['an unknown kind', { ...good, kind: 'cauchy' }, 'kind'],
    ['n = 0', { ...good, n: 0 }, 'n'],
    ['n fractional', { ...good, n: 2.5 }, 'n'],
    ['n as a string', { ...good, n: '4' }, 'n'],
    ['d = 0', { ...good, d: 0 }, 'd'],
    ['n·d too large', { ...good, n: 2 ** 20, d: 2 ** 10, sigmaDiag: undefined }, 'n'],
    ['muNorm negative', { ...good, muNorm: -1 }, 'muNorm'],
    ['muNorm infinite', { ...good, muNorm: Infinity }, 'muNorm'],
    ['muNorm NaN', { ...good, muNorm: NaN }, 'muNorm'],
    ['nu = 4', { ...good, noise: { nu: 4 } }, 'noise.nu'],
    ['nu = 3', { ...good, noise: { nu: 3 } }, 'noise.nu'],
    ['nu for a Gaussian', { ...good, kind: 'gaussian' }, 'noise.nu'],
    ['alpha = 4', { ...good, kind: 'pareto', noise: { alpha: 4 } }, 'noise.alpha'],
    ['alpha for a Student-t', { ...good, noise: { alpha: 5 } }, 'noise.alpha'],
    ['an unknown noise field', { ...good, noise: { nu: 5, df: 3 } }, 'noise.df'],
    ['noise not an object', { ...good, noise: 5 }, 'noise'],
    ['sigmaDiag of the wrong length', { ...good, sigmaDiag: [1, 1] }, 'sigmaDiag'],
    ['a negative variance', { ...good, sigmaDiag: [1, -1e-300, 1] }, 'sigmaDiag[1]'],
    ['a NaN variance', { ...good, sigmaDiag: [1, 1, NaN] }, 'sigmaDiag[2]'],
    ['labelNoise = 0.5', { ...good, labelNoise: 0.5 }, 'labelNoise'],
    ['labelNoise negative', { ...good, labelNoise: -0.01 }, 'labelNoise'],
    ['a null seed', { ...good, seed: null }, 'seed'],
    ['a missing seed', { ...good, seed: undefined }, 'seed'],
    ['orthogonal with d < n', { kind: 'orthogonal', n: 4, d: 3, muNorm: 0, seed: 1 }, 'd'],
    ['orthogonal with a mean', { kind: 'orthogonal', n: 3, d: 3, muNorm: 1, seed: 1 }, 'muNorm'],
    ['orthogonal with sigmaDiag', { kind: 'orthogonal', n: 3, d: 3, muNorm: 0, sigmaDiag: [1, 1, 1], seed: 1 }, 'sigmaDiag'],
  ])('refuses %s, naming the field', (_label, raw, field) => {
    expect(fieldOf(raw)).toBe(field);
  });
});
