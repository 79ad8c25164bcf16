import type { Calibration } from '../claims/core/calibrate.js';
import type { PowerRow } from '../claims/core/power.js';
import type { ControlCheck, FaultCheck } from '../claims/core/result.js';
import type { Counterexample, IndexedRun } from '../claims/core/runner.js';
import type { Tier } from '../claims/core/types.js';
import type { SweepCell } from '../sweep/cell.js';
import type { SweepCellRef, SweepSpec } from '../sweep/grid.js';
import { packError } from './outcome.js';

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
  | { readonly kind: 'claim-shrink'; readonly id: string; readonly runs: number; readonly globalSeed: number; readonly tier: Tier; readonly index: number; readonly shrinkBudget: number }
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

/**
 * Runs one task in the reference context (the float64 engine and the reference theory). Modules load
 * on first use, so a worker that only runs sweep cells never loads the claim catalogue.
 */
export async function runTask(task: Task): Promise<TaskResults[Task['kind']]> {
  const { referenceContext } = await import('../claims/core/context.js');
  const context = referenceContext();
  if (task.kind === 'sweep-cell') {
    const { runSweepCell } = await import('../sweep/cell.js');
    return runSweepCell(task.spec, task.cell, task.globalSeed, context);
  }
  const [{ catalogue, faultCatalogue }, runner] = await Promise.all([import('../papers/registry.js'), import('../claims/core/runner.js')]);
  const c = catalogue.find((x) => x.id === task.id);
  if (!c) throw new Error(`no claim ${task.id} in the catalogue`);
  switch (task.kind) {
    case 'claim-main': {
      // An evaluation's error crosses the thread boundary packed, like a task's own (see outcome.ts).
      const runs = await runner.evaluateMainRuns(c, task.tier, task.globalSeed, context, task.from, task.to);
      return runs.map((r) => ('error' in r ? { index: r.index, error: packError(r.error) } : r));
    }
    case 'claim-fault':
      return runner.searchDesignatedFault(c, task.k, { runs: task.runs, globalSeed: task.globalSeed, context, faults: faultCatalogue });
    case 'claim-control':
      return runner.searchControl(c, task.k, { runs: task.runs, globalSeed: task.globalSeed, context });
    case 'claim-shrink':
      return runner.shrinkRefutation(c, task.tier, task.globalSeed, context, task.index, runner.mainRunCount(c, task.runs), task.shrinkBudget);
    case 'calibrate-claim': {
      const { calibrateClaim } = await import('../claims/core/calibrate.js');
      return calibrateClaim(c, { runs: task.runs, globalSeed: task.globalSeed, tier: task.tier, context });
    }
    case 'power-row': {
      const { powerRow } = await import('../claims/core/power.js');
      const faults = task.faults.map((f) => {
        const fault = faultCatalogue.get(f);
        if (!fault) throw new Error(`no fault ${f} in the catalogue`);
        return fault;
      });
      return powerRow(c, faults, { runs: task.runs, globalSeed: task.globalSeed, tier: task.tier, context, bisect: task.bisect });
    }
  }
}
