/** Pure list operations for the official pages setting (URLs, ids or names). */

const MAX_ENTRY_LENGTH = 300;

/** Trims an entry; returns null when nothing usable is left. */
export function normalizePageEntry(input) {
  const entry = String(input ?? "").trim().slice(0, MAX_ENTRY_LENGTH);
  return entry === "" ? null : entry;
}

/**
 * Adds an entry unless it is empty or already present (case-insensitive).
 * @returns {{ list: string[], error: null | "empty" | "duplicate" }}
 */
export function addOfficialPage(list, input) {
  const entry = normalizePageEntry(input);
  if (entry === null) return { list, error: "empty" };
  const lower = entry.toLowerCase();
  if (list.some((existing) => existing.toLowerCase() === lower)) return { list, error: "duplicate" };
  return { list: [...list, entry], error: null };
}

/** Returns the list without `entry`. */
export function removeOfficialPage(list, entry) {
  return list.filter((existing) => existing !== entry);
}
