// Managed deployment in real Chromium: the CRX made by scripts/package.sh
// (signed with a throwaway key) is force-installed through ExtensionSettings
// from an update server on loopback, and configured through 3rdparty policy.
// Policy lives in /etc/chromium only inside a private mount namespace (the
// harness bind-mounts a temp copy there); the real /etc never changes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";

import { launchChromium, startFixtureServer } from "../harness/index.mjs";
import { examplePolicy } from "../../deploy/tools/generate.mjs";
import { waitForDialog, sotorkoUi } from "./composer-helpers.mjs";
import {
  assertContextLocked,
  popupContextLock,
  POST_BUTTON_BY_LABEL,
  closeAll,
  composeOnStandIn,
  expectStrictHold,
  managedSection,
  packageBehindUpdateServer,
  requireBuiltExtension,
  settingControl,
  sleep,
  waitForInstalledOptionsPage,
  waitForManaged,
  waitForUnderlined,
  ROOT,
} from "./managed-helpers.mjs";

/** The example custom rule pack from deploy/ (flags "project horizon" as secrecy, block). */
const CUSTOM_RULES = readFileSync(path.join(ROOT, "deploy/examples/ministry-rules.toml"), "utf8");
/** A pack that does not compile: the engine reports it and keeps the default pack. */
const BROKEN_RULES = '[[rule]]\nid = "ministry.broken"\ncategory = "no-such-category"\n';

/** The first policy: strict, a custom term, two locks, and one invalid value. */
const SETTINGS_V1 = {
  mode: "strict",
  officialByDefault: true,
  categorySeverity: { secrecy: { official: "block", personal: "block" } },
  extraTerms: { secrecy: ["operation glowworm", "অপারেশন জোনাকি"] },
  customRules: CUSTOM_RULES,
  lockedSettings: ["mode", "enabled"],
  uiLanguage: "klingon",
};

/** The change applied while Chromium runs: warn mode, another term, a broken rule pack, the invalid value fixed. */
const SETTINGS_V2 = {
  mode: "warn",
  officialByDefault: true,
  categorySeverity: { secrecy: { official: "block", personal: "block" } },
  extraTerms: { secrecy: ["operation firefly"] },
  customRules: BROKEN_RULES,
  lockedSettings: ["mode", "enabled"],
};

/** The options page of the extension with id `id`. */
const optionsUrl = (id) => `chrome-extension://${id}/options/options.html`;

describe("managed deployment in Chromium", { timeout: 420_000 }, () => {
  let pkg;
  let updates;
  let server;
  let browser;
  let options; // the options page, kept open to watch live changes
  let secondsToInstall;

  const policy = (settings) => ({
    // Test-only: by default Chromium refuses DevTools (and so the test driver)
    // on policy-installed extensions' pages and service worker.
    DeveloperToolsAvailability: 1,
    ExtensionSettings: {
      [pkg.id]: { installation_mode: "force_installed", update_url: updates.url("updates.xml") },
    },
    "3rdparty": { extensions: { [pkg.id]: settings } },
  });

  /** Types `text` into a fresh post dialog on the stand-in; returns the page. */
  const composeOnFacebook = (text) => composeOnStandIn(browser, server, text);

  before(async () => {
    requireBuiltExtension();
    ({ pkg, updates } = await packageBehindUpdateServer("sotorko-managed-chromium-"));
    server = await startFixtureServer();
    browser = await launchChromium({ server, policy: policy(SETTINGS_V1), extensionId: pkg.id, allowPolicyInstalls: true });
    ({ page: options, seconds: secondsToInstall } = await waitForInstalledOptionsPage(browser, optionsUrl(pkg.id)));
    await waitForManaged(options, { mode: "strict" });
    // Let the options page re-render with the policy that just arrived.
    await options.goto(optionsUrl(pkg.id));
  });

  after(() => closeAll(browser, server, updates));

  test("force-installs the CRX from the loopback update server, with the organisation's key and id", async () => {
    const checks = updates.requests.filter((r) => r.startsWith("/updates.xml"));
    assert.ok(checks.length >= 1, `update checks: ${updates.requests.join(", ")}`);
    assert.ok(checks[0].includes(`id%3D${pkg.id}`), checks[0]);
    assert.ok(checks[0].includes("installedby%3Dpolicy"), checks[0]);
    assert.ok(updates.requests.includes(`/sotorko-${pkg.version}.crx`), updates.requests.join(", "));
    const installed = await options.evaluate(() => ({ id: chrome.runtime.id, key: chrome.runtime.getManifest().key }));
    assert.equal(installed.id, pkg.id);
    assert.equal(installed.key, pkg.publicKeyB64);
    // The CRX served is the one package.sh wrote.
    assert.ok(readFileSync(pkg.crx).subarray(0, 4).equals(Buffer.from("Cr24")));
    console.log(`# force-installed after ${secondsToInstall} s`);
  });

  test("an invalid value shows its error under Managed settings while the other keys apply", async () => {
    // Chromium passes the bad string on (the schema only types it) and the validator reports it.
    await waitForManaged(options, { uiLanguage: "klingon" });
    const section = await managedSection(options);
    const error = section.errors.find((e) => e.key === "uiLanguage");
    assert.ok(error, `no uiLanguage error in Managed settings: ${JSON.stringify(section)}`);
    assert.match(error.text, /expected one of "auto", "bn", "en", got "klingon"/);
    assert.equal(section.errors.length, 1, JSON.stringify(section.errors));
    // The invalid key falls back to its default; the others are in force.
    assert.equal((await settingControl(options, "uiLanguage")).value, "auto");
    assert.equal((await settingControl(options, "mode")).value, "strict");
    assert.equal((await settingControl(options, "officialByDefault")).value, true);
    // docs/screenshot-options-managed.png: the settings page with the organisation's policy.
    await options.screenshot(path.join(ROOT, "docs", "screenshot-options-managed.png"), { fullPage: true });
  });

  test("a locked setting cannot be changed on the options page", async () => {
    for (const key of ["mode", "enabled"]) {
      const control = await settingControl(options, key);
      assert.equal(control.disabled, true, `${key} control disabled`);
      assert.equal(control.badgeVisible, true, `${key} shows the organisation badge`);
      assert.ok(control.badgeText.trim().length > 0, `${key} badge text`);
    }
    // Trying anyway: a click does nothing, and forcing a change event does not stick.
    await options.click("#enabled").catch(() => {});
    await options.evaluate(() => {
      const select = document.getElementById("mode");
      select.value = "warn";
      select.dispatchEvent(new Event("change", { bubbles: true }));
    });
    await sleep(1000);
    // The refusal is said in the UI's words, naming the setting, not as an internal error.
    const status = await options.evaluate(() => document.getElementById("save-status").textContent);
    assert.equal(status, "“Enforcement mode” is set by your organisation and cannot be changed here.");
    await options.goto(optionsUrl(pkg.id));
    await options.waitForSelector("#mode");
    await sleep(500);
    assert.equal((await settingControl(options, "mode")).value, "strict");
    assert.equal((await settingControl(options, "enabled")).value, true);
    // A setting the policy neither sets nor locks stays editable.
    const free = await settingControl(options, "requireReasonToOverride");
    assert.equal(free.disabled, false);
    assert.equal(free.badgeVisible, false);
  });

  test("a custom term and a custom rule from policy are underlined in the Facebook stand-in", async () => {
    const page = await composeOnFacebook("Operation Glowworm starts on Sunday with Project Horizon");
    try {
      const seen = await waitForUnderlined(page, "operation glowworm");
      assert.ok(seen.block.some((t) => t.includes("operation glowworm")), `block underline (categorySeverity): ${JSON.stringify(seen)}`);
      await waitForUnderlined(page, "project horizon");
    } finally {
      await page.close();
    }
  });

  test("strict mode removes \"Post anyway\" for block findings", async () => {
    server.reset();
    const page = await composeOnFacebook("Operation Glowworm starts on Sunday");
    try {
      await waitForUnderlined(page, "operation glowworm");
      const ui = await expectStrictHold(page, server);
      assert.ok(ui.dialog.actions.includes("edit"));
    } finally {
      await page.close();
    }
  });

  test("the popup cannot switch the posting context the ministry sets (officialByDefault in policy)", async () => {
    const page = await composeOnFacebook("Operation Glowworm starts on Sunday");
    try {
      await waitForUnderlined(page, "operation glowworm");
      assertContextLocked(await popupContextLock(browser));
    } finally {
      await page.close();
    }
  });

  test("a policy change applies live, without a restart", async () => {
    await browser.setPolicy(policy(SETTINGS_V2));
    await waitForManaged(options, { mode: "warn", extraTerms: SETTINGS_V2.extraTerms }, ["uiLanguage"], { timeout: 45_000 });
    // The open options page follows without a reload.
    await options.waitForFunction(() => document.getElementById("mode")?.value === "warn", { timeout: 15_000, message: "options page shows mode warn" });
    const section = await managedSection(options);
    assert.deepEqual(section.errors.filter((e) => e.key !== "customRules"), [], "the fixed value's error is gone");
    assert.equal((await settingControl(options, "mode")).disabled, true, "still locked");
    // The broken rule pack is reported on the options page, naming the key.
    await options.goto(optionsUrl(pkg.id));
    const problem = await options.waitForFunction(
      () => [...document.querySelectorAll("#managed-body li.error, #engine-body li.error")].find((li) => li.querySelector("code")?.textContent === "customRules")?.textContent ?? null,
      { timeout: 20_000, message: "a customRules problem on the options page" },
    );
    assert.match(problem, /no-such-category|category/i, problem);
    console.log(`# customRules problem on the options page: ${problem}`);

    server.reset();
    const page = await composeOnFacebook("Operation Firefly follows Operation Glowworm and Project Horizon");
    try {
      const seen = await waitForUnderlined(page, "operation firefly");
      const all = Object.values(seen).flat();
      assert.ok(!all.some((t) => t.includes("glowworm")), `the removed term is no longer underlined: ${JSON.stringify(seen)}`);
      assert.ok(!all.some((t) => t.includes("horizon")), `the broken pack's rules are gone, the rest applies: ${JSON.stringify(seen)}`);
      await page.click(POST_BUTTON_BY_LABEL);
      const ui = await waitForDialog(page);
      assert.ok(ui.dialog.actions.includes("post-anyway"), `warn mode offers Post anyway: ${ui.dialog.actions}`);
      assert.equal(ui.dialog.strict, false);
      await page.click('[data-sotorko-action="post-anyway"]');
      const posted = await server.waitForPosted((list) => list.length === 1);
      assert.equal(posted[0].text, "Operation Firefly follows Operation Glowworm and Project Horizon");
      assert.equal((await sotorkoUi(page))?.dialog ?? null, null);
    } finally {
      await page.close();
    }
  });
});

describe("the shipped Linux example policy, as package.sh writes it, in Chromium", { timeout: 300_000 }, () => {
  let pkg;
  let updates;
  let server;
  let browser;
  let options;

  before(async () => {
    requireBuiltExtension();
    ({ pkg, updates } = await packageBehindUpdateServer("sotorko-managed-example-"));
    const file = path.join(pkg.dir, "policies/linux/etc/chromium/policies/managed/sotorko.json");
    const policy = JSON.parse(readFileSync(file, "utf8"));
    server = await startFixtureServer();
    // Test-only addition: let the test driver reach the policy-installed extension.
    browser = await launchChromium({ server, policy: { ...policy, DeveloperToolsAvailability: 1 }, extensionId: pkg.id, allowPolicyInstalls: true });
    ({ page: options } = await waitForInstalledOptionsPage(browser, optionsUrl(pkg.id)));
  });

  after(() => closeAll(browser, server, updates));

  test("installs from the example's update URL and applies every example setting without a problem", async () => {
    const expected = examplePolicy();
    const managed = await waitForManaged(options, { mode: expected.mode });
    assert.deepEqual(managed, expected, "every key reaches the extension unchanged");
    await options.goto(optionsUrl(pkg.id));
    // The example's uiLanguage is "auto" and the browser's language English.
    await options.waitForFunction(() => /The checking engine is ready/.test(document.querySelector("#engine-body")?.textContent ?? ""), {
      timeout: 15_000,
      message: "the checking engine is ready",
    });
    assert.deepEqual((await managedSection(options)).errors, [], "no policy errors");
    const engineProblems = await options.evaluate(() => [...document.querySelectorAll("#engine-body li.error")].map((li) => li.textContent));
    assert.deepEqual(engineProblems, [], "the example rule pack compiles");
    for (const key of expected.lockedSettings) {
      const control = await settingControl(options, key);
      if (control.disabled !== null) assert.equal(control.disabled, true, `${key} locked`);
    }
    const page = await composeOnStandIn(browser, server, "Project Horizon starts next week");
    try {
      const seen = await waitForUnderlined(page, "project horizon", { severity: "block" });
      assert.ok(seen.block.some((t) => t.includes("project horizon")), `the example pack's rule underlines as block: ${JSON.stringify(seen)}`);
    } finally {
      await page.close();
    }
  });
});
