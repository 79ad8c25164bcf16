import type { ClaimResult, VerifyReport } from '../claims/core/result.js';
import { seconds, signedSig3 } from './_internals/numbers.js';
import { controlOutcome, counts, mismatchDetail } from './_internals/outcome.js';
import { xmlAttr, xmlText } from './_internals/xml.js';

/** Options of {@link toJUnit}. */
export interface JUnitOptions {
  /**
   * Write each claim's wall time into `time` (default). With `false` every `time` is "0.000", so
   * two runs with the same seed give byte-identical files.
   */
  readonly durations?: boolean;
}

/** The suite name CI dashboards group the claims under. */
const SUITE = 'benign-check verify';

function testcase(c: ClaimResult, durations: boolean): string {
  const control = controlOutcome(c);
  const name = `${c.id} (${c.tag}, expected ${c.expected})`;
  const out = [
    `    <testcase classname="${xmlAttr(c.source)}" name="${xmlAttr(name)}" time="${durations ? seconds(c.millis) : seconds(0)}">`,
  ];
  if (!c.ok) {
    const detail = mismatchDetail(c);
    const message = `expected ${c.expected}, got ${c.verdict} (${c.status}): ${detail}`;
    const body = `${c.id}: expected ${c.expected}, got ${c.verdict} (${c.status})\n${detail}\nreplay: ${c.replay}`;
    out.push(`      <failure message="${xmlAttr(message)}" type="${c.status === 'mismatch' ? 'verdict' : 'power'}">${xmlText(body)}</failure>`);
  }
  const sysout = [
    `verdict: ${c.verdict} (expected ${c.expected})`,
    `runs: ${c.applicableRuns}/${c.runs} applicable`,
    `worst slack: ${signedSig3(c.worstSlack)}`,
    `power: ${control.label}`,
    ...c.designated.map((f) => `  fault ${f.fault}${f.epsilon !== null ? ` (ε = ${f.epsilon})` : ''}: ${f.refuted ? 'refuted' : 'NOT refuted'} after ${f.searched} scenarios (slack ${signedSig3(f.slack)})`),
    ...c.controls.map((k) => `  control ${k.fired ? 'fired' : 'silent'}: ${k.description}`),
    `seed: ${c.seed}`,
    `replay: ${c.replay}`,
  ].join('\n');
  out.push(`      <system-out>${xmlText(sysout)}</system-out>`, '    </testcase>');
  return out.join('\n');
}

/**
 * The verify report as JUnit XML (the dialect GitLab, Jenkins and the GitHub test-report actions
 * read): `<testsuites>` holding one `<testsuite name="benign-check verify">` with `tests`,
 * `failures` (claims not at their expected verdict, the same count that sets the exit code),
 * `errors="0"`, `skipped="0"`, and properties `seed`, `version`, `runsPerClaim`; one `<testcase
 * classname="<source>" name="<id> (<tag>, expected <expected>)" time="<seconds>">` per claim, with a
 * `<failure>` (message: verdicts and detail; body adds the replay command) when it is not ok, and
 * `<system-out>` with the worst slack and the negative-control outcome. No timestamp or host name,
 * so the bytes depend only on the report (see {@link JUnitOptions.durations} for the times).
 * A claim without shown power (a designated fault not refuted, a control silent) is a failure of
 * type "power", as it sets the exit code too. Ends with a newline.
 */
export function toJUnit(report: VerifyReport, opts: JUnitOptions = {}): string {
  const durations = opts.durations ?? true;
  const k = counts(report);
  const total = durations ? seconds(report.claims.reduce((s, c) => s + (Number.isFinite(c.millis) && c.millis > 0 ? c.millis : 0), 0)) : seconds(0);
  const counters = `tests="${k.claims}" failures="${k.notAtExpected + k.controlsNotOk}" errors="0" skipped="0" time="${total}"`;
  const properties = [
    ['seed', String(report.seed)],
    ['version', report.version],
    ['runsPerClaim', String(report.runsPerClaim)],
    ['tier', report.tier],
    ['trainer', report.trainer],
  ].map(([n, v]) => `      <property name="${xmlAttr(n)}" value="${xmlAttr(v)}"/>`);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttr(report.tool)}" ${counters}>`,
    `  <testsuite name="${SUITE}" ${counters}>`,
    '    <properties>',
    ...properties,
    '    </properties>',
    ...report.claims.map((c) => testcase(c, durations)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
