import { euclideanNorm } from '../../numerics/norms.js';
import type { Problem } from '../../problem/types.js';
import { margins } from '../../theory/margins.js';

/**
 * The problem with a confidently wrong W(0) (docs/theory.md §9.3, L-SMOOTH's control): row j gains
 * −sign(a_j)·s·û, û = Σ_i y_i x_i/‖Σ_i y_i x_i‖, on top of the problem's own W(0). A point with
 * ⟨û, y_i x_i⟩ > 0 then has q_i = −s·⟨û, y_i x_i⟩·Σ_j |a_j|·(1 or γ) < 0, so L_sum > 1 and GD first
 * shrinks ‖W‖ along −û. s makes the largest |q_i| of the added part equal `margin`.
 */
export function wrongWayInit(p: Problem, margin: number): Problem {
  const u = new Float64Array(p.d);
  for (let i = 0; i < p.n; i++) for (let k = 0; k < p.d; k++) u[k] = u[k]! + p.y[i]! * p.X[i * p.d + k]!;
  const uNorm = euclideanNorm(u);
  const V = new Float64Array(p.m * p.d);
  for (let j = 0; j < p.m; j++) for (let k = 0; k < p.d; k++) V[j * p.d + k] = (-Math.sign(p.a[j]!) * u[k]!) / uNorm;
  let largest = 0;
  for (const q of margins(p, V, 'exp').q) largest = Math.max(largest, Math.abs(q));
  const W0 = V.map((v, t) => (margin / largest) * v + p.W0[t]!);
  return { ...p, W0 };
}
