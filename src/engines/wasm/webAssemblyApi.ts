/**
 * The slice of the global `WebAssembly` API the kernel uses, typed here because the project's
 * TypeScript libraries (ES2022 + Node) do not declare it. Reached through `globalThis`, so a runtime
 * without WebAssembly yields `undefined` instead of a ReferenceError.
 */

/** A compiled module (opaque). */
export interface WasmModule {
  readonly __wasmModule?: never;
}

/** A linear memory: `buffer` is replaced (the old one detached) by every successful `grow`. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Adds `pages` 64 KiB pages; returns the previous size in pages. @throws RangeError when refused */
  grow(pages: number): number;
}

/** An instantiated module. */
export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

/** The constructors the kernel needs. */
export interface WasmApi {
  /** Compiles synchronously. @throws CompileError (an Error) on bytes this runtime rejects */
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports: Record<string, unknown>) => WasmInstance;
}

/** The runtime's WebAssembly API, or undefined when it has none. */
export function webAssemblyApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}
