import test from "node:test";
import assert from "node:assert/strict";
import { adminsOutOfRange, ADMINS_RANGE } from "./admins-notice.js";

test("three to five people with full control is within the guideline; unreadable is never flagged", () => {
  assert.deepEqual(ADMINS_RANGE, { min: 3, max: 5 });
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6].map(adminsOutOfRange), [true, true, true, false, false, false, true]);
  assert.equal(adminsOutOfRange(null), false);
});
