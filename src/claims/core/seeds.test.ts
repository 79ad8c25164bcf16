import { describe, expect, it } from 'vitest';
import { claimSeed, streamSeed } from './seeds.js';

/** FNV-1a (32 bits) of a string with the offset basis xored with `seed`, written out independently. */
function reference(seed: number, text: string): number {
  let h = BigInt((0x811c9dc5 ^ seed) >>> 0);
  for (const ch of text) {
    h ^= BigInt(ch.charCodeAt(0));
    h = (h * 0x01000193n) & 0xffffffffn;
  }
  return Number(BigInt.asIntN(32, h));
}

describe('seed streams', () => {
  it("a claim's seed is FNV-1a of its id mixed into the global seed", () => {
    for (const [g, id] of [[0, 'H-DIR'], [1, 'H-ACT'], [-5, 'K-RANK'], [2 ** 31 - 1, '']] as const) {
      expect(claimSeed(g, id)).toBe(reference(g, id));
    }
    expect(claimSeed(1, 'H-DIR')).not.toBe(claimSeed(2, 'H-DIR'));
  });

  it('the verify stream of one claim is the claim seed; other streams hash the stream name and every part', () => {
    expect(streamSeed(7, 'verify', 'H-ACT')).toBe(claimSeed(7, 'H-ACT'));
    expect(streamSeed(7, 'power', 'H-ACT', 'step-size')).toBe(reference(7, 'power\u0000H-ACT\u0000step-size'));
    expect(streamSeed(7, 'verify', 'H-ACT', 'x')).toBe(reference(7, 'verify\u0000H-ACT\u0000x'));
  });

  it('the streams of one claim are pairwise distinct', () => {
    const seeds = [
      streamSeed(3, 'verify', 'H-LIN'),
      streamSeed(3, 'verify-fault', 'H-LIN', 'backward-relu'),
      streamSeed(3, 'control', 'H-LIN', '0'),
      streamSeed(3, 'power', 'H-LIN'),
      streamSeed(3, 'power', 'H-LIN', 'backward-relu'),
      streamSeed(3, 'calibrate', 'H-LIN'),
      streamSeed(3, 'sweep', 'H-LIN'),
    ];
    expect(new Set(seeds).size).toBe(seeds.length);
    for (const s of seeds) expect(Number.isInteger(s) && s >= -(2 ** 31) && s < 2 ** 31).toBe(true);
  });
});
