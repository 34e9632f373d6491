//! A literal prefilter for the regexes of a pack.
//!
//! For each regex, literals are extracted from its syntax tree such that any
//! match must contain one of them. One Aho-Corasick pass over the regex view
//! then tells which regexes can match at all; only those run (and are
//! compiled). Regexes with no literal at all always run. This keeps a check
//! to about one pass over the text however many regexes the pack has (the
//! alternative, a `RegexSet`, turns slow and large with Unicode classes).

#[cfg(test)]
use crate::rules::literals::prefilter_literals;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

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
    #[cfg(test)]
    pub(crate) fn new<'a>(patterns: impl Iterator<Item = &'a str>) -> RegexPrefilter {
        RegexPrefilter::from_literals(patterns.map(prefilter_literals))
    }

    /// Builds the prefilter from each regex's
    /// [`prefilter_literals`](crate::rules::literals::prefilter_literals) (computed
    /// at build time for the default pack, [`crate::snapshot`]).
    pub(crate) fn from_literals(
        sets: impl IntoIterator<Item = Option<Vec<Vec<u8>>>>,
    ) -> RegexPrefilter {
        let mut index: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut literals: Vec<Vec<u8>> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        let mut count = 0;
        for (i, set) in sets.into_iter().enumerate() {
            count += 1;
            // The budget's literals (`has_literal`) where there are, else shorter ones.
            match set {
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
