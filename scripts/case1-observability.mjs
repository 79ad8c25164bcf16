// Which Case-1-only draws of a scenario box can see H25's asymptote at T = 10⁵ (docs/theory.md §6.3):
// samples the box, keeps the draws where Case 1 holds and Case 2 does not (init ≪ step too), solves Ŵ
// and reports how many have the slowest transient rate r ≥ 0.5 (asymptoticRates), with min/median/max r.
// Usage (after `npm run build`): node scripts/case1-observability.mjs nLo nHi dLo dHi κLo κHi γLo γHi N
// where ‖μ‖² = κ·√d. Example: node scripts/case1-observability.mjs 5 10 2000 4000 3 4.5 0.5 0.9 30
import fc from 'fast-check';
import { scenarioArb, scenarioProblem } from '../dist/papers/h25/scenario.js';
import { h25Hypotheses, limitDirection, asymptoticRates } from '../dist/theory/index.js';
const [nLo,nHi,dLo,dHi,kLo,kHi,gLo,gHi,N] = process.argv.slice(2).map(Number);
const arb = scenarioArb({ n:[nLo,nHi], d:[dLo,dHi], muNorm:[0,0], gamma:[gLo,gHi], steps: 10 }).chain(s => fc.double({min:kLo,max:kHi,noNaN:true}).map(k => ({...s, data:{...s.data, muNorm: Math.sqrt(k*Math.sqrt(s.data.d))}})));
let c1only=0, obs=0, signOk=0; const rates=[];
for (const s of fc.sample(arb, {seed: 99, numRuns: N})) {
  const p = scenarioProblem(s); const h = h25Hypotheses(p);
  if (!(h.case1.holds && !h.case2.holds && h.init.holds)) continue;
  c1only++;
  const L = limitDirection(p); if (L.status!=='ok' || !L.signConstraintsHold) continue;
  signOk++;
  const r = asymptoticRates(p, L).rate; rates.push(r); if (r >= 0.5) obs++;
}
rates.sort((a,b)=>a-b);
console.log({c1only, signOk, obs, min: rates[0], med: rates[rates.length>>1], max: rates[rates.length-1]});
