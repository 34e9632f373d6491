/**
 * Issue 3, "the engine host keeps working after the browser stops and
 * restarts the service worker": in real Chromium, stop the extension's
 * service worker through the DevTools protocol while a composer is open, then
 * check that the next edit is checked and underlined again and that a risky
 * post is still held. (Firefox runs the background as an event page; it is
 * covered by the same engine-host code and by composer.test.mjs.)
 */
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { startFixtureServer } from "../harness/server.mjs";
import { launchBrowser } from "../harness/browsers.mjs";
import {
  EXTENSION_DIR,
  OFFICIAL,
  POLITICAL,
  POLITICAL_EXCERPT,
  POST_BUTTON,
  requireBuiltExtension,
  setUserSettings,
  openFixture,
  openPostDialog,
  waitForCheck,
  underlines,
  waitForDialog,
  sleep,
} from "./composer-helpers.mjs";

describe("engine host across a service-worker restart in chromium", { concurrency: false }, () => {
  let server;
  let browser;
  before(async () => {
    requireBuiltExtension();
    server = await startFixtureServer();
    browser = await launchBrowser("chromium", { server, extensionDir: EXTENSION_DIR });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test("after the worker is stopped, the next edit is checked and a risky post is held", async () => {
    await setUserSettings(browser, OFFICIAL);
    const page = await openFixture(browser, server, "/ministryofexample");
    await openPostDialog(page);
    await page.type("আজ ");
    assert.equal(await waitForCheck(page, "post", 3), 0);
    // A marker in the worker's global scope: a restarted worker does not have it.
    await browser.evaluateInBackground(() => {
      globalThis.__sotorkoTestMarker = "before-stop";
    });
    assert.equal(await browser.evaluateInBackground(() => globalThis.__sotorkoTestMarker), "before-stop");

    // The ServiceWorker domain of a page sees its own origin's workers: stop the
    // extension's from one of the extension's own pages, then close that page.
    const extensionPage = await browser.openExtensionPage("options/options.html");
    const cdp = await browser.raw.newCDPSession(extensionPage.raw);
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.stopAllWorkers");
    await cdp.detach();
    await extensionPage.close();

    await page.type(POLITICAL.slice(3));
    assert.equal(await waitForCheck(page, "post", POLITICAL.length), 1, "checked by a restarted worker");
    assert.equal(
      await browser.evaluateInBackground(() => globalThis.__sotorkoTestMarker ?? "fresh worker"),
      "fresh worker",
      "the check was answered by a restarted service worker",
    );
    assert.deepEqual((await underlines(page)).warn.map((m) => m.text), [POLITICAL_EXCERPT]);

    await page.click(POST_BUTTON);
    await waitForDialog(page);
    await sleep(300);
    assert.deepEqual(server.posted(), [], "the risky post is held, not sent");
    await page.close();
  });
});
