/** Pure helpers for showing and exporting the override log. */

/** The newest `limit` entries, newest first. */
export function newestFirst(log, limit) {
  return [...log].reverse().slice(0, limit);
}

/** The export file name for a given date, e.g. `sotorko-override-log-2026-11-28.json`. */
export function exportFileName(date) {
  return `sotorko-override-log-${date.toISOString().slice(0, 10)}.json`;
}

/** The export document: what it is, when it was made, and the entries oldest first. */
export function exportDocument(log, date, extensionVersion) {
  return JSON.stringify(
    { kind: "sotorko-override-log", exportedAt: date.toISOString(), extensionVersion, entries: log },
    null,
    2,
  );
}
