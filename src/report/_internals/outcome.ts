import type { ClaimResult, VerifyReport } from '../../claims/result.js';
import { signedSig3 } from './numbers.js';

/** How a claim's negative control went, judged for the kind of claim it is. */
export interface ControlOutcome {
  /** The control did what it is there for. */
  readonly ok: boolean;
  /** "refuted ✓", "NOT refuted ✗" (true claims) or "held ✓", "NOT held ✗" (known-false claims). */
  readonly label: string;
}

/**
 * The negative control's outcome. For a claim expected to hold, the control (broken hypotheses or a
 * planted bug) must be refuted. For a known-false claim (expected "refuted"), the control is a
 * scenario on which the false statement holds, showing the check can say "holds" (see `Claim`
 * in claims/types.ts), so there the control is ok when it was NOT refuted.
 */
export function controlOutcome(c: ClaimResult): ControlOutcome {
  if (c.expected === 'holds') {
    return c.negativeControl.refuted ? { ok: true, label: 'refuted ✓' } : { ok: false, label: 'NOT refuted ✗' };
  }
  return c.negativeControl.refuted ? { ok: false, label: 'NOT held ✗' } : { ok: true, label: 'held ✓' };
}

/**
 * Why a claim is not at its expected verdict, in one line: the counterexample's detail with its
 * slack and shrink count; for an inapplicable claim, that no run met the hypotheses (with the first
 * run's detail); for a claim that held (a known-false claim never refuted), that every applicable run
 * held; for a refuted claim without a recorded counterexample, the detail of its worst run.
 */
export function mismatchDetail(c: ClaimResult): string {
  if (c.counterexample) {
    const cx = c.counterexample;
    return `${cx.verdict.detail} (slack ${signedSig3(cx.verdict.slack)}, shrunk ${cx.shrinks}×)`;
  }
  const applicable = `${c.applicableRuns}/${c.runs} applicable`;
  if (c.verdict === 'inapplicable') {
    const first = c.details[0];
    return `no run met the hypotheses (${applicable})${first ? `; run 1: ${first.detail}` : ''}`;
  }
  if (c.verdict === 'holds') {
    return `no run refuted it: every applicable run held (${applicable}, worst slack ${signedSig3(c.worstSlack)})`;
  }
  const worst = c.details.filter((r) => r.verdict === 'refuted').sort((a, b) => a.slack - b.slack)[0];
  return `refuted, no counterexample recorded (${applicable})${worst ? `; worst run: ${worst.detail} (slack ${signedSig3(worst.slack)})` : ''}`;
}

/** Counts over a report: claims, at/not at their expected verdict, negative controls not ok. */
export interface ReportCounts {
  readonly claims: number;
  readonly atExpected: number;
  readonly notAtExpected: number;
  readonly controlsNotOk: number;
}

/** The counts behind every summary line, so the four formats cannot disagree. */
export function counts(report: VerifyReport): ReportCounts {
  const atExpected = report.claims.filter((c) => c.ok).length;
  return {
    claims: report.claims.length,
    atExpected,
    notAtExpected: report.claims.length - atExpected,
    controlsNotOk: report.claims.filter((c) => !controlOutcome(c).ok).length,
  };
}

/** "12 claims: 12 at expected verdict, 0 not", with the failed negative controls when there are any. */
export function summaryLine(report: VerifyReport): string {
  const k = counts(report);
  const controls = k.controlsNotOk > 0 ? `; ${k.controlsNotOk} negative control${k.controlsNotOk === 1 ? '' : 's'} not ok` : '';
  return `${k.claims} claim${k.claims === 1 ? '' : 's'}: ${k.atExpected} at expected verdict, ${k.notAtExpected} not${controls}`;
}
