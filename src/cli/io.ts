import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from '../errors.js';

/** Reads a text file named on the command line; a missing or unreadable file is an InputError on `field`. */
export function readTextFile(path: string, field: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(field, `cannot read ${JSON.stringify(path)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Writes a text file named on the command line; failure is an InputError on `field`. */
export function writeTextFile(path: string, text: string, field: string): void {
  try {
    writeFileSync(path, text);
  } catch (e) {
    throw new InputError(field, `cannot write ${JSON.stringify(path)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * JSON with non-finite numbers spelled out as the strings "Infinity", "-Infinity" and "NaN"
 * (plain JSON.stringify would write null and lose them), and Float64Arrays as plain arrays.
 */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) =>
      typeof v === 'number' && !Number.isFinite(v) ? String(v) : v instanceof Float64Array ? Array.from(v) : v,
    indent,
  );
}
