// Managed deployment in real Firefox ESR: policies.json force-installs the
// (unsigned) XPI from scripts/package.sh through ExtensionSettings, lets it
// install through the Preferences policy, and configures it through 3rdparty.
// policies.json appears in /etc/firefox/policies only inside a private mount
// namespace (the harness overlays /etc there); the real /etc never changes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";

import { launchFirefox, startFixtureServer } from "../harness/index.mjs";
import { openFixture, openPostDialog, waitForDialog } from "./composer-helpers.mjs";
import {
  GECKO_ID,
  makeTempDir,
  managedSection,
  packageWithThrowawayKey,
  requireBuiltExtension,
  settingControl,
  sleep,
  underlinedTexts,
  waitForInstalledOptionsPage,
  waitForManaged,
} from "./managed-helpers.mjs";

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
    const temp = makeTempDir("sotorko-managed-firefox-");
    pkg = packageWithThrowawayKey(temp, "http://127.0.0.1:9/updates.xml");
    server = await startFixtureServer();
    browser = await launchFirefox({
      server,
      geckoId: GECKO_ID,
      // The profile says signatures are required; only the locked policy preference lets the unsigned XPI in.
      prefs: { "xpinstall.signatures.required": true },
      policy: {
        policies: {
          ExtensionSettings: {
            [GECKO_ID]: { installation_mode: "force_installed", install_url: pathToFileURL(pkg.xpi).href },
          },
          Preferences: { "xpinstall.signatures.required": { Value: false, Status: "locked" } },
          "3rdparty": { Extensions: { [GECKO_ID]: SETTINGS } },
        },
      },
    });
    ({ page: options } = await waitForInstalledOptionsPage(browser, browser.extensionUrl("options/options.html")));
    await waitForManaged(options, { mode: "strict" });
    await options.goto(browser.extensionUrl("options/options.html"));
    await options.waitForSelector("#mode");
    await sleep(500);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

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
    const page = await openFixture(browser, server, "/");
    try {
      await openPostDialog(page);
      await page.click('[role="dialog"] [data-lexical-editor="true"]');
      await page.type("Operation Glowworm starts on Sunday");
      const seen = await page.waitForFunction(
        () => {
          const h = globalThis.CSS?.highlights?.get("sotorko-block");
          return h && [...h].some((r) => r.toString().toLowerCase().includes("operation glowworm")) ? true : null;
        },
        { timeout: 20_000, message: "the policy term underlined as block" },
      ).catch(async (e) => {
        throw new Error(`${e.message}; underlines: ${JSON.stringify(await underlinedTexts(page))}`);
      });
      assert.equal(seen, true);
      await page.click('[role="dialog"] [role="button"][aria-label="Post"]');
      const ui = await waitForDialog(page);
      assert.ok(!ui.dialog.actions.includes("post-anyway"), `actions: ${ui.dialog.actions}`);
      assert.equal(ui.dialog.strict, true);
      await sleep(500);
      assert.deepEqual(server.posted(), []);
    } finally {
      await page.close();
    }
  });
});
