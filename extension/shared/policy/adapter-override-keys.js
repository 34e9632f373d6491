/**
 * The shape of the `siteAdapterOverrides` policy: which label lists and
 * selector lists of the built-in site adapters (extension/content/site-adapters.js)
 * an administrator may add to. Generated from the settings contract
 * (crate/src/settings/), which also validates the policy, so the validator
 * and the content script always agree on the names.
 */
import {
  ADAPTER_LABEL_KEYS,
  ADAPTER_SELECTOR_KEYS,
  LABEL_LIST_PARTS,
  POLICY_LIMITS,
} from "../contract.generated.js";

export { ADAPTER_LABEL_KEYS, ADAPTER_SELECTOR_KEYS, LABEL_LIST_PARTS };

/** Limits: a handful of entries answers a Facebook change; these keep a typo from making pages slow. */
export const ADAPTER_OVERRIDE_LIMITS = Object.freeze({
  entries: POLICY_LIMITS.adapterEntries,
  labelChars: POLICY_LIMITS.adapterLabelChars,
  selectorChars: POLICY_LIMITS.adapterSelectorChars,
});
