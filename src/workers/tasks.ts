import { calibrateClaim, type Calibration } from '../claims/core/calibrate.js';
import { referenceContext } from '../claims/core/context.js';
import { powerRow, type PowerRow } from '../claims/core/power.js';
import type { ClaimResult } from '../claims/core/result.js';
import { verifyClaim } from '../claims/core/runner.js';
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
  | { readonly kind: 'verify-claim'; readonly id: string; readonly runs: number; readonly globalSeed: number; readonly tier: Tier; readonly replayFlags: string }
  | { readonly kind: 'calibrate-claim'; readonly id: string; readonly runs: number; readonly globalSeed: number; readonly tier: Tier }
  | { readonly kind: 'power-row'; readonly id: string; readonly faults: readonly string[]; readonly runs: number; readonly globalSeed: number; readonly tier: Tier; readonly bisect: boolean };

/** The result type of each task kind. */
export interface TaskResults {
  'sweep-cell': SweepCell;
  'verify-claim': ClaimResult;
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
    case 'verify-claim':
      return verifyClaim(claim(task.id), {
        runs: task.runs,
        globalSeed: task.globalSeed,
        tier: task.tier,
        context,
        faults: faultCatalogue,
        replay: (id) => `npx benign-check verify --claims ${id}${task.replayFlags} --runs ${task.runs} --seed ${task.globalSeed}`,
      });
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
