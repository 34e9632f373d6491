import { test } from "node:test";
import assert from "node:assert/strict";
import { naiveCount, percentile } from "./bench.mjs";

test("percentile is the nearest rank", () => {
  const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
  assert.equal(percentile(values, 50), 5);
  assert.equal(percentile(values, 95), 10);
  assert.equal(percentile(values, 0), 1);
  assert.equal(percentile([7], 95), 7);
  assert.ok(Number.isNaN(percentile([], 50)));
});

test("the naive loop counts the terms that occur", () => {
  assert.equal(naiveCount("নৌকা মার্কায় ভোট দিন, vote for the boat", ["ভোট", "boat", "ধানের শীষ", "vote"]), 3);
  assert.equal(naiveCount("", ["a"]), 0);
});
