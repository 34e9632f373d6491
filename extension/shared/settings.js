/**
 * The settings module (docs/architecture.md, "Settings module API"):
 * effective settings = defaults < the official's options (storage.local) <
 * validated policy (storage.managed). Policy wins; locked keys cannot be saved.
 */
import { browserApi } from "./browser-api.js";
import { validatePolicy } from "./policy/validate.js";
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

/**
 * Loads the effective settings.
 *
 * With `waitForPolicyMs`, policy that has not been read within that time is
 * treated as pending: the result has `policyPending: true`, is built from the
 * defaults and the official's options (less those in WAIT_FOR_POLICY_KEYS),
 * and `onEffectiveSettingsChanged` subscribers are called once policy arrives.
 *
 * @param {{ waitForPolicyMs?: number }} [options]
 * @returns {Promise<{ values: object, locked: string[], sources: object, policyErrors: object[], userErrors: object[], policyPending?: boolean }>}
 */
export async function loadEffectiveSettings({ waitForPolicyMs = Infinity } = {}) {
  const api = browserApi();
  const [stored, managed] = await Promise.all([readUserStorage(api), within(readPolicy(api), waitForPolicyMs)]);
  if (managed !== PENDING) return mergeEffectiveSettings({ stored, managed, validate: validatePolicy });
  const safe = Object.fromEntries(Object.entries(stored).filter(([key]) => !WAIT_FOR_POLICY_KEYS.includes(key)));
  return { ...mergeEffectiveSettings({ stored: safe, managed: {}, validate: validatePolicy }), policyPending: true };
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
  const reload = () => {
    const mine = ++generation;
    loadEffectiveSettings().then(
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
    if (relevant) reload();
  };
  api.storage.onChanged.addListener(listener);
  policyOf(api).arrived.add(reload);
  return () => {
    api.storage.onChanged.removeListener(listener);
    policyOf(api).arrived.delete(reload);
  };
}

/**
 * Saves one of the official's own options. Rejects unknown keys, policy-only
 * keys, keys locked or set by policy, and values the validator refuses.
 */
export async function saveUserSetting(key, value) {
  if (!SETTING_KEYS.includes(key) || POLICY_ONLY_KEYS.includes(key)) {
    throw new Error(`Sotorko: \`${key}\` is not a setting the user can change.`);
  }
  const settings = await loadEffectiveSettings();
  if (!isUserEditable(settings, key)) {
    throw new Error(`Sotorko: \`${key}\` is set by your organisation and cannot be changed.`);
  }
  const { errors } = validatePolicy({ [key]: value });
  const problem = errors.find((e) => e.key === key) ?? errors[0];
  if (problem) {
    throw new Error(`Sotorko: invalid value for \`${key}\`: ${problem.message}`);
  }
  await browserApi().storage.local.set({ [key]: value });
}
