/**
 * Routes runtime messages to the engine host. Answers through
 * `sendResponse` and returns `true` to keep the channel open, which works
 * the same in Chromium and Firefox. Unknown messages are left for others.
 */
import { MSG_CHECK, MSG_RECORD_ACTIVITY, MSG_SAVE_SETTING, MSG_SETTINGS, MSG_STATUS } from "../shared/messages.js";
import { sanitizeActivityEvent } from "../shared/activity-log.js";

/**
 * The `runtime.onMessage` listener for `host`; ignores senders from other
 * extensions. `activityLog` (`{ record(event) }`, the activity log's single
 * writer) receives the post attempts content scripts report. `settings`
 * (`{ load({ waitForPolicyMs, fresh }), save(key, value) }`) answers the
 * settings requests of pages and content scripts; only the extension's own
 * pages (URLs under `extensionOrigin`) may save.
 */
export function createMessageRouter(host, extensionId, activityLog = null, settings = null, extensionOrigin = null) {
  return (message, sender, sendResponse) => {
    if (extensionId && sender?.id && sender.id !== extensionId) return false;
    let answer;
    switch (message?.type) {
      case MSG_SETTINGS: {
        if (!settings) return false;
        const wait = Number.isFinite(message.waitForPolicyMs) ? message.waitForPolicyMs : Infinity;
        answer = settings
          .load({ waitForPolicyMs: wait, fresh: message.fresh === true })
          .then((resolved) => ({ ok: true, settings: resolved }));
        break;
      }
      case MSG_SAVE_SETTING: {
        if (!settings) return false;
        const fromPage = !extensionOrigin || String(sender?.url ?? "").startsWith(extensionOrigin);
        answer = fromPage
          ? settings.save(message.key, message.value).then(
              () => ({ ok: true }),
              (error) => ({ ok: false, error: error?.localized ?? { en: String(error?.message ?? error), bn: String(error?.message ?? error) } }),
            )
          : Promise.resolve({ ok: false, error: { en: "only the options page can save settings", bn: "কেবল অপশন পৃষ্ঠা থেকে সেটিংস সংরক্ষণ করা যায়" } });
        break;
      }
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
