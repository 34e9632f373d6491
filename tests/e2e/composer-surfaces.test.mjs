/**
 * Issue 3 end-to-end, other surfaces and behaviours: the fail-safe, Business
 * Suite, m.facebook.com textareas, the Bangla interface, dark mode, and the
 * popup (its page, driven against a stand-in tab, and its per-tab messages). Real Chromium and Firefox ESR, built extension.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { unexpectedTraffic } from "../harness/traffic.mjs";
import {
  BELITTLING,
  BELITTLING_EXCERPT,
  POLITICAL,
  POLITICAL_EXCERPT,
  OFFICIAL,
  POST_BUTTON,
  describeInEachBrowser,
  openCheckedPost,
  typeCheckedComment,
  expectHeld,
  postAnywayOnce,
  setUserSettings,
  openFixture,
  openPostDialog,
  waitForCheck,
  underlines,
  waitForUnderlineCount,
  sotorkoUi,
  waitForDialog,
  clickDialogAction,
  dialogOpen,
  breakEngine,
  messageTab,
  findTabId,
  sleep,
} from "./composer-helpers.mjs";

describeInEachBrowser("content script surfaces", (ctx) => {
  test("Business Suite: official context, Publish is held", async () => {
    await setUserSettings(ctx.browser, {});
    const page = await openFixture(ctx.browser, ctx.server, "/", "business.facebook.com");
    await page.click('[role="combobox"][data-lexical-editor="true"]');
    await page.type(POLITICAL);
    assert.equal(await waitForCheck(page, "business", POLITICAL.length), 1);
    const ui = await sotorkoUi(page);
    assert.equal(ui.context, "official");
    assert.equal(ui.contextSource, "business-suite");
    assert.deepEqual((await underlines(page)).warn.map((m) => m.text), [POLITICAL_EXCERPT]);
    await page.click('[data-fixture-action="publish"]');
    await expectHeld(page, ctx.server);
    const posted = await postAnywayOnce(page, ctx.server);
    assert.equal(posted[0].action, "publish");
    await page.close();
  });

  test("m.facebook.com: the textarea is checked and its Post is held", async () => {
    await setUserSettings(ctx.browser, { officialByDefault: true });
    const page = await openFixture(ctx.browser, ctx.server, "/", "m.facebook.com");
    await page.click('[data-mcomponent="ServerTextArea"]');
    await page.click('[data-mcomponent="MInputBox"] textarea');
    await page.type(POLITICAL);
    assert.equal(await waitForCheck(page, "post", POLITICAL.length), 1);
    // The official's settings may arrive just after the first check; the panel must follow them.
    await page.waitForFunction(
      () =>
        document.querySelector("[data-sotorko-host]")?.shadowRoot?.querySelector("[data-sotorko-context]")?.getAttribute("data-sotorko-context") ===
        "official",
      { message: "panel shows the official context from officialByDefault" },
    );
    const ui = await sotorkoUi(page);
    assert.ok(ui.panelVisible);
    assert.equal(ui.context, "official");
    assert.equal(ui.contextSource, "default");
    // A textarea has no DOM ranges: the underline is an overlay box measured on a mirror, over the flagged words.
    await page.waitForFunction(() => document.querySelector("[data-sotorko-host]")?.shadowRoot?.querySelectorAll('[data-sotorko-overlay] .s-mark[data-severity="warn"] .s-line').length > 0, { message: "textarea underline" });
    const geometry = await page.evaluate((excerpt) => {
      const ta = document.querySelector('[data-mcomponent="MInputBox"] textarea');
      const box = document.querySelector("[data-sotorko-host]").shadowRoot.querySelector('[data-sotorko-overlay] .s-mark[data-severity="warn"] .s-line').getBoundingClientRect();
      // Where the excerpt really is: measure with a selection-free probe (same font, same width).
      const t = ta.getBoundingClientRect();
      return { box: box.toJSON(), ta: t.toJSON(), index: ta.value.indexOf(excerpt) };
    }, POLITICAL_EXCERPT);
    assert.ok(geometry.box.width > 40, `underline box ${JSON.stringify(geometry.box)}`);
    assert.ok(geometry.box.left > geometry.ta.left && geometry.box.right < geometry.ta.right, "inside the textarea horizontally");
    assert.ok(geometry.box.top > geometry.ta.top && geometry.box.bottom < geometry.ta.bottom, "inside the textarea vertically");
    assert.ok(geometry.box.left - geometry.ta.left > 10, "starts after the first word, not at the textarea's edge");
    await page.click('[data-fixture-action="m-post"]');
    await expectHeld(page, ctx.server);
    await clickDialogAction(page, "edit");
    assert.equal(await page.evaluate(() => document.querySelector('[data-mcomponent="MInputBox"] textarea').value), POLITICAL);
    await page.click('[data-fixture-action="m-post"]');
    await waitForDialog(page);
    await postAnywayOnce(page, ctx.server);
    assert.equal(ctx.server.posted()[0].text, POLITICAL);
    await page.close();
  });

  test("Bangla interface and uiLanguage bn: Bangla labels are understood and the panel speaks Bangla", async () => {
    const { page } = await openCheckedPost(ctx, { settings: { ...OFFICIAL, uiLanguage: "bn" }, page: "/ministryofexample?lang=bn" });
    const ui = await sotorkoUi(page);
    assert.match(ui.panelText, /রাজনৈতিক আলোচনা/);
    assert.match(ui.panelText, /দাপ্তরিক প্রেক্ষাপট/);
    assert.match(ui.panelText, /প্রতীকে ভোট চাওয়া/);
    assert.match(ui.panelText, /পোস্টের আগে যাচাই করুন: ১/, "counts in Bangla digits");
    await page.click(POST_BUTTON);
    const held = await waitForDialog(page);
    assert.match(held.dialog.text, /পোস্ট সম্পাদনা করুন/);
    assert.match(held.dialog.text, /তবুও পোস্ট করুন/);
    await clickDialogAction(page, "edit");
    await page.click('[role="dialog"] [data-fixture-action="close"]');
    // A Bangla comment box ("… হিসেবে মন্তব্য করুন") holds on Enter.
    await typeCheckedComment(page);
    await page.press("Enter");
    await waitForDialog(page);
    await clickDialogAction(page, "edit");
    assert.deepEqual(ctx.server.posted(), []);
    await page.close();
  });

  test("an interface Sotorko does not recognise: underlines still work, the panel says the post cannot be held, the post goes out once", async () => {
    const { page, findings } = await openCheckedPost(ctx, { page: "/ministryofexample?lang=es" });
    assert.equal(findings, 1, "the composer is found by structure and checked");
    assert.deepEqual((await underlines(page)).warn.map((m) => m.text), [POLITICAL_EXCERPT]);
    await page.waitForFunction(
      () => document.querySelector("[data-sotorko-host]")?.shadowRoot?.querySelector("[data-sotorko-unguarded]")?.textContent.includes("cannot hold"),
      { message: "the panel says this post cannot be held" },
    );
    // Nothing intercepts an unrecognised button: the draft goes out exactly once, unchanged.
    await page.click(POST_BUTTON);
    await ctx.server.waitForPosted((list) => list.length >= 1, { timeout: 3000 });
    await sleep(300);
    assert.equal(await dialogOpen(page), false);
    assert.deepEqual(ctx.server.posted().map((p) => p.text), [POLITICAL]);
    // A clean draft shows no such notice (it appears only when a post would be held).
    await openPostDialog(page);
    await page.type("Tree planting today");
    await waitForCheck(page, "post", "Tree planting today".length);
    assert.equal(
      await page.evaluate(() => Boolean(document.querySelector("[data-sotorko-host]").shadowRoot.querySelector("[data-sotorko-unguarded]"))),
      false,
    );
    await page.close();
  });

  test("dark mode: the panel follows Facebook's dark theme", async () => {
    const { page } = await openCheckedPost(ctx, { page: "/ministryofexample?dark=1" });
    const theme = await page.evaluate(() => {
      const host = document.querySelector("[data-sotorko-host]");
      const panel = host.shadowRoot.querySelector("[data-sotorko-panel]");
      return { theme: host.getAttribute("data-theme"), bg: getComputedStyle(panel).backgroundColor, fg: getComputedStyle(panel).color };
    });
    assert.equal(theme.theme, "dark");
    assert.equal(theme.bg, "rgb(36, 37, 38)");
    assert.equal(theme.fg, "rgb(228, 230, 235)");
    await page.evaluate(() => window.__fixture.setDarkMode(false));
    await page.waitForFunction(() => document.querySelector("[data-sotorko-host]").getAttribute("data-theme") === "light");
    await page.close();
  });

  test("popup messages: tab-info reports counts and context; set-tab switches context and turns checking off", async () => {
    // Belittling is held on an office page and only advised on a personal profile (campaigning is held on both).
    const { page } = await openCheckedPost(ctx, { page: "/ministryofexample?tab=popup-test", text: BELITTLING });
    let info = await messageTab(ctx.browser, "popup-test", { type: "sotorko:tab-info" });
    assert.equal(info.ok, true, JSON.stringify(info));
    assert.equal(info.enabled, true);
    assert.equal(info.context, "official");
    assert.equal(info.contextSource, "official-page");
    assert.deepEqual(info.counts, { block: 0, warn: 1, advise: 0 });
    assert.ok(info.composers >= 1);

    info = await messageTab(ctx.browser, "popup-test", { type: "sotorko:set-tab", context: "personal" });
    assert.equal(info.context, "personal");
    assert.equal(info.contextSource, "toggle");
    // Re-checked as personal: belittling is only advice there.
    await waitForUnderlineCount(page, "advise", 1, { message: "re-checked as personal" });
    assert.deepEqual((await underlines(page)).advise.map((m) => m.text), [BELITTLING_EXCERPT]);
    await page.click(POST_BUTTON);
    await ctx.server.waitForPosted((l) => l.length === 1, { timeout: 2000 });
    assert.equal(await dialogOpen(page), false, "advise never holds");

    info = await messageTab(ctx.browser, "popup-test", { type: "sotorko:set-tab", context: null, enabled: false });
    assert.equal(info.enabled, false);
    assert.equal(info.contextSource, "official-page");
    await openPostDialog(page);
    await page.type(POLITICAL);
    await sleep(600);
    const marks = await underlines(page);
    assert.deepEqual([...marks.block, ...marks.warn, ...marks.advise], [], "switched off: no underlines");
    await page.click(POST_BUTTON);
    await ctx.server.waitForPosted((l) => l.length === 2, { timeout: 2000 });
    assert.equal(await dialogOpen(page), false, "switched off: nothing held");
    await page.close();
  });

  test("popup UI: the popup page for a Facebook tab shows its findings; its context radio and on/off switch drive that tab", async () => {
    const { page } = await openCheckedPost(ctx, { page: "/ministryofexample?tab=popup-ui", text: BELITTLING });
    const tabId = await findTabId(ctx.browser, "tab=popup-ui");
    // The toolbar popup's own page, aimed at the stand-in tab with ?tab=ID (headless browsers have no toolbar to click).
    const popup = await ctx.browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
    try {
      const state = () =>
        popup.evaluate(() => ({
          controls: !document.getElementById("tab-controls").hidden,
          message: document.getElementById("message").hidden ? null : document.getElementById("message").textContent,
          enabled: document.getElementById("tab-enabled").checked,
          context: document.querySelector('input[name="context"]:checked')?.value ?? null,
          now: document.getElementById("context-now").textContent,
          off: !document.getElementById("tab-off").hidden,
          countsShown: !document.getElementById("counts").hidden,
          counts: Object.fromEntries([...document.querySelectorAll("[data-count]")].map((el) => [el.getAttribute("data-count"), Number(el.dataset.value ?? el.textContent)])),
        }));
      const waitForPopup = (predicate, message) =>
        popup.waitForFunction(predicate, { timeout: 10_000, message }).catch(async (e) => {
          throw new Error(`${e.message}; popup: ${JSON.stringify(await state())}`);
        });

      await waitForPopup(() => !document.getElementById("tab-controls").hidden, "popup shows the tab's controls");
      let shown = await state();
      assert.equal(shown.enabled, true);
      assert.equal(shown.context, "auto");
      assert.match(shown.now, /Official/);
      assert.equal(shown.countsShown, true);
      assert.deepEqual(shown.counts, { block: 0, warn: 1, advise: 0 });

      // Context radio: personal. The tab re-checks; belittling is only advice there.
      await popup.click('input[name="context"][value="personal"]');
      await waitForUnderlineCount(page, "advise", 1, { message: "tab re-checked as personal" });
      assert.deepEqual((await underlines(page)).advise.map((m) => m.text), [BELITTLING_EXCERPT]);
      await waitForPopup(() => document.querySelector('[data-count="advise"]').dataset.value === "1", "popup counts the advice");
      shown = await state();
      assert.equal(shown.context, "personal");
      assert.match(shown.now, /Personal/);
      assert.deepEqual(shown.counts, { block: 0, warn: 0, advise: 1 });

      // Back to automatic: the official page's context returns.
      await popup.click('input[name="context"][value="auto"]');
      await waitForUnderlineCount(page, "warn", 1, { message: "tab back to official" });
      await waitForPopup(() => document.querySelector('[data-count="warn"]').dataset.value === "1", "popup counts the warning again");
      assert.equal((await state()).context, "auto");

      // The on/off switch: off for this tab. Nothing is underlined or held there.
      await popup.click("#tab-enabled");
      await waitForPopup(() => !document.getElementById("tab-off").hidden, "popup says checking is off in this tab");
      shown = await state();
      assert.equal(shown.enabled, false);
      assert.equal(shown.countsShown, false);
      const info = await messageTab(ctx.browser, "tab=popup-ui", { type: "sotorko:tab-info" });
      assert.equal(info.enabled, false, JSON.stringify(info));
      await page.click(POST_BUTTON);
      await ctx.server.waitForPosted((l) => l.length === 1, { timeout: 3000 });
      assert.equal(await dialogOpen(page), false, "switched off from the popup: nothing held");
      await openPostDialog(page);
      await page.type(POLITICAL);
      await sleep(600);
      const marks = await underlines(page);
      assert.deepEqual([...marks.block, ...marks.warn, ...marks.advise], [], "switched off from the popup: no underlines");

      // And on again: the open composer is checked and held again.
      await popup.click("#tab-enabled");
      await waitForPopup(() => document.getElementById("tab-enabled").checked && !document.getElementById("counts").hidden, "popup shows checking on");
      await waitForUnderlineCount(page, "warn", 1, { message: "checked again after switching on" });
      await page.click(POST_BUTTON);
      await waitForDialog(page);
      await clickDialogAction(page, "edit");
      assert.equal(ctx.server.posted().length, 1);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  test("keyboard and caret: a panel finding selects its text; the caret on an underline shows its card; the comment's own send button is held", async () => {
    const { page } = await openCheckedPost(ctx);
    // Keyboard: focus the finding in the panel, Enter selects the flagged words in the post.
    await page.focus("[data-finding-index='0']");
    await page.press("Enter");
    await page.waitForFunction((t) => document.getSelection().toString() === t, { args: [POLITICAL_EXCERPT], message: "finding selected in the post" });
    assert.ok(await page.evaluate(() => document.activeElement?.matches('[role="dialog"] [data-lexical-editor="true"]')));
    // Caret inside the underline: the card appears without the mouse.
    await page.press("ArrowLeft"); // collapses to the start of the selection
    await page.press("ArrowRight");
    await page.press("ArrowRight");
    await page.waitForFunction(() => {
      const card = document.querySelector("[data-sotorko-host]")?.shadowRoot?.querySelector("[data-sotorko-card]");
      return card && !card.hidden && card.getAttribute("data-rule") === "political.symbol-campaign";
    }, { message: "caret card" });
    await page.click('[role="dialog"] [data-fixture-action="close"]');

    // The comment box's send button (exists only while the box has focus).
    await typeCheckedComment(page);
    await page.click('[data-fixture-surface="comment"] [data-fixture-action="submit"]');
    await expectHeld(page, ctx.server);
    await postAnywayOnce(page, ctx.server);
    assert.equal(ctx.server.posted()[0].surface, "comment");
    await page.close();
  });

  test("editing a post: the Edit dialog opens with the old text checked, and Save with a violation is held", async () => {
    await setUserSettings(ctx.browser, OFFICIAL);
    const page = await openFixture(ctx.browser, ctx.server, "/ministryofexample");
    await openPostDialog(page);
    const clean = "আজ অফিসে বৃক্ষরোপণ কর্মসূচি হলো।";
    await page.type(clean);
    await waitForCheck(page, "post", clean.length);
    await page.click(POST_BUTTON);
    await ctx.server.waitForPosted((l) => l.length === 1);
    const checksBefore = await page.evaluate(() => Number(document.querySelector("[data-sotorko-host]").getAttribute("data-sotorko-checks")));
    await page.click('[data-fixture-action="edit-post"]');
    await page.waitForSelector('[data-fixture-dialog="edit"] [data-lexical-editor="true"]');
    await page.waitForFunction(
      (n, len) => {
        const host = document.querySelector("[data-sotorko-host]");
        return Number(host.getAttribute("data-sotorko-checks")) > n && host.getAttribute("data-sotorko-last") === `post:${len}:0`;
      },
      { args: [checksBefore, clean.length], message: "the editor that appeared with text is checked at once" },
    );
    await page.type(" নৌকা মার্কায় ভোট দিন");
    await waitForCheck(page, "post", clean.length + " নৌকা মার্কায় ভোট দিন".length);
    await page.click('[data-fixture-dialog="edit"] [data-fixture-action="submit"]');
    const ui = await waitForDialog(page);
    assert.match(ui.dialog.text, /Political discussion/);
    await sleep(300);
    assert.equal(ctx.server.posted().length, 1, "the edit is held");
    await clickDialogAction(page, "post-anyway");
    await ctx.server.waitForPosted((l) => l.length === 2);
    assert.equal(ctx.server.posted()[1].surface, "edit");
    await page.close();
  });

  test("fail-safe: when the engine fails, a notice says checking is off and the post goes through", async () => {
    await setUserSettings(ctx.browser, OFFICIAL);
    const restore = await breakEngine(ctx.browser);
    try {
      const page = await openFixture(ctx.browser, ctx.server, "/ministryofexample");
      await openPostDialog(page);
      await page.type(POLITICAL);
      await sleep(500);
      assert.deepEqual((await underlines(page)).warn, []);
      await page.click(POST_BUTTON);
      await ctx.server.waitForPosted((l) => l.length === 1, { timeout: 3000 });
      assert.equal(ctx.server.posted()[0].text, POLITICAL);
      assert.equal(await dialogOpen(page), false);
      const ui = await sotorkoUi(page);
      assert.match(ui.notice ?? "", /checking is off/);
      await page.close();
    } finally {
      await restore();
    }
  });

  test("privacy: no request from the extension on any surface (every request of this browser session)", () => {
    const log = ctx.sessionRequests();
    assert.ok(log.some((r) => r.kind === "https" && r.host === "business.facebook.com"), "the log covers the session");
    assert.deepEqual(unexpectedTraffic({ server: { requests: () => log }, browser: ctx.browser }), []);
  });
});
