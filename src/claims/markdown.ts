import { catalogue } from './catalogue.js';

const cell = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The README's claims table, generated from the catalogue so the docs cannot drift from the code. */
export function claimsMarkdownTable(): string {
  const rows = catalogue.map(
    (c) => `| ${c.id} | ${cell(c.source)} | ${c.tag} | ${c.expected} | ${cell(c.statement)} | ${cell(c.method)} | ${cell(c.negativeControl.description)} |`,
  );
  return [
    '| claim | source | tag | expected | statement | how it is checked | negative control |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
