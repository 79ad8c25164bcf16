import type { ClaimResult, VerifyReport } from '../../claims/core/result.js';
import { signedSig3 } from './numbers.js';

/** How a claim's power checks went: its designated faults (true claims) and its controls. */
export interface ControlOutcome {
  /** Every designated fault refuted and every control fired. */
  readonly ok: boolean;
  /** "3/3 faults ✓", "NO POWER 1/2 ✗", "held ✓", "control silent ✗". */
  readonly label: string;
}

/**
 * The power outcome. A true claim must refute each of its designated faults (engine or theory bugs
 * injected through the path it reads) and fire each control; a known-false claim's control is a
 * scenario where the false statement holds, showing the check can also say "holds".
 */
export function controlOutcome(c: ClaimResult): ControlOutcome {
  const silent = c.controls.filter((k) => !k.fired).length;
  if (c.expected === 'holds') {
    const caught = c.designated.filter((f) => f.refuted).length;
    const all = c.designated.length;
    if (caught < all) return { ok: false, label: `NO POWER ${caught}/${all} ✗` };
    if (silent > 0) return { ok: false, label: 'control silent ✗' };
    return { ok: true, label: all === 0 ? 'not run' : `${caught}/${all} faults ✓` };
  }
  return silent > 0 ? { ok: false, label: 'NOT held ✗' } : { ok: true, label: c.controls.length === 0 ? 'not run' : 'held ✓' };
}

/** One line per undetected designated fault or silent control, for the reports. */
export function powerProblems(c: ClaimResult): string[] {
  return [
    ...c.designated.filter((f) => !f.refuted).map((f) => `fault ${f.fault}${f.epsilon !== null ? ` (ε = ${f.epsilon})` : ''} not refuted on ${f.searched} scenarios: ${f.detail}`),
    ...c.controls.filter((k) => !k.fired).map((k) => `control "${k.description}" never gave ${k.target} on ${k.searched} scenarios: ${k.detail}`),
  ];
}

/**
 * Why a claim is not at its expected verdict, in one line: the counterexample's detail with its
 * slack and shrink count; for an inapplicable claim, that no run met the hypotheses (with the first
 * run's detail); for a claim that held (a known-false claim never refuted), that every applicable run
 * held; for a refuted claim without a recorded counterexample, the detail of its worst run.
 */
export function mismatchDetail(c: ClaimResult): string {
  if (c.status === 'no power' || c.status === 'control silent') return powerProblems(c).join('; ');
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
  const atExpected = report.claims.filter((c) => c.verdict === c.expected).length;
  return {
    claims: report.claims.length,
    atExpected,
    notAtExpected: report.claims.length - atExpected,
    controlsNotOk: report.claims.filter((c) => c.verdict === c.expected && !controlOutcome(c).ok).length,
  };
}

/** "12 claims: 12 at expected verdict, 0 not", with the failed negative controls when there are any. */
export function summaryLine(report: VerifyReport): string {
  const k = counts(report);
  const controls = k.controlsNotOk > 0 ? `; ${k.controlsNotOk} without shown power (a designated fault not refuted or a control silent)` : '';
  return `${k.claims} claim${k.claims === 1 ? '' : 's'}: ${k.atExpected} at expected verdict, ${k.notAtExpected} not${controls}`;
}
