/**
 * The quarterly review of an activity log (pure; no browser API). Follows
 * the definitions of `sotorko review` (docs/review.md), so the review page
 * and the office report agree:
 * - an entry belongs to the quarter by its `at`, in UTC;
 * - `posts`: entries that went out (`posted`, `held-edited`, `held-posted`);
 * - `held`: the three `held-*` outcomes;
 * - `weeks`: the ISO weeks the quarter touches; `weeksAtCadence`: those with
 *   at least {@link CADENCE_TARGET} posts (the guideline's twice a week);
 * - `byCategory`: entries per category; `falseAlarms`: one row per rule and
 *   term with its count; entries without a page are grouped under id null.
 */
import { POSTED_OUTCOMES } from "./activity-log.js";

/** Posts per week the guideline asks of an office page. */
export const CADENCE_TARGET = 2;

/** Days without a post after which an office page is flagged. */
export const CADENCE_GAP_DAYS = 4;

const DAY = 86_400_000;

/** Parses "2026Q4" → `{ label, year, q, start, end }` (UTC; `end` exclusive), or null. */
export function parseQuarter(text) {
  const m = /^(\d{4})Q([1-4])$/.exec(String(text ?? "").trim().toUpperCase());
  if (!m) return null;
  const year = Number(m[1]);
  const q = Number(m[2]);
  return { label: `${year}Q${q}`, year, q, start: new Date(Date.UTC(year, (q - 1) * 3, 1)), end: new Date(Date.UTC(year, q * 3, 1)) };
}

/** The quarter label of a date (UTC), e.g. "2026Q4". */
export function quarterOf(date) {
  return `${date.getUTCFullYear()}Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** The quarter before `label`. */
export function previousQuarter(label) {
  const q = parseQuarter(label);
  return q.q === 1 ? `${q.year - 1}Q4` : `${q.year}Q${q.q - 1}`;
}

/** The ISO week of a date (UTC): `{ key: "2026-W48", year, week, monday: Date }`. */
export function isoWeek(date) {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  const monday = new Date(day.getTime() - (weekday - 1) * DAY);
  const thursday = new Date(monday.getTime() + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1;
  return { key: `${year}-W${String(week).padStart(2, "0")}`, year, week, monday };
}

/** The ISO weeks a quarter touches, in order (a week shared with the next or previous quarter counts). */
export function weeksOfQuarter(quarter) {
  const weeks = [];
  for (let t = isoWeek(quarter.start).monday.getTime(); t < quarter.end.getTime(); t += 7 * DAY) {
    weeks.push(isoWeek(new Date(t)));
  }
  return weeks;
}

/** Entries of `log` in the quarter (by `at`, UTC). */
export function entriesInQuarter(log, quarter) {
  return (log ?? []).filter((e) => {
    const t = Date.parse(e?.at);
    return Number.isFinite(t) && t >= quarter.start.getTime() && t < quarter.end.getTime();
  });
}

function pageKey(page) {
  return page && page.id ? String(page.id) : null;
}

const bump = (obj, key, n = 1) => {
  obj[key] = (obj[key] ?? 0) + n;
};

/**
 * The review of `log` for the quarter `label`:
 * `{ quarter, weeks: [key], pages: [{ id, name, posts, weeks, weeksAtCadence, held,
 *    heldEdited, heldPosted, heldCancelled, byCategory, postsByWeek }],
 *   falseAlarms: [{ rule, term, count }], totals: { entries, posts, posted, held,
 *   heldEdited, heldPosted, heldCancelled, prevented }, byCategory, topRules: [{ rule, count }] }`.
 * Throws on a bad quarter label.
 */
export function reviewQuarter(log, label) {
  const quarter = parseQuarter(label);
  if (!quarter) throw new Error(`not a quarter: ${JSON.stringify(label)} (expected e.g. 2026Q4)`);
  const weeks = weeksOfQuarter(quarter);
  const entries = entriesInQuarter(log, quarter);
  const pages = new Map();
  const alarms = new Map();
  const rules = new Map();
  const byCategory = {};
  const totals = { entries: entries.length, posts: 0, posted: 0, held: 0, heldEdited: 0, heldPosted: 0, heldCancelled: 0, prevented: 0 };
  for (const entry of entries) {
    const id = pageKey(entry.page);
    let page = pages.get(id);
    if (!page) {
      page = { id, name: null, posts: 0, weeks: weeks.length, weeksAtCadence: 0, held: 0, heldEdited: 0, heldPosted: 0, heldCancelled: 0, byCategory: {}, postsByWeek: Object.fromEntries(weeks.map((w) => [w.key, 0])) };
      pages.set(id, page);
    }
    if (id !== null && !page.name && entry.page?.name) page.name = entry.page.name;
    if (POSTED_OUTCOMES.includes(entry.outcome)) {
      page.posts += 1;
      totals.posts += 1;
      bump(page.postsByWeek, isoWeek(new Date(entry.at)).key);
    }
    if (entry.outcome === "posted") totals.posted += 1;
    const heldField = { "held-edited": "heldEdited", "held-posted": "heldPosted", "held-cancelled": "heldCancelled" }[entry.outcome];
    if (heldField) {
      page.held += 1;
      page[heldField] += 1;
      totals.held += 1;
      totals[heldField] += 1;
    }
    for (const c of new Set(entry.categories ?? [])) {
      bump(page.byCategory, c);
      bump(byCategory, c);
    }
    for (const r of new Set(entry.rules ?? [])) rules.set(r, (rules.get(r) ?? 0) + 1);
    for (const f of entry.falseAlarms ?? []) {
      const key = `${f.rule}\u0000${f.term ?? ""}`;
      const row = alarms.get(key) ?? { rule: f.rule, term: f.term ?? "", count: 0 };
      row.count += 1;
      alarms.set(key, row);
    }
  }
  totals.prevented = totals.heldEdited + totals.heldCancelled;
  for (const page of pages.values()) {
    page.weeksAtCadence = weeks.filter((w) => page.postsByWeek[w.key] >= CADENCE_TARGET).length;
  }
  const byCount = (a, b) => b.count - a.count;
  return {
    quarter: quarter.label,
    weeks: weeks.map((w) => w.key),
    pages: [...pages.values()].sort((a, b) => (a.id === null) - (b.id === null) || String(a.name ?? a.id).localeCompare(String(b.name ?? b.id)) || String(a.id).localeCompare(String(b.id))),
    falseAlarms: [...alarms.values()].sort((a, b) => byCount(a, b) || a.rule.localeCompare(b.rule) || a.term.localeCompare(b.term)),
    totals,
    byCategory,
    topRules: [...rules].map(([rule, count]) => ({ rule, count })).sort((a, b) => byCount(a, b) || a.rule.localeCompare(b.rule)),
  };
}

/** The quarters that have entries in `log`, newest first, always including the current one. */
export function quartersOfLog(log, now = new Date()) {
  const set = new Set([quarterOf(now)]);
  for (const e of log ?? []) {
    const t = Date.parse(e?.at);
    if (Number.isFinite(t)) set.add(quarterOf(new Date(t)));
  }
  return [...set].sort().reverse();
}

/**
 * Office pages (entries with a page id) whose last post this browser saw is
 * more than {@link CADENCE_GAP_DAYS} days before `now`:
 * `[{ id, name, lastPostAt, days }]`, longest gap first.
 */
export function cadenceGaps(log, now = new Date(), gapDays = CADENCE_GAP_DAYS) {
  const last = new Map();
  for (const e of log ?? []) {
    const id = pageKey(e.page);
    const t = Date.parse(e?.at);
    if (id === null || !Number.isFinite(t) || e.context !== "official" || !POSTED_OUTCOMES.includes(e.outcome)) continue;
    const prev = last.get(id);
    if (!prev || t > prev.t) last.set(id, { t, name: e.page.name || id });
  }
  return [...last]
    .map(([id, { t, name }]) => ({ id, name, lastPostAt: new Date(t).toISOString(), days: Math.floor((now.getTime() - t) / DAY) }))
    .filter((g) => now.getTime() - Date.parse(g.lastPostAt) > gapDays * DAY)
    .sort((a, b) => b.days - a.days);
}

/** RFC 4180 field quoting. */
function csvField(value) {
  const s = value === null || value === undefined ? "" : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The entries as CSV (one row per entry, the export's fields; lists joined with ";"). */
export function activityCsv(entries) {
  const head = ["at", "context", "page_id", "page_name", "surface", "outcome", "categories", "rules", "reason", "false_alarms"];
  const rows = (entries ?? []).map((e) => [
    e.at,
    e.context,
    e.page?.id ?? "",
    e.page?.name ?? "",
    e.surface,
    e.outcome,
    (e.categories ?? []).join(";"),
    (e.rules ?? []).join(";"),
    e.reason ?? "",
    (e.falseAlarms ?? []).map((f) => `${f.rule}=${f.term ?? ""}`).join(";"),
  ]);
  return [head, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
