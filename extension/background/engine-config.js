/**
 * Which effective settings feed the engine, and in what shape
 * (docs/architecture.md, "WASM API": the `WasmEngine` config object).
 */

import { SETTINGS } from "../shared/contract.generated.js";

/** The setting keys the engine is built from (the contract's `engine` keys); other settings never cause a rebuild. */
export const ENGINE_SETTING_KEYS = Object.freeze(SETTINGS.filter((s) => s.engine).map((s) => s.name));

/**
 * The `WasmEngine` config for these effective setting values. An empty
 * `customRules` is left out, so the engine sees "no custom rules" rather
 * than an empty pack.
 */
export function engineConfigFrom(values) {
  const config = {};
  for (const key of ENGINE_SETTING_KEYS) {
    const value = values?.[key];
    if (value === undefined || value === null) continue;
    if (key === "customRules" && (typeof value !== "string" || value.trim() === "")) continue;
    config[key] = value;
  }
  return config;
}

/** A stable string identifying a config, to skip rebuilding an identical engine. */
export function engineConfigKey(config) {
  const sortKeys = (value) => {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.keys(value)
          .sort()
          .map((k) => [k, sortKeys(value[k])]),
      );
    }
    return value;
  };
  return JSON.stringify(sortKeys(config));
}
