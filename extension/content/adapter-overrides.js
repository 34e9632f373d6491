/**
 * Applies the `siteAdapterOverrides` policy to the site adapters: its labels
 * and selectors are added to the built-in ones (which always stay). The
 * policy value has been validated (shared/policy/validate.js); selectors are
 * additionally tried here, because only a DOM can tell whether one parses.
 */
import {
  SUBMIT_BUTTONS,
  HANDOFF_BUTTONS,
  BACK_BUTTONS,
  CLOSE_BUTTONS,
  COMMENT_LABELS,
  REPLY_LABELS,
  MESSENGER,
  EDITOR_SELECTORS,
  CONTROLS,
  COMMENT_BOX_SELECTORS,
} from "./site-adapters.js";
import { LABEL_LIST_PARTS } from "../shared/policy/adapter-override-keys.js";

/** The label list each override key adds to. */
const LABEL_TARGETS = {
  sendLabels: SUBMIT_BUTTONS.labels,
  handOffLabels: HANDOFF_BUTTONS.labels,
  notSendLabels: SUBMIT_BUTTONS.notSubmit,
  backLabels: BACK_BUTTONS.labels,
  closeLabels: CLOSE_BUTTONS.labels,
  commentBoxLabels: COMMENT_LABELS,
  replyBoxLabels: REPLY_LABELS,
  messengerBoxLabels: MESSENGER.boxLabels,
};

/** Where each selector key's entries go: [holder, property]. */
const SELECTOR_TARGETS = {
  editorSelectors: [EDITOR_SELECTORS, "extra"],
  controlSelectors: [CONTROLS, "extra"],
  sendSlotSelectors: [CONTROLS, "sendSlotsExtra"],
  commentBoxSelectors: [{ list: COMMENT_BOX_SELECTORS }, "list"],
};

const builtinLabels = new Map(Object.entries(LABEL_TARGETS).map(([key, list]) => [key, Object.fromEntries(LABEL_LIST_PARTS.map((p) => [p, [...(list[p] ?? [])]]))]));
const builtinCommentBoxes = [...COMMENT_BOX_SELECTORS];

/** The last overrides applied (JSON), so identical settings are not re-applied. */
let appliedKey = "{}";

/**
 * Adds `overrides` (the validated policy value, or null/{} for none) to the
 * adapters. `isValidSelector(sel)` tells whether a selector parses. Returns
 * `{ changed, problems }`: whether anything changed, and selectors dropped.
 */
export function applySiteAdapterOverrides(overrides, { isValidSelector = () => true } = {}) {
  const value = overrides && typeof overrides === "object" ? overrides : {};
  const key = JSON.stringify(value);
  if (key === appliedKey) return { changed: false, problems: [] };
  appliedKey = key;
  const problems = [];
  for (const [name, list] of Object.entries(LABEL_TARGETS)) {
    const builtin = builtinLabels.get(name);
    const extra = value[name] ?? {};
    for (const part of LABEL_LIST_PARTS) {
      // A new array: label-match.js recompiles a list whose arrays changed.
      list[part] = [...builtin[part], ...(Array.isArray(extra[part]) ? extra[part] : [])];
    }
  }
  for (const [name, [holder, prop]] of Object.entries(SELECTOR_TARGETS)) {
    const wanted = Array.isArray(value[name]) ? value[name] : [];
    const valid = wanted.filter((sel) => {
      const ok = isValidSelector(sel);
      if (!ok) problems.push(`siteAdapterOverrides.${name}: ${JSON.stringify(sel)} is not a CSS selector this browser understands; it is ignored`);
      return ok;
    });
    if (name === "commentBoxSelectors") COMMENT_BOX_SELECTORS.splice(0, COMMENT_BOX_SELECTORS.length, ...builtinCommentBoxes, ...valid);
    else holder[prop] = valid;
  }
  return { changed: true, problems };
}

/** The selector of every control that may send (built-in and policy). */
export function controlSelector() {
  return [CONTROLS.selector, ...CONTROLS.extra].join(", ");
}

/** The selector of send slots (built-in and policy). */
export function sendSlotSelector() {
  return [...CONTROLS.sendSlots, ...CONTROLS.sendSlotsExtra].join(", ");
}

/** The selector of structural comment boxes (built-in and policy). */
export function commentBoxSelector() {
  return COMMENT_BOX_SELECTORS.join(", ");
}
