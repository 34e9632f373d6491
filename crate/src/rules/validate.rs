//! Validating the rules and term lists of a parsed source: ids, categories,
//! severities, messages, terms and sets, verbs, `near` matchers, examples and
//! the per-rule limits. Regex fields are checked by [`super::regex`].

use super::load::Reporter;
use super::raw::{RawNear, RawRule, RawTermList};
use super::regex::check_regexes;
use super::verbs::{banglish_verb_problem, bn_verb_problem};
use super::{
    dedup_first, parse_level, ContextSeverity, Examples, Near, Origin, Rule, Terms, WordTerm,
    BN_WORD_SUFFIXES, DEFAULT_WITHIN, MAX_BN_SUFFIXES, MAX_REGEXES_PER_RULE, MAX_TERMS_PER_RULE,
    MAX_TERM_CHARS, WITHIN_RANGE,
};
use crate::model::{Category, Message};
use crate::normalize::{fold_bangla_term, fold_latin_term, skeleton_term};
use crate::stance::Stance;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// The sets a rule may name: the pack's own, then the base pack's.
pub(super) struct SetLookup<'a> {
    pub(super) own: &'a BTreeMap<String, Terms>,
    pub(super) base: Option<&'a BTreeMap<String, Terms>>,
}

impl SetLookup<'_> {
    fn get(&self, name: &str) -> Option<&Terms> {
        let name = name.strip_prefix('@').unwrap_or(name);
        self.own
            .get(name)
            .or_else(|| self.base.and_then(|b| b.get(name)))
    }
}

/// True for a set name: a-z, 0-9, `_`, `.` and `-`.
pub(super) fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"_.-".contains(&b))
}

/// True for a rule id: a-z, 0-9, `.` and `-`.
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
pub(super) fn plain_terms(
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
            bn_verb_problem,
            &mut terms.bn_verbs,
        ),
        (
            "banglish_verbs",
            &list.banglish_verbs,
            banglish_verb_problem,
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
            Some(set) if !regex_ok && !set.regex.is_empty() => rep.at(
                Some(name.span().start),
                rule,
                format!(
                    "{what}: set `{}` holds regexes, which only the `a`/`b` side of a `near` \
                     matcher can use",
                    name.get_ref()
                ),
            ),
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

/// One rule, validated; `None` when it has a problem (each one reported).
pub(super) fn validate_rule(
    spanned: &toml::Spanned<RawRule>,
    sets: &SetLookup<'_>,
    rep: &mut Reporter<'_>,
    file: &str,
    trusted: bool,
) -> Option<Rule> {
    let start = spanned.span().start;
    let raw = spanned.get_ref();
    let before = rep.problems.len();

    let id = rule_id(raw, start, rep);
    let rid = (!id.is_empty()).then_some(id.as_str());
    let category = rule_category(raw, start, rid, rep);
    let clause = raw.clause.clone().unwrap_or_default();
    if clause.trim().is_empty() {
        rep.at(
            Some(start),
            rid,
            "missing `clause` (the guideline clause, e.g. \"2019 ১০-গ\")",
        );
    }
    let severity = rule_severity(raw, start, rid, rep);
    let message = rule_message(raw, start, rid, rep);

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

    let near: Vec<Near> = raw
        .near
        .iter()
        .enumerate()
        .map(|(i, n)| near_matcher(i, n, sets, rep, rid, trusted))
        .collect();
    // The regexes of the sets a near side names count toward the same limit:
    // each rule compiles its own copy, however many rules name the set.
    let with_sets = raw.regex.len()
        + near
            .iter()
            .map(|n| n.a_regex.len() + n.b_regex.len())
            .sum::<usize>();
    if regex_count <= MAX_REGEXES_PER_RULE && with_sets > MAX_REGEXES_PER_RULE {
        rep.at(
            Some(start),
            rid,
            format!(
                "{with_sets} regexes with those of the sets its `near` sides name; the limit is \
                 {MAX_REGEXES_PER_RULE} per rule"
            ),
        );
    }
    let (except, except_within) = rule_except(raw, start, sets, rep, rid);

    if raw.terms.is_none() && raw.regex.is_empty() && raw.model.is_empty() && raw.near.is_empty() {
        rep.at(
            Some(start),
            rid,
            "no matchers: give at least one of `terms`, `regex`, `model` or `near`",
        );
    }
    let examples = rule_examples(raw, start, rid, rep);

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

/// The rule's `id` (empty when missing; an invalid one is kept, and reported).
fn rule_id(raw: &RawRule, start: usize, rep: &mut Reporter<'_>) -> String {
    match &raw.id {
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
    }
}

/// The rule's `category`, if it names a known one.
fn rule_category(
    raw: &RawRule,
    start: usize,
    rid: Option<&str>,
    rep: &mut Reporter<'_>,
) -> Option<Category> {
    match &raw.category {
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
    }
}

/// The rule's `severity` in each context (both are required).
fn rule_severity(
    raw: &RawRule,
    start: usize,
    rid: Option<&str>,
    rep: &mut Reporter<'_>,
) -> ContextSeverity {
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
    severity
}

/// The rule's `message` in English and Bangla (both are required).
fn rule_message(raw: &RawRule, start: usize, rid: Option<&str>, rep: &mut Reporter<'_>) -> Message {
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
    message
}

/// One `[[rule.near]]` matcher: its two sides (terms, regexes, model
/// classes; neither may be empty), `within` and `scope`. Its own `except`
/// lists are read with the rule's (see [`rule_except`]).
fn near_matcher(
    i: usize,
    n: &toml::Spanned<RawNear>,
    sets: &SetLookup<'_>,
    rep: &mut Reporter<'_>,
    rid: Option<&str>,
    trusted: bool,
) -> Near {
    let offset = Some(n.span().start);
    let RawNear {
        a,
        b,
        within,
        scope,
        target_share,
        ..
    } = n.get_ref();
    let what_a = format!("near[{i}].a");
    let what_b = format!("near[{i}].b");
    let mut a_terms = a
        .as_ref()
        .map(|l| term_list(l, sets, rep, rid, &what_a, true))
        .unwrap_or_default();
    let mut b_terms = b
        .as_ref()
        .map(|l| term_list(l, sets, rep, rid, &what_b, true))
        .unwrap_or_default();
    // Regexes of the sets a side names (checked where the set is defined).
    let a_set_regex = std::mem::take(&mut a_terms.regex);
    let b_set_regex = std::mem::take(&mut b_terms.regex);
    let no_regex: &[toml::Spanned<String>] = &[];
    let a_raw_regex = a.as_ref().map_or(no_regex, |l| l.regex.as_slice());
    let b_raw_regex = b.as_ref().map_or(no_regex, |l| l.regex.as_slice());
    let mut a_regex = check_regexes(a_raw_regex, rep, rid, trusted, &format!("{what_a}.regex"));
    let mut b_regex = check_regexes(b_raw_regex, rep, rid, trusted, &format!("{what_b}.regex"));
    a_regex.extend(a_set_regex);
    b_regex.extend(b_set_regex);
    dedup_first(&mut a_regex);
    dedup_first(&mut b_regex);
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
    if a_terms.is_empty() && a_regex.is_empty() && a_model.is_empty() {
        rep.at(offset, rid, format!("{what_a} is missing or empty"));
    }
    if b_terms.is_empty() && b_regex.is_empty() && b_model.is_empty() {
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
    let (same_clause, anaphora) = match scope.as_ref().map(|s| s.get_ref().as_str()) {
        None | Some("words") => (false, false),
        Some("clause") => (true, false),
        Some("clause-anaphora") => (true, true),
        Some(other) => {
            rep.at(
                scope.as_ref().map(|s| s.span().start),
                rid,
                format!(
                    "near[{i}].scope is `{other}`; expected `clause`, `clause-anaphora` or `words`"
                ),
            );
            (false, false)
        }
    };
    let target_share = match target_share {
        None => 0,
        Some(v) => {
            let share = *v.get_ref();
            let at = Some(v.span().start);
            if a_model.is_empty() == b_model.is_empty() {
                rep.at(
                    at,
                    rid,
                    format!(
                        "near[{i}].target_share needs exactly one side with `model` classes (the other side is the target)"
                    ),
                );
                0
            } else if (0.0..=1.0).contains(&share) {
                // In range, so the rounded percentage fits a u8.
                (share * 100.0).round() as u8
            } else {
                rep.at(
                    at,
                    rid,
                    format!("near[{i}].target_share is {share}; it must be 0 to 1"),
                );
                0
            }
        }
    };
    Near {
        a: a_terms,
        a_regex,
        b: b_terms,
        b_regex,
        a_model,
        b_model,
        within,
        same_clause,
        anaphora,
        target_share,
    }
}

/// The rule's `except` terms and `except_within` distance, with those given
/// in its `near` matchers (they apply to the whole rule).
fn rule_except(
    raw: &RawRule,
    start: usize,
    sets: &SetLookup<'_>,
    rep: &mut Reporter<'_>,
    rid: Option<&str>,
) -> (Terms, u32) {
    let near = raw.near.iter().map(|n| n.get_ref());
    let lists = raw
        .except
        .iter()
        .chain(near.clone().filter_map(|n| n.except.as_ref()));
    let mut except = Terms::default();
    for list in lists {
        except.extend_unique(&term_list(list.get_ref(), sets, rep, rid, "except", false));
    }
    let mut except_within = 0;
    for w in raw
        .except_within
        .iter()
        .chain(near.filter_map(|n| n.except_within.as_ref()))
    {
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
    (except, except_within)
}

/// The rule's `[rule.examples]` (at least one `flag` sentence).
fn rule_examples(
    raw: &RawRule,
    start: usize,
    rid: Option<&str>,
    rep: &mut Reporter<'_>,
) -> Examples {
    match &raw.examples {
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
    }
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
