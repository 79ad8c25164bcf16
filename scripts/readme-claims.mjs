// Rewrites the claims table of README.md (between the claims markers) from the compiled catalogue.
import { readFileSync, writeFileSync } from 'node:fs';
import { claimsMarkdownTable } from '../dist/claims/core/markdown.js';

const path = new URL('../README.md', import.meta.url);
const start = '<!-- claims:start -->';
const end = '<!-- claims:end -->';
const text = readFileSync(path, 'utf8');
const i = text.indexOf(start);
const j = text.indexOf(end);
if (i < 0 || j < i) throw new Error(`README.md lacks the ${start} … ${end} markers`);
writeFileSync(path, `${text.slice(0, i + start.length)}\n${claimsMarkdownTable()}\n${text.slice(j)}`);
