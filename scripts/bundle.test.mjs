// The shipped bundle must carry no test hook; the test build must (or the e2e tests read nothing).
import test from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundleContentScript } from "./bundle.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** What only a test build may contain: attributes that tell the page what was found, an open UI root. */
const HOOK_MARKERS = ["data-sotorko-last", "data-sotorko-checks", "data-test-text", "data-sotorko-test-settings", "__SOTORKO_TEST_HOOKS__"];
/** The open root of the test build (bundles are whitespace-minified: `return"open"`). */
const OPEN_ROOT = /return\s*"open"/;

function assertNoHooks(code, where) {
  for (const marker of HOOK_MARKERS) assert.ok(!code.includes(marker), `${where} contains the test hook ${marker}`);
  assert.doesNotMatch(code, OPEN_ROOT, `${where} contains the test hook return "open"`);
  // Bundles are minified (local names too), so `uiRootMode` is found by its body.
  const mode = code.match(/function ([\w$]+)\(\)\s*\{\s*return\s*"closed";?\s*\}/);
  assert.ok(mode, `${where} attaches a closed shadow root`);
  const escaped = mode[1].replace(/\$/g, "\\$");
  assert.match(code, new RegExp(`attachShadow\\(\\{\\s*mode:\\s*${escaped}\\(\\)\\s*\\}\\)`), `${where} takes the root's mode from uiRootMode`);
}

test("the production content script has no test hooks and a closed shadow root", async () => {
  assertNoHooks(await bundleContentScript(false), "the production bundle");
});

test("the test build's content script has the hooks the e2e helpers read", async () => {
  const code = await bundleContentScript(true);
  for (const marker of HOOK_MARKERS.slice(0, 3)) assert.ok(code.includes(marker), `the test build lacks ${marker}`);
  assert.match(code, OPEN_ROOT, "the test build lacks its open root");
});

test("the built dist/extension (when built) has no test hooks", { skip: !existsSync(join(root, "dist/extension/content.js")) && "not built" }, () => {
  assertNoHooks(readFileSync(join(root, "dist/extension/content.js"), "utf8"), "dist/extension/content.js");
  // The options page's slow-policy hook (tests/e2e/accessibility.test.mjs) is test-build only too.
  const options = readFileSync(join(root, "dist/extension/options/options.js"), "utf8");
  assert.ok(!options.includes("sotorko-test-slow-policy"), "dist/extension/options/options.js has the slow-policy test hook");
  assert.ok(readFileSync(join(root, "dist/extension-test/options/options.js"), "utf8").includes("sotorko-test-slow-policy"), "the test build's options page has the hook");
  // Its background side (the background resolves settings, so the policy read is slowed there).
  const background = readFileSync(join(root, "dist/extension/background.js"), "utf8");
  assert.ok(!background.includes("sotorko:test-slow-policy"), "dist/extension/background.js has the slow-policy test hook");
  assert.ok(readFileSync(join(root, "dist/extension-test/background.js"), "utf8").includes("sotorko:test-slow-policy"), "the test build's background has the hook");
});

test("the browser's catalogs hold exactly the manifest's __MSG_ keys, in both languages; the scripts carry the rest", async () => {
  const { browserCatalog } = await import("./bundle.mjs");
  const manifest = readFileSync(join(root, "manifest.json"), "utf8");
  const wanted = [...new Set([...manifest.matchAll(/__MSG_(\w+)__/g)].map((m) => m[1]))].sort();
  assert.ok(wanted.includes("extName"), "the manifest names its strings");
  for (const lang of ["bn", "en"]) {
    const source = readFileSync(join(root, "extension", "_locales", lang, "messages.json"), "utf8");
    const kept = JSON.parse(browserCatalog(source, manifest));
    assert.deepEqual(Object.keys(kept).sort(), wanted, lang);
    for (const key of wanted) assert.deepEqual(kept[key], JSON.parse(source)[key], `${lang} ${key}`);
  }
});
