import { InputError } from '../../errors.js';
import type { LabelledData, NetworkData } from '../types.js';

/** A positive integer, or an InputError naming `field`. */
export function checkCount(v: number, field: string): void {
  if (!Number.isInteger(v) || v < 1) throw new InputError(field, `expected a positive integer, got ${String(v)}`);
}

/** An array of finite numbers of the given length, or an InputError naming `field`. */
export function checkFiniteArray(v: Float64Array, length: number, field: string): void {
  if (!(v instanceof Float64Array)) throw new InputError(field, 'expected a Float64Array');
  if (v.length !== length) throw new InputError(field, `expected ${length} entries, got ${v.length}`);
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i])) throw new InputError(`${field}[${i}]`, `expected a finite number, got ${String(v[i])}`);
  }
}

/** X (n×d) and y (±1) consistent and finite (docs/theory.md §1), or an InputError naming the field. */
export function checkLabelledData(data: LabelledData): void {
  checkCount(data.n, 'n');
  checkCount(data.d, 'd');
  checkFiniteArray(data.X, data.n * data.d, 'X');
  checkFiniteArray(data.y, data.n, 'y');
  for (let i = 0; i < data.n; i++) {
    if (data.y[i] !== 1 && data.y[i] !== -1) throw new InputError(`y[${i}]`, `expected +1 or -1, got ${data.y[i]}`);
  }
}

/** {@link checkLabelledData} plus a (length m, finite) and γ ∈ [0, 1] (docs/theory.md §1). */
export function checkNetworkData(data: NetworkData): void {
  checkLabelledData(data);
  checkCount(data.m, 'm');
  checkFiniteArray(data.a, data.m, 'a');
  if (!(data.gamma >= 0 && data.gamma <= 1)) {
    throw new InputError('gamma', `expected a slope in [0, 1], got ${String(data.gamma)}`);
  }
}

/** A finite number, or an InputError naming `field`. */
export function checkFinite(v: number, field: string): void {
  if (!Number.isFinite(v)) throw new InputError(field, `expected a finite number, got ${String(v)}`);
}
