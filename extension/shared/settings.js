/**
 * The settings module (docs/architecture.md, "Settings module API"):
 * effective settings = defaults < the official's options (storage.local) <
 * validated policy (storage.managed). Policy wins; locked keys cannot be saved.
 *
 * Validation is the core's (WASM `validatePolicy`), which only the
 * background loads: there, `useLocalValidator` is called and settings are
 * resolved in place. Everywhere else (content scripts, popup, options page)
 * the same functions ask the background (`sotorko:settings`,
 * `sotorko:save-setting`) and get the resolved settings back.
 */
import { browserApi } from "./browser-api.js";
import { MSG_SETTINGS, MSG_SAVE_SETTING } from "./messages.js";
import {
  DEFAULTS,
  SETTING_KEYS,
  POLICY_ONLY_KEYS,
  mergeEffectiveSettings,
  isUserEditable,
} from "./settings-merge.js";

export { DEFAULTS, SETTING_KEYS, isUserEditable };

/**
 * Reads managed policy. Firefox rejects when no policy is configured, and
 * some contexts have no managed area at all: both mean "no policy".
 */
export async function readManagedStorage(api = browserApi()) {
  try {
    const managed = api.storage?.managed;
    if (!managed?.get) return {};
    return (await managed.get()) ?? {};
  } catch {
    return {};
  }
}

/** Reads the official's stored options (only setting keys, not e.g. the override log). */
export async function readUserStorage(api = browserApi()) {
  return (await api.storage.local.get([...SETTING_KEYS])) ?? {};
}

/**
 * Options an official may set that lower protection. While policy has not
 * been read yet they wait, so a slow policy read never lets a locked-on
 * setting be off, even briefly.
 */
export const WAIT_FOR_POLICY_KEYS = Object.freeze([
  "enabled",
  "enabledCategories",
  "categorySeverity",
  "ruleSeverity",
  "allowedTerms",
]);

const PENDING = Symbol("policy pending");
const policies = new WeakMap();

/** The policy cache of one browser API object (one per context; tests make their own). */
function policyOf(api) {
  let policy = policies.get(api);
  if (!policy) {
    policy = { value: null, reading: null, arrived: new Set() };
    policies.set(api, policy);
  }
  return policy;
}

/**
 * The managed policy, read once per context and re-read after a managed
 * change. Chromium's first read of a browser session can take seconds.
 */
function readPolicy(api) {
  const policy = policyOf(api);
  if (policy.value) return Promise.resolve(policy.value);
  if (!policy.reading) {
    const reading = readManagedStorage(api).then((value) => {
      if (policy.reading === reading) {
        policy.value = value;
        policy.reading = null;
        for (const notify of policy.arrived) notify();
      }
      return value;
    });
    policy.reading = reading;
  }
  return policy.reading;
}

/**
 * Forgets the policy read so far in this context (of `api`), so the next
 * load reads it again; only the test build's slow-policy hook calls it.
 */
export function forgetPolicyRead(api = browserApi()) {
  forgetPolicy(api);
}

function forgetPolicy(api) {
  const policy = policyOf(api);
  policy.value = null;
  policy.reading = null;
}

function within(promise, timeoutMs) {
  if (!Number.isFinite(timeoutMs)) return promise;
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(PENDING), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves to the validator, `(raw) => { values, locked, errors }`; set in the background only. */
let localValidator = null;

/**
 * Makes this context resolve settings itself with `getValidator()` (which
 * resolves to the core's validator once the WASM module is loaded). Only the
 * background calls it.
 */
export function useLocalValidator(getValidator) {
  localValidator = getValidator;
}

/** An error with the message in both UI languages (`localized`); `message` is the English. */
export class SettingsError extends Error {
  constructor(localized) {
    super(localized.en);
    this.name = "SettingsError";
    this.localized = localized;
  }
}

/**
 * Sends `message` to the background; a worker that is still starting may
 * not be listening yet, so a failed connection is retried a few times.
 */
async function askBackground(api, message, attempts = 5) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      const answer = await api.runtime.sendMessage(message);
      if (answer === undefined && attempt < attempts) throw new Error("no answer");
      return answer;
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

async function resolveHere(api, waitForPolicyMs) {
  const [stored, managed, validate] = await Promise.all([
    readUserStorage(api),
    within(readPolicy(api), waitForPolicyMs),
    localValidator(),
  ]);
  if (managed !== PENDING) return mergeEffectiveSettings({ stored, managed, validate });
  const safe = Object.fromEntries(Object.entries(stored).filter(([key]) => !WAIT_FOR_POLICY_KEYS.includes(key)));
  return { ...mergeEffectiveSettings({ stored: safe, managed: {}, validate }), policyPending: true };
}

/** Once the background has read the policy, tells this context's subscribers. */
function awaitPolicyInBackground(api) {
  const policy = policyOf(api);
  if (policy.reading) return;
  const reading = askBackground(api, { type: MSG_SETTINGS, waitForPolicyMs: null })
    .catch(() => null)
    .then(() => {
      if (policy.reading !== reading) return;
      policy.reading = null;
      for (const notify of policy.arrived) notify();
    });
  policy.reading = reading;
}

async function resolveInBackground(api, waitForPolicyMs, fresh) {
  const answer = await askBackground(api, {
    type: MSG_SETTINGS,
    waitForPolicyMs: Number.isFinite(waitForPolicyMs) ? waitForPolicyMs : null,
    fresh,
  });
  if (!answer?.ok) throw new Error(`Sotorko: settings unavailable: ${answer?.error ?? "no answer from the background"}`);
  if (answer.settings.policyPending) awaitPolicyInBackground(api);
  return answer.settings;
}

/**
 * Loads the effective settings.
 *
 * With `waitForPolicyMs`, policy that has not been read within that time is
 * treated as pending: the result has `policyPending: true`, is built from the
 * defaults and the official's options (less those in WAIT_FOR_POLICY_KEYS),
 * and `onEffectiveSettingsChanged` subscribers are called once policy arrives.
 *
 * `fresh` reads policy again (after a managed-storage change; outside the
 * background it tells the background to, as its own change event may come later).
 *
 * @param {{ waitForPolicyMs?: number, fresh?: boolean }} [options]
 * @returns {Promise<{ values: object, locked: string[], sources: object, policyErrors: object[], userErrors: object[], policyPending?: boolean }>}
 */
export async function loadEffectiveSettings({ waitForPolicyMs = Infinity, fresh = false } = {}) {
  const api = browserApi();
  if (localValidator) {
    if (fresh) forgetPolicy(api);
    return resolveHere(api, waitForPolicyMs);
  }
  return resolveInBackground(api, waitForPolicyMs, fresh);
}

/**
 * Calls `callback(effectiveSettings)` whenever a setting in storage.local or
 * any policy in storage.managed changes, and when a pending policy read
 * completes. Chromium delivers policy that arrives after install, and live
 * policy edits, only through the change event. Only the newest reload is
 * delivered when changes come in quick succession.
 * @returns {() => void} unsubscribe
 */
export function onEffectiveSettingsChanged(callback) {
  const api = browserApi();
  let generation = 0;
  const reload = (fresh = false) => {
    const mine = ++generation;
    loadEffectiveSettings({ fresh }).then(
      (settings) => {
        if (mine === generation) callback(settings);
      },
      (error) => console.error("Sotorko: could not reload settings", error),
    );
  };
  const listener = (changes, area) => {
    if (area === "managed") forgetPolicy(api);
    const relevant =
      area === "managed" ||
      (area === "local" && Object.keys(changes ?? {}).some((k) => SETTING_KEYS.includes(k)));
    if (relevant) reload(area === "managed");
  };
  api.storage.onChanged.addListener(listener);
  const arrived = () => reload();
  policyOf(api).arrived.add(arrived);
  return () => {
    api.storage.onChanged.removeListener(listener);
    policyOf(api).arrived.delete(arrived);
  };
}

/**
 * Saves one of the official's own options. Rejects (with a SettingsError)
 * unknown keys, policy-only keys, keys locked or set by policy, and values
 * the core's validator refuses. Outside the background, the background saves.
 */
export async function saveUserSetting(key, value) {
  const api = browserApi();
  if (!localValidator) {
    const answer = await askBackground(api, { type: MSG_SAVE_SETTING, key, value });
    if (!answer?.ok) {
      const error = answer?.error ?? { en: "no answer from the background", bn: "ব্যাকগ্রাউন্ড থেকে উত্তর আসেনি" };
      throw new SettingsError(typeof error === "string" ? { en: error, bn: error } : error);
    }
    return;
  }
  if (!SETTING_KEYS.includes(key) || POLICY_ONLY_KEYS.includes(key)) {
    throw new SettingsError({
      en: `\`${key}\` is not a setting the user can change.`,
      bn: `\`${key}\` ব্যবহারকারী বদলাতে পারেন এমন সেটিং নয়।`,
    });
  }
  const settings = await loadEffectiveSettings();
  if (!isUserEditable(settings, key)) {
    throw new SettingsError({
      en: `\`${key}\` is set by your ministry and cannot be changed.`,
      bn: `\`${key}\` আপনার মন্ত্রণালয় নির্ধারণ করেছে; এটি বদলানো যায় না।`,
    });
  }
  const validate = await localValidator();
  const { errors } = validate({ [key]: value });
  const problem = errors.find((e) => e.key === key) ?? errors[0];
  if (problem) throw new SettingsError(problem.message);
  await api.storage.local.set({ [key]: value });
}
