import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, scratchDir } from '../cli/_testing/cli.js';
import { sweepExitCode } from '../cli/commands/sweep.js';
import { phaseDiagramSpec } from '../report/phase.js';
import { vegaMarks } from '../report/_testing/vegaMarks.js';
import { renderSvg } from '../report/vega.js';
import { replicateSeed, runSweepCell } from './cell.js';
import { parseAxis, sweepCells, type SweepSpec } from './grid.js';
import { sweepReport } from './report.js';

const spec: SweepSpec = { kind: 'gaussian', n: 6, muNorms: [0.5, 6], ds: [8, 2000], seeds: 2, m: 2, gamma: 0.9, lrFactor: 0.3, initFactor: 0.1, train: 0, testPoints: 500 };
const grid = ['--n', '6', '--mu', '0.5,6', '--d', '8,2000', '--seeds', '2', '--seed', '11', '--workers', '1'];
const out = (name: string) => path.join(scratchDir, name);

describe('sweep', () => {
  it('parses axes: log-spaced LO:HI:K with both ends, comma lists, integers rounded', () => {
    expect(parseAxis('1:100:3', '--d', true)).toEqual([1, 10, 100]);
    expect(parseAxis('0.5,2', '--mu', false)).toEqual([0.5, 2]);
    expect(() => parseAxis('2,1', '--mu', false)).toThrow(/--mu.*ascending/);
    expect(() => parseAxis('0:1:3', '--mu', false)).toThrow(/--mu.*positive/);
  });

  it("a cell's seeds come from the global seed and the cell alone: the same cell in another grid gives the same bits", async () => {
    const cell = { index: 0, muNorm: 6, d: 8 };
    const other: SweepSpec = { ...spec, muNorms: [1, 6, 9], ds: [8] };
    const a = await runSweepCell(spec, { ...cell, index: 2 }, 11);
    const b = await runSweepCell(other, { ...cell, index: 1 }, 11);
    expect(JSON.stringify(b.replicates)).toBe(JSON.stringify(a.replicates));
    expect(replicateSeed(11, spec, cell, 0)).not.toBe(replicateSeed(12, spec, cell, 0));
    expect(replicateSeed(11, spec, cell, 0)).not.toBe(replicateSeed(11, spec, cell, 1));
  });

  it('the weak corner errs near 1/2, the strong corner is near 0, and the strong corner is inside H25', async () => {
    const cells = await Promise.all(sweepCells(spec).map((c) => runSweepCell(spec, c, 11)));
    const r = sweepReport('test', 11, spec, cells);
    expect(r.summary!.corners.weak!).toBeGreaterThan(0.3);
    expect(r.summary!.corners.strong!).toBeLessThan(0.01);
    const strong = cells.find((c) => c.muNorm === 6 && c.d === 8)!;
    expect(strong.h25Held).toBe(2);
    expect(strong.boundHeld).toBe(2);
    expect(strong.replicates.every((x) => x.error!.log! < Math.log(strong.bound))).toBe(true);
  });

  it('exits 1 only when a replicate inside H25 broke the bound', async () => {
    const cells = await Promise.all(sweepCells(spec).map((c) => runSweepCell(spec, c, 11)));
    const ok = sweepReport('test', 11, spec, cells);
    expect(sweepExitCode(ok)).toBe(0);
    const broken = sweepReport('test', 11, spec, cells.map((c) => (c.h25Held > 0 ? { ...c, boundHeld: c.h25Held - 1 } : c)));
    expect(broken.summary!.boundBroken).toBeGreaterThan(0);
    expect(sweepExitCode(broken)).toBe(1);
  });

  it('non-Gaussian noise: a Monte Carlo error with its Clopper–Pearson interval', async () => {
    const c = await runSweepCell({ ...spec, kind: 'rademacher', seeds: 1 }, { index: 0, muNorm: 0.5, d: 2000 }, 3);
    const e = c.replicates[0]!.error!;
    expect(e.log).toBeNull();
    expect(e.interval!.lower).toBeLessThanOrEqual(e.value);
    expect(e.interval!.upper).toBeGreaterThanOrEqual(e.value);
    expect(e.interval!.upper - e.interval!.lower).toBeLessThan(0.2);
  });

  it('two shards merged give byte for byte the JSON and SVG of the unsharded run', async () => {
    expect((await cli('sweep', ...grid, '--json', out('full.json'), '--svg', out('full.svg'))).code).toBe(0);
    expect((await cli('sweep', ...grid, '--shard', '2/2', '--json', out('p2.json'))).code).toBe(0);
    expect((await cli('sweep', ...grid, '--shard', '1/2', '--json', out('p1.json'))).code).toBe(0);
    const merged = await cli('merge', out('p2.json'), out('p1.json'), '--json', out('merged.json'), '--svg', out('merged.svg'));
    expect(merged.code).toBe(0);
    expect(readFileSync(out('merged.json'), 'utf8')).toBe(readFileSync(out('full.json'), 'utf8'));
    expect(readFileSync(out('merged.svg'), 'utf8')).toBe(readFileSync(out('full.svg'), 'utf8'));
    const again = await cli('merge', out('p1.json'), out('p1.json'));
    expect(again.code).toBe(2);
    expect(again.err).toContain('shard.index');
    const missing = await cli('merge', out('p1.json'));
    expect(missing.err).toContain('2/2 missing');
  });

  it('prints the seed and a replay command; refuses a diagram from a shard', async () => {
    const r = await cli('sweep', '--n', '4', '--mu', '3', '--d', '5', '--seeds', '1', '--seed', '5', '--workers', '1');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/seed 5, .*replay: npx benign-check sweep .* --seed 5\)/);
    expect((await cli('sweep', '--shard', '1/2', '--svg', out('x.svg'))).code).toBe(2);
    expect((await cli('sweep', '--gamma', '1.5')).err).toContain('--gamma');
    expect((await cli('sweep', '--n', '10000', '--d', '10000')).err).toContain('--d: n·d');
    expect((await cli('sweep', '--kind', 'pareto', '--d', '5000', '--test-points', '100000')).err).toContain('--test-points');
  });

  it('draws the phase diagram: one rect per cell, the transition line, three bound contours, one point per cell on the equivalent axes', async () => {
    const cells = await Promise.all(sweepCells(spec).map((c) => runSweepCell(spec, c, 11)));
    const { marks } = vegaMarks(await renderSvg(phaseDiagramSpec(sweepReport('test', 11, spec, cells))));
    const count = (type: string, name: string) => marks.filter((m) => m.type === type && m.name.startsWith(name)).reduce((s, m) => s + m.items, 0);
    expect(count('rect', 'concat_0_layer_0')).toBe(4);
    expect(count('line', 'concat_0_layer_2')).toBe(1);
    expect(marks.filter((m) => m.type === 'line' && m.name.startsWith('concat_0_layer_3'))).toHaveLength(3);
    expect(count('symbol', 'concat_1_layer_0')).toBe(4);
    const crossings = sweepReport('test', 11, spec, cells).summary!.crossings.length;
    expect(count('symbol', 'concat_0_layer_4')).toBe(crossings);
    expect(count('rule', 'concat_1_layer_1')).toBe(1);
  });
});
