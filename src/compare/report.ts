import { InputError } from '../errors.js';
import { float64Trainer } from '../trainers/builtin.js';
import { externalTrainer } from '../trainers/external.js';
import type { Trainer } from '../trainers/types.js';
import { segmentPasses, type SegmentJudgement, type TrajectoryJudgement } from './judge.js';

/** What the compare, fixtures and stress commands share: the trainer flag and the wording of verdicts. */

/** Seconds a trainer may take on one request without --trainer-timeout: these runs are a few dozen steps. */
export const DEFAULT_TRAINER_TIMEOUT_S = 120;

/** A trainer for a command: a user's command line (trainer protocol v1) or the float64 engine; `close` ends its process. */
export interface CommandTrainer {
  readonly trainer: Trainer;
  /** True for a user's trainer. */
  readonly external: boolean;
  close(): Promise<void>;
}

/**
 * `--trainer "CMD"` (a shell command speaking trainer protocol v1, docs/trainer-protocol.md) with
 * `--trainer-timeout S`, or the float64 engine when no command is given.
 * @throws InputError on `--trainer-timeout` without `--trainer`, or not a positive number
 */
export function commandTrainer(command: string | undefined, timeoutSeconds: number | undefined): CommandTrainer {
  if (command === undefined) {
    if (timeoutSeconds !== undefined) throw new InputError('--trainer-timeout', 'applies only with --trainer');
    return { trainer: float64Trainer(), external: false, close: () => Promise.resolve() };
  }
  const seconds = timeoutSeconds ?? DEFAULT_TRAINER_TIMEOUT_S;
  if (!(seconds > 0)) throw new InputError('--trainer-timeout', `must be a positive number of seconds, got ${seconds}`);
  const trainer = externalTrainer(command, { timeoutMs: seconds * 1000, name: `trainer: ${command}` });
  return { trainer, external: true, close: () => trainer.close() };
}

/** `trainer float64`, or the user's trainer by its name (`trainer: CMD`). */
export function trainerLabel(run: CommandTrainer): string {
  return run.external ? run.trainer.name : `trainer ${run.trainer.name}`;
}

/** A number in 3 significant digits (exponent form outside [10⁻³, 10⁴)). */
export function fmt(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e-3 && a < 1e4 ? String(Number(x.toPrecision(3))) : x.toExponential(2);
}

/** `t 16 → 17 (1 step)`. */
export function segmentName(s: SegmentJudgement): string {
  return s.steps === 0 ? `t = ${s.from} (the start)` : `t ${s.from} → ${s.to} (${s.steps} step${s.steps === 1 ? '' : 's'})`;
}

/** One line saying how far a segment left the model, and where. */
export function failureLine(s: SegmentJudgement): string {
  const w = s.worst!;
  if (s.steps === 0) {
    return `W(0)[${w.j}][${w.k}] = ${w.candidate} differs from the problem's W0 = ${w.reference}: the trajectory does not start at W0`;
  }
  return (
    `|W − W_ref| = ${fmt(w.deviation)} at W[${w.j}][${w.k}] is ${fmt(s.ratio)} × its bound ${fmt(w.bound)} ` +
    `(W = ${w.candidate}, reference ${w.reference})`
  );
}

/** The lines of a trajectory's verdict (without a trailing newline on the last). */
export function verdictLines(v: TrajectoryJudgement): string[] {
  const lines: string[] = [];
  const segs = v.segments;
  lines.push(
    `segments: ${segs.length} (${v.judged} judged, ${v.kinkSegments} at a kink: not judged, ${v.unboundedSegments} unbounded: not judged); ` +
      `reference: decimal GD at ${v.digits} digits`,
  );
  if (v.judged > 0) {
    const worst = segs.filter((s) => s.status === 'judged').reduce((a, b) => (b.ratio > a.ratio ? b : a));
    lines.push(`worst ratio |W − W_ref| / bound: ${fmt(worst.ratio)} (${segmentName(worst)})`);
  }
  for (const s of segs.filter((x) => x.status === 'kink').slice(0, 5)) {
    const k = s.firstKink!;
    lines.push(
      `kink: not judged: ${segmentName(s)}: z_${k.i},${k.j} = ⟨w_${k.j}, x_${k.i}⟩ = ${fmt(k.z)} at t = ${k.t} is within its error radius ${fmt(k.radius)} of 0 ` +
        `(${s.kinks} such pre-activation${s.kinks === 1 ? '' : 's'}; ratio ${fmt(s.ratio)} for information)`,
    );
  }
  if (v.kinkSegments > 5) lines.push(`kink: not judged: … ${v.kinkSegments - 5} more segments`);
  for (const s of segs.filter((x) => x.status === 'unbounded').slice(0, 5)) lines.push(`unbounded: not judged: ${segmentName(s)}: ${s.reason}`);
  const longest = Math.max(0, ...segs.map((s) => s.steps));
  if (longest > 1) {
    lines.push(`note: segments of several steps (up to ${longest}) have looser bounds, growing with their length; checkpoints every step are the sharp test`);
  }
  if (v.firstFailure) {
    const f = v.firstFailure;
    lines.push(`LEAVES THE MODEL at t = ${f.to} (${segmentName(f)}): ${failureLine(f)}`);
    const all = segs.filter((s) => !segmentPasses(s));
    if (all.length > 1) lines.push(`beyond the bound: ${all.length} segments, ending at t = ${all.slice(0, 12).map((s) => s.to).join(', ')}${all.length > 12 ? ', …' : ''}`);
  } else if (v.judged === 0) {
    lines.push('within the model, vacuously: no segment could be judged');
  } else {
    lines.push('within the model: every judged segment is within its bound (ratio ≤ 1)');
  }
  return lines;
}
