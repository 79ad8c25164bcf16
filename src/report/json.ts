import type { ClaimResult, VerifyReport } from '../claims/core/result.js';
import type { RunVerdict } from '../claims/core/types.js';
import { controlOutcome, counts } from './_internals/outcome.js';

/**
 * A value made JSON-safe: non-finite numbers as the strings "Infinity", "-Infinity", "NaN"; bigints
 * as decimal strings; typed arrays and sets as arrays; maps and plain objects as objects with keys
 * in code-unit order (so the bytes depend on the content, not on construction order); a cycle as
 * "[Circular]"; `undefined` and functions dropped from objects and `null` in arrays, as JSON does.
 */
function plain(value: unknown, path: Set<object> = new Set()): unknown {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'string':
    case 'boolean':
      return value;
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
  if (value === null) return null;
  const obj = value as object;
  if (path.has(obj)) return '[Circular]';
  path.add(obj);
  try {
    if (ArrayBuffer.isView(obj) && !(obj instanceof DataView)) {
      return Array.from(obj as unknown as ArrayLike<number | bigint>, (v) => plain(v, path));
    }
    if (Array.isArray(obj) || obj instanceof Set) return Array.from(obj as Iterable<unknown>, (v) => plain(v, path) ?? null);
    if (obj instanceof Date) return Number.isFinite(obj.getTime()) ? obj.toISOString() : null;
    if ('toJSON' in obj && typeof obj.toJSON === 'function') return plain((obj.toJSON as () => unknown)(), path);
    const entries = obj instanceof Map ? [...obj].map(([k, v]) => [String(k), v] as const) : Object.entries(obj);
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const p = plain(v, path);
      if (p !== undefined) out[k] = p;
    }
    return out;
  } finally {
    path.delete(obj);
  }
}

function runVerdict(r: RunVerdict): Record<string, unknown> {
  return {
    verdict: r.verdict,
    slack: plain(r.slack),
    detail: r.detail,
    measured: plain(r.measured),
    ...(r.series !== undefined ? { series: plain(r.series) } : {}),
  };
}

function claim(c: ClaimResult): Record<string, unknown> {
  const control = controlOutcome(c);
  return {
    id: c.id,
    source: c.source,
    tag: c.tag,
    statement: c.statement,
    expected: c.expected,
    verdict: c.verdict,
    status: c.status,
    ok: c.ok,
    paper: c.paper,
    runs: c.runs,
    applicableRuns: c.applicableRuns,
    seed: c.seed,
    worstSlack: plain(c.worstSlack),
    power: { ok: control.ok, label: control.label },
    designated: c.designated.map((f) => ({ fault: f.fault, epsilon: f.epsilon, why: f.why, refuted: f.refuted, searched: f.searched, slack: plain(f.slack), detail: f.detail })),
    controls: c.controls.map((k) => ({ description: k.description, target: k.target, fired: k.fired, searched: k.searched, slack: plain(k.slack), detail: k.detail })),
    ...(c.counterexample !== undefined
      ? {
          counterexample: {
            shrinks: c.counterexample.shrinks,
            verdict: runVerdict(c.counterexample.verdict),
            scenario: plain(c.counterexample.scenario) ?? null,
          },
        }
      : {}),
    replay: c.replay,
    millis: plain(c.millis),
    runRecords: c.records.map((r) => ({ seed: r.seed, verdict: r.verdict, slack: plain(r.slack), n: r.n, d: r.d, m: r.m, hypotheses: r.hypotheses, detail: r.detail })),
    details: c.details.map(runVerdict),
  };
}

/**
 * The verify report as JSON, 2-space indent, ending in a newline. Keys come in a fixed order:
 * `tool, version, seed, tier, trainer, runsPerClaim, ok, summary {claims, atExpected, notAtExpected,
 * controlsNotOk}, claims[]`, and per claim `id, source, tag, statement, expected, verdict, status, ok,
 * paper, runs, applicableRuns, seed, worstSlack, power {ok, label}, designated[] {fault, epsilon, why,
 * refuted, searched, slack, detail}, controls[] {description, target, fired, searched, slack, detail},
 * counterexample? {shrinks, verdict, scenario}, replay, millis, runRecords[] {seed, verdict, slack, n,
 * d, m, hypotheses, detail}, details[]` (each run: `verdict, slack, detail, measured, series?`).
 * Open-ended records (`measured`, `series`, the scenario) have their keys sorted. `counterexample` is
 * absent when no run refuted the claim. Non-finite numbers are strings ("Infinity", "-Infinity",
 * "NaN"), so the output is strict JSON and loses nothing.
 */
export function toJsonReport(report: VerifyReport): string {
  const k = counts(report);
  const doc = {
    tool: report.tool,
    version: report.version,
    seed: report.seed,
    tier: report.tier,
    trainer: report.trainer,
    runsPerClaim: report.runsPerClaim,
    ok: report.ok,
    summary: { claims: k.claims, atExpected: k.atExpected, notAtExpected: k.notAtExpected, controlsNotOk: k.controlsNotOk },
    claims: report.claims.map(claim),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
