/**
 * Content script of Facebook's account settings (manifest: the settings
 * paths and accountscenter.facebook.com): the password strength meter. A
 * separate bundle, so the estimator and its dictionary are loaded only there.
 */
import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import { adjacencyGraphs } from "@zxcvbn-ts/language-common";
import passwords from "sotorko-password-words";
import { DEFAULTS, loadEffectiveSettings, onEffectiveSettingsChanged } from "../shared/settings.js";
import { resolveUiLanguage, browserUiLanguage } from "../shared/i18n.js";
import { ensureUiHost } from "./ui-host.js";
import { createEstimator, minScoreOf } from "./password-strength.js";
import { installPasswordMeter } from "./password-meter.js";

let settings = { ...DEFAULTS };
const estimate = createEstimator({ zxcvbn, zxcvbnOptions }, { passwords, graphs: adjacencyGraphs });

const meter = installPasswordMeter(document, {
  estimate,
  getRoot: () => {
    const { host, root } = ensureUiHost(document);
    host.setAttribute("data-sotorko-meter-host", "");
    return root;
  },
  lang: () => resolveUiLanguage(settings.uiLanguage, browserUiLanguage()),
  minScore: () => minScoreOf(settings.minPasswordScore),
  isEnabled: () => settings.enabled !== false,
});

const apply = (s) => {
  settings = s.values;
  meter.refresh();
};
loadEffectiveSettings({ waitForPolicyMs: 300 }).then(apply, () => {});
onEffectiveSettingsChanged(apply);
