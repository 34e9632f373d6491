import { test } from "node:test";
import assert from "node:assert/strict";
import { CATEGORIES, CATEGORY_IDS, categoryName } from "./categories.js";
import { loadCore } from "./wasm.test-helper.mjs";

// The table is generated from the core (`sotorko contract emit`; a Rust test
// fails when the committed file is stale). Here it is compared with what the
// built core itself reports.
test("the category table is the core's: ids, order and names in both languages", async () => {
  const core = await loadCore();
  assert.deepEqual(JSON.parse(JSON.stringify(CATEGORIES)), core.categories());
  assert.equal(CATEGORY_IDS.length, 9);
});

test("categoryName falls back to English, then to the id", () => {
  assert.equal(categoryName("political", "bn"), "রাজনৈতিক আলোচনা");
  assert.equal(categoryName("political", "fr"), "Political discussion");
  assert.equal(categoryName("nope", "en"), "nope");
});
