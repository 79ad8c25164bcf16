import { describe, expect, it } from 'vitest';
import { cli, file } from '../_testing/cli.js';

/** docs/theory.md §11 through the command line: gen on orthogonal data, train with a trained second layer, direction. */
describe('benign-check on the square loss with a trained second layer', () => {
  it('gen --kind orthogonal writes x_i = s_i e_i, real targets ±U[1, 2], the square loss and a trained second layer', async () => {
    const r = await cli('gen', '--kind', 'orthogonal', '--n', '5', '--d', '5', '--m', '6', '--seed', '3', '--init-scale', '1e-4', '--lr', '0.5', '--steps', '50');
    expect(r.code, r.err).toBe(0);
    const p = JSON.parse(r.out) as { X: number[][]; y: number[]; loss: string; trainSecondLayer: boolean; gamma: number };
    expect(p.loss).toBe('square');
    expect(p.trainSecondLayer).toBe(true);
    expect(p.gamma).toBe(0);
    p.X.forEach((row, i) => row.forEach((v, k) => (k === i ? expect(v >= 1 && v < 2).toBe(true) : expect(v).toBe(0))));
    expect(p.y.every((v) => Math.abs(v) >= 1 && Math.abs(v) < 2)).toBe(true);
    expect(p.y.some((v) => !Number.isInteger(v))).toBe(true);
  });

  it('gen refuses a trained second layer with a margin loss: exit 2, naming the flag', async () => {
    const r = await cli('gen', '--kind', 'orthogonal', '--n', '3', '--d', '3', '--loss', 'exp', '--train-second-layer', 'true', '--lr', '0.1');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--train-second-layer');
  });

  const problem = {
    X: [[1.5, 0, 0], [0, 1.25, 0], [0, 0, 1.75]],
    y: [1.5, -1.25, 1.0],
    gamma: 0,
    m: 6,
    loss: 'square',
    trainSecondLayer: true,
    init: { scale: 1e-3, seed: 4 },
    lr: 0.5,
    steps: 400,
  };

  it('train reports a, and paramNorm and activeNeurons at every checkpoint, in both engines', async () => {
    const path = file('sq.json', problem);
    const r = await cli('train', path, '--checkpoints', '0,400');
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { a: number[]; checkpoints: { paramNorm: number; activeNeurons: number; loss: number }[] };
    expect(out.a).toHaveLength(6);
    expect(out.checkpoints[0]!.activeNeurons).toBe(0);
    expect(out.checkpoints[1]!.activeNeurons).toBeGreaterThan(0);
    expect(out.checkpoints[1]!.paramNorm).toBeGreaterThan(out.checkpoints[0]!.paramNorm);
    const d = await cli('train', path, '--engine', 'decimal', '--digits', '30', '--steps', '3', '--checkpoints', '0,3');
    expect(d.code, d.err).toBe(0);
    const dec = JSON.parse(d.out) as { a: string[]; checkpoints: { paramNorm: number }[] };
    expect(dec.a).toHaveLength(6);
    expect(dec.checkpoints[1]!.paramNorm).toBeGreaterThan(0);
  });

  it('train refuses bad combinations with exit 2, naming the field', async () => {
    for (const [bad, field] of [
      [{ ...problem, loss: 'exp' }, 'y[0]'],
      [{ ...problem, y: [1, -1, 1], loss: 'logistic' }, 'trainSecondLayer'],
      [{ ...problem, a: [1, 2] }, 'a'],
    ] as const) {
      const r = await cli('train', file('bad.json', bad));
      expect(r.code).toBe(2);
      expect(r.err).toContain(field);
    }
  });

  it('direction prints the min-norm interpolator 2(‖ỹ₊‖ + ‖ỹ₋‖) on orthogonal data, "unsupported" with a reason otherwise', async () => {
    const r = await cli('direction', file('sqd.json', problem));
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as { status: string; minNorm: number };
    expect(out.status).toBe('ok');
    expect(Math.abs(out.minNorm - 2 * (Math.hypot(1, 1 / 1.75) + 1))).toBeLessThan(1e-12);
    const u = await cli('direction', file('squ.json', { ...problem, X: [[1.5, 0.5, 0], [0, 1.25, 0], [0, 0, 1.75]] }));
    const uo = JSON.parse(u.out) as { status: string; reason: string };
    expect(uo.status).toBe('unsupported');
    expect(uo.reason).toMatch(/orthogonal/);
  });
});
