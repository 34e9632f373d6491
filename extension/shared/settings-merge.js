/**
 * Pure layering of the effective settings: built-in defaults, then the
 * official's own options (storage.local), then policy (storage.managed).
 * No browser API here, so it is testable in Node; settings.js does the I/O.
 */
import { CATEGORY_IDS } from "./categories.js";

/** Every setting with its built-in default (docs/architecture.md, "Settings module API"). */
export const DEFAULTS = Object.freeze({
  enabled: true,
  uiLanguage: "auto",
  officialPages: [],
  officialByDefault: false,
  enabledCategories: [...CATEGORY_IDS],
  categorySeverity: {},
  ruleSeverity: {},
  customRules: "",
  extraTerms: {},
  allowedTerms: [],
  mode: "warn",
  requireReasonToOverride: false,
  lockedSettings: [],
  siteAdapterOverrides: {},
  stanceModel: true,
  activityRetentionDays: 396,
  minPasswordScore: 3,
});

/** Every setting key, in a stable order. */
export const SETTING_KEYS = Object.freeze(Object.keys(DEFAULTS));

/** Keys only policy may set; the official can never store them. */
export const POLICY_ONLY_KEYS = Object.freeze(["lockedSettings", "siteAdapterOverrides", "stanceModel", "activityRetentionDays", "minPasswordScore"]);

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
 * - A key set by valid policy takes the policy value and is locked.
 * - A key whose policy value is invalid falls back to its DEFAULT (never to the
 *   official's own value, so a typo in policy cannot weaken protection) and is locked.
 * - A key named in policy `lockedSettings` but not set by policy keeps its default and is locked.
 * - Otherwise a valid stored user value wins over the default. User values go
 *   through the same validator; invalid ones are ignored and listed in `userErrors`.
 *
 * @param {{ stored?: object, managed?: object, validate: (raw: object) => { values: object, errors: {key: string, message: string}[] } }} input
 * @returns {{ values: object, locked: string[], sources: Record<string, "default"|"user"|"policy">,
 *            policyErrors: {key: string, message: string}[], userErrors: {key: string, message: string}[] }}
 */
export function mergeEffectiveSettings({ stored = {}, managed = {}, validate }) {
  const policy = validate(managed ?? {});
  const policyValues = policy.values ?? {};
  const policyErrors = [...(policy.errors ?? [])];
  const user = validate(pickSettings(stored));
  const userValues = user.values ?? {};

  const lockedByList = new Set(
    Array.isArray(policyValues.lockedSettings) ? policyValues.lockedSettings : [],
  );
  const erroredKeys = new Set(policyErrors.map((e) => e.key));

  const values = {};
  const sources = {};
  const locked = [];
  for (const key of SETTING_KEYS) {
    const policyOnly = POLICY_ONLY_KEYS.includes(key);
    if (Object.hasOwn(policyValues, key)) {
      values[key] = clone(policyValues[key]);
      sources[key] = "policy";
      if (!policyOnly) locked.push(key);
    } else if (!policyOnly && (erroredKeys.has(key) || lockedByList.has(key))) {
      values[key] = clone(DEFAULTS[key]);
      sources[key] = "default";
      locked.push(key);
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
