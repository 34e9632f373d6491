import test from "node:test";
import assert from "node:assert/strict";
import {
  loadEffectiveSettings,
  saveUserSetting,
  onEffectiveSettingsChanged,
  readManagedStorage,
  useLocalValidator,
} from "./settings.js";
import { policyValidator } from "./policy/validate.js";
import { loadCore } from "./wasm.test-helper.mjs";

// As in the background: settings are resolved here, with the core's validator.
const validate = policyValidator((await loadCore()).validatePolicy);
useLocalValidator(async () => validate);

/** A minimal in-memory `browser.storage` with local and managed areas. */
function installStub({ local = {}, managed = undefined, managedRejects = false } = {}) {
  const listeners = new Set();
  const area = (data) => ({
    async get(keys) {
      if (keys == null) return { ...data };
      const list = Array.isArray(keys) ? keys : [keys];
      return Object.fromEntries(list.filter((k) => k in data).map((k) => [k, data[k]]));
    },
    async set(items) {
      Object.assign(data, items);
      const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { newValue: v }]));
      for (const l of listeners) l(changes, "local");
    },
  });
  const stub = {
    storage: {
      local: area(local),
      managed: {
        async get() {
          if (managedRejects) throw new Error("Managed storage manifest not found");
          return managed ?? {};
        },
      },
      onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
    },
  };
  globalThis.browser = stub;
  return { stub, local, fire: (changes, name) => listeners.forEach((l) => l(changes, name)), listeners };
}

test("Firefox with no policy: managed.get() rejects and counts as empty", async () => {
  installStub({ managedRejects: true, local: { uiLanguage: "en" } });
  assert.deepEqual(await readManagedStorage(), {});
  const s = await loadEffectiveSettings();
  assert.equal(s.values.uiLanguage, "en");
  assert.deepEqual(s.locked, []);
});

test("a context without a managed area counts as no policy", async () => {
  const { stub } = installStub();
  delete stub.storage.managed;
  assert.deepEqual(await readManagedStorage(), {});
});

test("saveUserSetting stores allowed keys and refuses locked, policy-only and unknown keys", async () => {
  const { local } = installStub({ managed: { lockedSettings: ["enabled"], mode: "strict" } });
  await saveUserSetting("uiLanguage", "bn");
  assert.equal(local.uiLanguage, "bn");
  await assert.rejects(saveUserSetting("enabled", false), /set by your ministry/);
  await assert.rejects(saveUserSetting("mode", "warn"), /set by your ministry/);
  await assert.rejects(saveUserSetting("lockedSettings", []), /not a setting/);
  await assert.rejects(saveUserSetting("colour", "red"), /not a setting/);
  await assert.rejects(saveUserSetting("officialPages", "not-a-list"), /officialPages: expected a list/);
  await assert.rejects(saveUserSetting("enabledCategories", []), (error) => {
    assert.match(error.localized.en, /enabledCategories: is empty/);
    assert.match(error.localized.bn, /^enabledCategories: /);
    return true;
  });
  assert.equal("enabled" in local, false);
});

test("onEffectiveSettingsChanged fires for setting and policy changes, not for the override log", async () => {
  const { fire } = installStub({ local: {} });
  const seen = [];
  const unsubscribe = onEffectiveSettingsChanged((s) => seen.push(s));
  fire({ overrideLog: { newValue: [] } }, "local");
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(seen.length, 0);
  await saveUserSetting("officialByDefault", true);
  await new Promise((r) => setTimeout(r, 10));
  // The first policy read and the save may each deliver; the newest is the saved value.
  assert.ok(seen.length >= 1);
  assert.equal(seen.at(-1).values.officialByDefault, true);
  const afterSave = seen.length;
  fire({ mode: { newValue: "strict" } }, "managed");
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(seen.length, afterSave + 1);
  unsubscribe();
  fire({ mode: { newValue: "strict" } }, "managed");
  await new Promise((r) => setTimeout(r, 10));
  assert.equal(seen.length, afterSave + 1);
});

test("a slow policy read: settings come at once without protection-lowering options, then policy arrives", async () => {
  const { stub } = installStub({ local: { enabled: false, uiLanguage: "bn", officialByDefault: true } });
  let release;
  const slow = new Promise((resolve) => {
    release = resolve;
  });
  stub.storage.managed.get = () => slow;
  const seen = [];
  const unsubscribe = onEffectiveSettingsChanged((s) => seen.push(s));

  const early = await loadEffectiveSettings({ waitForPolicyMs: 20 });
  assert.equal(early.policyPending, true);
  assert.equal(early.values.enabled, true, "the official's `enabled: false` waits for policy");
  assert.equal(early.values.uiLanguage, "bn");
  assert.equal(early.values.officialByDefault, true);

  release({ mode: "strict", lockedSettings: ["enabled"] });
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(seen.length, 1, "subscribers hear when policy arrives");
  assert.equal(seen[0].policyPending, undefined);
  assert.equal(seen[0].values.mode, "strict");
  assert.equal(seen[0].values.enabled, true);
  assert.ok(seen[0].locked.includes("enabled"));

  const later = await loadEffectiveSettings({ waitForPolicyMs: 20 });
  assert.equal(later.values.mode, "strict", "policy is cached once read");
  unsubscribe();
});

test("a managed change makes the next load read policy again", async () => {
  const { stub, fire } = installStub({ managed: { mode: "strict" } });
  const unsubscribe = onEffectiveSettingsChanged(() => {});
  assert.equal((await loadEffectiveSettings()).values.mode, "strict");
  stub.storage.managed.get = async () => ({ mode: "warn" });
  fire({ mode: { newValue: "warn" } }, "managed");
  assert.equal((await loadEffectiveSettings()).values.mode, "warn");
  unsubscribe();
});

test("outside the background, settings come from the background and saving goes through it", async () => {
  useLocalValidator(null);
  try {
    const { stub } = installStub({ local: {} });
    const sent = [];
    stub.runtime = {
      async sendMessage(message) {
        sent.push(message);
        if (message.type === "sotorko:settings") return { ok: true, settings: { values: { mode: "strict" }, locked: ["mode"] } };
        return { ok: false, error: { en: "`mode` is set by your ministry", bn: "মন্ত্রণালয়" } };
      },
    };
    const s = await loadEffectiveSettings({ waitForPolicyMs: 300 });
    assert.deepEqual(s.locked, ["mode"]);
    assert.deepEqual(sent[0], { type: "sotorko:settings", waitForPolicyMs: 300, fresh: false });
    await assert.rejects(saveUserSetting("mode", "warn"), (error) => error.localized.bn === "মন্ত্রণালয়");
    assert.deepEqual(sent[1], { type: "sotorko:save-setting", key: "mode", value: "warn" });
  } finally {
    useLocalValidator(async () => validate);
  }
});
