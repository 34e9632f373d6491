//! Parsing and validating pack sources into a [`RulePack`].

use super::raw::{RawFile, RawNear, RawRule, RawTermList};
use super::{
    parse_level, ContextSeverity, Examples, Near, Origin, PackError, Problem, Rule, RulePack,
    Source, Terms, WordTerm, BN_WORD_SUFFIXES, DEFAULT_WITHIN, MAX_BN_SUFFIXES, MAX_PACK_BYTES,
    MAX_PACK_REGEX_BYTES, MAX_REGEXES_PER_PACK, MAX_REGEXES_PER_RULE, MAX_REGEX_BYTES, MAX_RULES,
    MAX_TERMS_PER_PACK, MAX_TERMS_PER_RULE, MAX_TERM_CHARS, MAX_UNFILTERED_REGEXES,
    MAX_VERBS_PER_PACK, WITHIN_RANGE,
};
use crate::engine::views::{fold_bangla_term, fold_latin_term, fold_regex_pattern, skeleton_term};
use crate::model::{Category, Message};
use crate::stance::Stance;
use std::cell::Cell;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// How sources are loaded.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions<'a> {
    /// Require `[pack] name` in at least one source.
    pub require_name: bool,
    /// Sets usable by the sources besides their own (e.g. the default pack's).
    pub base_sets: Option<&'a BTreeMap<String, Terms>>,
    /// A pack whose rule ids may not be reused (the pack these sources are added to).
    pub reserved_ids: Option<&'a RulePack>,
    /// Skip the costly checks (compiling regexes, folding terms) for a pack
    /// already validated by the test suite: the embedded default pack.
    pub trusted: bool,
}

/// Byte offset → 1-based line, for one source.
struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

/// Collects problems for one source.
struct Reporter<'a> {
    file: &'a str,
    /// Skip costly checks (see [`LoadOptions::trusted`]).
    trusted: bool,
    /// What the pack's regexes have used of their budget so far.
    budget: &'a RegexBudget,
    lines: Lines,
    problems: &'a mut Vec<Problem>,
}

impl Reporter<'_> {
    fn at(&mut self, offset: Option<usize>, rule: Option<&str>, message: impl Into<String>) {
        self.problems.push(Problem {
            file: Some(self.file.to_owned()),
            line: offset.map(|o| self.lines.line(o)),
            rule: rule.map(str::to_owned),
            message: message.into(),
        });
    }
}

/// Loads and validates sources, merged in the given order. Sets defined in
/// any source are usable in all of them. Returns every problem found.
pub fn load(sources: &[Source<'_>], options: &LoadOptions<'_>) -> Result<RulePack, PackError> {
    let mut problems = Vec::new();
    let total: usize = sources.iter().map(|s| s.text.len()).sum();
    if total > MAX_PACK_BYTES {
        problems.push(Problem {
            file: sources.first().map(|s| s.name.to_owned()),
            line: None,
            rule: None,
            message: format!(
                "the pack is {total} bytes; the limit is {MAX_PACK_BYTES} bytes (1 MiB)"
            ),
        });
        return Err(PackError { problems });
    }

    // 1. Parse every source.
    let mut parsed: Vec<(Source<'_>, RawFile)> = Vec::new();
    for source in sources {
        match toml::from_str::<RawFile>(source.text) {
            Ok(file) => parsed.push((*source, file)),
            Err(err) => parse_problems(source, &err, &mut problems),
        }
    }

    // 2. Pack metadata and sets from all sources.
    let budget = RegexBudget::default();
    let mut pack = RulePack::default();
    let mut set_origin: BTreeMap<String, String> = BTreeMap::new();
    for (source, file) in &parsed {
        let mut rep = Reporter {
            file: source.name,
            trusted: options.trusted,
            budget: &budget,
            lines: Lines::new(source.text),
            problems: &mut problems,
        };
        if let Some(meta) = &file.pack {
            let span = meta.span().start;
            let meta = meta.get_ref();
            match (&pack.name, &meta.name) {
                (Some(old), Some(new)) if old != new => rep.at(
                    Some(span),
                    None,
                    format!("pack name `{new}` differs from `{old}` given in another file"),
                ),
                (None, Some(new)) => pack.name = Some(new.clone()),
                _ => {}
            }
            if pack.version.is_none() {
                pack.version.clone_from(&meta.version);
            }
            if pack.description.is_none() {
                pack.description.clone_from(&meta.description);
            }
        }
        for (name, list) in &file.set {
            let offset = Some(list.span().start);
            if !valid_name(name) {
                rep.at(
                    offset,
                    None,
                    format!("set name `{name}` may only use a-z, 0-9, `_`, `.` and `-`"),
                );
            }
            if let Some(first) = set_origin.get(name) {
                rep.at(
                    offset,
                    None,
                    format!("set `{name}` is defined twice (also in {first})"),
                );
                continue;
            }
            let list = list.get_ref();
            if !list.sets.is_empty() {
                rep.at(
                    offset,
                    None,
                    format!("set `{name}` lists `sets`; a set cannot include other sets"),
                );
            }
            let terms = plain_terms(list, &mut rep, None, &format!("set `{name}`"), false);
            if terms.is_empty() {
                rep.at(offset, None, format!("set `{name}` has no terms"));
            }
            set_origin.insert(name.clone(), source.name.to_owned());
            pack.sets.insert(name.clone(), terms);
        }
    }
    if options.require_name && pack.name.is_none() && !parsed.is_empty() {
        problems.push(Problem {
            file: sources.first().map(|s| s.name.to_owned()),
            line: None,
            rule: None,
            message: "missing `[pack]` table with `name`, required in a stand-alone pack".into(),
        });
    }

    // 3. Rules.
    let mut ids: HashSet<String> = HashSet::new();
    let mut total_terms = 0usize;
    let mut rule_count = 0usize;
    'sources: for (source, file) in &parsed {
        let mut rep = Reporter {
            file: source.name,
            trusted: options.trusted,
            budget: &budget,
            lines: Lines::new(source.text),
            problems: &mut problems,
        };
        for raw in &file.rule {
            rule_count += 1;
            if rule_count == MAX_RULES + 1 {
                rep.at(
                    Some(raw.span().start),
                    None,
                    format!("too many rules; the limit is {MAX_RULES}"),
                );
            }
            let sets = SetLookup {
                own: &pack.sets,
                base: options.base_sets,
            };
            if let Some(rule) = validate_rule(raw, &sets, &mut rep, source.name, options.trusted) {
                let id_offset = raw.get_ref().id.as_ref().map(|i| i.span().start);
                if !ids.insert(rule.id.clone()) {
                    rep.at(id_offset, Some(&rule.id), "duplicate rule id");
                    continue;
                }
                if options
                    .reserved_ids
                    .is_some_and(|base| base.rule(&rule.id).is_some())
                {
                    rep.at(
                        id_offset,
                        Some(&rule.id),
                        "this id is already used by a rule of the default pack; choose another id",
                    );
                    continue;
                }
                total_terms += rule.term_count();
                pack.rules.push(rule);
                if total_terms > MAX_TERMS_PER_PACK {
                    // Refused below; the rest would only cost memory.
                    break 'sources;
                }
            }
        }
    }
    let mut verbs = std::collections::HashSet::new();
    for rule in &pack.rules {
        let lists = [&rule.terms, &rule.except]
            .into_iter()
            .chain(rule.near.iter().flat_map(|n| [&n.a, &n.b]));
        for list in lists {
            verbs.extend(list.bn_verbs.iter().map(|v| ("bn", v.as_str())));
            verbs.extend(list.banglish_verbs.iter().map(|v| ("banglish", v.as_str())));
        }
    }
    if verbs.len() > MAX_VERBS_PER_PACK {
        problems.push(Problem {
            file: sources.first().map(|s| s.name.to_owned()),
            line: None,
            rule: None,
            message: format!(
                "the pack has {} different bn_verbs/banglish_verbs entries; the limit is {MAX_VERBS_PER_PACK}",
                verbs.len()
            ),
        });
    }
    if total_terms > MAX_TERMS_PER_PACK {
        problems.push(Problem {
            file: sources.first().map(|s| s.name.to_owned()),
            line: None,
            rule: None,
            message: format!(
                "the pack has more than {MAX_TERMS_PER_PACK} terms after merging sets \
                 ({total_terms} in its first {} rules); the limit is {MAX_TERMS_PER_PACK}",
                pack.rules.len()
            ),
        });
    }
    if problems.is_empty() {
        Ok(pack)
    } else {
        Err(PackError { problems })
    }
}

/// The problems of a source that does not deserialize: every unknown key
/// with its line when that is the cause (serde stops at the first one),
/// otherwise the parse error, with its line when the parser gives one.
fn parse_problems(source: &Source<'_>, err: &toml::de::Error, problems: &mut Vec<Problem>) {
    let lines = Lines::new(source.text);
    let unknown = if err.message().contains("unknown field") {
        super::keys::unknown_keys(source.text)
    } else {
        Vec::new()
    };
    if !unknown.is_empty() {
        for key in unknown {
            problems.push(Problem {
                file: Some(source.name.to_owned()),
                line: Some(lines.line(key.offset)),
                rule: key.rule,
                message: format!(
                    "unknown key `{}`; expected one of: {}",
                    key.path,
                    key.expected.join(", ")
                ),
            });
        }
        return;
    }
    let mut message = format!("invalid TOML: {}", err.message().trim());
    let line = match err.span() {
        Some(span) => Some(lines.line(span.start)),
        // The parser's recursion limit comes without a position.
        None => deepest_key_line(source.text).map(|(line, depth)| {
            message.push_str(&format!(
                " (the keys on this line are nested {depth} levels deep; \
                 a rule pack needs at most 5)"
            ));
            line
        }),
    };
    problems.push(Problem {
        file: Some(source.name.to_owned()),
        line,
        rule: None,
        message,
    });
}

/// The 1-based line with the most deeply dotted key or table header, and its
/// depth, when that depth is unusual for a rule pack (over 8): where a
/// recursion-limit error, which has no position, most likely comes from.
fn deepest_key_line(text: &str) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start();
        let key = if line.starts_with('[') {
            line.trim_start_matches('[').split(']').next().unwrap_or("")
        } else {
            line.split('=').next().unwrap_or("")
        };
        let depth = key.matches('.').count() + 1;
        if depth > 8 && best.is_none_or(|(_, d)| depth > d) {
            best = Some((i + 1, depth));
        }
    }
    best
}

struct SetLookup<'a> {
    own: &'a BTreeMap<String, Terms>,
    base: Option<&'a BTreeMap<String, Terms>>,
}

impl SetLookup<'_> {
    fn get(&self, name: &str) -> Option<&Terms> {
        let name = name.strip_prefix('@').unwrap_or(name);
        self.own
            .get(name)
            .or_else(|| self.base.and_then(|b| b.get(name)))
    }
}

fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.-".contains(&b))
}

fn valid_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
}

/// A script's name, its raw terms, its fold and where its terms go.
type ScriptGroup<'a> = (
    &'static str,
    &'a [toml::Spanned<String>],
    fn(&str) -> String,
    &'a mut Vec<String>,
);

/// A verb key's name, its raw entries, its check and where they go.
type VerbGroup<'a> = (
    &'static str,
    &'a [toml::Spanned<String>],
    fn(&str) -> Option<String>,
    &'a mut Vec<String>,
);

/// The bn/bn_words/en/banglish strings of a list (no sets), each checked to
/// be non-empty after folding. A `regex` field is reported here: only the
/// sides of a `near` matcher take one, and they read it themselves.
fn plain_terms(
    list: &RawTermList,
    rep: &mut Reporter<'_>,
    rule: Option<&str>,
    what: &str,
    regex_ok: bool,
) -> Terms {
    let mut terms = Terms::default();
    if !regex_ok {
        if let Some(first) = list.model.first() {
            rep.at(
                Some(first.span().start),
                rule,
                format!(
                    "{what}: `model` is only allowed in the `a`/`b` lists of a `near` matcher; \
                     use the rule's own `model` field"
                ),
            );
        }
        if let Some(first) = list.regex.first() {
            rep.at(
                Some(first.span().start),
                rule,
                format!(
                    "{what}: `regex` is only allowed in the `a`/`b` lists of a `near` matcher; \
                     use the rule's own `regex` field"
                ),
            );
        }
    }
    bangla_words(list, rep, rule, what, &mut terms);
    let groups: [ScriptGroup<'_>; 4] = [
        ("bn", &list.bn, fold_bangla_term, &mut terms.bn),
        ("en", &list.en, fold_latin_term, &mut terms.en),
        (
            "en_verbs",
            &list.en_verbs,
            fold_latin_term,
            &mut terms.en_verbs,
        ),
        (
            "banglish",
            &list.banglish,
            skeleton_term,
            &mut terms.banglish,
        ),
    ];
    let verb_groups: [VerbGroup<'_>; 2] = [
        (
            "bn_verbs",
            &list.bn_verbs,
            crate::engine::morph::bn_verb_problem,
            &mut terms.bn_verbs,
        ),
        (
            "banglish_verbs",
            &list.banglish_verbs,
            crate::engine::morph::banglish_verb_problem,
            &mut terms.banglish_verbs,
        ),
    ];
    for (key, items, problem, out) in verb_groups {
        for item in items {
            let text = item.get_ref();
            let long = too_long(text).filter(|_| !rep.trusted);
            let bad = if rep.trusted || long.is_some() {
                None
            } else {
                problem(text)
            };
            if let Some(why) = long {
                rep.at(
                    Some(item.span().start),
                    rule,
                    format!("{what}: {key} entry {why}"),
                );
            } else if let Some(why) = bad {
                rep.at(
                    Some(item.span().start),
                    rule,
                    format!("{what}: {key} entry `{text}`: {why}"),
                );
            } else {
                out.push(text.clone());
            }
        }
        super::dedup_first(out);
    }
    for (script, items, fold, out) in groups {
        for item in items {
            let text = item.get_ref();
            if let Some(why) = too_long(text).filter(|_| !rep.trusted) {
                rep.at(
                    Some(item.span().start),
                    rule,
                    format!("{what}: {script} term {why}"),
                );
            } else if !rep.trusted && fold(text).trim().is_empty() {
                rep.at(
                    Some(item.span().start),
                    rule,
                    format!("{what}: {script} term `{text}` is empty after normalisation"),
                );
            } else {
                out.push(text.clone());
            }
        }
        super::dedup_first(out);
    }
    terms
}

/// The problem with a term longer than [`MAX_TERM_CHARS`], naming the term
/// by its start.
fn too_long(text: &str) -> Option<String> {
    let chars = text.chars().count();
    (chars > MAX_TERM_CHARS).then(|| {
        let start: String = text.chars().take(24).collect();
        format!(
            "`{start}…` is {chars} characters long; the limit is {MAX_TERM_CHARS} \
             (a term is a word or a short phrase)"
        )
    })
}

/// True for the characters a `bn_suffixes` entry may hold: Bangla letters,
/// signs and digits, and the joiners.
fn is_bangla_word_char(c: char) -> bool {
    matches!(c, '\u{0980}'..='\u{09FF}' | '\u{200C}' | '\u{200D}')
}

/// Reads `bn_words` with their suffixes (`bn_suffixes`, or [`BN_WORD_SUFFIXES`]).
fn bangla_words(
    list: &RawTermList,
    rep: &mut Reporter<'_>,
    rule: Option<&str>,
    what: &str,
    terms: &mut Terms,
) {
    let suffixes: Arc<[String]> = match &list.bn_suffixes {
        None => BN_WORD_SUFFIXES.iter().map(|s| (*s).to_owned()).collect(),
        Some(given) if given.get_ref().len() > MAX_BN_SUFFIXES => {
            rep.at(
                Some(given.span().start),
                rule,
                format!(
                    "{what}: {} bn_suffixes; the limit is {MAX_BN_SUFFIXES}",
                    given.get_ref().len()
                ),
            );
            Arc::from(Vec::new())
        }
        Some(given) => {
            if list.bn_words.is_empty() {
                rep.at(
                    Some(given.span().start),
                    rule,
                    format!("{what}: `bn_suffixes` is given but there are no `bn_words`"),
                );
            }
            let mut out: Vec<String> = Vec::new();
            for sfx in given.get_ref() {
                let text = sfx.get_ref();
                let folded = fold_bangla_term(text);
                if folded.is_empty() || !folded.chars().all(is_bangla_word_char) {
                    rep.at(
                        Some(sfx.span().start),
                        rule,
                        format!(
                            "{what}: bn_suffixes entry `{text}` must be Bangla letters or \
                             signs only (no spaces or punctuation)"
                        ),
                    );
                } else if !out.contains(text) {
                    out.push(text.clone());
                }
            }
            Arc::from(out)
        }
    };
    for item in &list.bn_words {
        let text = item.get_ref();
        if let Some(why) = too_long(text).filter(|_| !rep.trusted) {
            rep.at(
                Some(item.span().start),
                rule,
                format!("{what}: bn_words term {why}"),
            );
            continue;
        }
        if !rep.trusted && fold_bangla_term(text).trim().is_empty() {
            rep.at(
                Some(item.span().start),
                rule,
                format!("{what}: bn_words term `{text}` is empty after normalisation"),
            );
            continue;
        }
        let word = WordTerm {
            word: text.clone(),
            suffixes: Arc::clone(&suffixes),
        };
        terms.bn_words.push(word);
    }
    super::dedup_first(&mut terms.bn_words);
}

/// A term list with its sets merged in.
fn term_list(
    list: &RawTermList,
    sets: &SetLookup<'_>,
    rep: &mut Reporter<'_>,
    rule: Option<&str>,
    what: &str,
    regex_ok: bool,
) -> Terms {
    let mut terms = plain_terms(list, rep, rule, what, regex_ok);
    let mut merged = HashSet::new();
    for name in &list.sets {
        match sets.get(name.get_ref()) {
            // Each set once, and no more once over the rule's limit (which
            // refuses the rule): merging stays linear in the pack's size.
            Some(_) if !merged.insert(name.get_ref().trim_start_matches('@')) => {}
            Some(set) if terms.len() + set.len() > MAX_TERMS_PER_RULE => {
                rep.at(
                    Some(name.span().start),
                    rule,
                    format!(
                        "{what}: set `{}` brings the list to {} terms; the limit is \
                         {MAX_TERMS_PER_RULE} per rule",
                        name.get_ref(),
                        terms.len() + set.len()
                    ),
                );
                break;
            }
            Some(set) => terms.extend_unique(set),
            None => rep.at(
                Some(name.span().start),
                rule,
                format!("{what}: unknown set `{}`", name.get_ref()),
            ),
        }
    }
    terms
}

fn validate_rule(
    spanned: &toml::Spanned<RawRule>,
    sets: &SetLookup<'_>,
    rep: &mut Reporter<'_>,
    file: &str,
    trusted: bool,
) -> Option<Rule> {
    let start = spanned.span().start;
    let raw = spanned.get_ref();
    let before = rep.problems.len();

    let id = match &raw.id {
        Some(id) if valid_id(id.get_ref()) => id.get_ref().clone(),
        Some(id) => {
            rep.at(
                Some(id.span().start),
                Some(id.get_ref()),
                "id may only use lower-case letters, digits, `.` and `-`",
            );
            id.get_ref().clone()
        }
        None => {
            rep.at(Some(start), None, "missing `id`");
            String::new()
        }
    };
    let rid = (!id.is_empty()).then_some(id.as_str());

    let category = match &raw.category {
        Some(c) => match c.get_ref().parse::<Category>() {
            Ok(c) => Some(c),
            Err(e) => {
                rep.at(Some(c.span().start), rid, e.to_string());
                None
            }
        },
        None => {
            rep.at(Some(start), rid, "missing `category`");
            None
        }
    };

    let clause = raw.clause.clone().unwrap_or_default();
    if clause.trim().is_empty() {
        rep.at(
            Some(start),
            rid,
            "missing `clause` (the guideline clause, e.g. \"2019 ১০-গ\")",
        );
    }

    let mut severity = ContextSeverity::default();
    match &raw.severity {
        Some(s) => {
            let offset = s.span().start;
            for (ctx, value) in [
                (crate::model::Context::Official, &s.get_ref().official),
                (crate::model::Context::Personal, &s.get_ref().personal),
            ] {
                match value {
                    Some(v) => match parse_level(v.get_ref()) {
                        Ok(level) => severity.set(ctx, level),
                        Err(e) => rep.at(Some(v.span().start), rid, format!("severity.{ctx}: {e}")),
                    },
                    None => rep.at(
                        Some(offset),
                        rid,
                        format!("missing `severity.{ctx}` (block, warn, advise or off)"),
                    ),
                }
            }
        }
        None => rep.at(
            Some(start),
            rid,
            "missing `severity` (e.g. severity = { official = \"warn\", personal = \"advise\" })",
        ),
    }

    let mut message = Message {
        en: String::new(),
        bn: String::new(),
    };
    if let Some(m) = &raw.message {
        message.en = m.en.clone().unwrap_or_default();
        message.bn = m.bn.clone().unwrap_or_default();
    }
    if message.en.trim().is_empty() {
        rep.at(Some(start), rid, "missing `message.en`");
    }
    if message.bn.trim().is_empty() {
        rep.at(Some(start), rid, "missing `message.bn`");
    }

    let terms = match &raw.terms {
        Some(t) => {
            let reported = rep.problems.len();
            let terms = term_list(t.get_ref(), sets, rep, rid, "terms", false);
            // Empty because its only terms were refused: that is said already.
            if terms.is_empty() && rep.problems.len() == reported {
                rep.at(Some(t.span().start), rid, "`terms` is empty");
            }
            terms
        }
        None => Terms::default(),
    };

    let regex_count = raw.regex.len()
        + raw
            .near
            .iter()
            .map(|n| {
                let n = n.get_ref();
                n.a.as_ref().map_or(0, |l| l.regex.len())
                    + n.b.as_ref().map_or(0, |l| l.regex.len())
            })
            .sum::<usize>();
    if regex_count > MAX_REGEXES_PER_RULE {
        rep.at(
            Some(start),
            rid,
            format!("{regex_count} regexes; the limit is {MAX_REGEXES_PER_RULE} per rule"),
        );
    }
    let regexes = check_regexes(&raw.regex, rep, rid, trusted, "regex");
    let model = model_classes(&raw.model, rep, rid, "model");

    let mut near = Vec::new();
    let mut extra_except = Vec::new();
    let mut extra_except_within = Vec::new();
    for (i, n) in raw.near.iter().enumerate() {
        let offset = Some(n.span().start);
        let RawNear {
            a,
            b,
            within,
            scope,
            except: near_except,
            except_within: near_except_within,
        } = n.get_ref();
        if let Some(x) = near_except {
            extra_except.push(x);
        }
        if let Some(x) = near_except_within {
            extra_except_within.push(x);
        }
        let what_a = format!("near[{i}].a");
        let what_b = format!("near[{i}].b");
        let a_terms = a
            .as_ref()
            .map(|l| term_list(l, sets, rep, rid, &what_a, true))
            .unwrap_or_default();
        let b_terms = b
            .as_ref()
            .map(|l| term_list(l, sets, rep, rid, &what_b, true))
            .unwrap_or_default();
        let no_regex: &[toml::Spanned<String>] = &[];
        let a_raw_regex = a.as_ref().map_or(no_regex, |l| l.regex.as_slice());
        let b_raw_regex = b.as_ref().map_or(no_regex, |l| l.regex.as_slice());
        let a_regex = check_regexes(a_raw_regex, rep, rid, trusted, &format!("{what_a}.regex"));
        let b_regex = check_regexes(b_raw_regex, rep, rid, trusted, &format!("{what_b}.regex"));
        let no_model: &[toml::Spanned<String>] = &[];
        let a_model = model_classes(
            a.as_ref().map_or(no_model, |l| l.model.as_slice()),
            rep,
            rid,
            &format!("{what_a}.model"),
        );
        let b_model = model_classes(
            b.as_ref().map_or(no_model, |l| l.model.as_slice()),
            rep,
            rid,
            &format!("{what_b}.model"),
        );
        if a_terms.is_empty() && a_raw_regex.is_empty() && a_model.is_empty() {
            rep.at(offset, rid, format!("{what_a} is missing or empty"));
        }
        if b_terms.is_empty() && b_raw_regex.is_empty() && b_model.is_empty() {
            rep.at(offset, rid, format!("{what_b} is missing or empty"));
        }
        let within = match within {
            None => DEFAULT_WITHIN,
            Some(w) => match u32::try_from(*w.get_ref()) {
                Ok(v) if WITHIN_RANGE.contains(&v) => v,
                _ => {
                    rep.at(
                        Some(w.span().start),
                        rid,
                        format!("near[{i}].within is {}; it must be 1 to 50", w.get_ref()),
                    );
                    DEFAULT_WITHIN
                }
            },
        };
        let same_clause = match scope.as_ref().map(|s| s.get_ref().as_str()) {
            None | Some("words") => false,
            Some("clause") => true,
            Some(other) => {
                rep.at(
                    scope.as_ref().map(|s| s.span().start),
                    rid,
                    format!("near[{i}].scope is `{other}`; expected `clause` or `words`"),
                );
                false
            }
        };
        near.push(Near {
            a: a_terms,
            a_regex,
            b: b_terms,
            b_regex,
            a_model,
            b_model,
            within,
            same_clause,
        });
    }

    let mut except = Terms::default();
    for list in raw.except.iter().chain(extra_except) {
        except.extend_unique(&term_list(list.get_ref(), sets, rep, rid, "except", false));
    }
    let mut except_within = 0;
    for w in raw.except_within.iter().chain(extra_except_within) {
        match u32::try_from(*w.get_ref()) {
            Ok(v) if v <= *WITHIN_RANGE.end() => except_within = except_within.max(v),
            _ => rep.at(
                Some(w.span().start),
                rid,
                format!("except_within is {}; it must be 0 to 50", w.get_ref()),
            ),
        }
    }
    if except_within > 0 && except.is_empty() {
        rep.at(
            Some(start),
            rid,
            "`except_within` is set but `except` is empty",
        );
    }

    if raw.terms.is_none() && raw.regex.is_empty() && raw.model.is_empty() && raw.near.is_empty() {
        rep.at(
            Some(start),
            rid,
            "no matchers: give at least one of `terms`, `regex`, `model` or `near`",
        );
    }

    let examples = match &raw.examples {
        Some(e) => {
            let ex = e.get_ref();
            if ex.flag.is_empty() {
                rep.at(
                    Some(e.span().start),
                    rid,
                    "`examples.flag` is empty; give at least one sentence the rule must flag",
                );
            }
            Examples {
                flag: ex.flag.clone(),
                pass: ex.pass.clone(),
            }
        }
        None => {
            rep.at(
                Some(start),
                rid,
                "missing `[rule.examples]` with at least one `flag` sentence",
            );
            Examples::default()
        }
    };

    let rule = Rule {
        id: id.clone(),
        category: category.unwrap_or(Category::Political),
        clause,
        severity,
        message,
        terms,
        regex: regexes,
        model,
        near,
        except,
        except_within,
        examples,
        origin: Origin {
            file: file.to_owned(),
            line: rep.lines.line(start),
        },
    };
    let count = rule.term_count();
    if count > MAX_TERMS_PER_RULE {
        rep.at(
            Some(start),
            rid,
            format!("{count} terms after merging sets; the limit is {MAX_TERMS_PER_RULE} per rule"),
        );
    }
    (rep.problems.len() == before).then_some(rule)
}

/// Reads a list of stance classes of the model (`derogatory`, `violent`,
/// `sexist`, `communal`); an unknown name is a problem at its line.
fn model_classes(
    list: &[toml::Spanned<String>],
    rep: &mut Reporter<'_>,
    rid: Option<&str>,
    what: &str,
) -> Vec<Stance> {
    let mut out = Vec::new();
    for item in list {
        match item.get_ref().parse::<Stance>() {
            Ok(s) if !out.contains(&s) => out.push(s),
            Ok(_) => {}
            Err(e) => rep.at(Some(item.span().start), rid, format!("{what}: {e}")),
        }
    }
    out
}

/// Validates a list of regexes (at most [`MAX_REGEXES_PER_RULE`] are read)
/// and returns them in the regex view's canonical form. A trusted pack's
/// regexes are not compiled here.
fn check_regexes(
    patterns: &[toml::Spanned<String>],
    rep: &mut Reporter<'_>,
    rid: Option<&str>,
    trusted: bool,
    what: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    for pattern in patterns.iter().take(MAX_REGEXES_PER_RULE) {
        let offset = Some(pattern.span().start);
        let text = pattern.get_ref();
        if uses_backslash_d(text) {
            rep.at(
                offset,
                rid,
                format!(
                    "{what} `{text}` uses `\\d`, which also matches non-ASCII digits; write [0-9]"
                ),
            );
            continue;
        }
        let folded = fold_regex_pattern(text);
        if trusted {
            out.push(folded);
            continue;
        }
        if let Some(name) = unavailable_property(&folded) {
            rep.at(offset, rid, unavailable_property_message(what, text, &name));
            continue;
        }
        if rep.budget.exceeded.get() {
            // The pack is refused already; compiling more would only cost time.
            continue;
        }
        if let Some(why) = rep.budget.admit(&folded) {
            rep.at(offset, rid, format!("{what} `{text}`: {why}"));
            continue;
        }
        match measure_regex(&folded) {
            Some(re) if re.is_match("") => rep.at(
                offset,
                rid,
                format!("{what} `{text}` matches the empty string; it must match some text"),
            ),
            Some(re) => match rep.budget.charge(regex_cost(&re)) {
                Some(why) => rep.at(offset, rid, format!("{what} `{text}`: {why}")),
                None => out.push(folded),
            },
            None => {
                let message = match compile_regex(&folded) {
                    Err(e) => regex_error_message(what, text, &e),
                    Ok(_) => format!("{what} `{text}` does not compile"),
                };
                rep.at(offset, rid, message);
            }
        }
    }
    out
}

/// What the regexes of an untrusted pack have used of their budget (see
/// [`MAX_REGEXES_PER_PACK`], [`MAX_UNFILTERED_REGEXES`] and
/// [`MAX_PACK_REGEX_BYTES`]). Once one budget is exceeded the pack is
/// refused, and further regexes are no longer compiled.
#[derive(Debug, Default)]
struct RegexBudget {
    regexes: Cell<usize>,
    unfiltered: Cell<usize>,
    bytes: Cell<usize>,
    exceeded: Cell<bool>,
}

impl RegexBudget {
    /// Counts one more regex (as compiled); the problem when that goes over
    /// the number of regexes, or of regexes without a prefilter literal.
    fn admit(&self, pattern: &str) -> Option<String> {
        let n = self.regexes.get() + 1;
        self.regexes.set(n);
        if n > MAX_REGEXES_PER_PACK {
            return self.over(format!(
                "over the regex budget: a pack may have at most {MAX_REGEXES_PER_PACK} regexes \
                 (`regex` and `near` sides of all rules together)"
            ));
        }
        if !crate::engine::prefilter::has_literal(pattern) {
            let n = self.unfiltered.get() + 1;
            self.unfiltered.set(n);
            if n > MAX_UNFILTERED_REGEXES {
                return self.over(format!(
                    "over the regex budget: this is regex number {n} of the pack without a \
                     fixed text of 3 bytes or more that every match contains; such a regex runs \
                     over every text checked, and a pack may have at most \
                     {MAX_UNFILTERED_REGEXES}. Add a literal word to the pattern (e.g. \
                     `otp[^0-9]{{0,12}}[0-9]{{4,8}}` rather than `[0-9]{{4,8}}`)"
                ));
            }
        }
        None
    }

    /// Adds a compiled regex's size; the problem when the pack's regexes
    /// together go over [`MAX_PACK_REGEX_BYTES`].
    fn charge(&self, bytes: usize) -> Option<String> {
        let total = self.bytes.get().saturating_add(bytes);
        self.bytes.set(total);
        (total > MAX_PACK_REGEX_BYTES)
            .then(|| {
                self.over(format!(
                "over the regex budget: this regex needs {} KiB (compiled, with its search \
                 cache), which brings the pack's regexes to {} KiB; the limit for all regexes of a pack together is {} KiB. \
                 Large Unicode classes repeated many times (such as `\\w{{20}}`) cost the most",
                bytes.div_ceil(1024),
                total.div_ceil(1024),
                MAX_PACK_REGEX_BYTES / 1024
            ))
            })
            .flatten()
    }

    fn over(&self, message: String) -> Option<String> {
        self.exceeded.set(true);
        Some(message)
    }
}

/// Compiles a regex (in the regex view's canonical form) exactly as
/// [`compile_regex`] does, with the regex crate's own engine, to learn its
/// size; `None` when it does not compile (ask [`compile_regex`] why).
fn measure_regex(pattern: &str) -> Option<regex_automata::meta::Regex> {
    use regex_automata::{meta, util::syntax, MatchKind};
    let config = meta::Config::new()
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .nfa_size_limit(Some(MAX_REGEX_BYTES))
        .hybrid_cache_capacity(MAX_REGEX_BYTES);
    meta::Builder::new()
        .configure(config)
        .syntax(syntax::Config::new().utf8(true))
        .build(&super::ascii_boundaries::prepare(pattern))
        .ok()
}

/// The memory a compiled regex holds: its automata, plus the search cache
/// it needs (the lazy DFA's cache grows during searches, up to its own limit).
fn regex_cost(re: &regex_automata::meta::Regex) -> usize {
    let cache = re.create_cache();
    re.memory_usage().saturating_add(cache.memory_usage())
}

/// An administrator-readable message for a regex that does not compile.
fn regex_error_message(what: &str, text: &str, err: &regex::Error) -> String {
    format!(
        "{what} `{text}` does not compile: {}",
        one_line(&err.to_string())
    )
}

/// The message for a `\p{...}` the engine's Unicode tables do not hold.
fn unavailable_property_message(what: &str, text: &str, name: &str) -> String {
    format!(
        "{what} `{text}` uses the Unicode property `{name}`, which this engine does not \
         include: only general categories are available (\\p{{L}}, \\p{{M}}, \\p{{N}}, \\p{{P}}, \
         \\p{{Lu}} ...) besides \\w, \\s and \\b. Scripts such as \\p{{Bengali}} are not: for \
         Bangla write the range [\\x{{0980}}-\\x{{09FF}}] (or [ঀ-৿])."
    )
}

/// Unicode general-category names (and aliases) of `\p{...}`, compared
/// loosely (lower case, without spaces, `_` and `-`): the only properties in
/// the engine's trimmed Unicode tables (Cargo feature `unicode-gencat`).
const GENERAL_CATEGORIES: &[&str] = &[
    "any",
    "ascii",
    "assigned",
    "l",
    "letter",
    "lc",
    "casedletter",
    "lu",
    "uppercaseletter",
    "ll",
    "lowercaseletter",
    "lt",
    "titlecaseletter",
    "lm",
    "modifierletter",
    "lo",
    "otherletter",
    "m",
    "mark",
    "combiningmark",
    "mn",
    "nonspacingmark",
    "mc",
    "spacingmark",
    "me",
    "enclosingmark",
    "n",
    "number",
    "nd",
    "decimalnumber",
    "digit",
    "nl",
    "letternumber",
    "no",
    "othernumber",
    "p",
    "punctuation",
    "punct",
    "pc",
    "connectorpunctuation",
    "pd",
    "dashpunctuation",
    "ps",
    "openpunctuation",
    "pe",
    "closepunctuation",
    "pi",
    "initialpunctuation",
    "pf",
    "finalpunctuation",
    "po",
    "otherpunctuation",
    "s",
    "symbol",
    "sm",
    "mathsymbol",
    "sc",
    "currencysymbol",
    "sk",
    "modifiersymbol",
    "so",
    "othersymbol",
    "z",
    "separator",
    "zs",
    "spaceseparator",
    "zl",
    "lineseparator",
    "zp",
    "paragraphseparator",
    "c",
    "other",
    "cc",
    "control",
    "cntrl",
    "cf",
    "format",
    "cs",
    "surrogate",
    "co",
    "privateuse",
    "cn",
    "unassigned",
];

/// The first `\p{...}`/`\P{...}` of a pattern that is not a general category
/// (a script, a script extension, a boolean property, an age ...), if any.
/// Checked on the syntax tree, so that the answer does not depend on which
/// Unicode tables Cargo happened to enable in this build.
fn unavailable_property(pattern: &str) -> Option<String> {
    use regex_syntax::ast::{self, ClassSetItem, ClassUnicodeKind};

    fn loose(name: &str) -> String {
        name.chars()
            .filter(|c| !matches!(c, ' ' | '_' | '-'))
            .flat_map(char::to_lowercase)
            .collect()
    }
    fn check(class: &ast::ClassUnicode) -> Option<String> {
        let (shown, ok) = match &class.kind {
            ClassUnicodeKind::OneLetter(c) => (
                c.to_string(),
                GENERAL_CATEGORIES.contains(&loose(&c.to_string()).as_str()),
            ),
            ClassUnicodeKind::Named(name) => (
                name.clone(),
                GENERAL_CATEGORIES.contains(&loose(name).as_str()),
            ),
            ClassUnicodeKind::NamedValue { name, value, .. } => (
                format!("{name}={value}"),
                matches!(loose(name).as_str(), "gc" | "generalcategory")
                    && GENERAL_CATEGORIES.contains(&loose(value).as_str()),
            ),
        };
        (!ok).then_some(shown)
    }
    struct Finder(Option<String>);
    impl ast::Visitor for Finder {
        type Output = Option<String>;
        type Err = ();
        fn finish(self) -> Result<Option<String>, ()> {
            Ok(self.0)
        }
        fn visit_pre(&mut self, node: &ast::Ast) -> Result<(), ()> {
            if let ast::Ast::ClassUnicode(class) = node {
                if self.0.is_none() {
                    self.0 = check(class);
                }
            }
            Ok(())
        }
        fn visit_class_set_item_pre(&mut self, item: &ClassSetItem) -> Result<(), ()> {
            if let ClassSetItem::Unicode(class) = item {
                if self.0.is_none() {
                    self.0 = check(class);
                }
            }
            Ok(())
        }
    }
    let parsed = ast::parse::Parser::new().parse(pattern).ok()?;
    ast::visit(&parsed, Finder(None)).ok().flatten()
}

/// Compiles a regex (already in the regex view's canonical form) with the
/// size limits for untrusted packs. Word boundaries next to ASCII word
/// characters are made ASCII boundaries, which keeps the fast engines usable
/// on Bangla text (see `ascii_boundaries`).
pub fn compile_regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(&super::ascii_boundaries::prepare(pattern))
        .size_limit(MAX_REGEX_BYTES)
        .dfa_size_limit(MAX_REGEX_BYTES)
        .build()
}

/// True when a pattern uses the `\d` class (an escaped backslash followed by `d` is fine).
fn uses_backslash_d(pattern: &str) -> bool {
    let mut escaped = false;
    for c in pattern.chars() {
        if escaped {
            if c == 'd' {
                return true;
            }
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        }
    }
    false
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[pack]
name = "test"

[set.symbols]
bn = ["নৌকা", "ধানের শীষ"]
en = ["boat"]

[[rule]]
id = "political.campaign"
category = "political"
clause = "2019 ১০-গ"
severity = { official = "warn", personal = "off" }
message.en = "Campaigning."
message.bn = "প্রচারণা।"
terms = { en = ["vote for"], sets = ["symbols"] }
regex = ['(?i)\bvote\s+for\s+[a-z]+']

[[rule.near]]
a = { sets = ["symbols"] }
b = { bn = ["ভোট"] }
within = 4

[rule.examples]
flag = ["vote for boat"]
pass = ["boat race"]
"#;

    fn lint(text: &str) -> Vec<Problem> {
        match load(
            &[Source {
                name: "t.toml",
                text,
            }],
            &LoadOptions {
                require_name: true,
                ..LoadOptions::default()
            },
        ) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems,
        }
    }

    #[test]
    fn good_pack_loads_with_sets_merged() {
        let pack = load(
            &[Source {
                name: "t.toml",
                text: GOOD,
            }],
            &LoadOptions::default(),
        )
        .expect("valid");
        assert_eq!(pack.name.as_deref(), Some("test"));
        let rule = &pack.rules[0];
        assert_eq!(rule.terms.en, vec!["vote for", "boat"]);
        assert_eq!(rule.terms.bn, vec!["নৌকা", "ধানের শীষ"]);
        assert_eq!(rule.severity.personal, None);
        assert_eq!(rule.near[0].within, 4);
        assert!(!rule.near[0].same_clause);
        assert_eq!(rule.origin.line, 9);
    }

    #[test]
    fn every_problem_is_reported_with_line_and_rule() {
        let text = r#"
[pack]
name = "bad"

[[rule]]
id = "a.one"
category = "politics"
clause = "x"
severity = { official = "loud", personal = "warn" }
message.en = "e"
message.bn = "b"
terms = { sets = ["nope"] }
regex = ['(', '[0-9]+', '\d+']
[rule.examples]
flag = ["x"]

[[rule]]
id = "a.one"
category = "political"
clause = "x"
severity = { official = "warn", personal = "warn" }
message.en = "e"
message.bn = "b"
[rule.examples]
pass = ["x"]
"#;
        let problems = lint(text);
        let show: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        let has = |needle: &str, line: usize| {
            problems
                .iter()
                .any(|p| p.message.contains(needle) && p.line == Some(line))
        };
        assert!(has("unknown category `politics`", 7), "{show:#?}");
        assert!(has("unknown severity `loud`", 9), "{show:#?}");
        assert!(has("unknown set `nope`", 12), "{show:#?}");
        assert!(has("does not compile", 13), "{show:#?}");
        assert!(has("`\\d`", 13), "{show:#?}");
        assert!(has("no matchers", 17), "{show:#?}");
        assert!(has("`examples.flag` is empty", 24), "{show:#?}");
        assert!(
            problems.iter().all(|p| p.rule.as_deref() == Some("a.one")),
            "{show:#?}"
        );
        assert!(show[0].starts_with("t.toml:7: rule `a.one`: "), "{show:#?}");
    }

    #[test]
    fn duplicate_ids_and_syntax_errors() {
        let dup = format!("{GOOD}\n{}", &GOOD[GOOD.find("[[rule]]").unwrap_or(0)..]);
        let problems = lint(&dup);
        let dup_line = dup.lines().position(|l| l.starts_with("id = ")).map(|_| {
            dup.lines()
                .enumerate()
                .filter(|(_, l)| l.starts_with("id = "))
                .map(|(i, _)| i + 1)
                .last()
        });
        assert!(
            problems
                .iter()
                .any(|p| p.message == "duplicate rule id" && Some(p.line) == dup_line),
            "{problems:?}"
        );

        let problems = lint("[pack]\nname = \"x\"\n[[rule]]\nid = \n");
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(4));
        assert!(problems[0].message.starts_with("invalid TOML"));

        let problems = lint("[pack]\nname = \"x\"\n[[rule]]\nidd = \"x\"\n");
        assert_eq!(problems[0].line, Some(4), "{problems:?}");
        assert!(problems[0].message.contains("idd"), "{problems:?}");
    }

    #[test]
    fn limits_are_enforced() {
        let huge = "#".repeat(MAX_PACK_BYTES + 1);
        assert!(lint(&huge)[0].message.contains("1 MiB"));

        let within = GOOD.replace("within = 4", "within = 99");
        assert!(lint(&within)
            .iter()
            .any(|p| p.message.contains("must be 1 to 50")));

        let many: String = (0..70).map(|i| format!("'x{i}',")).collect();
        let regexes = GOOD.replace(
            r"regex = ['(?i)\bvote\s+for\s+[a-z]+']",
            &format!("regex = [{many}]"),
        );
        assert!(lint(&regexes)
            .iter()
            .any(|p| p.message.contains("the limit is 64")));

        let big = GOOD.replace(
            r"regex = ['(?i)\bvote\s+for\s+[a-z]+']",
            r"regex = ['\w{1000}\w{1000}']",
        );
        assert!(lint(&big)
            .iter()
            .any(|p| p.message.contains("does not compile")));

        let empty = GOOD.replace(r"regex = ['(?i)\bvote\s+for\s+[a-z]+']", r"regex = ['x*']");
        assert!(lint(&empty)
            .iter()
            .any(|p| p.message.contains("empty string")));

        let letters = |i: usize| -> String {
            [i / 676, (i / 26) % 26, i % 26]
                .iter()
                .map(|&d| char::from(b'a' + d as u8))
                .collect()
        };
        let verbs: String = (0..=MAX_VERBS_PER_PACK)
            .map(|i| format!("\"{}\",", letters(i)))
            .collect();
        let many_verbs = GOOD.replace(
            r#"terms = { en = ["vote for"], sets = ["symbols"] }"#,
            &format!("terms = {{ banglish_verbs = [{verbs}] }}"),
        );
        assert!(lint(&many_verbs)
            .iter()
            .any(|p| p.message.contains("bn_verbs/banglish_verbs entries")));
    }

    #[test]
    fn missing_pack_name_and_base_sets() {
        let text = GOOD.replace("[pack]\nname = \"test\"\n", "");
        assert!(lint(&text).iter().any(|p| p.message.contains("`[pack]`")));

        let mut base = BTreeMap::new();
        base.insert(
            "party".to_owned(),
            Terms {
                en: vec!["bnp".into()],
                ..Terms::default()
            },
        );
        let uses_base = GOOD.replace(
            "sets = [\"symbols\"] }\nregex",
            "sets = [\"party\"] }\nregex",
        );
        let pack = load(
            &[Source {
                name: "t.toml",
                text: &uses_base,
            }],
            &LoadOptions {
                base_sets: Some(&base),
                ..LoadOptions::default()
            },
        )
        .expect("base set resolves");
        assert!(pack.rules[0].terms.en.contains(&"bnp".to_owned()));
    }

    #[test]
    fn backslash_d_detection() {
        assert!(uses_backslash_d(r"\d+"));
        assert!(!uses_backslash_d(r"\\d"));
        assert!(!uses_backslash_d(r"[0-9]\D"));
    }
}

#[cfg(test)]
mod format_tests {
    use super::*;

    fn lint_rule(body: &str) -> Vec<Problem> {
        let text = format!(
            r#"[pack]
name = "t"

[[rule]]
id = "a.one"
category = "political"
clause = "x"
severity = {{ official = "warn", personal = "warn" }}
message.en = "e"
message.bn = "b"
{body}
[rule.examples]
flag = ["x"]
"#
        );
        match load(
            &[Source {
                name: "t.toml",
                text: &text,
            }],
            &LoadOptions::default(),
        ) {
            Ok(_) => Vec::new(),
            Err(e) => e.problems,
        }
    }

    fn load_rule(body: &str) -> Rule {
        let text = format!(
            "[[rule]]\nid = \"a.one\"\ncategory = \"political\"\nclause = \"x\"\n\
             severity = {{ official = \"warn\", personal = \"warn\" }}\nmessage.en = \"e\"\n\
             message.bn = \"b\"\n{body}\n[rule.examples]\nflag = [\"x\"]\n"
        );
        let pack = load(
            &[Source {
                name: "t.toml",
                text: &text,
            }],
            &LoadOptions::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        pack.rules
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no rule"))
    }

    #[test]
    fn bn_words_take_the_built_in_or_the_listed_suffixes() {
        let rule = load_rule(r#"terms = { bn_words = ["জাপা"], bn = ["নৌকা"] }"#);
        assert_eq!(rule.terms.bn, vec!["নৌকা"]);
        assert_eq!(rule.terms.bn_words[0].word, "জাপা");
        assert_eq!(
            rule.terms.bn_words[0].suffixes.len(),
            BN_WORD_SUFFIXES.len()
        );
        let rule = load_rule(r#"terms = { bn_words = ["বাল"], bn_suffixes = ["ের", "ে"] }"#);
        assert_eq!(&*rule.terms.bn_words[0].suffixes, ["ের", "ে"]);
        let many: String = (0..65).map(|_| "\"র\",").collect();
        let problems = lint_rule(&format!(
            "terms = {{ bn_words = [\"বাল\"], bn_suffixes = [{many}] }}"
        ));
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("65 bn_suffixes; the limit is 64")),
            "{problems:#?}"
        );
        let rule = load_rule(r#"terms = { bn_words = ["মালু"], bn_suffixes = [] }"#);
        assert!(rule.terms.bn_words[0].suffixes.is_empty());
    }

    #[test]
    fn bad_bn_words_and_suffixes_are_reported_with_lines() {
        let problems = lint_rule(
            "terms = { bn = [\"নৌকা\"], bn_suffixes = [\"র\"] }\nexcept = { bn_words = [\"নৌকা বাইচ\", \"!?\"], bn_suffixes = [\"র ও\", \"s\"] }",
        );
        let has = |needle: &str, line: usize| {
            problems
                .iter()
                .any(|p| p.message.contains(needle) && p.line == Some(line))
        };
        assert!(has("no `bn_words`", 11), "{problems:#?}");
        assert!(
            has("entry `র ও` must be Bangla letters", 12),
            "{problems:#?}"
        );
        assert!(has("entry `s` must be Bangla letters", 12), "{problems:#?}");
        assert!(
            has("`!?` is empty after normalisation", 12),
            "{problems:#?}"
        );
        assert!(!problems.iter().any(|p| p.message.contains("নৌকা বাইচ")));
    }

    #[test]
    fn verb_keys_load_and_bad_entries_are_reported() {
        let rule = load_rule(
            r#"terms = { bn_verbs = ["মার", "আগুন দে", "লেখ/লিখ"], banglish_verbs = ["mar", "agun de"], en_verbs = ["burn down"] }"#,
        );
        assert_eq!(rule.terms.bn_verbs, ["মার", "আগুন দে", "লেখ/লিখ"]);
        assert_eq!(rule.terms.banglish_verbs, ["mar", "agun de"]);
        assert_eq!(rule.terms.en_verbs, ["burn down"]);
        assert_eq!(rule.terms.verb_count(), 5);
        let problems = lint_rule(
            "terms = { bn_verbs = [\"মার\", \"kill\", \"মার/মের পিট\"] }\nexcept = { banglish_verbs = [\"mar1\", \"মার\", \"agun de/d-i\"] }",
        );
        let has = |needle: &str, line: usize| {
            problems
                .iter()
                .any(|p| p.message.contains(needle) && p.line == Some(line))
        };
        assert!(has("bn_verbs entry `kill`: the verb", 11), "{problems:#?}");
        assert!(
            has("entry `মার/মের পিট`: the alternant", 11),
            "{problems:#?}"
        );
        assert!(has("banglish_verbs entry `mar1`", 12), "{problems:#?}");
        assert!(has("banglish_verbs entry `মার`", 12), "{problems:#?}");
        assert!(
            has("entry `agun de/d-i`: the alternant", 12),
            "{problems:#?}"
        );
        assert_eq!(problems.len(), 5, "{problems:#?}");
    }

    #[test]
    fn near_scope_is_clause_or_words() {
        let near = |scope: &str| {
            format!("[[rule.near]]\na = {{ en = [\"a\"] }}\nb = {{ en = [\"b\"] }}\nscope = \"{scope}\"")
        };
        assert!(load_rule(&near("clause")).near[0].same_clause);
        assert!(!load_rule(&near("words")).near[0].same_clause);
        let problems = lint_rule(&near("sentence"));
        assert!(
            problems.iter().any(|p| p
                .message
                .contains("scope is `sentence`; expected `clause` or `words`")),
            "{problems:#?}"
        );
    }

    #[test]
    fn near_sides_take_regexes_other_lists_do_not() {
        let rule = load_rule(
            "[[rule.near]]\na = { regex = ['\\b01[3-9][0-9]{8}\\b'] }\nb = { en = [\"citizen\"], regex = ['নাগরিক'] }",
        );
        assert_eq!(rule.near[0].a_regex.len(), 1);
        assert!(rule.near[0].a.is_empty());
        assert_eq!(rule.near[0].b_regex, vec!["নাগরিক"]);

        let problems = lint_rule("terms = { en = [\"x\"], regex = ['y+'] }");
        assert!(
            problems
                .iter()
                .any(|p| p.message.contains("only allowed in the `a`/`b` lists")
                    && p.line == Some(11)),
            "{problems:#?}"
        );
        let problems = lint_rule(
            "terms = { en = [\"x\"] }\n[[rule.near]]\na = { regex = ['(', 'q*'] }\nb = { regex = [] }",
        );
        let has = |needle: &str, line: usize| {
            problems
                .iter()
                .any(|p| p.message.contains(needle) && p.line == Some(line))
        };
        assert!(
            has("near[0].a.regex `(` does not compile", 13),
            "{problems:#?}"
        );
        assert!(
            has("near[0].a.regex `q*` matches the empty string", 13),
            "{problems:#?}"
        );
        assert!(has("near[0].b is missing or empty", 12), "{problems:#?}");
    }

    #[test]
    fn near_regexes_count_toward_the_regex_limit() {
        let many: String = (0..40).map(|i| format!("'x{i}y',")).collect();
        let problems = lint_rule(&format!(
            "regex = [{many}]\n[[rule.near]]\na = {{ regex = [{many}] }}\nb = {{ en = [\"z\"] }}"
        ));
        assert!(
            problems.iter().any(|p| p.message.contains("80 regexes")),
            "{problems:#?}"
        );
    }

    #[test]
    fn script_properties_get_a_clear_error() {
        let problems = lint_rule(r"regex = ['\p{Bengali}+']");
        assert_eq!(problems.len(), 1, "{problems:#?}");
        let message = &problems[0].message;
        assert!(message.contains("property `Bengali`"), "{message}");
        assert!(message.contains("[ঀ-৿]"), "{message}");
        assert_eq!(problems[0].line, Some(11));
        let problems = lint_rule(r"regex = ['[\p{L}&&\p{sc=Beng}]', '\pL\P{Greek}']");
        assert_eq!(problems.len(), 2, "{problems:#?}");
        assert!(problems[0].message.contains("`sc=Beng`"), "{problems:#?}");
        assert!(problems[1].message.contains("`Greek`"), "{problems:#?}");
        // General categories and the Perl classes are available.
        assert!(
            lint_rule(r"regex = ['\p{L}\p{M}*\s+\w+\b\pN\p{gc=Lu}\p{Punctuation}']").is_empty()
        );
        assert!(lint_rule(r"regex = ['[ঀ-৿]+ভোট']").is_empty());
    }

    #[test]
    fn model_matchers_load_and_unknown_classes_are_reported_with_lines() {
        let rule = load_rule(
            "model = [\"derogatory\", \"violent\", \"derogatory\"]\n\
             [[rule.near]]\na = { en = [\"officer\"] }\nb = { model = [\"sexist\"] }",
        );
        assert_eq!(rule.model, vec![Stance::Derogatory, Stance::Violent]);
        assert_eq!(rule.near[0].b_model, vec![Stance::Sexist]);
        assert!(rule.near[0].a_model.is_empty());

        let problems = lint_rule("model = [\"violent\", \"angry\"]");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(11));
        assert!(problems[0]
            .message
            .contains("model: unknown model class `angry`; expected one of: derogatory"));

        let problems = lint_rule(
            "terms = { en = [\"x\"] }\n[[rule.near]]\na = { en = [\"y\"] }\nb = { model = [\"rude\"] }",
        );
        assert!(
            problems.iter().any(|p| p.line == Some(14)
                && p.message
                    .contains("near[0].b.model: unknown model class `rude`")),
            "{problems:?}"
        );

        let problems = lint_rule("terms = { en = [\"x\"], model = [\"violent\"] }");
        assert!(
            problems.iter().any(|p| p
                .message
                .contains("`model` is only allowed in the `a`/`b` lists")),
            "{problems:?}"
        );
        // A model-only rule is a rule with a matcher.
        assert!(lint_rule("model = [\"communal\"]").is_empty());
    }
}
