import { px, spacedLabels, text } from './draw.js';
import { dataScale } from './scale.js';

/** How a trace is drawn: a run by its verdict, or the shrunk counterexample (on top, bold). */
export type TraceRole = 'inapplicable' | 'holds' | 'refuted' | 'counterexample';

/** One run's points of one series. */
export interface Trace {
  readonly role: TraceRole;
  readonly points: readonly (readonly [number, number])[];
}

/** Width in px of one small-multiple plot, tick labels included (three fit beside the info column). */
export const PLOT_WIDTH = 240;
/** Height in px of one small-multiple plot, title, tick labels and caption included. */
export const PLOT_HEIGHT = 188;

/** Room around the plotting area in px: y tick labels left, title above, x ticks, x label and captions below. */
const INSET = { left: 46, right: 10, top: 22, bottom: 60 } as const;
/** The title shares its line with the run count on the right (up to ~110 px at 10 px, plus a gap). */
const TITLE_WIDTH = PLOT_WIDTH - 122;
/** Consecutive points closer than this (px, both directions) are merged: a 10⁵-checkpoint run stays a small path. */
const MERGE_PX = 0.5;

/** At most this many runs are drawn per plot: more lines only thicken the band, and a 1000-point run adds ~4 kB. */
const MAX_RUN_TRACES = 50;

/** Back to front: the counterexample on top, refuted runs over the ones that held. */
const DRAW_ORDER: readonly TraceRole[] = ['inapplicable', 'holds', 'refuted', 'counterexample'];
/** Which runs are kept when there are too many: refuted ones first, they are what a reader looks for. */
const KEEP_ORDER: readonly TraceRole[] = ['refuted', 'holds', 'inapplicable'];

/** "direction error vs t" → y "direction error", x "t"; a name without " vs " labels only y. */
function axisNames(name: string): { y: string; x: string } {
  const at = name.lastIndexOf(' vs ');
  return at > 0 ? { y: name.slice(0, at), x: name.slice(at + 4) } : { y: name, x: '' };
}

/**
 * One small-multiple plot of the series `name` at (x, y): every trace as a line on shared axes,
 * each axis log when its positive values span more than 2 decades and at most 10 % are ≤ 0 (see
 * `dataScale`), linear otherwise. The y axis is named by the series, the x axis by the part after
 * " vs ". Non-finite points are skipped, breaking the line there, and counted (over all runs, drawn
 * or not) in the caption; so are the few points ≤ 0 a log axis leaves off. At most 50 runs are drawn (refuted ones first; the
 * note by the title says how many); the counterexample always is. With no finite point the frame says so.
 */
export function seriesPlot(name: string, traces: readonly Trace[], x: number, y: number): string {
  const names = axisNames(name);
  const x0 = x + INSET.left;
  const x1 = x + PLOT_WIDTH - INSET.right;
  const y0 = y + INSET.top;
  const y1 = y + PLOT_HEIGHT - INSET.bottom;
  const out: string[] = [`<g class="series-plot">`];
  out.push(text(x + 2, y + 12, names.y, { cls: 'plot-title', size: 11, face: 'bold', maxWidth: TITLE_WIDTH }));

  const runTraces = traces.filter((t) => t.role !== 'counterexample');
  const drawn = [
    ...KEEP_ORDER.flatMap((role) => runTraces.filter((t) => t.role === role)).slice(0, MAX_RUN_TRACES),
    ...traces.filter((t) => t.role === 'counterexample'),
  ];
  const skipped = traces.reduce((k, t) => k + t.points.filter(([a, b]) => !(Number.isFinite(a) && Number.isFinite(b))).length, 0);
  const finite = drawn.flatMap((t) => t.points.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b)));
  // The x axis first; the y axis from the points the x axis keeps, so a dropped t = 0 cannot stretch it.
  const sx = finite.length > 0 ? dataScale(finite.map((p) => p[0])) : undefined;
  const onX = finite.filter(([a]) => sx?.kind !== 'log' || a > 0);
  const sy = onX.length > 0 ? dataScale(onX.map((p) => p[1])) : undefined;
  const onLog = ([a, b]: readonly [number, number]) => (sx?.kind !== 'log' || a > 0) && (sy?.kind !== 'log' || b > 0);
  const offX = finite.length - onX.length;
  const offY = onX.filter((p) => !onLog(p)).length;

  // Lines break where a point is skipped, rather than bridging the gap.
  const segments: { role: TraceRole; points: [number, number][] }[] = [];
  for (const tr of drawn) {
    let current: [number, number][] = [];
    for (const p of tr.points) {
      if (Number.isFinite(p[0]) && Number.isFinite(p[1]) && onLog(p)) {
        current.push([p[0], p[1]]);
      } else {
        if (current.length > 0) segments.push({ role: tr.role, points: current });
        current = [];
      }
    }
    if (current.length > 0) segments.push({ role: tr.role, points: current });
  }

  const runs = runTraces.length;
  const cx = traces.some((t) => t.role === 'counterexample');
  const shownRuns = Math.min(runs, MAX_RUN_TRACES);
  const runsNote = `${shownRuns < runs ? `${shownRuns} of ${runs} runs drawn` : `${runs} run${runs === 1 ? '' : 's'}`}${cx ? ' + counterexample' : ''}`;
  const plural = (k: number, what: string) => `${k} ${what}${k === 1 ? '' : 's'}`;
  const caption = [
    ...(skipped > 0 ? [`${plural(skipped, 'non-finite point')} skipped`] : []),
    ...(offX > 0 ? [`${plural(offX, 'point')} at ${names.x || 'x'} ≤ 0 left off (log axis)`] : []),
    ...(offY > 0 ? [`${plural(offY, 'point')} at ${names.y} ≤ 0 left off (log axis)`] : []),
  ];
  out.push(text(x + PLOT_WIDTH - INSET.right, y + 12, runsNote, { cls: 'note', size: 10, anchor: 'end' }));

  out.push(`<rect class="frame" x="${px(x0)}" y="${px(y0)}" width="${px(x1 - x0)}" height="${px(y1 - y0)}"/>`);
  if (sx === undefined || sy === undefined) {
    out.push(text((x0 + x1) / 2, (y0 + y1) / 2 + 4, 'no finite points', { cls: 'note', size: 10, anchor: 'middle' }));
  } else {
    const X = (v: number) => x0 + sx.at(v) * (x1 - x0);
    const Y = (v: number) => y1 - sy.at(v) * (y1 - y0);
    const xLabelled = sx.ticks.filter((t) => t.label !== '');
    const keep = spacedLabels(xLabelled.map((t) => t.label), xLabelled.map((t) => X(t.value)), 10);
    for (const t of sx.ticks) {
      const tx = X(t.value);
      out.push(`<line class="${t.label ? 'grid' : 'grid minor'}" x1="${px(tx)}" y1="${px(y0)}" x2="${px(tx)}" y2="${px(y1)}"/>`);
    }
    xLabelled.forEach((t, i) => {
      if (keep[i]) out.push(text(X(t.value), y1 + 13, t.label, { cls: 'tick', size: 10, anchor: 'middle' }));
    });
    for (const t of sy.ticks) {
      const ty = Y(t.value);
      out.push(`<line class="${t.label ? 'grid' : 'grid minor'}" x1="${px(x0)}" y1="${px(ty)}" x2="${px(x1)}" y2="${px(ty)}"/>`);
      if (t.label) out.push(text(x0 - 4, ty + 3.5, t.label, { cls: 'tick', size: 10, anchor: 'end' }));
    }
    out.push(`<rect class="frame" x="${px(x0)}" y="${px(y0)}" width="${px(x1 - x0)}" height="${px(y1 - y0)}"/>`);
    for (const role of DRAW_ORDER) {
      for (const s of segments.filter((g) => g.role === role)) {
        const pts: [number, number][] = [];
        s.points.forEach(([a, b], i) => {
          const p: [number, number] = [X(a), Y(b)];
          const last = pts[pts.length - 1];
          const isEnd = i === s.points.length - 1;
          if (last && !isEnd && Math.abs(p[0] - last[0]) < MERGE_PX && Math.abs(p[1] - last[1]) < MERGE_PX) return;
          pts.push(p);
        });
        const point = pts.every((p) => Math.abs(p[0] - pts[0][0]) < MERGE_PX && Math.abs(p[1] - pts[0][1]) < MERGE_PX);
        out.push(
          point
            ? `<circle class="pt-${role}" cx="${px(pts[0][0])}" cy="${px(pts[0][1])}" r="2"/>`
            : `<polyline class="tr-${role}" points="${pts.map(([a, b]) => `${px(a)},${px(b)}`).join(' ')}"/>`,
        );
      }
    }
    if (names.x) out.push(text((x0 + x1) / 2, y1 + 27, names.x, { cls: 'axis-label', size: 11, anchor: 'middle', maxWidth: x1 - x0 }));
  }
  caption.forEach((line, i) => out.push(text(x + 2, y1 + 40 + 11 * i, line, { cls: 'note', size: 10, maxWidth: PLOT_WIDTH - 4 })));
  out.push('</g>');
  return out.join('\n');
}
