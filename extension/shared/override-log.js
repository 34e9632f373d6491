/**
 * The local log of "Post anyway" decisions (storage.local `overrideLog`,
 * `[{ at, context, categories, rules, reason }]`, newest last, at most 500).
 * The post text itself is never stored.
 */
import { browserApi } from "./browser-api.js";

/** The storage.local key of the log. */
export const OVERRIDE_LOG_KEY = "overrideLog";

/** How many decisions are kept. */
export const OVERRIDE_LOG_CAP = 500;

/** Returns a new log with `entry` appended and the oldest entries dropped beyond `cap`. */
export function appendCapped(log, entry, cap = OVERRIDE_LOG_CAP) {
  const list = Array.isArray(log) ? log : [];
  return [...list, entry].slice(-cap);
}

/**
 * Builds a log entry from a decision. Only categories, rule ids, the context
 * and the reason are kept — never the post text.
 */
export function makeOverrideEntry({ context, findings = [], reason = "", at = new Date() }) {
  const uniq = (xs) => [...new Set(xs)];
  return {
    at: at instanceof Date ? at.toISOString() : String(at),
    context,
    categories: uniq(findings.map((f) => f.category)),
    rules: uniq(findings.map((f) => f.rule)),
    reason: String(reason ?? "").slice(0, 500),
  };
}

/** Reads the log, oldest first. */
export async function readOverrideLog() {
  const stored = await browserApi().storage.local.get(OVERRIDE_LOG_KEY);
  return Array.isArray(stored?.[OVERRIDE_LOG_KEY]) ? stored[OVERRIDE_LOG_KEY] : [];
}

/** Appends one decision (see {@link makeOverrideEntry}) to the log. */
export async function recordOverride(decision) {
  const log = await readOverrideLog();
  await browserApi().storage.local.set({
    [OVERRIDE_LOG_KEY]: appendCapped(log, makeOverrideEntry(decision)),
  });
}
