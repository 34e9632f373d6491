//! The Bangla view: canonical text with loose folds so that common
//! social-media misspellings meet, words of Bangla letters, signs and digits
//! separated by single spaces.

use super::canonical::Unit;
use super::digits::bangla_digit;
use super::emoji;
use super::latin::is_mark;
use super::view::{View, ViewBuilder};
use super::MASK;

const CHANDRABINDU: char = '\u{0981}';
const VIRAMA: char = '\u{09CD}';

/// Characters that mask one letter inside a Bangla word (`ছা*গল`). Not
/// `#` or `_`: they join hashtags (`#জয়_বাংলা`, `#জয়বাংলা#খেলা_হবে`).
fn is_mask(c: char) -> bool {
    matches!(c, '*' | '\u{2217}' | '\u{204E}')
}

/// Separators dropped between one-akshara fragments inside a Bangla word
/// (`প্র.শ্ন`, `মা.লা.উ.ন`, `ছা-ত্র`), or in a chain of them after a fragment
/// of up to two aksharas (`সাঁও-তা-ল`).
fn is_inner_dot(c: char) -> bool {
    matches!(
        c,
        '.' | '-' | '\u{00B7}' | '\u{2022}' | '\u{2010}' | '\u{2011}' | '\u{2027}' | '\u{30FB}'
    )
}

/// Bangla letters and signs (not digits, currency or other symbols).
fn is_bangla_letter(c: char) -> bool {
    matches!(c, '\u{0980}'..='\u{09E3}' | '\u{09F0}' | '\u{09F1}')
}

fn is_consonant(c: char) -> bool {
    matches!(c, '\u{0995}'..='\u{09B9}' | '\u{09CE}' | '\u{09DC}'..='\u{09DF}')
}

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
        // Assamese ra and wa, typed for র and ব.
        '\u{09F0}' => 'র',
        '\u{09F1}' => 'ব',
        other => other,
    })
}

/// Builds the Bangla view from canonical units.
pub(crate) struct BanglaBuilder {
    out: ViewBuilder,
    held: Option<Unit>,
    in_word: bool,
    /// Aksharas since the word start or the last dropped inner dot.
    fragment: usize,
    /// The last character written to the view.
    last: char,
    /// Fragments after inner dots, held until the chain ends and the length
    /// of each is known.
    chain: Vec<Pending>,
    /// Aksharas of the written fragment before the chain's first dot.
    chain_base: usize,
    /// Whether the last unit was a party-symbol emoji (or part of its
    /// picture), written as the symbol's name.
    after_symbol: bool,
}

/// The letters after an inner dot (`মা.লা`), written once the chain of
/// dotted fragments ends: joined to the word or written as a new word
/// (see [`BanglaBuilder::resolve_chain`]).
struct Pending {
    /// Original end of the dot.
    dot_end: usize,
    /// Folded letters with their original ranges.
    chars: Vec<(char, usize, usize)>,
    aksharas: usize,
    last: char,
}

impl Pending {
    /// An empty fragment after the dot that ends at `dot_end`.
    fn after(dot_end: usize) -> Self {
        Pending {
            dot_end,
            chars: Vec::new(),
            aksharas: 0,
            last: ' ',
        }
    }
}

/// Whether `ch` after `prev` starts a new akshara.
fn starts_akshara(ch: char, prev: char) -> bool {
    (is_consonant(ch) && prev != VIRAMA) || ('অ'..='ঔ').contains(&ch)
}

impl BanglaBuilder {
    /// A builder expecting about `capacity` bytes.
    pub(crate) fn new(capacity: usize) -> Self {
        BanglaBuilder {
            out: ViewBuilder::with_capacity(capacity),
            held: None,
            in_word: false,
            fragment: 0,
            last: ' ',
            chain: Vec::new(),
            chain_base: 0,
            after_symbol: false,
        }
    }

    /// Feeds the next canonical unit.
    pub(crate) fn push(&mut self, u: Unit) {
        if let Some(prev) = self.held.replace(u) {
            self.process(prev, Some(u.ch));
        }
    }

    fn process(&mut self, u: Unit, next: Option<char>) {
        let after_symbol = std::mem::take(&mut self.after_symbol);
        let folded = fold(u.ch, next);
        if let Some(p) = self.chain.last_mut() {
            match folded {
                Fold::Word(ch) => {
                    if starts_akshara(ch, p.last) {
                        p.aksharas += 1;
                    }
                    p.chars.push((ch, u.start, u.end));
                    p.last = ch;
                    return;
                }
                Fold::Drop => {
                    if let Some(last) = p.chars.last_mut() {
                        last.2 = last.2.max(u.end);
                    }
                    return;
                }
                Fold::Separator => {
                    if is_inner_dot(u.ch)
                        && next.is_some_and(is_bangla_letter)
                        && (1..=2).contains(&p.aksharas)
                    {
                        self.chain.push(Pending::after(u.end));
                        return;
                    }
                    self.resolve_chain();
                }
            }
        }
        match folded {
            Fold::Word(ch) => {
                if !self.in_word && !self.out.is_empty() {
                    let gap_start = self.out.last_end();
                    self.out.push(' ', gap_start, u.start);
                }
                self.out.push(ch, u.start, u.end);
                if !self.in_word {
                    self.fragment = 0;
                }
                if starts_akshara(ch, self.last) {
                    self.fragment += 1;
                }
                self.last = ch;
                self.in_word = true;
            }
            Fold::Drop => {
                if self.in_word {
                    self.out.absorb(u.end);
                }
            }
            Fold::Separator => {
                if after_symbol && emoji::extends_symbol(u.ch) {
                    self.out.absorb(u.end);
                    self.after_symbol = true;
                    return;
                }
                if let Some(symbol) = emoji::symbol(u.ch) {
                    self.push_symbol(symbol.bn, u.start, u.end);
                    return;
                }
                let inside = self.in_word
                    && next.is_some_and(|n| is_bangla_letter(n) || (is_mask(u.ch) && is_mask(n)));
                if inside && is_mask(u.ch) {
                    self.out.push(MASK, u.start, u.end);
                    self.last = MASK;
                    self.fragment += 1;
                } else if inside
                    && is_inner_dot(u.ch)
                    && (1..=2).contains(&self.fragment)
                    && next.is_some_and(is_bangla_letter)
                {
                    self.chain_base = self.fragment;
                    self.chain.push(Pending::after(u.end));
                } else {
                    self.in_word = false;
                }
            }
        }
    }

    /// Writes a party-symbol emoji at original bytes `start..end` as a word
    /// of its own: the symbol's Bangla `name`, folded as text is, every
    /// character of it standing for the whole emoji.
    fn push_symbol(&mut self, name: &str, start: usize, end: usize) {
        if !self.out.is_empty() {
            let gap_start = self.out.last_end();
            self.out.push(' ', gap_start, start);
        }
        let mut chars = name.chars().peekable();
        while let Some(c) = chars.next() {
            match fold(c, chars.peek().copied()) {
                Fold::Word(ch) => self.out.push(ch, start, end),
                Fold::Drop => {}
                Fold::Separator => self.out.push(' ', start, end),
            }
        }
        self.in_word = false;
        self.fragment = 0;
        self.last = ' ';
        self.after_symbol = true;
    }

    /// Writes the held fragments, each joined to the word before it (the
    /// dot dropped) or as a new word. A one-akshara fragment joins a
    /// one-akshara one (`প্র.শ্ন`, `মা.লা.উ.ন`); a chain of at least two
    /// one-akshara fragments after a fragment of two joins whole
    /// (`সাঁও-তা-ল`). Anything else stays apart: `মা-বাবা`, `বাবা-মা`, the
    /// list `সাপ-ব্যাঙ-শুঁটকি`.
    fn resolve_chain(&mut self) {
        let chain = std::mem::take(&mut self.chain);
        let whole = chain.len() >= 2 && chain.iter().all(|p| p.aksharas == 1);
        let mut prev = self.chain_base;
        for p in chain {
            let join = p.aksharas == 1 && (prev == 1 || whole);
            if join {
                self.out.absorb(p.dot_end);
            }
            for (i, &(ch, start, end)) in p.chars.iter().enumerate() {
                if i == 0 && !join {
                    let gap_start = self.out.last_end();
                    self.out.push(' ', gap_start, start);
                }
                self.out.push(ch, start, end);
            }
            self.fragment = p.aksharas;
            self.last = p.last;
            prev = p.aksharas;
        }
    }

    /// The finished view.
    pub(crate) fn finish(mut self) -> View {
        if let Some(u) = self.held.take() {
            self.process(u, None);
        }
        self.resolve_chain();
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
        assert_eq!(fold('\u{09F0}', None), Fold::Word('র'));
    }

    /// `s` with nukta letters precomposed, as the view writes them.
    fn nk(s: &str) -> String {
        s.replace("\u{09AF}\u{09BC}", "\u{09DF}")
    }

    fn view(text: &str) -> View {
        let mut b = BanglaBuilder::new(text.len());
        super::super::canonical::for_each_unit(text, |u| b.push(u));
        b.finish()
    }

    #[test]
    fn masks_stay_inside_words() {
        let text = "ম*লাউন ও ছা**গল";
        let v = view(text);
        assert_eq!(v.text, "ম\u{E000}লাউন ও ছা\u{E000}\u{E000}গল");
        assert_eq!(
            v.original_span(0, v.text.find(' ').unwrap_or(0)),
            (0, "ম*লাউন".len())
        );
        // At the edges a mask is a separator.
        assert_eq!(view("*মালাউন* ভোট").text, "মালাউন ভোট");
        assert_eq!(view("#জয়_বাংলা").text, nk("জয় বাংলা"));
        assert_eq!(view("#জয়#বাংলা").text, nk("জয় বাংলা"));
    }

    #[test]
    fn dots_after_one_akshara_join() {
        assert_eq!(view("প্র.শ্ন").text, "প্রশ্ন");
        assert_eq!(view("মা.লা.উ.ন").text, "মালাউন");
        assert_eq!(view("ছা-ত্র-লী-গ").text, "ছাত্রলিগ");
        // Longer fragments and dots before a space stay separators.
        assert_eq!(view("ভালো.আমি").text, "ভালো আমি");
        assert_eq!(view("ডা. রহিম").text, "ডা রহিম");
        // Both fragments must be one akshara: মা-বাবা stays two words.
        assert_eq!(view("মা-বাবা").text, "মা বাবা");
        assert_eq!(view("না.আমি যাব").text, "না আমি যাব");
        assert_eq!(view("মা.লা.উ.ন.দের").text, "মালাউন দের");
        // A chain of one-akshara fragments after a two-akshara one joins
        // whole; one hyphen after it, or a list, does not.
        assert_eq!(view("সাঁও-তা-ল রা").text, "সাওতাল রা");
        assert_eq!(view("বাবা-মা").text, "বাবা মা");
        assert_eq!(view("সাপ-ব্যাঙ-শুঁটকি").text, "সাপ ব্যাং শুটকি");
        assert_eq!(view("নারী-পুরুষ-শিশু").text, "নারি পুরুশ শিশু");
        let text = "মা-বাবা";
        let v = view(text);
        assert_eq!(
            v.original_span(v.text.len() - "বাবা".len(), v.text.len()),
            (text.len() - "বাবা".len(), text.len())
        );
        let text = "মা.লা.উ.ন!";
        let v = view(text);
        assert_eq!(v.original_span(0, v.text.len()), (0, text.len() - 1));
    }
}
