//! Parsing and validating pack sources into a [`RulePack`].

use super::raw::{RawFile, RawNear, RawRule, RawTermList};
use super::{
    parse_level, ContextSeverity, Examples, Near, Origin, PackError, Problem, Rule, RulePack,
    Source, Terms, DEFAULT_WITHIN, MAX_PACK_BYTES, MAX_REGEXES_PER_RULE, MAX_REGEX_BYTES,
    MAX_RULES, MAX_TERMS_PER_PACK, MAX_TERMS_PER_RULE, WITHIN_RANGE,
};
use crate::engine::views::{fold_bangla_term, fold_latin_term, fold_regex_pattern, skeleton_term};
use crate::model::{Category, Message};
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
            Err(err) => {
                let lines = Lines::new(source.text);
                problems.push(Problem {
                    file: Some(source.name.to_owned()),
                    line: err.span().map(|s| lines.line(s.start)),
                    rule: None,
                    message: format!("invalid TOML: {}", err.message().trim()),
                });
            }
        }
    }

    // 2. Pack metadata and sets from all sources.
    let mut pack = RulePack::default();
    let mut set_origin: BTreeMap<String, String> = BTreeMap::new();
    for (source, file) in &parsed {
        let mut rep = Reporter {
            file: source.name,
            trusted: options.trusted,
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
            let terms = plain_terms(list, &mut rep, None, &format!("set `{name}`"));
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
    for (source, file) in &parsed {
        let mut rep = Reporter {
            file: source.name,
            trusted: options.trusted,
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
            }
        }
    }
    if total_terms > MAX_TERMS_PER_PACK {
        problems.push(Problem {
            file: sources.first().map(|s| s.name.to_owned()),
            line: None,
            rule: None,
            message: format!(
                "the pack has {total_terms} terms after merging sets; the limit is {MAX_TERMS_PER_PACK}"
            ),
        });
    }
    if problems.is_empty() {
        Ok(pack)
    } else {
        Err(PackError { problems })
    }
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

/// The bn/en/banglish strings of a list (no sets), each checked to be non-empty after folding.
fn plain_terms(
    list: &RawTermList,
    rep: &mut Reporter<'_>,
    rule: Option<&str>,
    what: &str,
) -> Terms {
    let mut terms = Terms::default();
    let groups: [ScriptGroup<'_>; 3] = [
        ("bn", &list.bn, fold_bangla_term, &mut terms.bn),
        ("en", &list.en, fold_latin_term, &mut terms.en),
        (
            "banglish",
            &list.banglish,
            skeleton_term,
            &mut terms.banglish,
        ),
    ];
    for (script, items, fold, out) in groups {
        for item in items {
            let text = item.get_ref();
            if !rep.trusted && fold(text).trim().is_empty() {
                rep.at(
                    Some(item.span().start),
                    rule,
                    format!("{what}: {script} term `{text}` is empty after normalisation"),
                );
            } else if !out.contains(text) {
                out.push(text.clone());
            }
        }
    }
    terms
}

/// A term list with its sets merged in.
fn term_list(
    list: &RawTermList,
    sets: &SetLookup<'_>,
    rep: &mut Reporter<'_>,
    rule: Option<&str>,
    what: &str,
) -> Terms {
    let mut terms = plain_terms(list, rep, rule, what);
    for name in &list.sets {
        match sets.get(name.get_ref()) {
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
            let terms = term_list(t.get_ref(), sets, rep, rid, "terms");
            if terms.is_empty() {
                rep.at(Some(t.span().start), rid, "`terms` is empty");
            }
            terms
        }
        None => Terms::default(),
    };

    let mut regexes = Vec::new();
    if raw.regex.len() > MAX_REGEXES_PER_RULE {
        rep.at(
            Some(start),
            rid,
            format!(
                "{} regexes; the limit is {MAX_REGEXES_PER_RULE} per rule",
                raw.regex.len()
            ),
        );
    }
    for pattern in raw.regex.iter().take(MAX_REGEXES_PER_RULE) {
        let offset = Some(pattern.span().start);
        let text = pattern.get_ref();
        if uses_backslash_d(text) {
            rep.at(
                offset,
                rid,
                format!(
                    "regex `{text}` uses `\\d`, which also matches non-ASCII digits; write [0-9]"
                ),
            );
            continue;
        }
        let folded = fold_regex_pattern(text);
        if trusted {
            regexes.push(folded);
            continue;
        }
        match compile_regex(&folded) {
            Ok(re) if re.is_match("") => rep.at(
                offset,
                rid,
                format!("regex `{text}` matches the empty string; it must match some text"),
            ),
            Ok(_) => regexes.push(folded),
            Err(e) => rep.at(
                offset,
                rid,
                format!(
                    "regex `{text}` does not compile: {}",
                    one_line(&e.to_string())
                ),
            ),
        }
    }

    let mut near = Vec::new();
    let mut extra_except = Vec::new();
    let mut extra_except_within = Vec::new();
    for (i, n) in raw.near.iter().enumerate() {
        let offset = Some(n.span().start);
        let RawNear {
            a,
            b,
            within,
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
        let a = a
            .as_ref()
            .map(|l| term_list(l, sets, rep, rid, &what_a))
            .unwrap_or_default();
        let b = b
            .as_ref()
            .map(|l| term_list(l, sets, rep, rid, &what_b))
            .unwrap_or_default();
        if a.is_empty() {
            rep.at(offset, rid, format!("{what_a} is missing or empty"));
        }
        if b.is_empty() {
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
        near.push(Near { a, b, within });
    }

    let mut except = Terms::default();
    for list in raw.except.iter().chain(extra_except) {
        except.extend_unique(&term_list(list.get_ref(), sets, rep, rid, "except"));
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

    if raw.terms.is_none() && raw.regex.is_empty() && raw.near.is_empty() {
        rep.at(
            Some(start),
            rid,
            "no matchers: give at least one of `terms`, `regex` or `near`",
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
