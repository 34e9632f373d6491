//! The Bangla view: canonical text with loose folds so that common
//! social-media misspellings meet, words of Bangla letters, signs and digits
//! separated by single spaces.

use super::canonical::Unit;
use super::digits::bangla_digit;
use super::latin::is_mark;
use super::view::{View, ViewBuilder};

const CHANDRABINDU: char = '\u{0981}';
const VIRAMA: char = '\u{09CD}';

/// What the Bangla view makes of one canonical character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fold {
    /// A word character, possibly folded.
    Word(char),
    /// Dropped inside a word without breaking it.
    Drop,
    /// A word separator.
    Separator,
}

/// Folds one canonical character; `next` is the following one.
fn fold(c: char, next: Option<char>) -> Fold {
    if c.is_ascii_digit() {
        return Fold::Word(c);
    }
    if let Some(d) = bangla_digit(c) {
        return Fold::Word(d);
    }
    if !('\u{0980}'..='\u{09FF}').contains(&c) {
        return if is_mark(c) {
            Fold::Drop
        } else {
            Fold::Separator
        };
    }
    Fold::Word(match c {
        CHANDRABINDU => return Fold::Drop,
        // Currency, fraction and abbreviation signs are not word characters.
        '\u{09F2}'..='\u{09FB}' | '\u{09FD}' => return Fold::Separator,
        'ী' => 'ি',
        'ূ' => 'ু',
        'ঈ' => 'ই',
        'ঊ' => 'উ',
        'ণ' => 'ন',
        'ষ' => 'শ',
        '\u{09DD}' => '\u{09DC}',
        'ৎ' => 'ত',
        'ঙ' if next != Some(VIRAMA) => 'ং',
        other => other,
    })
}

/// Builds the Bangla view from canonical units.
pub(crate) struct BanglaBuilder {
    out: ViewBuilder,
    held: Option<Unit>,
    in_word: bool,
}

impl BanglaBuilder {
    /// A builder expecting about `capacity` bytes.
    pub(crate) fn new(capacity: usize) -> Self {
        BanglaBuilder {
            out: ViewBuilder::with_capacity(capacity),
            held: None,
            in_word: false,
        }
    }

    /// Feeds the next canonical unit.
    pub(crate) fn push(&mut self, u: Unit) {
        if let Some(prev) = self.held.replace(u) {
            self.process(prev, Some(u.ch));
        }
    }

    fn process(&mut self, u: Unit, next: Option<char>) {
        match fold(u.ch, next) {
            Fold::Word(ch) => {
                if !self.in_word && !self.out.is_empty() {
                    let gap_start = self.out.last_end();
                    self.out.push(' ', gap_start, u.start);
                }
                self.out.push(ch, u.start, u.end);
                self.in_word = true;
            }
            Fold::Drop => {
                if self.in_word {
                    self.out.absorb(u.end);
                }
            }
            Fold::Separator => self.in_word = false,
        }
    }

    /// The finished view.
    pub(crate) fn finish(mut self) -> View {
        if let Some(u) = self.held.take() {
            self.process(u, None);
        }
        self.out.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds() {
        assert_eq!(fold('ী', None), Fold::Word('ি'));
        assert_eq!(fold('ঁ', None), Fold::Drop);
        assert_eq!(fold('ঙ', Some('ক')), Fold::Word('ং'));
        assert_eq!(fold('ঙ', Some(VIRAMA)), Fold::Word('ঙ'));
        assert_eq!(fold('৭', None), Fold::Word('7'));
        assert_eq!(fold('a', None), Fold::Separator);
        assert_eq!(fold('।', None), Fold::Separator);
        assert_eq!(fold('৳', None), Fold::Separator);
        assert_eq!(fold('\u{0336}', None), Fold::Drop);
    }
}
