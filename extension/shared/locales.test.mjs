// The two UI catalogs (_locales/bn and _locales/en) have the same keys with the same placeholders,
// and follow docs/glossary.md where a check can see it.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const read = (lang) => JSON.parse(readFileSync(new URL(`../_locales/${lang}/messages.json`, import.meta.url), "utf8"));
const catalogs = { bn: read("bn"), en: read("en") };

/** What a message substitutes: its named placeholders with their $n, and the $n it uses directly. */
function substitutions(entry) {
  const named = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, def]) => [name.toLowerCase(), def.content]));
  const usedNames = [...entry.message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1].toLowerCase()).sort();
  const positional = [...entry.message.replace(/\$\$/g, "").matchAll(/\$([1-9])(?![A-Za-z0-9_@]*\$)/g)].map((m) => m[1]).sort();
  return { named, usedNames: [...new Set(usedNames)], positional: [...new Set(positional)] };
}

test("every key exists in both bn and en, with a non-empty message", () => {
  const bnKeys = Object.keys(catalogs.bn).sort();
  const enKeys = Object.keys(catalogs.en).sort();
  assert.deepEqual(
    bnKeys.filter((k) => !enKeys.includes(k)),
    [],
    "keys only in bn",
  );
  assert.deepEqual(
    enKeys.filter((k) => !bnKeys.includes(k)),
    [],
    "keys only in en",
  );
  for (const lang of ["bn", "en"]) {
    for (const [key, entry] of Object.entries(catalogs[lang])) {
      assert.equal(typeof entry.message, "string", `${lang} ${key}`);
      assert.ok(entry.message.trim().length > 0, `${lang} ${key} is empty`);
    }
  }
});

test("every key has the same placeholders in bn and en", () => {
  for (const key of Object.keys(catalogs.en)) {
    const en = substitutions(catalogs.en[key]);
    const bn = substitutions(catalogs.bn[key]);
    assert.deepEqual(bn.named, en.named, `${key}: placeholder definitions`);
    assert.deepEqual(bn.usedNames, en.usedNames, `${key}: named placeholders used`);
    assert.deepEqual(bn.positional, en.positional, `${key}: $1…$9 used`);
    for (const name of en.usedNames) assert.ok(name in en.named, `${key}: $${name}$ is defined`);
  }
});

test("Bangla text writes the product name so it cannot be read as the ordinary word (docs/glossary.md)", () => {
  for (const [key, entry] of Object.entries(catalogs.bn)) {
    // Allowed: the bare name as a title (extShortName, contentTitle), “সতর্ক” in running text,
    // and "সতর্ক (Sotorko)" in full titles.
    const text = entry.message;
    if (text === "সতর্ক") continue;
    const bare = text.replace(/“সতর্ক”/g, "").replace(/সতর্ক \(Sotorko\)/g, "");
    assert.doesNotMatch(bare, /সতর্ক/, `bn ${key}: "${text}"`);
  }
});

test("one name per severity, the same in every part of the UI (docs/glossary.md)", () => {
  const names = { bn: ["অবশ্যই সংশোধন করুন", "পোস্টের আগে যাচাই করুন", "পরামর্শ"], en: ["Must fix", "Check before posting", "Advice"] };
  for (const lang of ["bn", "en"]) {
    assert.deepEqual(
      ["severityBlock", "severityWarn", "severityAdvise"].map((k) => catalogs[lang][k].message),
      names[lang],
    );
    // The old second names are gone.
    const all = Object.values(catalogs[lang]).map((e) => e.message).join("\n");
    for (const old of lang === "bn" ? ["পোস্ট করা যাবে না”", "সতর্কতা প্রয়োজন"] : ["Must not post", "must not post", "Needs care"]) {
      assert.ok(!all.includes(old), `${lang}: "${old}" is no longer used`);
    }
  }
});

test("glossary: one Bangla word per concept in the UI", () => {
  const all = Object.entries(catalogs.bn);
  const avoid = [
    ["ডিফল্ট", "পূর্বনির্ধারিত"],
    ["পাতা", "পেজ"],
    ["তীব্রতা", "গুরুত্ব"],
    ["কড়াকড়ির মাত্রা", "প্রয়োগের ধরন"],
    ["নীতি", "পলিসি"],
    ["ধারা", "অনুচ্ছেদ"],
  ];
  for (const [word, instead] of avoid) {
    const hits = all.filter(([, e]) => e.message.includes(word)).map(([k]) => k);
    assert.deepEqual(hits, [], `"${word}" (use "${instead}")`);
  }
});
