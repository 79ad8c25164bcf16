import type { ClaimResult } from '../../../claims/core/result.js';
import { signedSig3 } from '../numbers.js';
import { COLOR, px, spacedLabels, text } from './draw.js';
import { slackScale } from './scale.js';

/** Heights in px: the title line, the band the dots sit in, the tick labels. */
const TITLE = 16;
const BAND = 30;
const TICKS = 16;
/** Extra height for the caption that counts runs at ±∞ or NaN. */
const CAPTION = 14;
/** Dot radius in px, and the radii of the counterexample ring and the control diamond. */
const DOT = 3;
const RING = 6.5;
const DIAMOND = 5.5;
/** The golden-ratio fraction: successive runs get well-spread vertical offsets, the same on every render. */
const GOLDEN = 0.6180339887498949;

/**
 * The slack strip of one claim at (x, y), `width` px wide: one dot per applicable run at its slack
 * (blue ≥ 0, red < 0), the counterexample ringed, a refuted designated fault as a purple diamond, the
 * region below 0 tinted and the 0 line drawn; tick labels that would overlap are thinned out from
 * 0. Inapplicable runs (slack 0 by convention) are counted in the title, not drawn; non-finite
 * slacks are counted in a caption. Returns the markup and its height in px.
 */
export function slackStrip(c: ClaimResult, x: number, y: number, width: number): { svg: string; height: number } {
  const applicable = c.details.filter((r) => r.verdict !== 'inapplicable');
  const finite = applicable.filter((r) => Number.isFinite(r.slack));
  const control = c.designated.find((f) => f.refuted)?.slack ?? null;
  const cx = c.counterexample?.verdict.slack;
  const shown = [
    ...finite.map((r) => r.slack),
    ...(control !== null && Number.isFinite(control) ? [control] : []),
    ...(cx !== undefined && Number.isFinite(cx) ? [cx] : []),
  ];
  const scale = slackScale(shown);
  const X = (v: number) => x + scale.at(v) * width;
  const top = y + TITLE;
  const mid = top + BAND / 2;

  const inapplicable = c.details.length - applicable.length;
  const title = [
    `slack per run: ${applicable.length} applicable`,
    ...(inapplicable > 0 ? [`${inapplicable} inapplicable not drawn`] : []),
    `worst ${signedSig3(c.worstSlack)}`,
    `control ${signedSig3(control)}`,
    ...(scale.kind === 'symlog' ? ['symmetric log scale'] : []),
  ].join(' · ');

  const out: string[] = ['<g class="slack-strip">', text(x, y + 11, title, { cls: 'strip-title', size: 11, maxWidth: width })];
  const zero = X(0);
  out.push(`<rect x="${px(x)}" y="${px(top)}" width="${px(width)}" height="${BAND}" fill="#f6f8fa"/>`);
  if (zero > x) out.push(`<rect x="${px(x)}" y="${px(top)}" width="${px(zero - x)}" height="${BAND}" fill="${COLOR.badTint}"/>`);
  const labelled = scale.ticks.filter((t) => t.label !== '');
  const keep = spacedLabels(labelled.map((t) => t.label), labelled.map((t) => X(t.value)), 10, Math.max(0, labelled.findIndex((t) => t.value === 0)));
  for (const t of scale.ticks) {
    const tx = X(t.value);
    if (t.value !== 0) out.push(`<line class="grid" x1="${px(tx)}" y1="${px(top)}" x2="${px(tx)}" y2="${px(top + BAND)}"/>`);
  }
  labelled.forEach((t, i) => {
    if (keep[i]) out.push(text(X(t.value), top + BAND + 12, t.label, { cls: 'tick', size: 10, anchor: 'middle' }));
  });
  out.push(`<line class="zero" x1="${px(zero)}" y1="${px(top - 3)}" x2="${px(zero)}" y2="${px(top + BAND + 3)}"/>`);

  finite.forEach((r, i) => {
    const jitter = ((i + 1) * GOLDEN) % 1;
    const cy = top + DOT + 2 + jitter * (BAND - 2 * DOT - 4);
    out.push(`<circle cx="${px(X(r.slack))}" cy="${px(cy)}" r="${DOT}" class="${r.slack < 0 ? 'dot-bad' : 'dot'}"/>`);
  });
  if (cx !== undefined && Number.isFinite(cx)) {
    out.push(`<circle cx="${px(X(cx))}" cy="${px(mid)}" r="${RING}" class="ring"/>`);
  }
  if (control !== null && Number.isFinite(control)) {
    const d = X(control);
    out.push(
      `<path class="diamond" d="M${px(d)},${px(mid - DIAMOND)} L${px(d + DIAMOND)},${px(mid)} L${px(d)},${px(mid + DIAMOND)} L${px(d - DIAMOND)},${px(mid)} Z"/>`,
    );
  }

  if (shown.length === 0) out.push(text(x + 8, mid + 4, 'no applicable run', { cls: 'note', size: 10 }));

  const nonFinite = applicable.length - finite.length;
  let height = TITLE + BAND + TICKS;
  if (nonFinite > 0) {
    const up = applicable.filter((r) => r.slack === Infinity).length;
    const down = applicable.filter((r) => r.slack === -Infinity).length;
    const parts = [
      ...(up > 0 ? [`${up} at +∞`] : []),
      ...(down > 0 ? [`${down} at −∞`] : []),
      ...(nonFinite - up - down > 0 ? [`${nonFinite - up - down} not a number`] : []),
    ];
    out.push(text(x, y + height + 10, `not drawn: ${parts.join(', ')}`, { cls: 'note', size: 10 }));
    height += CAPTION;
  }
  out.push('</g>');
  return { svg: out.join('\n'), height };
}
