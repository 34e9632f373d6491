/**
 * The `sotorko-activity` contract, end to end between its two sides: the
 * extension's log and export (extension/shared/activity-log.js) and the CLI's
 * office report (`sotorko review`, crate/src/cli/review/). A log is built with
 * the extension's own event functions, exported with its own export function,
 * split across two officials' files, and merged by the real CLI; the CLI's
 * per-page figures must equal the extension's own quarterly review
 * (extension/shared/activity-review.js) of the same log. Two independent
 * implementations of docs/review.md's definitions agreeing on one input.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { activityExport, applyActivityEvent, sanitizeActivityEvent } from "../../extension/shared/activity-log.js";
import { reviewQuarter } from "../../extension/shared/activity-review.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = path.join(ROOT, "target", "debug", "sotorko");

let temp;
before(() => {
  // Builds the CLI when this file runs on its own (a no-op after `cargo test`).
  execFileSync("cargo", ["build", "-q", "-p", "sotorko"], { cwd: ROOT, stdio: "inherit" });
  temp = mkdtempSync(path.join(os.tmpdir(), "sotorko-contract-"));
});
after(() => rmSync(temp, { recursive: true, force: true }));

const DC = { id: "1000", name: "DC Office" };
const UNO = { id: "uno.sadar", name: "ইউএনও কার্যালয়, সদর" };

/** A quarter of activity through the extension's own event path (add, then resolve). */
function buildLog() {
  let log = [];
  let n = 0;
  const add = (at, entry) => {
    const id = `e${n++}`;
    const event = sanitizeActivityEvent({ op: "add", entry: { id, context: "official", reason: "", falseAlarms: [], categories: [], rules: [], ...entry } });
    assert.ok(event, "a valid add event");
    log = applyActivityEvent(log, event, new Date(at));
    return id;
  };
  const update = (at, id, change) => {
    const event = sanitizeActivityEvent({ op: "update", id, ...change });
    assert.ok(event, "a valid update event");
    log = applyActivityEvent(log, event, new Date(at));
  };
  // DC office: two clean posts a week in the first three weeks of October 2026.
  for (const day of ["2026-10-01", "2026-10-02", "2026-10-06", "2026-10-08", "2026-10-13", "2026-10-15"]) {
    add(`${day}T04:00:00Z`, { page: DC, surface: "post", outcome: "posted" });
  }
  // A held post, edited and then posted; one posted anyway with a reason and a false-alarm report.
  const edited = add("2026-11-02T05:00:00Z", { page: DC, surface: "post", outcome: "held-cancelled", categories: ["political"], rules: ["political.party-campaign"] });
  update("2026-11-02T05:10:00Z", edited, { outcome: "held-edited", touch: true });
  const anyway = add("2026-11-03T05:00:00Z", { page: DC, surface: "comment", outcome: "held-cancelled", categories: ["belittling"], rules: ["frame.belittling"] });
  update("2026-11-03T05:02:00Z", anyway, { outcome: "held-posted", reason: "quoting the complainant", falseAlarms: [{ rule: "frame.belittling", term: "অযোগ্য" }], touch: true });
  // UNO office: one held and cancelled, one clean reply, a business post.
  add("2026-12-01T06:00:00Z", { page: UNO, surface: "post", outcome: "held-cancelled", categories: ["incitement", "political"], rules: ["frame.incitement", "frame.political"], falseAlarms: [{ rule: "frame.political", term: "নৌকা" }] });
  add("2026-12-02T06:00:00Z", { page: UNO, surface: "reply", outcome: "posted" });
  add("2026-12-30T23:59:59Z", { page: UNO, surface: "business", outcome: "posted" });
  // A personal post without a page, and one outside the quarter (January 2027 is 2026-W53 but 2027Q1).
  add("2026-12-10T10:00:00Z", { context: "personal", page: null, surface: "post", outcome: "held-posted", categories: ["gender"], rules: ["frame.gender"], falseAlarms: [{ rule: "frame.political", term: "নৌকা" }] });
  add("2027-01-01T08:00:00Z", { page: DC, surface: "post", outcome: "posted" });
  return log;
}

const withoutZeros = (obj) => Object.fromEntries(Object.entries(obj ?? {}).filter(([, v]) => v !== 0));

test("the CLI's office report of the extension's exports equals the extension's own review", () => {
  const log = buildLog();
  const at = new Date("2027-01-02T00:00:00Z");
  // Two officials' exports: the log split in two files (as two browsers would give).
  const files = [log.slice(0, 7), log.slice(7)].map((part, i) => {
    const file = path.join(temp, `official-${i}.json`);
    writeFileSync(file, JSON.stringify(activityExport(part, at, "0.2.0"), null, 2));
    return file;
  });
  const run = spawnSync(CLI, ["review", "--quarter", "2026Q4", "--format", "json", ...files], { encoding: "utf8" });
  assert.equal(run.status, 0, `sotorko review failed:\n${run.stderr}`);
  const cli = JSON.parse(run.stdout);
  const ext = reviewQuarter(log, "2026Q4");

  assert.equal(cli.quarter, "2026Q4");
  const byId = (pages) => new Map(pages.map((p) => [p.id, p]));
  const cliPages = byId(cli.pages);
  const extPages = byId(ext.pages);
  assert.deepEqual([...cliPages.keys()].sort(), [...extPages.keys()].sort(), "the same pages (the page-less group as null)");
  for (const [id, mine] of extPages) {
    const theirs = cliPages.get(id);
    for (const field of ["posts", "weeks", "weeksAtCadence", "held", "heldEdited", "heldPosted", "heldCancelled"]) {
      assert.equal(theirs[field], mine[field], `page ${id}: ${field}`);
    }
    assert.deepEqual(withoutZeros(theirs.byCategory), withoutZeros(mine.byCategory), `page ${id}: byCategory`);
    if (id !== null) assert.equal(theirs.name, mine.name, `page ${id}: name`);
  }
  const alarms = (rows) => rows.map((r) => `${r.rule}|${r.term}|${r.count}`).sort();
  assert.deepEqual(alarms(cli.falseAlarms), alarms(ext.falseAlarms), "false-alarm reports");

  // The figures themselves, so a shared mistake in both sides shows too.
  const dc = cliPages.get("1000");
  assert.equal(dc.posts, 8);
  assert.equal(dc.weeks, 14);
  assert.equal(dc.weeksAtCadence, 4); // three October weeks and W45 (2 and 3 November)
  assert.deepEqual([dc.heldEdited, dc.heldPosted, dc.heldCancelled], [1, 1, 0]);
  assert.equal(cliPages.get("uno.sadar").heldCancelled, 1);
  assert.equal(cliPages.get(null).heldPosted, 1);
  assert.deepEqual(alarms(cli.falseAlarms), ["frame.belittling|অযোগ্য|1", "frame.political|নৌকা|2"]);
});
