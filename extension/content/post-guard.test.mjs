import { test } from "node:test";
import assert from "node:assert/strict";
import { PostGuard } from "./post-guard.js";
import { ActivityTracker } from "./activity-tracker.js";

/** A report as the core returns it: findings and the core's summary. */
function reportOf(...findings) {
  const rank = { advise: 1, warn: 2, block: 3 };
  const highest = findings.map((f) => f.severity).sort((a, b) => rank[b] - rank[a])[0] ?? null;
  const by_severity = {};
  for (const f of findings) by_severity[f.severity] = (by_severity[f.severity] ?? 0) + 1;
  return { findings, summary: { highest, by_severity, by_category: {} } };
}

const finding = (severity) => ({ rule: `r.${severity}`, category: "political", severity, start_utf16: 0, end_utf16: 3, excerpt: "abc", clause: "x", message: { en: "m", bn: "ম" } });

/** A guard wired to fakes; `button.click()` re-enters the guard like a real re-dispatched click. */
function setup({ text = "abc", cached = null, checkNow = null, mode = "warn", requireReasonToOverride = false, checkText = null, settingsPending = () => null, context = () => "official" } = {}) {
  const calls = { notices: [], dialogs: [], posted: 0, overrides: [], events: [] };
  let ids = 0;
  const activity = new ActivityTracker({
    send: async (event) => calls.events.push(event),
    describe: () => ({ context: "official", page: null, surface: "post" }),
    newId: () => `e${++ids}`,
  });
  const postedAnyway = activity.postedAnyway.bind(activity);
  activity.postedAnyway = (...args) => (calls.overrides.push(args), postedAnyway(...args));
  const composer = { id: 1, kind: "post", el: { isConnected: true, ownerDocument: { getSelection: () => null }, focus() {} } };
  const checker = {
    text,
    snapshot() {
      return { text: this.text };
    },
    resultFor: (t, c) => (cached && cached.text === t && cached.context === c ? cached : null),
    checkNow:
      checkNow ??
      async function () {
        return { text: this.text, context: "official", report: reportOf() };
      },
  };
  let guard;
  const button = {
    isConnected: true,
    click() {
      const event = fakeEvent();
      guard.guard(event, composer, { kind: "click", target: button });
      if (!event.stopped) calls.posted += 1; // the page's own handler ran
    },
  };
  guard = new PostGuard({
    finder: { composers: [composer], composerFor: () => composer },
    isEnabled: () => true,
    checkerOf: () => checker,
    contextOf: () => ({ context: context(), source: "default" }),
    checkText: checkText ?? (async (t, c) => ({ text: t, context: c, report: reportOf(), error: null })),
    settings: () => ({ mode, requireReasonToOverride }),
    settingsPending,
    activeComposer: () => composer,
    ui: {
      openDialog: (options) => calls.dialogs.push(options),
      notice: (t) => calls.notices.push(t),
      checkingOffText: (why) => `checking is off (${why})`,
      waitingText: () => "waiting for the settings",
    },
    activity,
  });
  const userClick = () => {
    const event = fakeEvent();
    guard.guard(event, composer, { kind: "click", target: button });
    if (!event.stopped) calls.posted += 1;
    return event;
  };
  return { guard, calls, checker, userClick, button };
}

function fakeEvent() {
  return {
    stopped: false,
    prevented: false,
    preventDefault() {
      this.prevented = true;
    },
    stopImmediatePropagation() {
      this.stopped = true;
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

test("a fresh clean result lets the click through untouched", () => {
  const { calls, userClick } = setup({ cached: { text: "abc", context: "official", report: reportOf(finding("advise")) } });
  const event = userClick();
  assert.equal(event.prevented, false);
  assert.equal(calls.posted, 1);
  assert.equal(calls.dialogs.length, 0);
});

test("a fresh holding result opens the dialog at once; Post anyway posts exactly once", async () => {
  const { calls, userClick } = setup({ cached: { text: "abc", context: "official", report: reportOf(finding("warn")) } });
  const event = userClick();
  assert.equal(event.prevented, true);
  assert.equal(calls.posted, 0);
  assert.equal(calls.dialogs.length, 1);
  assert.equal(calls.dialogs[0].allowOverride, true);
  userClick(); // a second click while held
  assert.equal(calls.dialogs.length, 1, "no second dialog");
  assert.equal(calls.posted, 0);
  calls.dialogs[0].onPostAnyway("");
  await settle();
  assert.equal(calls.posted, 1, "released once");
  assert.equal(calls.overrides.length, 1);
  calls.dialogs[0].onPostAnyway(""); // a stray second confirmation
  await settle();
  assert.equal(calls.posted, 1, "never twice from one confirmation token");
});

test("no fresh result: checked right then; clean → released", async () => {
  const { calls, userClick } = setup();
  userClick();
  assert.equal(calls.posted, 0);
  await settle();
  await settle();
  assert.equal(calls.posted, 1);
  assert.equal(calls.dialogs.length, 0);
});

test("a submit before the settings are known waits for them and is checked in the context they give", async () => {
  let arrive;
  const read = new Promise((resolve) => (arrive = resolve));
  let known = false;
  let context = "personal"; // the defaults, before the office's officialByDefault arrives
  const { calls, userClick } = setup({
    // Checked with the defaults: the political appeal is only advice in a personal context.
    cached: { text: "abc", context: "personal", report: reportOf(finding("advise")) },
    checkNow: async () => ({ text: "abc", context, report: reportOf(finding(context === "official" ? "warn" : "advise")) }),
    settingsPending: () => (known ? null : read),
    context: () => context,
  });
  const event = userClick();
  assert.equal(event.stopped, true, "not sent on the defaults' result");
  assert.deepEqual(calls.notices, ["waiting for the settings"], "the official is told why nothing happens yet");
  await settle();
  assert.equal(calls.posted, 0);
  context = "official";
  known = true;
  arrive();
  await settle();
  await settle();
  await settle();
  assert.equal(calls.posted, 0, "held in the official context");
  assert.equal(calls.dialogs.length, 1);
  calls.dialogs[0].onPostAnyway("");
  await settle();
  assert.equal(calls.posted, 1, "released once when confirmed");
});

test("a submit before the settings are known goes out once when the settings give a clean result", async () => {
  let arrive;
  const read = new Promise((resolve) => (arrive = resolve));
  let known = false;
  const { calls, userClick } = setup({ settingsPending: () => (known ? null : read) });
  userClick();
  userClick(); // pressed again while waiting: never twice
  known = true;
  arrive();
  for (let i = 0; i < 4; i++) await settle();
  assert.equal(calls.posted, 1);
  assert.equal(calls.dialogs.length, 0);
});

test("engine failure or timeout at submit: a notice, and the post is not blocked", async () => {
  const { calls, userClick } = setup({ checkNow: async () => ({ text: "abc", context: "official", report: null, error: "timeout" }) });
  userClick();
  await settle();
  await settle();
  assert.equal(calls.posted, 1);
  assert.deepEqual(calls.notices, ["checking is off (timeout)"]);
});

test("strict mode removes Post anyway for block findings only", () => {
  let s = setup({ mode: "strict", cached: { text: "abc", context: "official", report: reportOf(finding("block")) } });
  s.userClick();
  assert.equal(s.calls.dialogs[0].allowOverride, false);
  s = setup({ mode: "strict", cached: { text: "abc", context: "official", report: reportOf(finding("warn")) } });
  s.userClick();
  assert.equal(s.calls.dialogs[0].allowOverride, true);
});

test("Edit post releases nothing; the text changed under the dialog is checked again", async () => {
  const s = setup({ cached: { text: "abc", context: "official", report: reportOf(finding("warn")) } });
  s.userClick();
  s.calls.dialogs[0].onEdit();
  assert.equal(s.calls.posted, 0);
  s.userClick();
  assert.equal(s.calls.dialogs.length, 2, "held again after Edit");
  s.checker.text = "abcd নৌকা"; // the official typed while the dialog was open
  s.checker.checkNow = async function () {
    return { text: this.text, context: "official", report: reportOf(finding("warn")) };
  };
  s.calls.dialogs[1].onPostAnyway("");
  for (let i = 0; i < 5; i++) await settle();
  assert.equal(s.calls.posted, 0, "the changed text is not released on the old confirmation");
  assert.equal(s.calls.dialogs.length, 3, "the changed text was checked again and held");
  assert.equal(s.calls.overrides.length, 0);
  s.calls.dialogs[2].onPostAnyway("");
  for (let i = 0; i < 3; i++) await settle();
  assert.equal(s.calls.posted, 1, "confirmed again: released once");
});

test("a hand-off (Next) confirmed with Post anyway lets the later steps of the same draft through; a changed draft is held again", async () => {
  const s = setup({ cached: { text: "abc", context: "official", report: reportOf(finding("warn")) } });
  const composer = s.guard.deps.finder.composers[0];
  const next = fakeEvent();
  s.guard.guard(next, composer, { kind: "click", target: s.button, role: "handoff" });
  assert.equal(next.stopped, true, "Next with findings is held");
  s.calls.dialogs[0].onPostAnyway("");
  await settle();
  assert.equal(s.calls.posted, 1, "Next released once");
  const draft = { composer, text: "abc", context: "official", result: null, at: Date.now() };
  const post = fakeEvent();
  s.guard.guard(post, composer, { kind: "click", target: s.button, role: "send", draft });
  assert.equal(post.stopped, false, "the later step's Post is not held again");
  assert.equal(s.calls.dialogs.length, 1);
  assert.equal(s.guard.confirmed.has(composer.id), false, "published: the confirmation is spent");
  const again = fakeEvent();
  s.guard.guard(again, composer, { kind: "click", target: s.button, role: "send", draft });
  assert.equal(again.stopped, true, "a second publish of the same draft is checked again");
});

test("the draft of a removed composer is checked by its text alone, and held", async () => {
  const asked = [];
  const s = setup({
    checkText: async (t, c) => {
      asked.push([t, c]);
      return { text: t, context: c, report: reportOf(finding("block")), error: null };
    },
  });
  const composer = s.guard.deps.finder.composers[0];
  composer.el.isConnected = false;
  const draft = { composer, text: "নৌকা draft", context: "official", result: null, at: Date.now() };
  const event = fakeEvent();
  s.guard.guard(event, composer, { kind: "click", target: s.button, role: "send", draft });
  assert.equal(event.stopped, true);
  await settle();
  await settle();
  assert.deepEqual(asked, [["নৌকা draft", "official"]]);
  assert.equal(s.calls.dialogs.length, 1, "held");
  assert.equal(s.calls.posted, 0);
});

test("a composer removed long after its last hand-off was closed, not handed on: its draft is forgotten", () => {
  const s = setup();
  const composer = s.guard.deps.finder.composers[0];
  s.guard.handoffs.set(composer.id, { composer, text: "abc", context: "official", result: null, at: Date.now() - 60_000 });
  s.guard.noteRemoved(composer);
  assert.equal(s.guard.handoffs.size, 0);
  s.guard.handoffs.set(composer.id, { composer, text: "abc", context: "official", result: null, at: Date.now() });
  s.guard.noteRemoved(composer);
  assert.equal(s.guard.handoffs.size, 1, "removed right after Next: kept for the next step");
});

/** The outcomes the activity events leave for each entry id (applied in order). */
function outcomes(events) {
  const byId = new Map();
  for (const e of events) {
    if (e.op === "add") byId.set(e.entry.id, e.entry.outcome);
    else if (e.outcome) byId.set(e.id, e.outcome);
  }
  return [...byId.values()];
}

test("activity: a clean send is logged once as posted, with no text", async () => {
  const { calls, userClick } = setup({ text: "hello", cached: { text: "hello", context: "official", report: reportOf(finding("advise")) } });
  userClick();
  userClick(); // the same text again at once: one post
  await settle();
  assert.deepEqual(outcomes(calls.events), ["posted"]);
  assert.deepEqual(calls.events[0].entry.categories, ["political"]);
  assert.ok(!JSON.stringify(calls.events).includes("hello"));
});

test("activity: held, edited and posted clean is held-edited; Post anyway is held-posted", async () => {
  let s = setup({ cached: { text: "abc", context: "official", report: reportOf(finding("warn")) } });
  s.userClick();
  await settle();
  assert.deepEqual(outcomes(s.calls.events), ["held-cancelled"], "written as cancelled when held");
  s.calls.dialogs[0].onEdit();
  s.checker.text = "fixed";
  s.userClick(); // no fresh result: checked now, clean, released
  for (let i = 0; i < 4; i++) await settle();
  assert.equal(s.calls.posted, 1);
  assert.deepEqual(outcomes(s.calls.events), ["held-edited"]);
  assert.equal(s.calls.events.length, 2, "one entry, updated");

  s = setup({ cached: { text: "abc", context: "official", report: reportOf(finding("warn")) } });
  s.userClick();
  s.calls.dialogs[0].onPostAnyway("approved");
  for (let i = 0; i < 3; i++) await settle();
  assert.deepEqual(outcomes(s.calls.events), ["held-posted"]);
  assert.equal(s.calls.events.at(-1).reason, "approved");
});

test("activity: held and never posted stays held-cancelled", async () => {
  const s = setup({ cached: { text: "abc", context: "official", report: reportOf(finding("warn")) } });
  s.userClick();
  s.calls.dialogs[0].onEdit();
  await settle();
  assert.deepEqual(outcomes(s.calls.events), ["held-cancelled"]);
});
