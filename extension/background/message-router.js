/**
 * Routes runtime messages to the engine host. Answers through
 * `sendResponse` and returns `true` to keep the channel open, which works
 * the same in Chromium and Firefox. Unknown messages are left for others.
 */
import { MSG_CHECK, MSG_RECORD_ACTIVITY, MSG_STATUS } from "../shared/messages.js";
import { sanitizeActivityEvent } from "../shared/activity-log.js";

/**
 * The `runtime.onMessage` listener for `host`; ignores senders from other
 * extensions. `activityLog` (`{ record(event) }`, the activity log's single
 * writer) receives the post attempts content scripts report.
 */
export function createMessageRouter(host, extensionId, activityLog = null) {
  return (message, sender, sendResponse) => {
    if (extensionId && sender?.id && sender.id !== extensionId) return false;
    let answer;
    switch (message?.type) {
      case MSG_CHECK:
        answer = host.check(message.text, message.context);
        break;
      case MSG_STATUS:
        answer = host.status();
        break;
      case MSG_RECORD_ACTIVITY: {
        if (!activityLog) return false;
        const event = sanitizeActivityEvent(message.event);
        answer = event
          ? activityLog.record(event).then(() => ({ ok: true }))
          : Promise.resolve({ ok: false, error: "not an activity event" });
        break;
      }
      default:
        return false;
    }
    answer.then(sendResponse, (error) => sendResponse({ ok: false, error: String(error) }));
    return true;
  };
}
