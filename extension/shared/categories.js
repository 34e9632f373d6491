/**
 * The guideline categories, in guideline order, with their names in both UI
 * languages: the table generated from `Category` in crate/src/model.rs
 * (`sotorko contract emit`), so the options page and the panel can name
 * categories before the engine has loaded.
 */
import { CATEGORIES } from "./contract.generated.js";

export { CATEGORIES };

/** Every category id, in guideline order. */
export const CATEGORY_IDS = Object.freeze(CATEGORIES.map((c) => c.id));

/** The category's name in `lang` ("bn" or "en"); the id itself when unknown. */
export function categoryName(id, lang) {
  const category = CATEGORIES.find((c) => c.id === id);
  if (!category) return id;
  return category.name[lang] ?? category.name.en;
}
