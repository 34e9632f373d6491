/**
 * Routes runtime messages to the engine host. Answers through
 * `sendResponse` and returns `true` to keep the channel open, which works
 * the same in Chromium and Firefox. Unknown messages are left for others.
 */
import { MSG_CHECK, MSG_RECORD_OVERRIDE, MSG_STATUS } from "../shared/messages.js";
import { sanitizeDecision } from "../shared/override-log.js";

/**
 * The `runtime.onMessage` listener for `host`; ignores senders from other
 * extensions. `overrideLog` (`{ append(decision) }`, the log's single
 * writer) receives the "Post anyway" decisions.
 */
export function createMessageRouter(host, extensionId, overrideLog = null) {
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
      case MSG_RECORD_OVERRIDE: {
        const decision = sanitizeDecision(message.decision);
        if (!overrideLog) return false;
        answer = decision
          ? overrideLog.append(decision).then(() => ({ ok: true }))
          : Promise.resolve({ ok: false, error: "not an override decision" });
        break;
      }
      default:
        return false;
    }
    answer.then(sendResponse, (error) => sendResponse({ ok: false, error: String(error) }));
    return true;
  };
}
