//! Compact lookups for the Latin view: the ASCII reading of a character's
//! compatibility decomposition (`ｂ`, `𝐁`, `é` → `b`, `B`, `e`; `ﬁ` → `fi`)
//! and whether a character is a combining mark.
//!
//! Both answer exactly what `unicode-normalization` answers (a test checks
//! every code point), but from run-length tables of about 10 KB instead of
//! that crate's ~77 KB compatibility-decomposition and combining-mark tables,
//! which keeps the wasm engine small. The tables are generated in
//! `latin_fold_tables.rs`; regenerate them after a `unicode-normalization`
//! upgrade with
//! `cargo test -p sotorko --lib regenerate_latin_fold_tables -- --ignored`.

use super::latin_fold_tables::{COMBINING_MARKS, MULTI_FOLDS, SINGLE_FOLD_RUNS};

/// The ASCII reading of `c`: `(n, bytes)` with `n` bytes in `bytes[..n]`,
/// or `n == 0` when `c` has none.
///
/// A character reads as ASCII when its compatibility decomposition is ASCII
/// apart from combining marks, and is one character or up to four ASCII
/// letters and digits.
pub(crate) fn ascii_fold(c: char) -> (usize, [u8; 4]) {
    if c.is_ascii() {
        return (1, [c as u8, 0, 0, 0]);
    }
    let cp = c as u32;
    let i = SINGLE_FOLD_RUNS.partition_point(|r| r.0 <= cp);
    if let Some(&(start, len, first, step)) = i.checked_sub(1).map(|i| &SINGLE_FOLD_RUNS[i]) {
        let offset = cp - start;
        if offset < u32::from(len) {
            // Generated runs never leave ASCII, so this cannot overflow.
            let b = u32::from(first) + u32::from(step) * offset;
            return (1, [b as u8, 0, 0, 0]);
        }
    }
    if let Ok(i) = MULTI_FOLDS.binary_search_by_key(&cp, |m| m.0) {
        let bytes = MULTI_FOLDS[i].1;
        let n = bytes.iter().take_while(|&&b| b != 0).count();
        return (n, bytes);
    }
    (0, [0; 4])
}

/// Whether `c` is a combining mark (general category M).
pub(crate) fn is_combining_mark(c: char) -> bool {
    let cp = c as u32;
    let i = COMBINING_MARKS.partition_point(|r| r.0 <= cp);
    i.checked_sub(1).is_some_and(|i| cp <= COMBINING_MARKS[i].1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fmt::Write as _;

    /// What the Latin view read before these tables: straight from
    /// `unicode-normalization`.
    fn reference(c: char) -> (usize, [u8; 4]) {
        use unicode_normalization::char::{decompose_compatible, is_combining_mark};
        let mut ascii = [0u8; 4];
        let mut n = 0usize;
        let mut only_ascii = true;
        decompose_compatible(c, |d| {
            if d.is_ascii() && n < ascii.len() {
                ascii[n] = d as u8;
                n += 1;
            } else if !is_combining_mark(d) {
                only_ascii = false;
            }
        });
        if only_ascii && n == 1 {
            (1, ascii)
        } else if only_ascii && n > 1 && ascii[..n].iter().all(u8::is_ascii_alphanumeric) {
            (n, ascii)
        } else {
            (0, [0; 4])
        }
    }

    fn all_chars() -> impl Iterator<Item = char> {
        (0..=0x10FFFF_u32).filter_map(char::from_u32)
    }

    #[test]
    fn ascii_fold_equals_unicode_normalization_for_every_char() {
        for c in all_chars() {
            assert_eq!(
                ascii_fold(c),
                reference(c),
                "U+{:04X}: regenerate the tables (see the module docs)",
                c as u32
            );
        }
    }

    #[test]
    fn combining_marks_equal_unicode_normalization_for_every_char() {
        for c in all_chars() {
            assert_eq!(
                is_combining_mark(c),
                unicode_normalization::char::is_combining_mark(c),
                "U+{:04X}: regenerate the tables (see the module docs)",
                c as u32
            );
        }
    }

    #[test]
    fn familiar_folds() {
        assert_eq!(ascii_fold('b'), (1, *b"b\0\0\0"));
        assert_eq!(ascii_fold('ｂ'), (1, *b"b\0\0\0"));
        assert_eq!(ascii_fold('𝐁'), (1, *b"B\0\0\0"));
        assert_eq!(ascii_fold('é'), (1, *b"e\0\0\0"));
        assert_eq!(ascii_fold('ﬁ'), (2, *b"fi\0\0"));
        assert_eq!(ascii_fold('ß'), (0, [0; 4]));
        assert_eq!(ascii_fold('ক'), (0, [0; 4]));
        assert!(is_combining_mark('\u{0336}'));
        assert!(is_combining_mark('\u{09BC}'));
        assert!(!is_combining_mark('a'));
    }

    /// Writes `latin_fold_tables.rs` from `unicode-normalization`.
    #[test]
    #[ignore = "regenerates a source file; run by hand after upgrading unicode-normalization"]
    fn regenerate_latin_fold_tables() {
        let mut runs: Vec<(u32, u32, u8, u8)> = Vec::new();
        let mut multi: Vec<(u32, [u8; 4])> = Vec::new();
        let mut marks: Vec<(u32, u32)> = Vec::new();
        for c in all_chars().filter(|c| !c.is_ascii()) {
            let cp = c as u32;
            if unicode_normalization::char::is_combining_mark(c) {
                match marks.last_mut() {
                    Some(r) if r.1 + 1 == cp => r.1 = cp,
                    _ => marks.push((cp, cp)),
                }
            }
            match reference(c) {
                (1, bytes) => {
                    let b = bytes[0];
                    if let Some(last) = runs.last_mut() {
                        let (start, len, first, step) = *last;
                        let extends = start + len == cp
                            && len < u32::from(u8::MAX)
                            && if len == 1 {
                                b == first || b == first + 1
                            } else {
                                u32::from(b) == u32::from(first) + u32::from(step) * len
                            };
                        if extends {
                            last.3 = if len == 1 { b - first } else { step };
                            last.1 += 1;
                            continue;
                        }
                    }
                    runs.push((cp, 1, b, 0));
                }
                (0, _) => {}
                (_, bytes) => multi.push((cp, bytes)),
            }
        }
        let mut out = String::from(
            "//! Generated by `regenerate_latin_fold_tables` in `latin_fold.rs` from\n\
             //! `unicode-normalization`; do not edit by hand.\n\n",
        );
        out.push_str(
            "/// Runs `(first char, length, ASCII byte of the first, step)`: char\n\
             /// `first + i` reads as byte `byte + step * i`.\n#[rustfmt::skip]\n\
             pub(crate) const SINGLE_FOLD_RUNS: &[(u32, u8, u8, u8)] = &[\n",
        );
        for (start, len, first, step) in &runs {
            writeln!(
                out,
                "    (0x{start:05X}, {len}, b'{}', {step}),",
                char::from(*first).escape_default()
            )
            .unwrap_or_default();
        }
        out.push_str(
            "];\n\n/// Chars that read as two to four ASCII letters or digits (zero-padded).\n\
             #[rustfmt::skip]\npub(crate) const MULTI_FOLDS: &[(u32, [u8; 4])] = &[\n",
        );
        for (cp, bytes) in &multi {
            let text: String = bytes
                .iter()
                .map(|&b| match b {
                    0 => "\\0".to_owned(),
                    _ => char::from(b).to_string(),
                })
                .collect();
            writeln!(out, "    (0x{cp:05X}, *b\"{text}\"),").unwrap_or_default();
        }
        out.push_str(
            "];\n\n/// Inclusive ranges of combining marks (general category M).\n\
             #[rustfmt::skip]\npub(crate) const COMBINING_MARKS: &[(u32, u32)] = &[\n",
        );
        for (a, b) in &marks {
            writeln!(out, "    (0x{a:05X}, 0x{b:05X}),").unwrap_or_default();
        }
        out.push_str("];\n");
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/normalize/latin_fold_tables.rs"
        );
        std::fs::write(path, out).unwrap_or_else(|e| panic!("writing {path}: {e}"));
    }
}
