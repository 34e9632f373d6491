import test from "node:test";
import assert from "node:assert/strict";
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import { dictionary, adjacencyGraphs } from "@zxcvbn-ts/language-common";
import { createEstimator, minScoreOf, DEFAULT_MIN_PASSWORD_SCORE } from "./password-strength.js";
import { keyboardGraphsOf, PASSWORD_WORDS } from "../../scripts/bundle.mjs";

// The same reduced dictionary and keyboards the bundle gets (scripts/bundle.mjs).
const estimate = createEstimator({ zxcvbn, zxcvbnOptions }, { passwords: dictionary.passwords.slice(0, PASSWORD_WORDS), graphs: keyboardGraphsOf(adjacencyGraphs) });

test("common and keyboard passwords score low; a long passphrase scores high", () => {
  for (const weak of ["password", "123456", "qwertyuiop", "iloveyou1", "abc123", "asdfgh"]) assert.ok(estimate(weak).score <= 1, weak);
  assert.ok(estimate("correct horse battery staple river").score >= 3);
  assert.equal(estimate("Tk7#q!Lm-9vZ@w2R").score, 4);
  assert.deepEqual(estimate(""), { score: 0, empty: true });
});

test("the estimate carries the score only, never the password", () => {
  const secret = "my-secret-Passphrase-42";
  const result = estimate(secret);
  assert.deepEqual(Object.keys(result).sort(), ["empty", "score"]);
  assert.ok(!JSON.stringify(result).includes(secret));
});

test("minimum score from policy: 0–4, else the default", () => {
  assert.equal(minScoreOf(4), 4);
  assert.equal(minScoreOf(0), 0);
  for (const bad of [5, -1, "3", null, undefined, 2.5]) assert.equal(minScoreOf(bad), DEFAULT_MIN_PASSWORD_SCORE);
});
