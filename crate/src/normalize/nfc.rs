//! Unicode NFC (canonical decomposition, canonical ordering, canonical
//! composition; UAX #15) built from `unicode-normalization`'s per-character
//! functions.
//!
//! The crate's own `nfc()` iterator shares its decomposition step with NFKD,
//! so using it links the ~62 KB compatibility-decomposition tables into the
//! wasm engine even though NFC never reads them. This module gives the same
//! result (tests compare it with `nfc()`) with only the canonical tables.

use unicode_normalization::char::{canonical_combining_class, compose, decompose_canonical};

/// Appends the NFC form of `chars` to `out` (which is not cleared).
pub(crate) fn nfc_into(chars: impl Iterator<Item = char>, out: &mut Vec<char>) {
    let base = out.len();
    for c in chars {
        decompose_canonical(c, |d| out.push(d));
    }
    reorder(&mut out[base..]);
    compose_in_place(out, base);
}

/// Canonical ordering: sorts each run of non-starters by combining class,
/// keeping the order of equal classes (insertion sort; runs are short).
fn reorder(chars: &mut [char]) {
    for i in 1..chars.len() {
        let cc = canonical_combining_class(chars[i]);
        if cc == 0 {
            continue;
        }
        let mut j = i;
        while j > 0 {
            let prev = canonical_combining_class(chars[j - 1]);
            if prev == 0 || prev <= cc {
                break;
            }
            chars.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Canonical composition of `out[base..]`, in place.
fn compose_in_place(out: &mut Vec<char>, base: usize) {
    // Index of the last starter, and the combining class of the last
    // character kept after it (`None`: nothing kept after it yet).
    let mut starter: Option<usize> = None;
    let mut last_cc: Option<u8> = None;
    let mut write = base;
    for read in base..out.len() {
        let c = out[read];
        let cc = canonical_combining_class(c);
        if let Some(s) = starter {
            let blocked = last_cc.is_some_and(|l| l == 0 || l >= cc);
            if !blocked {
                if let Some(composed) = compose(out[s], c) {
                    out[s] = composed;
                    continue;
                }
            }
        }
        if cc == 0 {
            starter = Some(write);
            last_cc = None;
        } else {
            last_cc = Some(cc);
        }
        out[write] = c;
        write += 1;
    }
    out.truncate(write);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::UnicodeNormalization;

    fn ours(s: &str) -> String {
        let mut v = Vec::new();
        nfc_into(s.chars(), &mut v);
        v.into_iter().collect()
    }

    #[test]
    fn every_single_char_matches_the_crate() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(ours(&s), s.nfc().collect::<String>(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn starter_and_mark_pairs_match_the_crate() {
        let marks: Vec<char> = (0x0300..=0x036F_u32)
            .chain([
                0x0982, 0x09BC, 0x09BE, 0x09CD, 0x09D7, 0x093C, 0x0CD5, 0x3099, 0x309A,
            ])
            .chain(0x1161..=0x1175)
            .chain(0x11A8..=0x11C2)
            .filter_map(char::from_u32)
            .collect();
        let bases = (0..0x3100_u32)
            .chain(0xAC00..0xAC40)
            .filter_map(char::from_u32);
        for b in bases {
            for &m in &marks {
                let s: String = [b, m].into_iter().collect();
                assert_eq!(ours(&s), s.nfc().collect::<String>(), "{s:?}");
            }
        }
    }

    #[test]
    fn known_forms() {
        assert_eq!(ours("e\u{0301}"), "é");
        assert_eq!(ours("a\u{0323}\u{0302}"), "\u{1EAD}");
        assert_eq!(ours("a\u{0302}\u{0323}"), "\u{1EAD}");
        assert_eq!(ours("\u{09C7}\u{09BE}"), "\u{09CB}");
        assert_eq!(ours("\u{1100}\u{1161}\u{11A8}"), "\u{AC01}");
        assert_eq!(ours("\u{212B}"), "\u{00C5}");
        assert_eq!(ours("\u{09DC}"), "\u{09A1}\u{09BC}");
    }

    fn interesting_char() -> impl Strategy<Value = char> {
        prop_oneof![
            prop::char::range('a', 'z'),
            prop::char::range('\u{00C0}', '\u{017F}'),
            prop::char::range('\u{0300}', '\u{036F}'),
            prop::char::range('\u{0980}', '\u{09FF}'),
            prop::char::range('\u{0900}', '\u{097F}'),
            prop::char::range('\u{0F40}', '\u{0FBC}'),
            prop::char::range('\u{1100}', '\u{11FF}'),
            prop::char::range('\u{AC00}', '\u{AC60}'),
            prop::char::range('\u{1E00}', '\u{1FFF}'),
            prop::char::range('\u{0590}', '\u{05FF}'),
            prop::char::range('\u{3040}', '\u{30FF}'),
            prop::char::range('\u{1D15E}', '\u{1D1C0}'),
            Just('\u{200D}'),
            Just('\u{0344}'),
            Just('\u{212B}'),
        ]
    }

    proptest! {
        #[test]
        fn random_text_matches_the_crate(chars in prop::collection::vec(interesting_char(), 0..24)) {
            let s: String = chars.into_iter().collect();
            prop_assert_eq!(ours(&s), s.nfc().collect::<String>());
        }
    }
}
