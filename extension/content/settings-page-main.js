/**
 * Content script of Facebook's settings (manifest: the settings paths and
 * accountscenter.facebook.com): the password strength meter and the notice
 * on a page's access settings when fewer than 3 or more than 5 people have
 * full control. A separate bundle, so the estimator and its dictionary are
 * loaded only there.
 */
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import graphs from "sotorko-keyboard-graphs";
import passwords from "sotorko-password-words";
import { DEFAULTS, loadEffectiveSettings, onEffectiveSettingsChanged } from "../shared/settings.js";
import { resolveUiLanguage, browserUiLanguage } from "../shared/i18n.js";
import { ensureUiHost } from "./ui-host.js";
import { createEstimator, minScoreOf } from "./password-strength.js";
import { installPasswordMeter } from "./password-meter.js";
import { installAdminsNotice } from "./admins-notice.js";
import { showNotice } from "./notice.js";
import { t } from "./strings.js";
import { formatCount } from "./finding-view.js";

let settings = { ...DEFAULTS };
const lang = () => resolveUiLanguage(settings.uiLanguage, browserUiLanguage());
const uiRoot = () => {
  const { host, root } = ensureUiHost(document);
  host.setAttribute("data-sotorko-meter-host", "");
  return root;
};
const estimate = createEstimator({ zxcvbn, zxcvbnOptions }, { passwords, graphs });

const meter = installPasswordMeter(document, {
  estimate,
  getRoot: uiRoot,
  lang,
  minScore: () => minScoreOf(settings.minPasswordScore),
  isEnabled: () => settings.enabled !== false,
});

const startAdminsNotice = () =>
  installAdminsNotice(document, {
    isEnabled: () => settings.enabled !== false,
    notify: (count) => showNotice({ root: uiRoot(), doc: document, lang: lang(), text: t(lang(), "contentAdminsOutOfRange", { count: formatCount(count, lang()) }), timeoutMs: 30_000 }),
  });

const apply = (s) => {
  settings = s.values;
  meter.refresh();
};
// The admins notice starts once the settings are read (its language and whether Sotorko is on).
loadEffectiveSettings({ waitForPolicyMs: 300 }).then(apply, () => {}).finally(startAdminsNotice);
onEffectiveSettingsChanged(apply);
