import { describe, expect, it } from 'vitest';
import { catalogue } from '../../papers/registry.js';
import { claimsMarkdownTable } from './markdown.js';

describe('claimsMarkdownTable', () => {
  const table = claimsMarkdownTable();
  const lines = table.split('\n');

  it('has the header, the separator and one row per claim, in catalogue order', () => {
    expect(lines[0]).toBe('| claim | source | tag | expected | statement | how it is checked | designated faults; controls |');
    expect(lines[1]).toBe('|---|---|---|---|---|---|---|');
    expect(lines.slice(2).map((l) => l.split(' | ')[0]!.slice(2))).toEqual(catalogue.map((c) => c.id));
  });

  it('names each designated fault with its ε, and each control', () => {
    const dir = lines.find((l) => l.startsWith('| H-DIR |'))!;
    expect(dir).toContain('backward-slope (ε = 0.01)');
    expect(dir).toContain('svm-direction;');
    const act = lines.find((l) => l.startsWith('| H-ACT |'))!;
    expect(act).toContain('backward-sign-flip; broken hypothesis');
  });

  it('escapes pipes inside cells, so every row has exactly seven cells', () => {
    for (const l of lines.slice(2)) expect(l.split(/(?<!\\)\|/).length - 2).toBe(7);
    expect(table).toContain('\\|');
  });
});
