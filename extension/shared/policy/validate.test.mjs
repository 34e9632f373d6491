import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import {
  validatePolicy,
  POLICY_KEYS,
  LOCKABLE_SETTINGS,
  VALIDATED_KEYS,
  SEVERITY_LEVELS,
  POLICY_LIMITS,
} from "./validate.js";
import { CATEGORY_IDS } from "../categories.js";
import { schemaProblems, valueProblems } from "../../../deploy/tools/chrome-schema.mjs";

const schemaPath = fileURLToPath(new URL("../../managed_schema.json", import.meta.url));
const schema = JSON.parse(readFileSync(schemaPath, "utf8"));
const schemaKeys = Object.keys(schema.properties);

/** A valid value for every key, exercising its whole shape. */
const VALID = {
  enabled: false,
  enabledCategories: ["political", "secrecy"],
  categorySeverity: { political: { official: "block", personal: "off" }, gender: { personal: "warn" } },
  ruleSeverity: { "political.campaign": { official: "block" }, "secrecy.nid-number": { personal: "advise" } },
  customRules: '[[rule]]\nid = "ministry.codename"\n',
  extraTerms: { secrecy: ["project falcon", "প্রকল্প ফ"], political: ["party x"] },
  allowedTerms: ["নৌকা বাইচ"],
  officialPages: ["https://www.facebook.com/cabinet.division", "100064123456789", "Cabinet Division"],
  officialByDefault: true,
  mode: "strict",
  requireReasonToOverride: true,
  stanceModel: false,
  activityRetentionDays: 730,
  minPasswordScore: 4,
  uiLanguage: "bn",
  lockedSettings: ["enabled", "mode"],
  siteAdapterOverrides: {
    sendLabels: { exact: ["Publicar"], prefix: ["Publicar "] },
    handOffLabels: { exact: ["Siguiente"] },
    notSendLabels: { suffix: [" আমন্ত্রণ"] },
    backLabels: { exact: ["Atrás"] },
    closeLabels: { exact: ["Cerrar"] },
    commentBoxLabels: { prefix: ["Comentar como "], contains: ["comentario"] },
    replyBoxLabels: { prefix: ["Responder a "] },
    messengerBoxLabels: { prefix: ["Escribe a "] },
    editorSelectors: ['div[contenteditable="true"][aria-label^="Crear"]'],
    controlSelectors: ['div[data-mcomponent="MContainer"][data-action-id]'],
    sendSlotSelectors: ["#composer-send-slot"],
    commentBoxSelectors: ["div.comment-box > textarea"],
  },
};

/** A value of the wrong JSON type for a schema type. */
const WRONG_TYPE = { boolean: "true", string: 42, array: "a, b", object: ["x"], integer: "a year" };

test("the schema is one Chromium accepts", () => {
  assert.deepEqual(schemaProblems(schema), []);
});

test("every schema key is validated, and the validator knows no other key", () => {
  assert.deepEqual([...VALIDATED_KEYS].sort(), [...schemaKeys].sort());
  assert.deepEqual([...POLICY_KEYS].sort(), [...schemaKeys].sort());
  assert.deepEqual(Object.keys(VALID).sort(), [...schemaKeys].sort(), "test samples cover every key");
});

test("every key's valid sample passes both Chromium's schema check and the validator", () => {
  for (const key of schemaKeys) {
    assert.deepEqual(valueProblems(VALID[key], schema.properties[key], key), [], key);
    const { values, errors } = validatePolicy({ [key]: VALID[key] });
    assert.deepEqual(errors, [], key);
    assert.deepEqual(values, { [key]: VALID[key] }, key);
  }
});

test("a value of the wrong type is rejected for every key, naming the key", () => {
  for (const key of schemaKeys) {
    const wrong = WRONG_TYPE[schema.properties[key].type];
    assert.notEqual(wrong, undefined, `no wrong-type sample for schema type of ${key}`);
    const { values, errors } = validatePolicy({ [key]: wrong });
    assert.equal(errors.length, 1, key);
    assert.equal(errors[0].key, key);
    assert.ok(errors[0].message.startsWith(`${key}: `), errors[0].message);
    assert.ok(!(key in values), `${key} must fall back to its default`);
  }
});

test("the schema declares types only, so Chromium passes bad values on for us to report", () => {
  // An enum in the schema would make Chromium drop a bad value silently
  // before the extension sees it; value checks belong to the validator.
  const bad = { mode: "strong", uiLanguage: "fr", enabledCategories: ["politics"], lockedSettings: ["nope"] };
  for (const [key, value] of Object.entries(bad)) {
    assert.deepEqual(valueProblems(value, schema.properties[key], key), [], key);
    assert.ok(validatePolicy({ [key]: value }).errors.length > 0, key);
  }
  assert.ok(!JSON.stringify(schema).includes('"enum"'));
});

test("schema descriptions list the allowed names the validator uses", () => {
  for (const id of CATEGORY_IDS) assert.ok(schema.properties.enabledCategories.description.includes(id), id);
  for (const name of LOCKABLE_SETTINGS) assert.ok(schema.properties.lockedSettings.description.includes(name), name);
  for (const level of SEVERITY_LEVELS) assert.ok(schema.properties.categorySeverity.description.includes(level), level);
});

test("an enum mistake gives an administrator-readable message", () => {
  const { values, errors } = validatePolicy({ mode: "strong" });
  assert.deepEqual(values, {});
  assert.deepEqual(errors, [{ key: "mode", message: 'mode: expected "warn" or "strict", got "strong". The default applies.' }]);
});

test("one bad key never affects the others", () => {
  const raw = { ...VALID, mode: "strong", extraTerms: { politics: ["x"] } };
  const { values, errors } = validatePolicy(raw);
  assert.deepEqual(errors.map((e) => e.key).sort(), ["extraTerms", "mode"]);
  const expected = { ...VALID };
  delete expected.mode;
  delete expected.extraTerms;
  assert.deepEqual(values, expected);
});

test("nested problems name the exact place", () => {
  const cases = [
    [{ categorySeverity: { political: { official: "high" } } }, "categorySeverity.political.official: expected one of \"block\", \"warn\", \"advise\", \"off\", got \"high\""],
    [{ categorySeverity: { politics: { official: "warn" } } }, 'categorySeverity: unknown category "politics"'],
    [{ categorySeverity: { political: { offical: "warn" } } }, "categorySeverity.political.offical: unknown context"],
    [{ categorySeverity: { political: {} } }, 'categorySeverity.political: expected at least one of "official", "personal"'],
    [{ ruleSeverity: { "Political Campaign": { official: "warn" } } }, 'ruleSeverity: "Political Campaign" is not a rule id'],
    [{ extraTerms: { secrecy: ["ok", 5] } }, "extraTerms.secrecy[1]: expected text, got number 5"],
    [{ extraTerms: { secrecy: ["ok", "  "] } }, "extraTerms.secrecy[1]: is empty"],
    [{ extraTerms: { secrecy: "falcon" } }, 'extraTerms.secrecy: expected a list, got "falcon"'],
    [{ allowedTerms: [null] }, "allowedTerms[0]: expected text, got null"],
    [{ officialPages: ["x".repeat(POLICY_LIMITS.entryChars + 1)] }, "officialPages[0]: is 501 characters long"],
    [{ enabledCategories: ["political", "politic"] }, 'enabledCategories[1]: unknown category "politic"'],
    [{ enabled: "yes" }, 'enabled: expected true or false, got "yes"'],
    [{ uiLanguage: "fr" }, 'uiLanguage: expected one of "auto", "bn", "en", got "fr"'],
    [{ customRules: "   \n" }, "customRules: is empty"],
    [{ customRules: { rule: [] } }, "customRules: expected the text of a TOML rule pack, got an object"],
  ];
  for (const [raw, start] of cases) {
    const { values, errors } = validatePolicy(raw);
    assert.equal(errors.length, 1, JSON.stringify(raw));
    assert.ok(errors[0].message.startsWith(start), `${errors[0].message}\n  should start with\n${start}`);
    assert.deepEqual(values, {}, JSON.stringify(raw));
  }
});

test("customRules is bounded in UTF-8 bytes", () => {
  const fits = "#".repeat(POLICY_LIMITS.customRulesBytes);
  assert.deepEqual(validatePolicy({ customRules: fits }).errors, []);
  // Bangla letters are 3 bytes each in UTF-8.
  const tooBig = "ক".repeat(Math.ceil(POLICY_LIMITS.customRulesBytes / 3) + 1);
  const { errors } = validatePolicy({ customRules: tooBig });
  assert.match(errors[0].message, /^customRules: is \d+ bytes; a rule pack may be at most 1048576 bytes/);
});

test("lists are bounded", () => {
  const many = Array.from({ length: POLICY_LIMITS.listEntries + 1 }, (_, i) => `term ${i}`);
  const { errors } = validatePolicy({ allowedTerms: many });
  assert.match(errors[0].message, /^allowedTerms: has 5001 entries; at most 5000/);
});

test("unknown keys are reported with a hint and ignored", () => {
  const { values, errors } = validatePolicy({ Mode: "strict", strictness: 1, enabled: true });
  assert.deepEqual(values, { enabled: true });
  assert.deepEqual(errors, [
    { key: "Mode", message: 'Mode: unknown setting; it is ignored. Did you mean "mode"?' },
    { key: "strictness", message: "strictness: unknown setting; it is ignored." },
  ]);
});

test("lockedSettings keeps its valid names when one is wrong", () => {
  const { values, errors } = validatePolicy({ lockedSettings: ["mode", "modes", "enabled", "mode", "lockedSettings"] });
  assert.deepEqual(values, { lockedSettings: ["mode", "enabled"] });
  assert.equal(errors.length, 2);
  assert.ok(errors.every((e) => e.key === "lockedSettings"));
  assert.match(errors[0].message, /^lockedSettings\[1\]: "modes" is not a setting that can be locked/);
  assert.match(errors[1].message, /^lockedSettings\[4\]: "lockedSettings" is not a setting/);
  assert.equal(validatePolicy({ lockedSettings: "mode" }).errors[0].message, 'lockedSettings: expected a list of setting names, got "mode"');
});

test("no policy means no values and no errors; a non-object is one error", () => {
  assert.deepEqual(validatePolicy(undefined), { values: {}, errors: [] });
  assert.deepEqual(validatePolicy(null), { values: {}, errors: [] });
  assert.deepEqual(validatePolicy({}), { values: {}, errors: [] });
  const { values, errors } = validatePolicy(["mode"]);
  assert.deepEqual(values, {});
  assert.equal(errors.length, 1);
  assert.equal(errors[0].key, "(policy)");
});

test("inherited object properties are not mistaken for settings", () => {
  const { errors } = validatePolicy(JSON.parse('{"constructor": 1, "__proto__": {"mode": "strict"}}'));
  assert.deepEqual(errors.map((e) => e.key).sort(), ["__proto__", "constructor"]);
});

test("siteAdapterOverrides: each problem names the place and drops the whole key; the rest of the policy stays", () => {
  const cases = [
    [{ sendLabel: { exact: ["x"] } }, /siteAdapterOverrides\.sendLabel: unknown list; expected one of "sendLabels"/],
    [{ sendLabels: ["Publicar"] }, /siteAdapterOverrides\.sendLabels: expected an object, got a list/],
    [{ sendLabels: { exakt: ["x"] } }, /siteAdapterOverrides\.sendLabels\.exakt: unknown part; expected one of "exact", "prefix", "suffix", "contains"/],
    [{ sendLabels: { exact: [""] } }, /siteAdapterOverrides\.sendLabels\.exact\[0\]: is empty/],
    [{ sendLabels: { exact: [7] } }, /siteAdapterOverrides\.sendLabels\.exact\[0\]: expected text, got number 7/],
    [{ sendLabels: { exact: ["x".repeat(201)] } }, /at most 200 are allowed/],
    [{ editorSelectors: "textarea" }, /siteAdapterOverrides\.editorSelectors: expected a list/],
    [{ editorSelectors: ["div { color: red }"] }, /siteAdapterOverrides\.editorSelectors\[0\]: .* is not a CSS selector \(it contains/],
    [{ controlSelectors: ['div[data-x="1"'] }, /unbalanced brackets/],
    [{ sendSlotSelectors: ["*"] }, /would match almost every element/],
  ];
  for (const [value, pattern] of cases) {
    const { values, errors } = validatePolicy({ siteAdapterOverrides: value, mode: "strict" });
    assert.deepEqual(values, { mode: "strict" }, JSON.stringify(value));
    assert.equal(errors.length, 1, JSON.stringify(value));
    assert.equal(errors[0].key, "siteAdapterOverrides");
    assert.match(errors[0].message, pattern);
    assert.match(errors[0].message, /The default applies\.$/);
  }
});

test("siteAdapterOverrides is policy only: an official's own value is ignored", async () => {
  const { mergeEffectiveSettings } = await import("../settings-merge.js");
  const merged = mergeEffectiveSettings({ stored: { siteAdapterOverrides: { sendLabels: { exact: ["Go"] } } }, managed: {}, validate: validatePolicy });
  assert.deepEqual(merged.values.siteAdapterOverrides, {});
  const fromPolicy = mergeEffectiveSettings({ stored: {}, managed: { siteAdapterOverrides: VALID.siteAdapterOverrides }, validate: validatePolicy });
  assert.deepEqual(fromPolicy.values.siteAdapterOverrides, VALID.siteAdapterOverrides);
  assert.equal(fromPolicy.sources.siteAdapterOverrides, "policy");
});

test("activityRetentionDays: whole days from 1 to 3650; a Group Policy text of digits is read as a number", () => {
  assert.deepEqual(validatePolicy({ activityRetentionDays: 30 }).values, { activityRetentionDays: 30 });
  assert.deepEqual(validatePolicy({ activityRetentionDays: " 730 " }).values, { activityRetentionDays: 730 });
  for (const bad of [0, 3651, 1.5, -3, "13 months", true]) {
    const { values, errors } = validatePolicy({ activityRetentionDays: bad });
    assert.equal("activityRetentionDays" in values, false, String(bad));
    assert.match(errors[0].message, /^activityRetentionDays: expected a whole number of days from 1 to 3650/);
  }
});

test("minPasswordScore: a whole number from 0 to 4", () => {
  assert.deepEqual(validatePolicy({ minPasswordScore: 0 }).values, { minPasswordScore: 0 });
  assert.deepEqual(validatePolicy({ minPasswordScore: "4" }).values, { minPasswordScore: 4 });
  for (const bad of [5, -1, 2.5, "strong", false]) {
    const { values, errors } = validatePolicy({ minPasswordScore: bad });
    assert.equal("minPasswordScore" in values, false, String(bad));
    assert.match(errors[0].message, /^minPasswordScore: expected a whole number from 0 to 4/);
  }
});
