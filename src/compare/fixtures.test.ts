import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { preactivations } from '../engines/float64/index.js';
import { validateProblem } from '../problem/validate.js';
import { case1, case2 } from '../theory/hypotheses.js';
import { TrainerError } from '../errors.js';
import { float64Trainer } from '../trainers/builtin.js';
import type { Trainer } from '../trainers/types.js';
import { segmentPasses } from './judge.js';
import { FIXTURE_DIR, checkFixture, fixtureSpecs, fixtureText, generateFixture, loadFixture, type GoldenRun } from './fixtures.js';

/**
 * The golden trajectories (fixtures/*.json) are a tripwire: regenerated in memory, they must match the
 * committed text character by character. A difference means the decimal reference (or a fixture's
 * problem) changed: if that is intended, `npm run fixtures` and review the diff.
 */
const specs = fixtureSpecs();
const golden = new Map<string, GoldenRun>();
function goldenRun(name: string): GoldenRun {
  let run = golden.get(name);
  if (run === undefined) {
    run = generateFixture(specs.find((s) => s.name === name)!);
    golden.set(name, run);
  }
  return run;
}

describe('fixtures/', () => {
  it('holds exactly the named fixtures', () => {
    const files = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(specs.map((s) => `${s.name}.json`).sort());
    expect(specs.length).toBeGreaterThanOrEqual(8);
  });

  for (const spec of specs) {
    it(`${spec.name}.json is what the decimal engine computes now`, () => {
      const committed = readFileSync(path.join(FIXTURE_DIR, `${spec.name}.json`), 'utf8');
      const now = fixtureText(goldenRun(spec.name).fixture);
      if (committed !== now) {
        const a = committed.split('\n');
        const b = now.split('\n');
        const line = a.findIndex((l, k) => l !== b[k]);
        expect.fail(
          `fixtures/${spec.name}.json differs from what the code produces now, first at line ${line + 1}:\n` +
            `  committed: ${a[line]}\n  now:       ${b[line]}\n` +
            'If the change is intended: npm run fixtures, and review the diff.',
        );
      }
    });
  }

  it('reach the corners they are named for', () => {
    const p = (name: string) => validateProblem(specs.find((s) => s.name === name)!.problem);
    expect(case1(p('strong-signal')).holds).toBe(true);
    const orth = p('near-orthogonal');
    expect(case2(orth).holds).toBe(true);
    expect(case1(orth).holds).toBe(false);
    expect(p('logistic').loss).toBe('logistic');
    expect(p('relu').gamma).toBe(0);
    const zero = p('zero-preactivation');
    expect(preactivations(zero, zero.W0)[0]).toBe(0);
    const dn = p('d-less-than-n');
    expect(dn.d).toBeLessThan(dn.n);
    const sq = (q: ReturnType<typeof p>) => q.X.subarray(0, q.d).reduce((s, v) => s + v * v, 0);
    expect(sq(p('huge-norms'))).toBeGreaterThan(1e199);
    expect(sq(p('tiny-norms'))).toBeLessThan(1e-199);
  });
});

describe('the float64 engine against every fixture', () => {
  for (const spec of specs) {
    it(`${spec.name}: every segment, replayed from the fixture's W(t_k) rounded to double, is within the model`, async () => {
      const run = goldenRun(spec.name);
      const loaded = loadFixture(JSON.parse(fixtureText(run.fixture)), `fixtures/${spec.name}.json`);
      const verdict = await checkFixture(loaded, float64Trainer(), { path: run.path });
      const failing = verdict.judgement.segments.filter((s) => !segmentPasses(s));
      expect(failing).toEqual([]);
      expect(verdict.pass).toBe(true);
      expect(verdict.judgement.segments).toHaveLength(loaded.checkpoints.length - 1);
      expect(verdict.judgement.judged).toBeGreaterThanOrEqual(verdict.judgement.segments.length - 2);
      if (spec.name === 'zero-preactivation') {
        expect(verdict.judgement.segments[0]).toMatchObject({ status: 'kink', firstKink: { t: 0, i: 0, j: 0, z: 0 } });
      }
    });
  }
});

describe('checkFixture', () => {
  it('flags a trainer that drifts by 1e-9 relative per run, on the first segment, and a failing trainer with its message', async () => {
    const run = goldenRun('strong-signal');
    const loaded = loadFixture(JSON.parse(fixtureText(run.fixture)), 'fixtures/strong-signal.json');
    const engine = float64Trainer();
    const drifting: Trainer = {
      name: 'drifting',
      train: async (p, cps) => (await engine.train(p, cps)).map((c) => ({ t: c.t, W: c.t === 0 ? c.W : c.W.map((v) => v * (1 + 1e-9)) })),
    };
    const verdict = await checkFixture(loaded, drifting, { path: run.path });
    expect(verdict.pass).toBe(false);
    expect(verdict.judgement.firstFailure).toMatchObject({ from: 0, to: 1 });
    const failing: Trainer = { name: 'failing', train: () => Promise.reject(new TrainerError('failing', 'process', 'exited with code 1')) };
    const failed = await checkFixture(loaded, failing);
    expect(failed).toMatchObject({ pass: false, trainerError: { from: 0, to: 1, message: 'failing: process: exited with code 1' } });
  });

  it('names the field of a malformed fixture', () => {
    const fixture = JSON.parse(fixtureText(goldenRun('tiny').fixture));
    fixture.checkpoints[3].W[1][0] = '0.1.2';
    expect(() => loadFixture(fixture, 'fixtures/tiny.json')).toThrow(/fixtures\/tiny\.json: checkpoints\[3\]\.W\[1\]\[0\]: expected a finite decimal string/);
  });
});
