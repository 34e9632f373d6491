import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { policyValidator, POLICY_KEYS, LOCKABLE_SETTINGS } from "./validate.js";
import { SEVERITY_LEVELS, POLICY_LIMITS } from "../contract.generated.js";
import { CATEGORY_IDS } from "../categories.js";
import { mergeEffectiveSettings } from "../settings-merge.js";
import { engineConfigFrom } from "../../background/engine-config.js";
import { managedSummary } from "../../options/managed-summary.js";
import { schemaProblems, valueProblems } from "../../../deploy/tools/chrome-schema.mjs";
import { loadCore } from "../wasm.test-helper.mjs";

// The validator the background uses: the core's, compiled to WASM (./build.sh builds it).
const core = await loadCore();
const validatePolicy = policyValidator(core.validatePolicy);

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
    assert.ok(errors[0].message.en.startsWith(`${key}: `), errors[0].message.en);
    assert.ok(errors[0].message.bn.startsWith(`${key}: `), errors[0].message.bn);
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
  assert.equal(errors.length, 1);
  assert.equal(errors[0].key, "mode");
  assert.equal(errors[0].message.en, 'mode: expected one of "warn", "strict", got "strong". The built-in value applies.');
  assert.match(errors[0].message.bn, /^mode: .*"strong".*পূর্বনির্ধারিত মান প্রযোজ্য।$/);
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
    [{ categorySeverity: { politics: { official: "warn" } } }, 'categorySeverity.politics: unknown category "politics"'],
    [{ categorySeverity: { political: { offical: "warn" } } }, "categorySeverity.political.offical: unknown context"],
    [{ categorySeverity: { political: {} } }, 'categorySeverity.political: expected {"official": …, "personal": …}'],
    [{ categorySeverity: { political: "warn" } }, 'categorySeverity.political: expected {"official": …, "personal": …}'],
    [{ ruleSeverity: { "Political Campaign": { official: "warn" } } }, 'ruleSeverity: "Political Campaign" is not a rule id'],
    [{ extraTerms: { secrecy: ["ok", 5] } }, "extraTerms.secrecy[1]: expected text, got the number 5"],
    [{ extraTerms: { secrecy: ["ok", "  "] } }, "extraTerms.secrecy[1]: is empty"],
    [{ extraTerms: { secrecy: "falcon" } }, 'extraTerms.secrecy: expected a list, got "falcon"'],
    [{ allowedTerms: [null] }, "allowedTerms[0]: expected text, got null"],
    [{ officialPages: ["x".repeat(POLICY_LIMITS.pageChars + 1)] }, "officialPages[0]: is 501 characters long"],
    [{ enabledCategories: [] }, "enabledCategories: is empty"],
    [{ allowedTerms: ["ক"] }, "allowedTerms[0]: has 1 Bangla letter(s)"],
    [{ enabledCategories: ["political", "politic"] }, 'enabledCategories[1]: unknown category "politic"'],
    [{ enabled: "yes" }, 'enabled: expected true or false (or 1 or 0), got "yes"'],
    [{ uiLanguage: "fr" }, 'uiLanguage: expected one of "auto", "bn", "en", got "fr"'],
    [{ customRules: "   \n" }, "customRules: is empty"],
    [{ customRules: { rule: [] } }, "customRules: expected the text of a TOML rule pack, got an object"],
  ];
  for (const [raw, start] of cases) {
    const { values, errors } = validatePolicy(raw);
    assert.equal(errors.length, 1, JSON.stringify(raw));
    assert.ok(errors[0].message.en.startsWith(start), `${errors[0].message.en}\n  should start with\n${start}`);
    assert.deepEqual(values, {}, JSON.stringify(raw));
  }
});

test("customRules is bounded in UTF-8 bytes", () => {
  const fits = "#".repeat(POLICY_LIMITS.customRulesBytes);
  assert.deepEqual(validatePolicy({ customRules: fits }).errors, []);
  // Bangla letters are 3 bytes each in UTF-8.
  const tooBig = "ক".repeat(Math.ceil(POLICY_LIMITS.customRulesBytes / 3) + 1);
  const { errors } = validatePolicy({ customRules: tooBig });
  assert.match(errors[0].message.en, new RegExp(`^customRules: is \\d+ bytes in all; at most ${POLICY_LIMITS.customRulesBytes} are allowed`));
});

test("lists are bounded", () => {
  const many = Array.from({ length: POLICY_LIMITS.allowedTermsEntries + 1 }, (_, i) => `term ${i}`);
  const { errors } = validatePolicy({ allowedTerms: many });
  assert.match(errors[0].message.en, /^allowedTerms: has 1001 entries; at most 1000/);
});

test("unknown keys are reported with a hint and ignored", () => {
  const { values, errors } = validatePolicy({ Mode: "strict", strictness: 1, enabled: true });
  assert.deepEqual(values, { enabled: true });
  assert.deepEqual(
    errors.map((e) => [e.key, e.message.en]),
    [
      ["Mode", 'Mode: unknown setting; it is ignored. Did you mean "mode"?'],
      ["strictness", "strictness: unknown setting; it is ignored."],
    ],
  );
});

test("lockedSettings keeps its valid names when one is wrong", () => {
  const { values, errors } = validatePolicy({ lockedSettings: ["mode", "modes", "enabled", "mode", "lockedSettings"] });
  assert.deepEqual(values, { lockedSettings: ["mode", "enabled"] });
  assert.equal(errors.length, 2);
  assert.ok(errors.every((e) => e.key === "lockedSettings"));
  assert.match(errors[0].message.en, /^lockedSettings\[1\]: "modes" is not a setting that can be locked/);
  assert.match(errors[1].message.en, /^lockedSettings\[4\]: "lockedSettings" is not a setting/);
  assert.match(validatePolicy({ lockedSettings: "mode" }).errors[0].message.en, /^lockedSettings: expected a list of setting names, got "mode"/);
});

test("no policy means no values and no errors; a non-object is one error", () => {
  assert.deepEqual(validatePolicy(undefined), { values: {}, locked: [], errors: [] });
  assert.deepEqual(validatePolicy(null), { values: {}, locked: [], errors: [] });
  assert.deepEqual(validatePolicy({}), { values: {}, locked: [], errors: [] });
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
    [{ sendLabels: { exact: [7] } }, /siteAdapterOverrides\.sendLabels\.exact\[0\]: expected text, got the number 7/],
    [{ sendLabels: { exact: ["x".repeat(201)] } }, /at most 200 are allowed/],
    [{ editorSelectors: "textarea" }, /siteAdapterOverrides\.editorSelectors: expected a list/],
    [{ editorSelectors: ["div { color: red }"] }, /siteAdapterOverrides\.editorSelectors\[0\]: .*is not a CSS selector \(it contains/],
    [{ controlSelectors: ['div[data-x="1"'] }, /unbalanced brackets/],
    [{ sendSlotSelectors: ["*"] }, /would match almost every element/],
  ];
  for (const [value, pattern] of cases) {
    const { values, errors } = validatePolicy({ siteAdapterOverrides: value, mode: "strict" });
    assert.deepEqual(values, { mode: "strict" }, JSON.stringify(value));
    assert.equal(errors.length, 1, JSON.stringify(value));
    assert.equal(errors[0].key, "siteAdapterOverrides");
    assert.match(errors[0].message.en, pattern);
    assert.match(errors[0].message.en, /The built-in value applies\.$/);
  }
});

test("siteAdapterOverrides is policy only: an official's own value is ignored", () => {
  const merged = mergeEffectiveSettings({ stored: { siteAdapterOverrides: { sendLabels: { exact: ["Go"] } } }, managed: {}, validate: validatePolicy });
  assert.deepEqual(merged.values.siteAdapterOverrides, {});
  const fromPolicy = mergeEffectiveSettings({ stored: {}, managed: { siteAdapterOverrides: VALID.siteAdapterOverrides }, validate: validatePolicy });
  assert.deepEqual(fromPolicy.values.siteAdapterOverrides, VALID.siteAdapterOverrides);
  assert.equal(fromPolicy.sources.siteAdapterOverrides, "policy");
});

/** The policy of a case of tests/policy-cases.json (the same rules as crate/tests/policy_cases.rs). */
function policyOf(c) {
  if (c.policy !== undefined) return c.policy;
  if (c.policyFile) {
    const policy = JSON.parse(readFileSync(fileURLToPath(new URL(`../../../${c.policyFile}`, import.meta.url)), "utf8"));
    if (c.customRulesFile) policy.customRules = readFileSync(fileURLToPath(new URL(`../../../${c.customRulesFile}`, import.meta.url)), "utf8");
    return policy;
  }
  const { key, entries, bytes } = c.generate;
  if (key === "customRulesVerbs") {
    // One rule whose banglish_verbs are `entries` made-up verbs (as in crate/tests/policy_cases.rs).
    const verb = (x) => {
      let s = "kat";
      do {
        s += String.fromCharCode(97 + (x % 26));
        x = Math.floor(x / 26);
      } while (x > 0);
      return s;
    };
    const verbs = Array.from({ length: entries }, (_, i) => `"${verb(i)}"`).join(", ");
    return {
      customRules:
        `[[rule]]\nid = "ministry.verbs"\ncategory = "incitement"\nclause = "2016"\n` +
        `severity = { official = "warn", personal = "advise" }\n` +
        `message.en = "e"\nmessage.bn = "b"\nterms = { banglish_verbs = [${verbs}] }\n` +
        `[rule.examples]\nflag = ["${verb(0)}bo"]\n`,
    };
  }
  const n = entries ?? bytes;
  const range = Array.from({ length: n }, (_, i) => i);
  const value = {
    ruleSeverity: () => Object.fromEntries(range.map((i) => [`local.r${i}`, { official: "warn" }])),
    allowedTerms: () => range.map((i) => `allowed${i}`),
    extraTerms: () => ({ secrecy: range.map((i) => `term ${i}`) }),
    customRules: () => `# ${"x".repeat(n - 2)}`,
  }[key]();
  return { [key]: value };
}

test("every case of the shared policy table gets the same verdict in the extension as from `sotorko policy check`", () => {
  const table = JSON.parse(readFileSync(fileURLToPath(new URL("../../../tests/policy-cases.json", import.meta.url)), "utf8"));
  assert.ok(table.cases.length >= 20);
  for (const c of table.cases) {
    const policy = policyOf(c);
    // The extension's path: the background resolves the settings with the core's
    // validator, builds the engine from them, and the options page lists
    // the policy errors and the engine's diagnostics on keys policy set.
    const settings = mergeEffectiveSettings({ stored: {}, managed: policy, validate: validatePolicy });
    const engine = new core.WasmEngine(engineConfigFrom(settings.values));
    const diagnostics = engine.diagnostics();
    engine.free();
    const errors = managedSummary(settings, diagnostics).errors;
    assert.equal(errors.length === 0, c.valid, `${c.name}: ${JSON.stringify(errors, null, 1)}`);
    assert.deepEqual([...new Set(errors.map((e) => e.key))].sort(), [...(c.errorKeys ?? [])].sort(), c.name);
    const direct = validatePolicy(policy);
    for (const key of c.values ?? []) assert.ok(Object.hasOwn(direct.values, key), `${c.name}: ${key}`);
    if (c.locked) assert.deepEqual(direct.locked, c.locked, c.name);
  }
});
