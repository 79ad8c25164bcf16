import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalCdf } from '../theory/index.js';
import { cli, file, scratchDir as dir } from './_testing/cli.js';

describe('benign-check direction', () => {
  // Orthogonal points: K is diagonal, λ_i = 1/K_ii with K_ii = ‖x_i‖² Σ_j a_j² c_ij², so Ŵ is known in closed form.
  const g = 0.5;
  const problem = { X: [[2, 0], [0, 3]], y: [1, -1], gamma: g, m: 2, lr: 0.1, steps: 10, mu: [1, -1] };
  const s = Math.SQRT1_2;
  const l1 = 1 / (4 * (0.5 + 0.5 * g * g));
  const l2 = 1 / (9 * (0.5 * g * g + 0.5));
  // Row j = Σ_i λ_i a_j c_ij y_i x_i with c_ij = 1 when sign a_j = y_i, else γ (docs/theory.md §2).
  const row0 = [l1 * s * 2, l2 * s * g * -3];
  const row1 = [l1 * -s * g * 2, l2 * -s * -3];
  const norm = Math.hypot(...row0, ...row1);

  it('prints the margin-1 solution of docs/theory.md §2, its KKT residuals, hypotheses and the Gaussian test error', async () => {
    const r = await cli('direction', file('orth.json', problem));
    expect(r.code, r.err).toBe(0);
    const out = JSON.parse(r.out) as Record<string, unknown> & { W: number[][]; normW: number; lambda: number[]; wbar: number[]; kkt: Record<string, number>; testError: { value: number } };
    expect(out.status).toBe('ok');
    expect(out.normW).toBeCloseTo(Math.sqrt(l1 + l2), 14);
    out.lambda.forEach((v, i) => expect(v).toBeCloseTo([l1, l2][i]!, 14));
    [...row0, ...row1].forEach((v, k) => expect(out.W.flat()[k]).toBeCloseTo(v / norm, 14));
    expect(out.signConstraintsHold).toBe(true);
    expect(Math.abs(out.kkt.stationarity!)).toBeLessThan(1e-14);
    expect(out.hypotheses).toHaveProperty('case1');
    expect(out.hypotheses).toHaveProperty('case2');
    const wbar = [row0[0]! - row1[0]!, row0[1]! - row1[1]!];
    wbar.forEach((v, k) => expect(out.wbar[k]).toBeCloseTo(v, 14));
    const expected = normalCdf(-(wbar[0]! - wbar[1]!) / Math.hypot(wbar[0]!, wbar[1]!));
    expect(Math.abs(out.testError.value - expected) / expected).toBeLessThan(1e-13);
  });

  it('gives a verdict, not NaN, when no direction exists, and omits testError without mu', async () => {
    // A point at 0 has a zero feature: no W gives it margin 1.
    const r = await cli('direction', file('zero.json', { X: [[0, 0], [1, 1]], y: [1, -1], gamma: 0.5, m: 2, lr: 0.1, steps: 1 }));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { status: string; reason: string };
    expect(out.status).toBe('infeasible');
    expect(out.reason.length).toBeGreaterThan(0);
    expect(r.out).not.toContain('NaN');
    const ok = JSON.parse((await cli('direction', file('nomu.json', { ...problem, mu: undefined }))).out) as Record<string, unknown>;
    expect(ok).not.toHaveProperty('testError');
    // A point repeated under both labels: the activated-region QP is solvable (the features differ
    // when γ < 1), but Ŵ breaks the sign constraints, so it lies outside H25's theorem.
    const dup = JSON.parse((await cli('direction', file('dup.json', { X: [[1, 1], [1, 1]], y: [1, -1], gamma: 0.5, m: 2, lr: 0.1, steps: 1 }))).out) as Record<string, unknown>;
    expect(dup.status).toBe('ok');
    expect(dup.signConstraintsHold).toBe(false);
  });

  it.each([
    [['direction'], 'PROBLEM'],
    [['direction', '/nonexistent/p.json'], 'PROBLEM'],
    [['direction', 'P', '--case2-c', '-1'], '--case2-c'],
  ])('%j: exit 2 naming %s', async (argv, field) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(field);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('benign-check verify and calibrate', () => {
  it('verify --list names every claim; an unknown claim is exit 2', async () => {
    const list = await cli('verify', '--list');
    expect(list.code).toBe(0);
    expect(list.out).toContain('H-DIR');
    const bad = await cli('verify', '--claims', 'H-NOPE');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--claims');
  });

  it('verify writes a JSON report with the contract fields, prints its seed, and exits 0 at the expected verdict', async () => {
    const json = path.join(dir, 'r.json');
    const r = await cli('verify', '--claims', 'H-ERR', '--runs', '1', '--seed', '11', '--json', json);
    expect(r.code, r.out).toBe(0);
    expect(r.err).toContain('seed 11');
    const report = JSON.parse(readFileSync(json, 'utf8')) as { claims: Record<string, unknown>[] };
    expect(Object.keys(report.claims[0]!)).toEqual(expect.arrayContaining(['id', 'source', 'tag', 'expected', 'verdict', 'runs', 'seed', 'worstSlack']));
    expect(report.claims[0]!.verdict).toBe('holds');
  });

  it('verify takes a paper key, and its JSON lists every run with its size and hypotheses, and every designated fault', async () => {
    const json = path.join(dir, 'p.json');
    const r = await cli('verify', '--claims', 'H-ACT', '--runs', '2', '--seed', '5', '--json', json);
    expect(r.code, r.out).toBe(0);
    const report = JSON.parse(readFileSync(json, 'utf8')) as {
      claims: { runRecords: { seed: unknown; verdict: string; n: number; d: number; m: number; hypotheses: Record<string, boolean> }[]; designated: { fault: string; refuted: boolean }[] }[];
    };
    const runs = report.claims[0]!.runRecords;
    expect(runs.length).toBeGreaterThanOrEqual(2);
    for (const run of runs) {
      expect(run.n).toBeGreaterThan(0);
      expect(typeof run.hypotheses.case1).toBe('boolean');
      expect(typeof run.hypotheses.case2).toBe('boolean');
    }
    expect(report.claims[0]!.designated).toEqual([expect.objectContaining({ fault: 'backward-sign-flip', refuted: true })]);
    const list = await cli('verify', '--claims', 'h25', '--list');
    expect(list.code).toBe(0);
    for (const [key, ids] of [['kcg23', ['K-RANK', 'K-RANK-FULL', 'K-MARGIN', 'K-LOSS']], ['fvbsh23', ['F-RANK1STEP']], ['ll20', ['L-SMOOTH', 'L-RAWMARGIN']]] as const) {
      const paper = await cli('verify', '--claims', key, '--list');
      expect(paper.code).toBe(0);
      for (const id of ids) expect(paper.out).toContain(id);
    }
  });

  it('calibrate records every verdict and measurement on the calibrate stream', async () => {
    const json = path.join(dir, 'c.json');
    const r = await cli('calibrate', '--claims', 'H-ERR', '--runs', '2', '--seed', '3', '--json', json);
    expect(r.code, r.out).toBe(0);
    const c = JSON.parse(readFileSync(json, 'utf8')) as { stream: string; claims: { runs: number; counts: Record<string, number>; measured: Record<string, number[]> }[] };
    expect(c.stream).toBe('calibrate');
    expect(c.claims[0]!.runs).toBe(2);
    expect(c.claims[0]!.counts.holds).toBe(2);
    expect(c.claims[0]!.measured['closedTheory']).toHaveLength(2);
  });

  it('power prints the matrix and writes the JSON contract', async () => {
    const json = path.join(dir, 'pw.json');
    const r = await cli('power', '--claims', 'H-ACT', '--faults', 'backward-sign-flip,step-size', '--runs', '3', '--seed', '9', '--no-bisect', '--json', json);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('backward-sign-flip');
    const p = JSON.parse(readFileSync(json, 'utf8')) as {
      claims: { id: string; designated: string[]; faults: Record<string, { runs: number; refuted: number; rate: number }> }[];
      faults: { id: string; continuous: boolean }[];
    };
    expect(p.claims[0]!.designated).toEqual(['backward-sign-flip']);
    expect(p.claims[0]!.faults['backward-sign-flip']).toEqual(expect.objectContaining({ runs: 3, refuted: 3, rate: 1 }));
    expect(p.faults.find((f) => f.id === 'step-size')!.continuous).toBe(true);
    const bad = await cli('power', '--faults', 'no-such-fault');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--faults');
  });
});
