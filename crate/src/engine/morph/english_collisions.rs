//! English words that Banglish terms meet in the loose skeleton view.
//!
//! English text goes through the skeleton view too, so a Banglish term can
//! meet an ordinary English word: `chor` (thief) with the suffix `s` is
//! "course" ("The officers completed the training course" was held as
//! belittling), `tor` is "tour", `biya` is "via", `indur` is "indoor". A
//! Banglish match on one of these words is left out; Banglish spellings of
//! those words are rare ("bou", "biye", "chor" are how they are typed).
//!
//! Proposed from data by `scripts/lexicon/english_collisions.py` (the English
//! words of the training posts that a Banglish list of the default pack
//! meets, loanwords a list spells literally left out) and reviewed by hand;
//! run it again after adding Banglish terms.

/// The words, lower-case and sorted (a test checks the order).
const ENGLISH_COLLISIONS: &[&str] = &[
    "abuse", "ameer", "aura", "baby", "barrier", "bed", "beds", "bias", "boi", "bore", "boro",
    "borrow", "bows", "boy", "buddha", "bush", "busy", "bye", "celery", "cell", "cells", "champ",
    "champs", "cholera", "city", "clone", "cod", "code", "codes", "colder", "color", "colour",
    "core", "course", "courses", "dame", "dghs", "dhamrai", "feel", "feels", "fill", "filler",
    "fills", "horizon", "horizons", "indoor", "indoors", "kawran", "messy", "mpo", "pine", "pink",
    "policy", "rave", "root", "roots", "rot", "router", "sheer", "strike", "tar", "tax", "though",
    "tough", "tougher", "tour", "tours", "vary", "via", "view", "views", "viper", "vow", "vows",
    "wifi",
];

/// Whether a matched word is one of those English words (ASCII letters in
/// any case; anything else is not).
pub(crate) fn is_english_collision(word: &str) -> bool {
    if word.len() > 16 || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    // Compared lower-cased byte by byte: no allocation on the check path.
    let lower = word.bytes().map(|b| b.to_ascii_lowercase());
    ENGLISH_COLLISIONS
        .binary_search_by(|w| w.bytes().cmp(lower.clone()))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_lower_case_and_unique() {
        assert!(ENGLISH_COLLISIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(ENGLISH_COLLISIONS
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase())));
    }

    #[test]
    fn words_are_found_in_any_case_and_nothing_else() {
        assert!(is_english_collision("course"));
        assert!(is_english_collision("Course"));
        assert!(is_english_collision("VIA"));
        assert!(!is_english_collision("chor"));
        assert!(!is_english_collision("course!"));
        assert!(!is_english_collision("of course"));
        assert!(!is_english_collision(""));
    }
}
