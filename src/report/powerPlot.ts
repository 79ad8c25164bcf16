import type { PowerReport } from '../claims/core/power.js';
import { VEGA_LITE_SCHEMA, type VegaLiteSpec } from './vega.js';

/**
 * The power matrix of `benign-check power` as a vega-lite heatmap: one row per claim, one column per
 * fault that some claim was run against (the baseline "none" first), each cell coloured by the
 * refutation rate and labelled in percent; designated cells outlined, with their one-sided 95% lower
 * limit in the tooltip. Unmeasured cells (no applicable scenario) are left blank.
 */
export function powerMatrixSpec(report: PowerReport): VegaLiteSpec {
  const faultIds = report.faults.map((f) => f.id).filter((id) => report.claims.some((r) => r.faults[id] !== undefined));
  const columns = ['none', ...faultIds];
  const cells = report.claims.flatMap((r) =>
    columns.flatMap((fault) => {
      const c = fault === 'none' ? r.baseline : r.faults[fault];
      if (!c || c.rate === null) return [];
      return [{ claim: r.id, fault, rate: c.rate, label: `${Math.round(c.rate * 100)}`, designated: r.designated.includes(fault), lower95: c.rateLower95, runs: c.runs }];
    }),
  );
  const x = { field: 'fault', type: 'nominal', sort: columns, title: 'fault ("none": the reference trainer and theory)', axis: { labelAngle: -40 } };
  const y = { field: 'claim', type: 'nominal', sort: report.claims.map((r) => r.id), title: null };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'benign-check power', subtitle: `refutation rate over ${report.runs} scenarios per cell · seed ${report.seed} · tier ${report.tier} · outlined: designated`, anchor: 'start' },
    background: 'white',
    config: { font: 'DejaVu Sans', view: { stroke: null } },
    data: { values: cells },
    width: { step: 44 },
    height: { step: 26 },
    layer: [
      {
        mark: { type: 'rect', tooltip: true },
        encoding: {
          x,
          y,
          color: { field: 'rate', type: 'quantitative', scale: { domain: [0, 1], scheme: 'blues' }, title: 'rate' },
          stroke: { condition: { test: 'datum.designated', value: '#cf222e' }, value: null },
          strokeWidth: { condition: { test: 'datum.designated', value: 2 }, value: 0 },
        },
      },
      {
        mark: { type: 'text', fontSize: 10 },
        encoding: {
          x,
          y,
          text: { field: 'label' },
          color: { condition: { test: 'datum.rate > 0.6', value: 'white' }, value: '#24292f' },
        },
      },
    ],
  } as VegaLiteSpec;
}
