/**
 * The shape of the `siteAdapterOverrides` policy: which label lists and
 * selector lists of the built-in site adapters (extension/content/site-adapters.js)
 * an administrator may add to. Shared by the policy validator and the
 * content script, so both always agree on the names.
 */

/** Label lists: each value is `{ exact?, prefix?, suffix?, contains? }`, each a list of texts. */
export const ADAPTER_LABEL_KEYS = Object.freeze({
  sendLabels: "controls that publish (Post, Publish, Post comment, …)",
  handOffLabels: "controls that hand the draft to a next step (Next, …)",
  notSendLabels: "controls that never publish (openers such as \"Leave a comment\", target pickers)",
  backLabels: "controls of a later step that go back to the draft (Back, …)",
  closeLabels: "controls that close or discard a composer (Close, Cancel, …)",
  commentBoxLabels: "labels of comment boxes, where Enter sends",
  replyBoxLabels: "labels of reply boxes, where Enter sends",
  messengerBoxLabels: "labels of chat boxes, which are never checked",
});

/** Selector lists: each value is a list of CSS selectors. */
export const ADAPTER_SELECTOR_KEYS = Object.freeze({
  editorSelectors: "editable boxes that are composers",
  controlSelectors: "elements that are controls (buttons) though they have no button role",
  sendSlotSelectors: "containers whose controls send the composer next to them, whatever their label",
  commentBoxSelectors: "editable boxes that are comment boxes, whatever their label",
});

/** The parts of a label list. */
export const LABEL_LIST_PARTS = Object.freeze(["exact", "prefix", "suffix", "contains"]);

/** Limits: a handful of entries answers a Facebook change; these keep a typo from making pages slow. */
export const ADAPTER_OVERRIDE_LIMITS = Object.freeze({ entries: 200, labelChars: 200, selectorChars: 300 });
