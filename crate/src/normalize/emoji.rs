//! Party-symbol emoji: an emoji that pictures a Bangladeshi party's electoral
//! symbol reads, in the Bangla, Latin and skeleton views, as a word of its
//! own naming that symbol, so "সবাই 🚣 তে ভোট দিন" reads like
//! "সবাই নৌকা তে ভোট দিন" and "Vote for 🚣" like "Vote for boat".
//!
//! Only symbols listed in `[set.party_symbols]` of the default pack
//! (`crate/rules/default/00-sets.toml`) are here, and every one of them that
//! has an emoji picturing that very object is here, whichever party it
//! belongs to. Symbols with no such emoji are left out: লাঙ্গল (plough),
//! কাস্তে (sickle), মশাল (flaming torch; 🔦 is a flashlight), শাপলা
//! (water lily; 🪷 is a lotus), দেয়ালঘড়ি (wall clock), কেটলি (kettle; 🫖
//! is a teapot), মিনার, হারিকেন (hurricane lamp; 🌀 is the storm), কুলা,
//! গামছা, মাথাল, কোদাল, গরুর গাড়ি, কাঁঠাল, and the trees বটগাছ and খেজুর গাছ
//! and the green coconut ডাব (🌳, 🌴 and 🥥 are a generic tree, a palm and a
//! ripe coconut). Nor are look-alikes read: ☔ (umbrella in rain) is the
//! rain emoji, 🚤 a speedboat.
//!
//! Each name is written as the set spells it: the Bangla view folds `bn` as
//! it folds text, the Latin view writes `en` (an entry of the set's `en`
//! list where it has one) and the skeleton view writes the skeleton of
//! `banglish` (an entry of the set's `banglish` list where it has one).

/// The names an emoji stands for in each view.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Symbol {
    /// Bangla name, for the Bangla view.
    pub bn: &'static str,
    /// English name, for the Latin view.
    pub en: &'static str,
    /// Banglish name, whose skeleton goes into the skeleton view.
    pub banglish: &'static str,
}

/// The emoji of each symbol (a variation selector after one is dropped by
/// the canonical stream) and the names they read as.
pub(crate) const SYMBOL_EMOJI: &[(&[char], Symbol)] = &[
    // person rowing boat, canoe, sailboat
    (
        &['\u{1F6A3}', '\u{1F6F6}', '\u{26F5}'],
        Symbol {
            bn: "নৌকা",
            en: "boat",
            banglish: "nouka",
        },
    ),
    // sheaf of rice
    (
        &['\u{1F33E}'],
        Symbol {
            bn: "ধানের শীষ",
            en: "sheaf of paddy",
            banglish: "dhaner shish",
        },
    ),
    // scales
    (
        &['\u{2696}'],
        Symbol {
            bn: "দাঁ\u{09DC}িপাল্লা",
            en: "scales",
            banglish: "daripalla",
        },
    ),
    // folding hand fan
    (
        &['\u{1FAAD}'],
        Symbol {
            bn: "হাতপাখা",
            en: "hand fan",
            banglish: "hatpakha",
        },
    ),
    // hammer
    (
        &['\u{1F528}'],
        Symbol {
            bn: "হাতু\u{09DC}ি",
            en: "hammer",
            banglish: "haturi",
        },
    ),
    // eagle
    (
        &['\u{1F985}'],
        Symbol {
            bn: "ঈগল",
            en: "eagle",
            banglish: "eagle",
        },
    ),
    // candle
    (
        &['\u{1F56F}'],
        Symbol {
            bn: "মোমবাতি",
            en: "candle",
            banglish: "mombati",
        },
    ),
    // delivery truck
    (
        &['\u{1F69A}'],
        Symbol {
            bn: "ট্রাক",
            en: "truck",
            banglish: "truck",
        },
    ),
    // umbrella, closed umbrella
    (
        &['\u{2602}', '\u{1F302}'],
        Symbol {
            bn: "ছাতা",
            en: "umbrella",
            banglish: "chata",
        },
    ),
    // ladder
    (
        &['\u{1FA9C}'],
        Symbol {
            bn: "মই",
            en: "ladder",
            banglish: "moi",
        },
    ),
    // sunrise
    (
        &['\u{1F305}'],
        Symbol {
            bn: "উদী\u{09DF}মান সূর্য",
            en: "rising sun",
            banglish: "udiyoman surjo",
        },
    ),
    // bicycle
    (
        &['\u{1F6B2}'],
        Symbol {
            bn: "বাইসাইকেল",
            en: "bicycle",
            banglish: "baisaikel",
        },
    ),
    // rose
    (
        &['\u{1F339}'],
        Symbol {
            bn: "গোলাপ ফুল",
            en: "rose",
            banglish: "golap ful",
        },
    ),
    // red apple
    (
        &['\u{1F34E}'],
        Symbol {
            bn: "আপেল",
            en: "apple",
            banglish: "apel",
        },
    ),
];

/// The symbol `c` pictures, if it is one of [`SYMBOL_EMOJI`].
#[inline]
pub(crate) fn symbol(c: char) -> Option<&'static Symbol> {
    if !matches!(c, '\u{2600}'..='\u{26FF}' | '\u{1F300}'..='\u{1FAFF}') {
        return None;
    }
    SYMBOL_EMOJI
        .iter()
        .find(|(chars, _)| chars.contains(&c))
        .map(|(_, s)| s)
}

/// Whether `c`, coming right after a symbol emoji, belongs to its picture:
/// a skin-tone modifier (`🚣🏽`) or the gender sign of a ZWJ sequence
/// (`🚣‍♂️`; the joiner itself is dropped by the canonical stream). The
/// symbol's word then covers it too, so a finding never cuts the picture.
#[inline]
pub(crate) fn extends_symbol(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}' | '\u{2640}' | '\u{2642}')
}
