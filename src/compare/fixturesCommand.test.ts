import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, scratchDir } from '../cli/_testing/cli.js';
import { testTrainerCommand } from './_testing/trainer.js';
import { FIXTURE_DIR } from './fixtures.js';

/** A directory holding copies of some committed fixtures (a quicker run than all of them). */
function fixtureDir(name: string, fixtures: string[]): string {
  const dir = path.join(scratchDir, name);
  mkdirSync(dir, { recursive: true });
  for (const f of fixtures) copyFileSync(path.join(FIXTURE_DIR, `${f}.json`), path.join(dir, `${f}.json`));
  return dir;
}

describe('benign-check fixtures check', () => {
  it('passes the float64 engine on every committed fixture (exit 0), one verdict line each', async () => {
    const json = path.join(scratchDir, 'fixtures.report.json');
    const r = await cli('fixtures', 'check', '--json', json);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^fixtures check: trainer float64 against 9 fixtures in .* \(golden decimal GD at 50 digits\)\n/);
    expect(r.out).toMatch(/ {2}zero-preactivation +within the model +24 segments: 23 judged, 1 at a kink: not judged \(t 0 → 1\); worst ratio /);
    expect(r.out).toMatch(/all 9 fixtures within the model\n$/);
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.fixtures.map((f: { pass: boolean }) => f.pass)).toEqual(Array(9).fill(true));
  });

  it("passes a user's correct trainer and flags a drifting one at the step it drifts (exit 1)", async () => {
    const dir = fixtureDir('fx-two', ['tiny', 'logistic']);
    const ok = await cli('fixtures', 'check', '--dir', dir, '--trainer', testTrainerCommand());
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/all 2 fixtures within the model/);
    // Every request starts at a fixture's checkpoint; drifting after step 3 of a request only touches segments of Δ ≥ 3.
    const bad = await cli('fixtures', 'check', '--dir', dir, '--trainer', testTrainerCommand(3, 1e-6));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/ {2}tiny +LEAVES THE MODEL {2}at t = 25 \(t 20 → 25 \(5 steps\)\)/);
    expect(bad.out).toMatch(/2 of 2 fixtures NOT within the model: logistic, tiny/);
  });

  it('reports a trainer that fails as a failed fixture, and goes on', async () => {
    const dir = fixtureDir('fx-one', ['tiny']);
    const r = await cli('fixtures', 'check', '--dir', dir, '--trainer', 'exit 3');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/ {2}tiny {2}TRAINER FAILED {4}at t 0 → 1: trainer: exit 3: process: the trainer exited with code 3/);
  });

  it('refuses a malformed fixture (exit 2) naming the file and the field', async () => {
    const dir = fixtureDir('fx-bad', ['tiny']);
    const file = path.join(dir, 'tiny.json');
    const fixture = JSON.parse(readFileSync(file, 'utf8'));
    fixture.checkpoints[2].W[0][1] = 'NaN';
    writeFileSync(file, JSON.stringify(fixture));
    const r = await cli('fixtures', 'check', '--dir', dir);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tiny\.json: checkpoints\[2\]\.W\[0\]\[1\]: expected a finite decimal string, got "NaN"/);
  });

  it('refuses a missing action (exit 2)', async () => {
    const r = await cli('fixtures');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ACTION: expected "check"/);
  });
});
