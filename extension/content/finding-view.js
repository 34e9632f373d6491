/**
 * The card for one finding (severity badge, category name, clause, message,
 * excerpt), shared by the panel list and the hover/caret card. Text is set
 * with textContent only.
 */
import { el } from "./ui-host.js";
import { categoryName } from "../shared/categories.js";
import { t } from "./strings.js";
import { clauseLabel } from "./clause-label.js";

/** One name per severity everywhere (docs/glossary.md): the popup's and the panel's are the same keys. */
export const SEVERITY_KEY = Object.freeze({ block: "severityBlock", warn: "severityWarn", advise: "severityAdvise" });

/** Formats a count in the UI language (Bangla digits in Bangla). */
export function formatCount(n, lang) {
  try {
    return new Intl.NumberFormat(lang === "bn" ? "bn-BD" : "en-GB").format(n);
  } catch {
    return String(n);
  }
}

/** Renders the body of a finding card into a new <div>. */
export function renderFinding(doc, finding, lang) {
  const excerpt = finding.excerpt.length > 80 ? `${finding.excerpt.slice(0, 77)}…` : finding.excerpt;
  // Spans (shown as blocks), so the card is valid inside the panel's <button>.
  return el(
    doc,
    "span",
    { class: "s-finding-body" },
    el(
      doc,
      "span",
      {},
      el(doc, "span", { class: "s-badge", "data-severity": finding.severity, text: t(lang, SEVERITY_KEY[finding.severity] ?? "severityAdvise") }),
      el(doc, "span", { class: "s-category", text: categoryName(finding.category, lang) }),
    ),
    el(doc, "span", { class: "s-clause", text: clauseLabel(finding.clause, lang) }),
    el(doc, "span", { class: "s-message", text: finding.message?.[lang] ?? finding.message?.en ?? "" }),
    el(doc, "span", { class: "s-excerpt", text: `“${excerpt}”` }),
  );
}

/**
 * The core's counts per severity (`report.summary.by_severity`, computed by
 * the engine with the findings) as `{ block, warn, advise }`.
 */
export function severityCounts(report) {
  const by = report?.summary?.by_severity ?? {};
  return { block: by.block ?? 0, warn: by.warn ?? 0, advise: by.advise ?? 0 };
}
