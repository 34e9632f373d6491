/**
 * The local log of "Post anyway" decisions (storage.local `overrideLog`,
 * `[{ at, context, categories, rules, reason }]`, newest last, at most 500).
 * The post text itself is never stored.
 *
 * One writer: content scripts send the decision to the background
 * ({@link recordOverride} → `sotorko:record-override`), whose
 * {@link createOverrideLogWriter} does every read-change-write one after the
 * other, so overrides made at the same moment (several tabs) are all kept.
 */
import { browserApi } from "./browser-api.js";
import { MSG_RECORD_OVERRIDE } from "./messages.js";

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

/**
 * Keeps only what the log needs from a decision sent by a content script:
 * `{ context, findings: [{ rule, category }], reason }` with string fields.
 * Returns null when it is not a decision.
 */
export function sanitizeDecision(decision) {
  if (!decision || typeof decision !== "object" || typeof decision.context !== "string") return null;
  const findings = Array.isArray(decision.findings) ? decision.findings : [];
  return {
    context: decision.context.slice(0, 40),
    findings: findings
      .filter((f) => f && typeof f.rule === "string" && typeof f.category === "string")
      .slice(0, 200)
      .map((f) => ({ rule: f.rule.slice(0, 200), category: f.category.slice(0, 100) })),
    reason: typeof decision.reason === "string" ? decision.reason : "",
  };
}

/**
 * The log's single writer (lives in the background). `append(decision)`
 * queues one entry; appends run strictly one after the other, each reading
 * the log the previous one wrote. `storage` is a storage.local-like area.
 */
export function createOverrideLogWriter(storage = () => browserApi().storage.local, now = () => new Date()) {
  let queue = Promise.resolve();
  return {
    append(decision) {
      const run = queue.then(async () => {
        const area = storage();
        const stored = await area.get(OVERRIDE_LOG_KEY);
        const log = Array.isArray(stored?.[OVERRIDE_LOG_KEY]) ? stored[OVERRIDE_LOG_KEY] : [];
        await area.set({ [OVERRIDE_LOG_KEY]: appendCapped(log, makeOverrideEntry({ ...decision, at: now() })) });
      });
      // A failed write must not stop the ones after it.
      queue = run.catch(() => {});
      return run;
    },
  };
}

/**
 * Content script side: hands one decision to the background's writer. Only
 * rule ids and categories of the findings travel, never their excerpts.
 */
export async function recordOverride({ context, findings = [], reason = "" }) {
  const answer = await browserApi().runtime.sendMessage({
    type: MSG_RECORD_OVERRIDE,
    decision: { context, findings: findings.map((f) => ({ rule: f.rule, category: f.category })), reason: String(reason ?? "") },
  });
  if (!answer?.ok) throw new Error(answer?.error ?? "the background did not record the override");
}
