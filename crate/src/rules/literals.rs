//! Literals that every match of a regex contains: what the engine's regex
//! prefilter (`crate::engine::prefilter`) searches for, and what the pack's
//! regex budget counts regexes without (such a regex runs on every text).

use regex_syntax::hir::{Hir, HirKind};

/// Shortest literal worth prefiltering on, in bytes.
const MIN_LITERAL_BYTES: usize = 3;
/// Most literals one regex may contribute.
const MAX_LITERALS_PER_REGEX: usize = 256;

/// Literals one of which appears in every match of `hir`, if there is such a set.
fn required(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    match hir.kind() {
        HirKind::Literal(lit) => Some(vec![lit.0.to_vec()]),
        HirKind::Capture(c) => required(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required(&r.sub),
        HirKind::Alternation(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(required(a)?);
                if all.len() > MAX_LITERALS_PER_REGEX {
                    return None;
                }
            }
            Some(all)
        }
        HirKind::Concat(parts) => {
            // Adjacent literals join into longer ones; then the best part wins.
            let mut best: Option<Vec<Vec<u8>>> = None;
            let mut run: Vec<u8> = Vec::new();
            let consider = |cand: Option<Vec<Vec<u8>>>, best: &mut Option<Vec<Vec<u8>>>| {
                if let Some(c) = cand {
                    if score(&c) > best.as_ref().map_or(0, |b| score(b)) {
                        *best = Some(c);
                    }
                }
            };
            for p in parts {
                if let HirKind::Literal(lit) = p.kind() {
                    run.extend_from_slice(&lit.0);
                    continue;
                }
                if !run.is_empty() {
                    consider(Some(vec![std::mem::take(&mut run)]), &mut best);
                }
                consider(required(p), &mut best);
            }
            if !run.is_empty() {
                consider(Some(vec![run]), &mut best);
            }
            best
        }
        _ => None,
    }
}

/// How selective a literal set is: its shortest literal (0 = useless).
fn score(set: &[Vec<u8>]) -> usize {
    if set.is_empty() || set.len() > MAX_LITERALS_PER_REGEX {
        return 0;
    }
    set.iter().map(Vec::len).min().unwrap_or(0)
}

/// The literals the engine's prefilter searches for a regex: its
/// [`required_literals`] when it has such a set, else any set of shorter
/// literals one of which every match contains (`p` or `pwd` for a password
/// pattern spelled `p\W?[a@4]…|pwd`). A short literal is found in more texts,
/// but a regex skipped on a text that lacks it is one less to compile on the
/// first check (BENCHMARKS.md, "Policy at the limits"); `None`: the regex runs
/// on every text.
pub(crate) fn prefilter_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    regex_syntax::parse(pattern)
        .ok()
        .and_then(|hir| required(&hir))
        .filter(|set| score(set) >= 1)
}

/// True when a pattern (as compiled) has a literal the prefilter can use:
/// such a regex only runs on texts holding one of its literals; the others
/// run on every text.
pub(crate) fn has_literal(pattern: &str) -> bool {
    required_literals(pattern).is_some()
}

/// The literals one of which every match of `pattern` (as compiled) contains,
/// when there is a set worth prefiltering on (each at least
/// `MIN_LITERAL_BYTES` long, at most `MAX_LITERALS_PER_REGEX` of them).
pub(crate) fn required_literals(pattern: &str) -> Option<Vec<Vec<u8>>> {
    regex_syntax::parse(pattern)
        .ok()
        .and_then(|hir| required(&hir))
        .filter(|set| score(set) >= MIN_LITERAL_BYTES)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(p: &str) -> Option<Vec<String>> {
        required_literals(p).map(|s| {
            s.into_iter()
                .map(|l| String::from_utf8_lossy(&l).into_owned())
                .collect()
        })
    }

    #[test]
    fn extracts_required_literals() {
        let got = lits(r"(?:^|[^\p{L}\p{M}])জাপা(?:র|কে)?(?:[^\p{L}\p{M}]|$)").unwrap_or_default();
        assert_eq!(got, vec!["জাপা"]);
        let got = lits(r"\b(?:otp|pin code)[^0-9]{0,12}[0-9]{4,8}").unwrap_or_default();
        assert!(got.iter().any(|l| l.contains("otp")), "{got:?}");
        assert_eq!(lits(r"[0-9]{17}"), None);
        assert_eq!(lits(r"(?:ab)?c"), None);
        assert_eq!(lits(r"x|y"), None);
    }

    #[test]
    fn the_prefilter_also_takes_short_literals() {
        let weak = |p: &str| {
            prefilter_literals(p).map(|s| {
                s.into_iter()
                    .map(|l| String::from_utf8_lossy(&l).into_owned())
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(lits(r"(?:p\W?[a@4]\W?[s$5]|pwd|পাস)\s*[:=]"), None);
        assert_eq!(
            weak(r"(?:p\W?[a@4]\W?[s$5]|pwd|পাস)\s*[:=]"),
            Some(vec!["p".to_owned(), "pwd".to_owned(), "পাস".to_owned()])
        );
        assert_eq!(weak(r"ab|c"), Some(vec!["ab".to_owned(), "c".to_owned()]));
        // A strong set is the same either way; no literal at all stays `None`.
        let p = r"\b(?:otp|pin code)[^0-9]{0,12}[0-9]{4,8}";
        assert_eq!(weak(p), lits(p));
        assert_eq!(weak(r"[0-9]{17}"), None);
        assert_eq!(weak(r"(?:ab)?c"), Some(vec!["c".to_owned()]));
    }
}
