/**
 * Matching visible labels against the label lists in site-adapters.js.
 * Pure functions; no DOM.
 */

/** Collapses whitespace, drops a trailing ellipsis and lower-cases a label. */
export function normalizeLabel(label) {
  if (typeof label !== "string") return "";
  return label
    .replace(/[\s\u00a0\u200b-\u200d\ufeff]+/g, " ")
    .trim()
    .replace(/(\u2026|\.\.\.)$/u, "")
    .trim()
    .toLowerCase();
}

/**
 * True when `label` matches `list` (`{ exact, prefix, suffix, contains }`).
 * Prefix/suffix entries keep their inner spaces meaningful ("Comment as ").
 */
export function matchesLabel(label, list) {
  if (!list) return false;
  const text = normalizeLabel(label);
  if (!text) return false;
  const norm = (s) => s.replace(/\s+/g, " ").toLowerCase();
  if ((list.exact ?? []).some((e) => normalizeLabel(e) === text)) return true;
  if ((list.prefix ?? []).some((p) => text.startsWith(norm(p).trimStart()) && text.length >= norm(p).trim().length)) return true;
  if ((list.suffix ?? []).some((s) => text.endsWith(norm(s).trimEnd()))) return true;
  if ((list.contains ?? []).some((c) => text.includes(norm(c)))) return true;
  return false;
}

/**
 * The part of `label` left after removing a matching prefix or suffix from
 * `patterns` (`{ prefix, suffix }`), in its original case; null when none matches.
 * Used to read "Comment as Ministry X" → "Ministry X".
 */
export function stripAffix(label, patterns) {
  if (typeof label !== "string") return null;
  const clean = label.replace(/[\s\u00a0]+/g, " ").trim().replace(/(\u2026|\.\.\.)$/u, "").trim();
  const lower = clean.toLowerCase();
  for (const prefix of patterns.prefix ?? []) {
    const p = prefix.toLowerCase();
    if (lower.startsWith(p) && clean.length > p.length) return clean.slice(p.length).trim();
  }
  for (const suffix of patterns.suffix ?? []) {
    const s = suffix.toLowerCase();
    if (lower.endsWith(s) && clean.length > s.length) return clean.slice(0, clean.length - s.length).trim();
  }
  return null;
}
