/**
 * Validation of managed (policy) settings, the same for every browser.
 *
 * Chromium and Edge check policy against `managed_schema.json`, but that
 * schema only declares JSON types (an enum there would make Chromium drop a
 * bad value before the extension could report it); Firefox checks nothing.
 * So every value is checked here, one top-level key at a time: a bad key is
 * left out of `values` (it falls back to its default) and described in
 * `errors` with a message an administrator can act on, and it never affects
 * the other keys.
 */

import { CATEGORY_IDS } from "../categories.js";
import { ADAPTER_LABEL_KEYS, ADAPTER_SELECTOR_KEYS, LABEL_LIST_PARTS, ADAPTER_OVERRIDE_LIMITS } from "./adapter-override-keys.js";

/** Severities a policy may set per category or rule; `off` disables it. */
export const SEVERITY_LEVELS = Object.freeze(["block", "warn", "advise", "off"]);

/** The contexts a severity override can name. */
export const SEVERITY_CONTEXTS = Object.freeze(["official", "personal"]);

/** Every setting an administrator can set and lock (all but `lockedSettings`). */
export const LOCKABLE_SETTINGS = Object.freeze([
  "enabled",
  "enabledCategories",
  "categorySeverity",
  "ruleSeverity",
  "customRules",
  "extraTerms",
  "allowedTerms",
  "officialPages",
  "officialByDefault",
  "mode",
  "requireReasonToOverride",
  "uiLanguage",
]);

/** Policy-only keys: an official can never set them, so there is nothing to lock. */
export const POLICY_ONLY_SETTINGS = Object.freeze(["lockedSettings", "siteAdapterOverrides", "stanceModel", "activityRetentionDays", "minPasswordScore"]);

/** Every top-level policy key. */
export const POLICY_KEYS = Object.freeze([...LOCKABLE_SETTINGS, ...POLICY_ONLY_SETTINGS]);

/** Size limits, so a policy cannot make the engine or the UI unusable. */
export const POLICY_LIMITS = Object.freeze({
  /** `customRules`, in UTF-8 bytes (the engine's pack-size limit). */
  customRulesBytes: 1024 * 1024,
  /** Entries of one list (a term list, `officialPages`, ...). */
  listEntries: 5000,
  /** Characters of one term or page entry. */
  entryChars: 500,
});

const RULE_ID = /^[a-z0-9.-]+$/;

/** Thrown inside a key's check; becomes that key's error. */
class PolicyValueError extends Error {}

function fail(path, problem) {
  throw new PolicyValueError(`${path}: ${problem}`);
}

/** A short, readable rendering of a value for a message. */
function describe(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  return `${typeof value} ${String(value)}`;
}

function quotedChoices(choices) {
  const quoted = choices.map((c) => `"${c}"`);
  if (quoted.length === 2) return `${quoted[0]} or ${quoted[1]}`;
  return `one of ${quoted.join(", ")}`;
}

function isPlainObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function checkBoolean(path, value) {
  if (typeof value !== "boolean") fail(path, `expected true or false, got ${describe(value)}`);
  return value;
}

function checkChoice(path, value, choices) {
  if (!choices.includes(value)) fail(path, `expected ${quotedChoices(choices)}, got ${describe(value)}`);
  return value;
}

function checkObject(path, value) {
  if (!isPlainObject(value)) fail(path, `expected an object, got ${describe(value)}`);
  return value;
}

function checkList(path, value) {
  if (!Array.isArray(value)) fail(path, `expected a list, got ${describe(value)}`);
  if (value.length > POLICY_LIMITS.listEntries) {
    fail(path, `has ${value.length} entries; at most ${POLICY_LIMITS.listEntries} are allowed`);
  }
  return value;
}

/** A list of non-empty, bounded strings (terms, pages). */
function checkTextList(path, value) {
  checkList(path, value);
  value.forEach((entry, index) => {
    const at = `${path}[${index}]`;
    if (typeof entry !== "string") fail(at, `expected text, got ${describe(entry)}`);
    if (entry.trim() === "") fail(at, "is empty");
    if (entry.length > POLICY_LIMITS.entryChars) {
      fail(at, `is ${entry.length} characters long; at most ${POLICY_LIMITS.entryChars} are allowed`);
    }
  });
  return value;
}

function checkCategoryId(path, id) {
  if (!CATEGORY_IDS.includes(id)) {
    fail(path, `unknown category ${describe(id)}; expected ${quotedChoices(CATEGORY_IDS)}`);
  }
}

/** `{ official?, personal? }`, each a severity level; at least one given. */
function checkSeverityPair(path, value) {
  checkObject(path, value);
  const keys = Object.keys(value);
  if (keys.length === 0) fail(path, `expected at least one of "official", "personal"`);
  for (const context of keys) {
    if (!SEVERITY_CONTEXTS.includes(context)) {
      fail(`${path}.${context}`, `unknown context; expected ${quotedChoices(SEVERITY_CONTEXTS)}`);
    }
    checkChoice(`${path}.${context}`, value[context], SEVERITY_LEVELS);
  }
  return value;
}

/** A bounded list of non-empty texts of at most `maxChars` characters. */
function checkShortTexts(path, value, maxChars) {
  if (!Array.isArray(value)) fail(path, `expected a list, got ${describe(value)}`);
  if (value.length > ADAPTER_OVERRIDE_LIMITS.entries) {
    fail(path, `has ${value.length} entries; at most ${ADAPTER_OVERRIDE_LIMITS.entries} are allowed`);
  }
  value.forEach((entry, index) => {
    const at = `${path}[${index}]`;
    if (typeof entry !== "string") fail(at, `expected text, got ${describe(entry)}`);
    if (entry.trim() === "") fail(at, "is empty");
    if (entry.length > maxChars) fail(at, `is ${entry.length} characters long; at most ${maxChars} are allowed`);
  });
}

/** A CSS selector as far as it can be checked without a DOM (the content script tries it in the page too). */
function checkSelectorText(path, selector) {
  if (/[{};]/.test(selector)) fail(path, `${describe(selector)} is not a CSS selector (it contains "{", "}" or ";")`);
  let depth = 0;
  for (const ch of selector) {
    if (ch === "[" || ch === "(") depth += 1;
    else if (ch === "]" || ch === ")") depth -= 1;
    if (depth < 0) break;
  }
  if (depth !== 0) fail(path, `${describe(selector)} is not a CSS selector (unbalanced brackets)`);
  if (/^\s*(\*|html|body|div|span)\s*$/i.test(selector)) fail(path, `${describe(selector)} would match almost every element of the page`);
}

/** `siteAdapterOverrides`: labels and selectors added to the built-in site adapters. */
function checkAdapterOverrides(value) {
  checkObject("siteAdapterOverrides", value);
  const known = [...Object.keys(ADAPTER_LABEL_KEYS), ...Object.keys(ADAPTER_SELECTOR_KEYS)];
  for (const [name, entry] of Object.entries(value)) {
    const path = `siteAdapterOverrides.${name}`;
    if (Object.hasOwn(ADAPTER_LABEL_KEYS, name)) {
      checkObject(path, entry);
      for (const [part, texts] of Object.entries(entry)) {
        if (!LABEL_LIST_PARTS.includes(part)) fail(`${path}.${part}`, `unknown part; expected ${quotedChoices(LABEL_LIST_PARTS)}`);
        checkShortTexts(`${path}.${part}`, texts, ADAPTER_OVERRIDE_LIMITS.labelChars);
      }
    } else if (Object.hasOwn(ADAPTER_SELECTOR_KEYS, name)) {
      checkShortTexts(path, entry, ADAPTER_OVERRIDE_LIMITS.selectorChars);
      entry.forEach((selector, i) => checkSelectorText(`${path}[${i}]`, selector));
    } else {
      fail(path, `unknown list; expected ${quotedChoices(known)}`);
    }
  }
  return value;
}

/**
 * The check for each key: returns the value to use, or throws
 * PolicyValueError. `lockedSettings` is handled separately (it keeps its
 * valid entries; see validatePolicy).
 */
const CHECKS = Object.freeze({
  enabled: (v) => checkBoolean("enabled", v),
  officialByDefault: (v) => checkBoolean("officialByDefault", v),
  requireReasonToOverride: (v) => checkBoolean("requireReasonToOverride", v),
  stanceModel: (v) => checkBoolean("stanceModel", v),
  activityRetentionDays: (v) => {
    // Group Policy text boxes give a string of digits (REG_SZ).
    const days = typeof v === "string" && /^\d{1,4}$/.test(v.trim()) ? Number(v.trim()) : v;
    if (!Number.isInteger(days) || days < 1 || days > 3650) fail("activityRetentionDays", `expected a whole number of days from 1 to 3650, got ${describe(v)}`);
    return days;
  },
  minPasswordScore: (v) => {
    const score = typeof v === "string" && /^[0-4]$/.test(v.trim()) ? Number(v.trim()) : v;
    if (!Number.isInteger(score) || score < 0 || score > 4) fail("minPasswordScore", `expected a whole number from 0 to 4, got ${describe(v)}`);
    return score;
  },
  mode: (v) => checkChoice("mode", v, ["warn", "strict"]),
  uiLanguage: (v) => checkChoice("uiLanguage", v, ["auto", "bn", "en"]),
  enabledCategories: (v) => {
    checkList("enabledCategories", v);
    v.forEach((id, i) => checkCategoryId(`enabledCategories[${i}]`, id));
    return v;
  },
  categorySeverity: (v) => {
    checkObject("categorySeverity", v);
    for (const [id, pair] of Object.entries(v)) {
      checkCategoryId(`categorySeverity`, id);
      checkSeverityPair(`categorySeverity.${id}`, pair);
    }
    return v;
  },
  ruleSeverity: (v) => {
    checkObject("ruleSeverity", v);
    for (const [id, pair] of Object.entries(v)) {
      if (!RULE_ID.test(id)) {
        fail("ruleSeverity", `${describe(id)} is not a rule id (lower-case letters, digits, "." and "-")`);
      }
      checkSeverityPair(`ruleSeverity.${id}`, pair);
    }
    return v;
  },
  customRules: (v) => {
    if (typeof v !== "string") fail("customRules", `expected the text of a TOML rule pack, got ${describe(v)}`);
    if (v.trim() === "") fail("customRules", "is empty");
    const bytes = new TextEncoder().encode(v).length;
    if (bytes > POLICY_LIMITS.customRulesBytes) {
      fail("customRules", `is ${bytes} bytes; a rule pack may be at most ${POLICY_LIMITS.customRulesBytes} bytes`);
    }
    return v;
  },
  extraTerms: (v) => {
    checkObject("extraTerms", v);
    for (const [id, terms] of Object.entries(v)) {
      checkCategoryId("extraTerms", id);
      checkTextList(`extraTerms.${id}`, terms);
    }
    return v;
  },
  allowedTerms: (v) => checkTextList("allowedTerms", v),
  officialPages: (v) => checkTextList("officialPages", v),
  siteAdapterOverrides: (v) => checkAdapterOverrides(v),
});

/** The keys validatePolicy understands (every key of the managed schema). */
export const VALIDATED_KEYS = Object.freeze([...Object.keys(CHECKS), "lockedSettings"]);

/** Levenshtein distance, for "did you mean" on unknown keys. */
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

function unknownKeyMessage(key) {
  const lower = key.toLowerCase();
  const closest = POLICY_KEYS.map((k) => [k, editDistance(lower, k.toLowerCase())]).sort((x, y) => x[1] - y[1])[0];
  const hint = closest && closest[1] <= 3 ? ` Did you mean "${closest[0]}"?` : "";
  return `${key}: unknown setting; it is ignored.${hint}`;
}

/**
 * `lockedSettings` keeps its valid names even when some are wrong, so that
 * one typo never unlocks every other setting; the wrong names are reported.
 */
function checkLockedSettings(value) {
  if (!Array.isArray(value)) {
    return { problems: [`lockedSettings: expected a list of setting names, got ${describe(value)}`] };
  }
  const names = [];
  const problems = [];
  value.forEach((name, i) => {
    if (LOCKABLE_SETTINGS.includes(name)) {
      if (!names.includes(name)) names.push(name);
    } else {
      problems.push(
        `lockedSettings[${i}]: ${describe(name)} is not a setting that can be locked; expected ${quotedChoices(LOCKABLE_SETTINGS)}`,
      );
    }
  });
  return { names, problems };
}

/**
 * Validates raw managed storage (`storage.managed.get()`), key by key.
 *
 * @param {unknown} raw the managed storage object; `undefined`/`null` means no policy.
 * @returns {{ values: Record<string, unknown>, errors: { key: string, message: string }[] }}
 *   `values` holds only the valid keys; every problem is in `errors`, each
 *   message naming the key and what is wrong.
 */
export function validatePolicy(raw) {
  const values = {};
  const errors = [];
  if (raw === undefined || raw === null) return { values, errors };
  if (!isPlainObject(raw)) {
    errors.push({ key: "(policy)", message: `the policy must be an object of settings, got ${describe(raw)}` });
    return { values, errors };
  }
  for (const [key, value] of Object.entries(raw)) {
    if (key === "lockedSettings") {
      const { names, problems } = checkLockedSettings(value);
      if (names) values.lockedSettings = names;
      for (const message of problems) errors.push({ key, message });
      continue;
    }
    const check = Object.hasOwn(CHECKS, key) ? CHECKS[key] : undefined;
    if (!check) {
      errors.push({ key, message: unknownKeyMessage(key) });
      continue;
    }
    try {
      values[key] = check(value);
    } catch (error) {
      if (!(error instanceof PolicyValueError)) throw error;
      errors.push({ key, message: `${error.message}. The default applies.` });
    }
  }
  return { values, errors };
}
