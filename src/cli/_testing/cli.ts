import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../main.js';

/** A fresh temporary directory for one test file's inputs and outputs, removed when that file's tests end. */
export const scratchDir = mkdtempSync(path.join(tmpdir(), 'benign-cli-'));
afterAll(() => rmSync(scratchDir, { recursive: true, force: true }));

/** Runs the CLI in-process, capturing stdout, stderr and the exit code (never a terminal). */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t), isTty: false });
  return { code, out, err };
}

/** Writes `content` (a string as is, anything else as JSON) to `name` in {@link scratchDir}; returns the path. */
export function file(name: string, content: unknown): string {
  const p = path.join(scratchDir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}
