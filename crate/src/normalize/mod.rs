//! Normalisation of post text into matching views, each with a map back to
//! the original text.
//!
//! [`normalize`] reads the text once. A shared *canonical* stream is built
//! first (module `canonical`), and four views are built from it side by side:
//!
//! | view | used for | contents |
//! |---|---|---|
//! | [`Normalized::regex`] | `regex` matchers | canonical text, lower-cased, Bangla digits as ASCII; nothing else removed |
//! | [`Normalized::bangla`] | `bn` terms | Bangla words with loose folds, party-symbol emoji as the symbol's Bangla name, single spaces between words |
//! | [`Normalized::latin`] | `en` terms | lower-cased Latin words, leetspeak read, spaced letters joined, party-symbol emoji as the symbol's English name, single spaces |
//! | [`Normalized::skeleton`] | `banglish` terms | the Banglish skeleton of each Latin word (of a party-symbol emoji: of its Banglish name), single spaces |
//!
//! Every byte of every view maps back to original bytes:
//! [`View::original_span`] gives the smallest original range (on character
//! boundaries) covering a view range. Characters dropped inside a word
//! (zero-width characters, chandrabindu, strike-through marks) widen the
//! character before them, so a match never cuts a cluster in two.
//!
//! # Canonical text (all views)
//!
//! - NFC.
//! - Nukta letters in the **precomposed** form: `ড়` U+09DC, `ঢ়` U+09DD,
//!   `য়` U+09DF, whether typed as one code point or as base + nukta U+09BC.
//! - Khanda ta as `ৎ` U+09CE, whether typed so or as `ত` + `্` + ZWJ.
//! - Invisible characters removed, without splitting the word around them:
//!   ZWJ, ZWNJ, ZWSP, word joiner, BOM, soft hyphen, bidi controls,
//!   variation selectors, tag characters and other format characters.
//!
//! # Bangla view
//!
//! Word characters are Bangla letters and signs, and digits (Bangla digits
//! become ASCII `0`–`9`). Everything else (Latin, punctuation, the danda `।`,
//! the taka sign `৳`) separates words; words are joined by one space. Folds,
//! chosen from misspellings common on social media:
//!
//! | fold | why | example |
//! |---|---|---|
//! | chandrabindu `ঁ` dropped | often left out | `সাঁওতাল` = `সাওতাল` |
//! | `ী`→`ি`, `ূ`→`ু`, `ঈ`→`ই`, `ঊ`→`উ` | long/short vowels are swapped freely (and `ইদ` is now the standard spelling) | `আওয়ামী` = `আওয়ামি`, `ঈদ` = `ইদ` |
//! | `ণ`→`ন` | murdhanya/dantya na confusion | `কারণ` = `কারন` |
//! | `ষ`→`শ` | both are pronounced /ʃ/ | `মানুষ` = `মানুশ` |
//! | `ঢ়`→`ড়` | rare letter, confused with `ড়` | `আষাঢ়` = `আষাড়` |
//! | `ৎ`→`ত` | `ভবিষ্যত` is as common as `ভবিষ্যৎ` | `ভবিষ্যৎ` = `ভবিষ্যত` |
//! | `ঙ`→`ং` unless a virama follows | both spellings are in use; conjuncts like `অঙ্ক` keep `ঙ` | `রঙ` = `রং`, `বাঙলা` = `বাংলা` |
//!
//! | `ৰ`→`র`, `ৱ`→`ব` | Assamese letters typed for Bangla ones | `ৰাজাকাৰ` = `রাজাকার` |
//!
//! Obfuscation inside a word: `*` between Bangla letters becomes
//! [`MASK`] (one unknown letter, matched by the engine's masked-word path:
//! `ম*লাউন`); `.`, `-`, `·`, `•` between two one-akshara fragments are
//! dropped, joining the word (`প্র.শ্ন`, `মা.লা.উ.ন`, but `মা-বাবা` stays
//! two words).
//!
//! Party-symbol emoji (`🚣` → `নৌকা`) are words of their own; see
//! [Party-symbol emoji](#party-symbol-emoji).
//!
//! Deliberately **not** folded: `স` with `শ`/`ষ` (`শালা` would meet the
//! greeting `সালাম` as a prefix), `ড়` with `র` (`পড়া` read / `পরা` wear,
//! `বড়` big / `বর` groom), `য়` with `য`, `জ` with `য`, and `ঃ`.
//!
//! # Latin view
//!
//! Words of Latin letters and digits, lower-cased, joined by one space;
//! non-Latin characters and punctuation separate words. An apostrophe
//! between word characters is kept as `'` (`BNP’s` → `bnp's`).
//!
//! - Compatibility forms fold to ASCII: fancy-font letters (`𝐁𝐍𝐏`),
//!   full-width forms (`ｂｎｐ`), accents (`vötë` → `vote`); combining marks
//!   inside words are dropped (`b̶n̶p̶` → `bnp`).
//! - Leetspeak inside words that have a letter: `@`→a, `$`→s, `!`→i, and
//!   the digits `0`→o, `1`→i, `3`→e, `4`→a, `5`→s, `7`→t, for a digit run
//!   between letters (`p@ssw0rd` → `password`), one trailing digit
//!   (`hell0`), or one leading digit not followed by an ordinal or unit
//!   (`5ex` → `sex`, but `4th`, `5g`, `3pm` stay). Pure numbers (`2024`),
//!   numbers with units (`500tk`) and runs with other digits (`covid19`,
//!   `abc123`) stay. A leading `@` (a mention) and trailing `!` separate.
//! - Cyrillic and Greek look-alike letters (`а е о р с х у і ј ѕ к`,
//!   `α ο ρ ι κ ν τ υ χ`, capitals too) read as Latin letters inside a word
//!   that has a Latin letter (`kіll` → `kill`); a word of look-alikes only
//!   is left out.
//! - `*` after a letter inside a word becomes [`MASK`] (`m*laun`,
//!   `f**k`); at the start or end of a word it separates.
//! - Camel case splits words of letters (`#JoyBangla` → `joy bangla`,
//!   `ShameOnBNP` → `shame on bnp`); words with digits or symbols are not
//!   split (`P@ssW0rd` → `password`).
//! - Single letters are joined into one word when they follow each other
//!   separated by exactly one space, one joiner (`.` `-` `_` `*` `/` `|`
//!   `~` `·` `•` dashes) or a joiner and a space, and there are at least
//!   three of them, or two with a joiner (a `*` right between two letters
//!   is a mask instead, matched as nothing or one letter): `A W A M I` → `awami`,
//!   `B.N.P` / `B-N-P` / `B N P` / `B. N. P.` → `bnp`, `U.S` → `us`. Two
//!   letters with a space (`a b`) and letters separated by words
//!   (`I am a man`) stay apart. The joined word maps back to the whole run.
//! - A party-symbol emoji reads as the symbol's English name (`🚣` →
//!   `boat`), a word of its own; see
//!   [Party-symbol emoji](#party-symbol-emoji).
//!
//! # Party-symbol emoji
//!
//! Officials campaign with an emoji in place of the symbol's name
//! ("সবাই 🚣 তে ভোট দিন", "Vote for 🚣", "🌾er season ashche"). Other emoji
//! separate words and are dropped, but an emoji that pictures the electoral
//! symbol of a party, as listed in `[set.party_symbols]` of the default
//! pack, becomes a word of its own naming that symbol (table in module
//! `emoji`; every listed symbol that has an emoji of that very object,
//! whichever party it belongs to):
//!
//! | emoji | Bangla view | Latin view | skeleton of |
//! |---|---|---|---|
//! | 🚣 🛶 ⛵ | `নৌকা` | `boat` | `nouka` |
//! | 🌾 | `ধানের শীষ` | `sheaf of paddy` | `dhaner shish` |
//! | ⚖ | `দাঁড়িপাল্লা` | `scales` | `daripalla` |
//! | 🪭 | `হাতপাখা` | `hand fan` | `hatpakha` |
//! | 🔨 | `হাতুড়ি` | `hammer` | `haturi` |
//! | 🦅 | `ঈগল` | `eagle` | `eagle` |
//! | 🕯 | `মোমবাতি` | `candle` | `mombati` |
//! | 🚚 | `ট্রাক` | `truck` | `truck` |
//! | ☂ 🌂 | `ছাতা` | `umbrella` | `chata` |
//! | 🪜 | `মই` | `ladder` | `moi` |
//! | 🌅 | `উদীয়মান সূর্য` | `rising sun` | `udiyoman surjo` |
//! | 🚲 | `বাইসাইকেল` | `bicycle` | `baisaikel` |
//! | 🌹 | `গোলাপ ফুল` | `rose` | `golap ful` |
//! | 🍎 | `আপেল` | `apple` | `apel` |
//!
//! The Bangla name is folded as the view folds text; the English and
//! Banglish names are entries of the set's `en` and `banglish` lists where
//! it has one (it has no `en` entry for candle, rose or apple, nor a
//! `banglish` one for the last five rows: those emoji meet the set through
//! the Bangla view). Every character of the name maps back to the whole
//! emoji, widened over a variation selector, a skin-tone modifier or the
//! gender sign of a ZWJ sequence (`🚣‍♂️`), so findings underline the
//! picture. An emoji is a word apart even when written onto a word:
//! `🚣তে` reads `নৌকা তে`, `🌾er` reads `sheaf of paddy er`.
//!
//! # Skeleton view
//!
//! Casual romanised Bangla has no fixed spelling, so each word is reduced to
//! a loose skeleton where the usual variants meet:
//!
//! 1. Runs of one letter collapse (`shobbbb` = `shob`), except that exactly
//!    `oo` reads as `u` and exactly `ee` as `i` (`bhoot` = `bhut`,
//!    `amee` = `ami`).
//! 2. Aspirated digraphs drop the `h`: `kh`→k, `gh`→g, `ch`→c, `jh`→j,
//!    `th`→t, `dh`→d, `bh`→b, `sh`→s, `rh`→r, and `ph`→f.
//! 3. Consonant variants: `v`→b, `z`→j, `q`→k, `x`→ks; `c` stays `c` (চ, so
//!    `chor` = `cor`, kept apart from `kor`). A repeated consonant after
//!    folding collapses (`vb` = `b`).
//! 4. Vowels fold into five classes `a`, `o`, `u`, `e`, `i`: `w` reads as
//!    `o`, `y` (not word-initial) as `i`. In a vowel run, `au`, `ou`, `ao`,
//!    `aw`, `ow` become `o` (`nouka` = `nauka` = `nowka` = `noka`), and a
//!    repeated class collapses.
//! 5. A final single `e` after a consonant is dropped in words of four or
//!    more letters (`vote` = `bhot` = `vot`; `kore` = `kor`).
//!
//! `a` and `o` stay apart on purpose: merging them would make `ami` (I)
//! meet `awami` (`oami`), `chor` (thief) meet `char` (four) and English
//! `car`, and `vote` meet `bat`.
//!
//! Examples: `shob` = `sob`, `chor` = `cor`, `vote` = `bhot` = `vot`,
//! `nouka` = `nauka` = `nowka`, `bhai` = `vai`, `phul` = `ful`,
//! `zindabad` = `jindabad`, `awami` = `aowami`, while `ami` ≠ `awami`,
//! `chor` ≠ `kor` ≠ `char`. Known gap: `marca` does not meet `marka`.

mod bangla;
mod canonical;
mod digits;
mod emoji;
mod latin;
mod latin_fold;
mod latin_fold_tables;
mod nfc;
mod skeleton;
mod utf16;
mod view;

#[cfg(test)]
mod tests;

pub use utf16::{utf16_offset, Utf16Index};

/// Stands in the Bangla, Latin and skeleton views for a masking character
/// inside a word (`*` in `ম*লাউন`, `m*laun`, `f**k`): one unknown
/// letter or none. A private-use character, so it never comes from text
/// into these views.
pub const MASK: char = '\u{E000}';
pub use view::View;

use digits::bangla_digit;
use view::ViewBuilder;

/// All views of one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// Bangla view, for `bn` terms.
    pub bangla: View,
    /// Latin view, for `en` terms.
    pub latin: View,
    /// Banglish skeleton view, for `banglish` terms.
    pub skeleton: View,
    /// Regex view: canonical text, lower-cased, Bangla digits as ASCII.
    pub regex: View,
}

/// Builds every view of `original` in one linear pass.
pub fn normalize(original: &str) -> Normalized {
    let capacity = original.len();
    // The Latin views hold little more than the ASCII part of the text.
    let ascii = original.bytes().filter(u8::is_ascii).count();
    let mut regex = ViewBuilder::with_capacity(capacity);
    let mut bangla = bangla::BanglaBuilder::new(capacity);
    let mut latin = latin::LatinBuilder::new(ascii + ascii / 8 + 16);
    canonical::for_each_unit(original, |u| {
        push_regex(&mut regex, u);
        bangla.push(u);
        latin.push(u);
    });
    let (latin, skeleton) = latin.finish();
    Normalized {
        bangla: bangla.finish(),
        latin,
        skeleton,
        regex: regex.finish(),
    }
}

fn push_regex(out: &mut ViewBuilder, u: canonical::Unit) {
    let c = u.ch;
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase(), u.start, u.end);
    } else if let Some(d) = bangla_digit(c) {
        out.push(d, u.start, u.end);
    } else if ('\u{0980}'..='\u{09FF}').contains(&c) {
        out.push(c, u.start, u.end);
    } else {
        for l in c.to_lowercase() {
            out.push(l, u.start, u.end);
        }
    }
}

/// Folds a Bangla rule term exactly as the Bangla view folds text.
pub fn fold_bangla_term(term: &str) -> String {
    let mut b = bangla::BanglaBuilder::new(term.len());
    canonical::for_each_unit(term, |u| b.push(u));
    b.finish().text
}

/// Folds an English rule term exactly as the Latin view folds text.
pub fn fold_latin_term(term: &str) -> String {
    let mut b = latin::LatinBuilder::new(term.len());
    canonical::for_each_unit(term, |u| b.push(u));
    b.finish().0.text
}

/// Folds a Banglish rule term into the skeleton space exactly as the
/// skeleton view does.
pub fn skeleton_term(term: &str) -> String {
    let mut b = latin::LatinBuilder::new(term.len());
    canonical::for_each_unit(term, |u| b.push(u));
    b.finish().1.text
}

/// Brings the literal characters of a regex pattern into the regex view's
/// canonical form (NFC, nukta letters precomposed, khanda ta unified,
/// invisible characters removed, Bangla digits as ASCII) without
/// lower-casing, so escapes such as `\D` or `\W` keep their meaning.
pub fn fold_regex_pattern(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    canonical::for_each_unit(pattern, |u| out.push(bangla_digit(u.ch).unwrap_or(u.ch)));
    out
}
