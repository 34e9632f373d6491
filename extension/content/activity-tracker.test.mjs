import test from "node:test";
import assert from "node:assert/strict";
import { ActivityTracker } from "./activity-tracker.js";
import { HELD_PENDING_MS } from "../shared/activity-log.js";

function setup() {
  const events = [];
  let clock = 1_000_000;
  let ids = 0;
  const tracker = new ActivityTracker({
    send: async (e) => events.push(e),
    describe: (c) => ({ context: "official", page: { id: "1000", name: "DC Office" }, surface: c.kind }),
    now: () => clock,
    newId: () => `e${++ids}`,
  });
  return { tracker, events, tick: (ms) => (clock += ms), flush: () => new Promise((r) => setTimeout(r, 0)) };
}
const composer = { id: 7, kind: "comment" };
const f = { rule: "political.party-campaign", category: "political" };

test("a report before any hold joins the next post's entry; after a hold it updates the held entry", async () => {
  const s = setup();
  s.tracker.falseAlarm(composer, { rule: f.rule, term: "নৌকা" });
  s.tracker.falseAlarm(composer, { rule: f.rule, term: "নৌকা" });
  s.tracker.sent(composer, "text", [f]);
  await s.flush();
  assert.deepEqual(s.events[0].entry.falseAlarms, [{ rule: f.rule, term: "নৌকা" }]);
  assert.equal(s.events[0].entry.surface, "comment");
  assert.equal(s.events[0].entry.outcome, "posted");
  s.tracker.held(composer, [f]);
  s.tracker.falseAlarm(composer, { rule: f.rule, term: "নৌকা" });
  await s.flush();
  assert.deepEqual(s.events.at(-1), { op: "update", id: "e2", falseAlarms: [{ rule: f.rule, term: "নৌকা" }] });
});

test("a hold not posted within the pending time stays cancelled; the next send is a new attempt", async () => {
  const s = setup();
  s.tracker.held(composer, [f]);
  s.tick(HELD_PENDING_MS + 1);
  s.tracker.sent(composer, "other", []);
  await s.flush();
  assert.deepEqual(s.events.map((e) => e.op === "add" ? e.entry.outcome : e.outcome), ["held-cancelled", "posted"]);
});

test("a closed composer forgets its draft; held twice is one attempt", async () => {
  const s = setup();
  s.tracker.held(composer, [f]);
  s.tracker.held(composer, [{ rule: "secrecy.x", category: "secrecy" }]);
  s.tracker.discard(composer);
  s.tracker.sent(composer, "new", []);
  await s.flush();
  assert.equal(s.events.filter((e) => e.op === "add").length, 2);
  assert.deepEqual(s.events[1], { op: "update", id: "e1", categories: ["secrecy"], rules: ["secrecy.x"] });
  assert.equal(s.events[2].entry.outcome, "posted");
});
