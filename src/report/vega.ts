import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** A vega-lite specification, as written by `--vega FILE` (self-contained: its data inline). */
export type VegaLiteSpec = TopLevelSpec;

/** The schema every spec names. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * vega numbers clip paths and gradients from a process-wide counter; renumbering them in order of
 * first use makes the SVG a function of the spec alone, however many plots the process drew before.
 */
function renumberIds(svg: string): string {
  const seen = new Map<string, string>();
  return svg.replace(/\b(clip|gradient_|pattern_)(\d+)\b/g, (whole, prefix: string) => {
    let id = seen.get(whole);
    if (id === undefined) {
      id = `${prefix}${[...seen.keys()].filter((k) => k.startsWith(prefix)).length + 1}`;
      seen.set(whole, id);
    }
    return id;
  });
}

/**
 * Renders a vega-lite spec headless: vega-lite → vega → `new vega.View(…, {renderer: 'none'}).toSVG()`.
 * No canvas, no fonts read (text widths are estimated), no network (data must be inline). Same spec,
 * same SVG text.
 */
export async function renderSvg(spec: VegaLiteSpec): Promise<string> {
  // Silent loggers: a report is no place for the compiler's advice on stderr.
  const view = new vega.View(vega.parse(compile(spec, { logger: vega.logger(vega.None) }).spec), { renderer: 'none', logLevel: vega.None });
  try {
    const svg = renumberIds(await view.toSVG());
    return svg.endsWith('\n') ? svg : `${svg}\n`;
  } finally {
    view.finalize();
  }
}
