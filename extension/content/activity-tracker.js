/**
 * Turns what the post guard sees into activity-log events (one entry per
 * post attempt; extension/shared/activity-log.js). Never the post text: the
 * text is only compared in memory, to notice the same send twice.
 *
 * How an attempt ends (the rule, also in docs/review.md):
 * - a send that goes through without a hold → `posted`;
 * - a hold → an entry `held-cancelled` is written at once (so a closed tab or
 *   a crash still counts it); when that same draft (the same composer) is
 *   then posted within HELD_PENDING_MS, the entry becomes `held-posted`
 *   ("Post anyway") or `held-edited` (posted after "Edit post", with
 *   changed text that went through or was posted anyway after a new hold is
 *   still `held-posted`). Closing the composer, leaving the page or not
 *   posting within that time leaves it `held-cancelled`.
 * - "Not a problem here" reports join the draft's entry: at once when the
 *   draft has one (it was held), else with the entry of its next post.
 */
import { HELD_PENDING_MS } from "../shared/activity-log.js";

/** Two sends of the same text from one composer within this time are one post. */
export const SAME_SEND_MS = 3000;

const uniq = (xs) => [...new Set(xs)];

export class ActivityTracker {
  /**
   * `send(event)` hands an event to the background (returns a promise);
   * `describe(composer)` → `{ context, page: { id, name } | null, surface }`;
   * `now()` in ms; `newId()` a unique id.
   */
  constructor({ send, describe, now = () => Date.now(), newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}` }) {
    this.send = send;
    this.describe = describe;
    this.now = now;
    this.newId = newId;
    /** composer id → { entryId, heldAt, postedAnyway, falseAlarms: [], lastSend: { text, at } } */
    this.drafts = new Map();
  }

  draftOf(composer) {
    let draft = this.drafts.get(composer.id);
    if (!draft) {
      draft = { entryId: null, heldAt: 0, postedAnyway: false, falseAlarms: [], lastSend: null };
      this.drafts.set(composer.id, draft);
    }
    // A hold that was not posted in time stays cancelled; what follows is a new attempt.
    if (draft.entryId && this.now() - draft.heldAt > HELD_PENDING_MS) {
      draft.entryId = null;
      draft.postedAnyway = false;
    }
    return draft;
  }

  emit(event) {
    Promise.resolve()
      .then(() => this.send(event))
      .catch((e) => console.warn("Sotorko: could not record the activity", e));
  }

  add(composer, draft, outcome, findings, reason = "") {
    const where = this.describe(composer);
    const id = this.newId();
    this.emit({
      op: "add",
      entry: {
        id,
        context: where.context,
        page: where.page ?? null,
        surface: where.surface,
        outcome,
        categories: uniq(findings.map((f) => f.category)),
        rules: uniq(findings.map((f) => f.rule)),
        reason,
        falseAlarms: draft.falseAlarms,
      },
    });
    draft.falseAlarms = [];
    return id;
  }

  /** The post guard held a send of `composer` with these findings. */
  held(composer, findings) {
    const draft = this.draftOf(composer);
    if (draft.entryId) {
      // Held again (after an edit): the same attempt.
      this.emit({ op: "update", id: draft.entryId, categories: findings.map((f) => f.category), rules: findings.map((f) => f.rule) });
      return;
    }
    draft.entryId = this.add(composer, draft, "held-cancelled", findings);
    draft.heldAt = this.now();
    draft.postedAnyway = false;
  }

  /** "Post anyway" with `reason`: the held attempt goes out as it is. */
  postedAnyway(composer, findings, reason = "") {
    const draft = this.draftOf(composer);
    if (!draft.entryId) {
      draft.entryId = this.add(composer, draft, "held-posted", findings, reason);
      draft.heldAt = this.now();
    } else {
      this.emit({ op: "update", id: draft.entryId, outcome: "held-posted", reason, categories: findings.map((f) => f.category), rules: findings.map((f) => f.rule), touch: true });
    }
    draft.postedAnyway = true;
  }

  /**
   * A send of `composer` went through (text `text`, `findings` of its last
   * check, if any): ends the attempt.
   */
  sent(composer, text, findings = []) {
    const draft = this.draftOf(composer);
    const at = this.now();
    if (draft.lastSend && draft.lastSend.text === text && at - draft.lastSend.at < SAME_SEND_MS) return;
    draft.lastSend = { text, at };
    if (draft.entryId) {
      if (!draft.postedAnyway) {
        this.emit({ op: "update", id: draft.entryId, outcome: "held-edited", touch: true });
      }
      draft.entryId = null;
      draft.postedAnyway = false;
      return;
    }
    this.add(composer, draft, "posted", findings);
  }

  /** "Not a problem here" on a finding of `composer`: the rule and the matched term only. */
  falseAlarm(composer, { rule, term }) {
    const draft = this.draftOf(composer);
    const report = { rule: String(rule), term: String(term ?? "").slice(0, 100) };
    if (draft.entryId) {
      this.emit({ op: "update", id: draft.entryId, falseAlarms: [report] });
      return;
    }
    if (!draft.falseAlarms.some((f) => f.rule === report.rule && f.term === report.term)) draft.falseAlarms.push(report);
  }

  /** The composer was closed (not handed to a later step): a held attempt stays cancelled. */
  discard(composer) {
    this.drafts.delete(composer.id);
  }
}
