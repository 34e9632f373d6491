/**
 * Generates the deployment files in deploy/ from the settings contract
 * (extension/managed_schema.json and deploy/tools/contract.json, both written
 * by `sotorko contract emit` from crate/src/settings/), the template texts in
 * policy-texts.mjs and the example settings in deploy/examples/:
 *
 *   windows/sotorko.admx, windows/{en-US,bn-BD}/sotorko.adml   Group Policy templates (Chrome, Edge)
 *   windows/sotorko-firefox.admx, windows/{en-US,bn-BD}/sotorko-firefox.adml   the same for Firefox
 *   windows/chrome.reg, windows/edge.reg                        registry examples
 *   linux/{chromium,chrome,edge}/sotorko.json                   Linux policy examples
 *   firefox/policies.json                                       Firefox example
 *
 * Usage: node deploy/tools/generate.mjs          write the files
 *        node deploy/tools/generate.mjs --check  exit 1 if any file is out of date
 * The example files use TEMPLATE_EXTENSION_ID and EXAMPLE_UPDATE_BASE;
 * scripts/package.sh writes copies with the organisation's own id and URL.
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createHash } from "node:crypto";

import { POLICY_TEXTS, WINDOWS_BROWSERS, TEMPLATE_TEXTS } from "./policy-texts.mjs";
import { renderFirefoxAdmx, renderFirefoxAdml } from "./firefox-admx.mjs";

export const DEPLOY_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const ROOT = join(DEPLOY_DIR, "..");

/** Where the example files say the administrator hosts the packages. */
export const EXAMPLE_UPDATE_BASE = "https://intranet.example.gov.bd/sotorko";
/** The Firefox add-on id (manifest browser_specific_settings.gecko.id). */
export const GECKO_ID = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")).browser_specific_settings.gecko.id;

/** The Chromium id of the key committed in manifest.json; templates use it as a placeholder. */
export const TEMPLATE_EXTENSION_ID = (() => {
  const der = Buffer.from(JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")).key, "base64");
  const hex = createHash("sha256").update(der).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
})();

export function loadSchema() {
  return JSON.parse(readFileSync(join(ROOT, "extension", "managed_schema.json"), "utf8"));
}

/** The example policy: settings.json plus the example rule pack as customRules. */
export function examplePolicy() {
  const settings = JSON.parse(readFileSync(join(DEPLOY_DIR, "examples", "settings.json"), "utf8"));
  const customRules = readFileSync(join(DEPLOY_DIR, "examples", "ministry-rules.toml"), "utf8");
  const policy = {};
  // Keep the schema's key order, so every example reads the same way.
  for (const key of Object.keys(loadSchema().properties)) {
    if (key === "customRules") policy.customRules = customRules;
    else if (key in settings) policy[key] = settings[key];
  }
  return policy;
}

function xml(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The registry key under which a browser reads Sotorko's policy. */
export function policyKey(browser, extensionId = TEMPLATE_EXTENSION_ID) {
  return `${browser.root}\\3rdparty\\extensions\\${extensionId}\\policy`;
}

function admxPolicy(browser, key, texts) {
  const regKey = policyKey(browser);
  const common = `class="Both" displayName="$(string.${key})" explainText="$(string.${key}_Explain)" key="${xml(regKey)}"`;
  const head = `    <policy name="${browser.id}_${key}" ${common}`;
  const meta = `      <parentCategory ref="sotorko_${browser.id}" />\n      <supportedOn ref="SUPPORTED_${browser.id}" />`;
  switch (texts.kind) {
    case "bool":
      return `${head} valueName="${key}">
${meta}
      <enabledValue><decimal value="1" /></enabledValue>
      <disabledValue><decimal value="0" /></disabledValue>
    </policy>`;
    case "enum":
      return `${head} presentation="$(presentation.${key})">
${meta}
      <elements>
        <enum id="${key}" valueName="${key}" required="true">
${texts.choices.map((c) => `          <item displayName="$(string.${key}_${c.value})"><value><string>${xml(c.value)}</string></value></item>`).join("\n")}
        </enum>
      </elements>
    </policy>`;
    case "list":
      return `${head} presentation="$(presentation.${key})">
${meta}
      <elements>
        <list id="${key}" key="${xml(`${regKey}\\${key}`)}" valuePrefix="" />
      </elements>
    </policy>`;
    case "json":
    case "text":
      return `${head} presentation="$(presentation.${key})">
${meta}
      <elements>
        <text id="${key}" valueName="${key}" maxLength="1048576" required="true" />
      </elements>
    </policy>`;
    default:
      throw new Error(`unknown kind ${texts.kind} for ${key}`);
  }
}

export function renderAdmx(schema) {
  const keys = Object.keys(schema.properties);
  const policies = WINDOWS_BROWSERS.flatMap((browser) => keys.map((key) => admxPolicy(browser, key, POLICY_TEXTS[key])));
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Sotorko Group Policy template for Google Chrome and Microsoft Edge.
     Generated by deploy/tools/generate.mjs from extension/managed_schema.json; do not edit by hand.
     The registry paths name extension id ${TEMPLATE_EXTENSION_ID}; scripts/package.sh writes a copy
     with your organisation's id (dist/package/windows/). -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="sotorko" namespace="BD.Gov.Policies.Sotorko" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
${WINDOWS_BROWSERS.map((b) => `      <definition name="SUPPORTED_${b.id}" displayName="$(string.SUPPORTED_${b.id})" />`).join("\n")}
    </definitions>
  </supportedOn>
  <categories>
    <category name="sotorko" displayName="$(string.sotorko)" />
${WINDOWS_BROWSERS.map((b) => `    <category name="sotorko_${b.id}" displayName="$(string.sotorko_${b.id})">
      <parentCategory ref="sotorko" />
    </category>`).join("\n")}
  </categories>
  <policies>
${policies.join("\n")}
  </policies>
</policyDefinitions>
`;
}

function admlPresentation(key, texts, lang) {
  const label = xml(texts[lang].title);
  switch (texts.kind) {
    case "bool":
      return null;
    case "enum":
      return `      <presentation id="${key}">
        <dropdownList refId="${key}" noSort="true" defaultItem="0">${label}</dropdownList>
      </presentation>`;
    case "list":
      return `      <presentation id="${key}">
        <listBox refId="${key}">${label}</listBox>
      </presentation>`;
    default:
      return `      <presentation id="${key}">
        <textBox refId="${key}">
          <label>${label}</label>
        </textBox>
      </presentation>`;
  }
}

export function renderAdml(schema, lang) {
  const keys = Object.keys(schema.properties);
  const t = TEMPLATE_TEXTS[lang];
  const strings = [
    ["sotorko", t.category],
    ...WINDOWS_BROWSERS.flatMap((b) => [
      [`sotorko_${b.id}`, `${t.category.split(" (")[0]}: ${b[lang].name}`],
      [`SUPPORTED_${b.id}`, b[lang].supported],
    ]),
    ...keys.flatMap((key) => {
      const texts = POLICY_TEXTS[key];
      return [
        [key, texts[lang].title],
        [`${key}_Explain`, `${texts[lang].explain}\n\n${lang === "bn" ? "পলিসির নাম" : "Policy name"}: ${key}`],
        ...(texts.choices ?? []).map((c) => [`${key}_${c.value}`, c[lang]]),
      ];
    }),
  ];
  const presentations = keys.map((key) => admlPresentation(key, POLICY_TEXTS[key], lang)).filter(Boolean);
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by deploy/tools/generate.mjs; do not edit by hand. -->
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>${xml(t.displayName)}</displayName>
  <description>${xml(t.description)}</description>
  <resources>
    <stringTable>
${strings.map(([id, text]) => `      <string id="${id}">${xml(text)}</string>`).join("\n")}
    </stringTable>
    <presentationTable>
${presentations.join("\n")}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/**
 * The ExtensionSettings entry that force-installs Sotorko from the
 * self-hosted URL. `override_update_url` makes later update checks use that
 * URL too (the packaged manifest names it as well; either alone keeps updates
 * arriving). Chrome and Chromium pin the toolbar button (`toolbar_pin`); Edge
 * shows it with its own key, `toolbar_state`.
 */
export function chromiumExtensionSettings(browserId, updateBase = EXAMPLE_UPDATE_BASE) {
  return {
    [TEMPLATE_EXTENSION_ID]: {
      installation_mode: "force_installed",
      update_url: `${updateBase}/updates.xml`,
      override_update_url: true,
      ...(browserId === "edge" ? { toolbar_state: "force_shown" } : { toolbar_pin: "force_pinned" }),
    },
  };
}

function regString(text) {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

/** REG_SZ written as hex(1): UTF-16LE with a terminating NUL, for text with line breaks. */
function regHexString(name, text) {
  const bytes = [...Buffer.from(`${text}\0`, "utf16le")].map((b) => b.toString(16).padStart(2, "0"));
  const lines = [];
  let line = `${regString(name)}=hex(1):`;
  for (let i = 0; i < bytes.length; i += 1) {
    const piece = bytes[i] + (i < bytes.length - 1 ? "," : "");
    if (line.length + piece.length > 77) {
      lines.push(`${line}\\`);
      line = "  ";
    }
    line += piece;
  }
  lines.push(line);
  return lines.join("\r\n");
}

/** A .reg file (UTF-16LE with BOM, CRLF, as regedit writes) for one browser. */
export function renderReg(schema, browser, policy) {
  const key = `HKEY_LOCAL_MACHINE\\${policyKey(browser)}`;
  const values = [];
  const subkeys = [];
  for (const [name, value] of Object.entries(policy)) {
    const type = schema.properties[name].type;
    if (type === "boolean") values.push(`${regString(name)}=dword:${value ? "00000001" : "00000000"}`);
    else if (type === "string" && value.includes("\n")) values.push(regHexString(name, value));
    else if (type === "string") values.push(`${regString(name)}=${regString(value)}`);
    else if (type === "array") {
      subkeys.push(`[${key}\\${name}]`, ...value.map((item, i) => `"${i + 1}"=${regString(item)}`), "");
    } else values.push(`${regString(name)}=${regString(JSON.stringify(value))}`);
  }
  const lines = [
    "Windows Registry Editor Version 5.00",
    "",
    `; Sotorko policy for ${browser.en.name}: force-install from a self-hosted update URL and configure it.`,
    "; Generated by deploy/tools/generate.mjs. Replace the extension id and URL with yours (scripts/package.sh",
    "; writes a copy with both filled in). Note: this replaces any ExtensionSettings value you already have;",
    "; merge the Sotorko entry into it instead if you manage other extensions.",
    "",
    `[HKEY_LOCAL_MACHINE\\${browser.root}]`,
    `"ExtensionSettings"=${regString(JSON.stringify(chromiumExtensionSettings(browser.id)))}`,
    "",
    "; Remove earlier Sotorko settings first, so no stale list entries stay behind.",
    `[-${key}]`,
    "",
    `[${key}]`,
    ...values,
    "",
    ...subkeys,
  ];
  const text = lines.join("\r\n");
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
}

export function renderChromiumJson(browserId, policy) {
  return `${JSON.stringify(
    {
      ExtensionSettings: chromiumExtensionSettings(browserId),
      "3rdparty": { extensions: { [TEMPLATE_EXTENSION_ID]: policy } },
    },
    null,
    2,
  )}\n`;
}

export function renderFirefoxPolicies(policy, version) {
  return `${JSON.stringify(
    {
      policies: {
        ExtensionSettings: {
          [GECKO_ID]: {
            installation_mode: "force_installed",
            install_url: `${EXAMPLE_UPDATE_BASE}/sotorko-${version}.xpi`,
          },
        },
        "3rdparty": { Extensions: { [GECKO_ID]: policy } },
      },
    },
    null,
    2,
  )}\n`;
}

/** Every generated file: relative path in deploy/ -> contents (string or Buffer). */
export function renderAll() {
  const schema = loadSchema();
  const policy = examplePolicy();
  const version = JSON.parse(readFileSync(join(ROOT, "manifest.json"), "utf8")).version;
  const files = {
    "windows/sotorko.admx": renderAdmx(schema),
    "windows/en-US/sotorko.adml": renderAdml(schema, "en"),
    "windows/bn-BD/sotorko.adml": renderAdml(schema, "bn"),
    "windows/sotorko-firefox.admx": renderFirefoxAdmx(GECKO_ID),
    "windows/en-US/sotorko-firefox.adml": renderFirefoxAdml("en"),
    "windows/bn-BD/sotorko-firefox.adml": renderFirefoxAdml("bn"),
    "windows/template-extension-id.txt": `${TEMPLATE_EXTENSION_ID}\n`,
    "linux/chromium/sotorko.json": renderChromiumJson("chromium", policy),
    "linux/chrome/sotorko.json": renderChromiumJson("chrome", policy),
    "linux/edge/sotorko.json": renderChromiumJson("edge", policy),
    "firefox/policies.json": renderFirefoxPolicies(policy, version),
  };
  for (const browser of WINDOWS_BROWSERS) files[`windows/${browser.id}.reg`] = renderReg(schema, browser, policy);
  return files;
}

function main() {
  const check = process.argv.includes("--check");
  const stale = [];
  for (const [rel, contents] of Object.entries(renderAll())) {
    const path = join(DEPLOY_DIR, rel);
    const want = Buffer.isBuffer(contents) ? contents : Buffer.from(contents, "utf8");
    const have = existsSync(path) ? readFileSync(path) : null;
    if (have && have.equals(want)) continue;
    if (check) stale.push(rel);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, want);
      console.log(`wrote deploy/${rel}`);
    }
  }
  if (stale.length > 0) {
    console.error(`out of date (run node deploy/tools/generate.mjs): ${stale.join(", ")}`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
