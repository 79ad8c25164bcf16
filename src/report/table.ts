import type { ClaimResult, VerifyReport } from '../claims/core/result.js';
import { signedSig3 } from './_internals/numbers.js';
import { controlOutcome, mismatchDetail, powerProblems, summaryLine } from './_internals/outcome.js';
import { columns, oneLine, truncate, wrap } from './_internals/text.js';

/** Options of {@link formatTable}. */
export interface TableOptions {
  /** Colour verdicts with ANSI escapes (green at the expected verdict, red not); off by default. */
  readonly color?: boolean;
}

/** The widest line the table aims for: a CI log or a terminal at 120 columns. */
const LINE_WIDTH = 120;
/** Spaces between columns. */
const GAP = '  ';
/** Indent of the detail and replay lines under a mismatching claim. */
const INDENT = '      ';

const ANSI = { green: '\u001b[32m', red: '\u001b[31m', bold: '\u001b[1m', reset: '\u001b[0m' } as const;

interface Column {
  readonly header: string;
  readonly right: boolean;
  /** Widest the column gets, and narrowest it is squeezed to when the table is too wide. */
  readonly max: number;
  readonly min: number;
}

const COLUMNS: readonly Column[] = [
  { header: 'claim', right: false, max: 20, min: 10 },
  { header: 'source', right: false, max: 18, min: 8 },
  { header: 'tag', right: false, max: 16, min: 11 },
  { header: 'expected', right: false, max: 8, min: 8 },
  { header: 'verdict', right: false, max: 14, min: 9 },
  { header: 'runs', right: true, max: 13, min: 5 },
  { header: 'worst slack', right: true, max: 11, min: 9 },
  { header: 'power', right: false, max: 18, min: 8 },
  { header: 'seed', right: true, max: 11, min: 4 },
];

interface Cell {
  readonly text: string;
  readonly color?: keyof typeof ANSI;
}

function row(c: ClaimResult): Cell[] {
  const control = controlOutcome(c);
  const hue = (ok: boolean): keyof typeof ANSI => (ok ? 'green' : 'red');
  return [
    { text: c.id },
    { text: c.source },
    { text: c.tag },
    { text: c.expected },
    { text: c.verdict === c.expected ? c.verdict : `${c.verdict} ✗`, color: hue(c.verdict === c.expected) },
    { text: `${c.applicableRuns}/${c.runs}` },
    { text: signedSig3(c.worstSlack) },
    { text: control.label, color: hue(control.ok) },
    { text: String(c.seed) },
  ].map((cell) => ({ ...cell, text: oneLine(cell.text) }));
}

/** Columns narrowed first when the table is too wide: source and tag say least per character; the id last. */
const SQUEEZE_ORDER: readonly number[] = [1, 2, 0, 4, 7, 5, 6, 8, 3];

/** Column widths: the content's, capped, then columns narrowed in {@link SQUEEZE_ORDER} until the line fits. */
function widths(body: readonly (readonly Cell[])[]): number[] {
  const w = COLUMNS.map((col, i) =>
    Math.max(col.min, Math.min(col.max, Math.max(columns(col.header), ...body.map((r) => columns(r[i].text))))),
  );
  let excess = w.reduce((a, b) => a + b, 0) + GAP.length * (w.length - 1) - LINE_WIDTH;
  for (const i of SQUEEZE_ORDER) {
    const cut = Math.min(Math.max(0, excess), w[i] - COLUMNS[i].min);
    w[i] -= cut;
    excess -= cut;
  }
  return w;
}

/**
 * The verify report as a fixed-width text table for a terminal or CI log: one row per claim (claim,
 * source, tag, expected, verdict, applicable/total runs, worst slack to 3 significant digits with
 * its sign, negative-control outcome, claim seed), then for every claim not at its expected verdict
 * the counterexample's detail and the replay command, then any negative control that failed, and a
 * last line `N claims: A at expected verdict, B not · global seed S`.
 *
 * Lines of the table fit in 120 columns: long cells are cut with '…' (detail lines are wrapped
 * instead, and replay commands are never cut, so they can be copied). Control characters in the
 * input are shown as `\xNN`. ANSI colour only with `opts.color`. Ends with a newline, like the other
 * formats, so it can be written to stdout as is. An empty report gives the header and the summary line.
 */
export function formatTable(report: VerifyReport, opts: TableOptions = {}): string {
  const paint = (text: string, color: keyof typeof ANSI | undefined) =>
    opts.color && color ? `${ANSI[color]}${text}${ANSI.reset}` : text;

  const body = report.claims.map(row);
  const w = widths(body);
  const line = (cells: readonly Cell[]) =>
    cells
      .map((cell, i) => {
        const text = truncate(cell.text, w[i]);
        const pad = ' '.repeat(w[i] - columns(text));
        return paint(COLUMNS[i].right ? pad + text : text + pad, cell.color);
      })
      .join(GAP)
      .trimEnd();

  const out = [
    paint(line(COLUMNS.map((col) => ({ text: col.header }))), 'bold'),
    line(w.map((n) => ({ text: '-'.repeat(n) }))),
    ...body.map(line),
  ];

  const mismatches = report.claims.filter((c) => c.verdict !== c.expected);
  if (mismatches.length > 0) {
    out.push('', paint(`Not at expected verdict (${mismatches.length}):`, 'red'));
    for (const c of mismatches) {
      out.push(`  ${paint('✗', 'red')} ${oneLine(c.id)}: expected ${c.expected}, got ${c.verdict}`);
      for (const l of wrap(oneLine(mismatchDetail(c)), LINE_WIDTH - INDENT.length)) out.push(INDENT + l);
      out.push(`${INDENT}replay: ${oneLine(c.replay)}`);
    }
  }

  const badControls = report.claims.filter((c) => c.verdict === c.expected && !controlOutcome(c).ok);
  if (badControls.length > 0) {
    out.push('', paint(`No power shown (${badControls.length}):`, 'red'));
    for (const c of badControls) {
      out.push(`  ${paint('✗', 'red')} ${oneLine(c.id)}: ${controlOutcome(c).label}`);
      for (const p of powerProblems(c)) for (const l of wrap(oneLine(p), LINE_WIDTH - INDENT.length)) out.push(INDENT + l);
      out.push(`${INDENT}replay: ${oneLine(c.replay)}`);
    }
  }

  out.push('', paint(`${summaryLine(report)} · global seed ${report.seed}`, report.ok ? 'green' : 'red'));
  return out.join('\n') + '\n';
}
