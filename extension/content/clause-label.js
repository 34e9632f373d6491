/**
 * The guideline reference of a finding in the UI language. Rules name their
 * clause as the year of the guideline and, for the 2019 guideline, the
 * paragraph in Bangla ("2019 ১০-গ"); this writes it as
 * "২০১৯ সালের নির্দেশিকা, অনুচ্ছেদ ১০-গ" in Bangla and "2019 guideline, para
 * 10(ga)" in English (docs/glossary.md). A clause in another form (a custom
 * rule's free text) is shown as written, with digits in the UI language.
 */
import { t } from "./strings.js";

/** Latin names of the Bangla paragraph letters, as Bangladeshi legal English writes them. */
const LETTER_NAMES = {
  "ক": "ka", "খ": "kha", "গ": "ga", "ঘ": "gha", "ঙ": "nga", "চ": "cha", "ছ": "chha", "জ": "ja", "ঝ": "jha", "ঞ": "nya",
  "ট": "ta", "ঠ": "tha", "ড": "da", "ঢ": "dha", "ণ": "na", "ত": "ta", "থ": "tha", "দ": "da", "ধ": "dha", "ন": "na",
};

const BANGLA_ZERO = 0x09e6;

/** ASCII digits as Bangla digits. */
export function toBanglaDigits(text) {
  return String(text).replace(/[0-9]/g, (d) => String.fromCharCode(BANGLA_ZERO + Number(d)));
}

/** Bangla digits as ASCII digits. */
export function toLatinDigits(text) {
  return String(text).replace(/[০-৯]/g, (d) => String(d.charCodeAt(0) - BANGLA_ZERO));
}

/** Digits in the UI language: Bangla digits in Bangla, ASCII digits in English. */
export function localDigits(text, lang) {
  return lang === "bn" ? toBanglaDigits(text) : toLatinDigits(text);
}

/** "১০-গ" → { number: "10", letter: "গ" }; null when it is not a paragraph reference. */
function parsePara(text) {
  const match = /^([0-9০-৯]+)(?:\s*[-(]\s*([\u0995-\u09b9])\s*\)?)?$/.exec(text.trim());
  return match ? { number: toLatinDigits(match[1]), letter: match[2] ?? null } : null;
}

/** The paragraph in `lang`: "১০-গ" (bn) or "10(ga)" (en). */
function paraLabel({ number, letter }, lang) {
  if (lang === "bn") return letter ? `${toBanglaDigits(number)}-${letter}` : toBanglaDigits(number);
  if (!letter) return number;
  return `${number}(${LETTER_NAMES[letter] ?? letter})`;
}

/** The guideline reference `clause` (as a rule gives it) written for the UI language `lang`. */
export function clauseLabel(clause, lang) {
  const text = String(clause ?? "").trim();
  const match = /^([0-9০-৯]{4})(?:\s+(.+))?$/.exec(text);
  if (match) {
    const year = localDigits(match[1], lang);
    if (!match[2]) return t(lang, "clauseYear", { year });
    const para = parsePara(match[2]);
    if (para) return t(lang, "clauseYearPara", { year, para: paraLabel(para, lang) });
  }
  return t(lang, "contentClause", { clause: localDigits(text, lang) });
}
