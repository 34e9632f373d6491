import test from "node:test";
import assert from "node:assert/strict";
import { DEFAULTS, SETTING_KEYS, mergeEffectiveSettings, isUserEditable } from "./settings-merge.js";
import { CATEGORY_IDS } from "./categories.js";

import { policyValidator } from "./policy/validate.js";
import { loadCore } from "./wasm.test-helper.mjs";

// The layering rules, with the core's own validator (the WASM build), which
// also decides what is locked.
const validate = policyValidator((await loadCore()).validatePolicy);

test("with nothing stored and no policy, everything is the default and nothing is locked", () => {
  const s = mergeEffectiveSettings({ stored: {}, managed: {}, validate });
  assert.deepEqual(s.values, DEFAULTS);
  assert.deepEqual(s.locked, []);
  assert.deepEqual(s.policyErrors, []);
  assert.ok(SETTING_KEYS.every((k) => s.sources[k] === "default"));
  assert.deepEqual(s.values.enabledCategories, [...CATEGORY_IDS]);
});

test("user options override defaults; non-setting keys like overrideLog are ignored", () => {
  const s = mergeEffectiveSettings({
    stored: { uiLanguage: "bn", officialPages: ["https://www.facebook.com/cabinet"], overrideLog: [{}] },
    managed: {},
    validate,
  });
  assert.equal(s.values.uiLanguage, "bn");
  assert.equal(s.sources.uiLanguage, "user");
  assert.deepEqual(s.values.officialPages, ["https://www.facebook.com/cabinet"]);
  assert.equal("overrideLog" in s.values, false);
});

test("policy wins over user options and locks what it sets", () => {
  const s = mergeEffectiveSettings({
    stored: { mode: "warn", enabled: false },
    managed: { mode: "strict", enabled: true },
    validate,
  });
  assert.equal(s.values.mode, "strict");
  assert.equal(s.values.enabled, true);
  assert.equal(s.sources.mode, "policy");
  assert.deepEqual([...s.locked].sort(), ["enabled", "mode"]);
  assert.equal(isUserEditable(s, "mode"), false);
  assert.equal(isUserEditable(s, "uiLanguage"), true);
});

test("lockedSettings keeps the default even when the official stored something else", () => {
  const s = mergeEffectiveSettings({
    stored: { enabled: false, enabledCategories: ["gender"] },
    managed: { lockedSettings: ["enabled", "enabledCategories"] },
    validate,
  });
  assert.equal(s.values.enabled, true);
  assert.deepEqual(s.values.enabledCategories, [...CATEGORY_IDS]);
  assert.ok(s.locked.includes("enabled") && s.locked.includes("enabledCategories"));
  assert.equal(s.sources.enabled, "default");
  assert.deepEqual(s.values.lockedSettings, ["enabled", "enabledCategories"]);
  assert.equal(s.locked.includes("lockedSettings"), false);
});

test("an invalid policy value falls back to the default (not the user value), is locked and reported; others still apply", () => {
  const s = mergeEffectiveSettings({
    stored: { mode: "warn", enabledCategories: ["gender"] },
    managed: { enabledCategories: "political", mode: "strict", allowedTerms: ["নৌকা বাইচ"] },
    validate,
  });
  assert.deepEqual(s.values.enabledCategories, [...CATEGORY_IDS]);
  assert.ok(s.locked.includes("enabledCategories"));
  assert.deepEqual(s.policyErrors.map((e) => e.key), ["enabledCategories"]);
  assert.match(s.policyErrors[0].message.en, /^enabledCategories: expected a list/);
  assert.equal(s.values.mode, "strict");
  assert.deepEqual(s.values.allowedTerms, ["নৌকা বাইচ"]);
});

test("unknown policy keys are reported but lock nothing", () => {
  const s = mergeEffectiveSettings({ stored: {}, managed: { colour: "red" }, validate });
  assert.deepEqual(s.policyErrors.map((e) => e.key), ["colour"]);
  assert.deepEqual(s.locked, []);
});

test("invalid stored user values are ignored and listed in userErrors", () => {
  const s = mergeEffectiveSettings({ stored: { mode: "loud", enabled: "yes" }, managed: {}, validate });
  assert.equal(s.values.mode, "warn");
  assert.equal(s.values.enabled, true);
  assert.equal(s.userErrors.length, 2);
});

test("the official can never store lockedSettings", () => {
  const s = mergeEffectiveSettings({ stored: { lockedSettings: ["mode"] }, managed: {}, validate });
  assert.deepEqual(s.values.lockedSettings, []);
  assert.deepEqual(s.locked, []);
  assert.equal(isUserEditable(s, "lockedSettings"), false);
});

test("results are copies: mutating them never changes DEFAULTS or policy input", () => {
  const managed = { officialPages: ["a"] };
  const s = mergeEffectiveSettings({ stored: {}, managed, validate });
  s.values.officialPages.push("b");
  s.values.enabledCategories.pop();
  assert.deepEqual(managed.officialPages, ["a"]);
  assert.equal(DEFAULTS.enabledCategories.length, CATEGORY_IDS.length);
});

test("an empty category list or a one-letter allowed term from the official is ignored, not applied", () => {
  const s = mergeEffectiveSettings({ stored: { enabledCategories: [], allowedTerms: ["ক"] }, managed: {}, validate });
  assert.deepEqual(s.values.enabledCategories, [...CATEGORY_IDS]);
  assert.deepEqual(s.values.allowedTerms, []);
  assert.deepEqual(s.userErrors.map((e) => e.key).sort(), ["allowedTerms", "enabledCategories"]);
});
