/** C0 controls other than tab and line feed, DEL, and the C1 block: invisible or terminal-active. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Control characters (an ANSI escape in a detail string, say) made visible as `\xNN`. */
export function visible(s: string): string {
  return s.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** One line of visible text: control characters as `\xNN`, runs of tabs and line breaks as one space. */
export function oneLine(s: string): string {
  return visible(s.replace(/[\t\r\n]+/g, ' '));
}

/**
 * Display width in columns, counted as code points (every character here, including ✓ ✗ … and
 * superscripts, is one column wide; East Asian wide characters would count one too few).
 */
export function columns(s: string): number {
  return [...s].length;
}

/** `s` cut to at most `width` columns, ending in '…' when something was cut; width ≤ 0 gives "". */
export function truncate(s: string, width: number): string {
  const cps = [...s];
  if (cps.length <= width) return s;
  if (width <= 0) return '';
  return cps.slice(0, width - 1).join('') + '…';
}

/**
 * Greedy word wrap of one line into lines of at most `width` columns (width ≥ 1); a word longer
 * than a line is split. An empty string gives one empty line.
 */
export function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(' ').filter((w) => w !== '')) {
    let rest = [...word];
    if (line !== '' && columns(line) + 1 + rest.length <= width) {
      line += ' ' + word;
      continue;
    }
    if (line !== '') lines.push(line);
    while (rest.length > width) {
      lines.push(rest.slice(0, width).join(''));
      rest = rest.slice(width);
    }
    line = rest.join('');
  }
  lines.push(line);
  return lines;
}
