/**
 * Issue 10 end-to-end, in real Chromium and Firefox ESR: the activity log
 * (an edited held post is logged `held-edited`), "Not a problem here" (only a
 * trusted click records it, with the rule and the term, never the post), and
 * the quarterly review page (its SVG charts render; a Bangla screenshot for docs/).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import {
  DOCS_DIR,
  POLITICAL,
  POLITICAL_EXCERPT,
  OFFICIAL,
  POST_BUTTON,
  describeInEachBrowser,
  openCheckedPost,
  readLocal,
  setUserSettings,
  waitForCheck,
  waitForDialog,
  clickDialogAction,
  sleep,
} from "./composer-helpers.mjs";

const CLEAN = "আজ অফিসে বৃক্ষরোপণ কর্মসূচি হলো।";
const PAGE = { id: "ministry of example", name: "Ministry of Example" };

/** Reads the activity log until `done(log)` holds (the background writes after the page acts). */
async function activityLogWhen(browser, done, what) {
  let log = null;
  for (let i = 0; i < 40; i++) {
    log = await readLocal(browser, "activityLog");
    if (log && done(log)) return log;
    await sleep(100);
  }
  assert.fail(`${what}: ${JSON.stringify(log)}`);
}

/** A log for the review page: two office pages and one personal comment in 2026Q4. */
function sampleLog() {
  const e = (id, at, outcome, extra = {}) => ({ id, at, context: "official", page: { id: "1000", name: "DC Office" }, surface: "post", outcome, categories: [], rules: [], reason: "", falseAlarms: [], ...extra });
  const upazila = { id: "2000", name: "Upazila Office" };
  return [
    e("a", "2026-10-05T09:00:00.000Z", "posted"),
    e("b", "2026-10-07T09:00:00.000Z", "posted"),
    e("c", "2026-10-13T09:00:00.000Z", "held-edited", { categories: ["political"], rules: ["political.symbol-campaign"] }),
    e("d", "2026-10-20T09:00:00.000Z", "held-posted", { categories: ["secrecy"], rules: ["secrecy.classification-marking"], reason: "approved" }),
    e("f", "2026-10-21T09:00:00.000Z", "held-cancelled", { categories: ["political"], rules: ["political.symbol-campaign"], falseAlarms: [{ rule: "political.symbol-campaign", term: "নৌকা" }] }),
    e("g", "2026-11-02T09:00:00.000Z", "posted", { page: upazila }),
    e("h", "2026-11-03T09:00:00.000Z", "posted", { page: upazila, falseAlarms: [{ rule: "political.symbol-campaign", term: "নৌকা" }] }),
    e("i", "2026-11-04T09:00:00.000Z", "posted", { page: null, context: "personal", surface: "comment" }),
  ];
}

describeInEachBrowser("activity log and review", (ctx) => {
  test("a held post that is edited and then posted is logged held-edited, without its text", async () => {
    const { page } = await openCheckedPost(ctx);
    await page.click(POST_BUTTON);
    await waitForDialog(page);
    await activityLogWhen(ctx.browser, (log) => log.length === 1 && log[0].outcome === "held-cancelled", "held: written as held-cancelled at once");
    await clickDialogAction(page, "edit");
    await page.press("Control+a");
    await page.press("Backspace");
    await page.type(CLEAN);
    await waitForCheck(page, "post", CLEAN.length);
    await page.click(POST_BUTTON);
    const posted = await ctx.server.waitForPosted((list) => list.length >= 1);
    assert.equal(posted[0].text, CLEAN);
    await page.close();
    const log = await activityLogWhen(ctx.browser, (l) => l.some((e) => e.outcome === "held-edited"), "held-edited");
    assert.equal(log.length, 1, JSON.stringify(log));
    const [entry] = log;
    assert.deepEqual(
      { context: entry.context, page: entry.page, surface: entry.surface, outcome: entry.outcome, categories: entry.categories, rules: entry.rules },
      { context: "official", page: PAGE, surface: "post", outcome: "held-edited", categories: ["political"], rules: ["political.symbol-campaign"] },
    );
    const stored = JSON.stringify(log);
    assert.ok(!stored.includes(POLITICAL_EXCERPT) && !stored.includes(CLEAN), "no post text in the log");
  });

  test("“Not a problem here” records the rule and term on a trusted click only", async () => {
    const { page } = await openCheckedPost(ctx);
    const reported = () =>
      page.evaluate(() => Boolean(document.querySelector("[data-sotorko-host]").shadowRoot.querySelector('[data-sotorko-action="false-alarm"][data-sotorko-reported]')));
    // The page's own script clicking the button (reachable only through the test build's open root) does nothing.
    await page.evaluate(() => document.querySelector("[data-sotorko-host]").shadowRoot.querySelector('[data-sotorko-action="false-alarm"]').click());
    await sleep(300);
    assert.equal(await reported(), false, "an untrusted click is ignored");
    await page.click('[data-sotorko-action="false-alarm"]');
    await page.waitForFunction(() => Boolean(document.querySelector("[data-sotorko-host]").shadowRoot.querySelector('[data-sotorko-action="false-alarm"][data-sotorko-reported]')), { message: "reported" });
    await page.click(POST_BUTTON);
    await waitForDialog(page);
    await clickDialogAction(page, "post-anyway");
    await ctx.server.waitForPosted((list) => list.length >= 1);
    await page.close();
    const log = await activityLogWhen(ctx.browser, (l) => l.some((e) => e.outcome === "held-posted"), "held-posted");
    assert.equal(log.length, 1, JSON.stringify(log));
    assert.deepEqual(log[0].falseAlarms, [{ rule: "political.symbol-campaign", term: POLITICAL_EXCERPT }]);
    assert.ok(!JSON.stringify(log).includes(POLITICAL), "the term, never the post");
    // The options page lists it and exports it under the contract.
    const options = await ctx.browser.openExtensionPage("options/options.html");
    try {
      await options.waitForFunction(() => document.querySelector("#activity-body tbody tr[data-outcome]")?.getAttribute("data-outcome") === "held-posted", { message: "options row" });
      const row = await options.evaluate(() => document.querySelector("#activity-body tbody tr").textContent);
      assert.match(row, /political\.symbol-campaign/);
    } finally {
      await options.close();
    }
  });

  test("the review page renders its charts for a quarter, in Bangla too", async () => {
    await setUserSettings(ctx.browser, { ...OFFICIAL, uiLanguage: "bn", activityLog: sampleLog() });
    const page = await ctx.browser.openExtensionPage("options/review.html?quarter=2026Q4");
    try {
      await page.waitForFunction(() => document.body.getAttribute("data-review-ready") === "2026Q4", { message: "review ready" });
      const seen = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        weekCharts: document.querySelectorAll('#review-cadence svg[data-chart="weeks"]').length,
        columnsPerChart: [...document.querySelectorAll('#review-cadence svg[data-chart="weeks"]')].map((svg) => svg.querySelectorAll("rect.bar").length),
        targetLines: document.querySelectorAll("#review-cadence line.target").length,
        met: [...document.querySelectorAll('#review-cadence [data-review-page="1000"] rect.bar.met')].length,
        categoryBars: [...document.querySelectorAll("#review-categories rect.bar")].map((r) => Number(r.getAttribute("data-value"))),
        outcomeBars: [...document.querySelectorAll("#review-outcomes rect.bar")].map((r) => Number(r.getAttribute("data-value"))),
        ruleBars: document.querySelectorAll("#review-rules rect.bar").length,
        alarmRows: [...document.querySelectorAll("#review-alarms tbody tr")].map((tr) => tr.textContent),
        summary: document.querySelector("#review-summary").textContent,
        innerHtmlFree: [...document.querySelectorAll("svg")].every((svg) => svg.namespaceURI === "http://www.w3.org/2000/svg"),
      }));
      assert.equal(seen.lang, "bn");
      assert.equal(seen.weekCharts, 3, "DC Office, Upazila Office, no page");
      assert.deepEqual(seen.columnsPerChart, [14, 14, 14], "2026Q4 touches 14 ISO weeks");
      assert.equal(seen.targetLines, 3);
      assert.equal(seen.met, 1, "DC Office had two posts in one week (W41)");
      assert.deepEqual(seen.categoryBars, [2, 1]);
      assert.deepEqual(seen.outcomeBars, [1, 1, 1, 5], "edited, cancelled (prevented), posted anyway, clean");
      assert.equal(seen.ruleBars, 2);
      assert.equal(seen.alarmRows.length, 1);
      assert.match(seen.alarmRows[0], /নৌকা/);
      assert.match(seen.summary, /৭টি পোস্ট/, "Bangla digits: 7 posts");
      assert.ok(seen.innerHtmlFree);
      if (ctx.name === "chromium") await page.screenshot(path.join(DOCS_DIR, "screenshot-review-bn.png"), { fullPage: true });
      // Office pages without a post for more than 4 days (from this browser's log), in the review and the popup.
      const now = Date.now();
      const gaps = await page.evaluate(() => [...document.querySelectorAll("[data-review-gaps] li")].map((li) => li.textContent));
      const expected = ["DC Office", "Upazila Office"].filter((name) => now - Date.parse(name === "DC Office" ? "2026-10-20T09:00:00Z" : "2026-11-03T09:00:00Z") > 4 * 86_400_000);
      assert.equal(gaps.length, expected.length, JSON.stringify(gaps));
      const popup = await ctx.browser.openExtensionPage("popup/popup.html");
      try {
        await popup.waitForFunction((n) => document.querySelectorAll("#cadence-list li").length === n && (n === 0 || !document.getElementById("cadence").hidden), { args: [expected.length], message: "popup cadence" });
        const items = await popup.evaluate(() => [...document.querySelectorAll("#cadence-list li")].map((li) => li.textContent));
        expected.forEach((name, i) => assert.match(items[i] ?? "", new RegExp(name)));
      } finally {
        await popup.close();
      }
    } finally {
      await page.close();
    }
  });
});
