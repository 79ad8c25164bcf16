import { MAX_ENTRIES } from '../../data/index.js';
import { InputError } from '../../errors.js';
import { phaseDiagramSpec } from '../../report/phase.js';
import { renderSvg } from '../../report/vega.js';
import { sweepCells, parseAxis, SWEEP_KINDS, type SweepSpec } from '../../sweep/grid.js';
import { sweepJson, sweepReport, type SweepReport } from '../../sweep/report.js';
import type { SweepCell } from '../../sweep/cell.js';
import { VERSION } from '../../version.js';
import { runTasks } from '../../workers/pool.js';
import { choiceOption, numberOption, parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { writeTextFile } from '../io.js';
import type { CliIo } from '../main.js';
import { withProgress } from '../progress.js';
import { parseShard, shardItems } from '../shard.js';
import { seedOption, workersOption } from './claimOptions.js';
import type { Command } from './command.js';

/** Defaults of the grid: n = 10 and γ = 0.9 put the large-d cells in Case 2 (γ d ≳ C n·3√d needs d ≳ 1100). */
const DEFAULTS = { n: 10, mu: '0.5:8:8', d: '10:10000:8', seeds: 5, m: 2, gamma: 0.9, lrFactor: 0.3, initFactor: 0.1, testPoints: 20_000 } as const;

const sig = (v: number | null | undefined, p = 3): string => (v === null || v === undefined ? '—' : v.toPrecision(p));

/** The median errors as a ‖μ‖ × d table, and the summary, as printed on stdout. */
export function formatSweep(report: SweepReport): string {
  const { spec } = report;
  const out = [`median test error of w̄ of Ŵ (n = ${spec.n}, ${spec.seeds} seeds a cell; * = H25's hypotheses failed on some seed)`, ...medianTable(report, (c) => c.quantiles)];
  if (spec.train > 0) out.push('', `median test error of w̄ of W(T), T = ${spec.train}`, ...medianTable(report, (c) => c.trainedQuantiles));
  const s = report.summary;
  if (s) {
    out.push(
      '',
      `transition (median error crosses ${s.level}): ${s.crossings.map((c) => `d=${c.d}: ‖μ*‖=${sig(c.muNorm)} (n‖μ‖⁴/d=${sig(c.signalRatio)}, n‖μ‖²/d=${sig(c.strength)})`).join('; ') || 'no crossing'}`,
      `slope of log ‖μ*‖ on log d: weak side ${sig(s.weakSlope)} (H-UB: 0.25), strong side ${sig(s.strongSlope)} (H-UB: 0); weak-side n‖μ*‖⁴/d ≈ ${sig(s.weakRatio)} (heuristic 1.64)`,
      `kink (the two lines meet): ${s.kink ? `d ${sig(s.kink.d)}, ‖μ‖ ${sig(s.kink.muNorm)}, n‖μ‖²/d = ${sig(s.kink.strength)} (H-UB: the line n‖μ‖² = d)` : '— (needs two crossings on each side)'}`,
      `replicates inside H25's hypotheses: ${s.insideH25.replicates} of ${s.insideH25.of}`,
      `least effective c inside H25: weak ${sig(s.effectiveC.weak)}, strong ${sig(s.effectiveC.strong)} (UB_C = ${s.effectiveC.ubC}); cells with the bound broken: ${s.boundBroken}`,
      `corners: weak (‖μ‖ ${sig(spec.muNorms[0])}, d ${spec.ds[spec.ds.length - 1]}) ${sig(s.corners.weak)}, strong (‖μ‖ ${sig(spec.muNorms[spec.muNorms.length - 1])}, d ${spec.ds[0]}) ${sig(s.corners.strong)}`,
    );
  }
  return `${out.join('\n')}\n`;
}

function medianTable(report: SweepReport, pick: (c: SweepCell) => SweepCell['quantiles']): string[] {
  const { spec, cells } = report;
  const header = ['‖μ‖ \\ d', ...spec.ds.map(String)];
  const rows = spec.muNorms.map((mu) => [sig(mu), ...spec.ds.map((d) => {
    const c = cells.find((x) => x.muNorm === mu && x.d === d);
    return c ? `${sig(pick(c)?.median, 2)}${c.h25Held < c.replicates.length ? '*' : ''}` : '';
  })]);
  const all = [header, ...rows];
  const w = header.map((_, k) => Math.max(...all.map((r) => r[k]!.length)));
  return all.map((r) => r.map((v, k) => v.padStart(w[k]!)).join('  '));
}

/** 1 when a replicate inside H25's hypotheses broke H-UB's bound with the fitted UB_C (a finding to look at), else 0. */
export function sweepExitCode(report: SweepReport): number {
  return (report.summary?.boundBroken ?? 0) > 0 ? ExitCode.claimMismatch : ExitCode.ok;
}

/** Writes the phase diagram of a complete sweep report (--svg, --vega). */
export async function writeDiagrams(report: SweepReport, outputs: { svg?: string | undefined; vega?: string | undefined }): Promise<void> {
  if (!outputs.svg && !outputs.vega) return;
  const spec = phaseDiagramSpec(report);
  if (outputs.vega) writeTextFile(outputs.vega, `${JSON.stringify(spec, null, 2)}\n`, '--vega');
  if (outputs.svg) writeTextFile(outputs.svg, await renderSvg(spec), '--svg');
}

function specOf(args: ReturnType<typeof parseArgs>): SweepSpec {
  const gamma = numberOption(args, 'gamma') ?? DEFAULTS.gamma;
  if (!(gamma > 0 && gamma <= 1)) throw new InputError('--gamma', `expected a slope in (0, 1], got ${gamma}`);
  const spec = specFields(args, gamma);
  const dMax = spec.ds[spec.ds.length - 1]!;
  // Checked here, before any worker starts: every dataset of the grid must be one the generator accepts.
  if (spec.n * dMax > MAX_ENTRIES) throw new InputError('--d', `n·d = ${spec.n}·${dMax} exceeds ${MAX_ENTRIES} entries`);
  const mc = spec.kind !== 'gaussian' && spec.kind !== 'nearly-orthogonal';
  if (mc && spec.testPoints * dMax > MAX_ENTRIES) throw new InputError('--test-points', `test points × d = ${spec.testPoints}·${dMax} exceeds ${MAX_ENTRIES} entries`);
  return spec;
}

function specFields(args: ReturnType<typeof parseArgs>, gamma: number): SweepSpec {
  return {
    kind: choiceOption(args, 'kind', SWEEP_KINDS) ?? 'gaussian',
    n: numberOption(args, 'n', { integer: true, min: 1, max: 10_000 }) ?? DEFAULTS.n,
    muNorms: parseAxis(stringOption(args, 'mu') ?? DEFAULTS.mu, '--mu', false),
    ds: parseAxis(stringOption(args, 'd') ?? DEFAULTS.d, '--d', true),
    seeds: numberOption(args, 'seeds', { integer: true, min: 1, max: 10_000 }) ?? DEFAULTS.seeds,
    m: numberOption(args, 'm', { integer: true, min: 2, max: 1000 }) ?? DEFAULTS.m,
    gamma,
    lrFactor: numberOption(args, 'lr-factor', { positive: true }) ?? DEFAULTS.lrFactor,
    initFactor: numberOption(args, 'init-factor', { positive: true }) ?? DEFAULTS.initFactor,
    train: numberOption(args, 'train', { integer: true, min: 0, max: 10_000_000 }) ?? 0,
    testPoints: numberOption(args, 'test-points', { integer: true, min: 1, max: 10_000_000 }) ?? DEFAULTS.testPoints,
  };
}

function replayFlags(spec: SweepSpec): string {
  return [
    `--kind ${spec.kind} --n ${spec.n} --mu ${spec.muNorms.join(',')} --d ${spec.ds.join(',')} --seeds ${spec.seeds}`,
    `--m ${spec.m} --gamma ${spec.gamma} --lr-factor ${spec.lrFactor} --init-factor ${spec.initFactor}`,
    spec.train > 0 ? `--train ${spec.train}` : '',
    spec.kind === 'gaussian' || spec.kind === 'nearly-orthogonal' ? '' : `--test-points ${spec.testPoints}`,
  ].filter(Boolean).join(' ');
}

export const sweep: Command = {
  summary: "H25's phase transition: the test error of w̄ of Ŵ (and of W(T) with --train) over a grid of (‖μ‖, d) at fixed n, with H25's hypotheses and H-UB's bound per cell; exit 1 iff a run inside H25 broke the bound",
  synopsis: 'sweep [--n N] [--mu LO:HI:K|A,B,…] [--d LO:HI:K|A,B,…] [--seeds R] [--kind gaussian|…] [--m M] [--gamma G] [--lr-factor F] [--init-factor F] [--train T] [--test-points P] [--seed S] [--workers N] [--shard i/N] [--json FILE] [--svg FILE] [--vega FILE]',
  async run(argv: readonly string[], io: CliIo) {
    const args = parseArgs(argv, ['n', 'mu', 'd', 'seeds', 'kind', 'm', 'gamma', 'lr-factor', 'init-factor', 'train', 'test-points', 'seed', 'workers', 'shard', 'json', 'svg', 'vega']);
    if (args.positionals.length > 0) throw new InputError(args.positionals[0]!, 'unexpected argument (sweep takes only --flags)');
    const spec = specOf(args);
    const seed = seedOption(args);
    const workers = workersOption(args);
    const shardRaw = stringOption(args, 'shard');
    const shard = shardRaw === undefined ? undefined : parseShard(shardRaw);
    const outputs = { json: stringOption(args, 'json'), svg: stringOption(args, 'svg'), vega: stringOption(args, 'vega') };
    if (shard && (outputs.svg || outputs.vega)) throw new InputError(outputs.svg ? '--svg' : '--vega', 'a shard holds part of the grid: draw the diagram from `benign-check merge` of every part');
    const all = sweepCells(spec);
    const cells = shard ? shardItems(all, shard) : all;
    const shardFlag = shard ? ` --shard ${shard.index}/${shard.count}` : '';
    io.err(`benign-check sweep: seed ${seed}, stream "sweep", ${spec.muNorms.length}×${spec.ds.length} cells × ${spec.seeds} seeds${shard ? `, shard ${shard.index}/${shard.count} (${cells.length} cells)` : ''}, ${workers} worker${workers === 1 ? '' : 's'} (replay: npx benign-check sweep ${replayFlags(spec)} --seed ${seed}${shardFlag})\n`);
    const results = await withProgress(io, 'sweep', cells.length, 'cells', (tick) =>
      runTasks(cells.map((cell) => ({ kind: 'sweep-cell' as const, spec, cell, globalSeed: seed })), { workers, onDone: tick }),
    );
    if (shard) {
      const part: SweepReport = { tool: 'benign-check', report: 'sweep', version: VERSION, seed, stream: 'sweep', spec, shard: { ...shard, cells: all.length }, cells: results };
      io.out(`shard ${shard.index}/${shard.count}: ${results.length} of ${all.length} cells; merge every part with \`benign-check merge\`\n`);
      if (outputs.json) writeTextFile(outputs.json, sweepJson(part), '--json');
      return ExitCode.ok;
    }
    const report = sweepReport(VERSION, seed, spec, results);
    io.out(formatSweep(report));
    if (outputs.json) writeTextFile(outputs.json, sweepJson(report), '--json');
    await writeDiagrams(report, outputs);
    return sweepExitCode(report);
  },
};
