/**
 * The local count of composers Sotorko could not hold: a composer had
 * findings and no send control could be tied to it (storage.local
 * `unguardedLog`: `{ count, first, last, recent: [{ at, host, description }] }`,
 * at most UNGUARDED_RECENT descriptions kept). A description names roles,
 * tags and labels only, never the post text; the options page shows it for IT.
 */
import { browserApi } from "./browser-api.js";

/** The storage.local key. */
export const UNGUARDED_LOG_KEY = "unguardedLog";

/** How many descriptions are kept (newest last). */
export const UNGUARDED_RECENT = 10;

/** The log with one more occurrence added (pure). */
export function addUnguarded(log, { at = new Date(), host = "", description = "" } = {}) {
  const when = at instanceof Date ? at.toISOString() : String(at);
  const base = log && typeof log === "object" && Number.isFinite(log.count) ? log : { count: 0, first: when, last: when, recent: [] };
  const recent = [...(Array.isArray(base.recent) ? base.recent : []), { at: when, host: String(host).slice(0, 100), description: String(description).slice(0, 4000) }].slice(-UNGUARDED_RECENT);
  return { count: base.count + 1, first: base.first ?? when, last: when, recent };
}

/** Reads the log (null when nothing was recorded). */
export async function readUnguardedLog() {
  const stored = await browserApi().storage.local.get(UNGUARDED_LOG_KEY);
  const log = stored?.[UNGUARDED_LOG_KEY];
  return log && typeof log === "object" && Number.isFinite(log.count) ? log : null;
}

/** Records one occurrence. */
export async function recordUnguarded(entry) {
  const log = await readUnguardedLog();
  await browserApi().storage.local.set({ [UNGUARDED_LOG_KEY]: addUnguarded(log, entry) });
}
