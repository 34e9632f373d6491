/**
 * Routes runtime messages to the engine host. Answers through
 * `sendResponse` and returns `true` to keep the channel open, which works
 * the same in Chromium and Firefox. Unknown messages are left for others.
 */
import { MSG_CHECK, MSG_STATUS } from "../shared/messages.js";

/** The `runtime.onMessage` listener for `host`; ignores senders from other extensions. */
export function createMessageRouter(host, extensionId) {
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
      default:
        return false;
    }
    answer.then(sendResponse, (error) => sendResponse({ ok: false, error: String(error) }));
    return true;
  };
}
