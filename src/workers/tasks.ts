import { calibrateClaim, type Calibration } from '../claims/core/calibrate.js';
import { referenceContext } from '../claims/core/context.js';
import { powerRow, type PowerRow } from '../claims/core/power.js';
import type { ControlCheck, FaultCheck } from '../claims/core/result.js';
import { evaluateMainRuns, mainRunCount, searchControl, searchDesignatedFault, shrinkRefutation, DEFAULT_SHRINK_BUDGET, type Counterexample, type IndexedRun } from '../claims/core/runner.js';
import type { Tier } from '../claims/core/types.js';
import { catalogue, faultCatalogue } from '../papers/registry.js';
import { runSweepCell, type SweepCell } from '../sweep/cell.js';
import type { SweepCellRef, SweepSpec } from '../sweep/grid.js';

/**
 * A unit of work a pool worker runs: plain data (structured-clonable), so the same task gives the same
 * result in the main thread and in any worker. Every task carries its seeds; none depends on which
 * worker runs it or when.
 */
export type Task =
  | { readonly kind: 'sweep-cell'; readonly spec: SweepSpec; readonly cell: SweepCellRef; readonly globalSeed: number }
  | { readonly kind: 'claim-main'; readonly id: string; readonly globalSeed: number; readonly tier: Tier; readonly from: number; readonly to: number }
  | { readonly kind: 'claim-fault'; readonly id: string; readonly runs: number; readonly globalSeed: number; readonly k: number }
  | { readonly kind: 'claim-control'; readonly id: string; readonly runs: number; readonly globalSeed: number; readonly k: number }
  | { readonly kind: 'claim-shrink'; readonly id: string; readonly runs: number; readonly globalSeed: number; readonly tier: Tier; readonly index: number }
  | { readonly kind: 'calibrate-claim'; readonly id: string; readonly runs: number; readonly globalSeed: number; readonly tier: Tier }
  | { readonly kind: 'power-row'; readonly id: string; readonly faults: readonly string[]; readonly runs: number; readonly globalSeed: number; readonly tier: Tier; readonly bisect: boolean };

/** The result type of each task kind. */
export interface TaskResults {
  'sweep-cell': SweepCell;
  'claim-main': readonly IndexedRun[];
  'claim-fault': FaultCheck;
  'claim-control': ControlCheck;
  'claim-shrink': Counterexample;
  'calibrate-claim': Calibration;
  'power-row': PowerRow;
}

function claim(id: string) {
  const c = catalogue.find((x) => x.id === id);
  if (!c) throw new Error(`no claim ${id} in the catalogue`);
  return c;
}

/** Runs one task in the reference context (the float64 engine and the reference theory). */
export async function runTask(task: Task): Promise<TaskResults[Task['kind']]> {
  const context = referenceContext();
  switch (task.kind) {
    case 'sweep-cell':
      return runSweepCell(task.spec, task.cell, task.globalSeed, context);
    case 'claim-main':
      return evaluateMainRuns(claim(task.id), task.tier, task.globalSeed, context, task.from, task.to);
    case 'claim-fault':
      return searchDesignatedFault(claim(task.id), task.k, { runs: task.runs, globalSeed: task.globalSeed, context, faults: faultCatalogue });
    case 'claim-control':
      return searchControl(claim(task.id), task.k, { runs: task.runs, globalSeed: task.globalSeed, context });
    case 'claim-shrink': {
      const c = claim(task.id);
      return shrinkRefutation(c, task.tier, task.globalSeed, context, task.index, mainRunCount(c, task.runs), DEFAULT_SHRINK_BUDGET);
    }
    case 'calibrate-claim':
      return calibrateClaim(claim(task.id), { runs: task.runs, globalSeed: task.globalSeed, tier: task.tier, context });
    case 'power-row': {
      const faults = task.faults.map((f) => {
        const fault = faultCatalogue.get(f);
        if (!fault) throw new Error(`no fault ${f} in the catalogue`);
        return fault;
      });
      return powerRow(claim(task.id), faults, { runs: task.runs, globalSeed: task.globalSeed, tier: task.tier, context, bisect: task.bisect });
    }
  }
}
