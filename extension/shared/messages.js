/**
 * Message types exchanged between the parts of the extension
 * (docs/architecture.md, "Content script ⇄ background" and "Popup ⇄ content script").
 */

/** Content script → background: `{ type, text, context }` → `{ ok: true, report } | { ok: false, error }`. */
export const MSG_CHECK = "sotorko:check";

/** Any page → background: `{ type }` → `{ ok: true, ready, diagnostics } | { ok: false, ready: false, error, diagnostics: [] }`. */
export const MSG_STATUS = "sotorko:status";

/**
 * Content script → background: `{ type, event }` → `{ ok: true } | { ok: false, error }`, one
 * activity-log event (`extension/shared/activity-log.js`, `sanitizeActivityEvent`). The background
 * is the activity log's only writer.
 */
export const MSG_RECORD_ACTIVITY = "sotorko:record-activity";

/**
 * Any page or content script → background: `{ type, waitForPolicyMs }` →
 * `{ ok: true, settings } | { ok: false, error }`. The background validates
 * policy and stored options through the core (WASM) and answers with the
 * effective settings (`values`, `locked`, `sources`, `policyErrors`,
 * `userErrors`, maybe `policyPending`). `waitForPolicyMs: null` waits for the policy read.
 */
export const MSG_SETTINGS = "sotorko:settings";

/**
 * Options page → background: `{ type, key, value }` → `{ ok: true } | { ok: false, error: { en, bn } }`.
 * The background refuses policy-only and locked keys and values the core rejects.
 */
export const MSG_SAVE_SETTING = "sotorko:save-setting";

/** Popup → content script: `{ type }` → `{ ok: true, enabled, context, contextSource, contextLocked, counts, composers }`. */
export const MSG_TAB_INFO = "sotorko:tab-info";

/** Popup → content script: `{ type, enabled?, context? }` → same answer as tab-info. */
export const MSG_SET_TAB = "sotorko:set-tab";

/** Background → content script (the `focus-panel` keyboard command): `{ type }` → `{ ok: true, focused }`. */
export const MSG_FOCUS_PANEL = "sotorko:focus-panel";

/** The manifest command that moves keyboard focus to the panel beside the composer. */
export const COMMAND_FOCUS_PANEL = "focus-panel";

/** The two posting contexts the engine knows. */
export const CONTEXTS = Object.freeze(["official", "personal"]);

/** Where a tab's context came from, as reported by `sotorko:tab-info`. */
export const CONTEXT_SOURCES = Object.freeze(["business-suite", "official-page", "toggle", "default"]);

/** Severities, highest first. */
export const SEVERITIES = Object.freeze(["block", "warn", "advise"]);

/** True when `context` is one of {@link CONTEXTS}. */
export function isContext(context) {
  return CONTEXTS.includes(context);
}
