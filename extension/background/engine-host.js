/**
 * The engine host: owns the one WASM engine, builds it lazily from the
 * effective settings, rebuilds it when they change, and answers checks.
 *
 * The engine already returns plain, JSON-compatible objects (crate/src/wasm.rs
 * serialises with `Serializer::json_compatible()`), so reports are passed on
 * as they come: no per-check conversion.
 *
 * Nothing here relies on state surviving a service-worker restart: after a
 * restart the module is evaluated again and the next request rebuilds
 * everything. Dependencies are injected so the logic runs under Node tests.
 */
import { ruleNamesFrom } from "../shared/rule-names.js";
import { isContext } from "../shared/messages.js";
import { engineConfigFrom, engineConfigKey } from "./engine-config.js";

/** Turns any thrown value into a short, readable message. */
export function describeError(error) {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  try {
    return JSON.stringify(error);
  } catch {
    return String(error);
  }
}

/**
 * Creates an engine host.
 *
 * @param {object} deps
 * @param {() => Promise<unknown>} deps.initWasm      loads and instantiates the WASM module (called once, retried after failure)
 * @param {(config: object) => { check: Function, diagnostics?: Function, free?: Function }} deps.createEngine
 * @param {() => Promise<{ values: object }>} deps.loadSettings  the effective settings
 * @param {(fn: () => void) => void} [deps.defer]    runs `fn` after pending checks (frees a replaced engine)
 */
export function createEngineHost({ initWasm, createEngine, loadSettings, defer = (fn) => setTimeout(fn, 0) }) {
  let wasmReady = null;
  let current = null; // { engine, key, diagnostics }
  let building = null;
  let stale = true;
  let pendingSettings = null;

  function ensureWasm() {
    wasmReady ??= Promise.resolve()
      .then(initWasm)
      .catch((error) => {
        wasmReady = null; // try again on the next request
        throw error;
      });
    return wasmReady;
  }

  async function build() {
    // The settings are read (storage, Chromium's first policy read of a session can be
    // slow) while the WASM loads, so neither waits for the other after a start.
    const reading = pendingSettings ? null : loadSettings();
    reading?.catch(() => {}); // a failure is thrown below, once the WASM has loaded
    await ensureWasm();
    const settings = pendingSettings ?? (await (reading ?? loadSettings()));
    pendingSettings = null;
    const config = engineConfigFrom(settings.values);
    const key = engineConfigKey(config);
    if (current && current.key === key) return;
    const engine = createEngine(config);
    const diagnostics = engine.diagnostics?.() ?? [];
    const previous = current;
    current = { engine, key, diagnostics: Array.isArray(diagnostics) ? diagnostics : [] };
    if (previous) defer(() => previous.engine.free?.());
  }

  /** The current engine, building or rebuilding it first when needed. */
  async function getEngine() {
    while (stale || !current) {
      if (!building) {
        stale = false;
        building = build().finally(() => {
          building = null;
        });
      }
      await building;
    }
    return current;
  }

  return {
    /**
     * Marks the engine out of date and rebuilds it in the background.
     * `settings`, when given, are used for the rebuild instead of reloading.
     */
    invalidate(settings) {
      if (settings) pendingSettings = settings;
      stale = true;
      // Rebuild eagerly only when an engine exists; otherwise stay lazy.
      if (current || building) getEngine().catch(() => {});
    },

    /** Checks `text` in `context`: `{ ok: true, report }` or `{ ok: false, error }`. */
    async check(text, context) {
      if (typeof text !== "string") return { ok: false, error: "`text` must be a string." };
      if (!isContext(context)) return { ok: false, error: "`context` must be \"official\" or \"personal\"." };
      try {
        const { engine } = await getEngine();
        return { ok: true, report: engine.check(text, context) };
      } catch (error) {
        return { ok: false, error: describeError(error) };
      }
    },

    /**
     * `{ ok: true, ready: true, diagnostics, ruleNames }` (ruleNames: `{ [id]: { en, bn } }`, for
     * pages that list rules), or `{ ok: false, ready: false, diagnostics: [], error }`.
     */
    async status() {
      try {
        const engine = await getEngine();
        engine.ruleNames ??= ruleNamesFrom(engine.engine.rules?.());
        return { ok: true, ready: true, diagnostics: engine.diagnostics, ruleNames: engine.ruleNames };
      } catch (error) {
        return { ok: false, ready: false, diagnostics: [], error: describeError(error) };
      }
    },
  };
}
