import { test } from "node:test";
import assert from "node:assert/strict";
import { ComposerChecker } from "./checker.js";
import { elem, p } from "./fake-dom.test-helper.mjs";

/** A fake editor whose text can be replaced; `input` listeners are kept so tests can fire them. */
function fakeEditor(text) {
  const el = elem("div", { contenteditable: "true" }, p(text));
  el.listeners = [];
  el.addEventListener = (type, fn) => el.listeners.push(fn);
  el.removeEventListener = () => {};
  el.setText = (t) => {
    el.childNodes = [p(t)];
    for (const fn of el.listeners) fn();
  };
  return el;
}

const report = (n) => ({ findings: Array.from({ length: n }, (_, i) => ({ rule: `r${i}`, severity: "warn" })), summary: {} });
const wait = (ms) => new Promise((r) => setTimeout(r, ms));

test("a result for text that changed while the request was in flight is dropped; the newer one is kept", async () => {
  const el = fakeEditor("নৌকা");
  const pending = [];
  const results = [];
  const checker = new ComposerChecker({
    composer: { el },
    sendMessage: (m) => new Promise((resolve) => pending.push({ m, resolve })),
    getContext: () => "official",
    onResult: (r) => results.push(r),
    debounceMs: 5,
  });
  checker.start();
  await wait(1);
  assert.equal(pending.length, 1, "the first check runs at once");
  el.setText("নৌকা মার্কায় ভোট"); // changes before the answer
  pending[0].resolve({ ok: true, report: report(0) });
  await wait(1);
  assert.equal(results.length, 0, "stale answer dropped");
  await wait(20);
  assert.equal(pending.length, 2);
  assert.equal(pending[1].m.text, "নৌকা মার্কায় ভোট");
  pending[1].resolve({ ok: true, report: report(1) });
  await wait(1);
  assert.equal(results.length, 1);
  assert.equal(results[0].text, "নৌকা মার্কায় ভোট");
  assert.equal(checker.resultFor("নৌকা মার্কায় ভোট", "official").report.findings.length, 1);
  assert.equal(checker.resultFor("নৌকা মার্কায় ভোট", "personal"), null, "a result is per context");
  checker.stop();
});

test("empty composers are not sent to the engine", async () => {
  const el = fakeEditor("   ");
  let sent = 0;
  const results = [];
  const checker = new ComposerChecker({ composer: { el }, sendMessage: async () => (sent++, { ok: true, report: report(0) }), getContext: () => "personal", onResult: (r) => results.push(r), debounceMs: 5 });
  checker.start();
  await wait(5);
  assert.equal(sent, 0);
  assert.equal(results.length, 1);
  assert.deepEqual(results[0].report.findings, []);
  checker.stop();
});

test("checkNow answers within the time limit, or reports a timeout (fail-safe), and reuses a fresh result", async () => {
  const el = fakeEditor("abc");
  let answer = null;
  const checker = new ComposerChecker({
    composer: { el },
    sendMessage: () => new Promise((resolve) => (answer = resolve)),
    getContext: () => "official",
    onResult: () => {},
    debounceMs: 1000,
  });
  const slow = await checker.checkNow(20);
  assert.equal(slow.error, "timeout");
  const pendingCheck = checker.checkNow(500);
  answer({ ok: true, report: report(2) });
  const fast = await pendingCheck;
  assert.equal(fast.report.findings.length, 2);
  let sentAgain = false;
  checker.sendMessage = async () => ((sentAgain = true), { ok: true, report: report(0) });
  const cached = await checker.checkNow(20);
  assert.equal(cached.report.findings.length, 2);
  assert.equal(sentAgain, false, "same text and context: no second request");
  checker.stop();
});
