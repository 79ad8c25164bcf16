import { describe, expect, it } from 'vitest';
import type { PowerCell, PowerReport } from '../claims/core/power.js';
import { vegaMarks } from './_testing/vegaMarks.js';
import { textContent } from './_testing/xml.js';
import { powerMatrixSpec } from './powerPlot.js';
import { renderSvg } from './vega.js';

const cell = (refuted: number, runs = 20): PowerCell => ({ runs, refuted, rate: runs > 0 ? refuted / runs : null, rateLower95: null, epsilon: null });
const report: PowerReport = {
  tool: 'benign-check',
  version: '0.1.0',
  seed: 5,
  runs: 20,
  tier: 'quick',
  claims: [
    { id: 'H-ACT', expected: 'holds', designated: ['a'], baseline: cell(0), faults: { a: cell(20), b: cell(3) } },
    { id: 'H-ERR', expected: 'holds', designated: ['b'], baseline: cell(0), faults: { a: cell(0, 0), b: cell(19) } },
    { id: 'H-LIN-UNBALANCED', expected: 'refuted', designated: [], baseline: cell(20), faults: {} },
  ],
  faults: ['a', 'b', 'unused'].map((id) => ({ id, description: id, continuous: false, layer: 'engine' as const })),
};

describe('powerMatrixSpec', () => {
  it('draws one rect and one label per measured cell, designated cells outlined, unused faults left out', async () => {
    const svg = await renderSvg(powerMatrixSpec(report));
    const { root, marks } = vegaMarks(svg);
    const count = (type: string) => marks.filter((m) => m.type === type).reduce((s, m) => s + m.items, 0);
    // 3 baselines + H-ACT × {a, b} + H-ERR × b (H-ERR × a had no applicable scenario).
    expect(count('rect')).toBe(6);
    expect(count('text')).toBe(6);
    expect((svg.match(/stroke="#cf222e"/g) ?? []).length).toBe(2);
    const t = textContent(root);
    expect(t).toContain('benign-check power');
    expect(t).not.toContain('unused');
    expect(t).toContain('95');
  });
});
