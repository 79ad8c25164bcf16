import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, scratchDir } from '../cli/_testing/cli.js';
import { NumericalError, TrainerError } from '../errors.js';
import { float64Trainer } from '../trainers/builtin.js';
import type { Trainer } from '../trainers/types.js';
import { testTrainerCommand } from './_testing/trainer.js';
import { runStressCase, stressCases } from './stress.js';

const NAMES = [
  'duplicated-points',
  'collinear-points',
  'zero-point',
  'zero-init',
  'zero-preactivation',
  'huge-norms',
  'tiny-norms',
  'd-less-than-n',
  'non-separable',
  'one-class',
  'single-point',
  'exp-overflow',
];

describe('stressCases', () => {
  const cases = stressCases();
  it('covers the edge tier', () => {
    expect(cases.map((c) => c.name)).toEqual(NAMES);
    const byName = new Map(cases.map((c) => [c.name, c.problem]));
    expect(byName.get('zero-init')!.W0.every((v) => v === 0)).toBe(true);
    const zp = byName.get('zero-point')!;
    expect(Array.from(zp.X.subarray(0, zp.d))).toEqual([0, 0, 0]);
    expect(byName.get('single-point')!.n).toBe(1);
    expect(new Set(byName.get('one-class')!.y)).toEqual(new Set([1]));
  });

  it('a trainer that fails where the run should succeed fails the case; an unclear failure never counts as a refusal', async () => {
    const crash: Trainer = { name: 'crash', train: () => Promise.reject(new TrainerError('crash', 'process', 'was killed by SIGSEGV')) };
    const overflowing: Trainer = { name: 'overflow', train: () => Promise.reject(new NumericalError('W at step 1', 'Infinity')) };
    const regular = cases[0]!;
    const overflow = cases.find((c) => c.expectsRefusal !== undefined)!;
    expect(await runStressCase(regular, overflowing)).toMatchObject({ outcome: 'failed', pass: false, error: { kind: 'NumericalError' } });
    expect(await runStressCase(overflow, crash)).toMatchObject({ outcome: 'failed', pass: false, error: { kind: 'TrainerError' } });
    expect(await runStressCase(overflow, overflowing)).toMatchObject({ outcome: 'refused-as-expected', pass: true });
    const said: Trainer = { name: 'said', train: () => Promise.reject(new TrainerError('said', 'error', 'the trainer reported an error: overflow')) };
    expect(await runStressCase(overflow, said)).toMatchObject({ outcome: 'refused-as-expected', pass: true });
  });

  it('flags a trainer that drifts', async () => {
    const engine = float64Trainer();
    const drifting: Trainer = {
      name: 'drifting',
      train: async (p, ts) => (await engine.train(p, ts)).map((c) => ({ t: c.t, W: c.t === 7 ? c.W.map((v) => v * (1 + 1e-10)) : c.W })),
    };
    const v = await runStressCase(cases.find((c) => c.name === 'huge-norms')!, drifting);
    expect(v).toMatchObject({ outcome: 'beyond-model', pass: false, judgement: { firstFailure: { to: 7 } } });
  });
});

describe('benign-check stress', () => {
  it('the float64 engine: every case within the model or refused as expected (exit 0)', async () => {
    const json = path.join(scratchDir, 'stress.report.json');
    const r = await cli('stress', '--json', json);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^stress: trainer float64 on 12 edge cases, checkpoints every step 0…20/);
    expect(r.out).toMatch(/ {2}zero-preactivation +within the model +finite W; 20 of 21 segments judged, 1 at a kink: not judged; worst ratio /);
    expect(r.out).toMatch(/ {2}exp-overflow +refused as expected +NumericalError: loss at step \d+: L overflows float64/);
    expect(r.out).toMatch(/all 12 cases as expected\n$/);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.cases.map((c: { name: string }) => c.name)).toEqual(NAMES);
    expect(report.cases.every((c: { pass: boolean }) => c.pass)).toBe(true);
  });

  it("a user's correct trainer passes; its non-finite answer on the overflow case is a clear refusal", async () => {
    const r = await cli('stress', '--trainer', testTrainerCommand());
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ {2}exp-overflow +refused as expected +NumericalError: W at step \d+: .* returned checkpoints\[\d+\]\.W\[\d\]\[\d\] = null \(JSON\.stringify writes NaN and ±Infinity as null\)/);
  });

  it('a crashing trainer fails every case, and nothing crashes (exit 1)', async () => {
    const r = await cli('stress', '--trainer', 'exit 3');
    expect(r.code).toBe(1);
    expect(r.out.match(/ FAILED +TrainerError: trainer: exit 3: process: the trainer exited with code 3/g)).toHaveLength(12);
    expect(r.out).toMatch(/12 of 12 cases NOT as expected/);
  });
});
