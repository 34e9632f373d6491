/**
 * Per-tab state the popup reads and sets (docs/architecture.md,
 * "Popup ⇄ content script"): `sotorko:tab-info` and `sotorko:set-tab`.
 * The tab's switch and context toggle live in memory for this page.
 */
import { MSG_TAB_INFO, MSG_SET_TAB, isContext } from "../shared/messages.js";

export class TabState {
  constructor() {
    /** null: follow the `enabled` setting. */
    this.enabledOverride = null;
    /** null: automatic context detection. */
    this.contextToggle = null;
  }

  /**
   * True when policy sets or locks `officialByDefault` or `officialPages`:
   * the ministry decides the context, and the popup's switch may not change
   * it (an official post must never become personal, where less is held).
   */
  contextLocked(settings) {
    const locked = settings.locked ?? [];
    return locked.includes("officialByDefault") || locked.includes("officialPages");
  }

  /** The popup's context choice in force: none while the context is locked. */
  contextToggleFor(settings) {
    return this.contextLocked(settings) ? null : this.contextToggle;
  }

  /** Effective on/off for this tab. */
  enabled(settings) {
    if (settings.locked?.includes("enabled")) return settings.values.enabled !== false;
    return this.enabledOverride ?? settings.values.enabled !== false;
  }

  /**
   * Applies a `sotorko:set-tab` request. Returns an error string when refused
   * (`enabled` locked by policy, bad context), else null.
   */
  apply(message, settings) {
    if ("enabled" in message && message.enabled !== undefined) {
      if (typeof message.enabled !== "boolean") return "`enabled` must be true or false";
      if (settings.locked?.includes("enabled")) return "`enabled` is set by your organisation and cannot be changed";
    }
    if ("context" in message && message.context !== undefined && message.context !== null && !isContext(message.context)) {
      return "`context` must be \"official\", \"personal\" or null";
    }
    if ("context" in message && message.context !== undefined && this.contextLocked(settings)) {
      return "the posting context is set by your ministry and cannot be changed";
    }
    if (typeof message.enabled === "boolean") this.enabledOverride = message.enabled;
    if ("context" in message && message.context !== undefined) this.contextToggle = message.context;
    return null;
  }
}

/**
 * Registers the runtime.onMessage handler. `describe()` returns the
 * tab-info answer; `onChange()` is called after a successful set-tab.
 */
export function listenForPopup({ api, tabState, getSettings, describe, onChange }) {
  api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!message || (message.type !== MSG_TAB_INFO && message.type !== MSG_SET_TAB)) return undefined;
    if (message.type === MSG_SET_TAB) {
      const error = tabState.apply(message, getSettings());
      if (error) {
        sendResponse({ ok: false, error });
        return undefined;
      }
      onChange();
    }
    sendResponse({ ok: true, ...describe() });
    return undefined;
  });
}
