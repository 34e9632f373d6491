//! One Aho-Corasick automaton per view over the terms of all rules, with the
//! word-boundary policy of that view.

use super::morph;
use super::views::{fold_bangla_term, fold_latin_term, skeleton_term, View, MASK};
use super::words::is_word_char;
use super::EngineError;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
use std::sync::Arc;

/// Longest suffix scanned after a Latin or Banglish term, in bytes.
const MAX_SUFFIX_BYTES: usize = 16;
/// Longest extension of a Bangla match to the end of its word, in bytes.
const MAX_BANGLA_EXTENSION: usize = 96;
/// Banglish suffixes allowed after a term (before skeleton folding): case
/// endings, plural markers and classifiers (docs/rules.md).
const BANGLISH_SUFFIXES: &[&str] = &[
    "s", "er", "r", "ra", "der", "dr", "ke", "k", "re", "te", "e", "o", "i", "ta", "ti", "tai",
    "gulo", "guli", "rai", "yer", "eri", "gula", "gulu", "gulake", "gulare", "gulor", "gular",
    "guloke", "gulote", "derke", "dere", "go", "gore", "era", "erke", "tare", "take", "tar", "rao",
    "dero", "keo", "reo",
];
/// Most masked words (`m*laun`) looked at in one view of one text.
const MAX_MASKED_WORDS: usize = 64;
/// Most masks in one word, and the longest masked word (in characters).
const MAX_MASKS_PER_WORD: usize = 4;
const MAX_MASKED_WORD_CHARS: usize = 48;

/// Total term bytes above which a view's automaton is a contiguous NFA even
/// for few terms. The library picks a DFA for up to 100 patterns, and builds
/// it in time proportional to states × byte classes × failure-chain length:
/// quadratic for one long repetitive term (16,000 letters took 7 s). The
/// contiguous NFA builds in linear time and searches about as fast.
const MAX_DFA_TERM_BYTES: usize = 4096;

/// The automaton for a set of patterns (a view's terms, the regex
/// literals): the library's choice, unless the patterns are long (see
/// [`MAX_DFA_TERM_BYTES`]).
pub(crate) fn automaton_kind<P: AsRef<[u8]>>(patterns: &[P]) -> Option<AhoCorasickKind> {
    let bytes: usize = patterns.iter().map(|p| p.as_ref().len()).sum();
    (bytes > MAX_DFA_TERM_BYTES).then_some(AhoCorasickKind::ContiguousNFA)
}

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
    /// 0, or 1 + the index of the words that must come right before the
    /// match (the earlier words of a multi-word verb entry).
    prefix: u32,
}

impl Use {
    pub(crate) fn new(rule: u32, role: Role) -> Use {
        Use {
            rule,
            role,
            prefix: 0,
        }
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
    /// Range in `ViewMatcher::verb_refs`: the verbs this form belongs to.
    verbs_start: u32,
    verbs_end: u32,
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
    /// Verbs (folded stem spec) with their uses; each is generated once.
    verbs: Vec<Vec<Use>>,
    verb_index: HashMap<String, u32>,
    /// Per entry of `terms`: the verbs whose paradigm holds that form.
    term_verbs: Vec<Vec<u32>>,
    /// Earlier words of multi-word verb entries (folded), interned.
    prefixes: Vec<Vec<String>>,
    prefix_index: HashMap<Vec<String>, u32>,
}

impl Builder {
    /// Writes the collected terms (for the build-time snapshot, [`crate::snapshot`]).
    pub(crate) fn encode(&self, w: &mut crate::snapshot::Writer) {
        fn uses(w: &mut crate::snapshot::Writer, list: &[Use]) {
            w.len(list.len());
            for u in list {
                w.u32(u.rule);
                match u.role {
                    Role::Term => w.u8(0),
                    Role::NearA(n) => {
                        w.u8(1);
                        w.u32(u32::from(n));
                    }
                    Role::NearB(n) => {
                        w.u8(2);
                        w.u32(u32::from(n));
                    }
                    Role::Except => w.u8(3),
                    Role::Allow => w.u8(4),
                }
                w.u32(u.prefix);
            }
        }
        // Terms come rule by rule, so most share the previous term's suffix
        // policy and uses: a flag byte says so (1: same policy, 2: same uses,
        // 4: no verbs) and only what differs follows.
        w.len(self.terms.len());
        let mut previous: Option<(u32, &[Use])> = None;
        for ((term, policy, u), verbs) in self.terms.iter().zip(&self.term_verbs) {
            w.str(term);
            let same_policy = previous.is_some_and(|p| p.0 == *policy);
            let same_uses = previous.is_some_and(|p| p.1 == u.as_slice());
            w.u8(u8::from(same_policy)
                | u8::from(same_uses) << 1
                | u8::from(verbs.is_empty()) << 2);
            if !same_policy {
                w.u32(*policy);
            }
            if !same_uses {
                uses(w, u);
            }
            if !verbs.is_empty() {
                w.len(verbs.len());
                for &v in verbs {
                    w.u32(v);
                }
            }
            previous = Some((*policy, u));
        }
        w.len(self.suffix_sets.len());
        for set in &self.suffix_sets {
            w.strs(set);
        }
        let mut keys: Vec<(&String, &u32)> = self.verb_index.iter().collect();
        keys.sort_unstable_by_key(|&(_, &id)| id);
        w.len(self.verbs.len());
        for (v, (key, _)) in self.verbs.iter().zip(keys) {
            w.str(key);
            uses(w, v);
        }
        w.len(self.prefixes.len());
        for p in &self.prefixes {
            w.strs(p);
        }
    }

    /// Reads what [`Builder::encode`] wrote; `None` when it is malformed.
    pub(crate) fn decode(script: Script, r: &mut crate::snapshot::Reader<'_>) -> Option<Builder> {
        fn uses(r: &mut crate::snapshot::Reader<'_>) -> Option<Vec<Use>> {
            let n = r.len()?;
            let mut list = Vec::with_capacity(n);
            for _ in 0..n {
                let rule = r.u32()?;
                let role = match r.u8()? {
                    0 => Role::Term,
                    1 => Role::NearA(u16::try_from(r.u32()?).ok()?),
                    2 => Role::NearB(u16::try_from(r.u32()?).ok()?),
                    3 => Role::Except,
                    4 => Role::Allow,
                    _ => return None,
                };
                let prefix = r.u32()?;
                list.push(Use { rule, role, prefix });
            }
            Some(list)
        }
        let mut b = Builder::new(script);
        let n = r.len()?;
        b.terms.reserve(n);
        b.term_verbs.reserve(n);
        b.index.reserve(n);
        for i in 0..n {
            let term = r.string()?;
            let flags = r.u8()?;
            let previous = b.terms.last();
            let policy = match previous {
                Some(p) if flags & 1 != 0 => p.1,
                _ => r.u32()?,
            };
            let u = match previous {
                Some(p) if flags & 2 != 0 => p.2.clone(),
                _ => uses(r)?,
            };
            let mut verbs = Vec::new();
            if flags & 4 == 0 {
                let k = r.len()?;
                verbs.reserve(k);
                for _ in 0..k {
                    verbs.push(r.u32()?);
                }
            }
            b.index.insert((term.clone(), policy), i);
            b.terms.push((term, policy, u));
            b.term_verbs.push(verbs);
        }
        let n = r.len()?;
        for i in 0..n {
            let set = r.strings()?;
            b.suffix_index.insert(set.clone(), i);
            b.suffix_sets.push(set);
        }
        let n = r.len()?;
        for i in 0..n {
            let key = r.string()?;
            b.verb_index.insert(key, u32::try_from(i).ok()?);
            b.verbs.push(uses(r)?);
        }
        let n = r.len()?;
        for i in 0..n {
            let p = r.strings()?;
            b.prefix_index.insert(p.clone(), u32::try_from(i + 1).ok()?);
            b.prefixes.push(p);
        }
        let consistent = b.index.len() == b.terms.len()
            && b.suffix_index.len() == b.suffix_sets.len()
            && b.verb_index.len() == b.verbs.len()
            && b.prefix_index.len() == b.prefixes.len();
        consistent.then_some(b)
    }

    pub(crate) fn new(script: Script) -> Builder {
        Builder {
            script,
            index: HashMap::new(),
            terms: Vec::new(),
            suffix_sets: Vec::new(),
            suffix_index: HashMap::new(),
            last_suffixes: None,
            verbs: Vec::new(),
            verb_index: HashMap::new(),
            term_verbs: Vec::new(),
            prefixes: Vec::new(),
            prefix_index: HashMap::new(),
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
                let id = self.intern_suffixes(suffixes.iter().map(String::as_str));
                self.last_suffixes = Some((Arc::clone(suffixes), id));
                id
            }
        };
        let policy = u32::try_from(id + 1).unwrap_or(u32::MAX);
        self.add_with_policy(term, policy, u);
    }

    /// Adds an `en_verbs` entry: the entry with its first word in every
    /// inflected form (Latin view only).
    pub(crate) fn add_en_verb(&mut self, term: &str, u: Use) {
        let folded = self.script.fold(term);
        let folded = folded.trim();
        if folded.is_empty() {
            return;
        }
        for form in morph::english::term_forms(folded) {
            let i = self.entry(&form, 0);
            self.add_use(i, u);
        }
    }

    /// Folds and interns a suffix set, giving its number.
    fn intern_suffixes<'a>(&mut self, suffixes: impl Iterator<Item = &'a str>) -> usize {
        let mut folded: Vec<String> = suffixes
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
        id
    }

    /// Adds a verb entry (`bn_verbs` in the Bangla view, `banglish_verbs` in
    /// the skeleton view): every generated form of its last word as a whole
    /// word (a clitic allowed after it), preceded by its earlier words.
    pub(crate) fn add_verb(&mut self, entry: &str, mut u: Use) {
        let Ok((entry, call_only)) = morph::split_tag(entry) else {
            return;
        };
        let (words, verb, alt) = morph::split_verb_entry(entry);
        let key = match self.script {
            Script::Bangla => {
                let stem = fold_bangla_term(verb);
                match alt {
                    Some(a) => format!("{stem}/{}", fold_bangla_term(a)),
                    None => stem,
                }
            }
            _ => match alt {
                Some(a) => format!("{verb}/{a}").to_ascii_lowercase(),
                None => verb.to_ascii_lowercase(),
            },
        };
        let alone = words.is_empty();
        let key = format!(
            "{key}{}{}",
            if call_only { "\u{1}" } else { "" },
            if alone { "\u{0}" } else { "" }
        );
        if let ([earlier], true) = (words.as_slice(), call_only) {
            // Facebook often writes a two-word call as one word
            // (`পুড়িয়েদাও`, `agundao`): add the joined forms too.
            let joined = format!("{earlier}\u{2}{key}");
            self.add_verb_group(&joined, Use { prefix: 0, ..u });
        }
        let mut prefix = Vec::new();
        for w in words {
            let f = self.script.fold(w);
            prefix.extend(f.split(' ').filter(|x| !x.is_empty()).map(str::to_owned));
        }
        if !prefix.is_empty() {
            let next = u32::try_from(self.prefixes.len() + 1).unwrap_or(u32::MAX);
            u.prefix = *self.prefix_index.entry(prefix.clone()).or_insert(next);
            if u.prefix == next {
                self.prefixes.push(prefix);
            }
        }
        self.add_verb_group(&key, u);
    }

    /// Adds a use to the verb group `key`, generating its forms the first time.
    fn add_verb_group(&mut self, key: &str, u: Use) {
        let id = match self.verb_index.get(key) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.verbs.len()).unwrap_or(u32::MAX);
                self.verbs.push(Vec::new());
                self.verb_index.insert(key.to_owned(), id);
                self.add_verb_forms(key, id);
                id
            }
        };
        if let Some(uses) = self.verbs.get_mut(id as usize) {
            if !uses.contains(&u) {
                uses.push(u);
            }
        }
    }

    /// Generates the forms of a verb once and points them at verb `id`
    /// (`key` is the stem spec, then U+0001 for call forms only and NUL
    /// for a verb used alone; `WORD` U+0002 before it: each form is joined
    /// to `WORD`, as written).
    fn add_verb_forms(&mut self, key: &str, id: u32) {
        let (join, key) = match key.split_once('\u{2}') {
            Some((j, k)) => (j, k),
            None => ("", key),
        };
        let (spec, alone) = match key.strip_suffix('\u{0}') {
            Some(s) => (s, true),
            None => (key, false),
        };
        let (spec, call_only) = match spec.strip_suffix('\u{1}') {
            Some(s) => (s, true),
            None => (spec, false),
        };
        let list = if self.script == Script::Bangla {
            morph::BN_CLITICS
        } else {
            morph::BANGLISH_CLITICS
        };
        // The negative clitic turns a call into a report (`করেননি`).
        let clitics = self.intern_suffixes(
            list.iter()
                .copied()
                .filter(|c| !call_only || !morph::NEGATIVE_CLITICS.contains(c)),
        );
        let policy = u32::try_from(clitics + 1).unwrap_or(u32::MAX);
        let forms = match self.script {
            Script::Bangla => morph::bangla::verb_forms(spec, call_only),
            _ => morph::banglish::verb_forms(spec, alone, call_only),
        };
        for form in forms {
            let folded = self.script.fold(&format!("{join}{form}"));
            let folded = folded.trim();
            if folded.is_empty() || folded.contains(' ') {
                continue;
            }
            let i = self.entry(folded, policy);
            if let Some(verbs) = self.term_verbs.get_mut(i) {
                if !verbs.contains(&id) {
                    verbs.push(id);
                }
            }
        }
    }

    fn add_with_policy(&mut self, term: &str, policy: u32, u: Use) {
        let folded = self.script.fold(term);
        let folded = folded.trim();
        if folded.is_empty() {
            return;
        }
        if self.script == Script::Latin && policy == 0 {
            for form in morph::english::plural_forms(folded) {
                let i = self.entry(&form, policy);
                self.add_use(i, u);
            }
        } else {
            let i = self.entry(folded, policy);
            self.add_use(i, u);
        }
    }

    /// The index in `terms` of a folded term with a suffix policy (added if new).
    fn entry(&mut self, folded: &str, policy: u32) -> usize {
        let key = (folded.to_owned(), policy);
        match self.index.get(&key) {
            Some(&i) => i,
            None => {
                self.terms.push((folded.to_owned(), policy, Vec::new()));
                self.term_verbs.push(Vec::new());
                self.index.insert(key, self.terms.len() - 1);
                self.terms.len() - 1
            }
        }
    }

    fn add_use(&mut self, i: usize, u: Use) {
        if let Some(entry) = self.terms.get_mut(i) {
            if !entry.2.contains(&u) {
                entry.2.push(u);
            }
        }
    }

    /// The view's name and the folded patterns collected so far, one per
    /// automaton pattern (a string twice when it has two suffix policies).
    pub(crate) fn into_patterns(self) -> (&'static str, Vec<String>) {
        let patterns = self.terms.into_iter().map(|t| t.0).collect();
        (self.script.name(), patterns)
    }

    pub(crate) fn build(self) -> Result<ViewMatcher, EngineError> {
        let mut patterns = Vec::with_capacity(self.terms.len());
        let mut uses = Vec::new();
        let mut verb_refs = Vec::new();
        let mut strings = Vec::with_capacity(self.terms.len());
        for ((term, word_suffixes, u), verbs) in self.terms.into_iter().zip(self.term_verbs) {
            let start = uses.len() as u32;
            uses.extend(u);
            let verbs_start = verb_refs.len() as u32;
            verb_refs.extend(verbs);
            patterns.push(Pattern {
                uses_start: start,
                uses_end: uses.len() as u32,
                verbs_start,
                verbs_end: verb_refs.len() as u32,
                first_is_word: term.chars().next().is_some_and(is_word_char),
                last_is_word: term.chars().next_back().is_some_and(is_word_char),
                word_suffixes,
            });
            strings.push(term);
        }
        let mut verb_uses = Vec::with_capacity(self.verbs.len());
        for v in self.verbs {
            let start = uses.len() as u32;
            uses.extend(v);
            verb_uses.push((start, uses.len() as u32));
        }
        // Single-word patterns by first character, for masked words.
        let mut by_first: HashMap<char, Vec<u32>> = HashMap::new();
        let mut all: Vec<u32> = Vec::new();
        let mut text = String::new();
        let mut spans = Vec::with_capacity(strings.len());
        for (i, t) in strings.iter().enumerate() {
            let start = text.len() as u32;
            if !t.contains(' ') && t.chars().count() >= 2 {
                if let Some(c) = t.chars().next() {
                    by_first.entry(c).or_default().push(i as u32);
                    all.push(i as u32);
                    text.push_str(t);
                }
            }
            spans.push((start, text.len() as u32));
        }
        let ac = if strings.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .kind(automaton_kind(&strings))
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
        let single_words = (!all.is_empty()).then_some(SingleWords {
            by_first,
            all,
            text,
            spans,
        });
        Ok(ViewMatcher {
            script: self.script,
            ac,
            patterns,
            uses,
            verb_refs,
            verb_uses,
            prefixes: self.prefixes,
            suffixes,
            word_suffix_sets: self.suffix_sets,
            single_words,
        })
    }
}

/// Single-word patterns, for matching words with masks (`m*laun`).
#[derive(Debug)]
struct SingleWords {
    /// Single-word patterns by their first character.
    by_first: HashMap<char, Vec<u32>>,
    /// All single-word patterns (for a word that starts with a mask).
    all: Vec<u32>,
    /// The single-word patterns, one after another.
    text: String,
    /// Each pattern's range in `text` (empty for other patterns).
    spans: Vec<(u32, u32)>,
}

impl SingleWords {
    fn get(&self, pattern: u32) -> Option<&str> {
        let &(s, e) = self.spans.get(pattern as usize)?;
        self.text.get(s as usize..e as usize)
    }
}

/// The compiled matcher of one view.
#[derive(Debug)]
pub(crate) struct ViewMatcher {
    script: Script,
    ac: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    uses: Vec<Use>,
    /// Verb numbers of each pattern (see [`Pattern::verbs_start`]).
    verb_refs: Vec<u32>,
    /// Range of each verb's uses in `uses`.
    verb_uses: Vec<(u32, u32)>,
    /// Earlier words of multi-word verb entries (see [`Use::prefix`]).
    prefixes: Vec<Vec<String>>,
    suffixes: Vec<String>,
    /// Suffix sets of whole-word terms (see [`Pattern::word_suffixes`]).
    word_suffix_sets: Vec<Vec<String>>,
    /// Single-word patterns, for masked words.
    single_words: Option<SingleWords>,
}

impl ViewMatcher {
    pub(crate) fn script(&self) -> Script {
        self.script
    }

    /// The view's name, its number of patterns (generated forms included)
    /// and the heap bytes of its automaton and pattern tables.
    pub(crate) fn size(&self) -> (&'static str, usize, usize) {
        let ac = self.ac.as_ref().map_or(0, AhoCorasick::memory_usage);
        let singles = self.single_words.as_ref().map_or(0, |w| {
            w.text.len() + w.spans.len() * 8 + w.all.len() * 8 + w.by_first.len() * 48
        });
        let tables = self.patterns.len() * std::mem::size_of::<Pattern>()
            + self.uses.len() * std::mem::size_of::<Use>()
            + self.verb_refs.len() * 4
            + self.verb_uses.len() * 8;
        (
            self.script.name(),
            self.patterns.len(),
            ac + singles + tables,
        )
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
            let Some(end) = self.end_after(p, t, e) else {
                continue;
            };
            self.record(p, view, original, s, end, active, hits);
        }
        if t.contains(MASK) {
            self.scan_masked(view, original, active, hits);
        }
    }

    /// Where a match of `p` ending at `e` really ends under its suffix policy.
    fn end_after(&self, p: &Pattern, t: &str, e: usize) -> Option<usize> {
        if p.word_suffixes > 0 && p.last_is_word {
            self.whole_word_end(t, e, p.word_suffixes)
        } else if p.last_is_word {
            self.word_end(t, e)
        } else {
            Some(e)
        }
    }

    /// Records a match of `p` at view bytes `s..end` for every active use
    /// (uses with earlier words only when those words come right before).
    #[allow(clippy::too_many_arguments)]
    fn record(
        &self,
        p: &Pattern,
        view: &View,
        original: &str,
        s: usize,
        end: usize,
        active: &dyn Fn(u32) -> bool,
        hits: &mut Hits,
    ) {
        let t = view.text.as_str();
        let (os, oe) = view.original_span(s, end);
        let Some(matched) = original.get(os..oe).filter(|m| !m.is_empty()) else {
            return;
        };
        // English text goes through the skeleton view too: "course" is not `chor`.
        if self.script == Script::Skeleton
            && morph::english_collisions::is_english_collision(matched)
        {
            return;
        }
        let direct = self
            .uses
            .get(p.uses_start as usize..p.uses_end as usize)
            .unwrap_or(&[]);
        let verbs = self
            .verb_refs
            .get(p.verbs_start as usize..p.verbs_end as usize)
            .unwrap_or(&[]);
        let via_verbs = verbs.iter().flat_map(|&v| {
            self.verb_uses
                .get(v as usize)
                .and_then(|&(a, b)| self.uses.get(a as usize..b as usize))
                .unwrap_or(&[])
        });
        for u in direct.iter().chain(via_verbs).filter(|u| active(u.rule)) {
            if u.prefix == 0 {
                hits.push(u.rule, u.role, os, oe);
                continue;
            }
            let Some(words) = self.prefixes.get(u.prefix as usize - 1) else {
                continue;
            };
            if let Some(ps) = self.prefix_start(t, s, words) {
                let (pos, _) = view.original_span(ps, end);
                if pos < oe {
                    hits.push(u.rule, u.role, pos, oe);
                }
            }
        }
    }

    /// Where the earlier words of a verb entry start, when they come right
    /// before view byte `s` (one word each, separated by single spaces). A
    /// Bangla word may take any ending (like a `bn` term), a Banglish word
    /// one of the Banglish suffixes.
    fn prefix_start(&self, t: &str, s: usize, words: &[String]) -> Option<usize> {
        let mut pos = s;
        for w in words.iter().rev() {
            let before = t.get(..pos)?.strip_suffix(' ')?;
            let ws = before.rfind(' ').map_or(0, |i| i + 1);
            let word = before.get(ws..)?;
            let suffix_ok = |rest: &str| match self.script {
                Script::Bangla => true,
                _ => rest.is_empty() || self.suffixes.iter().any(|x| x == rest),
            };
            let ok = match word.strip_prefix(w.as_str()) {
                Some(rest) => suffix_ok(rest),
                None if word.contains(MASK) => {
                    let chars: Vec<char> = word.chars().collect();
                    let pat: Vec<char> = w.chars().collect();
                    masked_match(&pat, &chars, self.script == Script::Bangla)
                        .into_iter()
                        .any(|used| suffix_ok(&chars[used..].iter().collect::<String>()))
                }
                None => false,
            };
            if !ok {
                return None;
            }
            pos = ws;
        }
        Some(pos)
    }

    /// Matches single-word patterns against words with masks (`*` inside
    /// a word, kept as [`MASK`] by the views): a mask stands for
    /// nothing or for one letter (one akshara in Bangla).
    fn scan_masked(
        &self,
        view: &View,
        original: &str,
        active: &dyn Fn(u32) -> bool,
        hits: &mut Hits,
    ) {
        let Some(single) = &self.single_words else {
            return;
        };
        let t = view.text.as_str();
        let mut seen = 0;
        let mut start = 0;
        for word in t.split(' ') {
            let ws = start;
            start += word.len() + 1;
            if !word.contains(MASK) {
                continue;
            }
            seen += 1;
            if seen > MAX_MASKED_WORDS {
                break;
            }
            let chars: Vec<char> = word.chars().collect();
            if chars.len() > MAX_MASKED_WORD_CHARS
                || chars.iter().filter(|&&c| c == MASK).count() > MAX_MASKS_PER_WORD
            {
                continue;
            }
            let candidates = match chars.first() {
                Some(&MASK) | None => &single.all,
                Some(c) => match single.by_first.get(c) {
                    Some(v) => v,
                    None => continue,
                },
            };
            for &pi in candidates {
                let (Some(p), Some(pat)) = (self.patterns.get(pi as usize), single.get(pi)) else {
                    continue;
                };
                let pat: Vec<char> = pat.chars().collect();
                let ends = masked_match(&pat, &chars, self.script == Script::Bangla);
                let end = ends.into_iter().find_map(|used| {
                    let used_bytes: usize = chars[..used].iter().map(|c| c.len_utf8()).sum();
                    self.end_after(p, t, ws + used_bytes).or_else(|| {
                        // Masks left at the end of the word count as nothing.
                        chars[used..]
                            .iter()
                            .all(|&c| c == MASK)
                            .then_some(ws + word.len())
                    })
                });
                if let Some(end) = end {
                    self.record(p, view, original, ws, end, active, hits);
                }
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
                // A term that ends in a negation particle ("যোগ্য না") ends
                // with the word: "না" does not open "নারী".
                if ends_in_negation(t.get(..e)?) {
                    return (!rest.chars().next().is_some_and(is_word_char)).then_some(e);
                }
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
                    "s" => Some(e + 1),
                    "es" if takes_es(t.get(..e)?) => Some(e + 2),
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

/// Matches a whole pattern at the start of a masked word: letters must be
/// equal, a mask stands for nothing or one letter (Bangla: one akshara, or
/// one sign). At least two letters must match as written, and no fewer
/// than the masks that stand for a letter. Gives every possible number of
/// word characters used, shortest first.
fn masked_match(pat: &[char], word: &[char], bangla: bool) -> Vec<usize> {
    struct M<'a> {
        pat: &'a [char],
        word: &'a [char],
        bangla: bool,
        out: Vec<usize>,
    }
    fn go(m: &mut M<'_>, pi: usize, wi: usize, literal: usize, filled: usize) {
        if pi == m.pat.len() {
            if literal >= 2 && filled <= literal && !m.out.contains(&wi) {
                m.out.push(wi);
            }
            return;
        }
        let Some(&w) = m.word.get(wi) else { return };
        if w != MASK {
            if w == m.pat[pi] {
                go(m, pi + 1, wi + 1, literal + 1, filled);
            }
            return;
        }
        let unit = if m.bangla {
            akshara_len(&m.pat[pi..])
        } else {
            usize::from(m.pat[pi] != ' ')
        };
        if unit > 0 {
            go(m, pi + unit, wi + 1, literal, filled + 1);
            if unit > 1 {
                go(m, pi + 1, wi + 1, literal, filled + 1);
            }
        }
        go(m, pi, wi + 1, literal, filled);
    }
    let mut m = M {
        pat,
        word,
        bangla,
        out: Vec::new(),
    };
    go(&mut m, 0, 0, 0, 0);
    m.out.sort_unstable();
    m.out
}

/// Length in characters of the akshara at the start of `s` (a consonant
/// cluster joined by virama, with its vowel sign and signs), or 1.
fn akshara_len(s: &[char]) -> usize {
    let is_consonant =
        |c: char| matches!(c, '\u{0995}'..='\u{09B9}' | '\u{09CE}' | '\u{09DC}'..='\u{09DF}');
    let Some(&first) = s.first() else { return 0 };
    if first == ' ' {
        return 0;
    }
    let mut n = 1;
    if is_consonant(first) {
        while s.get(n) == Some(&'\u{09BC}')
            || (s.get(n) == Some(&'\u{09CD}') && s.get(n + 1).is_some_and(|&c| is_consonant(c)))
        {
            n += if s.get(n) == Some(&'\u{09BC}') { 1 } else { 2 };
        }
    }
    if s.get(n)
        .is_some_and(|c| ('\u{09BE}'..='\u{09CC}').contains(c))
    {
        n += 1;
    }
    while s
        .get(n)
        .is_some_and(|c| matches!(c, '\u{0981}'..='\u{0983}'))
    {
        n += 1;
    }
    n
}

/// Bangla negation particles, which take no suffix ("নয়" in each of the
/// spellings a view may hold: base letter and nukta sign, the precomposed
/// letter, or the nukta folded away).
const NEGATION_PARTICLES: [&str; 10] = [
    "না",
    "নি",
    "নয\u{09BC}",
    "ন\u{09DF}",
    "নয",
    "নই",
    "নন",
    "নেই",
    "নাই",
    "নহে",
];

/// Whether the last word of `before` (the text up to the end of a matched
/// Bangla term) is a negation particle standing as a word of its own.
fn ends_in_negation(before: &str) -> bool {
    let Some(last) = before.rsplit(|c: char| !is_word_char(c)).next() else {
        return false;
    };
    last.len() < before.len() && NEGATION_PARTICLES.contains(&last)
}

/// Whether an English word ending where `before` ends takes the plural or
/// third-person `-es` (after s, x, z, ch, sh and o: "taxes", "marches",
/// "heroes"). Any other word takes `-s` only, so the term "rat" does not
/// match "rates".
fn takes_es(before: &str) -> bool {
    let b = before.as_bytes();
    let last = |i: usize| b.len().checked_sub(i).map(|k| b[k].to_ascii_lowercase());
    matches!(last(1), Some(b's' | b'x' | b'z' | b'o'))
        || (last(1) == Some(b'h') && matches!(last(2), Some(b'c' | b's')))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::model::Context;
    use crate::rules::{load, LoadOptions, Source, Terms};

    #[test]
    fn long_terms_get_a_contiguous_nfa() {
        assert_eq!(automaton_kind(&["নৌকা".to_owned()]), None);
        let long = "নৌকা".repeat(MAX_DFA_TERM_BYTES / 12 + 1);
        assert_eq!(
            automaton_kind(&[long]),
            Some(AhoCorasickKind::ContiguousNFA)
        );
    }

    /// One long repetitive term (a trusted pack skips the length limit):
    /// with the DFA this took ~7 s in release builds and minutes in debug
    /// builds; it now takes milliseconds. Not a timed assertion: a slow run
    /// shows the regression.
    #[test]
    fn one_long_repetitive_term_builds_and_matches() {
        let term = "নৌকা".repeat(4_000);
        let text = crate::rules::test_fixture::rule(
            "long",
            "secrecy",
            &format!("terms = {{ bn = [\"{term}\"] }}"),
        );
        let pack = load(
            &[Source {
                name: "t.toml",
                text: &text,
            }],
            &LoadOptions {
                trusted: true,
                ..LoadOptions::default()
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let engine = Engine::from_pack(pack, &Terms::default()).unwrap_or_else(|e| panic!("{e}"));
        let post = format!("আজ {term} দেখুন");
        let found = engine.check(&post, Context::Official).findings;
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].excerpt, term);
        assert!(engine
            .check(&term[..term.len() - 3], Context::Official)
            .findings
            .is_empty());
    }
}
