import { calibrateClaim, type Calibration } from '../../claims/calibrate.js';
import { catalogue } from '../../claims/catalogue.js';
import { InputError } from '../../errors.js';
import { numberOption, parseArgs, stringOption } from '../args.js';
import { ExitCode } from '../exitCodes.js';
import { writeTextFile } from '../io.js';
import type { Command } from './command.js';
import { claimIds, seedOption } from './verify.js';

/** Scenarios per claim when --runs is not given. */
const DEFAULT_RUNS = 50;

const fmt = (v: number | undefined): string => (v === undefined ? '—' : (v >= 0 ? '+' : '') + v.toFixed(3));
const quantile = (a: readonly number[], q: number): number | undefined => (a.length === 0 ? undefined : a[Math.min(a.length - 1, Math.floor(q * a.length))]);

function row(c: Calibration): string[] {
  return [
    c.id,
    c.expected,
    String(c.counts.holds),
    String(c.counts.refuted),
    String(c.counts.inapplicable),
    fmt(c.slacks[0]),
    fmt(quantile(c.slacks, 0.05)),
    fmt(quantile(c.slacks, 0.5)),
    `${c.controlFired}/${c.runs}`,
  ];
}

/** Every applicable run at the expected verdict, and the control fired on every run. */
function clean(c: Calibration): boolean {
  const wrong = c.expected === 'holds' ? c.counts.refuted : c.counts.holds;
  return wrong === 0 && c.controlFired === c.runs;
}

export const calibrate: Command = {
  summary: 'stress-test claims: every verdict and slack on N scenarios each, and how often each negative control fires',
  synopsis: 'calibrate [--claims all|ID,ID] [--runs N] [--seed S] [--json FILE]',
  async run(argv, io) {
    const args = parseArgs(argv, ['claims', 'runs', 'seed', 'json']);
    if (args.positionals.length > 0) throw new InputError(args.positionals[0]!, 'unexpected argument (calibrate takes only --flags)');
    const { wanted, ids } = claimIds(args);
    const runs = numberOption(args, 'runs', { integer: true, min: 1, max: 100_000 }) ?? DEFAULT_RUNS;
    const seed = seedOption(args);
    const json = stringOption(args, 'json');
    io.err(`benign-check calibrate: seed ${seed}, ${runs} scenarios per claim and per control (replay: npx benign-check calibrate --claims ${wanted} --runs ${runs} --seed ${seed})\n`);
    const results: Calibration[] = [];
    for (const [k, id] of ids.entries()) {
      if (io.isTty) io.err(`\r[${k + 1}/${ids.length}] ${id}…\u001b[K`);
      results.push(calibrateClaim(catalogue.find((c) => c.id === id)! as never, runs, seed));
    }
    if (io.isTty) io.err('\r\u001b[K');
    const header = ['claim', 'expected', 'holds', 'refuted', 'inapp.', 'min slack', '5% slack', 'median', 'control fired'];
    const rows = [header, ...results.map(row)];
    const widths = header.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
    const line = (r: string[]): string => r.map((v, k) => (k === 0 || k === 1 ? v.padEnd(widths[k]!) : v.padStart(widths[k]!))).join('  ');
    io.out(`${[line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...results.map((c) => line(row(c)))].join('\n')}\n`);
    const ok = results.every(clean);
    io.out(`\n${results.filter(clean).length} of ${results.length} claims clean (every applicable run at the expected verdict, the control fired every time) · seed ${seed}\n`);
    if (json) writeTextFile(json, `${JSON.stringify({ tool: 'benign-check', seed, runs, claims: results }, null, 2)}\n`, '--json');
    return ok ? ExitCode.ok : ExitCode.claimMismatch;
  },
};
