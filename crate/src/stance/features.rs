//! Text → hashed features, exactly as `scripts/model/train.py` computes them.
//!
//! Normalisation, per character: ASCII upper case → lower case; Bangla digits
//! → ASCII digits; ড় ঢ় য় (one code point) → ড ঢ য; ৎ → ত; ী → ি; ূ → ু;
//! ঈ → ই; ঊ → উ; ণ → ন; ষ → শ; nukta, chandrabindu, ZWNJ, ZWJ and BOM are
//! dropped (the word continues). Word characters are then ASCII letters and
//! digits and U+0980–U+09FF; everything else separates words. Inside a word,
//! a run of one character is cut at two.
//!
//! Features of a word sequence: per word its unigram (`w` + word) and the
//! character 2-, 3- and 4-grams of `<word>` (`c` + gram); per pair of
//! neighbours the bigram (`b` + w1 + ` ` + w2). Each is hashed with 32-bit
//! FNV-1a over its UTF-8 bytes and folded into `2^bits` buckets. A bucket
//! counts once per scored unit (binary features): a word repeated five
//! times weighs what it weighs once.

/// A normalised word and its byte span in the original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The normalised word.
    pub text: String,
    /// Byte offset of its first character in the original text.
    pub start: usize,
    /// Byte offset just after its last kept character.
    pub end: usize,
}

/// Most words of one scored unit (a clause); later words are not scored.
pub const MAX_WORDS: usize = 80;

/// The normalised form of one character: `Some(None)` when dropped (the
/// word continues), `None` for a separator.
fn norm_char(c: char) -> Option<Option<char>> {
    let o = c as u32;
    if matches!(o, 0x09BC | 0x0981 | 0x200C | 0x200D | 0xFEFF) {
        return Some(None);
    }
    if c.is_ascii_uppercase() {
        return Some(Some(c.to_ascii_lowercase()));
    }
    let o = match o {
        0x09E6..=0x09EF => o - 0x09E6 + 0x30,
        0x09DC => 0x09A1,
        0x09DD => 0x09A2,
        0x09DF => 0x09AF,
        0x09CE => 0x09A4,
        0x09C0 => 0x09BF,
        0x09C2 => 0x09C1,
        0x0988 => 0x0987,
        0x098A => 0x0989,
        0x09A3 => 0x09A8,
        0x09B7 => 0x09B6,
        other => other,
    };
    match o {
        0x61..=0x7A | 0x30..=0x39 | 0x0980..=0x09FF => Some(char::from_u32(o)),
        _ => None,
    }
}

/// The normalised words of `text` with their byte spans, offset by `base`.
pub fn words(text: &str, base: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut last: [Option<char>; 2] = [None, None];
    let (mut start, mut end) = (0, 0);
    for (i, c) in text.char_indices() {
        match norm_char(c) {
            None => {
                if !cur.is_empty() {
                    out.push(Word {
                        text: std::mem::take(&mut cur),
                        start: base + start,
                        end: base + end,
                    });
                    last = [None, None];
                }
            }
            Some(None) => {}
            Some(Some(n)) => {
                if cur.is_empty() {
                    start = i;
                }
                end = i + c.len_utf8();
                if last == [Some(n), Some(n)] {
                    continue;
                }
                cur.push(n);
                last = [last[1], Some(n)];
            }
        }
    }
    if !cur.is_empty() {
        out.push(Word {
            text: cur,
            start: base + start,
            end: base + end,
        });
    }
    out
}

/// The number of words `words` would return for `text`, without building them.
fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        match norm_char(c) {
            None => in_word = false,
            Some(None) => {}
            Some(Some(_)) => {
                if !in_word {
                    n += 1;
                    in_word = true;
                }
            }
        }
    }
    n
}

const FNV_OFFSET: u32 = 0x811C_9DC5;
const FNV_PRIME: u32 = 0x0100_0193;

fn fnv(mut h: u32, bytes: &[u8]) -> u32 {
    for &b in bytes {
        h = (h ^ u32::from(b)).wrapping_mul(FNV_PRIME);
    }
    h
}

fn fold(h: u32, bits: u8) -> usize {
    let mask = (1u32 << bits) - 1;
    ((h ^ (h >> bits)) & mask) as usize
}

/// Calls `f(word index, bucket)` for the first occurrence of every feature
/// bucket of `words` (later occurrences are skipped); a bigram is reported
/// for both of its words (`f` is called twice with the same bucket, once per
/// word, and `both` tells the second call apart).
pub fn for_each_feature(words: &[Word], bits: u8, mut f: impl FnMut(usize, usize, bool)) {
    // Buckets already reported in this unit: each counts once.
    let mut seen = vec![0u64; (1usize << bits).div_ceil(64)];
    let mut first = |b: usize| {
        let (i, m) = (b / 64, 1u64 << (b % 64));
        let new = seen[i] & m == 0;
        seen[i] |= m;
        new
    };
    let mut padded = String::new();
    let mut bounds: Vec<usize> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let unigram = fold(fnv(fnv(FNV_OFFSET, b"w"), w.text.as_bytes()), bits);
        if first(unigram) {
            f(k, unigram, false);
        }
        padded.clear();
        padded.push('<');
        padded.push_str(&w.text);
        padded.push('>');
        bounds.clear();
        bounds.extend(padded.char_indices().map(|(i, _)| i));
        bounds.push(padded.len());
        let chars = bounds.len() - 1;
        let c = fnv(FNV_OFFSET, b"c");
        for n in 2..=4usize {
            if chars < n {
                break;
            }
            for i in 0..=chars - n {
                let gram = &padded.as_bytes()[bounds[i]..bounds[i + n]];
                let b = fold(fnv(c, gram), bits);
                if first(b) {
                    f(k, b, false);
                }
            }
        }
        if let Some(next) = words.get(k + 1) {
            let h = fnv(fnv(FNV_OFFSET, b"b"), w.text.as_bytes());
            let h = fnv(fnv(h, b" "), next.text.as_bytes());
            let b = fold(h, bits);
            if first(b) {
                f(k, b, false);
                f(k + 1, b, true);
            }
        }
    }
}

/// Character spans of the clauses, as byte ranges: split at । ॥ ? ! . ; |
/// and newlines; a part with more than 20 words is split again at commas
/// (`,` `،`). Parts without a word are left out.
pub fn clauses(text: &str) -> Vec<(usize, usize)> {
    const LONG: usize = 20;
    let mut out = Vec::new();
    let mut start = 0;
    let push = |s: usize, e: usize, out: &mut Vec<(usize, usize)>| {
        let part = &text[s..e];
        let n = count_words(part);
        if n == 0 {
            return;
        }
        if n <= LONG {
            out.push((s, e));
            return;
        }
        let mut sub = s;
        for (i, c) in part.char_indices() {
            if c == ',' || c == '،' {
                let at = s + i;
                if count_words(&text[sub..at]) > 0 {
                    out.push((sub, at));
                }
                sub = at + c.len_utf8();
            }
        }
        if count_words(&text[sub..e]) > 0 {
            out.push((sub, e));
        }
    };
    for (i, c) in text.char_indices() {
        if matches!(c, '।' | '॥' | '?' | '!' | '.' | ';' | '|' | '\n') {
            push(start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push(start, text.len(), &mut out);
    out
}
