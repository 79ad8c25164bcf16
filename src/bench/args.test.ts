import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { parseBenchArgs } from './args.js';

describe('parseBenchArgs', () => {
  it('has the documented defaults and reads every option', () => {
    expect(parseBenchArgs([])).toEqual({ out: 'bench-results.json', verifyRuns: 5, samples: 11, sampleSeconds: 0.05, clock: 'wall', help: false });
    expect(
      parseBenchArgs(['--out', 'o.json', '--baseline', 'b.json', '--verify-cmd', 'true', '--verify-runs', '2', '--samples', '7', '--sample-ms', '20', '--only', 'wasm', '--clock', 'cpu']),
    ).toEqual({ out: 'o.json', baseline: 'b.json', verifyCmd: 'true', verifyRuns: 2, samples: 7, sampleSeconds: 0.02, only: 'wasm', clock: 'cpu', help: false });
  });

  it('names the flag in an InputError', () => {
    expect(() => parseBenchArgs(['--samples', '0'])).toThrow(InputError);
    expect(() => parseBenchArgs(['--out'])).toThrow(/--out/);
    expect(() => parseBenchArgs(['--fast'])).toThrow(/--fast/);
    expect(() => parseBenchArgs(['--clock', 'tsc'])).toThrow(/--clock/);
  });
});
