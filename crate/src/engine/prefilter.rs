//! A literal prefilter for the regexes of a pack.
//!
//! For each regex, literals are extracted from its syntax tree such that any
//! match must contain one of them. One Aho-Corasick pass over the regex view
//! then tells which regexes can match at all; only those run. Regexes with no
//! usable literal always run. This keeps a check to about one pass over the
//! text however many regexes the pack has (the alternative, a `RegexSet`,
//! turns slow and large with Unicode classes).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use regex_syntax::hir::{Hir, HirKind};
use std::collections::HashMap;

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

/// True when a pattern (as compiled) has a literal the prefilter can use:
/// such a regex only runs on texts holding one of its literals; the others
/// run on every text.
pub(crate) fn has_literal(pattern: &str) -> bool {
    regex_syntax::parse(pattern)
        .ok()
        .and_then(|hir| required(&hir))
        .is_some_and(|set| score(&set) >= MIN_LITERAL_BYTES)
}

/// Which regexes can match a text.
#[derive(Debug)]
pub(crate) struct RegexPrefilter {
    ac: Option<AhoCorasick>,
    /// For each literal: the regexes it triggers.
    owners: Vec<Vec<usize>>,
    /// Regexes that always run.
    always: Vec<usize>,
    count: usize,
}

impl RegexPrefilter {
    /// Builds the prefilter for regexes given by pattern text (as compiled).
    pub(crate) fn new<'a>(patterns: impl Iterator<Item = &'a str>) -> RegexPrefilter {
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        let mut count = 0;
        for (i, pattern) in patterns.enumerate() {
            count += 1;
            // Kept in step with `has_literal`, which the regex budget counts with.
            let lits = regex_syntax::parse(pattern)
                .ok()
                .and_then(|hir| required(&hir))
                .filter(|set| score(set) >= MIN_LITERAL_BYTES);
            match lits {
                None => always.push(i),
                Some(set) => {
                    for lit in set {
                        let k = *index.entry(lit.clone()).or_insert_with(|| {
                            literals.push(lit);
                            owners.push(Vec::new());
                            literals.len() - 1
                        });
                        if let Some(o) = owners.get_mut(k) {
                            if !o.contains(&i) {
                                o.push(i);
                            }
                        }
                    }
                }
            }
        }
        let ac = if literals.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(super::scan::automaton_kind(&literals))
                .build(&literals)
                .ok()
        };
        if ac.is_none() {
            // Without the automaton every regex runs.
            always = (0..count).collect();
            owners.clear();
        }
        RegexPrefilter {
            ac,
            owners,
            always,
            count,
        }
    }

    /// For each regex: true when it may match `text`.
    pub(crate) fn candidates(&self, text: &str) -> Vec<bool> {
        let mut run = vec![false; self.count];
        for &i in &self.always {
            if let Some(r) = run.get_mut(i) {
                *r = true;
            }
        }
        if let Some(ac) = &self.ac {
            let mut seen = vec![false; self.owners.len()];
            let mut left = self.owners.len();
            for m in ac.find_overlapping_iter(text) {
                let p = m.pattern().as_usize();
                if let Some(s) = seen.get_mut(p) {
                    if !*s {
                        *s = true;
                        left -= 1;
                        for &i in self.owners.get(p).map_or(&[][..], |v| v.as_slice()) {
                            if let Some(r) = run.get_mut(i) {
                                *r = true;
                            }
                        }
                        if left == 0 {
                            break;
                        }
                    }
                }
            }
        }
        run
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(p: &str) -> Option<Vec<String>> {
        let hir = regex_syntax::parse(p).ok()?;
        required(&hir)
            .filter(|s| score(s) >= MIN_LITERAL_BYTES)
            .map(|s| {
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
    fn only_regexes_whose_literals_appear_run() {
        let pf = RegexPrefilter::new(
            [
                r"\btop\s+secret\b",
                r"[0-9]{17}",
                r"(?:password|pwd)\s*[:=]",
            ]
            .into_iter(),
        );
        assert_eq!(pf.candidates("hello world"), vec![false, true, false]);
        assert_eq!(
            pf.candidates("my pwd: x top  secret"),
            vec![true, true, true]
        );
    }
}
