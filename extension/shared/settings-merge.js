/**
 * Pure layering of the effective settings: built-in defaults, then the
 * official's own options (storage.local), then policy (storage.managed).
 * No browser API here, so it is testable in Node; settings.js does the I/O.
 */
import { SETTINGS } from "./contract.generated.js";

/**
 * Every setting with its built-in default (docs/architecture.md, "Settings
 * module API"), from the settings contract in crate/src/settings/.
 */
export const DEFAULTS = Object.freeze(Object.fromEntries(SETTINGS.map((s) => [s.name, s.default])));

/** Every setting key, in the contract's order. */
export const SETTING_KEYS = Object.freeze(SETTINGS.map((s) => s.name));

/** Keys only policy may set; the official can never store them. */
export const POLICY_ONLY_KEYS = Object.freeze(SETTINGS.filter((s) => s.policyOnly).map((s) => s.name));

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function pickSettings(stored) {
  const picked = {};
  if (!stored || typeof stored !== "object") return picked;
  for (const key of SETTING_KEYS) {
    if (POLICY_ONLY_KEYS.includes(key)) continue;
    if (Object.hasOwn(stored, key) && stored[key] !== undefined) picked[key] = stored[key];
  }
  return picked;
}

/**
 * Merges stored user options and raw managed policy into the effective settings.
 *
 * `validate` is the settings contract's validator (the WASM export
 * `validatePolicy`, see policy/validate.js); it decides which policy values
 * are valid and which keys are locked:
 *
 * - A key set by valid policy takes the policy value and is locked.
 * - A key whose policy value is invalid falls back to its DEFAULT (never to the
 *   official's own value, so a typo in policy cannot weaken protection) and is locked.
 * - A key named in policy `lockedSettings` but not set by policy keeps its default and is locked.
 * - Otherwise a valid stored user value wins over the default. User values go
 *   through the same validator; invalid ones are ignored and listed in `userErrors`.
 *
 * @param {{ stored?: object, managed?: object,
 *           validate: (raw: object) => { values: object, locked: string[], errors: {key: string, path: string, message: {en: string, bn: string}}[] } }} input
 * @returns {{ values: object, locked: string[], sources: Record<string, "default"|"user"|"policy">,
 *            policyErrors: {key: string, path: string, message: {en: string, bn: string}}[], userErrors: object[] }}
 */
export function mergeEffectiveSettings({ stored = {}, managed = {}, validate }) {
  const policy = validate(managed ?? {});
  const policyValues = policy.values ?? {};
  const policyErrors = [...(policy.errors ?? [])];
  const user = validate(pickSettings(stored));
  const userValues = user.values ?? {};

  // The core decides what is locked: keys policy sets (validly or not) and
  // keys named in lockedSettings.
  const lockedKeys = new Set(policy.locked ?? []);
  const locked = SETTING_KEYS.filter((key) => lockedKeys.has(key) && !POLICY_ONLY_KEYS.includes(key));

  const values = {};
  const sources = {};
  for (const key of SETTING_KEYS) {
    const policyOnly = POLICY_ONLY_KEYS.includes(key);
    if (Object.hasOwn(policyValues, key)) {
      values[key] = clone(policyValues[key]);
      sources[key] = "policy";
    } else if (lockedKeys.has(key)) {
      values[key] = clone(DEFAULTS[key]);
      sources[key] = "default";
    } else if (!policyOnly && Object.hasOwn(userValues, key)) {
      values[key] = clone(userValues[key]);
      sources[key] = "user";
    } else {
      values[key] = clone(DEFAULTS[key]);
      sources[key] = "default";
    }
  }
  return { values, locked, sources, policyErrors, userErrors: [...(user.errors ?? [])] };
}

/** True when the official can change `key` under these effective settings. */
export function isUserEditable(settings, key) {
  return SETTING_KEYS.includes(key) && !POLICY_ONLY_KEYS.includes(key) && !settings.locked.includes(key);
}
