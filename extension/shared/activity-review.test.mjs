import test from "node:test";
import assert from "node:assert/strict";
import { parseQuarter, quarterOf, previousQuarter, isoWeek, weeksOfQuarter, reviewQuarter, quartersOfLog, cadenceGaps, activityCsv } from "./activity-review.js";

const e = (at, outcome, extra = {}) => ({ at, context: "official", page: { id: "1000", name: "DC Office" }, surface: "post", outcome, categories: [], rules: [], reason: "", falseAlarms: [], ...extra });

test("quarters parse and name in UTC", () => {
  assert.deepEqual(parseQuarter("2026q4"), { label: "2026Q4", year: 2026, q: 4, start: new Date("2026-10-01T00:00:00Z"), end: new Date("2027-01-01T00:00:00Z") });
  for (const bad of ["2026Q5", "2026", "Q4", "", null]) assert.equal(parseQuarter(bad), null);
  assert.equal(quarterOf(new Date("2026-12-31T23:59:59Z")), "2026Q4");
  assert.equal(quarterOf(new Date("2027-01-01T00:00:00Z")), "2027Q1");
  assert.equal(previousQuarter("2027Q1"), "2026Q4");
  assert.throws(() => reviewQuarter([], "2026Q9"), /not a quarter/);
});

test("ISO weeks, including the year boundary", () => {
  assert.equal(isoWeek(new Date("2026-11-30T10:00:00Z")).key, "2026-W49");
  assert.equal(isoWeek(new Date("2027-01-01T00:00:00Z")).key, "2026-W53");
  assert.equal(isoWeek(new Date("2024-12-30T00:00:00Z")).key, "2025-W01");
  assert.equal(isoWeek(new Date("2026-01-01T00:00:00Z")).key, "2026-W01");
  // 2026Q4: Thu 1 Oct (W40) … Thu 31 Dec (W53): 14 weeks touched.
  const weeks = weeksOfQuarter(parseQuarter("2026Q4")).map((w) => w.key);
  assert.equal(weeks[0], "2026-W40");
  assert.equal(weeks.at(-1), "2026-W53");
  assert.equal(weeks.length, 14);
  // 2025Q1: Wed 1 Jan 2025 is in 2025-W01, Mon 31 Mar in W14.
  assert.equal(weeksOfQuarter(parseQuarter("2025Q1")).length, 14);
});

test("the review follows the contract's definitions", () => {
  const log = [
    e("2026-09-30T23:59:59Z", "posted"), // previous quarter
    e("2026-11-30T09:00:00Z", "posted", { categories: ["political"], rules: ["political.party-campaign"] }),
    e("2026-12-01T09:00:00Z", "held-edited", { categories: ["political"], rules: ["political.party-campaign"], falseAlarms: [{ rule: "political.party-campaign", term: "নৌকা" }] }),
    e("2026-12-02T09:00:00Z", "held-posted", { categories: ["secrecy", "political"], rules: ["secrecy.x", "political.party-campaign"], reason: "ok" }),
    e("2026-12-03T09:00:00Z", "held-cancelled", { categories: ["political"], rules: ["political.party-campaign"], falseAlarms: [{ rule: "political.party-campaign", term: "নৌকা" }, { rule: "secrecy.x", term: "file" }] }),
    e("2026-10-05T09:00:00Z", "posted", { page: null, context: "personal", surface: "comment" }),
    e("2026-10-06T09:00:00Z", "posted", { page: { id: "2000", name: "Upazila Office" } }),
  ];
  const r = reviewQuarter(log, "2026Q4");
  assert.equal(r.quarter, "2026Q4");
  assert.deepEqual(r.pages.map((p) => p.id), ["1000", "2000", null], "by name, no page last");
  const dc = r.pages[0];
  assert.deepEqual(
    { ...dc, postsByWeek: undefined },
    { id: "1000", name: "DC Office", posts: 3, weeks: 14, weeksAtCadence: 1, held: 3, heldEdited: 1, heldPosted: 1, heldCancelled: 1, byCategory: { political: 4, secrecy: 1 }, postsByWeek: undefined },
  );
  assert.equal(dc.postsByWeek["2026-W49"], 3, "Mon 30 Nov, Tue 1 and Wed 2 Dec; the cancelled one is not a post");
  assert.equal(r.pages[2].name, null);
  assert.deepEqual(r.falseAlarms, [
    { rule: "political.party-campaign", term: "নৌকা", count: 2 },
    { rule: "secrecy.x", term: "file", count: 1 },
  ]);
  assert.deepEqual(r.totals, { entries: 6, posts: 5, posted: 3, held: 3, heldEdited: 1, heldPosted: 1, heldCancelled: 1, prevented: 2 });
  assert.deepEqual(r.topRules, [{ rule: "political.party-campaign", count: 4 }, { rule: "secrecy.x", count: 1 }]);
  assert.deepEqual(reviewQuarter(log, "2026Q3").totals.posts, 1);
});

test("quarters offered and cadence gaps (official pages only, more than 4 days)", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  assert.deepEqual(quartersOfLog([e("2026-02-01T00:00:00Z", "posted")], now), ["2026Q4", "2026Q1"]);
  const log = [
    e("2026-11-25T11:00:00Z", "posted"),
    e("2026-11-27T11:00:00Z", "held-cancelled"),
    e("2026-11-28T00:00:00Z", "posted", { page: { id: "2000", name: "Upazila Office" } }),
    e("2026-11-01T00:00:00Z", "posted", { page: null }),
  ];
  assert.deepEqual(cadenceGaps(log, now), [{ id: "1000", name: "DC Office", lastPostAt: "2026-11-25T11:00:00.000Z", days: 5 }]);
});

test("CSV: one row per entry, quoted where needed, no post text field", () => {
  const csv = activityCsv([e("2026-11-30T09:58:00Z", "held-posted", { reason: 'said "yes", ok', categories: ["a", "b"], falseAlarms: [{ rule: "r", term: "নৌকা" }] })]);
  assert.equal(
    csv,
    'at,context,page_id,page_name,surface,outcome,categories,rules,reason,false_alarms\r\n2026-11-30T09:58:00Z,official,1000,DC Office,post,held-posted,a;b,,"said ""yes"", ok",r=নৌকা\r\n',
  );
});
