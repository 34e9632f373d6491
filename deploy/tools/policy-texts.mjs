import { readFileSync } from "node:fs";

/**
 * How each policy key appears in Group Policy (ADMX element kind) and its
 * display name and explanation in English and Bangla, keyed by policy key:
 * `{ kind, en: { title, explain }, bn: { title, explain }, choices? }`.
 *
 * Read from deploy/tools/contract.json, which `sotorko contract emit`
 * generates from the settings contract in crate/src/settings/ (the texts
 * live in crate/src/settings/texts.rs, the limits in spec.rs).
 *
 * kinds: bool (Enabled = true, Disabled = false), enum (drop-down of
 * `choices`), list (a list box; browsers read the numbered values of a
 * subkey as a list), json (a text box holding JSON; browsers parse a REG_SZ
 * as JSON for object-typed keys), text (a text box, REG_SZ).
 */
export const POLICY_TEXTS = Object.fromEntries(
  JSON.parse(readFileSync(new URL("./contract.json", import.meta.url), "utf8")).keys.map((k) => [
    k.name,
    { kind: k.kind, en: k.en, bn: k.bn, ...(k.choices.length ? { choices: k.choices } : {}) },
  ]),
);

/** The browsers the Windows templates cover, with their policy registry roots. */
export const WINDOWS_BROWSERS = [
  {
    id: "chrome",
    root: "Software\\Policies\\Google\\Chrome",
    en: { name: "Google Chrome", supported: "Google Chrome with Sotorko installed" },
    bn: { name: "গুগল ক্রোম", supported: "সতর্ক ইনস্টল করা গুগল ক্রোম" },
  },
  {
    id: "edge",
    root: "Software\\Policies\\Microsoft\\Edge",
    en: { name: "Microsoft Edge", supported: "Microsoft Edge with Sotorko installed" },
    bn: { name: "মাইক্রোসফট এজ", supported: "সতর্ক ইনস্টল করা মাইক্রোসফট এজ" },
  },
];

/** Firefox's policy root; 3rdparty extension policy lives under `3rdparty\\Extensions\\<id>`. */
export const FIREFOX = {
  id: "firefox",
  root: "Software\\Policies\\Mozilla\\Firefox",
  en: { name: "Mozilla Firefox", supported: "Mozilla Firefox (ESR 128 or later) with Sotorko installed" },
  bn: { name: "মজিলা ফায়ারফক্স", supported: "সতর্ক ইনস্টল করা মজিলা ফায়ারফক্স (ESR 128 বা পরবর্তী)" },
};

/** Texts that are not per key. */
export const TEMPLATE_TEXTS = {
  en: {
    displayName: "Sotorko policy templates",
    description: "Settings for the Sotorko extension in Google Chrome and Microsoft Edge.",
    category: "Sotorko (guideline check for government social media)",
    firefoxDisplayName: "Sotorko policy templates for Firefox",
    firefoxDescription: "Settings for the Sotorko extension in Mozilla Firefox (3rdparty extension policy).",
  },
  bn: {
    displayName: "সতর্ক পলিসি টেমপ্লেট",
    description: "গুগল ক্রোম ও মাইক্রোসফট এজে সতর্ক এক্সটেনশনের সেটিংস।",
    category: "সতর্ক (সরকারি সামাজিক যোগাযোগ মাধ্যম নির্দেশিকা যাচাই)",
    firefoxDisplayName: "ফায়ারফক্সের জন্য সতর্ক পলিসি টেমপ্লেট",
    firefoxDescription: "মজিলা ফায়ারফক্সে সতর্ক এক্সটেনশনের সেটিংস (3rdparty এক্সটেনশন পলিসি)।",
  },
};
