//! Parsing one pack source: TOML into the raw format ([`super::raw`]), and
//! the problems of a source that does not parse, each with its line.

use super::load::Lines;
use super::raw::RawFile;
use super::{Problem, Source};

/// Parses one source into the raw format (unknown keys are errors).
pub(super) fn parse_source(source: &Source<'_>) -> Result<RawFile, toml::de::Error> {
    toml::from_str::<RawFile>(source.text)
}

/// The problems of a source that does not deserialize: every unknown key
/// with its line when that is the cause (serde stops at the first one),
/// otherwise the parse error, with its line when the parser gives one.
pub(super) fn parse_problems(
    source: &Source<'_>,
    err: &toml::de::Error,
    problems: &mut Vec<Problem>,
) {
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
