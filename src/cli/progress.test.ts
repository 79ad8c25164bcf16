import { describe, expect, it, vi } from 'vitest';
import { PLAIN_INTERVAL_MS, progressReporter } from './progress.js';

describe('progressReporter without a terminal (CI logs)', () => {
  const capture = () => {
    const lines: string[] = [];
    return { lines, io: { out: () => {}, err: (t: string) => lines.push(t), isTty: false } };
  };

  it('prints a line per tenth of the work with elapsed time and ETA, and a last line at the end', () => {
    const { lines, io } = capture();
    let now = 0;
    const p = progressReporter(io, 'sweep', 20, 'cells', () => now);
    for (let k = 0; k < 20; k++) {
      now += 1000;
      p.tick();
    }
    p.done();
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe('benign-check sweep: 2/20 cells (10%), 2 s elapsed, ETA 18 s\n');
    expect(lines[9]).toBe('benign-check sweep: 20/20 cells (100%), 20 s elapsed\n');
  });

  it('prints at least every PLAIN_INTERVAL_MS when the work is slow', () => {
    const { lines, io } = capture();
    let now = 0;
    const p = progressReporter(io, 'verify', 1000, 'claims', () => now);
    for (let k = 0; k < 5; k++) {
      now += PLAIN_INTERVAL_MS;
      p.tick();
    }
    p.done();
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('benign-check verify: 5/1000 claims (0%), 3 min elapsed, ETA 498 min\n');
  });

  it('prints while one slow unit runs, from a timer', async () => {
    const { lines, io } = capture();
    let now = 0;
    vi.useFakeTimers();
    try {
      const p = progressReporter(io, 'verify', 3, 'claims', () => now);
      now = PLAIN_INTERVAL_MS;
      vi.advanceTimersByTime(PLAIN_INTERVAL_MS);
      expect(lines).toEqual(['benign-check verify: 0/3 claims (0%), 30 s elapsed\n']);
      p.done();
      now = 5 * PLAIN_INTERVAL_MS;
      vi.advanceTimersByTime(5 * PLAIN_INTERVAL_MS);
      expect(lines).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('says nothing for no work', () => {
    const { lines, io } = capture();
    const p = progressReporter(io, 'power', 0, 'claims');
    p.tick();
    p.done();
    expect(lines).toEqual([]);
  });
});
