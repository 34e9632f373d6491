// Updates that arrive, in real Chromium: version N is force-installed through ExtensionSettings
// from a loopback update server; then the server offers N+1 (same organisation key, packaged by
// scripts/package.sh), an update check runs, and N+1 is what runs.
//
// The policy deliberately leaves out `override_update_url`: after the first install Chromium then
// asks the update_url in the extension's own manifest (the Chrome Web Store when there is none),
// so this passes only because package.sh writes the self-hosted update_url into the packaged
// manifest. (The shipped example policies set override_update_url as well.)
//
// Chromium-only: Firefox has no update-URL protocol for policy-installed add-ons; it installs a
// new install_url at its next start, which managed-firefox.test.mjs covers.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";

import { launchChromium, startFixtureServer } from "../harness/index.mjs";
import {
  closeAll,
  copyExtensionAsVersion,
  makeTempDir,
  nextVersion,
  packageWithThrowawayKey,
  requireBuiltExtension,
  sleep,
  startUpdateServer,
  waitForInstalledOptionsPage,
  EXTENSION_DIR,
} from "./managed-helpers.mjs";
import { readFileSync } from "node:fs";
import path from "node:path";

const optionsUrl = (id) => `chrome-extension://${id}/options/options.html`;

/** The version of the extension running now, read from a freshly opened extension page (null while none loads). */
async function runningVersion(browser, id) {
  const page = await browser.newPage();
  try {
    await page.goto(optionsUrl(id), { timeout: 10_000 });
    return await page.evaluate(() => chrome.runtime.getManifest().version);
  } catch {
    return null;
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Asks Chromium to check for extension updates now, as the "Update" button of chrome://extensions
 * (developer mode) does: developerPrivate.autoUpdate, which also installs what it finds at once.
 */
async function checkForUpdatesNow(browser) {
  const page = await browser.newPage();
  try {
    await page.goto("chrome://extensions/", { timeout: 15_000 });
    await page.waitForFunction(() => Boolean(globalThis.chrome?.developerPrivate?.autoUpdate), { timeout: 10_000, message: "chrome.developerPrivate on chrome://extensions" });
    await page.evaluate(() => chrome.developerPrivate.autoUpdate());
  } finally {
    await page.close().catch(() => {});
  }
}

describe("a self-hosted update reaches a policy-installed extension in Chromium", { timeout: 300_000 }, () => {
  let current; // the package folder the update server offers now
  let updates;
  let server;
  let browser;
  let first;
  let second;

  before(async () => {
    requireBuiltExtension();
    updates = await startUpdateServer(() => current.dir);
    const temp = makeTempDir("sotorko-managed-update-");
    const url = updates.url("updates.xml");
    first = packageWithThrowawayKey(temp, url, { outName: "release-n" });
    const nextSource = copyExtensionAsVersion(temp, "source-n1", nextVersion(first.version));
    second = packageWithThrowawayKey(temp, url, { key: first.key, source: nextSource, outName: "release-n1" });
    assert.equal(second.id, first.id, "the same organisation key gives the same id");
    current = first;
    server = await startFixtureServer();
    browser = await launchChromium({
      server,
      // Test-only: DevTools (the test driver) on a policy-installed extension's pages.
      policy: {
        DeveloperToolsAvailability: 1,
        ExtensionSettings: { [first.id]: { installation_mode: "force_installed", update_url: url } },
      },
      extensionId: first.id,
      allowPolicyInstalls: true,
    });
    const { page } = await waitForInstalledOptionsPage(browser, optionsUrl(first.id));
    await page.close();
  });

  after(() => closeAll(browser, server, updates));

  test("version N is installed by policy, and its packaged manifest names the update server", async () => {
    assert.equal(await runningVersion(browser, first.id), first.version);
    const page = await browser.newPage();
    try {
      await page.goto(optionsUrl(first.id));
      const manifest = await page.evaluate(() => chrome.runtime.getManifest());
      assert.equal(manifest.update_url, updates.url("updates.xml"));
    } finally {
      await page.close();
    }
    assert.ok(updates.requests.includes(`/sotorko-${first.version}.crx`), updates.requests.join(", "));
    // The test build is the source of both packages.
    assert.equal(JSON.parse(readFileSync(path.join(EXTENSION_DIR, "manifest.json"), "utf8")).version, first.version);
  });

  test("when the server offers N+1, an update check installs it and N+1 runs", async () => {
    const checksBefore = updates.requests.filter((r) => r.startsWith("/updates.xml")).length;
    current = second;
    let seen = null;
    const end = Date.now() + 120_000;
    while (Date.now() < end) {
      await checkForUpdatesNow(browser);
      await sleep(3000);
      seen = await runningVersion(browser, first.id);
      if (seen === second.version) break;
    }
    const checks = updates.requests.filter((r) => r.startsWith("/updates.xml"));
    assert.ok(checks.length > checksBefore, `the update check reached updates.xml: ${updates.requests.join(", ")}`);
    assert.ok(updates.requests.includes(`/sotorko-${second.version}.crx`), `N+1 was downloaded: ${updates.requests.join(", ")}`);
    assert.equal(seen, second.version, `the running version after the update (requests: ${updates.requests.join(", ")})`);
    console.log(`# updated ${first.version} -> ${second.version} after ${checks.length - checksBefore} update check(s)`);
  });
});
