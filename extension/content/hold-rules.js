/**
 * Which findings hold a post, under the deployment's mode. Pure.
 * `block` and `warn` hold; `advise` never does. In `strict` mode a `block`
 * finding cannot be overridden.
 */

/** The findings that hold the post. */
export function holdingFindings(findings) {
  return (findings ?? []).filter((f) => f.severity === "block" || f.severity === "warn");
}

/** `{ hold, allowOverride, findings }` for a report under `mode` ("warn" | "strict"). */
export function holdDecision(report, mode) {
  const findings = holdingFindings(report?.findings);
  const hasBlock = findings.some((f) => f.severity === "block");
  return { hold: findings.length > 0, allowOverride: !(mode === "strict" && hasBlock), findings };
}
