import test from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync, existsSync } from "node:fs";

const root = new URL("../../", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("manifest.json", root), "utf8"));
const ext = (path) => new URL(`extension/${path}`, root);

/** The extension id documented for the committed key (docs: "Extension id"). */
const EXPECTED_CHROMIUM_ID = "efikfmmfofkbmeonocpookpkpfdidbmb";
const FACEBOOK = ["https://www.facebook.com/*", "https://web.facebook.com/*", "https://m.facebook.com/*", "https://business.facebook.com/*"];

test("the manifest key gives the documented Chromium extension id", () => {
  const der = Buffer.from(manifest.key, "base64");
  const hex = createHash("sha256").update(der).digest("hex").slice(0, 32);
  const id = [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join("");
  assert.equal(id, EXPECTED_CHROMIUM_ID);
  assert.ok(der.length > 250, "an RSA-2048 SubjectPublicKeyInfo, not a private key");
  assert.doesNotMatch(manifest.key, /PRIVATE/);
});

test("minimal permissions: storage, and host access to Facebook only", () => {
  assert.equal(manifest.manifest_version, 3);
  assert.deepEqual(manifest.permissions, ["storage"]);
  assert.deepEqual(manifest.host_permissions, FACEBOOK);
  assert.equal(manifest.optional_permissions, undefined);
  assert.equal(manifest.web_accessible_resources, undefined);
  const [cs, meter] = manifest.content_scripts;
  assert.equal(manifest.content_scripts.length, 2);
  assert.deepEqual(cs.matches, FACEBOOK);
  assert.deepEqual(cs.js, ["content.js"]);
  assert.equal(cs.run_at, "document_start");
  assert.equal(cs.all_frames, false);
  // The password meter and the admins notice: only Facebook's account settings (and Accounts Center, where the form lives today).
  assert.deepEqual(meter.matches, ["https://www.facebook.com/settings*", "https://web.facebook.com/settings*", "https://m.facebook.com/settings*", "https://accountscenter.facebook.com/*"]);
  assert.deepEqual(meter.js, ["settings-page.js"]);
  assert.equal(meter.all_frames, false);
});

test("one background entry for both browsers, WASM allowed only for extension pages", () => {
  assert.deepEqual(manifest.background, { service_worker: "background.js", scripts: ["background.js"], type: "module" });
  assert.equal(manifest.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
  assert.equal(manifest.storage.managed_schema, "managed_schema.json");
  assert.equal(manifest.browser_specific_settings.gecko.id, "sotorko@cabinet.gov.bd");
  assert.deepEqual(manifest.browser_specific_settings.gecko.data_collection_permissions, { required: ["none"] });
});

test("a keyboard shortcut moves focus to the panel, in both browsers", () => {
  const command = manifest.commands?.["focus-panel"];
  assert.ok(command, "commands.focus-panel");
  assert.equal(command.description, "__MSG_commandFocusPanel__");
  // Chromium and Firefox both accept Alt+Shift+<letter>; no permission is needed.
  assert.match(command.suggested_key.default, /^Alt\+Shift\+[A-Z]$/);
  assert.equal(Object.keys(manifest.commands).length, 1, "no _execute_action: the popup opens from its button");
});

test("every __MSG_ reference exists in both locales, and every referenced file exists", () => {
  const refs = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]);
  assert.ok(refs.includes("extName") && refs.includes("extDescription"));
  for (const lang of ["en", "bn"]) {
    const messages = JSON.parse(readFileSync(ext(`_locales/${lang}/messages.json`), "utf8"));
    for (const ref of refs) assert.ok(messages[ref], `${lang} lacks ${ref}`);
  }
  assert.ok(existsSync(ext(`_locales/${manifest.default_locale}/messages.json`)));
  const files = [
    ...Object.values(manifest.icons),
    ...Object.values(manifest.action.default_icon),
    manifest.action.default_popup,
    manifest.options_ui.page,
  ];
  for (const file of files) assert.ok(existsSync(ext(file)), `missing extension/${file}`);
});
