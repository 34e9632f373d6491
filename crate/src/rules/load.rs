//! Loading pack sources into a [`RulePack`]: parse each source
//! ([`super::parse`]), gather the pack's metadata and sets, validate each rule
//! ([`super::validate`], whose regexes go through [`super::regex`]), and apply
//! the pack-wide limits.

use super::parse::{parse_problems, parse_source};
use super::regex::{check_regexes, RegexBudget};
use super::validate::{plain_terms, valid_name, validate_rule, SetLookup};
use super::{
    PackError, Problem, RulePack, Source, Terms, MAX_PACK_BYTES, MAX_RULES, MAX_TERMS_PER_PACK,
    MAX_VERBS_PER_PACK,
};
use std::collections::{BTreeMap, HashSet};

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
pub(super) struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// The line starts of `text`.
    pub(super) fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts }
    }

    /// The 1-based line holding byte `offset`.
    pub(super) fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }
}

/// Collects problems for one source.
pub(super) struct Reporter<'a> {
    file: &'a str,
    /// Skip costly checks (see [`LoadOptions::trusted`]).
    pub(super) trusted: bool,
    /// What the pack's regexes have used of their budget so far.
    pub(super) budget: &'a RegexBudget,
    pub(super) lines: Lines,
    pub(super) problems: &'a mut Vec<Problem>,
}

impl Reporter<'_> {
    /// Records a problem at byte `offset` of the source (its line), for `rule`.
    pub(super) fn at(
        &mut self,
        offset: Option<usize>,
        rule: Option<&str>,
        message: impl Into<String>,
    ) {
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
    let mut parsed: Vec<(Source<'_>, super::raw::RawFile)> = Vec::new();
    for source in sources {
        match parse_source(source) {
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
            let what = format!("set `{name}`");
            if let Some(first) = list.model.first() {
                rep.at(
                    Some(first.span().start),
                    None,
                    format!(
                        "{what}: `model` is only allowed in the `a`/`b` lists of a `near` matcher"
                    ),
                );
            }
            let mut terms = plain_terms(list, &mut rep, None, &what, true);
            terms.regex = check_regexes(
                &list.regex,
                &mut rep,
                None,
                options.trusted,
                &format!("{what}.regex"),
            );
            if terms.is_empty() && terms.regex.is_empty() {
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
