import { NumericalError } from '../../../errors.js';
import { truncate } from '../text.js';
import { xmlAttr, xmlText } from '../xml.js';

/** Colours of the report (GitHub's palette: readable on white, distinct for red-green colour blindness by lightness). */
export const COLOR = {
  ok: '#1a7f37',
  bad: '#cf222e',
  badTint: '#ffebe9',
  run: '#3b6fb6',
  control: '#8250df',
  muted: '#57606a',
  faint: '#8c959f',
  grid: '#eaeef2',
  ink: '#24292f',
} as const;

/**
 * A coordinate or length for an SVG attribute, to 0.1 px. A non-finite value is a defect in the
 * layout code and throws, so the file never carries "NaN".
 */
export function px(v: number): string {
  if (!Number.isFinite(v)) throw new NumericalError('SVG coordinate', `non-finite value ${v} in the report layout`);
  return String(Math.round(v * 10) / 10);
}

/** Average advance of a character, in em, used to fit text (DejaVu Sans mixed text runs 0.52–0.6). */
const SANS_EM = 0.58;
/** Advance of a bold capital, in em: badges and ids are upper-case bold (DejaVu Sans Bold capitals: 0.70–0.84). */
const BOLD_CAPS_EM = 0.78;
/** Average advance of bold mixed text, in em (DejaVu Sans Bold: 0.6–0.68). */
const BOLD_EM = 0.66;
/** Advance of a monospace character, in em (DejaVu Sans Mono, Menlo, Consolas: 0.60). */
const MONO_EM = 0.6;

/** Estimated width in px of `s` at `size` px. */
export function textWidth(s: string, size: number, mono = false): number {
  return [...s].length * size * (mono ? MONO_EM : SANS_EM);
}

/** Which advance {@link fitChars} assumes: regular sans, monospace, bold, or bold capitals. */
export type Face = 'sans' | 'mono' | 'bold' | 'bold-caps';

const EM: Readonly<Record<Face, number>> = { sans: SANS_EM, mono: MONO_EM, bold: BOLD_EM, 'bold-caps': BOLD_CAPS_EM };

/** How many characters of `face` fit into `width` px at `size` px (at least 1). */
export function fitChars(width: number, size: number, face: Face = 'sans'): number {
  return Math.max(1, Math.floor(width / (size * EM[face])));
}

/** Options of {@link text}. */
export interface TextOptions {
  readonly cls?: string;
  readonly anchor?: 'start' | 'middle' | 'end';
  /** Cut to this width in px with '…' (estimated at `size`). */
  readonly maxWidth?: number;
  readonly size?: number;
  /** The face assumed when cutting to `maxWidth` (regular sans by default). */
  readonly face?: Face;
  readonly fill?: string;
  readonly transform?: string;
}

/** A `<text>` element with escaped content. */
export function text(x: number, y: number, s: string, o: TextOptions = {}): string {
  const size = o.size ?? 12;
  const content = o.maxWidth !== undefined ? truncate(s, fitChars(o.maxWidth, size, o.face)) : s;
  const attrs = [
    `x="${px(x)}"`,
    `y="${px(y)}"`,
    o.cls ? `class="${xmlAttr(o.cls)}"` : '',
    o.anchor && o.anchor !== 'start' ? `text-anchor="${o.anchor}"` : '',
    o.size !== undefined ? `font-size="${px(o.size)}"` : '',
    o.fill ? `fill="${o.fill}"` : '',
    o.transform ? `transform="${o.transform}"` : '',
  ].filter((a) => a !== '');
  return `<text ${attrs.join(' ')}>${xmlText(content)}</text>`;
}

/** Width in px of the badge {@link badge} draws for `label` at `size` px: the text and 7 px each side. */
export function badgeWidth(label: string, size = 11): number {
  return [...label].length * size * BOLD_CAPS_EM + 14;
}

/** A rounded badge with white bold text; returns the markup and its width. */
export function badge(x: number, y: number, label: string, fill: string, size = 11): { svg: string; width: number } {
  const width = badgeWidth(label, size);
  const height = size + 9;
  return {
    svg:
      `<rect x="${px(x)}" y="${px(y)}" width="${px(width)}" height="${px(height)}" rx="4" fill="${fill}"/>` +
      text(x + width / 2, y + height / 2 + size * 0.36, label, { cls: 'badge', anchor: 'middle', size }),
    width,
  };
}

/** Least space in px between the estimated extents of two neighbouring tick labels. */
const LABEL_GAP = 6;

/**
 * Which centred tick labels along a horizontal axis to keep so none overlap: greedily outward from
 * the tick at `from` (a strip keeps its 0 label; a plot starts at its left end). `at` are the label
 * centres in px, in increasing order; returns a keep flag per label.
 */
export function spacedLabels(labels: readonly string[], at: readonly number[], size: number, from = 0): boolean[] {
  const keep = labels.map(() => false);
  const half = (i: number) => textWidth(labels[i], size) / 2;
  if (labels.length === 0) return keep;
  keep[from] = true;
  for (const dir of [1, -1]) {
    let last = from;
    for (let i = from + dir; i >= 0 && i < labels.length; i += dir) {
      if (Math.abs(at[i] - at[last]) >= half(i) + half(last) + LABEL_GAP) {
        keep[i] = true;
        last = i;
      }
    }
  }
  return keep;
}
