import { InputError } from '../errors.js';
import { resultsSchema, type BenchResults } from './results.js';

/**
 * The slow-down rule. A row is flagged when
 *
 *   median_new − median_base > 3 · (MAD_new + MAD_base).
 *
 * Why: the MAD is a robust scale of one sample's noise (for Gaussian noise MAD ≈ 0.674σ) that a few
 * preempted samples do not inflate. With equal noise σ in both runs the threshold is ≈ 4.05σ, while the
 * difference of two medians of k samples has standard error ≈ 1.253σ·√(2/k) (asymptotic variance of
 * the median): the threshold is ≈ 5 standard errors at k = 5 and ≈ 7.6 at k = 11, so pure noise
 * practically never trips it (the MAD of a few samples is itself noisy, hence the wide margin), and
 * a slow-down that does is larger than the noise of either run. It compares runs of one machine under
 * similar load; across machines it means nothing.
 */
export const slowdownMadFactor = 3;

/** The verdict on one row present in the baseline or the new run. */
export interface RowComparison {
  readonly id: string;
  /** `slower`: flagged by the rule; `same`: within noise or faster; `new` / `missing`: in one run only. */
  readonly verdict: 'slower' | 'same' | 'new' | 'missing';
  readonly baseMedian?: number;
  readonly newMedian?: number;
  /** `3·(MAD_new + MAD_base)`, in the rows' unit. */
  readonly threshold?: number;
}

/**
 * Compares the measured rows of two runs by id, under the rule of {@link slowdownMadFactor}.
 * @throws InputError (`--baseline`) when the two runs timed their engines on different clocks
 */
export function compareToBaseline(current: BenchResults, baseline: BenchResults): RowComparison[] {
  if (current.clock !== baseline.clock) {
    throw new InputError('--baseline', `measured on the ${baseline.clock} clock, this run on ${current.clock}: rerun with --clock ${baseline.clock}`);
  }
  const base = new Map(baseline.rows.filter((r) => r.summary).map((r) => [r.id, r.summary!]));
  const out: RowComparison[] = [];
  for (const row of current.rows) {
    const b = base.get(row.id);
    const s = row.summary;
    if (!s) continue;
    if (!b) {
      out.push({ id: row.id, verdict: 'new', newMedian: s.median });
      continue;
    }
    base.delete(row.id);
    const threshold = slowdownMadFactor * (s.mad + b.mad);
    out.push({
      id: row.id,
      verdict: s.median - b.median > threshold ? 'slower' : 'same',
      baseMedian: b.median,
      newMedian: s.median,
      threshold,
    });
  }
  for (const [id, b] of base) out.push({ id, verdict: 'missing', baseMedian: b.median });
  return out;
}

/**
 * Reads a saved run back, checking the shape the comparison relies on.
 * @throws InputError naming `field` when the text is not a results file of this schema
 */
export function parseResults(text: string, field: string): BenchResults {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(field, `not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const r = raw as Partial<BenchResults> | null;
  if (typeof r !== 'object' || r === null || r.schema !== resultsSchema || !Array.isArray(r.rows) || (r.clock !== 'wall' && r.clock !== 'cpu')) {
    throw new InputError(field, `not a ${resultsSchema} results file`);
  }
  for (const [i, row] of r.rows.entries()) {
    if (typeof row?.id !== 'string') throw new InputError(`${field}: rows[${i}].id`, 'expected a string');
    const s = row.summary;
    if (s !== undefined && !(Number.isFinite(s.median) && Number.isFinite(s.mad))) {
      throw new InputError(`${field}: rows[${i}].summary`, 'expected finite median and mad');
    }
  }
  return r as BenchResults;
}
