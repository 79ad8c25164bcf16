/** Types of build-wasm.mjs, for the tests that assemble the kernel from its text source. */

/** The kernel's text source (absolute path). */
export declare const kernelWatPath: string;
/** Where the binary is written: beside the source, and beside the compiled loader. */
export declare const kernelWasmPaths: readonly string[];
/** Assembles a WebAssembly text file (default: the kernel) with SIMD on; resolves to the validated binary. */
export declare function assembleKernel(watPath?: string): Promise<Uint8Array>;
/** Assembles WebAssembly text (SIMD on); `name` is shown in syntax errors. Resolves to the validated binary. */
export declare function assembleWat(text: string, name?: string): Promise<Uint8Array>;
