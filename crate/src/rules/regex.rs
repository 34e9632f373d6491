//! The regexes of a pack: validating a `regex` field (no `\\d`, only the
//! Unicode properties the engine holds, never the empty match), the pack's
//! regex budget, and compiling a regex exactly as the engine does.

use super::literals::has_literal;
use super::load::Reporter;
use super::{
    MAX_PACK_REGEX_BYTES, MAX_REGEXES_PER_PACK, MAX_REGEXES_PER_RULE, MAX_REGEX_BYTES,
    MAX_UNFILTERED_REGEXES,
};
use crate::normalize::fold_regex_pattern;
use std::cell::Cell;

/// Validates a list of regexes (at most [`MAX_REGEXES_PER_RULE`] are read)
/// and returns them in the regex view's canonical form. A trusted pack's
/// regexes are not compiled here.
pub(super) fn check_regexes(
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
pub(super) struct RegexBudget {
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
        if !has_literal(pattern) {
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
pub(super) fn uses_backslash_d(pattern: &str) -> bool {
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
