import test from "node:test";
import assert from "node:assert/strict";
import { appendCapped, createOverrideLogWriter, makeOverrideEntry, recordOverride, OVERRIDE_LOG_CAP, OVERRIDE_LOG_KEY } from "./override-log.js";
import { MSG_RECORD_OVERRIDE } from "./messages.js";
import { createMessageRouter } from "../background/message-router.js";

test("appendCapped keeps the newest entries, newest last", () => {
  const log = Array.from({ length: OVERRIDE_LOG_CAP }, (_, i) => i);
  const next = appendCapped(log, "new");
  assert.equal(next.length, OVERRIDE_LOG_CAP);
  assert.equal(next.at(-1), "new");
  assert.equal(next[0], 1);
  assert.deepEqual(appendCapped(undefined, "x"), ["x"]);
  assert.deepEqual(appendCapped([1, 2, 3], 4, 2), [3, 4]);
});

test("an override entry keeps categories, rules, context and reason but never the text", () => {
  const entry = makeOverrideEntry({
    context: "official",
    findings: [
      { rule: "political.campaign", category: "political", excerpt: "secret words" },
      { rule: "political.campaign", category: "political", excerpt: "more" },
      { rule: "secrecy.classified", category: "secrecy", excerpt: "x" },
    ],
    reason: "approved by the secretary",
    at: new Date("2026-11-28T10:00:00Z"),
  });
  assert.deepEqual(entry, {
    at: "2026-11-28T10:00:00.000Z",
    context: "official",
    categories: ["political", "secrecy"],
    rules: ["political.campaign", "secrecy.classified"],
    reason: "approved by the secretary",
  });
  assert.equal(JSON.stringify(entry).includes("secret words"), false);
});

/** A storage.local stand-in whose get and set each take a while, like the real one across processes. */
function slowStorage() {
  const data = {};
  const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
  return {
    data,
    get: async (k) => {
      await pause();
      return k in data ? { [k]: structuredClone(data[k]) } : {};
    },
    set: async (o) => {
      await pause();
      Object.assign(data, structuredClone(o));
    },
  };
}

test("the single writer keeps every one of many overrides made at the same moment", async () => {
  const area = slowStorage();
  const writer = createOverrideLogWriter(() => area);
  const decisions = Array.from({ length: 12 }, (_, i) => ({ context: "official", findings: [{ rule: `r${i}`, category: "c" }], reason: `reason ${i}` }));
  await Promise.all(decisions.map((d) => writer.append(d)));
  const log = area.data[OVERRIDE_LOG_KEY];
  assert.equal(log.length, 12);
  assert.deepEqual(log.map((e) => e.reason), decisions.map((d) => d.reason), "in the order they were sent");
});

test("the old read-change-write from each caller loses entries under the same load (the race the writer removes)", async () => {
  const area = slowStorage();
  const naive = async (d) => {
    const stored = await area.get(OVERRIDE_LOG_KEY);
    await area.set({ [OVERRIDE_LOG_KEY]: appendCapped(stored[OVERRIDE_LOG_KEY], makeOverrideEntry(d)) });
  };
  await Promise.all(Array.from({ length: 12 }, (_, i) => naive({ context: "official", reason: `r${i}` })));
  assert.ok(area.data[OVERRIDE_LOG_KEY].length < 12, "the stand-in storage is slow enough to show the race");
});

test("a failed write does not stop the writes after it", async () => {
  const area = slowStorage();
  let fail = true;
  const flaky = { get: area.get, set: async (o) => (fail ? ((fail = false), Promise.reject(new Error("quota"))) : area.set(o)) };
  const writer = createOverrideLogWriter(() => flaky);
  await assert.rejects(writer.append({ context: "official", reason: "first" }), /quota/);
  await writer.append({ context: "official", reason: "second" });
  assert.deepEqual(area.data[OVERRIDE_LOG_KEY].map((e) => e.reason), ["second"]);
});

test("recordOverride sends only rule ids, categories, context and reason to the background", async () => {
  const sent = [];
  globalThis.browser = { runtime: { sendMessage: async (m) => (sent.push(m), { ok: true }) } };
  try {
    await recordOverride({ context: "personal", findings: [{ rule: "r", category: "gender", excerpt: "post words" }], reason: "ok" });
    assert.deepEqual(sent, [{ type: MSG_RECORD_OVERRIDE, decision: { context: "personal", findings: [{ rule: "r", category: "gender" }], reason: "ok" } }]);
    globalThis.browser.runtime.sendMessage = async () => ({ ok: false, error: "disk full" });
    await assert.rejects(recordOverride({ context: "official" }), /disk full/);
  } finally {
    delete globalThis.browser;
  }
});

test("the background router appends sane decisions to the writer and refuses others", async () => {
  const appended = [];
  const route = createMessageRouter({}, "me", { append: async (d) => appended.push(d) });
  const ask = (message, sender = { id: "me" }) =>
    new Promise((resolve) => {
      if (!route(message, sender, resolve)) resolve("ignored");
    });
  assert.deepEqual(await ask({ type: MSG_RECORD_OVERRIDE, decision: { context: "official", findings: [{ rule: "a", category: "b", excerpt: "x" }, 5], reason: "why" } }), { ok: true });
  assert.deepEqual(appended, [{ context: "official", findings: [{ rule: "a", category: "b" }], reason: "why" }]);
  assert.deepEqual(await ask({ type: MSG_RECORD_OVERRIDE, decision: "nope" }), { ok: false, error: "not an override decision" });
  assert.equal(await ask({ type: MSG_RECORD_OVERRIDE, decision: { context: "official" } }, { id: "other" }), "ignored");
  assert.equal(appended.length, 1);
});
