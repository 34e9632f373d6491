/**
 * Background entry (service worker in Chromium, event page in Firefox).
 * Listeners are registered synchronously at the top level, so a restarted
 * worker receives the message that woke it; the engine is built lazily on
 * the first request. No top-level await.
 */
import init, { WasmEngine } from "sotorko-wasm";
import { browserApi } from "../shared/browser-api.js";
import { loadEffectiveSettings, onEffectiveSettingsChanged } from "../shared/settings.js";
import { createEngineHost } from "./engine-host.js";
import { createMessageRouter } from "./message-router.js";
import { createOverrideLogWriter } from "../shared/override-log.js";
import { COMMAND_FOCUS_PANEL, MSG_FOCUS_PANEL } from "../shared/messages.js";

const api = browserApi();

const host = createEngineHost({
  initWasm: () => init({ module_or_path: api.runtime.getURL("engine/sotorko_bg.wasm") }),
  createEngine: (config) => new WasmEngine(config),
  // Chromium's first policy read of a session can take seconds: build after
  // at most 300 ms without it; onEffectiveSettingsChanged rebuilds when it arrives.
  loadSettings: () => loadEffectiveSettings({ waitForPolicyMs: 300 }),
});

// The override log's single writer: every "Post anyway" of every tab is appended here, in turn.
api.runtime.onMessage.addListener(createMessageRouter(host, api.runtime.id, createOverrideLogWriter()));
onEffectiveSettingsChanged((settings) => host.invalidate(settings));

// Compile the WASM and the rule pack once at install and browser start, so
// the browser's compiled-code cache is warm before the first composer appears
// (a cold first build takes seconds; later worker restarts take ~0.3 s).
const warmUp = () => host.status().catch(() => {});
api.runtime.onInstalled.addListener(warmUp);
api.runtime.onStartup.addListener(warmUp);

// The keyboard shortcut (manifest `commands`, default Alt+Shift+S): focus moves to the panel
// beside the composer in the active tab. Chromium and Firefox pass the tab; else ask for it.
api.commands?.onCommand.addListener((command, tab) => {
  if (command !== COMMAND_FOCUS_PANEL) return;
  const target = tab?.id ? Promise.resolve(tab) : api.tabs.query({ active: true, currentWindow: true }).then(([active]) => active);
  target
    .then((active) => (active?.id ? api.tabs.sendMessage(active.id, { type: MSG_FOCUS_PANEL }) : null))
    .catch(() => {}); // not a Facebook tab: nothing to focus
});
