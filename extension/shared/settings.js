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

/** Marks a managed read that did not answer in time. */
export const POLICY_PENDING = Symbol("policy pending");

/**
 * Reads managed policy, but gives up after `timeoutMs` and answers
 * `POLICY_PENDING`. Chromium's first managed read of a browser session can
 * take seconds even when no policy is set.
 */
export function readManagedStorageWithin(timeoutMs, api = browserApi()) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(POLICY_PENDING), timeoutMs);
  });
  return Promise.race([readManagedStorage(api), timeout]).finally(() => clearTimeout(timer));
}

/** Reads the official's stored options (only setting keys, not e.g. the override log). */
export async function readUserStorage(api = browserApi()) {
  return (await api.storage.local.get([...SETTING_KEYS])) ?? {};
}

/**
 * Loads the effective settings.
 * @returns {Promise<{ values: object, locked: string[], sources: object, policyErrors: object[], userErrors: object[] }>}
 */
export async function loadEffectiveSettings() {
  const api = browserApi();
  const [stored, managed] = await Promise.all([readUserStorage(api), readManagedStorage(api)]);
  return mergeEffectiveSettings({ stored, managed, validate: validatePolicy });
}

/**
 * Like `loadEffectiveSettings`, but does not wait more than `timeoutMs` for
 * policy. When policy is late the result has `policyPending: true` and is
 * built from defaults and the official's options; `whenPolicyArrives` is then
 * called with the complete settings once policy has been read.
 */
export async function loadEffectiveSettingsWithin(timeoutMs, whenPolicyArrives) {
  const api = browserApi();
  const [stored, managed] = await Promise.all([readUserStorage(api), readManagedStorageWithin(timeoutMs, api)]);
  if (managed !== POLICY_PENDING) return mergeEffectiveSettings({ stored, managed, validate: validatePolicy });
  loadEffectiveSettings().then(whenPolicyArrives, (error) => console.error("Sotorko: could not read policy", error));
  return { ...mergeEffectiveSettings({ stored, managed: {}, validate: validatePolicy }), policyPending: true };
}

/**
 * Calls `callback(effectiveSettings)` whenever a setting in storage.local or
 * any policy in storage.managed changes. Chromium delivers policy that
 * arrives after install, and live policy edits, only through this event.
 * Only the newest reload is delivered when changes come in quick succession.
 * @returns {() => void} unsubscribe
 */
export function onEffectiveSettingsChanged(callback) {
  const api = browserApi();
  let generation = 0;
  const listener = (changes, area) => {
    const relevant =
      area === "managed" ||
      (area === "local" && Object.keys(changes ?? {}).some((k) => SETTING_KEYS.includes(k)));
    if (!relevant) return;
    const mine = ++generation;
    loadEffectiveSettings().then(
      (settings) => {
        if (mine === generation) callback(settings);
      },
      (error) => console.error("Sotorko: could not reload settings", error),
    );
  };
  api.storage.onChanged.addListener(listener);
  return () => api.storage.onChanged.removeListener(listener);
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
