// Accessibility and the Bangla-first UI, in real Chromium and Firefox ESR: WCAG 2.2 AA contrast of
// the popup, the options page, the panel and the confirm dialog in light and dark mode
// (tests/e2e/contrast.mjs), list semantics of the panel's findings, the reason box described by
// its error, the focus-panel keyboard command, digits and clause labels in the UI language, and
// rule names in the options page's activity log.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";

import {
  DOCS_DIR,
  OFFICIAL,
  POST_BUTTON,
  clickDialogAction,
  describeInEachBrowser,
  findTabId,
  messageTab,
  openCheckedPost,
  setUserSettings,
  sleep,
  waitForDialog,
} from "./composer-helpers.mjs";
import { contrastProblems, useDarkScheme } from "./contrast.mjs";

/** Sotorko's own UI on a Facebook page: the shadow root of its host (the stand-in's own page is not ours to judge). */
const SOTORKO_UI = "[data-sotorko-host]";

/**
 * Asserts no contrast problem on `page` now (within `scope`'s shadow root when given); `where`
 * names it in the message. Returns the texts measured (`[{ what, text }]`).
 */
async function expectContrast(page, where, scope = null) {
  const { checked, problems, measured } = await contrastProblems(page, scope);
  assert.ok(checked > 3, `${where}: measured ${checked} texts and controls`);
  assert.deepEqual(problems, [], `${where}: contrast below WCAG 2.2 AA`);
  return measured;
}

/** The panel's structure and texts, read through the test build's open shadow root. */
function panelView(page) {
  return page.evaluate(() => {
    const root = document.querySelector("[data-sotorko-host]").shadowRoot;
    const panel = root.querySelector("[data-sotorko-panel]");
    return {
      // Each item's children: "finding" for the finding's own button, the action of any other
      // button ("false-alarm": "Not a problem here"), else the tag and role of what is there.
      listItems: [...panel.querySelectorAll("ul > li")].map((li) => ({
        role: li.getAttribute("role"),
        tabindex: li.getAttribute("tabindex"),
        children: [...li.children].map((c) => {
          if (c.tagName !== "BUTTON" || c.getAttribute("type") !== "button" || c.hasAttribute("role")) return `${c.tagName.toLowerCase()}[role=${c.getAttribute("role")}]`;
          return c.hasAttribute("data-finding-index") ? "finding" : `action:${c.getAttribute("data-sotorko-action")}`;
        }),
        falseAlarmText: li.querySelector('[data-sotorko-action="false-alarm"]')?.textContent ?? null,
      })),
      clauses: [...panel.querySelectorAll(".s-clause")].map((c) => c.textContent),
      counts: [...panel.querySelectorAll("[data-sotorko-counts] [data-severity]")].map((c) => c.textContent),
    };
  });
}

/**
 * Storage holding `n` post attempts: the oldest in the old "Post anyway" log (`overrideLog`,
 * which the activity log takes in), the rest in the activity log (extension/shared/activity-log.js),
 * all within the retention; the newest names a rule of the default pack and one that no longer exists.
 */
function storedActivity(n) {
  const at = (i) => new Date(Date.now() - (n - i) * 60_000).toISOString();
  const rules = (i) => (i === n - 1 ? ["political.symbol-campaign", "ministry.retired-rule"] : ["political.symbol-campaign"]);
  return {
    overrideLog: [{ at: at(0), context: "official", categories: ["political"], rules: rules(0), reason: "approved" }],
    activityLog: Array.from({ length: n - 1 }, (_, k) => ({
      id: `seeded-${k + 1}`,
      at: at(k + 1),
      context: "official",
      page: { id: "", name: "Ministry of Example" },
      surface: "post",
      outcome: "held-posted",
      categories: ["political"],
      rules: rules(k + 1),
      reason: "approved",
      falseAlarms: [],
    })),
  };
}

describeInEachBrowser("accessibility and the Bangla-first UI", (ctx) => {
  test("popup: AA contrast in light and dark (the switch's off state too); counts in Bangla digits in the Bangla UI", async () => {
    const { page } = await openCheckedPost(ctx, { settings: { ...OFFICIAL, uiLanguage: "bn" }, page: "/ministryofexample?tab=a11y-popup" });
    const tabId = await findTabId(ctx.browser, "tab=a11y-popup");
    const popup = await ctx.browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
    try {
      await popup.waitForFunction(() => document.querySelector('[data-count="warn"]')?.dataset.value === "1", { timeout: 10_000, message: "popup counts the warning" });
      // The switch is disabled until policy has been read (then it is measured too: disabled controls are exempt).
      await popup.waitForFunction(() => !document.getElementById("tab-enabled").disabled, { timeout: 20_000, message: "the switch is enabled once policy is read" });
      const counts = await popup.evaluate(() => [...document.querySelectorAll("[data-count]")].map((c) => c.textContent));
      assert.deepEqual(counts, ["০", "১", "০"], "Bangla digits in the Bangla popup");
      assert.equal(await popup.evaluate(() => document.documentElement.lang), "bn");
      await expectContrast(popup, "popup, light");
      if (ctx.name === "chromium") await popup.screenshot(path.join(DOCS_DIR, "screenshot-popup-bn.png"), { selector: "body" });
      const how = await useDarkScheme(popup);
      await expectContrast(popup, `popup, dark (${how})`);
    } finally {
      await popup.close();
      await page.close();
    }
  });

  test("options page: AA contrast in light and dark; the log names rules, and \"সর্বশেষ\" goes with the number shown", async () => {
    await setUserSettings(ctx.browser, { uiLanguage: "bn", ...storedActivity(101) });
    const options = await ctx.browser.openExtensionPage("options/options.html");
    try {
      // The newest entry is the table's first row.
      const named = await options.waitForFunction(
        () => {
          const item = document.querySelector('#activity-body tbody tr:first-child ul.rule-names li[data-rule="political.symbol-campaign"]');
          return item && !item.textContent.includes("political.symbol-campaign") ? item.textContent : null;
        },
        { timeout: 20_000, message: "the activity log names the rule" },
      );
      assert.doesNotMatch(named, /political|symbol/, `a name, not the id: ${named}`);
      const gone = await options.evaluate(() => document.querySelector('#activity-body tbody tr:first-child ul.rule-names li[data-rule="ministry.retired-rule"]')?.textContent);
      assert.equal(gone, "ministry.retired-rule (নিয়মটি এখন প্যাকে নেই)", "a rule no longer in the pack shows its id, said so");
      const rows = await options.evaluate(() => document.querySelectorAll("#activity-body tbody tr").length);
      assert.equal(rows, 100, "the newest 100 of the 101 entries (one of them migrated from the old log) are shown");
      const showing = await options.evaluate(() => document.querySelector("#activity-body > p")?.textContent);
      assert.equal(showing, "মোট ১০১টির মধ্যে সর্বশেষ ১০০টি দেখানো হচ্ছে।");
      await expectContrast(options, "options, light");
      const how = await useDarkScheme(options);
      await expectContrast(options, `options, dark (${how})`);
    } finally {
      await options.close();
      await setUserSettings(ctx.browser, {});
    }
  });

  test("the options page shows at once and fills in policy when it arrives (the policy read delayed 3 s)", async () => {
    const page = await ctx.browser.newPage();
    try {
      // The test build's hook: the background (which resolves settings for every page) forgets the
      // policy it has read and its next storage.managed read answers 3 s from now, as Chromium's
      // first policy read of a browser session can. A page that waited for policy before its
      // first paint would show nothing for 3 s.
      await page.goto(ctx.browser.extensionUrl("options/options.html?sotorko-test-slow-policy=3000"));
      await page.waitForFunction(() => document.body.hasAttribute("data-policy-pending") && document.querySelector("h1")?.textContent.trim().length > 0, {
        timeout: 2500,
        message: "the page is rendered while policy is still being read",
      });
      const early = await page.evaluate(() => ({
        title: document.querySelector("h1").textContent,
        modeLabel: document.querySelector('label[for="mode"]').textContent,
        modeDisabled: document.getElementById("mode").disabled,
        enabledDisabled: document.getElementById("enabled").disabled,
        managed: document.getElementById("managed-body").textContent,
      }));
      assert.equal(early.title, "Sotorko settings");
      assert.equal(early.modeLabel, "Enforcement mode");
      assert.deepEqual([early.modeDisabled, early.enabledDisabled], [true, true], "nothing is editable before policy is known");
      assert.match(early.managed, /Reading your organisation's settings/);
      await page.waitForFunction(() => !document.body.hasAttribute("data-policy-pending"), { timeout: 15_000, message: "policy arrives" });
      const late = await page.evaluate(() => ({ modeDisabled: document.getElementById("mode").disabled, managed: document.getElementById("managed-body").textContent }));
      assert.equal(late.modeDisabled, false, "editable once policy is known and sets nothing");
      assert.match(late.managed, /has not set any policy/);
    } finally {
      await page.close();
    }
  });

  for (const dark of [false, true]) {
    test(`panel and dialog (${dark ? "dark" : "light"}): AA contrast; findings are list items holding buttons; the reason box is described by its error`, async () => {
      const { page } = await openCheckedPost(ctx, { settings: { ...OFFICIAL, requireReasonToOverride: true, uiLanguage: "en" }, page: `/ministryofexample?dark=${dark ? 1 : 0}` });
      try {
        await page.waitForFunction(() => Boolean(document.querySelector("[data-sotorko-host]")?.shadowRoot?.querySelector("[data-finding-index]")), { message: "a finding in the panel" });
        const view = await panelView(page);
        assert.ok(view.listItems.length >= 1);
        for (const li of view.listItems) {
          assert.deepEqual(
            li,
            { role: null, tabindex: null, children: ["finding", "action:false-alarm"], falseAlarmText: "Not a problem here" },
            "an <li> holding the finding's <button> and the \"Not a problem here\" <button>, not <li role=button>",
          );
        }
        // English UI: the clause label in English, no Bangla digits anywhere in the counts or clause.
        assert.ok(view.clauses.every((c) => /^2019 guideline, para 10\([a-z]+\)$/.test(c)), JSON.stringify(view.clauses));
        assert.doesNotMatch([...view.clauses, ...view.counts].join(" "), /[০-৯]/);
        const measured = await expectContrast(page, `panel (${dark ? "dark" : "light"})`, SOTORKO_UI);
        // Both buttons of a finding were measured (neither is exempt as disabled or hidden).
        assert.ok(measured.some((m) => m.what.includes("s-false-alarm") && m.text === "Not a problem here"), `"Not a problem here" measured: ${JSON.stringify(measured)}`);
        const findingTexts = await page.evaluate(() =>
          [...document.querySelector("[data-sotorko-host]").shadowRoot.querySelectorAll(".s-finding-button *")].map((n) => [...n.childNodes].filter((c) => c.nodeType === 3).map((c) => c.textContent).join("").trim()).filter(Boolean),
        );
        assert.ok(findingTexts.length > 0 && findingTexts.every((text) => measured.some((m) => m.text === text.slice(0, 50))), `every text of the finding buttons measured: ${JSON.stringify(findingTexts)}`);

        await page.click(POST_BUTTON);
        await waitForDialog(page);
        await expectContrast(page, `dialog (${dark ? "dark" : "light"})`, SOTORKO_UI);
        await clickDialogAction(page, "post-anyway");
        await page.waitForSelector("[data-sotorko-reason]");
        await page.type("ab");
        await clickDialogAction(page, "confirm-reason");
        const described = await page.waitForFunction(
          () => {
            const root = document.querySelector("[data-sotorko-host]").shadowRoot;
            const box = root.querySelector("[data-sotorko-reason]");
            const error = root.getElementById(box.getAttribute("aria-describedby") ?? "");
            return error?.textContent ? { invalid: box.getAttribute("aria-invalid"), error: error.textContent } : null;
          },
          { message: "the reason box is described by its error" },
        );
        assert.equal(described.invalid, "true");
        assert.match(described.error, /at least \d+ characters/);
        await expectContrast(page, `dialog with the reason error (${dark ? "dark" : "light"})`, SOTORKO_UI);
        await page.press("Escape");
        await sleep(200);
        assert.deepEqual(ctx.server.posted(), [], "nothing was posted");
      } finally {
        await page.close();
      }
    });
  }

  test("Bangla panel: clause labels \"অনুচ্ছেদ ১০-…\" and Bangla digits", async () => {
    const { page } = await openCheckedPost(ctx, { settings: { ...OFFICIAL, uiLanguage: "bn" }, page: "/ministryofexample?lang=bn" });
    try {
      await page.waitForFunction(() => Boolean(document.querySelector("[data-sotorko-host]")?.shadowRoot?.querySelector(".s-clause")), { message: "a clause in the panel" });
      const view = await panelView(page);
      if (ctx.name === "chromium") await page.screenshot(path.join(DOCS_DIR, "screenshot-panel-bn.png"));
      assert.ok(view.clauses.every((c) => /^২০১৯ সালের নির্দেশিকা, অনুচ্ছেদ ১০-[\u0995-\u09b9]$/.test(c)), JSON.stringify(view.clauses));
      assert.doesNotMatch([...view.clauses, ...view.counts].join(" "), /[0-9]/);
    } finally {
      await page.close();
    }
  });

  test("keyboard: the focus-panel command is registered with a shortcut and moves focus to the first finding", async () => {
    const extensionPage = await ctx.browser.openExtensionPage("popup/popup.html");
    let commands;
    try {
      commands = await extensionPage.evaluate(async () => (globalThis.browser ?? globalThis.chrome).commands.getAll());
    } finally {
      await extensionPage.close();
    }
    const command = commands.find((c) => c.name === "focus-panel");
    assert.ok(command, JSON.stringify(commands));
    assert.match(command.shortcut ?? "", /S$/, `a shortcut is assigned: ${JSON.stringify(command)}`);
    assert.equal(command.description, "Move to Sotorko's panel on the page");

    const { page } = await openCheckedPost(ctx, { page: "/ministryofexample?tab=a11y-keys" });
    try {
      await page.waitForFunction(() => Boolean(document.querySelector("[data-sotorko-host]")?.shadowRoot?.querySelector("[data-finding-index]")), { message: "a finding in the panel" });
      // What the background sends when the shortcut is pressed (a headless browser has no window
      // to press browser shortcuts in).
      const answer = await messageTab(ctx.browser, "tab=a11y-keys", { type: "sotorko:focus-panel" });
      assert.deepEqual(answer, { ok: true, focused: true });
      const focused = await page.evaluate(() => document.querySelector("[data-sotorko-host]").shadowRoot.activeElement?.getAttribute("data-finding-index"));
      assert.equal(focused, "0");
      // Enter on it selects the flagged words in the post, as before.
      await page.press("Enter");
      await page.waitForFunction(() => document.getSelection().toString().length > 0, { message: "the finding's words are selected" });
    } finally {
      await page.close();
    }
  });
});
