/**
 * UI language and translation lookup.
 *
 * `browser.i18n.getMessage` only follows the browser's locale, but the
 * official (or policy) may choose a different UI language. So both locale
 * catalogs are bundled into each script at build time (esbuild JSON import)
 * and looked up here; this works in content scripts too, which cannot fetch
 * extension files that are not web-accessible.
 */
import en from "../_locales/en/messages.json" with { type: "json" };
import bn from "../_locales/bn/messages.json" with { type: "json" };

/** The UI languages Sotorko ships. */
export const UI_LANGUAGES = Object.freeze(["bn", "en"]);

/** The bundled catalogs, keyed by language. */
export const CATALOGS = Object.freeze({ en, bn });

/**
 * The UI language to use: the setting when it is "bn" or "en"; with "auto"
 * (or anything else) Bangla when the browser's UI language is Bangla, else English.
 */
export function resolveUiLanguage(setting, browserLanguage) {
  if (UI_LANGUAGES.includes(setting)) return setting;
  const primary = String(browserLanguage ?? "").toLowerCase().split(/[-_]/)[0];
  return primary === "bn" ? "bn" : "en";
}

/** The browser's UI language, or "" when it cannot be read. */
export function browserUiLanguage() {
  const api = globalThis.browser ?? globalThis.chrome;
  try {
    const lang = api?.i18n?.getUILanguage?.();
    if (lang) return lang;
  } catch {
    // fall through to navigator
  }
  return globalThis.navigator?.language ?? "";
}

/**
 * Formats a catalog entry the way `i18n.getMessage` does: named
 * `$placeholder$`s expand to their `content`, `$1`…`$9` take the
 * substitutions, and `$$` is a literal dollar.
 */
export function formatMessage(entry, substitutions = []) {
  const subs = Array.isArray(substitutions) ? substitutions : [substitutions];
  const placeholders = entry.placeholders ?? {};
  const named = {};
  for (const [name, def] of Object.entries(placeholders)) named[name.toLowerCase()] = def.content ?? "";
  const expanded = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name) =>
    Object.hasOwn(named, name.toLowerCase()) ? named[name.toLowerCase()] : whole,
  );
  return expanded.replace(/\$(\$|[1-9])/g, (whole, what) => {
    if (what === "$") return "$";
    const value = subs[Number(what) - 1];
    return value === undefined ? "" : String(value);
  });
}

/**
 * A translator for `lang`: `t(key, substitutions?)` returns the message in
 * that language, else in English, else the key itself (so a missing string
 * is visible, not blank).
 */
export function createTranslator(lang, catalogs = CATALOGS) {
  const primary = catalogs[lang] ?? catalogs.en ?? {};
  const fallback = catalogs.en ?? {};
  const t = (key, substitutions) => {
    const entry = primary[key] ?? fallback[key];
    return entry ? formatMessage(entry, substitutions) : key;
  };
  t.lang = UI_LANGUAGES.includes(lang) ? lang : "en";
  return t;
}

/** A translator for the effective `uiLanguage` setting in this browser. */
export function translatorFor(uiLanguageSetting) {
  return createTranslator(resolveUiLanguage(uiLanguageSetting, browserUiLanguage()));
}
