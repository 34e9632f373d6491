//! Word positions in the original text, for `near` and `except_within`, and
//! the word-character test used for term boundaries in the views.

use super::views::MASK;

/// True for characters that are part of a word: letters, digits, Bangla
/// letters, signs and digits, combining marks and joiners.
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    // Bangla first: it is most of the text, and the general test is slow.
    matches!(
        c,
        '\u{0980}'..='\u{09FF}' | '\u{0300}'..='\u{036F}' | '\u{200C}' | '\u{200D}' | MASK
    ) || (!matches!(c, '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}' | '\u{1F000}'..='\u{1FAFF}')
        && c.is_alphanumeric())
}

/// Where the words of a text start and end (byte offsets), in order.
#[derive(Debug, Default)]
pub(crate) struct WordIndex {
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl WordIndex {
    /// Scans the text once.
    pub(crate) fn new(text: &str) -> WordIndex {
        let mut index = WordIndex::default();
        let mut in_word = false;
        for (i, c) in text.char_indices() {
            let w = is_word_char(c);
            if w && !in_word {
                index.starts.push(i);
            } else if !w && in_word {
                index.ends.push(i);
            }
            in_word = w;
        }
        if in_word {
            index.ends.push(text.len());
        }
        index
    }

    /// The words a byte span touches, as `(first, last)` word numbers. A span
    /// in the gap between words belongs to the word before it.
    pub(crate) fn words(&self, start: usize, end: usize) -> (usize, usize) {
        let first = self
            .starts
            .partition_point(|&s| s <= start)
            .saturating_sub(1);
        let last = self
            .starts
            .partition_point(|&s| s < end.max(start + 1))
            .saturating_sub(1)
            .max(first);
        (first, last)
    }

    /// Number of words.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        debug_assert_eq!(self.starts.len(), self.ends.len());
        self.starts.len()
    }
}

/// Words strictly between two word ranges (0 when they touch or overlap).
pub(crate) fn words_between(a: (usize, usize), b: (usize, usize)) -> usize {
    if b.0 > a.1 {
        b.0 - a.1 - 1
    } else if a.0 > b.1 {
        a.0 - b.1 - 1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_bangla_and_english() {
        let text = "নৌকা মার্কায়, ভোট দিন! vote for x";
        let w = WordIndex::new(text);
        assert_eq!(w.len(), 7);
        let boat = text.find("নৌকা").unwrap_or(0);
        let vote = text.find("ভোট").unwrap_or(0);
        let a = w.words(boat, boat + "নৌকা".len());
        let b = w.words(vote, vote + "ভোট".len());
        assert_eq!(a, (0, 0));
        assert_eq!(b, (2, 2));
        assert_eq!(words_between(a, b), 1);
        assert_eq!(words_between(b, a), 1);
        let phrase = text.find("vote for").unwrap_or(0);
        assert_eq!(w.words(phrase, phrase + 8), (4, 5));
        assert_eq!(WordIndex::new("").words(0, 0), (0, 0));
    }
}
