import { describe, expect, it } from 'vitest';
import { chooseFormulation, formulationCost } from './cost.js';

describe('formulationCost', () => {
  it('counts a one-neuron, one-feature, one-point run by hand', () => {
    // n = d = m = 1: primal 4 a step; dual 2 a step plus K (2), Z0 (2) and 2 per materialisation.
    expect(formulationCost({ n: 1, d: 1, m: 1 }, 3, 1)).toEqual({ primal: 12, dual: 12 });
    expect(formulationCost({ n: 1, d: 1, m: 1 }, 0, 2)).toEqual({ primal: 0, dual: 8 });
  });
});

describe('chooseFormulation', () => {
  it('takes dual only when its count is strictly smaller, so a tie goes to primal', () => {
    // n = d = m = 1 with one materialisation: primal 4s against dual 2s + 6, equal at s = 3.
    expect(chooseFormulation({ n: 1, d: 1, m: 1 }, 2, 1)).toBe('primal');
    expect(chooseFormulation({ n: 1, d: 1, m: 1 }, 3, 1)).toBe('primal');
    expect(chooseFormulation({ n: 1, d: 1, m: 1 }, 4, 1)).toBe('dual');
  });

  it('moves the tie by 2mnd for each further materialisation of W', () => {
    // Two materialisations: dual 2s + 8 against primal 4s, equal at s = 4.
    expect(chooseFormulation({ n: 1, d: 1, m: 1 }, 4, 2)).toBe('primal');
    expect(chooseFormulation({ n: 1, d: 1, m: 1 }, 5, 2)).toBe('dual');
  });
});
