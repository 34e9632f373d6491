/**
 * Loads the core's WASM build (build/wasm/, written by ./build.sh) for unit
 * tests that must run the same validator and engine as the extension.
 * Fails with a clear message when the build is missing.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const dir = fileURLToPath(new URL("../../build/wasm/", import.meta.url));

/** The initialised wasm-bindgen module: `{ validatePolicy, WasmEngine, categories, ... }`. */
export async function loadCore() {
  const glue = `${dir}sotorko.js`;
  const wasm = existsSync(`${dir}sotorko_bg.opt.wasm`) ? `${dir}sotorko_bg.opt.wasm` : `${dir}sotorko_bg.wasm`;
  if (!existsSync(glue) || !existsSync(wasm)) {
    throw new Error(`the WASM build is missing (${dir}); run ./build.sh first`);
  }
  const core = await import(pathToFileURL(glue).href);
  core.initSync({ module: readFileSync(wasm) });
  return core;
}
