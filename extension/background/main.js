/**
 * Background entry (service worker in Chromium, event page in Firefox).
 * Listeners are registered synchronously at the top level, so a restarted
 * worker receives the message that woke it; the engine is built lazily on
 * the first request. No top-level await.
 */
import init, { WasmEngine, validatePolicy } from "sotorko-wasm";
import { browserApi } from "../shared/browser-api.js";
import {
  loadEffectiveSettings,
  onEffectiveSettingsChanged,
  saveUserSetting,
  useLocalValidator,
  forgetPolicyRead,
} from "../shared/settings.js";
import { acceptSlowPolicyForTests } from "../content/test-hooks.js";
import { policyValidator } from "../shared/policy/validate.js";
import { createEngineHost } from "./engine-host.js";
import { createMessageRouter } from "./message-router.js";
import { createActivityLogWriter } from "../shared/activity-log.js";
import { COMMAND_FOCUS_PANEL, MSG_FOCUS_PANEL } from "../shared/messages.js";

const api = browserApi();

// One load of the WASM module, shared by the engine and the settings validator
// (retried on the next request after a failure).
let wasmLoading = null;
const loadWasm = () =>
  (wasmLoading ??= init({ module_or_path: api.runtime.getURL("engine/sotorko_bg.wasm") }).catch((error) => {
    wasmLoading = null;
    throw error;
  }));

// Settings are validated here, by the core, and handed to pages and content scripts resolved.
const validate = policyValidator(validatePolicy);
useLocalValidator(() => loadWasm().then(() => validate));

const host = createEngineHost({
  initWasm: loadWasm,
  createEngine: (config) => new WasmEngine(config),
  // Chromium's first policy read of a session can take seconds: build after
  // at most 300 ms without it; onEffectiveSettingsChanged rebuilds when it arrives.
  loadSettings: () => loadEffectiveSettings({ waitForPolicyMs: 300 }),
});

// The activity log's single writer: every post attempt of every tab is recorded here, in turn.
const activityLog = createActivityLogWriter({
  retentionDays: () => loadEffectiveSettings({ waitForPolicyMs: 300 }).then((s) => s.values.activityRetentionDays, () => undefined),
});
api.runtime.onMessage.addListener(
  createMessageRouter(
    host,
    api.runtime.id,
    activityLog,
    { load: loadEffectiveSettings, save: saveUserSetting },
    api.runtime.getURL(""),
  ),
);
onEffectiveSettingsChanged((settings) => host.invalidate(settings));
acceptSlowPolicyForTests(api, forgetPolicyRead); // test build only

// Compile the WASM and the rule pack once at install and browser start, so
// the browser's compiled-code cache is warm before the first composer appears
// (a cold first build takes seconds; later worker restarts take ~0.3 s).
// Also migrates the old override log and applies the log's retention.
const warmUp = () => {
  host.status().catch(() => {});
  activityLog.maintain().catch(() => {});
};
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
