/**
 * Official or personal: which context a composer posts in, and why.
 *
 * Order: the popup's per-tab toggle; Business Suite; a page listed in
 * `officialPages` (matched against the URL path, the `id` query parameter,
 * and names shown around the composer); `officialByDefault`; else personal.
 */
import { HOSTS, PAGE_IDENTITY, IDENTITY_FROM_LABEL } from "./site-adapters.js";
import { stripAffix } from "./label-match.js";

/** Lower-cases, collapses spaces and strips a facebook.com URL down to its path/id, for comparing page references. */
export function normalizePageRef(ref) {
  if (typeof ref !== "string") return "";
  let s = ref.trim();
  const url = /^(?:https?:\/\/)?(?:[a-z]+\.)?facebook\.com\/(.*)$/i.exec(s);
  if (url) {
    s = url[1];
    const id = /(?:^|[?&])id=(\d+)/.exec(s);
    if (/^profile\.php/i.test(s) && id) return id[1];
    s = s.replace(/[?#].*$/, "");
    const parts = s.split("/").filter(Boolean);
    if (parts[0] === "pages" && parts.length >= 2) {
      // facebook.com/pages/Name/12345 → the id when present
      return /^\d+$/.test(parts[parts.length - 1]) ? parts[parts.length - 1] : parts[1].toLowerCase();
    }
    s = parts[0] ?? "";
  }
  return s.replace(/\s+/g, " ").trim().toLowerCase().replace(/^@/, "");
}

/**
 * The references a page location offers: its first path segment (the page's
 * vanity name), `/pages/Name/id`, and `profile.php?id=`. Pure; `location` is
 * `{ pathname, search }`.
 */
export function locationRefs(location) {
  const refs = [];
  const parts = String(location.pathname ?? "").split("/").filter(Boolean);
  if (parts[0] === "pages" && parts.length >= 2) {
    refs.push(parts[1].toLowerCase());
    if (parts.length >= 3 && /^\d+$/.test(parts[2])) refs.push(parts[2]);
  } else if (parts[0] && !PAGE_IDENTITY.nonPagePaths.includes(parts[0].toLowerCase())) {
    refs.push(decodeURIComponent(parts[0]).toLowerCase());
  }
  const params = new URLSearchParams(String(location.search ?? ""));
  for (const key of PAGE_IDENTITY.idQueryParameters) {
    const v = params.get(key);
    if (v && /^\d+$/.test(v)) refs.push(v);
  }
  return refs;
}

/** The first official page entry matching one of `candidates` (already normalised), or null. */
export function matchOfficialPage(officialPages, candidates) {
  const wanted = new Set(candidates.map((c) => normalizePageRef(c)).filter(Boolean));
  for (const entry of officialPages ?? []) {
    const ref = normalizePageRef(entry);
    if (ref && wanted.has(ref)) return entry;
  }
  return null;
}

/**
 * Decides the context. Pure.
 * `input`: `{ toggle: "official"|"personal"|null, hostname, officialPages, officialByDefault, candidates }`.
 * Returns `{ context, source, page }` (`source` per docs/architecture.md).
 */
export function decideContext({ toggle, hostname, officialPages, officialByDefault, candidates }) {
  if (toggle === "official" || toggle === "personal") return { context: toggle, source: "toggle", page: null };
  if (HOSTS.business.includes(String(hostname).toLowerCase())) {
    return { context: "official", source: "business-suite", page: null };
  }
  const page = matchOfficialPage(officialPages, candidates ?? []);
  if (page) return { context: "official", source: "official-page", page };
  return { context: officialByDefault ? "official" : "personal", source: "default", page: null };
}

/** Names and ids around a composer that may identify the page it posts as or to (DOM). */
export function identityCandidates(composerEl, doc = document, location = doc.location) {
  const out = [...locationRefs(location)];
  const label = composerEl.getAttribute?.("aria-label") ?? composerEl.getAttribute?.("aria-placeholder");
  const fromLabel = stripAffix(label ?? "", IDENTITY_FROM_LABEL);
  if (fromLabel) out.push(fromLabel);
  const placeholder = composerEl.getAttribute?.("aria-placeholder") ?? composerEl.getAttribute?.("placeholder");
  const fromPlaceholder = stripAffix(placeholder ?? "", IDENTITY_FROM_LABEL);
  if (fromPlaceholder) out.push(fromPlaceholder);
  // "Post to {Page}" near the composer, the author row of its dialog, the page header.
  const scope = composerEl.closest?.('[role="dialog"], form') ?? null;
  const nodes = [];
  if (scope) nodes.push(...scope.querySelectorAll(PAGE_IDENTITY.authorSelector));
  nodes.push(...doc.querySelectorAll(PAGE_IDENTITY.pageHeaderSelector));
  for (const node of nodes.slice(0, 40)) {
    const text = (node.getAttribute("aria-label") || node.textContent || "").trim();
    if (!text || text.length > 120) continue;
    const target = stripAffix(text, PAGE_IDENTITY.postToLabels);
    out.push(target ?? text);
  }
  if (scope) {
    for (const node of scope.querySelectorAll("[aria-label]")) {
      const target = stripAffix(node.getAttribute("aria-label"), PAGE_IDENTITY.postToLabels);
      if (target) out.push(target);
    }
  }
  return out;
}
