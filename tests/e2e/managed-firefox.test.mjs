// Managed deployment in real Firefox ESR: policies.json force-installs the
// (unsigned) XPI from scripts/package.sh through ExtensionSettings, lets it
// install through the Preferences policy, and configures it through 3rdparty.
// policies.json appears in /etc/firefox/policies only inside a private mount
// namespace (the harness overlays /etc there); the real /etc never changes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { launchFirefox, startFixtureServer } from "../harness/index.mjs";
import { waitForDialog } from "./composer-helpers.mjs";
import {
  GECKO_ID,
  POST_BUTTON_BY_LABEL,
  closeAll,
  composeOnStandIn,
  expectStrictHold,
  managedSection,
  packageInTempDir,
  requireBuiltExtension,
  settingControl,
  sleep,
  underlinedTexts,
  waitForInstalledOptionsPage,
  waitForManaged,
  waitForUnderlined,
  assertContextLocked,
  popupContextLock,
} from "./managed-helpers.mjs";

/** Firefox installs from the XPI's file URL; the update URL package.sh writes is never asked. */
const NO_UPDATE_URL = "http://127.0.0.1:9/updates.xml";

/** policies.json that force-installs `xpi` and configures the extension with `settings`. */
function forceInstallPolicy(xpi, settings) {
  return {
    policies: {
      ExtensionSettings: { [GECKO_ID]: { installation_mode: "force_installed", install_url: pathToFileURL(xpi).href } },
      Preferences: { "xpinstall.signatures.required": { Value: false, Status: "locked" } },
      "3rdparty": { Extensions: { [GECKO_ID]: settings } },
    },
  };
}

/**
 * Starts Firefox with `settings` in policies.json force-installing `xpi`
 * (`more`: further launchFirefox options, such as a profile to reuse).
 * The profile says signatures are required; only the locked policy
 * preference lets the unsigned XPI in.
 */
function launchManagedFirefox(server, xpi, settings, more = {}) {
  return launchFirefox({
    server,
    geckoId: GECKO_ID,
    ...more,
    prefs: { "xpinstall.signatures.required": true },
    policy: forceInstallPolicy(xpi, settings),
  });
}

/** Reloads the options page and waits for its settings to be drawn. */
async function reloadOptions(options, browser) {
  await options.goto(browser.extensionUrl("options/options.html"));
  await options.waitForSelector("#mode");
}

const SETTINGS = {
  mode: "strict",
  officialByDefault: true,
  categorySeverity: { secrecy: { official: "block", personal: "block" } },
  extraTerms: { secrecy: ["operation glowworm"] },
  lockedSettings: ["mode", "enabled"],
  uiLanguage: "klingon",
};

describe("managed deployment in Firefox ESR", { timeout: 300_000 }, () => {
  let pkg;
  let server;
  let browser;
  let options;

  before(async () => {
    requireBuiltExtension();
    ({ pkg } = packageInTempDir("sotorko-managed-firefox-", NO_UPDATE_URL));
    server = await startFixtureServer();
    browser = await launchManagedFirefox(server, pkg.xpi, SETTINGS);
    ({ page: options } = await waitForInstalledOptionsPage(browser, browser.extensionUrl("options/options.html")));
    await waitForManaged(options, { mode: "strict" });
    await reloadOptions(options, browser);
    await sleep(500);
  });

  after(() => closeAll(browser, server));

  test("policies.json force-installs the XPI as an administrator-installed add-on", async () => {
    const self = await options.evaluate(async () => {
      const info = await browser.management.getSelf();
      return { id: info.id, installType: info.installType, version: info.version };
    });
    assert.deepEqual(self, { id: GECKO_ID, installType: "admin", version: pkg.version });
  });

  test("its 3rdparty settings reach storage.managed and apply, and a bad one is reported", async () => {
    const managed = await waitForManaged(options, { mode: "strict", extraTerms: SETTINGS.extraTerms });
    assert.deepEqual(managed.lockedSettings, ["mode", "enabled"]);
    const mode = await settingControl(options, "mode");
    assert.equal(mode.value, "strict");
    assert.equal(mode.disabled, true, "locked");
    assert.equal(mode.badgeVisible, true);
    // Firefox does not check the schema, so the same validator reports the bad value.
    const section = await managedSection(options);
    const error = section.errors.find((e) => e.key === "uiLanguage");
    assert.ok(error, JSON.stringify(section));
    assert.match(error.text, /expected one of "auto", "bn", "en", got "klingon"/);
    assert.equal((await settingControl(options, "uiLanguage")).value, "auto");
  });

  test("a custom term from policy is underlined in the Facebook stand-in, and strict mode holds the post", async () => {
    server.reset();
    const page = await composeOnStandIn(browser, server, "Operation Glowworm starts on Sunday");
    try {
      const seen = await waitForUnderlined(page, "operation glowworm", { severity: "block" });
      assert.ok(seen.block.some((t) => t.includes("operation glowworm")), `the policy term underlined as block: ${JSON.stringify(seen)}`);
      await expectStrictHold(page, server);
    } finally {
      await page.close();
    }
  });

  test("the popup cannot switch the posting context the ministry sets (officialByDefault in policy)", async () => {
    const page = await composeOnStandIn(browser, server, "Operation Glowworm starts on Sunday");
    try {
      await waitForUnderlined(page, "operation glowworm");
      assertContextLocked(await popupContextLock(browser));
    } finally {
      await page.close();
    }
  });
});

// Issue 4: "Firefox applies policy changes at its next start". The same
// profile is started twice; between the starts, policies.json's 3rdparty
// settings change (a new private mount namespace each start, as an admin
// would edit /etc/firefox/policies/policies.json and the official restart).
const BEFORE_RESTART = {
  mode: "warn",
  categorySeverity: { secrecy: { official: "block", personal: "block" } },
  extraTerms: { secrecy: ["operation glowworm"] },
};
const AFTER_RESTART = {
  mode: "strict",
  categorySeverity: { secrecy: { official: "block", personal: "block" } },
  extraTerms: { secrecy: ["project nightjar"] },
  lockedSettings: ["mode"],
};
const BOTH_TERMS = "Operation Glowworm and Project Nightjar start on Sunday";

/** Waits for `term` to be underlined as block in the typed BOTH_TERMS, lets any late check settle, returns all underlines. */
async function waitForBlockThenSettle(page, term) {
  await waitForUnderlined(page, term, { severity: "block", exact: true });
  // The whole text has been checked once the term near its end is underlined; let any late check settle.
  await sleep(300);
  return underlinedTexts(page);
}

describe("Firefox ESR applies changed policies.json settings at its next start (same profile)", { timeout: 300_000 }, () => {
  let pkg;
  let server;
  let profileDir;
  let extensionUuid;
  let browser;

  const launch = (settings) => launchManagedFirefox(server, pkg.xpi, settings, { extensionUuid, profileDir });

  before(async () => {
    requireBuiltExtension();
    let temp;
    ({ temp, pkg } = packageInTempDir("sotorko-managed-firefox-restart-", NO_UPDATE_URL));
    profileDir = path.join(temp, "profile");
    server = await startFixtureServer();
  });

  after(() => closeAll(browser, server));

  test("first start: the force-installed extension applies the first 3rdparty settings", async () => {
    browser = await launch(BEFORE_RESTART);
    extensionUuid = browser.extensionUuid;
    assert.equal(browser.profileDir, profileDir);
    const { page: options } = await waitForInstalledOptionsPage(browser, browser.extensionUrl("options/options.html"));
    await waitForManaged(options, { mode: "warn", extraTerms: BEFORE_RESTART.extraTerms });
    // A marker in the extension's own storage shows later that the second start reused this profile.
    await options.evaluate(() => browser.storage.local.set({ restartMarker: "set before restart" }));
    await options.close();

    server.reset();
    const page = await composeOnStandIn(browser, server, BOTH_TERMS);
    try {
      const marks = await waitForBlockThenSettle(page, "operation glowworm");
      assert.ok(!Object.values(marks).flat().some((t) => t.includes("nightjar")), `not yet a term: ${JSON.stringify(marks)}`);
      await page.click(POST_BUTTON_BY_LABEL);
      const ui = await waitForDialog(page);
      assert.ok(ui.dialog.actions.includes("post-anyway"), `warn mode offers post-anyway: ${ui.dialog.actions}`);
      assert.equal(ui.dialog.strict, false);
      await sleep(300);
      assert.deepEqual(server.posted(), []);
    } finally {
      await page.close();
    }
    await browser.close();
    browser = null;
  });

  test("second start, same profile, changed policies.json: the new term and strict mode apply, the old term no longer does", async () => {
    assert.ok(extensionUuid, "the first start ran");
    browser = await launch(AFTER_RESTART);
    assert.equal(browser.extensionUuid, extensionUuid);
    const { page: options } = await waitForInstalledOptionsPage(browser, browser.extensionUrl("options/options.html"));
    try {
      const managed = await waitForManaged(options, { mode: "strict", extraTerms: AFTER_RESTART.extraTerms });
      assert.deepEqual(managed.lockedSettings, ["mode"]);
      assert.equal(
        await options.evaluate(async () => (await browser.storage.local.get("restartMarker")).restartMarker ?? null),
        "set before restart",
        "the same profile (and the same installed extension's storage) was started again",
      );
      const self = await options.evaluate(async () => (await browser.management.getSelf()).installType);
      assert.equal(self, "admin");
      await reloadOptions(options, browser);
      await options.waitForFunction(() => document.getElementById("mode")?.value === "strict" && document.getElementById("mode").disabled, {
        message: "options page shows strict, locked",
      });
    } finally {
      await options.close();
    }

    server.reset();
    const page = await composeOnStandIn(browser, server, BOTH_TERMS);
    try {
      const marks = await waitForBlockThenSettle(page, "project nightjar");
      assert.ok(!Object.values(marks).flat().some((t) => t.includes("glowworm")), `the old term is no longer flagged: ${JSON.stringify(marks)}`);
      await expectStrictHold(page, server);
    } finally {
      await page.close();
    }
  });
});
