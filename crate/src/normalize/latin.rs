//! The Latin view (lower-cased words, leetspeak read as letters, spaced or
//! punctuated single letters joined) and, word by word, the Banglish
//! skeleton view built from it.

use super::canonical::Unit;
use super::digits::{bangla_digit, leet_digit};
use super::emoji::{self, Symbol};
use super::latin_fold::{ascii_fold, is_combining_mark};
use super::skeleton::skeletonize;
use super::view::{View, ViewBuilder};
use super::MASK;

/// What a character of a Latin word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A letter (lower-cased), or a symbol or digit read as one.
    Letter,
    /// An ASCII digit.
    Digit,
    /// `@`, `$` or `!`: read as a letter inside a word, else a separator.
    Sym,
    /// An apostrophe, kept between word characters.
    Apos,
    /// `*` inside a word: one unknown letter (written as [`MASK`]).
    Mask,
}

/// One character of a Latin word and the original bytes it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Item {
    /// The (folded) character.
    pub ch: char,
    /// Original start byte.
    pub start: usize,
    /// Original end byte.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// Whether it was an upper-case letter (for splitting `JoyBangla`).
    pub upper: bool,
}

/// A combining mark outside the Bangla block (e.g. the strike-through
/// U+0336 of "fancy text"); dropped inside words.
pub(crate) fn is_mark(c: char) -> bool {
    !c.is_ascii() && !('\u{0980}'..='\u{09FF}').contains(&c) && is_combining_mark(c)
}

/// Separators that may stand between joined single letters (`B.N.P`, `B-N-P`).
fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '.' | '-' | '_' | '*' | '/' | '|' | '~' | '·' | '•' | '\u{2010}'..='\u{2015}'
    )
}

/// Cyrillic and Greek letters that look like Latin ones, read as those
/// letters inside words that have a Latin letter (`kіll` with Cyrillic `і`).
fn confusable(c: char) -> Option<(char, bool)> {
    let l = match c {
        'а' | 'α' => 'a',
        'е' | 'ё' | 'ε' => 'e',
        'о' | 'ο' => 'o',
        'р' | 'ρ' => 'p',
        'с' | 'ϲ' => 'c',
        'х' | 'χ' => 'x',
        'у' => 'y',
        'і' | 'ι' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'ԁ' => 'd',
        'һ' => 'h',
        'ӏ' => 'l',
        'к' | 'κ' => 'k',
        'ν' => 'v',
        'τ' => 't',
        'υ' => 'u',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'А' | 'Α' => return Some(('a', true)),
        'В' | 'Β' => return Some(('b', true)),
        'Е' | 'Ε' => return Some(('e', true)),
        'К' | 'Κ' => return Some(('k', true)),
        'М' | 'Μ' => return Some(('m', true)),
        'Н' | 'Η' => return Some(('h', true)),
        'О' | 'Ο' => return Some(('o', true)),
        'Р' | 'Ρ' => return Some(('p', true)),
        'С' => return Some(('c', true)),
        'Т' | 'Τ' => return Some(('t', true)),
        'Х' | 'Χ' => return Some(('x', true)),
        'У' | 'Υ' => return Some(('y', true)),
        'І' | 'Ι' => return Some(('i', true)),
        'Ј' => return Some(('j', true)),
        'Ѕ' => return Some(('s', true)),
        'Ζ' => return Some(('z', true)),
        'Ν' => return Some(('n', true)),
        _ => return None,
    };
    Some((l, false))
}

/// Letters of the Latin script outside ASCII (kept, lower-cased, when they
/// have no ASCII compatibility decomposition, e.g. `ß`, `ø`, `ł`).
fn is_latin_letter(c: char) -> bool {
    matches!(
        c,
        '\u{00C0}'..='\u{024F}'
            | '\u{1E00}'..='\u{1EFF}'
            | '\u{2C60}'..='\u{2C7F}'
            | '\u{A720}'..='\u{A7FF}'
            | '\u{AB30}'..='\u{AB6F}'
    ) && c.is_alphabetic()
}

/// Suffixes after a leading digit that mark a number with a unit or an
/// ordinal (`4th`, `5g`, `3pm`), where the digit is not leetspeak.
const UNIT_SUFFIXES: [&str; 30] = [
    "st", "nd", "rd", "th", "s", "am", "pm", "k", "m", "g", "d", "x", "h", "kg", "km", "cm", "mm",
    "gb", "mb", "tb", "tk", "mg", "ml", "l", "p", "px", "hr", "v", "w", "y",
];

/// The separator characters seen between two words (only the first two are
/// kept; that is all the joining rule needs).
#[derive(Clone, Copy, Debug, Default)]
struct Gap {
    count: u8,
    first: char,
    second: char,
}

impl Gap {
    fn add(&mut self, c: char) {
        match self.count {
            0 => self.first = c,
            1 => self.second = c,
            _ => {}
        }
        self.count = self.count.saturating_add(1);
    }

    /// One space, one joiner, or a joiner and a space (`B. N. P`).
    fn joinable(&self) -> bool {
        match self.count {
            1 => self.first.is_whitespace() || is_joiner(self.first),
            2 => is_joiner(self.first) && self.second.is_whitespace(),
            _ => false,
        }
    }

    fn has_joiner(&self) -> bool {
        self.count > 0 && is_joiner(self.first)
    }
}

/// Builds the Latin and skeleton views from canonical units.
pub(crate) struct LatinBuilder {
    latin: ViewBuilder,
    skeleton: ViewBuilder,
    /// Raw characters of the word being read.
    token: Vec<Item>,
    /// Pending run of single-letter words, maybe to be joined.
    run: Vec<Item>,
    run_joiner: bool,
    skel_buf: Vec<Item>,
    gap: Gap,
    /// Confusable (Cyrillic, Greek) letters in the word being read.
    confusables: usize,
    /// Latin letters in the word being read.
    latin_letters: usize,
    /// Whether the last unit was a party-symbol emoji (or part of its
    /// picture), written as the symbol's name.
    after_symbol: bool,
}

impl LatinBuilder {
    /// A builder expecting about `capacity` bytes.
    pub(crate) fn new(capacity: usize) -> Self {
        LatinBuilder {
            latin: ViewBuilder::with_capacity(capacity),
            skeleton: ViewBuilder::with_capacity(capacity),
            token: Vec::new(),
            run: Vec::new(),
            run_joiner: false,
            skel_buf: Vec::new(),
            gap: Gap::default(),
            confusables: 0,
            latin_letters: 0,
            after_symbol: false,
        }
    }

    /// Feeds the next canonical unit.
    pub(crate) fn push(&mut self, u: Unit) {
        let c = u.ch;
        let after_symbol = std::mem::take(&mut self.after_symbol);
        if c.is_ascii() {
            self.push_ascii(c, u.start, u.end);
            return;
        }
        if let Some(d) = bangla_digit(c) {
            self.push_ascii(d, u.start, u.end);
            return;
        }
        if ('\u{0980}'..='\u{09FF}').contains(&c) {
            self.separator(c);
            return;
        }
        if after_symbol && emoji::extends_symbol(c) {
            self.latin.absorb(u.end);
            self.skeleton.absorb(u.end);
            self.after_symbol = true;
            return;
        }
        if let Some(symbol) = emoji::symbol(c) {
            self.push_symbol(symbol, u.start, u.end);
            return;
        }
        if matches!(c, '\u{2019}' | '\u{2018}' | '\u{02BC}') {
            self.push_item('\'', u.start, u.end, Kind::Apos);
            return;
        }
        if is_combining_mark(c) {
            match self.token.last_mut() {
                Some(last) => last.end = last.end.max(u.end),
                None => self.gap.add(c),
            }
            return;
        }
        if let Some((l, upper)) = confusable(c) {
            self.confusables += 1;
            self.push_item(l, u.start, u.end, Kind::Letter);
            if let Some(last) = self.token.last_mut() {
                last.upper = upper;
            }
            return;
        }
        let (n, ascii) = ascii_fold(c);
        if n == 1 {
            self.push_ascii(char::from(ascii[0]), u.start, u.end);
        } else if n > 1 {
            for &b in &ascii[..n] {
                self.push_ascii(char::from(b), u.start, u.end);
            }
        } else if is_latin_letter(c) {
            for l in c.to_lowercase() {
                self.push_item(l, u.start, u.end, Kind::Letter);
            }
        } else {
            self.separator(c);
        }
    }

    fn push_ascii(&mut self, c: char, start: usize, end: usize) {
        match c {
            'a'..='z' => self.push_item(c, start, end, Kind::Letter),
            'A'..='Z' => {
                self.push_item(c.to_ascii_lowercase(), start, end, Kind::Letter);
                if let Some(last) = self.token.last_mut() {
                    last.upper = true;
                }
            }
            '0'..='9' => self.push_item(c, start, end, Kind::Digit),
            '@' | '$' | '!' => self.push_item(c, start, end, Kind::Sym),
            '*' if self
                .token
                .last()
                .is_some_and(|t| matches!(t.kind, Kind::Letter | Kind::Digit | Kind::Mask)) =>
            {
                self.push_item(MASK, start, end, Kind::Mask)
            }
            '\'' => self.push_item(c, start, end, Kind::Apos),
            _ => self.separator(c),
        }
    }

    fn push_item(&mut self, ch: char, start: usize, end: usize, kind: Kind) {
        if kind == Kind::Letter {
            self.latin_letters += 1;
        }
        self.token.push(Item {
            ch,
            start,
            end,
            kind,
            upper: false,
        });
    }

    fn separator(&mut self, c: char) {
        if !self.token.is_empty() {
            self.finish_token();
        }
        self.gap.add(c);
    }

    /// Trims symbols off the token's ends, reads leetspeak and hands the word on.
    fn finish_token(&mut self) {
        let mut token = std::mem::take(&mut self.token);
        let all_confusable = self.confusables > 0 && self.confusables >= self.latin_letters;
        self.confusables = 0;
        self.latin_letters = 0;
        if all_confusable {
            // A Cyrillic or Greek word, not a disguised Latin one.
            if let Some(first) = token.first() {
                self.gap.add(first.ch);
            }
            self.token = token;
            self.token.clear();
            return;
        }
        let is_word_char = |t: &Item| matches!(t.kind, Kind::Letter | Kind::Digit);
        let mut lo = 0;
        let mut hi = token.len();
        while lo < hi && !is_word_char(&token[lo]) {
            // A leading `$` before a letter is leetspeak (`$hit`).
            if token[lo].ch == '$' && token.get(lo + 1).is_some_and(|t| t.kind == Kind::Letter) {
                break;
            }
            self.gap.add(if token[lo].kind == Kind::Mask {
                '*'
            } else {
                token[lo].ch
            });
            lo += 1;
        }
        while hi > lo && !is_word_char(&token[hi - 1]) {
            hi -= 1;
        }
        for t in &mut token[hi..] {
            if t.kind == Kind::Mask {
                t.ch = '*';
            }
        }
        if lo < hi {
            let word = &mut token[lo..hi];
            let letters_only = word.iter().all(|t| t.kind == Kind::Letter);
            if !letters_only {
                for t in word.iter_mut() {
                    match (t.kind, t.ch) {
                        (Kind::Sym, '@') => *t = letter(*t, 'a'),
                        (Kind::Sym, '$') => *t = letter(*t, 's'),
                        (Kind::Sym, _) => *t = letter(*t, 'i'),
                        _ => {}
                    }
                }
                read_leet_digits(word);
            }
            self.take_camel_case(word, letters_only);
            self.gap = Gap::default();
        }
        for t in &token[hi..] {
            self.gap.add(t.ch);
        }
        self.token = token;
        self.token.clear();
    }

    /// Splits a word of letters at each lower-to-upper case change
    /// (`#JoyBangla` → `joy bangla`, `ShameOnBNP` → `shame on bnp`), then
    /// takes each part. Words with digits or symbols are not split, so that
    /// `P@ssW0rd` still reads as `password`.
    fn take_camel_case(&mut self, word: &[Item], letters_only: bool) {
        let mut from = 0;
        if letters_only {
            for i in 1..word.len() {
                if word[i].upper && !word[i - 1].upper {
                    self.take_word(&word[from..i]);
                    self.gap = Gap::default();
                    from = i;
                }
            }
        }
        self.take_word(&word[from..]);
    }

    /// Queues a single letter for joining, or emits a word.
    fn take_word(&mut self, word: &[Item]) {
        let single = word.len() == 1 && word[0].kind == Kind::Letter && word[0].ch.is_ascii();
        if single {
            if !self.run.is_empty() && self.gap.joinable() {
                self.run_joiner |= self.gap.has_joiner();
            } else {
                self.flush_run();
            }
            self.run.push(word[0]);
        } else {
            self.flush_run();
            self.emit_word(word);
        }
    }

    /// Emits the pending single letters: joined when there are at least
    /// three, or two with a joiner between them; else one by one.
    fn flush_run(&mut self) {
        if self.run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut self.run);
        if run.len() >= 3 || (run.len() >= 2 && self.run_joiner) {
            self.emit_word(&run);
        } else {
            for t in &run {
                self.emit_word(std::slice::from_ref(t));
            }
        }
        self.run = run;
        self.run.clear();
        self.run_joiner = false;
    }

    fn emit_word(&mut self, word: &[Item]) {
        let Some(first) = word.first() else {
            return;
        };
        if !self.latin.is_empty() {
            let gap_start = self.latin.last_end();
            self.latin.push(' ', gap_start, first.start);
        }
        for t in word {
            self.latin.push(t.ch, t.start, t.end);
        }
        skeletonize(word, &mut self.skel_buf);
        if let Some(first) = self.skel_buf.first() {
            if !self.skeleton.is_empty() {
                let gap_start = self.skeleton.last_end();
                self.skeleton.push(' ', gap_start, first.start);
            }
            for t in &self.skel_buf {
                self.skeleton.push(t.ch, t.start, t.end);
            }
        }
    }

    /// Writes a party-symbol emoji at original bytes `start..end` as a word
    /// of its own: its English name in the Latin view and the skeleton of
    /// its Banglish name in the skeleton view, every character standing for
    /// the whole emoji. Words read before it are written first.
    fn push_symbol(&mut self, symbol: &Symbol, start: usize, end: usize) {
        if !self.token.is_empty() {
            self.finish_token();
        }
        self.flush_run();
        self.gap = Gap::default();
        if !self.latin.is_empty() {
            let gap_start = self.latin.last_end();
            self.latin.push(' ', gap_start, start);
        }
        for ch in symbol.en.chars() {
            self.latin.push(ch, start, end);
        }
        for (i, word) in symbol.banglish.split(' ').enumerate() {
            self.token.clear();
            self.token.extend(word.chars().map(|ch| Item {
                ch,
                start,
                end,
                kind: Kind::Letter,
                upper: false,
            }));
            skeletonize(&self.token, &mut self.skel_buf);
            if i > 0 {
                self.skeleton.push(' ', start, end);
            } else if !self.skeleton.is_empty() {
                let gap_start = self.skeleton.last_end();
                self.skeleton.push(' ', gap_start, start);
            }
            for t in &self.skel_buf {
                self.skeleton.push(t.ch, t.start, t.end);
            }
        }
        self.token.clear();
        self.after_symbol = true;
    }

    /// The finished Latin and skeleton views.
    pub(crate) fn finish(mut self) -> (View, View) {
        if !self.token.is_empty() {
            self.finish_token();
        }
        self.flush_run();
        (self.latin.finish(), self.skeleton.finish())
    }
}

fn letter(t: Item, ch: char) -> Item {
    Item {
        ch,
        kind: Kind::Letter,
        ..t
    }
}

/// Reads digit runs as letters where they are leetspeak: every digit of the
/// run has a reading, the word has letters, and the run is inside the word,
/// or is one trailing digit (`hell0`), or one leading digit not followed by
/// an ordinal or unit (`5ex`, but not `4th`, `5g`, `3pm`). Pure numbers and
/// longer leading or trailing runs (`2024`, `500tk`, `covid19`, `abc123`)
/// stay digits.
fn read_leet_digits(word: &mut [Item]) {
    if !word.iter().any(|t| t.kind == Kind::Letter) {
        return;
    }
    let n = word.len();
    let mut i = 0;
    while i < n {
        if word[i].kind != Kind::Digit {
            i += 1;
            continue;
        }
        let a = i;
        while i < n && word[i].kind == Kind::Digit {
            i += 1;
        }
        let b = i;
        if !word[a..b].iter().all(|t| leet_digit(t.ch).is_some()) {
            continue;
        }
        let left = a > 0 && word[a - 1].kind == Kind::Letter;
        let right = b < n && word[b].kind == Kind::Letter;
        let convert = match (left, right) {
            (true, true) => true,
            (true, false) => b - a == 1,
            (false, true) => b - a == 1 && !is_unit_suffix(&word[b..]),
            (false, false) => false,
        };
        if convert {
            for t in &mut word[a..b] {
                if let Some(l) = leet_digit(t.ch) {
                    *t = letter(*t, l);
                }
            }
        }
    }
}

fn is_unit_suffix(rest: &[Item]) -> bool {
    if rest.len() > 2 {
        return false;
    }
    let mut buf = [0u8; 2];
    for (slot, t) in buf.iter_mut().zip(rest) {
        if !t.ch.is_ascii_lowercase() {
            return false;
        }
        *slot = t.ch as u8;
    }
    let suffix = &buf[..rest.len()];
    UNIT_SUFFIXES.iter().any(|u| u.as_bytes() == suffix)
}

#[cfg(test)]
mod tests {
    use super::super::canonical::for_each_unit;
    use super::*;

    fn views(text: &str) -> (View, View) {
        let mut b = LatinBuilder::new(text.len());
        for_each_unit(text, |u| b.push(u));
        b.finish()
    }

    fn latin(text: &str) -> String {
        views(text).0.text
    }

    #[test]
    fn lower_cases_and_separates_words() {
        assert_eq!(latin("Vote for   BNP!!"), "vote for bnp");
        assert_eq!(latin("নৌকা marka, vote"), "marka vote");
        assert_eq!(latin("...hello..."), "hello");
    }

    #[test]
    fn leetspeak_inside_words() {
        assert_eq!(latin("p@ssw0rd"), "password");
        assert_eq!(latin("P@$$W0RD"), "password");
        assert_eq!(
            latin("$hit sh1t k!ll h4te 5ex hell0"),
            "shit shit kill hate sex hello"
        );
        assert_eq!(latin("b1tch3s"), "bitches");
    }

    #[test]
    fn numbers_stay_numbers() {
        assert_eq!(latin("2024 100 $100 100$ 7"), "2024 100 100 100 7");
        assert_eq!(
            latin("4th 1st 5g 3pm 500tk covid19 abc123"),
            "4th 1st 5g 3pm 500tk covid19 abc123"
        );
        assert_eq!(latin("@rahim hello!"), "rahim hello");
    }

    #[test]
    fn spaced_letters_join() {
        assert_eq!(latin("A W A M I"), "awami");
        assert_eq!(latin("B.N.P"), "bnp");
        assert_eq!(latin("B-N-P"), "bnp");
        assert_eq!(latin("B N P"), "bnp");
        assert_eq!(latin("B. N. P."), "bnp");
        assert_eq!(latin("vote for B.N.P now"), "vote for bnp now");
        assert_eq!(latin("U.S"), "us");
    }

    #[test]
    fn camel_case_hashtags_split() {
        assert_eq!(latin("#JoyBangla #ShameOnBNP"), "joy bangla shame on bnp");
        assert_eq!(latin("BNP NOWKA iPhone"), "bnp nowka i phone");
        assert_eq!(latin("P@ssW0rd"), "password");
        let (v, _) = views("#JoyBangla");
        assert_eq!(v.text, "joy bangla");
        assert_eq!(v.original_span(0, 3), (1, 4));
        assert_eq!(v.original_span(4, 10), (4, 10));
        assert_eq!(v.original_span(3, 4), (4, 4));
    }

    #[test]
    fn ordinary_words_do_not_join() {
        assert_eq!(latin("I am a man"), "i am a man");
        assert_eq!(latin("a b"), "a b");
        assert_eq!(latin("a, b, c"), "a b c");
        assert_eq!(latin("x - y - z"), "x y z");
        assert_eq!(latin("I a"), "i a");
    }

    #[test]
    fn joined_letters_map_to_the_whole_run() {
        let (v, _) = views("say A W A M I now");
        assert_eq!(v.text, "say awami now");
        assert_eq!(v.original_span(4, 9), (4, 13));
    }

    #[test]
    fn fancy_text_folds() {
        assert_eq!(latin("𝐁𝐍𝐏 ｂｎｐ"), "bnp bnp");
        assert_eq!(latin("b\u{0336}n\u{0336}p\u{0336}"), "bnp");
        assert_eq!(latin("vötë café"), "vote cafe");
        assert_eq!(latin("Ｂ．Ｎ．Ｐ"), "bnp");
        assert_eq!(latin("straße"), "straße");
    }

    #[test]
    fn apostrophes_stay_inside_words() {
        assert_eq!(latin("BNP's rally"), "bnp's rally");
        assert_eq!(latin("don’t 'quoted'"), "don't quoted");
    }

    #[test]
    fn masks_inside_words() {
        assert_eq!(latin("m*laun f**k"), "m\u{E000}laun f\u{E000}\u{E000}k");
        assert_eq!(latin("*hello* #tag a*"), "hello tag a");
        // `#` joins hashtags, it is no mask.
        assert_eq!(latin("#JoyBangla#BNP"), "joy bangla bnp");
        let (v, _) = views("say m*laun");
        assert_eq!(v.original_span(4, v.text.len()), (4, 10));
    }

    #[test]
    fn confusables_inside_latin_words() {
        // Cyrillic а, е, о, і inside Latin words.
        assert_eq!(latin("kіll mаlaun vоtе"), "kill malaun vote");
        assert_eq!(latin("KІLL"), "kill");
        // A Cyrillic word stays out of the Latin view.
        assert_eq!(latin("сое ok"), "ok");
    }

    #[test]
    fn zero_width_inside_word_keeps_it_joined() {
        let text = "B\u{200B}NP";
        let (v, _) = views(text);
        assert_eq!(v.text, "bnp");
        assert_eq!(v.original_span(0, 3), (0, text.len()));
    }
}
