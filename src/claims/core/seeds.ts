/**
 * The seed streams of a run. `verify`, `power` and `calibrate` draw their scenarios from disjoint
 * streams of the same global seed: a constant fitted on `calibrate`'s stream is asserted on
 * `verify`'s, and `power`'s detection rates are measured on scenarios neither of them used.
 * `sweep` draws the replicates of each cell of its grid from a stream of its own.
 */
export type SeedStream = 'verify' | 'verify-fault' | 'control' | 'power' | 'calibrate' | 'sweep';

/** FNV-1a of a string, mixed into a 32-bit seed. */
function fnv1a(seed: number, text: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The seed of one claim within a run of `verify` (FNV-1a of the id mixed into the global seed). */
export function claimSeed(globalSeed: number, id: string): number {
  return fnv1a(globalSeed, id);
}

/** The seed of a named sub-stream of a claim (`power` for fault F is `streamSeed(g, 'power', id, F)`). */
export function streamSeed(globalSeed: number, stream: SeedStream, ...parts: readonly string[]): number {
  return stream === 'verify' && parts.length === 1 ? claimSeed(globalSeed, parts[0]!) : fnv1a(globalSeed, [stream, ...parts].join('\u0000'));
}
