import test from "node:test";
import assert from "node:assert/strict";
import { appendCapped, makeOverrideEntry, recordOverride, readOverrideLog, OVERRIDE_LOG_CAP } from "./override-log.js";

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

test("recordOverride appends to storage.local.overrideLog", async () => {
  const data = {};
  globalThis.browser = {
    storage: { local: { get: async (k) => (k in data ? { [k]: data[k] } : {}), set: async (o) => Object.assign(data, o) } },
  };
  try {
    await recordOverride({ context: "personal", findings: [{ rule: "r", category: "gender" }] });
    await recordOverride({ context: "official", findings: [], reason: "ok" });
    const log = await readOverrideLog();
    assert.equal(log.length, 2);
    assert.equal(log[1].reason, "ok");
  } finally {
    delete globalThis.browser;
  }
});
