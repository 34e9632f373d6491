//! The syntax of a `bn_verbs`/`banglish_verbs` entry (`"আগুন দে:call"`,
//! `"মার/মের"`, `"agun de/di"`): earlier words, the verb stem, an optional
//! alternant after `/`, an optional form class after `:`. The pack format
//! owns it; the engine's morphology (`crate::engine::morph`) generates the
//! forms of entries that passed these checks.

use crate::normalize::{fold_bangla_term, skeleton_term};

/// The form-class tag that keeps only the call forms of a verb.
const CALL_TAG: &str = ":call";

/// Splits the form-class tag off a verb entry: `("আগুন দে", true)` for
/// `"আগুন দে:call"`. An unknown tag is an error message.
pub(crate) fn split_tag(entry: &str) -> Result<(&str, bool), String> {
    let entry = entry.trim();
    if let Some(rest) = entry.strip_suffix(CALL_TAG) {
        return Ok((rest.trim_end(), true));
    }
    match entry.rsplit_once(':') {
        Some((_, tag)) => Err(format!(
            "unknown form class `:{tag}`; the only one is `:call` (imperatives and futures)"
        )),
        None => Ok((entry, false)),
    }
}

/// Splits a verb entry without its tag (`"আগুন দে"`, `"মার/মের"`,
/// `"agun de/di"`) into the earlier words as written, the verb stem and its
/// alternant.
pub(crate) fn split_verb_entry(entry: &str) -> (Vec<&str>, &str, Option<&str>) {
    let (main, alt) = match entry.split_once('/') {
        Some((m, a)) => (m, Some(a.trim()).filter(|a| !a.is_empty())),
        None => (entry, None),
    };
    let mut words: Vec<&str> = main.split_whitespace().collect();
    let verb = words.pop().unwrap_or("");
    (words, verb, alt)
}

/// Why a `bn_verbs` entry cannot be used, if it cannot.
pub(crate) fn bn_verb_problem(entry: &str) -> Option<String> {
    let entry = match split_tag(entry) {
        Ok((e, _)) => e,
        Err(why) => return Some(why),
    };
    let (words, verb, alt) = split_verb_entry(entry);
    let one_word = |s: &str| {
        let f = fold_bangla_term(s);
        !f.is_empty() && !f.contains(' ') && f.chars().all(|c| !c.is_ascii_digit())
    };
    if !one_word(verb) {
        return Some("the verb (its last word) must be one Bangla word".into());
    }
    if alt.is_some_and(|a| !one_word(a)) {
        return Some("the alternant after `/` must be one Bangla word".into());
    }
    if words.iter().any(|w| fold_bangla_term(w).trim().is_empty()) {
        return Some("every word before the verb must have Bangla letters".into());
    }
    None
}

/// Why a `banglish_verbs` entry cannot be used, if it cannot.
pub(crate) fn banglish_verb_problem(entry: &str) -> Option<String> {
    let entry = match split_tag(entry) {
        Ok((e, _)) => e,
        Err(why) => return Some(why),
    };
    let (words, verb, alt) = split_verb_entry(entry);
    let latin = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphabetic());
    if !latin(verb) {
        return Some("the verb (its last word) must be Latin letters a-z only".into());
    }
    if alt.is_some_and(|a| !latin(a)) {
        return Some("the alternant after `/` must be Latin letters a-z only".into());
    }
    if words.iter().any(|w| skeleton_term(w).trim().is_empty()) {
        return Some("every word before the verb must have Latin letters".into());
    }
    None
}
