/**
 * Pure view-model for the popup: turns a `sotorko:tab-info` answer into what
 * the popup shows, so the rules are testable without a DOM.
 */

const SOURCE_KEYS = {
  "business-suite": "contextSourceBusinessSuite",
  "official-page": "contextSourceOfficialPage",
  toggle: "contextSourceToggle",
  default: "contextSourceDefault",
};

/**
 * @param {{ enabled: boolean, context: string, contextSource: string,
 *           contextLocked?: boolean, counts?: { block?: number, warn?: number, advise?: number }, composers?: number }} info
 * @param {{ enabledLocked: boolean }} options
 */
export function tabView(info, { enabledLocked }) {
  const counts = {
    block: Number(info.counts?.block) || 0,
    warn: Number(info.counts?.warn) || 0,
    advise: Number(info.counts?.advise) || 0,
  };
  const total = counts.block + counts.warn + counts.advise;
  const composers = Number(info.composers) || 0;
  return {
    enabled: Boolean(info.enabled),
    switchDisabled: enabledLocked,
    showLockedNote: enabledLocked,
    showOffNote: !info.enabled,
    contextChoice: info.contextSource === "toggle" ? info.context : "auto",
    // Policy sets or locks officialByDefault/officialPages: the ministry decides the context.
    contextDisabled: Boolean(info.contextLocked),
    contextNameKey: info.context === "personal" ? "contextPersonal" : "contextOfficial",
    sourceKey: SOURCE_KEYS[info.contextSource] ?? "contextSourceDefault",
    counts,
    showCounts: Boolean(info.enabled) && composers > 0,
    emptyKey: !info.enabled ? null : composers === 0 ? "popupNoComposer" : total === 0 ? "popupNoFindings" : null,
  };
}
