/** Renderers of a verify report: text table, JSON, JUnit XML and SVG (pure functions, no I/O). */
export { formatTable } from './table.js';
export type { TableOptions } from './table.js';
export { toJsonReport } from './json.js';
export { toJUnit } from './junit.js';
export type { JUnitOptions } from './junit.js';
export { toSvgReport } from './svg.js';
