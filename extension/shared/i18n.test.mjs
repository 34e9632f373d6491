import test from "node:test";
import assert from "node:assert/strict";
import { resolveUiLanguage, createTranslator, formatMessage, CATALOGS, translatorFor } from "./i18n.js";

test("an explicit setting wins over the browser language", () => {
  assert.equal(resolveUiLanguage("bn", "en-US"), "bn");
  assert.equal(resolveUiLanguage("en", "bn-BD"), "en");
});

test("auto follows the browser: Bangla for any bn locale, English otherwise", () => {
  assert.equal(resolveUiLanguage("auto", "bn"), "bn");
  assert.equal(resolveUiLanguage("auto", "bn-BD"), "bn");
  assert.equal(resolveUiLanguage("auto", "bn_IN"), "bn");
  assert.equal(resolveUiLanguage("auto", "en-GB"), "en");
  assert.equal(resolveUiLanguage("auto", "fr"), "en");
  assert.equal(resolveUiLanguage("auto", ""), "en");
  assert.equal(resolveUiLanguage(undefined, undefined), "en");
  assert.equal(resolveUiLanguage("de", "bn"), "bn", "an unknown setting behaves as auto");
});

test("translatorFor honours the setting even when the browser language differs", () => {
  globalThis.browser = { i18n: { getUILanguage: () => "en-US" } };
  try {
    assert.equal(translatorFor("bn").lang, "bn");
    assert.equal(translatorFor("bn")("contextOfficial"), CATALOGS.bn.contextOfficial.message);
    assert.equal(translatorFor("auto").lang, "en");
    globalThis.browser = { i18n: { getUILanguage: () => "bn" } };
    assert.equal(translatorFor("auto").lang, "bn");
    assert.equal(translatorFor("en").lang, "en");
  } finally {
    delete globalThis.browser;
  }
});

test("formatMessage expands named placeholders, $n substitutions and $$", () => {
  const entry = {
    message: "Now: $CONTEXT$ ($Source$) costs $$5, $1",
    placeholders: { context: { content: "$1" }, source: { content: "$2" } },
  };
  assert.equal(formatMessage(entry, ["Official", "a page"]), "Now: Official (a page) costs $5, Official");
  assert.equal(formatMessage({ message: "Remove $1" }, "x"), "Remove x");
  assert.equal(formatMessage({ message: "missing $2" }, ["a"]), "missing ");
});

test("lookup falls back to English, then to the key", () => {
  const t = createTranslator("bn", { en: { a: { message: "A" }, b: { message: "B" } }, bn: { a: { message: "অ" } } });
  assert.equal(t("a"), "অ");
  assert.equal(t("b"), "B");
  assert.equal(t("nope"), "nope");
});

test("the bn and en catalogs have the same keys, non-empty messages and matching placeholders", () => {
  const enKeys = Object.keys(CATALOGS.en).sort();
  const bnKeys = Object.keys(CATALOGS.bn).sort();
  assert.deepEqual(bnKeys.filter((k) => !enKeys.includes(k)), [], "keys only in bn");
  assert.deepEqual(enKeys.filter((k) => !bnKeys.includes(k)), [], "keys only in en");
  const subs = (m) => [...m.matchAll(/\$([1-9]|[A-Za-z_]+\$)/g)].map((x) => x[1].toLowerCase()).sort();
  for (const key of enKeys) {
    const en = CATALOGS.en[key];
    const bn = CATALOGS.bn[key];
    assert.ok(en.message.trim() && bn.message.trim(), `empty message ${key}`);
    assert.deepEqual(subs(bn.message), subs(en.message), `placeholders differ in ${key}`);
    assert.match(key, /^[A-Za-z0-9_@]+$/, `key ${key} is not a valid message name`);
  }
});

test("the manifest's name and description fit the store limits", () => {
  for (const lang of ["en", "bn"]) {
    assert.ok([...CATALOGS[lang].extName.message].length <= 75, `${lang} name too long`);
    assert.ok([...CATALOGS[lang].extDescription.message].length <= 132, `${lang} description too long`);
    assert.ok([...CATALOGS[lang].extShortName.message].length <= 12, `${lang} short name too long`);
  }
});
