import test from "node:test";
import assert from "node:assert/strict";
import { ruleName, ruleNameFromMessage, ruleNamesFrom } from "./rule-names.js";

test("a rule's name is the first sentence of its message, without the guideline reference", () => {
  assert.equal(
    ruleNameFromMessage("Praising or attacking a party or its leader is political discussion (2019 guideline, para 10(ga)). Remove the praise."),
    "Praising or attacking a party or its leader is political discussion",
  );
  assert.equal(
    ruleNameFromMessage("দল বা দলীয় নেতার প্রশংসা বা আক্রমণ রাজনৈতিক আলোচনা (নির্দেশিকা ২০১৯, অনুচ্ছেদ ১০-গ)। প্রশংসা বাদ দিন।"),
    "দল বা দলীয় নেতার প্রশংসা বা আক্রমণ রাজনৈতিক আলোচনা",
  );
  assert.equal(ruleNameFromMessage("এটি শ্রেণিবদ্ধ। বাদ দিন।"), "এটি শ্রেণিবদ্ধ");
  assert.equal(ruleNameFromMessage("Version 2.0 is out"), "Version 2.0 is out", "a dot inside a word does not end the sentence");
  assert.ok(ruleNameFromMessage("x".repeat(500)).length <= 120);
});

test("names by id and language, null for a rule that is not known", () => {
  const names = ruleNamesFrom([
    { id: "a.b", message: { en: "Alpha (x). More.", bn: "আলফা। আরও।" } },
    { message: { en: "no id" } },
  ]);
  assert.deepEqual(Object.keys(names), ["a.b"]);
  assert.equal(ruleName(names, "a.b", "bn"), "আলফা");
  assert.equal(ruleName(names, "a.b", "en"), "Alpha");
  assert.equal(ruleName(names, "gone", "en"), null);
});
