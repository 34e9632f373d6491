/**
 * Validation of managed (policy) settings and of the official's stored
 * options: the settings contract in the Rust core (crate/src/settings/),
 * through the WASM export `validatePolicy`. There are no validation rules
 * in JavaScript; this module only holds the validator once the background
 * has loaded the WASM module, and names the keys the contract defines.
 *
 * Chromium and Edge check policy against `managed_schema.json` (generated
 * from the same contract), but that schema only declares JSON types;
 * Firefox checks nothing. The core checks every value, one top-level key at
 * a time: a key with a problem is left out of `values` (its built-in value
 * applies) and described in `errors` in Bangla and English.
 */
import { SETTINGS } from "../contract.generated.js";

/** Every setting an administrator can set and lock (all but the policy-only keys). */
export const LOCKABLE_SETTINGS = Object.freeze(SETTINGS.filter((s) => !s.policyOnly).map((s) => s.name));

/** Every top-level policy key. */
export const POLICY_KEYS = Object.freeze(SETTINGS.map((s) => s.name));

/**
 * @typedef {{ values: Record<string, unknown>, locked: string[],
 *             errors: { key: string, path: string, message: { en: string, bn: string } }[] }} Resolved
 */

/**
 * Wraps the WASM export `validatePolicy` (after the module is initialised):
 * `undefined` becomes "no policy", and a value the WASM boundary cannot
 * read is one error rather than an exception.
 *
 * @param {(raw: unknown) => Resolved} wasmValidatePolicy
 * @returns {(raw: unknown) => Resolved}
 */
export function policyValidator(wasmValidatePolicy) {
  return (raw) => {
    try {
      return wasmValidatePolicy(raw ?? null);
    } catch (error) {
      const en = `the policy could not be read (${error?.message ?? error}); the built-in settings apply`;
      const bn = `পলিসি পড়া যায়নি (${error?.message ?? error}); পূর্বনির্ধারিত সেটিংস প্রযোজ্য`;
      return { values: {}, locked: [], errors: [{ key: "(policy)", path: "(policy)", message: { en, bn } }] };
    }
  };
}
