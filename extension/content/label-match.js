/**
 * Matching visible labels against the label lists in site-adapters.js.
 * Pure functions; no DOM.
 *
 * Labels are compared as Facebook writes them: both sides are NFC-normalised
 * (so য় written as U+09DF and as য + nukta compare equal, as do ড় and ঢ়),
 * zero-width characters are removed (Business Suite puts U+200B inside
 * accessible names), whitespace is collapsed, a trailing ellipsis is dropped
 * and case is ignored.
 */

/** Zero-width and invisible formatting characters removed from labels. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]/g;

/** NFC, without zero-width characters, whitespace collapsed to single spaces (not trimmed). */
function canonical(label) {
  return label.normalize("NFC").replace(INVISIBLE, "").replace(/[\s\u00a0]+/g, " ");
}

/** NFC-normalises, strips zero-width characters, collapses spaces, drops a trailing ellipsis and lower-cases a label. */
export function normalizeLabel(label) {
  if (typeof label !== "string") return "";
  return canonical(label)
    .trim()
    .replace(/(\u2026|\.\.\.)$/u, "")
    .trim()
    .toLowerCase();
}

/** An affix keeps its meaningful inner and outer spaces ("Comment as "); only its form is canonicalised. */
function normalizeAffix(affix) {
  return typeof affix === "string" ? canonical(affix).toLowerCase() : "";
}

/** Normalised copies of label lists, rebuilt when a list changes (site adapter overrides replace the arrays' contents). */
const compiled = new WeakMap();

const PARTS = ["exact", "prefix", "suffix", "contains"];

/** The list's arrays and their lengths: a list is recompiled when an array is replaced or grows. */
function signature(list) {
  return PARTS.map((k) => [list[k], list[k]?.length ?? 0]);
}

function sameSignature(a, b) {
  return a.every(([arr, len], i) => arr === b[i][0] && len === b[i][1]);
}

function compile(list) {
  const sig = signature(list);
  const cached = compiled.get(list);
  if (cached && sameSignature(cached.sig, sig)) return cached;
  const entry = {
    sig,
    exact: new Set((list.exact ?? []).map(normalizeLabel).filter(Boolean)),
    prefix: (list.prefix ?? []).map((p) => normalizeAffix(p).trimStart()).filter((p) => p.trim()),
    suffix: (list.suffix ?? []).map((s) => normalizeAffix(s).trimEnd()).filter((s) => s.trim()),
    contains: (list.contains ?? []).map(normalizeAffix).filter((c) => c.trim()),
  };
  compiled.set(list, entry);
  return entry;
}

/**
 * True when `label` matches `list` (`{ exact, prefix, suffix, contains }`).
 * Prefix/suffix entries keep their inner spaces meaningful ("Comment as ").
 */
export function matchesLabel(label, list) {
  if (!list) return false;
  const text = normalizeLabel(label);
  if (!text) return false;
  const c = compile(list);
  if (c.exact.has(text)) return true;
  if (c.prefix.some((p) => text.startsWith(p) && text.length >= p.trim().length)) return true;
  if (c.suffix.some((s) => text.endsWith(s))) return true;
  if (c.contains.some((x) => text.includes(x))) return true;
  return false;
}

/**
 * The part of `label` left after removing a matching prefix or suffix from
 * `patterns` (`{ prefix, suffix }`), in its original case (NFC, without
 * zero-width characters); null when none matches.
 * Used to read "Comment as Ministry X" → "Ministry X".
 */
export function stripAffix(label, patterns) {
  if (typeof label !== "string") return null;
  const clean = canonical(label).trim().replace(/(\u2026|\.\.\.)$/u, "").trim();
  const lower = clean.toLowerCase();
  for (const prefix of patterns.prefix ?? []) {
    const p = normalizeAffix(prefix);
    if (p && lower.startsWith(p) && clean.length > p.length) return clean.slice(p.length).trim();
  }
  for (const suffix of patterns.suffix ?? []) {
    const s = normalizeAffix(suffix);
    if (s && lower.endsWith(s) && clean.length > s.length) return clean.slice(0, clean.length - s.length).trim();
  }
  return null;
}
