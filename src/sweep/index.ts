/** The phase-transition sweep of docs/theory.md §12: grid, cells, report, merge of shards. */
export { cellKey, parseAxis, sweepCells, SWEEP_KINDS } from './grid.js';
export type { SweepCellRef, SweepSpec } from './grid.js';
export { quantiles, replicateSeed, runSweepCell, SWEEP_MC_CONFIDENCE } from './cell.js';
export type { SweepCell, SweepError, SweepQuantiles, SweepReplicate } from './cell.js';
export { summarizeSweep, sweepJson, sweepReport, TRANSITION_LEVEL } from './report.js';
export type { SweepReport, SweepSummary, TransitionCrossing } from './report.js';
