//! Morphology of terms, generated when the engine is built: English
//! inflection of `en` terms, and the paradigms of `bn_verbs` (Bangla script)
//! and `banglish_verbs` (romanised). The engine adds every generated form to
//! its automaton, so matching stays one pass over each view.

pub(crate) mod bangla;
pub(crate) mod banglish;
pub(crate) mod english;
pub(crate) mod english_collisions;

/// The syntax of a verb entry is the pack format's (`crate::rules::verbs`).
pub(crate) use crate::rules::verbs::{split_tag, split_verb_entry};

/// Clitics allowed right after a generated Bangla verb form: emphatic `ই`,
/// inclusive `ও` and the negative `নি` (`মারবোই`, `মারলেও`, `মারেনি`).
pub(crate) const BN_CLITICS: &[&str] = &["ই", "ও", "নি"];

/// Clitics allowed right after a generated Banglish verb form.
pub(crate) const BANGLISH_CLITICS: &[&str] = &["i", "o", "ni"];

/// The negative clitics, left out after call forms (`:call`): `করেননি` is
/// "did not do", not a polite imperative.
pub(crate) const NEGATIVE_CLITICS: &[&str] = &["নি", "ni"];
