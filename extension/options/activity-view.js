/** Small helpers for showing and exporting the activity log on extension pages. */

/** The newest `limit` entries, newest first. */
export function newestFirst(log, limit) {
  return [...log].reverse().slice(0, limit);
}

const OUTCOME_KEYS = {
  posted: "outcomePosted",
  "held-edited": "outcomeHeldEdited",
  "held-posted": "outcomeHeldPosted",
  "held-cancelled": "outcomeHeldCancelled",
};

const SURFACE_KEYS = { post: "surfacePost", comment: "surfaceComment", reply: "surfaceReply", business: "surfaceBusiness" };

/** The message key naming an outcome. */
export function outcomeKey(outcome) {
  return OUTCOME_KEYS[outcome] ?? "outcomePosted";
}

/** The message key naming a surface. */
export function surfaceKey(surface) {
  return SURFACE_KEYS[surface] ?? "surfacePost";
}

/** Offers `text` as a file download named `name` (DOM; a temporary object URL). */
export function downloadText(text, type, name, doc = document) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = name;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
