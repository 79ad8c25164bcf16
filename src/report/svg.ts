import type { ClaimResult, VerifyReport } from '../claims/core/result.js';
import { signedSig3 } from './_internals/numbers.js';
import { controlOutcome, mismatchDetail, summaryLine } from './_internals/outcome.js';
import { badge, badgeWidth, COLOR, fitChars, px, text } from './_internals/svg/draw.js';
import { PLOT_HEIGHT, PLOT_WIDTH, seriesPlot, type Trace } from './_internals/svg/seriesPlot.js';
import { slackStrip } from './_internals/svg/slackStrip.js';
import { oneLine, truncate, wrap } from './_internals/text.js';
import { xmlAttr, xmlText } from './_internals/xml.js';

/** Page geometry in px: 1100 wide fits a laptop browser at 100 % and a CI artifact viewer. */
const PAGE = 1100;
const MARGIN = 24;
/** The left column of a claim row: badge, id, provenance, counts, statement. */
const INFO = 300;
/** Gap between the info column and the plots, between plots, and between claim rows. */
const GUTTER = 20;
const PLOT_GAP = 10;
const ROW_PAD = 16;
/** Height of the page header (title, summary, legend). */
const HEADER = 96;
/** Line height in px of 12 px text, and of the 11 px monospace replay lines. */
const LINE = 16;
const MONO_LINE = 14;
/** The statement under a claim's figures is cut after this many lines. */
const STATEMENT_LINES = 3;
/** The counterexample's detail and the replay command are cut after this many lines each. */
const DETAIL_LINES = 2;
const REPLAY_LINES = 3;

const RIGHT_X = MARGIN + INFO + GUTTER;
const RIGHT_W = PAGE - MARGIN - RIGHT_X;
const PLOTS_PER_LINE = Math.max(1, Math.floor((RIGHT_W + PLOT_GAP) / (PLOT_WIDTH + PLOT_GAP)));

const STYLE = `
text{font-family:'DejaVu Sans',Verdana,Arial,sans-serif;font-size:12px;fill:${COLOR.ink}}
.mono{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:11px}
.h1{font-size:22px;font-weight:bold}
.id{font-size:16px;font-weight:bold}
.badge{fill:#fff;font-weight:bold}
.muted{fill:${COLOR.muted}}
.ok{fill:${COLOR.ok}}
.bad{fill:${COLOR.bad}}
.stmt{fill:${COLOR.muted};font-size:11px;font-style:italic}
.plot-title{font-size:11px;font-weight:bold}
.axis-label{font-size:11px;fill:${COLOR.muted}}
.tick{font-size:10px;fill:${COLOR.muted}}
.note{font-size:10px;fill:${COLOR.muted}}
.strip-title{font-size:11px;fill:${COLOR.muted}}
.frame{fill:none;stroke:${COLOR.faint};stroke-width:1}
.grid{stroke:${COLOR.grid};stroke-width:1}
.minor{stroke-dasharray:2 2}
.zero{stroke:${COLOR.ink};stroke-width:1.5}
.sep{stroke:#d0d7de;stroke-width:1}
.dot{fill:${COLOR.run};fill-opacity:0.75}
.dot-bad{fill:${COLOR.bad};fill-opacity:0.85}
.ring{fill:none;stroke:${COLOR.bad};stroke-width:2}
.diamond{fill:#fff;stroke:${COLOR.control};stroke-width:2}
polyline{fill:none;stroke-linejoin:round;stroke-linecap:round}
.tr-holds{stroke:${COLOR.run};stroke-opacity:0.55;stroke-width:1.2}
.tr-refuted{stroke:${COLOR.bad};stroke-opacity:0.6;stroke-width:1.2}
.tr-inapplicable{stroke:${COLOR.faint};stroke-opacity:0.5;stroke-width:1;stroke-dasharray:3 2}
.tr-counterexample{stroke:${COLOR.bad};stroke-width:2.2}
.pt-holds{fill:${COLOR.run}}
.pt-refuted,.pt-counterexample{fill:${COLOR.bad}}
.pt-inapplicable{fill:${COLOR.faint}}
`;

/** Series names over a claim's runs and counterexample, in order of first appearance, each with its traces. */
function seriesOf(c: ClaimResult): [string, Trace[]][] {
  const byName = new Map<string, Trace[]>();
  const add = (series: ClaimResult['details'][number]['series'], role: Trace['role']) => {
    for (const [name, points] of Object.entries(series ?? {})) {
      const list = byName.get(name) ?? [];
      list.push({ role, points });
      byName.set(name, list);
    }
  };
  for (const r of c.details) add(r.series, r.verdict);
  if (c.counterexample) add(c.counterexample.verdict.series, 'counterexample');
  return [...byName];
}

function infoColumn(c: ClaimResult, y: number): { svg: string; height: number } {
  const x = MARGIN;
  const control = controlOutcome(c);
  const b = badge(x, y, c.verdict.toUpperCase(), c.ok ? COLOR.ok : COLOR.bad);
  const out = [b.svg, text(x + b.width + 8, y + 15, oneLine(c.id), { cls: 'id', maxWidth: INFO - b.width - 8, size: 16, face: 'bold-caps' })];
  let cy = y + 38;
  const line = (s: string, cls = '') => {
    out.push(text(x, cy, s, { cls, maxWidth: INFO }));
    cy += LINE;
  };
  line(`${oneLine(c.source)} · ${c.tag}`, 'muted');
  line(c.ok ? `expected ${c.expected} ✓` : `expected ${c.expected}, got ${c.verdict} ✗`, c.ok ? 'ok' : 'bad');
  line(`runs ${c.applicableRuns}/${c.runs} applicable · seed ${c.seed}`);
  line(`worst slack ${signedSig3(c.worstSlack)}`);
  line(`negative control ${control.label}`, control.ok ? 'ok' : 'bad');
  const stmt = wrap(oneLine(c.statement), fitChars(INFO, 11));
  stmt.slice(0, STATEMENT_LINES).forEach((s, i) => {
    const last = i === STATEMENT_LINES - 1 && stmt.length > STATEMENT_LINES;
    out.push(text(x, cy + 2, last ? truncate(s + ' …', fitChars(INFO, 11)) : s, { cls: 'stmt', size: 11, maxWidth: INFO }));
    cy += 14;
  });
  return { svg: out.join('\n'), height: cy - y };
}

function claimRow(c: ClaimResult, y: number): { svg: string; height: number } {
  const info = infoColumn(c, y);
  const strip = slackStrip(c, RIGHT_X, y, RIGHT_W);
  const out = [info.svg, strip.svg];
  let ry = y + strip.height + 6;

  if (!c.ok) {
    const detail = wrap(`${c.counterexample ? 'counterexample' : 'why'}: ${oneLine(mismatchDetail(c))}`, fitChars(RIGHT_W, 11));
    for (const [i, s] of detail.slice(0, DETAIL_LINES).entries()) {
      const cut = i === DETAIL_LINES - 1 && detail.length > DETAIL_LINES;
      out.push(text(RIGHT_X, ry + 11, cut ? truncate(s + ' …', fitChars(RIGHT_W, 11)) : s, { cls: 'bad', size: 11, maxWidth: RIGHT_W }));
      ry += LINE;
    }
    const replay = wrap(`replay: ${oneLine(c.replay)}`, fitChars(RIGHT_W, 11, 'mono'));
    for (const [i, s] of replay.slice(0, REPLAY_LINES).entries()) {
      const cut = i === REPLAY_LINES - 1 && replay.length > REPLAY_LINES;
      out.push(text(RIGHT_X, ry + 11, cut ? truncate(s + ' …', fitChars(RIGHT_W, 11, 'mono')) : s, { cls: 'mono', face: 'mono', size: 11 }));
      ry += MONO_LINE;
    }
    ry += 6;
  }

  const series = seriesOf(c);
  series.forEach(([name, traces], i) => {
    const col = i % PLOTS_PER_LINE;
    const rowY = ry + Math.floor(i / PLOTS_PER_LINE) * (PLOT_HEIGHT + PLOT_GAP);
    out.push(seriesPlot(name, traces, RIGHT_X + col * (PLOT_WIDTH + PLOT_GAP), rowY));
  });
  if (series.length > 0) ry += Math.ceil(series.length / PLOTS_PER_LINE) * (PLOT_HEIGHT + PLOT_GAP) - PLOT_GAP;

  const height = Math.max(info.height, ry - y);
  return {
    svg: `<g class="claim" data-id="${xmlAttr(c.id)}">\n${out.join('\n')}\n</g>`,
    height,
  };
}

function header(report: VerifyReport): string {
  const out: string[] = [text(MARGIN, 36, 'benign-check verify', { cls: 'h1', size: 22 })];
  const label = report.ok ? 'ALL AT EXPECTED VERDICT' : 'NOT ALL AT EXPECTED VERDICT';
  out.push(badge(PAGE - MARGIN - badgeWidth(label, 12), 18, label, report.ok ? COLOR.ok : COLOR.bad, 12).svg);
  const meta = `${summaryLine(report)} · global seed ${report.seed} · ${report.runsPerClaim} runs per claim · ${report.tool} ${report.version}`;
  out.push(text(MARGIN, 58, meta, { maxWidth: PAGE - 2 * MARGIN }));

  // Legend: what the marks in the strips and plots mean.
  const ly = 80;
  let lx = MARGIN;
  const item = (mark: string, label: string, w: number) => {
    out.push(mark, text(lx + 16, ly + 4, label, { cls: 'note', size: 11 }));
    lx += w;
  };
  item(`<circle cx="${px(lx + 6)}" cy="${ly}" r="3" class="dot"/>`, 'run slack ≥ 0', 110);
  item(`<circle cx="${px(lx + 6)}" cy="${ly}" r="3" class="dot-bad"/>`, 'run slack < 0 (claim broken)', 190);
  item(`<circle cx="${px(lx + 6)}" cy="${ly}" r="6" class="ring"/>`, 'counterexample', 120);
  item(`<path class="diamond" d="M${px(lx + 6)},${ly - 5} L${px(lx + 11)},${ly} L${px(lx + 6)},${ly + 5} L${px(lx + 1)},${ly} Z"/>`, 'negative control', 130);
  item(`<polyline class="tr-holds" points="${px(lx)},${ly} ${px(lx + 12)},${ly}"/>`, 'series of a run', 120);
  item(`<polyline class="tr-counterexample" points="${px(lx)},${ly} ${px(lx + 12)},${ly}"/>`, 'series of the counterexample', 200);
  return out.join('\n');
}

/**
 * The verify report as one self-contained SVG file (no scripts, no external fonts or images),
 * 1100 px wide. A header with the summary, the global seed and a legend; then a row per claim: a
 * verdict badge (green at the expected verdict, red not) with id, source, tag, counts, negative
 * control and statement on the left; on the right the slack strip (one dot per applicable run at its
 * slack, 0 line marked, negative side tinted), the counterexample and replay command when the
 * claim is not at its expected verdict, and a small-multiple plot per named series (all runs
 * overlaid; log axes when values are > 0 and span more than 2 decades). A claim without series
 * shows only its strip. Non-finite points are skipped and counted in captions; no attribute ever
 * holds NaN (a layout defect throws `NumericalError`). An empty report gives the header and a note.
 * Ends with a newline.
 */
export function toSvgReport(report: VerifyReport): string {
  const rows: string[] = [];
  let y = HEADER + ROW_PAD;
  if (report.claims.length === 0) {
    rows.push(text(MARGIN, y + 14, 'No claims in this report.', { cls: 'muted' }));
    y += 14 + ROW_PAD;
  }
  for (const c of report.claims) {
    const row = claimRow(c, y);
    rows.push(row.svg);
    y += row.height + ROW_PAD;
    rows.push(`<line class="sep" x1="${MARGIN}" y1="${px(y)}" x2="${PAGE - MARGIN}" y2="${px(y)}"/>`);
    y += ROW_PAD;
  }
  const height = Math.ceil(y + MARGIN - ROW_PAD);
  const title = `benign-check verify: ${summaryLine(report)}, global seed ${report.seed}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE}" height="${height}" viewBox="0 0 ${PAGE} ${height}">`,
    `<title>${xmlText(title)}</title>`,
    `<style>${STYLE}</style>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    header(report),
    `<line class="sep" x1="${MARGIN}" y1="${HEADER}" x2="${PAGE - MARGIN}" y2="${HEADER}"/>`,
    ...rows,
    '</svg>',
    '',
  ].join('\n');
}
