import { test } from "node:test";
import assert from "node:assert/strict";
import { AllowTokens, TOKEN_TTL_MS } from "./allow-token.js";
import { holdDecision } from "./hold-rules.js";
import { debounce, withTimeout, requestCheck, DEBOUNCE_MS } from "./checker.js";
import { isSubmitEnter } from "./post-guard.js";
import { isReasonAcceptable } from "./confirm-dialog.js";
import { decideContext, normalizePageRef, locationRefs } from "./context.js";
import { resolveLanguage, t, STRING_TABLES } from "./strings.js";
import { TabState } from "./tab-state.js";

test("an allow token is single-use and bound to the exact text and kind", () => {
  let now = 1000;
  const tokens = new AllowTokens(() => now);
  tokens.issue(1, "নৌকা মার্কায় ভোট দিন", "click");
  assert.equal(tokens.consume(1, "নৌকা মার্কায় ভোট দিন", "click"), true);
  assert.equal(tokens.consume(1, "নৌকা মার্কায় ভোট দিন", "click"), false, "second use refused");
  tokens.issue(1, "abc", "click");
  assert.equal(tokens.consume(1, "abcd", "click"), false, "changed text refused");
  assert.equal(tokens.consume(1, "abc", "click"), false, "a refused token is dropped");
  tokens.issue(2, "x", "enter");
  assert.equal(tokens.consume(2, "x", "click"), false, "other kind refused");
  tokens.issue(3, "x", "enter");
  now += TOKEN_TTL_MS + 1;
  assert.equal(tokens.consume(3, "x", "enter"), false, "expired");
});

test("block and warn hold; advise never; strict removes the override for block only", () => {
  const f = (severity) => ({ severity, rule: `r.${severity}`, category: "political" });
  // The report as the core returns it: findings and the core's summary (highest severity).
  const order = ["advise", "warn", "block"];
  const report = (...findings) => ({
    findings,
    summary: { highest: findings.map((x) => x.severity).sort((a, b) => order.indexOf(b) - order.indexOf(a))[0] ?? null },
  });
  assert.deepEqual(holdDecision(report(f("advise")), "warn"), { hold: false, allowOverride: true, findings: [] });
  assert.equal(holdDecision(report(f("warn")), "warn").hold, true);
  assert.equal(holdDecision(report(f("warn")), "strict").allowOverride, true);
  assert.equal(holdDecision(report(f("block"), f("advise")), "warn").allowOverride, true);
  assert.deepEqual(holdDecision(report(f("block"), f("advise")), "warn").findings, [f("block")]);
  assert.equal(holdDecision(report(f("block")), "strict").allowOverride, false);
  assert.equal(holdDecision(null, "warn").hold, false);
  // The verdict follows the core's summary, not a count made here.
  assert.equal(holdDecision({ findings: [f("warn")], summary: { highest: null } }, "warn").hold, false);
});

function fakeTimers() {
  let now = 0;
  let next = 1;
  const pending = new Map();
  return {
    setTimeout: (fn, ms) => (pending.set(next, { fn, at: now + ms }), next++),
    clearTimeout: (h) => pending.delete(h),
    advance(ms) {
      now += ms;
      for (const [h, { fn, at }] of [...pending]) if (at <= now) (pending.delete(h), fn());
    },
  };
}

test(`debounce runs once, ${DEBOUNCE_MS} ms after the last change`, () => {
  const timers = fakeTimers();
  let runs = 0;
  const d = debounce(() => runs++, DEBOUNCE_MS, timers);
  d.schedule();
  timers.advance(100);
  d.schedule();
  timers.advance(100);
  assert.equal(runs, 0);
  assert.equal(d.pending, true);
  timers.advance(60);
  assert.equal(runs, 1);
  assert.equal(d.pending, false);
  d.schedule();
  d.cancel();
  timers.advance(1000);
  assert.equal(runs, 1);
});

test("withTimeout rejects with 'timeout' and passes values through", async () => {
  await assert.rejects(withTimeout(new Promise(() => {}), 10), /timeout/);
  assert.equal(await withTimeout(Promise.resolve(7), 10), 7);
});

test("requestCheck never rejects and recognises bad answers", async () => {
  const report = { findings: [], summary: {} };
  assert.deepEqual(await requestCheck(async () => ({ ok: true, report }), "x", "official"), { ok: true, report });
  assert.deepEqual(await requestCheck(async () => ({ ok: false, error: "engine failed" }), "x", "official"), { ok: false, error: "engine failed" });
  assert.equal((await requestCheck(async () => undefined, "x", "official")).ok, false);
  assert.equal((await requestCheck(async () => { throw new Error("Extension context invalidated."); }, "x", "official")).error, "Extension context invalidated.");
  let sent = null;
  await requestCheck(async (m) => ((sent = m), { ok: true, report }), "টেক্সট", "personal");
  assert.deepEqual(sent, { type: "sotorko:check", text: "টেক্সট", context: "personal" });
});

test("Enter submits; Shift+Enter and IME composition do not", () => {
  assert.equal(isSubmitEnter({ key: "Enter", shiftKey: false, isComposing: false, keyCode: 13 }), true);
  assert.equal(isSubmitEnter({ key: "Enter", shiftKey: true, isComposing: false, keyCode: 13 }), false);
  assert.equal(isSubmitEnter({ key: "Enter", shiftKey: false, isComposing: true, keyCode: 13 }), false);
  assert.equal(isSubmitEnter({ key: "Enter", shiftKey: false, isComposing: false, keyCode: 229 }), false);
  assert.equal(isSubmitEnter({ key: "a", shiftKey: false, isComposing: false, keyCode: 65 }), false);
});

test("override reasons need at least five characters", () => {
  assert.equal(isReasonAcceptable("ok"), false);
  assert.equal(isReasonAcceptable("   abcd   "), false);
  assert.equal(isReasonAcceptable("দাপ্তরিক"), true);
});

test("context: toggle > Business Suite > official page > default", () => {
  const base = { toggle: null, hostname: "www.facebook.com", officialPages: ["https://www.facebook.com/MinistryOfExample"], officialByDefault: false, candidates: [] };
  assert.deepEqual(decideContext(base), { context: "personal", source: "default", page: null });
  assert.deepEqual(decideContext({ ...base, officialByDefault: true }), { context: "official", source: "default", page: null });
  assert.equal(decideContext({ ...base, candidates: ["ministryofexample"] }).source, "official-page");
  assert.equal(decideContext({ ...base, hostname: "business.facebook.com" }).source, "business-suite");
  assert.deepEqual(decideContext({ ...base, hostname: "business.facebook.com", toggle: "personal" }), { context: "personal", source: "toggle", page: null });
  assert.equal(decideContext({ ...base, officialPages: ["Ministry of Example"], candidates: ["ministry   of example"] }).context, "official");
  assert.equal(decideContext({ ...base, officialPages: ["100064"], candidates: locationRefs({ pathname: "/profile.php", search: "?id=100064" }) }).context, "official");
});

test("page references normalise URLs, ids and names", () => {
  assert.equal(normalizePageRef("https://www.facebook.com/MoPA.gov.bd/"), "mopa.gov.bd");
  assert.equal(normalizePageRef("facebook.com/profile.php?id=123"), "123");
  assert.equal(normalizePageRef("https://web.facebook.com/pages/Some-Office/98765"), "98765");
  assert.equal(normalizePageRef("  Ministry  of Example "), "ministry of example");
  assert.deepEqual(locationRefs({ pathname: "/", search: "" }), []);
  assert.deepEqual(locationRefs({ pathname: "/groups/123", search: "" }), []);
  assert.deepEqual(locationRefs({ pathname: "/ministryofexample", search: "" }), ["ministryofexample"]);
});

test("UI strings exist in both languages and fill placeholders", () => {
  assert.ok(Object.keys(STRING_TABLES.en).length >= 20);
  for (const [key, value] of Object.entries(STRING_TABLES.bn)) assert.ok(typeof value === "string" && value.length > 0, `bn ${key}`);
  assert.notEqual(STRING_TABLES.bn.contentEditPost, STRING_TABLES.en.contentEditPost);
  assert.equal(resolveLanguage("auto", "bn-BD"), "bn");
  assert.equal(resolveLanguage("auto", "en-US"), "en");
  assert.equal(resolveLanguage("en", "bn"), "en");
  assert.equal(t("en", "contentClause", { clause: "custom" }), "Guideline: custom");
  assert.match(t("bn", "contentReasonTooShort", { n: 5 }), /5/);
});

test("tab state: the switch is refused when `enabled` is locked", () => {
  const tab = new TabState();
  const free = { values: { enabled: true }, locked: [] };
  const locked = { values: { enabled: true }, locked: ["enabled"] };
  assert.equal(tab.apply({ enabled: false }, free), null);
  assert.equal(tab.enabled(free), false);
  const tab2 = new TabState();
  assert.match(tab2.apply({ enabled: false }, locked), /organisation/);
  assert.equal(tab2.enabled(locked), true);
  assert.equal(tab2.apply({ context: "official" }, locked), null);
  assert.equal(tab2.contextToggle, "official");
  assert.equal(tab2.apply({ context: null }, locked), null);
  assert.equal(tab2.contextToggle, null);
  assert.match(tab2.apply({ context: "boss" }, free), /context/);
});

test("tab state: a locked officialByDefault or officialPages refuses the context switch and ignores an earlier choice", () => {
  for (const key of ["officialByDefault", "officialPages"]) {
    const free = { values: { officialByDefault: true }, locked: [] };
    const locked = { values: { officialByDefault: true }, locked: [key] };
    const tab = new TabState();
    assert.equal(tab.apply({ context: "personal" }, free), null);
    assert.equal(tab.contextToggleFor(free), "personal");
    // Policy arrives later and locks the context: the earlier choice no longer applies.
    assert.equal(tab.contextLocked(locked), true);
    assert.equal(tab.contextToggleFor(locked), null);
    assert.match(tab.apply({ context: "personal" }, locked), /ministry/);
    const ctx = decideContext({ toggle: tab.contextToggleFor(locked), hostname: "business.facebook.com", officialPages: [], officialByDefault: true });
    assert.deepEqual([ctx.context, ctx.source], ["official", "business-suite"]);
    // The on/off switch is not part of the context lock.
    assert.equal(tab.apply({ enabled: false }, locked), null);
  }
});

test("the panel never covers the composer or the rows above and below it", async () => {
  const { choosePanelPlace, ACTION_ROW_PX } = await import("./panel.js");
  const size = { w: 320, h: 200 };
  const vp = { vw: 1280, vh: 900 };
  // Room on the right (the create-post dialog).
  assert.equal(choosePanelPlace({ left: 390, right: 890, top: 400, bottom: 500 }, size, vp).side, "right");
  // Full-width textarea at the top (m.facebook.com): not right/left/above; below the action row.
  const place = choosePanelPlace({ left: 0, right: 1280, top: 60, bottom: 160 }, size, vp);
  assert.equal(place.side, "below");
  assert.ok(place.top >= 160 + ACTION_ROW_PX);
  // Full-width composer filling the viewport: the corner.
  assert.equal(choosePanelPlace({ left: 0, right: 1280, top: 0, bottom: 880 }, size, vp).side, "corner");
  // A comment box with its send button inline on the right: the panel does not sit on the button.
  const comment = choosePanelPlace({ left: 336, right: 931, top: 402, bottom: 434 }, size, vp);
  assert.ok(comment.left >= 931 + 56 || comment.left + size.w <= 336 || comment.top + size.h <= 402 - ACTION_ROW_PX || comment.top >= 434 + ACTION_ROW_PX, JSON.stringify(comment));
});

/** Whether a panel of `size` placed at `p` overlaps the rect `r`. */
const panelCovers = (size) => (p, r) => p.left < r.right && p.left + size.w > r.left && p.top < r.bottom && p.top + size.h > r.top;

test("the panel never covers the composer's send controls, even the POST above an m.facebook.com box", async () => {
  const { choosePanelPlace } = await import("./panel.js");
  const size = { w: 320, h: 200 };
  const vp = { vw: 800, vh: 900 };
  const covers = panelCovers(size);
  // Full-width textarea, POST in the header above it: "above" would cover POST.
  const anchor = { left: 0, right: 800, top: 300, bottom: 380 };
  const post = { left: 220, right: 300, top: 190, bottom: 215 };
  const withoutAvoid = choosePanelPlace(anchor, size, vp);
  assert.equal(withoutAvoid.side, "above", "the case is one where the old placement covered POST");
  assert.ok(covers(withoutAvoid, post));
  const place = choosePanelPlace(anchor, size, vp, { avoid: [post] });
  assert.ok(!covers(place, post), JSON.stringify(place));
  assert.equal(place.side, "below");
  // No free side: the corner chosen leaves the send button uncovered.
  const full = { left: 0, right: 800, top: 0, bottom: 890 };
  const send = { left: 700, right: 790, top: 850, bottom: 890 };
  const corner = choosePanelPlace(full, size, vp, { avoid: [send] });
  assert.equal(corner.side, "corner");
  assert.ok(!covers(corner, send), JSON.stringify(corner));
});

test("the panel covers as few of the page's controls as it can (a post's Comment button above a reply box)", async () => {
  const { choosePanelPlace } = await import("./panel.js");
  const size = { w: 320, h: 353 };
  const vp = { vw: 1280, vh: 900 };
  const covers = panelCovers(size);
  // The stand-in's comment box (y 442-475) under a reply box; "Leave a comment" at y 334-354;
  // the chat box in the bottom-right corner. Neither right, left nor below fits.
  const anchor = { left: 324, right: 925, top: 442, bottom: 475 };
  const leaveComment = { left: 370, right: 443, top: 334, bottom: 354 };
  const chat = { left: 952, right: 1256, top: 859, bottom: 892 };
  const before = choosePanelPlace(anchor, size, vp);
  assert.equal(before.side, "above", "without the page's controls the panel goes above");
  assert.ok(covers(before, leaveComment), "and there it covers Leave a comment");
  const place = choosePanelPlace(anchor, size, vp, { obstacles: [leaveComment, chat] });
  assert.ok(!covers(place, leaveComment) && !covers(place, chat), JSON.stringify(place));
  assert.ok(!covers(place, anchor), "nor the composer");
});

test("perf stats keep max, mean and p99 per handler", async () => {
  const { record, snapshot, reset, timed } = await import("./perf-stats.js");
  reset();
  for (let i = 1; i <= 100; i++) record("h", i);
  const s = snapshot().h;
  assert.equal(s.count, 100);
  assert.equal(s.maxMs, 100);
  assert.equal(s.p99Ms, 99);
  assert.equal(s.meanMs, 50.5);
  const f = timed("t", (x) => x * 2);
  assert.equal(f(21), 42);
  assert.equal(snapshot().t.count, 1);
  reset();
  assert.deepEqual(snapshot(), {});
});

test("clause labels and their digits follow the UI language", async () => {
  const { clauseLabel, localDigits } = await import("./clause-label.js");
  assert.equal(localDigits("2019 ১০-গ", "bn"), "২০১৯ ১০-গ");
  assert.equal(localDigits("2019 ১০-গ", "en"), "2019 ১০-গ".replace("১০", "10"));
  assert.equal(clauseLabel("2019 ১০-গ", "bn"), "২০১৯ সালের নির্দেশিকা, অনুচ্ছেদ ১০-গ");
  assert.equal(clauseLabel("2019 ১০-গ", "en"), "2019 guideline, para 10(ga)");
  assert.equal(clauseLabel("2019 ১০-ঙ", "en"), "2019 guideline, para 10(nga)");
  assert.equal(clauseLabel("2016", "bn"), "২০১৬ সালের নির্দেশিকা");
  assert.equal(clauseLabel("2016", "en"), "2016 guideline");
  // A custom rule's free text is shown as written, digits in the UI language.
  assert.equal(clauseLabel("2016 নির্দেশিকা: নিরাপত্তা", "bn"), "নির্দেশিকা: ২০১৬ নির্দেশিকা: নিরাপত্তা");
  // The English UI never shows a Bangla digit in a clause.
  for (const clause of ["2019 ১০-ক", "2019 ১০-খ", "2019 ১০-ঘ", "2019 ১০-চ", "২০১৯ ১০-গ", "2016"]) {
    assert.doesNotMatch(clauseLabel(clause, "en"), /[০-৯]/, clause);
    assert.doesNotMatch(clauseLabel(clause, "bn"), /[0-9]/, clause);
  }
});

test("in a dialog only the dialog's own controls count for the panel's place; else the page's visible ones", async () => {
  const { pageControlRects } = await import("./panel.js");
  const rect = (left, top) => ({ left, top, right: left + 50, bottom: top + 20, width: 50, height: 20 });
  const control = (r) => ({ getBoundingClientRect: () => r, contains: () => false });
  const inDialog = control(rect(400, 500));
  const behind = control(rect(1000, 800));
  const offscreen = control(rect(400, 2000));
  const dialog = { querySelectorAll: () => [inDialog] };
  const doc = { querySelectorAll: () => [inDialog, behind, offscreen] };
  const vp = { vw: 1280, vh: 900 };
  const composerIn = { closest: (sel) => (sel === '[role="dialog"]' ? dialog : null), contains: () => false };
  const composerOut = { closest: () => null, contains: () => false };
  assert.deepEqual(pageControlRects(doc, composerIn, vp).map((r) => r.left), [400]);
  assert.deepEqual(pageControlRects(doc, composerOut, vp).map((r) => r.left), [400, 1000]);
});
