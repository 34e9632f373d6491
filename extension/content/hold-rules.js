/**
 * Which findings hold a post, under the deployment's mode. Pure.
 * `block` and `warn` hold; `advise` never does. In `strict` mode a `block`
 * finding cannot be overridden.
 */

/** The findings that hold the post. */
export function holdingFindings(findings) {
  return (findings ?? []).filter((f) => f.severity === "block" || f.severity === "warn");
}

/** True when the report holds a post: the core's `summary.highest` is block or warn. */
export function isHolding(report) {
  const highest = report?.summary?.highest;
  return highest === "block" || highest === "warn";
}

/**
 * `{ hold, allowOverride, findings }` for a report under `mode` ("warn" |
 * "strict"), from the core's summary; `findings` are those the dialog lists.
 */
export function holdDecision(report, mode) {
  const hold = isHolding(report);
  const findings = hold ? holdingFindings(report?.findings) : [];
  return { hold, allowOverride: !(mode === "strict" && report?.summary?.highest === "block"), findings };
}
