import { catalogue, faultCatalogue } from '../../papers/registry.js';

const cell = (s: string): string => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The README's claims table, generated from the catalogue so the docs cannot drift from the code. */
export function claimsMarkdownTable(): string {
  const rows = catalogue.map((c) => {
    const faults = c.designated.map((d) => {
      const f = faultCatalogue.get(d.fault);
      const eps = d.epsilon ?? f?.epsilon?.default;
      return `${d.fault}${f?.epsilon && eps !== undefined ? ` (ε = ${eps})` : ''}`;
    });
    const controls = c.controls.map((k) => k.description);
    const power = [...faults, ...controls].join('; '); // never empty: defineClaim requires a designated fault or a control
    return `| ${c.id} | ${cell(c.source)} | ${c.tag} | ${c.expected} | ${cell(c.statement)} | ${cell(c.method)} | ${cell(power)} |`;
  });
  return [
    '| claim | source | tag | expected | statement | how it is checked | designated faults; controls |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
