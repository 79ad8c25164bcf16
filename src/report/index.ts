/** Renderers of a verify report: text table, JSON, JUnit XML and SVG (pure functions, no I/O); vega-lite plots. */
export { formatTable } from './table.js';
export type { TableOptions } from './table.js';
export { toJsonReport } from './json.js';
export { toJUnit } from './junit.js';
export type { JUnitOptions } from './junit.js';
export { toSvgReport } from './svg.js';
export { verifyReportSpec } from './svg.js';
export { phaseDiagramSpec } from './phase.js';
export { powerMatrixSpec } from './powerPlot.js';
export { renderSvg } from './vega.js';
export type { VegaLiteSpec } from './vega.js';
