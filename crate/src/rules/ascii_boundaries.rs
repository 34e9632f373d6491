//! Turns Unicode word boundaries (`\b`, `\B`) that sit next to ASCII word
//! characters into ASCII ones.
//!
//! The regex crate's fast DFAs cannot evaluate a Unicode `\b` on non-ASCII
//! text and fall back to a much slower engine, and posts are mostly Bangla.
//! Next to an ASCII letter or digit the two boundaries differ only when the
//! other neighbour is a non-ASCII letter glued to it (`ভোটvote`), which is
//! harmless for a guideline check. A boundary next to anything else (such as
//! `\bভোট`) stays Unicode, so Bangla patterns keep their meaning.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// What is known about one edge (first or last character) of a sub-pattern.
#[derive(Clone, Copy)]
struct Edge {
    /// Every non-empty match has an ASCII word character at this edge.
    ascii_word: bool,
    /// The sub-pattern can match the empty string (then the edge is its neighbour's).
    can_be_empty: bool,
}

fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn class_is_ascii_word(class: &Class) -> bool {
    match class {
        Class::Unicode(c) => c
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(|ch| ch.is_ascii() && is_ascii_word(ch as u8))),
        Class::Bytes(c) => c
            .ranges()
            .iter()
            .all(|r| (r.start()..=r.end()).all(is_ascii_word)),
    }
}

/// The edge of `hir` at its start (`last == false`) or its end.
fn edge(hir: &Hir, last: bool) -> Edge {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Edge {
            ascii_word: true,
            can_be_empty: true,
        },
        HirKind::Literal(lit) => {
            let byte = if last { lit.0.last() } else { lit.0.first() };
            Edge {
                ascii_word: byte.is_some_and(|&b| is_ascii_word(b)),
                can_be_empty: lit.0.is_empty(),
            }
        }
        HirKind::Class(c) => Edge {
            ascii_word: class_is_ascii_word(c),
            can_be_empty: false,
        },
        HirKind::Repetition(r) => {
            let e = edge(&r.sub, last);
            Edge {
                ascii_word: e.ascii_word,
                can_be_empty: e.can_be_empty || r.min == 0,
            }
        }
        HirKind::Capture(c) => edge(&c.sub, last),
        HirKind::Concat(parts) => seq_edge(parts, last),
        HirKind::Alternation(alts) => {
            let mut out = Edge {
                ascii_word: true,
                can_be_empty: false,
            };
            for a in alts {
                let e = edge(a, last);
                out.ascii_word &= e.ascii_word;
                out.can_be_empty |= e.can_be_empty;
            }
            out
        }
    }
}

/// The edge of a sequence: from that end inward, up to the first part that
/// cannot be empty.
fn seq_edge(parts: &[Hir], last: bool) -> Edge {
    let mut ascii_word = true;
    let iter: Box<dyn Iterator<Item = &Hir>> = if last {
        Box::new(parts.iter().rev())
    } else {
        Box::new(parts.iter())
    };
    for p in iter {
        let e = edge(p, last);
        ascii_word &= e.ascii_word;
        if !e.can_be_empty {
            return Edge {
                ascii_word,
                can_be_empty: false,
            };
        }
    }
    Edge {
        ascii_word,
        can_be_empty: true,
    }
}

fn ascii_version(look: Look) -> Option<Look> {
    match look {
        Look::WordUnicode => Some(Look::WordAscii),
        Look::WordUnicodeNegate => Some(Look::WordAsciiNegate),
        _ => None,
    }
}

/// Rewrites the boundaries of `hir` (see the module comment).
pub(crate) fn rewrite(hir: Hir) -> Hir {
    match hir.into_kind() {
        HirKind::Concat(parts) => {
            let parts: Vec<Hir> = parts.into_iter().map(rewrite).collect();
            let mut out = Vec::with_capacity(parts.len());
            for i in 0..parts.len() {
                let replaced = match parts[i].kind() {
                    HirKind::Look(look) => ascii_version(*look).filter(|_| {
                        let after = seq_edge(&parts[i + 1..], false);
                        let before = seq_edge(&parts[..i], true);
                        (after.ascii_word && !after.can_be_empty)
                            || (before.ascii_word && !before.can_be_empty)
                    }),
                    _ => None,
                };
                match replaced {
                    Some(look) => out.push(Hir::look(look)),
                    None => out.push(parts[i].clone()),
                }
            }
            Hir::concat(out)
        }
        HirKind::Alternation(alts) => Hir::alternation(alts.into_iter().map(rewrite).collect()),
        HirKind::Repetition(mut r) => {
            r.sub = Box::new(rewrite(*r.sub));
            Hir::repetition(r)
        }
        HirKind::Capture(mut c) => {
            c.sub = Box::new(rewrite(*c.sub));
            Hir::capture(c)
        }
        other => match other {
            HirKind::Empty => Hir::empty(),
            HirKind::Literal(lit) => Hir::literal(lit.0),
            HirKind::Class(c) => Hir::class(c),
            HirKind::Look(l) => Hir::look(l),
            // Handled above.
            HirKind::Concat(_)
            | HirKind::Alternation(_)
            | HirKind::Repetition(_)
            | HirKind::Capture(_) => Hir::empty(),
        },
    }
}

/// The pattern with boundaries rewritten, or the pattern unchanged when it
/// does not parse (the regex compiler then reports the error).
pub(crate) fn prepare(pattern: &str) -> String {
    if !pattern.contains("\\b") && !pattern.contains("\\B") {
        return pattern.to_owned();
    }
    match regex_syntax::parse(pattern) {
        Ok(hir) => rewrite(hir).to_string(),
        Err(_) => pattern.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn re(p: &str) -> regex::Regex {
        regex::Regex::new(&prepare(p)).unwrap_or_else(|e| panic!("{p}: {e}"))
    }

    #[test]
    fn ascii_side_boundaries_become_ascii() {
        let p = prepare(r"\bf[^a-z\s]ck(?:ing|er)?\b");
        assert_eq!(p.matches(r"(?-u:\b)").count(), 2, "{p}");
        let p = prepare(r"(?:\botp|ওটিপি)\s*[0-9]");
        assert!(p.contains(r"(?-u:\b)"), "{p}");
    }

    #[test]
    fn bangla_side_boundaries_stay_unicode() {
        let p = prepare(r"\bভোট\b");
        assert!(!p.contains("(?-u:"), "{p}");
        assert!(re(r"\bভোট\b").is_match("আজ ভোট হবে"));
        assert!(!re(r"\bভোট\b").is_match("ভোটার"));
        let p = prepare(r"(?:x)?\b");
        assert!(!p.contains("(?-u:"), "{p}");
    }

    #[test]
    fn meaning_is_kept_on_ordinary_text() {
        let r = re(r"\bvote\s+for\b");
        assert!(r.is_match("নৌকায় vote for x"));
        assert!(!r.is_match("devote for"));
        assert!(!r.is_match("vote forever"));
        let r = re(r"\Bote\b");
        assert!(r.is_match("vote"));
        assert_eq!(prepare("(unclosed"), "(unclosed");
    }
}
