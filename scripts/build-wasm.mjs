#!/usr/bin/env node
/**
 * Assembles src/engines/wasm/kernel.wat into kernel.wasm next to it (where the kernel loads it from
 * under vitest) and under dist/engines/wasm/ (where the compiled kernel loads it from). Run by
 * `npm run build`, hence by `npm ci` through the "prepare" script. The binary is never committed:
 * only its text source is.
 *
 * Usage: node scripts/build-wasm.mjs [--check]
 *   --check  assemble in memory and exit 1 when a written binary differs from the source (stale).
 */
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The kernel's text source. */
export const kernelWatPath = fileURLToPath(new URL('../src/engines/wasm/kernel.wat', import.meta.url));

/** Where the binary is written: beside the source, and beside the compiled loader. */
export const kernelWasmPaths = [
  fileURLToPath(new URL('../src/engines/wasm/kernel.wasm', import.meta.url)),
  fileURLToPath(new URL('../dist/engines/wasm/kernel.wasm', import.meta.url)),
];

/** The wabt module, instantiated once per process (its own instantiation takes about a second). */
let wabtReady;

/**
 * Assembles WebAssembly text with the SIMD feature on.
 * @param {string} text the module's text
 * @param {string} [name] the name shown in syntax errors
 * @returns {Promise<Uint8Array>} the validated binary
 */
export async function assembleWat(text, name = 'kernel.wat') {
  wabtReady ??= wabtInit();
  const wabt = await wabtReady;
  const mod = wabt.parseWat(name, text, { simd: true });
  try {
    mod.resolveNames();
    mod.validate();
    return mod.toBinary({}).buffer;
  } finally {
    mod.destroy();
  }
}

/**
 * Assembles a WebAssembly text file (default: the kernel) with the SIMD feature on.
 * @param {string} [watPath] the .wat file
 * @returns {Promise<Uint8Array>} the validated binary
 */
export async function assembleKernel(watPath = kernelWatPath) {
  return assembleWat(readFileSync(watPath, 'utf8'), watPath);
}

async function main() {
  const check = process.argv.includes('--check');
  const bytes = await assembleKernel();
  let stale = false;
  for (const path of kernelWasmPaths) {
    const shown = relative(root, path);
    if (check) {
      const same = existsSync(path) && Buffer.compare(readFileSync(path), bytes) === 0;
      if (!same) stale = true;
      console.log(`${shown}: ${same ? 'up to date' : 'missing or stale'}`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
      console.log(`${shown}: ${bytes.length} bytes`);
    }
  }
  if (stale) process.exit(1);
}

if (process.argv[1] && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(process.argv[1])) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
