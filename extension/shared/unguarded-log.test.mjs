import { test } from "node:test";
import assert from "node:assert/strict";
import { addUnguarded, UNGUARDED_RECENT } from "./unguarded-log.js";

test("the could-not-hold log counts every occurrence and keeps only the newest descriptions", () => {
  let log = null;
  for (let i = 0; i < UNGUARDED_RECENT + 3; i++) {
    log = addUnguarded(log, { at: new Date(Date.UTC(2026, 0, 1, 0, i)), host: "www.facebook.com", description: `controls ${i}` });
  }
  assert.equal(log.count, UNGUARDED_RECENT + 3);
  assert.equal(log.first, "2026-01-01T00:00:00.000Z");
  assert.equal(log.last, `2026-01-01T00:${String(UNGUARDED_RECENT + 2).padStart(2, "0")}:00.000Z`);
  assert.equal(log.recent.length, UNGUARDED_RECENT);
  assert.equal(log.recent.at(-1).description, `controls ${UNGUARDED_RECENT + 2}`);
  assert.equal(addUnguarded({ junk: true }, { description: "x" }).count, 1, "a damaged log starts again");
  assert.equal(addUnguarded(null, { description: "y".repeat(10_000) }).recent[0].description.length, 4000, "bounded");
});
