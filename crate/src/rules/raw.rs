//! The serde shape of a rule-pack TOML document, exactly as written by an
//! administrator. Every field is optional here so that missing fields become
//! lint problems (all of them reported at once) instead of a single parse
//! error.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// One TOML source file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    pub pack: Option<Spanned<RawPackMeta>>,
    #[serde(default)]
    pub set: BTreeMap<String, Spanned<RawTermList>>,
    #[serde(default)]
    pub rule: Vec<Spanned<RawRule>>,
}

/// The `[pack]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPackMeta {
    pub name: Option<String>,
    pub version: Option<String>,
    pub description: Option<String>,
}

/// A term list: `{ bn = [...], bn_words = [...], bn_suffixes = [...], en = [...],
/// banglish = [...], en_verbs = [...], bn_verbs = [...], banglish_verbs = [...], sets = [...],
/// regex = [...], model = [...] }` (`regex` and `model` only in `near` sides).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTermList {
    #[serde(default)]
    pub bn: Vec<Spanned<String>>,
    #[serde(default)]
    pub bn_words: Vec<Spanned<String>>,
    pub bn_suffixes: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub regex: Vec<Spanned<String>>,
    #[serde(default)]
    pub en: Vec<Spanned<String>>,
    #[serde(default)]
    pub banglish: Vec<Spanned<String>>,
    #[serde(default)]
    pub en_verbs: Vec<Spanned<String>>,
    #[serde(default)]
    pub bn_verbs: Vec<Spanned<String>>,
    #[serde(default)]
    pub banglish_verbs: Vec<Spanned<String>>,
    #[serde(default)]
    pub sets: Vec<Spanned<String>>,
    #[serde(default)]
    pub model: Vec<Spanned<String>>,
}

/// `severity = { official = "...", personal = "..." }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSeverity {
    pub official: Option<Spanned<String>>,
    pub personal: Option<Spanned<String>>,
}

/// `message.en` / `message.bn`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMessage {
    pub en: Option<String>,
    pub bn: Option<String>,
}

/// One `[[rule.near]]` entry. `except`/`except_within` written after a
/// `[[rule.near]]` header land in this table in TOML (as in the example of
/// docs/rules.md); they are the rule's exceptions and are merged into them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawNear {
    pub a: Option<RawTermList>,
    pub b: Option<RawTermList>,
    pub within: Option<Spanned<i64>>,
    /// `"clause"`: both sides in one clause; `"clause-anaphora"`: or `b` in the
    /// next clause opened by a pronoun; `"words"` (default): `within` only.
    pub scope: Option<Spanned<String>>,
    /// With a `model` side: the share (0 to 1) of the other side's own
    /// words' score that counts toward the stance; default 0.
    pub target_share: Option<Spanned<f64>>,
    pub except: Option<Spanned<RawTermList>>,
    pub except_within: Option<Spanned<i64>>,
}

/// `[rule.examples]`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExamples {
    #[serde(default)]
    pub flag: Vec<String>,
    #[serde(default)]
    pub pass: Vec<String>,
}

/// One `[[rule]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRule {
    pub id: Option<Spanned<String>>,
    pub category: Option<Spanned<String>>,
    pub clause: Option<String>,
    pub severity: Option<Spanned<RawSeverity>>,
    pub message: Option<RawMessage>,
    pub terms: Option<Spanned<RawTermList>>,
    #[serde(default)]
    pub regex: Vec<Spanned<String>>,
    #[serde(default)]
    pub model: Vec<Spanned<String>>,
    #[serde(default)]
    pub near: Vec<Spanned<RawNear>>,
    pub except: Option<Spanned<RawTermList>>,
    pub except_within: Option<Spanned<i64>>,
    pub examples: Option<Spanned<RawExamples>>,
}
