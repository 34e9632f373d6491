/**
 * The content script's visible strings: the `content*` keys of
 * _locales/{bn,en}/messages.json, looked up in the UI language chosen by the
 * `uiLanguage` setting (which may differ from the browser's, so
 * `i18n.getMessage` cannot be used). Named parameters fill the entries'
 * placeholders: t("bn", "contentClause", { clause: "২০১৯ ১০-গ" }).
 */
import { CATALOGS, createTranslator, resolveUiLanguage } from "../shared/i18n.js";

const translators = new Map();

/** The UI language: the `uiLanguage` setting, or the browser's language when "auto". */
export function resolveLanguage(setting, browserLanguage) {
  return resolveUiLanguage(setting, browserLanguage);
}

/** Substitutions in placeholder order ($1, $2, …) from named `params`. */
function substitutionsFor(entry, params) {
  const subs = [];
  for (const [name, def] of Object.entries(entry?.placeholders ?? {})) {
    const index = Number(/^\$(\d)$/.exec(def.content ?? "")?.[1]);
    if (index >= 1) subs[index - 1] = params[name] ?? params[name.toLowerCase()] ?? "";
  }
  return subs;
}

/** The string `key` in `lang` ("bn" | "en"), with placeholders filled from `params`. */
export function t(lang, key, params = {}) {
  const language = lang === "bn" ? "bn" : "en";
  let translate = translators.get(language);
  if (!translate) {
    translate = createTranslator(language);
    translators.set(language, translate);
  }
  const entry = CATALOGS[language]?.[key] ?? CATALOGS.en?.[key];
  return translate(key, substitutionsFor(entry, params));
}

/** Every content-script key, for tests. */
export const STRING_KEYS = Object.freeze(Object.keys(CATALOGS.en).filter((k) => k.startsWith("content")));

/** The content-script strings per language (read-only), for tests. */
export const STRING_TABLES = Object.freeze({
  en: Object.fromEntries(STRING_KEYS.map((k) => [k, CATALOGS.en[k].message])),
  bn: Object.fromEntries(STRING_KEYS.map((k) => [k, CATALOGS.bn?.[k]?.message])),
});
