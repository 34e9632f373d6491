// Checks the deployment files in deploy/: the ADMX/ADML templates are
// well-formed and define every schema key for both browsers, and every example
// policy file passes Chromium's schema check and our validator without errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

import { parseXml, findAll } from "./tools/xml.mjs";
import { parseRegFile, registryToPolicy } from "./tools/registry.mjs";
import { valueProblems } from "./tools/chrome-schema.mjs";
import {
  DEPLOY_DIR,
  GECKO_ID,
  TEMPLATE_EXTENSION_ID,
  examplePolicy,
  loadSchema,
  policyKey,
  renderAll,
} from "./tools/generate.mjs";
import { POLICY_TEXTS, WINDOWS_BROWSERS } from "./tools/policy-texts.mjs";
import { policyValidator } from "../extension/shared/policy/validate.js";
import { loadCore } from "../extension/shared/wasm.test-helper.mjs";
import {
  firefoxPolicyKey,
  firefoxElement,
  firefoxRegistryFor,
  firefoxRegistryToPolicy,
} from "./tools/firefox-admx.mjs";

// The extension's validator: the settings contract of the core, in its WASM build.
const validatePolicy = policyValidator((await loadCore()).validatePolicy);

const schema = loadSchema();
const schemaKeys = Object.keys(schema.properties);
const read = (rel) => readFileSync(join(DEPLOY_DIR, rel));
const ADMLS = ["windows/en-US/sotorko.adml", "windows/bn-BD/sotorko.adml"];
const FIREFOX_ADMLS = ["windows/en-US/sotorko-firefox.adml", "windows/bn-BD/sotorko-firefox.adml"];

/** Asserts a policy object passes Chromium's schema check and our validator unchanged. */
function assertValidPolicy(policy, where) {
  assert.deepEqual(valueProblems(policy, schema), [], `${where}: Chromium's schema check`);
  const { values, errors } = validatePolicy(policy);
  assert.deepEqual(errors, [], `${where}: validatePolicy`);
  assert.deepEqual(values, policy, `${where}: every key kept`);
}

test("the generated files are up to date with the schema and examples", () => {
  for (const [rel, contents] of Object.entries(renderAll())) {
    const want = Buffer.isBuffer(contents) ? contents : Buffer.from(contents, "utf8");
    assert.ok(read(rel).equals(want), `deploy/${rel} is stale: run node deploy/tools/generate.mjs`);
  }
});

test("every schema key has Group Policy texts in both languages, and no other key does", () => {
  assert.deepEqual(Object.keys(POLICY_TEXTS).sort(), [...schemaKeys].sort());
  for (const [key, texts] of Object.entries(POLICY_TEXTS)) {
    for (const lang of ["en", "bn"]) {
      assert.ok(texts[lang]?.title && texts[lang]?.explain, `${key} ${lang}`);
    }
    const expectedKind = { boolean: "bool", array: "list", object: "json" }[schema.properties[key].type];
    if (expectedKind) assert.equal(texts.kind, expectedKind, key);
    else assert.ok(["enum", "text"].includes(texts.kind), key);
  }
});

test("the ADMX and ADML files are well-formed XML", () => {
  for (const rel of ["windows/sotorko.admx", ...ADMLS, "windows/sotorko-firefox.admx", ...FIREFOX_ADMLS]) {
    assert.doesNotThrow(() => parseXml(read(rel).toString("utf8")), rel);
  }
});

// Element names of Microsoft's ADMX/ADML schema (PolicyDefinitionFiles.xsd, schemaVersion 1.0) that
// these templates may use, with the parents the schema allows them in. The XSD itself is not
// available offline here; docs/deploy.md says how to check the files against it on Windows.
const ADMX_PARENTS = {
  policyDefinitions: [null],
  policyNamespaces: ["policyDefinitions"],
  target: ["policyNamespaces"],
  resources: ["policyDefinitions"],
  supportedOn: ["policyDefinitions", "policy"],
  definitions: ["supportedOn"],
  definition: ["definitions"],
  categories: ["policyDefinitions"],
  category: ["categories"],
  parentCategory: ["category", "policy"],
  policies: ["policyDefinitions"],
  policy: ["policies"],
  enabledValue: ["policy"],
  disabledValue: ["policy"],
  decimal: ["enabledValue", "disabledValue"],
  elements: ["policy"],
  enum: ["elements"],
  item: ["enum"],
  value: ["item"],
  string: ["value"],
  list: ["elements"],
  text: ["elements"],
  multiText: ["elements"],
};
const ADML_PARENTS = {
  policyDefinitionResources: [null],
  displayName: ["policyDefinitionResources"],
  description: ["policyDefinitionResources"],
  resources: ["policyDefinitionResources"],
  stringTable: ["resources"],
  string: ["stringTable"],
  presentationTable: ["resources"],
  presentation: ["presentationTable"],
  dropdownList: ["presentation"],
  listBox: ["presentation"],
  textBox: ["presentation"],
  multiTextBox: ["presentation"],
  label: ["textBox"],
};

function assertSchemaElements(node, allowed, rel, parent = null) {
  assert.ok(allowed[node.name]?.includes(parent), `${rel}: <${node.name}> inside <${parent}>`);
  for (const child of node.children ?? []) assertSchemaElements(child, allowed, rel, node.name);
}

test("the ADMX and ADML files use only the elements Microsoft's PolicyDefinitions schema allows, where it allows them", () => {
  for (const rel of ["windows/sotorko.admx", "windows/sotorko-firefox.admx"]) {
    assertSchemaElements(parseXml(read(rel).toString("utf8")), ADMX_PARENTS, rel);
  }
  for (const rel of [...ADMLS, ...FIREFOX_ADMLS]) assertSchemaElements(parseXml(read(rel).toString("utf8")), ADML_PARENTS, rel);
});

test("the XML checker rejects what is not well-formed", () => {
  const bad = [
    "<a><b></a></b>",
    "<a>",
    "<a x=1/>",
    '<a x="1" x="2"/>',
    "<a>fish & chips</a>",
    "<a>&nbsp;</a>",
    "<a/><b/>",
    "text<a/>",
    "<a><!-- a -- b --></a>",
    "<a b=\"<\"/>",
    '<a x="1"y="2"/>',
  ];
  for (const source of bad) assert.throws(() => parseXml(source), undefined, source);
  assert.equal(parseXml('<?xml version="1.0"?><a x="&lt;&#x41;">t&amp;</a>').attributes.x, "<A");
});

test("the ADMX defines every schema key for Chrome and for Edge under their registry paths", () => {
  const admx = parseXml(read("windows/sotorko.admx").toString("utf8"));
  assert.equal(admx.name, "policyDefinitions");
  const policies = findAll(admx, "policy");
  assert.equal(policies.length, schemaKeys.length * WINDOWS_BROWSERS.length);
  const names = new Set(policies.map((p) => p.attributes.name));
  assert.equal(names.size, policies.length, "policy names are unique");
  const categories = new Set(findAll(admx, "category").map((c) => c.attributes.name));
  const supported = new Set(findAll(admx, "definition").map((d) => d.attributes.name));
  for (const browser of WINDOWS_BROWSERS) {
    const expectedKey = `${browser.root}\\3rdparty\\extensions\\${TEMPLATE_EXTENSION_ID}\\policy`;
    assert.equal(policyKey(browser), expectedKey);
    for (const key of schemaKeys) {
      const policy = policies.find((p) => p.attributes.name === `${browser.id}_${key}`);
      assert.ok(policy, `${browser.id}: no policy for ${key}`);
      assert.equal(policy.attributes.key, expectedKey, `${browser.id}_${key} key`);
      const parent = findAll(policy, "parentCategory")[0].attributes.ref;
      assert.ok(categories.has(parent), `${browser.id}_${key}: category ${parent}`);
      assert.ok(supported.has(findAll(policy, "supportedOn")[0].attributes.ref));
      // The registry value (or list subkey) is named exactly like the schema key.
      const list = findAll(policy, "list")[0];
      if (list) {
        assert.equal(list.attributes.key, `${expectedKey}\\${key}`);
        assert.equal(list.attributes.valuePrefix, "", "numbered values 1, 2, ... as Chromium reads lists");
      } else {
        const named = [policy, ...findAll(policy, "enum"), ...findAll(policy, "text")].map((e) => e.attributes.valueName);
        assert.ok(named.includes(key), `${browser.id}_${key}: valueName`);
      }
      if (schema.properties[key].type === "boolean") {
        assert.equal(findAll(policy, "enabledValue")[0].children[0].attributes.value, "1");
        assert.equal(findAll(policy, "disabledValue")[0].children[0].attributes.value, "0");
      }
    }
  }
  // enum items carry exactly the values the validator accepts.
  for (const key of ["mode", "uiLanguage"]) {
    const items = findAll(policies.find((p) => p.attributes.name === `chrome_${key}`), "string").map((s) => s.text);
    for (const value of items) assert.deepEqual(validatePolicy({ [key]: value }).errors, [], `${key}=${value}`);
    assert.deepEqual(items, POLICY_TEXTS[key].choices.map((c) => c.value));
  }
});

/** Checks that each ADML defines every string and presentation `admxRel` references. */
function assertAdmlsComplete(admxRel, admls) {
  const admxText = read(admxRel).toString("utf8");
  const stringRefs = new Set([...admxText.matchAll(/\$\(string\.([^)]+)\)/g)].map((m) => m[1]));
  const presentationRefs = new Set([...admxText.matchAll(/\$\(presentation\.([^)]+)\)/g)].map((m) => m[1]));
  const admx = parseXml(admxText);
  for (const rel of admls) {
    const adml = parseXml(read(rel).toString("utf8"));
    assert.equal(adml.name, "policyDefinitionResources");
    const stringIds = findAll(adml, "string").map((s) => s.attributes.id);
    assert.equal(new Set(stringIds).size, stringIds.length, `${rel}: string ids are unique`);
    const strings = new Map(findAll(adml, "string").map((s) => [s.attributes.id, s.text]));
    for (const ref of stringRefs) assert.ok(strings.get(ref)?.trim(), `${rel}: string ${ref}`);
    const presentations = new Map(findAll(adml, "presentation").map((p) => [p.attributes.id, p]));
    for (const ref of presentationRefs) {
      const presentation = presentations.get(ref);
      assert.ok(presentation, `${rel}: presentation ${ref}`);
      // Every element of a policy using it is shown by the presentation.
      const policy = findAll(admx, "policy").find((p) => p.attributes.presentation === `$(presentation.${ref})`);
      const elementIds = findAll(policy, "elements")[0].children.map((e) => e.attributes.id);
      const shown = presentation.children.map((c) => c.attributes.refId);
      assert.deepEqual(shown.sort(), elementIds.sort(), `${rel}: presentation ${ref}`);
    }
    for (const key of schemaKeys) assert.ok(strings.get(`${key}_Explain`).includes(key), `${rel}: ${key} explain names the key`);
  }
  const bn = read(admls[1]).toString("utf8");
  assert.match(bn, /সতর্ক/, "the bn-BD file is in Bangla");
}

test("each ADML defines every string and presentation the ADMX references", () => {
  assertAdmlsComplete("windows/sotorko.admx", ADMLS);
});

test("each Firefox ADML defines every string and presentation the Firefox ADMX references", () => {
  assertAdmlsComplete("windows/sotorko-firefox.admx", FIREFOX_ADMLS);
});

test("the Firefox ADMX defines every key under Firefox's 3rdparty extension policy key", () => {
  const admx = parseXml(read("windows/sotorko-firefox.admx").toString("utf8"));
  const policies = findAll(admx, "policy");
  assert.equal(policies.length, schemaKeys.length);
  const expectedKey = `Software\\Policies\\Mozilla\\Firefox\\3rdparty\\Extensions\\${GECKO_ID}`;
  assert.equal(firefoxPolicyKey(GECKO_ID), expectedKey);
  const namespaces = findAll(admx, "target").map((t) => t.attributes.namespace);
  const chromeNamespaces = findAll(parseXml(read("windows/sotorko.admx").toString("utf8")), "target").map((t) => t.attributes.namespace);
  assert.ok(!namespaces.some((n) => chromeNamespaces.includes(n)), "a namespace of its own, so both templates load side by side");
  for (const key of schemaKeys) {
    const policy = policies.find((p) => p.attributes.name === `firefox_${key}`);
    assert.ok(policy, `no Firefox policy for ${key}`);
    assert.equal(policy.attributes.key, expectedKey);
    const element = firefoxElement(POLICY_TEXTS[key].kind);
    if (element === null) {
      assert.equal(policy.attributes.valueName, key);
      continue;
    }
    const [el] = findAll(policy, element);
    assert.ok(el, `${key}: <${element}>`);
    if (element === "list") assert.equal(el.attributes.key, `${expectedKey}\\${key}`);
    else assert.equal(el.attributes.valueName, key);
  }
});

test("the example policy written through the Firefox template reaches the extension unchanged (read as Firefox reads the registry)", () => {
  const policy = examplePolicy();
  const received = firefoxRegistryToPolicy(firefoxRegistryFor(policy));
  // Booleans arrive as 1/0 (Firefox has no schema to convert them); the core takes them as true/false.
  assert.equal(received.enabled, 1);
  const { values, errors } = validatePolicy(received);
  assert.deepEqual(errors, []);
  assert.deepEqual(values, policy);
});

test("the example policy is complete and valid", () => {
  const policy = examplePolicy();
  assert.deepEqual(Object.keys(policy).sort(), [...schemaKeys].sort(), "the example sets every key");
  assertValidPolicy(policy, "deploy/examples");
});

test("the Linux policy files force-install Sotorko and carry a valid policy", () => {
  for (const browser of ["chromium", "chrome", "edge"]) {
    const rel = `linux/${browser}/sotorko.json`;
    const json = JSON.parse(read(rel).toString("utf8"));
    const install = json.ExtensionSettings[TEMPLATE_EXTENSION_ID];
    assert.equal(install.installation_mode, "force_installed", rel);
    assert.match(install.update_url, /^https:\/\/.+\/updates\.xml$/, rel);
    // Later update checks go to the same URL, not to the Web Store (and the packaged manifest names it too).
    assert.equal(install.override_update_url, true, rel);
    if (browser === "edge") assert.equal(install.toolbar_state, "force_shown", rel);
    else assert.equal(install.toolbar_pin, "force_pinned", rel);
    assert.deepEqual(Object.keys(json["3rdparty"].extensions), [TEMPLATE_EXTENSION_ID], rel);
    assertValidPolicy(json["3rdparty"].extensions[TEMPLATE_EXTENSION_ID], rel);
  }
});

test("the Firefox policies.json force-installs the XPI and carries a valid policy", () => {
  const { policies } = JSON.parse(read("firefox/policies.json").toString("utf8"));
  const install = policies.ExtensionSettings[GECKO_ID];
  assert.equal(install.installation_mode, "force_installed");
  assert.match(install.install_url, /\.xpi$/);
  // Signature checks stay on for every add-on on the machine: the example expects a signed XPI
  // (docs/deploy.md, "Signing"); the ESR-only unsigned fallback is documented, never shipped.
  assert.equal(JSON.stringify(policies).includes("xpinstall.signatures.required"), false, "no machine-wide signature switch");
  assert.equal(policies.Preferences, undefined);
  assert.deepEqual(Object.keys(policies["3rdparty"].Extensions), [GECKO_ID], "capital E, gecko id");
  assertValidPolicy(policies["3rdparty"].Extensions[GECKO_ID], "firefox/policies.json");
});

test("the .reg files give, read the way Chromium reads the registry, the same valid policy", () => {
  const expected = examplePolicy();
  for (const browser of WINDOWS_BROWSERS) {
    const rel = `windows/${browser.id}.reg`;
    const keys = parseRegFile(read(rel));
    const policy = registryToPolicy(keys, `HKEY_LOCAL_MACHINE\\${policyKey(browser)}`, schema);
    assertValidPolicy(policy, rel);
    assert.deepEqual(policy, expected, `${rel} carries the example policy`);
    const settings = JSON.parse(keys.get(`HKEY_LOCAL_MACHINE\\${browser.root}`).get("ExtensionSettings"));
    assert.equal(settings[TEMPLATE_EXTENSION_ID].installation_mode, "force_installed", rel);
  }
});

test("the registry reader follows Chromium's conversions", () => {
  const reg = Buffer.from(
    [
      "Windows Registry Editor Version 5.00",
      "[HKEY_LOCAL_MACHINE\\P]",
      '"enabled"=dword:00000000',
      '"extraTerms"="{\\"secrecy\\":[\\"x\\"]}"',
      "[HKEY_LOCAL_MACHINE\\P\\allowedTerms]",
      ...Array.from({ length: 11 }, (_, i) => `"${i + 1}"="t${i + 1}"`),
      '"note"="not numbered"',
    ].join("\r\n"),
  );
  const policy = registryToPolicy(parseRegFile(reg), "HKEY_LOCAL_MACHINE\\P", schema);
  assert.deepEqual(policy.enabled, false);
  assert.deepEqual(policy.extraTerms, { secrecy: ["x"] });
  assert.deepEqual(policy.allowedTerms.slice(0, 3), ["t1", "t10", "t11"], "Chromium orders value names as text");
  assert.equal(policy.allowedTerms.length, 11);
  assert.throws(() => parseRegFile(Buffer.from('Windows Registry Editor Version 5.00\r\n[K]\r\n"a"=hex(7):61,00,00,00,00,00')), /REG_MULTI_SZ/);
});

test("the example rule pack passes `sotorko rules lint` (when the CLI is built)", (t) => {
  const root = join(DEPLOY_DIR, "..");
  const cli = ["release", "debug"].map((p) => join(root, "target", p, "sotorko")).find((p) => existsSync(p));
  if (!cli) {
    t.skip("no target/{release,debug}/sotorko yet: cargo build -p sotorko");
    return;
  }
  const lint = spawnSync(cli, ["rules", "lint", join(DEPLOY_DIR, "examples", "ministry-rules.toml")], { encoding: "utf8" });
  assert.equal(lint.status, 0, lint.stdout + lint.stderr);
});

test("deploy/ holds only the files this test knows", () => {
  const known = new Set([
    ...Object.keys(renderAll()),
    "deploy.test.mjs",
    "examples/settings.json",
    "examples/ministry-rules.toml",
    ...readdirSync(join(DEPLOY_DIR, "tools")).map((f) => `tools/${f}`),
  ]);
  const files = readdirSync(DEPLOY_DIR, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath ?? d.path, d.name).slice(DEPLOY_DIR.length + 1));
  for (const file of files) assert.ok(known.has(file), `unexpected deploy/${file}: add it to a test`);
});
