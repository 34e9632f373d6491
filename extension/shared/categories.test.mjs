import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { CATEGORIES, CATEGORY_IDS, categoryName } from "./categories.js";

const modelRs = readFileSync(new URL("../../crate/src/model.rs", import.meta.url), "utf8");

test("category ids match Category::id in crate/src/model.rs, in the same order", () => {
  const idFn = modelRs.slice(modelRs.indexOf("pub fn id(self)"), modelRs.indexOf("pub fn name(self)"));
  const ids = [...idFn.matchAll(/Category::\w+ => "([a-z-]+)"/g)].map((m) => m[1]);
  assert.deepEqual(CATEGORY_IDS, ids);
});

test("category names match Category::name in crate/src/model.rs", () => {
  const nameFn = modelRs.slice(modelRs.indexOf("pub fn name(self)"), modelRs.indexOf("impl fmt::Display for Category"));
  const pairs = [...nameFn.matchAll(/=>\s*\(\s*"([^"]+)",\s*"([^"]+)",?\s*\)/g)].map((m) => ({ en: m[1], bn: m[2] }));
  assert.deepEqual(CATEGORIES.map((c) => c.name), pairs);
});

test("categoryName picks the language and falls back sensibly", () => {
  assert.equal(categoryName("political", "bn"), "রাজনৈতিক আলোচনা");
  assert.equal(categoryName("political", "en"), "Political discussion");
  assert.equal(categoryName("political", "fr"), "Political discussion");
  assert.equal(categoryName("unknown", "en"), "unknown");
});
