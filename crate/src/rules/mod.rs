//! Rule packs: the TOML format of `docs/rules.md`, parsed with line numbers,
//! validated against the limits for untrusted packs, and merged from several
//! sources (the default pack is all files of `crate/rules/default/`, embedded
//! and merged in file-name order).
//!
//! Loading never panics on a bad pack: every problem is collected as a
//! [`Problem`] naming the file, the line, the rule id and what is wrong.
//!
//! `load` drives a load: `parse` reads each source (`raw` is its serde
//! shape, `keys` names unknown keys), `validate` checks each rule and term
//! list, `regex` checks and budgets regexes and compiles them as the engine
//! does, `literals` finds the literals every match of a regex holds (the
//! budget's and the engine prefilter's), `verbs` is the syntax of a verb
//! entry. Nothing here depends on the engine; the engine depends on this.

mod ascii_boundaries;
mod default_pack;
mod keys;
pub(crate) mod literals;
mod load;
mod parse;
mod raw;
mod regex;
mod validate;
pub(crate) mod verbs;

#[cfg(test)]
mod format_tests;
#[cfg(test)]
mod limit_tests;
#[cfg(test)]
mod load_tests;
#[cfg(test)]
pub(crate) mod test_fixture;

use default_pack::default_sources;
pub use load::{load, LoadOptions};
pub use regex::compile_regex;

use crate::model::{Category, Context, Message, Severity};
use crate::stance::Stance;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

/// Largest accepted pack (all sources together), in bytes.
pub const MAX_PACK_BYTES: usize = 1024 * 1024;
/// Most rules in one pack.
pub const MAX_RULES: usize = 2_000;
/// Most terms in one rule, after merging sets (terms, `near` and `except` lists together).
pub const MAX_TERMS_PER_RULE: usize = 5_000;
/// Most terms in a whole pack.
pub const MAX_TERMS_PER_PACK: usize = 50_000;
/// Most `bn_verbs` and `banglish_verbs` entries in a whole pack (after
/// merging sets): each verb stands for up to a few hundred generated forms.
pub const MAX_VERBS_PER_PACK: usize = 1_000;
/// Compiled-size limit of one regex (`regex` crate size limit), in bytes.
pub const MAX_REGEX_BYTES: usize = 1024 * 1024;
/// Most regexes in one rule.
pub const MAX_REGEXES_PER_RULE: usize = 64;
/// Most regexes in a whole pack (`regex` and `near` sides of every rule).
pub const MAX_REGEXES_PER_PACK: usize = 256;
/// Most regexes in a pack without a literal of 3 bytes or more that every
/// match must contain: the engine cannot skip such a regex, so each one runs
/// over every text checked.
pub const MAX_UNFILTERED_REGEXES: usize = 32;
/// Memory the compiled regexes of a pack may hold together, in bytes
/// (what the regex engine reports for its compiled automata).
pub const MAX_PACK_REGEX_BYTES: usize = 16 * 1024 * 1024;
/// Longest term, in characters (a term is a word or a short phrase).
pub const MAX_TERM_CHARS: usize = 200;
/// Smallest and largest `within` of a `near` matcher (and largest `except_within`).
pub const WITHIN_RANGE: std::ops::RangeInclusive<u32> = 1..=50;
/// `within` when a `near` matcher does not give one.
pub const DEFAULT_WITHIN: u32 = 5;

/// One TOML source of a pack: a display name (usually the file name) and its text.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// Name used in problem messages, e.g. `political.toml` or `customRules`.
    pub name: &'a str,
    /// The TOML text.
    pub text: &'a str,
}

/// One problem found in a pack: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The source the problem is in, when known.
    pub file: Option<String>,
    /// 1-based line in that source, when known.
    pub line: Option<usize>,
    /// The id of the rule concerned, when there is one.
    pub rule: Option<String>,
    /// What is wrong, for an administrator.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.file, self.line) {
            (Some(file), Some(line)) => write!(f, "{file}:{line}: ")?,
            (Some(file), None) => write!(f, "{file}: ")?,
            (None, Some(line)) => write!(f, "line {line}: ")?,
            (None, None) => {}
        }
        if let Some(rule) = &self.rule {
            write!(f, "rule `{rule}`: ")?;
        }
        f.write_str(&self.message)
    }
}

/// A pack that could not be loaded, with every problem found in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the rule pack has {} problem(s):\n{}", .problems.len(), join_problems(.problems))]
pub struct PackError {
    /// All problems, in source order.
    pub problems: Vec<Problem>,
}

fn join_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Suffixes a `bn_words` term may take when its list gives no `bn_suffixes`:
/// case endings, plural markers, classifiers and the emphatic `ও`. Locative
/// endings (`ে`, `য়`, `তে`) are left out on purpose: they turn many short
/// words into other words (`সালা` + `তে` = `সালাতে`); list them in
/// `bn_suffixes` where they are wanted.
pub const BN_WORD_SUFFIXES: &[&str] = &[
    "র",
    "ের",
    "এর",
    "য়ের",
    "কে",
    "েকে",
    "রা",
    "েরা",
    "এরা",
    "দের",
    "েদের",
    "ও",
    "রও",
    "েরও",
    "টা",
    "টি",
    "টার",
    "টির",
    "টাকে",
    "টিকে",
    "গুলো",
    "গুলা",
    "গুলি",
    "গুলোর",
    "গুলার",
    "গুলোকে",
    "গুলাকে",
];

/// Most entries in one `bn_suffixes` list.
pub const MAX_BN_SUFFIXES: usize = 64;

/// A Bangla term that matches as a whole word, optionally followed by exactly
/// one of its allowed suffixes (`bn_words` in a pack).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct WordTerm {
    /// The word (or phrase; only its last word is bounded), as written.
    pub word: String,
    /// Suffixes allowed right after it, as written ([`BN_WORD_SUFFIXES`] by
    /// default). Shared by all words of one list.
    #[serde(serialize_with = "serialize_suffixes")]
    pub suffixes: Arc<[String]>,
}

fn serialize_suffixes<S: serde::Serializer>(
    suffixes: &Arc<[String]>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(suffixes.iter())
}

/// Terms in the three scripts. Strings are as written in the pack; the engine
/// folds them into its matching views.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Terms {
    /// Bangla-script terms (word start, any suffix).
    pub bn: Vec<String>,
    /// Bangla-script terms matched as whole words with a listed suffix only.
    pub bn_words: Vec<WordTerm>,
    /// English terms (whole word, `s`/`es`/`'s` allowed).
    pub en: Vec<String>,
    /// Romanised Bangla terms (loose skeleton, whole word, short suffix).
    pub banglish: Vec<String>,
    /// English verb phrases whose first word inflects (`burn down` →
    /// `burned down`, `shoot` → `shot`).
    pub en_verbs: Vec<String>,
    /// Bangla verbs: every inflected form of the last word, as a whole word
    /// (earlier words match like `bn` terms), e.g. `মার`, `আগুন দে`, `লেখ/লিখ`.
    pub bn_verbs: Vec<String>,
    /// Romanised Bangla verbs, matched like `bn_verbs` in the skeleton view,
    /// e.g. `mar`, `agun de`, `khol/khul`.
    pub banglish_verbs: Vec<String>,
    /// Regexes of a set (in the regex view's canonical form): a `near` side
    /// that names the set matches them too. Not counted as terms.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regex: Vec<String>,
}

impl Terms {
    /// Number of terms in all three scripts.
    pub fn len(&self) -> usize {
        self.bn.len()
            + self.bn_words.len()
            + self.en.len()
            + self.banglish.len()
            + self.en_verbs.len()
            + self.bn_verbs.len()
            + self.banglish_verbs.len()
    }

    /// Number of verb entries (`bn_verbs` and `banglish_verbs`).
    pub fn verb_count(&self) -> usize {
        self.bn_verbs.len() + self.banglish_verbs.len()
    }

    /// True when there is no term at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Appends another list, skipping terms already present. Linear in the
    /// sizes of both lists.
    pub fn extend_unique(&mut self, other: &Terms) {
        fn add<T: Clone + Eq + std::hash::Hash>(into: &mut Vec<T>, from: &[T]) {
            if from.is_empty() {
                return;
            }
            into.extend_from_slice(from);
            dedup_first(into);
        }
        add(&mut self.bn, &other.bn);
        add(&mut self.bn_words, &other.bn_words);
        add(&mut self.en, &other.en);
        add(&mut self.banglish, &other.banglish);
        add(&mut self.en_verbs, &other.en_verbs);
        add(&mut self.bn_verbs, &other.bn_verbs);
        add(&mut self.banglish_verbs, &other.banglish_verbs);
        add(&mut self.regex, &other.regex);
    }
}

/// Removes repeated items, keeping the first of each, in linear time.
pub(crate) fn dedup_first<T: Clone + Eq + std::hash::Hash>(items: &mut Vec<T>) {
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items.retain(|x| seen.insert(x.clone()));
}

/// A proximity matcher: a match of side `a` within `within` words of a match
/// of side `b`, either order. Each side is terms, regexes, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Near {
    /// First term list.
    pub a: Terms,
    /// Regexes of side `a`, in the regex view's canonical form.
    pub a_regex: Vec<String>,
    /// Second term list.
    pub b: Terms,
    /// Regexes of side `b`, in the regex view's canonical form.
    pub b_regex: Vec<String>,
    /// Stance classes whose driver words count as side `a` (framed threshold).
    pub a_model: Vec<Stance>,
    /// Stance classes whose driver words count as side `b` (framed threshold).
    pub b_model: Vec<Stance>,
    /// Most words allowed between the two terms.
    pub within: u32,
    /// `scope = "clause"`: both sides must also be in the same clause (no
    /// `।` `?` `!` `;` newline, or `.` before a space, between them).
    pub same_clause: bool,
    /// `scope = "clause-anaphora"`: as `clause`, and side `a` in one clause
    /// also pairs with side `b` in the next clause when that clause opens
    /// with a pronoun that points back to it (ওরা, এদের, তারা, they, these
    /// people …): "X এলাকায় থাকে। ওরা সব চোর।".
    pub anaphora: bool,
    /// With a `model` side: the percentage (0–100) of the other side's own
    /// words' score that still counts toward the stance. 0 (the default):
    /// naming the target alone is never a stance.
    pub target_share: u8,
}

/// A rule's severity in each context; `None` means the rule is off there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ContextSeverity {
    /// Severity on official accounts, or `None` for off.
    pub official: Option<Severity>,
    /// Severity on personal profiles, or `None` for off.
    pub personal: Option<Severity>,
}

impl ContextSeverity {
    /// The severity in a context, or `None` when the rule does not apply there.
    pub fn get(&self, context: Context) -> Option<Severity> {
        match context {
            Context::Official => self.official,
            Context::Personal => self.personal,
        }
    }

    /// Sets the severity in a context (`None` turns the rule off there).
    pub fn set(&mut self, context: Context, severity: Option<Severity>) {
        match context {
            Context::Official => self.official = severity,
            Context::Personal => self.personal = severity,
        }
    }
}

impl Serialize for ContextSeverity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let id = |s: Option<Severity>| s.map_or("off", Severity::id);
        let mut st = serializer.serialize_struct("ContextSeverity", 2)?;
        st.serialize_field("official", id(self.official))?;
        st.serialize_field("personal", id(self.personal))?;
        st.end()
    }
}

/// Parses `block`, `warn`, `advise` or `off` (`off` gives `None`).
pub fn parse_level(s: &str) -> Result<Option<Severity>, String> {
    match s {
        "off" => Ok(None),
        other => other.parse::<Severity>().map(Some).map_err(|_| {
            format!("unknown severity `{other}`; expected one of: block, warn, advise, off")
        }),
    }
}

/// Example sentences of a rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Examples {
    /// Sentences the rule must flag.
    pub flag: Vec<String>,
    /// Sentences the rule must not flag.
    pub pass: Vec<String>,
}

/// Where a rule was defined.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// Source name.
    pub file: String,
    /// 1-based line of the `[[rule]]` header.
    pub line: usize,
}

/// A validated rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// Unique id, `[a-z0-9.-]+`.
    pub id: String,
    /// The guideline category.
    pub category: Category,
    /// The guideline clause, e.g. `2019 ১০-গ`.
    pub clause: String,
    /// Severity per context.
    pub severity: ContextSeverity,
    /// Message in English and Bangla.
    pub message: Message,
    /// Terms (sets already merged in).
    pub terms: Terms,
    /// Regex patterns, in the regex view's canonical form (validated; the
    /// engine compiles each on first use).
    pub regex: Vec<String>,
    /// Stance classes of the model whose driver words are candidate
    /// findings (strict threshold), see [`crate::stance`].
    pub model: Vec<Stance>,
    /// Proximity matchers.
    pub near: Vec<Near>,
    /// Exception phrases.
    pub except: Terms,
    /// Words around an exception within which a match is cancelled (0: overlap only).
    pub except_within: u32,
    /// Example sentences.
    pub examples: Examples,
    /// Where the rule was defined.
    pub origin: Origin,
}

impl Rule {
    /// The public description of the rule (what `rules()` and `rules list` show).
    pub fn info(&self) -> RuleInfo {
        RuleInfo {
            id: self.id.clone(),
            category: self.category,
            clause: self.clause.clone(),
            severity: self.severity,
            message: self.message.clone(),
        }
    }

    /// Number of verb entries in all matchers and exceptions.
    pub fn verb_count(&self) -> usize {
        self.terms.verb_count()
            + self.except.verb_count()
            + self
                .near
                .iter()
                .map(|n| n.a.verb_count() + n.b.verb_count())
                .sum::<usize>()
    }

    /// Number of terms in all matchers and exceptions.
    pub fn term_count(&self) -> usize {
        self.terms.len()
            + self.except.len()
            + self
                .near
                .iter()
                .map(|n| n.a.len() + n.b.len())
                .sum::<usize>()
    }
}

/// The public description of a rule: `{ id, category, clause, severity: { official, personal }, message: { en, bn } }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    /// Rule id.
    pub id: String,
    /// Category id.
    pub category: Category,
    /// Guideline clause.
    pub clause: String,
    /// Severity per context (`off` when it does not apply).
    pub severity: ContextSeverity,
    /// Message in English and Bangla.
    pub message: Message,
}

/// A validated pack: its rules in source order, and its named term sets.
#[derive(Debug, Clone, Default)]
pub struct RulePack {
    /// `pack.name`, if given.
    pub name: Option<String>,
    /// `pack.version`, if given.
    pub version: Option<String>,
    /// `pack.description`, if given.
    pub description: Option<String>,
    /// The rules, in source order.
    pub rules: Vec<Rule>,
    /// Named term sets, usable by packs built on top of this one.
    pub sets: BTreeMap<String, Terms>,
}

impl RulePack {
    /// Loads the embedded default pack. It is validated in full by the test
    /// suite, so regexes are not compiled here (see [`RulePack::default_pack_checked`]).
    /// A build with a precomputed snapshot ([`crate::snapshot`]) reads it from there.
    pub fn default_pack() -> Result<RulePack, PackError> {
        #[cfg(sotorko_snapshot)]
        {
            crate::snapshot::embedded_pack().ok_or_else(crate::snapshot::unreadable)
        }
        #[cfg(not(sotorko_snapshot))]
        {
            RulePack::default_pack_from_sources()
        }
    }

    /// Loads the embedded default pack from its TOML sources (what the
    /// snapshot is made from).
    pub fn default_pack_from_sources() -> Result<RulePack, PackError> {
        load(
            &default_sources(),
            &LoadOptions {
                require_name: true,
                trusted: true,
                ..LoadOptions::default()
            },
        )
    }

    /// Loads the embedded default pack with every check of an untrusted pack.
    pub fn default_pack_checked() -> Result<RulePack, PackError> {
        load(
            &default_sources(),
            &LoadOptions {
                require_name: true,
                ..LoadOptions::default()
            },
        )
    }

    /// Loads a stand-alone pack from one TOML text (as given to `--rules` or
    /// `rules lint`). Sets of `base` (usually the default pack) may be used.
    pub fn standalone(
        name: &str,
        text: &str,
        base: Option<&RulePack>,
    ) -> Result<RulePack, PackError> {
        load(
            &[Source { name, text }],
            &LoadOptions {
                require_name: true,
                base_sets: base.map(|b| &b.sets),
                reserved_ids: None,
                trusted: false,
            },
        )
    }

    /// Loads a pack meant for the `customRules` option, to be added to `base`
    /// (the default pack): `[pack]` is optional, `base`'s sets may be used
    /// and its rule ids may not be reused.
    pub fn custom(text: &str, base: &RulePack) -> Result<RulePack, PackError> {
        load(
            &[Source {
                name: "customRules",
                text,
            }],
            &LoadOptions {
                require_name: false,
                base_sets: Some(&base.sets),
                reserved_ids: Some(base),
                trusted: false,
            },
        )
    }

    /// Finds a rule by id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}
