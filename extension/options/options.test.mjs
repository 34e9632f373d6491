import test from "node:test";
import assert from "node:assert/strict";
import { addOfficialPage, removeOfficialPage } from "./official-pages.js";
import { managedSummary, displayValue, settingLabelKey } from "./managed-summary.js";
import { newestFirst, outcomeKey, surfaceKey } from "./activity-view.js";
import { activityExportFileName, OUTCOMES, SURFACES } from "../shared/activity-log.js";
import { SETTING_KEYS } from "../shared/settings-merge.js";
import { CATALOGS } from "../shared/i18n.js";

test("official pages: add trims, refuses empty and case-insensitive duplicates; remove removes", () => {
  assert.deepEqual(addOfficialPage([], "  https://www.facebook.com/cabinet  "), { list: ["https://www.facebook.com/cabinet"], error: null });
  assert.equal(addOfficialPage(["Cabinet Division"], "cabinet division").error, "duplicate");
  assert.equal(addOfficialPage([], "   ").error, "empty");
  assert.deepEqual(removeOfficialPage(["a", "b"], "a"), ["b"]);
});

test("managedSummary lists policy values, locked-at-default keys and errors", () => {
  const settings = {
    values: { mode: "strict", enabled: true },
    locked: ["mode", "enabled", "enabledCategories"],
    sources: { mode: "policy", enabled: "default", enabledCategories: "default", lockedSettings: "policy" },
    policyErrors: [{ key: "enabledCategories", message: "unknown category `politics`" }],
  };
  const s = managedSummary(settings);
  assert.equal(s.any, true);
  assert.deepEqual(s.inForce.map((e) => e.key), ["mode", "lockedSettings"]);
  assert.deepEqual(s.lockedAtDefault, ["enabled", "enabledCategories"]);
  assert.equal(s.errors.length, 1);
  assert.equal(managedSummary({ values: {}, locked: [], sources: {}, policyErrors: [] }).any, false);
});

test("managedSummary reports engine diagnostics for policy-set keys only", () => {
  const settings = {
    values: {},
    locked: [],
    sources: { customRules: "policy", extraTerms: "user" },
    policyErrors: [],
  };
  const diagnostics = [
    { key: "customRules", message: "rule `x` line 3: unknown category" },
    { key: "extraTerms", message: "extraTerms.politics: unknown category" },
  ];
  const s = managedSummary(settings, diagnostics);
  assert.deepEqual(s.errors, [diagnostics[0]]);
  assert.equal(s.any, true);
});

test("every setting has a localised label for the managed section", () => {
  for (const key of SETTING_KEYS) {
    assert.ok(CATALOGS.en[settingLabelKey(key)], `missing label for ${key}`);
  }
  assert.equal(displayValue("strict"), "strict");
  assert.equal(displayValue(["a", "b"]), "a\nb");
  assert.equal(displayValue([]), "[]");
  assert.equal(displayValue({ political: { official: "block" } }), '{\n  "political": {\n    "official": "block"\n  }\n}');
});

test("activity view: newest first for display, a dated file, a message for every outcome and surface", () => {
  assert.deepEqual(newestFirst([1, 2, 3], 2), [3, 2]);
  const date = new Date("2026-11-28T12:00:00Z");
  assert.equal(activityExportFileName(date), "sotorko-activity-2026-11-28.json");
  assert.equal(activityExportFileName(date, "csv"), "sotorko-activity-2026-11-28.csv");
  for (const o of OUTCOMES) assert.ok(CATALOGS.en[outcomeKey(o)] && CATALOGS.bn[outcomeKey(o)], o);
  assert.equal(new Set(OUTCOMES.map(outcomeKey)).size, OUTCOMES.length);
  for (const s of SURFACES) assert.ok(CATALOGS.en[surfaceKey(s)] && CATALOGS.bn[surfaceKey(s)], s);
});
