/**
 * The card for one finding (severity badge, category name, clause, message,
 * excerpt), shared by the panel list and the hover/caret card. Text is set
 * with textContent only.
 */
import { el } from "./ui-host.js";
import { categoryName } from "../shared/categories.js";
import { t } from "./strings.js";

const SEVERITY_KEY = { block: "contentSeverityBlock", warn: "contentSeverityWarn", advise: "contentSeverityAdvise" };

/** Formats a count in the UI language (Bangla digits in Bangla). */
export function formatCount(n, lang) {
  try {
    return new Intl.NumberFormat(lang === "bn" ? "bn-BD" : "en-GB").format(n);
  } catch {
    return String(n);
  }
}

/** Writes ASCII digits as Bangla digits in Bangla ("2019 ১০-গ" → "২০১৯ ১০-গ"); other languages unchanged. */
export function localDigits(text, lang) {
  return lang === "bn" ? String(text).replace(/[0-9]/g, (d) => String.fromCharCode(0x09e6 + Number(d))) : String(text);
}

/** Renders the body of a finding card into a new <div>. */
export function renderFinding(doc, finding, lang) {
  const excerpt = finding.excerpt.length > 80 ? `${finding.excerpt.slice(0, 77)}…` : finding.excerpt;
  return el(
    doc,
    "div",
    { class: "s-finding-body" },
    el(
      doc,
      "div",
      {},
      el(doc, "span", { class: "s-badge", "data-severity": finding.severity, text: t(lang, SEVERITY_KEY[finding.severity] ?? "contentSeverityAdvise") }),
      el(doc, "span", { class: "s-category", text: categoryName(finding.category, lang) }),
    ),
    el(doc, "div", { class: "s-clause", text: t(lang, "contentClause", { clause: localDigits(finding.clause, lang) }) }),
    el(doc, "div", { class: "s-message", text: finding.message?.[lang] ?? finding.message?.en ?? "" }),
    el(doc, "div", { class: "s-excerpt", text: `“${excerpt}”` }),
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
