import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { DATA_KINDS, type DataKind, type DatasetDescriptor } from './descriptor.js';
import { generateDataset, type Dataset } from './generate.js';
import { flipCount } from './labelNoise.js';

function descriptorOf(kind: DataKind, seed: number | string, extra: Partial<DatasetDescriptor> = {}): DatasetDescriptor {
  return { kind, n: 7, d: kind === 'orthogonal' ? 9 : 5, muNorm: kind === 'orthogonal' ? 0 : 1.5, seed, ...extra };
}

/** The bytes of every array of a dataset, in a fixed order (for bit-for-bit comparison). */
function bytes(ds: Dataset): string {
  const parts = [ds.X, ds.y, ds.mu, ds.sigmaDiag, ds.cleanY, ds.targets].map((a) =>
    a ? Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('hex') : '-',
  );
  return parts.join('|');
}

/** FNV-1a (32-bit) of a string: a short fingerprint for the tripwire below. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

describe('generateDataset', () => {
  it.each(DATA_KINDS)('%s: the same descriptor gives the same bits; another seed other bits', (kind) => {
    const desc = descriptorOf(kind, 'repro', { labelNoise: 0.3 });
    const a = generateDataset(desc);
    const b = generateDataset(JSON.parse(JSON.stringify(desc)) as DatasetDescriptor);
    expect(bytes(b)).toBe(bytes(a));
    const c = generateDataset({ ...desc, seed: 'repro2' });
    expect(Buffer.from(c.X.buffer).equals(Buffer.from(a.X.buffer))).toBe(false);
  });

  it('non-regression tripwire: pinned fingerprints of one dataset per kind', () => {
    // A tripwire, not a truth: it fires when the streams change (a new draw order, another RNG),
    // which changes every seeded dataset of every past report. The truth of the laws is checked in
    // noise.test.ts. Update the pins only on purpose.
    const prints = Object.fromEntries(DATA_KINDS.map((k) => [k, fnv1a(bytes(generateDataset(descriptorOf(k, 42, { labelNoise: 0.2 }))))]));
    expect(prints).toMatchInlineSnapshot(`
      {
        "gaussian": "a019512c",
        "nearly-orthogonal": "a019512c",
        "orthogonal": "64093275",
        "pareto": "1660f2e3",
        "rademacher": "a60fc402",
        "student-t": "9cd94894",
        "uniform": "cd4778a3",
      }
    `);
  });

  it('draws the mixture labels, noise and flips from independent sub-streams', () => {
    const a = generateDataset({ kind: 'gaussian', n: 6, d: 4, muNorm: 0, seed: 9 });
    const b = generateDataset({ kind: 'gaussian', n: 6, d: 4, muNorm: 2, seed: 9, labelNoise: 0.3 });
    // Same labels before flipping, same noise: X differs only by y·μ on coordinate 0.
    expect(Array.from(b.cleanY ?? [])).toEqual(Array.from(a.y));
    for (let i = 0; i < 6; i++) {
      for (let k = 0; k < 4; k++) {
        const expected = a.X[i * 4 + k] + (k === 0 ? a.y[i] * 2 : 0);
        expect(Math.abs(b.X[i * 4 + k] - expected)).toBeLessThanOrEqual(4 * 2 ** -52 * (Math.abs(expected) + 2));
      }
    }
  });

  it('builds nearly-orthogonal data as the Gaussian mixture, bit for bit', () => {
    const g = generateDataset({ kind: 'gaussian', n: 5, d: 50, muNorm: 0, seed: 's' });
    const no = generateDataset({ kind: 'nearly-orthogonal', n: 5, d: 50, muNorm: 0, seed: 's' });
    expect(bytes(no)).toBe(bytes(g));
  });

  it('returns μ = muNorm·e_1 and Σ = I by default for mixtures, and no cleanY without label noise', () => {
    const ds = generateDataset({ kind: 'uniform', n: 3, d: 4, muNorm: 2.5, seed: 1 });
    expect(Array.from(ds.mu ?? [])).toEqual([2.5, 0, 0, 0]);
    expect(Array.from(ds.sigmaDiag ?? [])).toEqual([1, 1, 1, 1]);
    expect(ds.cleanY).toBeUndefined();
    expect(ds.targets).toBeUndefined();
    expect(ds.y.every((v) => v === 1 || v === -1)).toBe(true);
  });

  it.each([
    [0, 10],
    [0.1, 10],
    [0.25, 10],
    [0.3, 7],
    [0.49, 100],
    [0.05, 1],
    [0.45, 1],
  ])('label noise η = %s, n = %s flips exactly round(ηn) labels', (eta, n) => {
    for (const kind of ['gaussian', 'orthogonal'] as const) {
      const ds = generateDataset({ kind, n, d: n, muNorm: 0, labelNoise: eta, seed: `flip:${eta}` });
      const clean = ds.cleanY ?? new Float64Array();
      let flipped = 0;
      for (let i = 0; i < n; i++) if (ds.y[i] !== clean[i]) flipped++;
      expect(flipped).toBe(flipCount(eta, n));
      expect(flipped).toBe(Math.round(eta * n));
      if (ds.targets) for (let i = 0; i < n; i++) expect(Math.sign(ds.targets[i])).toBe(ds.y[i]);
    }
  });

  it('makes orthogonal data exactly orthogonal, with s_i ∈ [1, 2) and |t_i| ∈ [1, 2), y = sign(t)', () => {
    const n = 12;
    const d = 15;
    const ds = generateDataset({ kind: 'orthogonal', n, d, muNorm: 0, seed: 'orth' });
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        let dot = 0;
        for (let l = 0; l < d; l++) dot += ds.X[i * d + l] * ds.X[k * d + l];
        if (i !== k) expect(dot).toBe(0);
        else expect(dot).toBe(ds.X[i * d + i] ** 2);
      }
      expect(ds.X[i * d + i]).toBeGreaterThanOrEqual(1);
      expect(ds.X[i * d + i]).toBeLessThan(2);
      const t = ds.targets?.[i] ?? NaN;
      expect(Math.abs(t)).toBeGreaterThanOrEqual(1);
      expect(Math.abs(t)).toBeLessThan(2);
      expect(ds.y[i]).toBe(Math.sign(t));
    }
    expect(ds.mu).toBeUndefined();
    expect(ds.sigmaDiag).toBeUndefined();
  });

  it('refuses d < n for orthogonal data, naming d, and malformed descriptors before drawing', () => {
    const fieldOf = (raw: unknown): string => {
      try {
        generateDataset(raw as DatasetDescriptor);
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as InputError).field;
      }
      throw new Error('accepted');
    };
    expect(fieldOf({ kind: 'orthogonal', n: 5, d: 4, muNorm: 0, seed: 1 })).toBe('d');
    expect(fieldOf({ kind: 'gaussian', n: 0, d: 4, muNorm: 0, seed: 1 })).toBe('n');
  });
});
