import type { ClaimResult, VerifyReport } from '../claims/core/result.js';
import { signedSig3 } from './_internals/numbers.js';
import { controlOutcome, mismatchDetail, summaryLine } from './_internals/outcome.js';
import { oneLine, truncate } from './_internals/text.js';
import { renderSvg, VEGA_LITE_SCHEMA, type VegaLiteSpec } from './vega.js';

/** Colours: green at the expected verdict, red not; runs blue, refutations red, inapplicable grey. */
const OK = '#1a7f37';
const BAD = '#cf222e';
const ROLES = ['holds', 'refuted', 'inapplicable', 'counterexample', 'designated fault'] as const;
const ROLE_COLOURS = ['#0969da', BAD, '#8c959f', '#82071e', '#bf8700'];
/** A series gets log axes when its positive values span more than this ratio (two decades). */
export const LOG_AXIS_SPAN = 100;
/** Points beyond ±this are not drawn: the axes' tick arithmetic (max − min) would overflow to ±∞ past ~1.8e308. */
export const PLOT_LIMIT = 1e300;
/** Small multiples per line of a claim's row, and their size in px. */
const PLOTS_PER_LINE = 3;
const PLOT_WIDTH = 220;
const PLOT_HEIGHT = 130;
/** Text lines longer than this many characters are cut (vega does not wrap titles). */
const LINE_CHARS = 150;

type Role = (typeof ROLES)[number];
type Series = readonly (readonly [number, number])[];

const colour = { domain: [...ROLES], range: ROLE_COLOURS };

/** The axis of one coordinate: log when every kept value is > 0 and they span more than two decades. */
function axisOf(values: readonly number[]): 'log' | 'linear' {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length === 0 || finite.some((v) => v <= 0)) return 'linear';
  return Math.max(...finite) / Math.min(...finite) > LOG_AXIS_SPAN ? 'log' : 'linear';
}

/**
 * One small multiple: every run's trace of a named series (loss vs t, 1 − cos vs t, margin ratio,
 * stable rank, …), coloured by the run's verdict, the counterexample's drawn thicker. The t axis is
 * logarithmic when the positive checkpoints span decades (points at t ≤ 0 are then left off, with a
 * note), and so is the value axis; non-finite points are skipped and counted in the subtitle.
 */
function seriesView(name: string, traces: readonly { role: Role; points: Series }[], viewName: string): VegaLiteSpec {
  let nonFinite = 0;
  let huge = 0;
  const drawable = (t: number, v: number): boolean => {
    if (!Number.isFinite(t) || !Number.isFinite(v)) return (nonFinite++, false);
    return Math.abs(t) <= PLOT_LIMIT && Math.abs(v) <= PLOT_LIMIT ? true : (huge++, false);
  };
  const finite = traces.map((tr) => tr.points.filter(([t, v]) => drawable(t, v)));
  const positiveT = finite.flat().map(([t]) => t).filter((t) => t > 0);
  const xLog = positiveT.length > 1 && Math.max(...positiveT) / Math.min(...positiveT) > LOG_AXIS_SPAN;
  let leftOff = 0;
  const kept = finite.map((pts) => pts.filter(([t]) => !xLog || t > 0 || (leftOff++, false)));
  const yScale = axisOf(kept.flat().map(([, v]) => v));
  const rows = kept.flatMap((pts, run) => pts.map(([t, v]) => ({ run, role: traces[run]!.role, t, v })));
  const notes = [
    ...(nonFinite > 0 ? [`${nonFinite} non-finite point${nonFinite === 1 ? '' : 's'} skipped`] : []),
    ...(huge > 0 ? [`${huge} point${huge === 1 ? '' : 's'} beyond ±${PLOT_LIMIT} skipped`] : []),
    ...(leftOff > 0 ? [`${leftOff} point${leftOff === 1 ? '' : 's'} at t ≤ 0 left off (log axis)`] : []),
    ...(rows.length === 0 ? ['no finite points'] : []),
  ];
  return {
    name: viewName,
    width: PLOT_WIDTH,
    height: PLOT_HEIGHT,
    title: { text: truncate(oneLine(name), 40), fontSize: 11, ...(notes.length > 0 ? { subtitle: notes.join('; '), subtitleFontSize: 9 } : {}) },
    data: { values: rows },
    mark: { type: 'line', point: { size: 12 }, clip: true },
    encoding: {
      // An empty plot gets a unit domain (vega would describe an empty one as running from ∞ to −∞).
      x: { field: 't', type: 'quantitative', scale: { type: xLog ? 'log' : 'linear', ...(rows.length === 0 ? { domain: [0, 1] } : {}) }, title: xLog ? 't (log)' : 't' },
      y: { field: 'v', type: 'quantitative', scale: { type: yScale, ...(yScale === 'linear' ? { zero: false } : {}), ...(rows.length === 0 ? { domain: [0, 1] } : {}) }, title: null },
      detail: { field: 'run', type: 'nominal' },
      color: { field: 'role', type: 'nominal', scale: colour, legend: null },
      strokeWidth: { condition: { test: "datum.role === 'counterexample'", value: 2.2 }, value: 1.2 },
    },
  } as VegaLiteSpec;
}

/**
 * The slack strip: one dot per applicable run at its slack (symlog axis: sign and magnitude), the
 * counterexample and the designated faults' slacks marked, a rule at 0 (≥ 0: the claim held).
 */
function stripView(c: ClaimResult, viewName: string): VegaLiteSpec {
  const dots: { slack: number; role: Role }[] = [
    ...c.details.filter((d) => d.verdict !== 'inapplicable').map((d) => ({ slack: d.slack, role: d.verdict as Role })),
    ...(c.counterexample ? [{ slack: c.counterexample.verdict.slack, role: 'counterexample' as const }] : []),
    ...c.designated.flatMap((f) => (f.slack === null ? [] : [{ slack: f.slack, role: 'designated fault' as const }])),
  ];
  const shown = dots.filter((d) => Number.isFinite(d.slack) && Math.abs(d.slack) <= PLOT_LIMIT);
  const off = dots.length - shown.length;
  return {
    name: viewName,
    width: PLOTS_PER_LINE * PLOT_WIDTH,
    height: 36,
    title: { text: `slack of each run (≥ 0: holds)${off > 0 ? ` · not drawn: ${off} at ±∞ or beyond ±${PLOT_LIMIT}` : ''}`, fontSize: 10, anchor: 'start' },
    layer: [
      {
        data: { values: shown },
        mark: { type: 'point', filled: true, size: 40, opacity: 0.8 },
        encoding: {
          x: { field: 'slack', type: 'quantitative', scale: { type: 'symlog' }, title: null },
          shape: { field: 'role', type: 'nominal', scale: { domain: [...ROLES], range: ['circle', 'circle', 'circle', 'square', 'diamond'] }, legend: null },
          color: { field: 'role', type: 'nominal', scale: colour, legend: null },
        },
      },
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#24292f', strokeWidth: 1.5 }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
    ],
  } as VegaLiteSpec;
}

/**
 * Series names over a claim's runs and counterexample, sorted by name (the JSON report may reorder a
 * run's keys, and a merged report must draw what the unsharded run drew), each with its traces.
 */
function seriesOf(c: ClaimResult): [string, { role: Role; points: Series }[]][] {
  const byName = new Map<string, { role: Role; points: Series }[]>();
  const add = (series: ClaimResult['details'][number]['series'], role: Role) => {
    for (const [name, points] of Object.entries(series ?? {})) byName.set(name, [...(byName.get(name) ?? []), { role, points }]);
  };
  for (const r of c.details) add(r.series, r.verdict);
  if (c.counterexample) add(c.counterexample.verdict.series, 'counterexample');
  return [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function claimRow(c: ClaimResult, k: number): VegaLiteSpec {
  const control = controlOutcome(c);
  const head = `${c.id}  ${c.verdict.toUpperCase()} ${c.ok ? '✓' : '✗'}  ·  ${oneLine(c.source)} · ${c.tag} · expected ${c.expected}`;
  const lines = [
    `runs ${c.applicableRuns}/${c.runs} applicable · seed ${c.seed} · worst slack ${signedSig3(c.worstSlack)} · negative control ${control.label}`,
    truncate(oneLine(c.statement), LINE_CHARS),
    ...(c.ok ? [] : [truncate(`${c.counterexample ? 'counterexample' : 'why'}: ${oneLine(mismatchDetail(c))}`, LINE_CHARS), truncate(`replay: ${oneLine(c.replay)}`, LINE_CHARS)]),
  ];
  const series = seriesOf(c);
  return {
    name: `claim${k}`,
    title: { text: head, subtitle: lines, anchor: 'start', color: c.ok ? OK : BAD, fontSize: 14, subtitleFontSize: 11 },
    vconcat: [
      stripView(c, `claim${k}_strip`),
      ...(series.length > 0 ? [{ columns: PLOTS_PER_LINE, concat: series.map(([name, traces], j) => seriesView(name, traces, `claim${k}_series${j}`)) }] : []),
    ],
  } as VegaLiteSpec;
}

/**
 * The verify report as a vega-lite spec: a title with the summary and the global seed; then a row per
 * claim titled with its verdict (green at the expected verdict, red not), source, tag, counts,
 * negative control and statement (and, when not ok, why and the replay command), holding its slack
 * strip and a small multiple per named series.
 */
export function verifyReportSpec(report: VerifyReport): VegaLiteSpec {
  const title = {
    text: `benign-check verify: ${report.ok ? 'ALL AT EXPECTED VERDICT' : 'NOT ALL AT EXPECTED VERDICT'}`,
    subtitle: `${summaryLine(report)} · global seed ${report.seed} · ${report.runsPerClaim} runs per claim · ${report.tool} ${report.version}`,
    color: report.ok ? OK : BAD,
    anchor: 'start' as const,
  };
  const base = { $schema: VEGA_LITE_SCHEMA, background: 'white', config: { font: 'DejaVu Sans', view: { stroke: '#d0d7de' } }, title };
  if (report.claims.length === 0) {
    return { ...base, data: { values: [{ note: 'No claims in this report.' }] }, mark: { type: 'text', align: 'left' }, encoding: { text: { field: 'note' } } } as VegaLiteSpec;
  }
  return { ...base, vconcat: report.claims.map(claimRow), spacing: 28 } as VegaLiteSpec;
}

/**
 * The verify report as one self-contained SVG (vega-lite rendered headless; no scripts, no external
 * fonts or images): see {@link verifyReportSpec}. Non-finite values are never drawn; the same report
 * gives the same SVG text.
 */
export function toSvgReport(report: VerifyReport): Promise<string> {
  return renderSvg(verifyReportSpec(report));
}
