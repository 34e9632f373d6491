//! One Aho-Corasick automaton per view over the terms of all rules, with the
//! word-boundary policy of that view.

use super::views::{fold_bangla_term, fold_latin_term, skeleton_term, View};
use super::words::is_word_char;
use super::EngineError;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::sync::Arc;

/// Longest suffix scanned after a Latin or Banglish term, in bytes.
const MAX_SUFFIX_BYTES: usize = 16;
/// Longest extension of a Bangla match to the end of its word, in bytes.
const MAX_BANGLA_EXTENSION: usize = 96;
/// Banglish suffixes allowed after a term (before skeleton folding).
const BANGLISH_SUFFIXES: &[&str] = &[
    "s", "er", "r", "ra", "der", "dr", "ke", "k", "re", "te", "e", "o", "i", "ta", "ti", "tai",
    "gulo", "guli", "rai", "o", "yer", "eri",
];

/// Which view a matcher searches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    /// `bn` terms: word start, any suffix.
    Bangla,
    /// `en` terms: whole word, `s`/`es`/`'s` allowed.
    Latin,
    /// `banglish` terms: whole word, short suffix allowed.
    Skeleton,
}

impl Script {
    fn name(self) -> &'static str {
        match self {
            Script::Bangla => "Bangla",
            Script::Latin => "English",
            Script::Skeleton => "Banglish",
        }
    }

    fn fold(self, term: &str) -> String {
        match self {
            Script::Bangla => fold_bangla_term(term),
            Script::Latin => fold_latin_term(term),
            Script::Skeleton => skeleton_term(term),
        }
    }
}

/// What a term means to a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A plain term: a match is a candidate finding.
    Term,
    /// Side `a` of the rule's n-th `near` matcher.
    NearA(u16),
    /// Side `b` of the rule's n-th `near` matcher.
    NearB(u16),
    /// An exception of the rule.
    Except,
    /// A global allowed term.
    Allow,
}

/// One use of a pattern by a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Use {
    rule: u32,
    role: Role,
}

impl Use {
    pub(crate) fn new(rule: u32, role: Role) -> Use {
        Use { rule, role }
    }
}

/// Matches collected from all views, as original byte spans.
#[derive(Debug, Default)]
pub(crate) struct Hits {
    /// (rule, start, end) of term and regex matches.
    pub terms: Vec<(u32, usize, usize)>,
    /// (rule, near index, is side b, start, end).
    pub near: Vec<(u32, u16, bool, usize, usize)>,
    /// (rule, start, end) of exception matches.
    pub except: Vec<(u32, usize, usize)>,
    /// (start, end) of allowed-term matches.
    pub allow: Vec<(usize, usize)>,
}

impl Hits {
    /// Records a match of `rule` in `role` at original bytes `start..end`.
    pub(crate) fn push(&mut self, rule: u32, role: Role, start: usize, end: usize) {
        match role {
            Role::Term => self.terms.push((rule, start, end)),
            Role::NearA(n) => self.near.push((rule, n, false, start, end)),
            Role::NearB(n) => self.near.push((rule, n, true, start, end)),
            Role::Except => self.except.push((rule, start, end)),
            Role::Allow => self.allow.push((start, end)),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Pattern {
    uses_start: u32,
    uses_end: u32,
    first_is_word: bool,
    last_is_word: bool,
    /// 0: the view's own suffix policy; n > 0: a whole word followed by
    /// nothing or by one suffix of `suffix_sets[n - 1]` (`bn_words`).
    word_suffixes: u32,
}

/// Collects the folded terms of one view.
pub(crate) struct Builder {
    script: Script,
    /// (folded term, suffix policy) → index in `terms`.
    index: HashMap<(String, u32), usize>,
    terms: Vec<(String, u32, Vec<Use>)>,
    /// Interned suffix sets of `bn_words` (folded, sorted).
    suffix_sets: Vec<Vec<String>>,
    /// Folded suffix set → its number in `suffix_sets`.
    suffix_index: HashMap<Vec<String>, usize>,
    /// The last suffix list seen (words of one list share it) and its number.
    last_suffixes: Option<(Arc<[String]>, usize)>,
}

impl Builder {
    pub(crate) fn new(script: Script) -> Builder {
        Builder {
            script,
            index: HashMap::new(),
            terms: Vec::new(),
            suffix_sets: Vec::new(),
            suffix_index: HashMap::new(),
            last_suffixes: None,
        }
    }

    /// Adds a term as written in a pack; empty folded terms are ignored.
    pub(crate) fn add(&mut self, term: &str, u: Use) {
        self.add_with_policy(term, 0, u);
    }

    /// Adds a whole-word term that may be followed only by one of `suffixes`
    /// (as written in a pack; folded here like the term).
    pub(crate) fn add_word(&mut self, term: &str, suffixes: &Arc<[String]>, u: Use) {
        let id = match &self.last_suffixes {
            Some((last, id)) if Arc::ptr_eq(last, suffixes) => *id,
            _ => {
                let mut folded: Vec<String> = suffixes
                    .iter()
                    .map(|s| self.script.fold(s).trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect();
                folded.sort_unstable();
                folded.dedup();
                let next = self.suffix_sets.len();
                let id = *self.suffix_index.entry(folded.clone()).or_insert(next);
                if id == next {
                    self.suffix_sets.push(folded);
                }
                self.last_suffixes = Some((Arc::clone(suffixes), id));
                id
            }
        };
        let policy = u32::try_from(id + 1).unwrap_or(u32::MAX);
        self.add_with_policy(term, policy, u);
    }

    fn add_with_policy(&mut self, term: &str, policy: u32, u: Use) {
        let folded = self.script.fold(term);
        let folded = folded.trim();
        if folded.is_empty() {
            return;
        }
        let key = (folded.to_owned(), policy);
        let i = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                self.terms.push((folded.to_owned(), policy, Vec::new()));
                self.index.insert(key, self.terms.len() - 1);
                self.terms.len() - 1
            }
        };
        if let Some(entry) = self.terms.get_mut(i) {
            if !entry.2.contains(&u) {
                entry.2.push(u);
            }
        }
    }

    pub(crate) fn build(self) -> Result<ViewMatcher, EngineError> {
        let mut patterns = Vec::with_capacity(self.terms.len());
        let mut uses = Vec::new();
        let mut strings = Vec::with_capacity(self.terms.len());
        for (term, word_suffixes, u) in self.terms {
            let start = uses.len() as u32;
            uses.extend(u);
            patterns.push(Pattern {
                uses_start: start,
                uses_end: uses.len() as u32,
                first_is_word: term.chars().next().is_some_and(is_word_char),
                last_is_word: term.chars().next_back().is_some_and(is_word_char),
                word_suffixes,
            });
            strings.push(term);
        }
        let ac = if strings.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&strings)
                    .map_err(|e| EngineError::Terms {
                        view: self.script.name(),
                        reason: e.to_string(),
                    })?,
            )
        };
        let mut suffixes: Vec<String> = if self.script == Script::Skeleton {
            BANGLISH_SUFFIXES
                .iter()
                .map(|s| skeleton_term(s).trim().to_owned())
                .filter(|s| !s.is_empty() && s.len() <= MAX_SUFFIX_BYTES)
                .collect()
        } else {
            Vec::new()
        };
        suffixes.sort_unstable();
        suffixes.dedup();
        Ok(ViewMatcher {
            script: self.script,
            ac,
            patterns,
            uses,
            suffixes,
            word_suffix_sets: self.suffix_sets,
        })
    }
}

/// The compiled matcher of one view.
#[derive(Debug)]
pub(crate) struct ViewMatcher {
    script: Script,
    ac: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    uses: Vec<Use>,
    suffixes: Vec<String>,
    /// Suffix sets of whole-word terms (see [`Pattern::word_suffixes`]).
    word_suffix_sets: Vec<Vec<String>>,
}

impl ViewMatcher {
    pub(crate) fn script(&self) -> Script {
        self.script
    }

    /// Finds every term of this view in `view`, applies the boundary policy,
    /// maps matches back to `original` and records them by role.
    pub(crate) fn scan(
        &self,
        view: &View,
        original: &str,
        active: &dyn Fn(u32) -> bool,
        hits: &mut Hits,
    ) {
        let Some(ac) = &self.ac else { return };
        let t = view.text.as_str();
        for m in ac.find_overlapping_iter(t) {
            let Some(p) = self.patterns.get(m.pattern().as_usize()) else {
                continue;
            };
            let (s, e) = (m.start(), m.end());
            if p.first_is_word
                && t.get(..s)
                    .is_none_or(|before| before.chars().next_back().is_some_and(is_word_char))
            {
                continue;
            }
            let end = if p.word_suffixes > 0 && p.last_is_word {
                match self.whole_word_end(t, e, p.word_suffixes) {
                    Some(end) => end,
                    None => continue,
                }
            } else if p.last_is_word {
                match self.word_end(t, e) {
                    Some(end) => end,
                    None => continue,
                }
            } else {
                e
            };
            let (os, oe) = view.original_span(s, end);
            if os >= oe || original.get(os..oe).is_none() {
                continue;
            }
            let uses = self
                .uses
                .get(p.uses_start as usize..p.uses_end as usize)
                .unwrap_or(&[]);
            for u in uses.iter().filter(|u| active(u.rule)) {
                hits.push(u.rule, u.role, os, oe);
            }
        }
    }

    /// Where a whole-word match ending at `e` ends: right there when the word
    /// ends, after the rest of the word when that rest is one of the allowed
    /// suffixes, or `None` (the word goes on with something else).
    fn whole_word_end(&self, t: &str, e: usize, set: u32) -> Option<usize> {
        let rest = t.get(e..)?;
        let mut len = 0;
        for c in rest.chars() {
            if !is_word_char(c) {
                break;
            }
            len += c.len_utf8();
            if len > MAX_BANGLA_EXTENSION {
                return None;
            }
        }
        if len == 0 {
            return Some(e);
        }
        let word = rest.get(..len)?;
        let suffixes = self.word_suffix_sets.get(set as usize - 1)?;
        suffixes
            .binary_search_by(|s| s.as_str().cmp(word))
            .is_ok()
            .then_some(e + len)
    }

    /// Where a match ending at `e` really ends under this view's policy, or
    /// `None` when the word goes on with something that is not an allowed suffix.
    fn word_end(&self, t: &str, e: usize) -> Option<usize> {
        let rest = t.get(e..)?;
        match self.script {
            Script::Bangla => {
                // Any suffix: extend the span to the end of the word (bounded).
                let mut end = e;
                for (i, c) in rest.char_indices() {
                    if !is_word_char(c) || i + c.len_utf8() > MAX_BANGLA_EXTENSION {
                        break;
                    }
                    end = e + i + c.len_utf8();
                }
                Some(end)
            }
            Script::Latin => {
                let word = word_prefix(rest)?;
                match word {
                    "" => {
                        for apos in ["'s", "\u{2019}s"] {
                            if let Some(after) = rest.strip_prefix(apos) {
                                if !after.chars().next().is_some_and(is_word_char) {
                                    return Some(e + apos.len());
                                }
                            }
                        }
                        Some(e)
                    }
                    "s" | "es" => Some(e + word.len()),
                    _ => None,
                }
            }
            Script::Skeleton => {
                let word = word_prefix(rest)?;
                if word.is_empty() || self.suffixes.iter().any(|s| s == word) {
                    Some(e + word.len())
                } else {
                    None
                }
            }
        }
    }
}

/// The word characters at the start of `rest`, or `None` when there are more
/// than [`MAX_SUFFIX_BYTES`] of them.
fn word_prefix(rest: &str) -> Option<&str> {
    let mut len = 0;
    for c in rest.chars() {
        if !is_word_char(c) {
            break;
        }
        len += c.len_utf8();
        if len > MAX_SUFFIX_BYTES {
            return None;
        }
    }
    rest.get(..len)
}
