/**
 * Issue 10 page hygiene, in real Chromium and Firefox ESR against the
 * stand-in: the profile/cover photo reminder on an office page (and not on a
 * personal context), and the password strength meter on the password-change
 * form — with the password never reaching extension storage.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { OFFICIAL, describeInEachBrowser, setUserSettings, openFixture, sleep } from "./composer-helpers.mjs";

const WEAK = "password1";
const STRONG = "river-Lantern 7 quietly-Orbit";

/** The notice in the content script's shadow root (test build: open root), or null. */
function noticeText(page) {
  return page.evaluate(() => {
    for (const host of document.querySelectorAll("[data-sotorko-host]")) {
      const notice = host.shadowRoot?.querySelector("[data-sotorko-notice]");
      if (notice) return notice.textContent;
    }
    return null;
  });
}

/** The meter's state: { score, acceptable, text } or null. */
function meterState(page) {
  return page.evaluate(() => {
    const host = document.querySelector("[data-sotorko-meter-host]");
    const meter = host?.shadowRoot?.querySelector("[data-sotorko-password-meter]");
    if (!meter || meter.hidden) return null;
    return { score: Number(meter.getAttribute("data-score")), acceptable: meter.getAttribute("data-acceptable"), text: meter.textContent };
  });
}

/** Every value in storage.local, storage.session and storage.sync, as one string. */
async function allStorage(browser) {
  const page = await browser.openExtensionPage("popup/popup.html");
  try {
    return await page.evaluate(async () => {
      const api = globalThis.browser ?? globalThis.chrome;
      const areas = {};
      for (const name of ["local", "session", "sync"]) {
        try {
          areas[name] = await api.storage[name]?.get(null);
        } catch (error) {
          areas[name] = String(error);
        }
      }
      return JSON.stringify(areas);
    });
  } finally {
    await page.close();
  }
}

describeInEachBrowser("page hygiene", (ctx) => {
  test("opening the profile-picture or cover-photo flow on an office page shows the reminder", async () => {
    await setUserSettings(ctx.browser, OFFICIAL);
    let page = await openFixture(ctx.browser, ctx.server, "/ministryofexample");
    await page.click('[data-fixture-action="update-profile-picture"]');
    await page.waitForFunction(() => [...document.querySelectorAll("[data-sotorko-host]")].some((h) => h.shadowRoot?.querySelector("[data-sotorko-notice]")), { message: "reminder" });
    assert.match(await noticeText(page), /personal photo/);
    await page.close();

    // Bangla interface and Bangla labels; the cover photo.
    await setUserSettings(ctx.browser, { ...OFFICIAL, uiLanguage: "bn" });
    page = await openFixture(ctx.browser, ctx.server, "/ministryofexample?lang=bn");
    await page.click('[data-fixture-action="update-cover-photo"]');
    await page.waitForFunction(() => [...document.querySelectorAll("[data-sotorko-host]")].some((h) => h.shadowRoot?.querySelector("[data-sotorko-notice]")), { message: "reminder (bn)" });
    assert.match(await noticeText(page), /ব্যক্তিগত ছবি/);
    await page.close();

    // Not an office page (no official pages listed, personal context): no reminder.
    await setUserSettings(ctx.browser, {});
    page = await openFixture(ctx.browser, ctx.server, "/ministryofexample");
    await page.click('[data-fixture-action="update-profile-picture"]');
    await page.waitForSelector("[data-fixture-photo-dialog]");
    await sleep(400);
    assert.equal(await noticeText(page), null);
    await page.close();
  });

  test("the password meter scores the new password and the password never reaches storage", async () => {
    await setUserSettings(ctx.browser, {});
    const page = await openFixture(ctx.browser, ctx.server, "/settings/password");
    await page.click('input[autocomplete="current-password"]');
    await page.type("old-secret-Value");
    await sleep(300);
    assert.equal(await meterState(page), null, "no meter on the current password");
    await page.click('input[aria-label="New password"]');
    await page.type(WEAK);
    await page.waitForFunction(() => Boolean(document.querySelector("[data-sotorko-meter-host]")?.shadowRoot?.querySelector("[data-sotorko-password-meter]:not([hidden])")), { message: "meter" });
    let state = await meterState(page);
    assert.ok(state.score <= 1, JSON.stringify(state));
    assert.equal(state.acceptable, "false");
    assert.match(state.text, /Too weak/);
    for (let i = 0; i < WEAK.length; i++) await page.press("Backspace");
    await page.type(STRONG);
    await page.waitForFunction(() => document.querySelector("[data-sotorko-meter-host]")?.shadowRoot?.querySelector("[data-sotorko-password-meter]")?.getAttribute("data-acceptable") === "true", { message: "strong" });
    state = await meterState(page);
    assert.ok(state.score >= 3, JSON.stringify(state));
    assert.ok(!state.text.includes(STRONG), "the meter never shows the password");
    // The page cannot see the meter in the shipped build's closed root; here we check what is stored.
    await sleep(300);
    const stored = await allStorage(ctx.browser);
    for (const secret of [WEAK, STRONG, "old-secret-Value", "river-Lantern"]) assert.ok(!stored.includes(secret), `${secret} is not in extension storage: ${stored.slice(0, 200)}`);
    await page.close();
  });

  test("on the Bangla form the meter speaks Bangla; the default minimum score (3) applies", async () => {
    await setUserSettings(ctx.browser, { uiLanguage: "bn" });
    const page = await openFixture(ctx.browser, ctx.server, "/settings/password?lang=bn");
    await page.click('input[aria-label="নতুন পাসওয়ার্ড"]');
    await page.type(STRONG);
    // The meter speaks the UI language once the settings are read (re-rendered when they arrive).
    await page.waitForFunction(() => document.querySelector("[data-sotorko-meter-host]")?.shadowRoot?.querySelector("[data-sotorko-password-meter]:not([hidden])")?.getAttribute("lang") === "bn", { message: "meter (bn)" });
    const state = await meterState(page);
    assert.equal(state.acceptable, "true");
    assert.match(state.text, /পাসওয়ার্ডের শক্তি/);
    assert.match(state.text, /অন্তত ৪-এর মধ্যে ৩/);
    await page.close();
  });
});

describeInEachBrowser("page admins", (ctx) => {
  test("a page with two or six people with full control gets the notice; four does not", async () => {
    await setUserSettings(ctx.browser, {});
    let page = await openFixture(ctx.browser, ctx.server, "/settings/access?full=2");
    await page.waitForFunction(() => Boolean(document.querySelector("[data-sotorko-meter-host]")?.shadowRoot?.querySelector("[data-sotorko-notice]")), { message: "admins notice" });
    assert.match(await noticeText(page), /2 people with full control/);
    await page.close();

    page = await openFixture(ctx.browser, ctx.server, "/settings/access?full=4");
    await sleep(1200);
    assert.equal(await noticeText(page), null, "four admins: nothing to say");
    // Facebook's settings are a single-page app: the list changes, the count is read again.
    await page.click('[data-fixture-action="add-admin"]');
    await page.click('[data-fixture-action="add-admin"]');
    await page.waitForFunction(() => Boolean(document.querySelector("[data-sotorko-meter-host]")?.shadowRoot?.querySelector("[data-sotorko-notice]")), { message: "admins notice after adding" });
    assert.match(await noticeText(page), /6 people with full control/);
    await page.close();
  });
});
