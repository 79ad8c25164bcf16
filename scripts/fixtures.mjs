// Regenerates the golden trajectories fixtures/<name>.json from the compiled decimal engine (run
// `npm run build` first; `npm run fixtures` does both). src/compare/fixtures.test.ts fails whenever the
// committed files differ from what the code produces, so run this only for an intended change, and
// review the diff.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fixtureSpecs, fixtureText, generateFixture } from '../dist/compare/fixtures.js';

const dir = fileURLToPath(new URL('../fixtures/', import.meta.url));
mkdirSync(dir, { recursive: true });
const specs = fixtureSpecs();
const wanted = new Set(specs.map((s) => `${s.name}.json`));
for (const stale of readdirSync(dir).filter((f) => f.endsWith('.json') && !wanted.has(f))) {
  rmSync(`${dir}${stale}`);
  console.log(`removed fixtures/${stale} (no such fixture)`);
}
const started = performance.now();
for (const spec of specs) {
  const t0 = performance.now();
  writeFileSync(`${dir}${spec.name}.json`, fixtureText(generateFixture(spec).fixture));
  console.log(`fixtures/${spec.name}.json  ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
console.log(`${specs.length} fixtures in ${((performance.now() - started) / 1000).toFixed(1)} s`);
