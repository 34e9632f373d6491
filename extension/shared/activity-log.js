/**
 * The local activity log (storage.local `activityLog`): one entry per post
 * attempt Sotorko saw, for the office's quarterly review. Never the post text.
 *
 * Entry (newest last):
 * `{ id, at, context, page: { id, name } | null, surface, outcome, categories,
 *    rules, reason, falseAlarms: [{ rule, term }] }`
 * - `surface`: "post" | "comment" | "reply" | "business";
 * - `outcome`: "posted" (clean), "held-edited" (held, then changed and
 *   posted), "held-posted" ("Post anyway"), "held-cancelled" (held and not
 *   posted: see {@link HELD_PENDING_MS});
 * - `id` is internal (it lets a held entry be resolved later); the export
 *   leaves it out (docs/review.md, the `sotorko-activity` contract).
 *
 * One writer: content scripts send events to the background
 * ({@link recordActivity} → `sotorko:record-activity`), whose
 * {@link createActivityLogWriter} applies them strictly one after the other,
 * each reading what the previous one wrote. It also migrates the old
 * `overrideLog` ("Post anyway" decisions) into this log once, drops entries
 * older than the retention (policy `activityRetentionDays`, default 396 days)
 * and keeps at most {@link ACTIVITY_LOG_CAP} entries (oldest dropped first).
 */
import { browserApi } from "./browser-api.js";
import { MSG_RECORD_ACTIVITY } from "./messages.js";

/** The storage.local key of the log. */
export const ACTIVITY_LOG_KEY = "activityLog";

/** The storage.local key of the old override log, migrated into the activity log. */
export const LEGACY_OVERRIDE_LOG_KEY = "overrideLog";

/** How many entries are kept at most (oldest dropped first). */
export const ACTIVITY_LOG_CAP = 5000;

/** Default retention in days (about 13 months, so a year's awards can be judged). */
export const DEFAULT_RETENTION_DAYS = 396;

/** Retention limits accepted from policy. */
export const RETENTION_LIMITS = Object.freeze({ min: 1, max: 3650 });

/**
 * A held post that is not posted from the same composer within this time
 * stays `held-cancelled` (it is written so when held, and changed to
 * `held-edited`/`held-posted` only when that draft is then posted).
 */
export const HELD_PENDING_MS = 30 * 60 * 1000;

/** The outcomes of a post attempt. */
export const OUTCOMES = Object.freeze(["posted", "held-edited", "held-posted", "held-cancelled"]);

/** Outcomes of attempts that went out (the contract's `posts`). */
export const POSTED_OUTCOMES = Object.freeze(["posted", "held-edited", "held-posted"]);

/** The surfaces a post attempt can come from. */
export const SURFACES = Object.freeze(["post", "comment", "reply", "business"]);

const LIMITS = { id: 64, text: 200, reason: 500, list: 100, falseAlarms: 50, term: 100 };

const str = (value, max) => (typeof value === "string" ? value.slice(0, max) : "");
const uniq = (xs) => [...new Set(xs)];
const strings = (xs, max = LIMITS.text) => uniq((Array.isArray(xs) ? xs : []).filter((x) => typeof x === "string" && x).map((x) => x.slice(0, max))).slice(0, LIMITS.list);

/** A page reference `{ id, name }` (strings, may be empty) or null. */
export function sanitizePage(page) {
  if (!page || typeof page !== "object") return null;
  const id = str(page.id, LIMITS.text);
  const name = str(page.name, LIMITS.text);
  return id || name ? { id, name } : null;
}

/** False-alarm reports `[{ rule, term }]`, one per rule and term. */
export function sanitizeFalseAlarms(list) {
  const out = [];
  const seen = new Set();
  for (const item of Array.isArray(list) ? list : []) {
    if (!item || typeof item.rule !== "string" || !item.rule) continue;
    const report = { rule: item.rule.slice(0, LIMITS.text), term: str(item.term, LIMITS.term) };
    const key = `${report.rule}\u0000${report.term}`;
    if (seen.has(key) || out.length >= LIMITS.falseAlarms) continue;
    seen.add(key);
    out.push(report);
  }
  return out;
}

function isoOf(at) {
  const date = at instanceof Date ? at : new Date(at);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * Checks one event from a content script and keeps only what the log needs.
 * `{ op: "add", entry: { id, context, page, surface, outcome, categories, rules, reason, falseAlarms } }`
 * or `{ op: "update", id, outcome?, categories?, rules?, reason?, falseAlarms?, touch? }`
 * (lists are added to what the entry has; `touch` moves it to now, newest last).
 * Returns null when it is not such an event.
 */
export function sanitizeActivityEvent(event) {
  if (!event || typeof event !== "object") return null;
  if (event.op === "add") {
    const e = event.entry;
    if (!e || typeof e !== "object" || typeof e.id !== "string" || !e.id) return null;
    if (!OUTCOMES.includes(e.outcome) || !SURFACES.includes(e.surface) || typeof e.context !== "string") return null;
    return {
      op: "add",
      entry: {
        id: e.id.slice(0, LIMITS.id),
        context: e.context.slice(0, 40),
        page: sanitizePage(e.page),
        surface: e.surface,
        outcome: e.outcome,
        categories: strings(e.categories),
        rules: strings(e.rules),
        reason: str(e.reason, LIMITS.reason),
        falseAlarms: sanitizeFalseAlarms(e.falseAlarms),
      },
    };
  }
  if (event.op === "update") {
    if (typeof event.id !== "string" || !event.id) return null;
    if (event.outcome !== undefined && !OUTCOMES.includes(event.outcome)) return null;
    const out = { op: "update", id: event.id.slice(0, LIMITS.id) };
    if (event.outcome !== undefined) out.outcome = event.outcome;
    if (event.categories !== undefined) out.categories = strings(event.categories);
    if (event.rules !== undefined) out.rules = strings(event.rules);
    if (event.reason !== undefined) out.reason = str(event.reason, LIMITS.reason);
    if (event.falseAlarms !== undefined) out.falseAlarms = sanitizeFalseAlarms(event.falseAlarms);
    if (event.touch === true) out.touch = true;
    return out;
  }
  return null;
}

/** Applies one sanitized event to `log` at time `now` (a Date); returns the new log. Pure. */
export function applyActivityEvent(log, event, now) {
  const list = Array.isArray(log) ? [...log] : [];
  if (event.op === "add") {
    if (list.some((e) => e.id === event.entry.id)) return list; // sent twice: keep one
    list.push({ id: event.entry.id, at: now.toISOString(), ...withoutId(event.entry) });
    return list;
  }
  const index = list.findIndex((e) => e.id === event.id);
  if (index < 0) return list; // dropped by retention or the cap meanwhile
  const entry = { ...list[index] };
  if (event.outcome) entry.outcome = event.outcome;
  if (event.categories) entry.categories = uniq([...(entry.categories ?? []), ...event.categories]);
  if (event.rules) entry.rules = uniq([...(entry.rules ?? []), ...event.rules]);
  if (event.reason !== undefined) entry.reason = event.reason;
  if (event.falseAlarms) entry.falseAlarms = sanitizeFalseAlarms([...(entry.falseAlarms ?? []), ...event.falseAlarms]);
  if (event.touch) {
    entry.at = now.toISOString();
    list.splice(index, 1);
    list.push(entry);
  } else {
    list[index] = entry;
  }
  return list;
}

function withoutId(entry) {
  const { id: _id, ...rest } = entry;
  return rest;
}

/** One entry of the old override log as an activity entry ("Post anyway" = `held-posted`). */
export function migrateOverrideEntry(old, index = 0) {
  const at = isoOf(old?.at);
  if (!old || typeof old !== "object" || !at) return null;
  return {
    id: `migrated-${index}-${Date.parse(at)}`,
    at,
    context: str(old.context, 40) || "official",
    page: null,
    // The old log did not say where the post was written; "post" is the most common surface.
    surface: "post",
    outcome: "held-posted",
    categories: strings(old.categories),
    rules: strings(old.rules),
    reason: str(old.reason, LIMITS.reason),
    falseAlarms: [],
  };
}

/**
 * The old override log merged into an activity log: migrated entries in time
 * order before/among the existing ones (sorted by `at`, stable). Pure.
 */
export function mergeLegacy(activity, legacy) {
  const migrated = (Array.isArray(legacy) ? legacy : []).map(migrateOverrideEntry).filter(Boolean);
  if (migrated.length === 0) return Array.isArray(activity) ? activity : [];
  return [...migrated, ...(Array.isArray(activity) ? activity : [])]
    .map((e, i) => [e, i])
    .sort((a, b) => (Date.parse(a[0].at) || 0) - (Date.parse(b[0].at) || 0) || a[1] - b[1])
    .map(([e]) => e);
}

/** The retention in days from a settings value (policy `activityRetentionDays`), else the default. */
export function retentionDaysOf(value) {
  return Number.isInteger(value) && value >= RETENTION_LIMITS.min && value <= RETENTION_LIMITS.max ? value : DEFAULT_RETENTION_DAYS;
}

/**
 * Drops entries older than `retentionDays` before `now` (and entries whose
 * time cannot be read), then keeps the newest `cap`. Pure.
 */
export function pruneActivityLog(log, { now, retentionDays = DEFAULT_RETENTION_DAYS, cap = ACTIVITY_LOG_CAP }) {
  const oldest = now.getTime() - retentionDaysOf(retentionDays) * 86_400_000;
  const kept = (Array.isArray(log) ? log : []).filter((e) => {
    const t = Date.parse(e?.at);
    return Number.isFinite(t) && t >= oldest;
  });
  return kept.length > cap ? kept.slice(kept.length - cap) : kept;
}

/** Reads the log, oldest first, with the old override log merged in if it was not migrated yet. */
export async function readActivityLog(area = browserApi().storage.local) {
  const stored = (await area.get([ACTIVITY_LOG_KEY, LEGACY_OVERRIDE_LOG_KEY])) ?? {};
  return mergeLegacy(stored[ACTIVITY_LOG_KEY], stored[LEGACY_OVERRIDE_LOG_KEY]);
}

/**
 * The log's single writer (lives in the background). `record(event)` queues
 * one sanitized event; events run strictly one after the other, each reading
 * the log the previous one wrote. Every write also migrates the old override
 * log (then removes it) and applies retention and the cap.
 * `retentionDays()` gives the current policy value (or undefined).
 */
export function createActivityLogWriter({ storage = () => browserApi().storage.local, now = () => new Date(), retentionDays = () => undefined, cap = ACTIVITY_LOG_CAP } = {}) {
  let queue = Promise.resolve();
  const run = (change) => {
    const job = queue.then(async () => {
      const area = storage();
      const stored = (await area.get([ACTIVITY_LOG_KEY, LEGACY_OVERRIDE_LOG_KEY])) ?? {};
      const hadLegacy = stored[LEGACY_OVERRIDE_LOG_KEY] !== undefined;
      const at = now();
      let log = mergeLegacy(stored[ACTIVITY_LOG_KEY], stored[LEGACY_OVERRIDE_LOG_KEY]);
      log = change(log, at);
      log = pruneActivityLog(log, { now: at, retentionDays: await retentionDays(), cap });
      await area.set({ [ACTIVITY_LOG_KEY]: log });
      // Removed only after the migrated entries are safely written.
      if (hadLegacy) await area.remove(LEGACY_OVERRIDE_LOG_KEY);
    });
    // A failed write must not stop the ones after it.
    queue = job.catch(() => {});
    return job;
  };
  return {
    /** Applies one event (already sanitized by {@link sanitizeActivityEvent}). */
    record: (event) => run((log, at) => applyActivityEvent(log, event, at)),
    /** Migrates the old log and applies retention without adding anything (at start-up). */
    maintain: () => run((log) => log),
  };
}

/**
 * The export document (the `sotorko-activity` contract, version 1): entries
 * oldest first, without the internal `id`. Returns the object.
 */
export function activityExport(log, date, extensionVersion) {
  return {
    kind: "sotorko-activity",
    version: 1,
    exportedAt: date.toISOString().replace(/\.\d{3}Z$/, "Z"),
    extensionVersion,
    entries: (log ?? []).map((e) => ({
      at: String(e.at).replace(/\.\d{3}Z$/, "Z"),
      context: e.context,
      page: e.page ? { id: e.page.id ?? "", name: e.page.name ?? "" } : null,
      surface: e.surface,
      outcome: e.outcome,
      categories: e.categories ?? [],
      rules: e.rules ?? [],
      reason: e.reason ?? "",
      falseAlarms: (e.falseAlarms ?? []).map((f) => ({ rule: f.rule, term: f.term ?? "" })),
    })),
  };
}

/** The export file name for a date, e.g. `sotorko-activity-2026-11-30.json`. */
export function activityExportFileName(date, ext = "json") {
  return `sotorko-activity-${date.toISOString().slice(0, 10)}.${ext}`;
}

/** Content script side: hands one event to the background's writer. */
export async function recordActivity(event, api = browserApi()) {
  const answer = await api.runtime.sendMessage({ type: MSG_RECORD_ACTIVITY, event });
  if (!answer?.ok) throw new Error(answer?.error ?? "the background did not record the activity");
}
