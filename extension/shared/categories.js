/**
 * The guideline categories, in guideline order, with their names in both UI
 * languages. Kept identical to `Category::id` / `Category::name` in
 * crate/src/model.rs (categories.test.mjs checks this), so the options page
 * and the panel can name categories before the engine has loaded.
 */
export const CATEGORIES = Object.freeze([
  {
    id: "national-unity",
    name: { en: "National unity and the Liberation War", bn: "জাতীয় ঐক্য ও মুক্তিযুদ্ধের চেতনা" },
  },
  {
    id: "religious-harmony",
    name: { en: "Religious sentiment and communal harmony", bn: "ধর্মীয় অনুভূতি ও সাম্প্রদায়িক সম্প্রীতি" },
  },
  { id: "political", name: { en: "Political discussion", bn: "রাজনৈতিক আলোচনা" } },
  {
    id: "ethnic-minority",
    name: { en: "Indigenous and ethnic minority communities", bn: "ক্ষুদ্র নৃগোষ্ঠী ও আদিবাসী সম্প্রদায়" },
  },
  {
    id: "belittling",
    name: { en: "Belittling a person, institution or the state", bn: "ব্যক্তি, প্রতিষ্ঠান বা রাষ্ট্রকে হেয় করা" },
  },
  { id: "gender", name: { en: "Gender discrimination", bn: "লিঙ্গবৈষম্য" } },
  {
    id: "incitement",
    name: { en: "Provoking public discontent", bn: "জনমনে অসন্তোষ বা অনাকাঙ্ক্ষিত আচরণে উসকানি" },
  },
  {
    id: "personal-content",
    name: { en: "Personal matters on an official account", bn: "দাপ্তরিক অ্যাকাউন্টে ব্যক্তিগত বিষয়" },
  },
  { id: "secrecy", name: { en: "Security and secrecy", bn: "নিরাপত্তা ও গোপনীয়তা" } },
]);

/** Every category id, in guideline order. */
export const CATEGORY_IDS = Object.freeze(CATEGORIES.map((c) => c.id));

/** The category's name in `lang` ("bn" or "en"); the id itself when unknown. */
export function categoryName(id, lang) {
  const category = CATEGORIES.find((c) => c.id === id);
  if (!category) return id;
  return category.name[lang] ?? category.name.en;
}
