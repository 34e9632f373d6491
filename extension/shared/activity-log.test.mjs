import test from "node:test";
import assert from "node:assert/strict";
import {
  ACTIVITY_LOG_KEY,
  LEGACY_OVERRIDE_LOG_KEY,
  ACTIVITY_LOG_CAP,
  DEFAULT_RETENTION_DAYS,
  activityExport,
  applyActivityEvent,
  createActivityLogWriter,
  mergeLegacy,
  migrateOverrideEntry,
  pruneActivityLog,
  readActivityLog,
  recordActivity,
  retentionDaysOf,
  sanitizeActivityEvent,
} from "./activity-log.js";
import { MSG_RECORD_ACTIVITY } from "./messages.js";
import { createMessageRouter } from "../background/message-router.js";

const entry = (id, extra = {}) => ({ id, context: "official", page: { id: "1000", name: "DC Office" }, surface: "post", outcome: "posted", categories: [], rules: [], reason: "", falseAlarms: [], ...extra });

/** A storage.local stand-in whose get, set and remove each take a while, like the real one across processes. */
function slowStorage(data = {}) {
  const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
  return {
    data,
    get: async (keys) => {
      await pause();
      const out = {};
      for (const k of [keys].flat()) if (k in data) out[k] = structuredClone(data[k]);
      return out;
    },
    set: async (o) => {
      await pause();
      Object.assign(data, structuredClone(o));
    },
    remove: async (k) => {
      await pause();
      delete data[k];
    },
  };
}

test("events are sanitized: unknown outcomes, surfaces and shapes are refused; lists are cut and de-duplicated", () => {
  assert.equal(sanitizeActivityEvent(null), null);
  assert.equal(sanitizeActivityEvent({ op: "add", entry: entry("a", { outcome: "deleted" }) }), null);
  assert.equal(sanitizeActivityEvent({ op: "add", entry: entry("a", { surface: "chat" }) }), null);
  assert.equal(sanitizeActivityEvent({ op: "update", id: "a", outcome: "nope" }), null);
  assert.equal(sanitizeActivityEvent({ op: "drop", id: "a" }), null);
  const ok = sanitizeActivityEvent({ op: "add", entry: { ...entry("a"), text: "the post itself", categories: ["x", "x", 3], falseAlarms: [{ rule: "r", term: "t" }, { rule: "r", term: "t" }, { term: "no rule" }] } });
  assert.deepEqual(ok.entry.categories, ["x"]);
  assert.deepEqual(ok.entry.falseAlarms, [{ rule: "r", term: "t" }]);
  assert.equal("text" in ok.entry, false, "nothing but the log's fields travels on");
  assert.equal(sanitizeActivityEvent({ op: "add", entry: entry("a", { page: { id: 5 } }) }).entry.page, null);
});

test("apply: add once per id, update merges lists and a touch moves the entry to now, newest last", () => {
  const t0 = new Date("2026-11-30T09:00:00Z");
  const t1 = new Date("2026-11-30T09:05:00Z");
  let log = applyActivityEvent([], { op: "add", entry: entry("a", { outcome: "held-cancelled", categories: ["political"] }) }, t0);
  log = applyActivityEvent(log, { op: "add", entry: entry("a") }, t0);
  log = applyActivityEvent(log, { op: "add", entry: entry("b") }, t0);
  assert.deepEqual(log.map((e) => e.id), ["a", "b"]);
  log = applyActivityEvent(log, { op: "update", id: "a", outcome: "held-edited", categories: ["political", "secrecy"], falseAlarms: [{ rule: "r", term: "নৌকা" }], touch: true }, t1);
  assert.deepEqual(log.map((e) => e.id), ["b", "a"]);
  assert.equal(log[1].outcome, "held-edited");
  assert.equal(log[1].at, t1.toISOString());
  assert.deepEqual(log[1].categories, ["political", "secrecy"]);
  assert.deepEqual(log[1].falseAlarms, [{ rule: "r", term: "নৌকা" }]);
  assert.deepEqual(applyActivityEvent(log, { op: "update", id: "gone", outcome: "posted" }, t1), log, "an entry already dropped is left alone");
});

test("migration: each old override becomes a held-posted entry; the activity log stays in time order", () => {
  const legacy = [{ at: "2026-10-01T10:00:00.000Z", context: "official", categories: ["political"], rules: ["political.campaign"], reason: "approved" }, { at: "garbage" }];
  assert.deepEqual(migrateOverrideEntry(legacy[0], 0), {
    id: `migrated-0-${Date.parse("2026-10-01T10:00:00Z")}`,
    at: "2026-10-01T10:00:00.000Z",
    context: "official",
    page: null,
    surface: "post",
    outcome: "held-posted",
    categories: ["political"],
    rules: ["political.campaign"],
    reason: "approved",
    falseAlarms: [],
  });
  const merged = mergeLegacy([{ ...entry("x"), at: "2026-09-01T00:00:00.000Z" }, { ...entry("y"), at: "2026-11-01T00:00:00.000Z" }], legacy);
  assert.deepEqual(merged.map((e) => e.outcome), ["posted", "held-posted", "posted"]);
  assert.equal(merged.length, 3, "an old entry without a readable time is left out");
});

test("the writer migrates the old log once, then removes it; reading before the writer ran shows it too", async () => {
  const area = slowStorage({ [LEGACY_OVERRIDE_LOG_KEY]: [{ at: "2026-11-01T10:00:00.000Z", context: "official", categories: ["secrecy"], rules: ["secrecy.x"], reason: "ok" }] });
  assert.deepEqual((await readActivityLog(area)).map((e) => e.outcome), ["held-posted"]);
  const writer = createActivityLogWriter({ storage: () => area, now: () => new Date("2026-11-30T10:00:00Z") });
  await writer.record({ op: "add", entry: entry("n") });
  assert.equal(LEGACY_OVERRIDE_LOG_KEY in area.data, false, "the old log is removed");
  assert.deepEqual(area.data[ACTIVITY_LOG_KEY].map((e) => e.outcome), ["held-posted", "posted"]);
  await writer.maintain();
  assert.equal(area.data[ACTIVITY_LOG_KEY].length, 2, "migrated once");
});

test("retention: entries older than the policy's days are dropped (default 396); bad values fall back", () => {
  const now = new Date("2026-11-30T00:00:00Z");
  const at = (days) => new Date(now.getTime() - days * 86_400_000).toISOString();
  const log = [{ ...entry("old"), at: at(400) }, { ...entry("edge"), at: at(396) }, { ...entry("new"), at: at(1) }, { ...entry("bad"), at: "?" }];
  assert.deepEqual(pruneActivityLog(log, { now }).map((e) => e.id), ["edge", "new"]);
  assert.deepEqual(pruneActivityLog(log, { now, retentionDays: 30 }).map((e) => e.id), ["new"]);
  assert.equal(DEFAULT_RETENTION_DAYS, 396);
  assert.equal(retentionDaysOf(30), 30);
  for (const bad of [0, -1, 4000, 1.5, "30", null, undefined]) assert.equal(retentionDaysOf(bad), 396, String(bad));
});

test("cap: at most ACTIVITY_LOG_CAP entries, the oldest dropped first", async () => {
  const now = new Date("2026-11-30T00:00:00Z");
  const many = Array.from({ length: ACTIVITY_LOG_CAP + 3 }, (_, i) => ({ ...entry(`e${i}`), at: now.toISOString() }));
  const kept = pruneActivityLog(many, { now });
  assert.equal(kept.length, ACTIVITY_LOG_CAP);
  assert.equal(kept[0].id, "e3");
  const area = slowStorage({ [ACTIVITY_LOG_KEY]: [{ ...entry("a"), at: now.toISOString() }, { ...entry("b"), at: now.toISOString() }] });
  const writer = createActivityLogWriter({ storage: () => area, now: () => now, cap: 2 });
  await writer.record({ op: "add", entry: entry("c") });
  assert.deepEqual(area.data[ACTIVITY_LOG_KEY].map((e) => e.id), ["b", "c"]);
});

test("the writer uses the retention policy of the moment", async () => {
  const now = new Date("2026-11-30T00:00:00Z");
  const area = slowStorage({ [ACTIVITY_LOG_KEY]: [{ ...entry("a"), at: "2026-10-01T00:00:00.000Z" }] });
  const writer = createActivityLogWriter({ storage: () => area, now: () => now, retentionDays: async () => 30 });
  await writer.record({ op: "add", entry: entry("b") });
  assert.deepEqual(area.data[ACTIVITY_LOG_KEY].map((e) => e.id), ["b"]);
});

test("concurrent writes: many events at the same moment are all kept, in the order sent", async () => {
  const area = slowStorage();
  const writer = createActivityLogWriter({ storage: () => area });
  await Promise.all(Array.from({ length: 12 }, (_, i) => writer.record({ op: "add", entry: entry(`e${i}`) })));
  assert.deepEqual(area.data[ACTIVITY_LOG_KEY].map((e) => e.id), Array.from({ length: 12 }, (_, i) => `e${i}`));
  // An add and its update sent together: the update sees the add.
  await Promise.all([writer.record({ op: "add", entry: entry("h", { outcome: "held-cancelled" }) }), writer.record({ op: "update", id: "h", outcome: "held-edited" })]);
  assert.equal(area.data[ACTIVITY_LOG_KEY].find((e) => e.id === "h").outcome, "held-edited");
});

test("a failed write does not stop the writes after it", async () => {
  const area = slowStorage();
  let fail = true;
  const flaky = { ...area, set: async (o) => (fail ? ((fail = false), Promise.reject(new Error("quota"))) : area.set(o)) };
  const writer = createActivityLogWriter({ storage: () => flaky });
  await assert.rejects(writer.record({ op: "add", entry: entry("first") }), /quota/);
  await writer.record({ op: "add", entry: entry("second") });
  assert.deepEqual(area.data[ACTIVITY_LOG_KEY].map((e) => e.id), ["second"]);
});

test("export: the sotorko-activity contract, version 1, without internal ids", () => {
  const log = [
    { ...entry("a", { outcome: "held-edited", categories: ["political"], rules: ["political.party-campaign"], falseAlarms: [{ rule: "political.party-campaign", term: "নৌকা" }] }), at: "2026-11-30T09:58:00.000Z" },
    { ...entry("b", { page: null, surface: "comment" }), at: "2026-11-30T09:59:00.000Z" },
  ];
  const doc = activityExport(log, new Date("2026-11-30T10:00:00.123Z"), "0.2.0");
  assert.deepEqual(doc, {
    kind: "sotorko-activity",
    version: 1,
    exportedAt: "2026-11-30T10:00:00Z",
    extensionVersion: "0.2.0",
    entries: [
      { at: "2026-11-30T09:58:00Z", context: "official", page: { id: "1000", name: "DC Office" }, surface: "post", outcome: "held-edited", categories: ["political"], rules: ["political.party-campaign"], reason: "", falseAlarms: [{ rule: "political.party-campaign", term: "নৌকা" }] },
      { at: "2026-11-30T09:59:00Z", context: "official", page: null, surface: "comment", outcome: "posted", categories: [], rules: [], reason: "", falseAlarms: [] },
    ],
  });
});

test("recordActivity sends the event to the background and reports a refusal", async () => {
  const sent = [];
  const api = { runtime: { sendMessage: async (m) => (sent.push(m), { ok: true }) } };
  await recordActivity({ op: "update", id: "a", outcome: "posted" }, api);
  assert.deepEqual(sent, [{ type: MSG_RECORD_ACTIVITY, event: { op: "update", id: "a", outcome: "posted" } }]);
  api.runtime.sendMessage = async () => ({ ok: false, error: "disk full" });
  await assert.rejects(recordActivity({ op: "update", id: "a" }, api), /disk full/);
});

test("the background router records sane events and refuses others", async () => {
  const recorded = [];
  const route = createMessageRouter({}, "me", { record: async (e) => recorded.push(e) });
  const ask = (message, sender = { id: "me" }) =>
    new Promise((resolve) => {
      if (!route(message, sender, resolve)) resolve("ignored");
    });
  assert.deepEqual(await ask({ type: MSG_RECORD_ACTIVITY, event: { op: "add", entry: { ...entry("a"), excerpt: "x" } } }), { ok: true });
  assert.equal(recorded.length, 1);
  assert.equal("excerpt" in recorded[0].entry, false);
  assert.deepEqual(await ask({ type: MSG_RECORD_ACTIVITY, event: "nope" }), { ok: false, error: "not an activity event" });
  assert.equal(await ask({ type: MSG_RECORD_ACTIVITY, event: { op: "add", entry: entry("b") } }, { id: "other" }), "ignored");
  assert.equal(recorded.length, 1);
});
