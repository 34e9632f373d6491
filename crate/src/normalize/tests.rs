//! Tests of the whole normalisation: views, folds, offsets and properties.

use proptest::prelude::*;

use super::*;

/// The original text under a view range.
fn original<'a>(text: &'a str, view: &View, start: usize, end: usize) -> &'a str {
    let (s, e) = view.original_span(start, end);
    &text[s..e]
}

/// `s` with the nukta letters precomposed, as the views write them (string
/// literals in this file may hold either form).
fn nk(s: &str) -> String {
    s.replace("\u{09A1}\u{09BC}", "\u{09DC}")
        .replace("\u{09A2}\u{09BC}", "\u{09DD}")
        .replace("\u{09AF}\u{09BC}", "\u{09DF}")
}

/// View range of the first occurrence of `needle` in a view.
fn find(view: &View, needle: &str) -> (usize, usize) {
    let at = view
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in {:?}", view.text));
    (at, at + needle.len())
}

#[test]
fn nukta_forms_meet_in_bangla_and_regex_views() {
    let composed = "আও\u{09DF}ামী লীগ ব\u{09DC} ঢাকা আষা\u{09DD}";
    let decomposed = "আওয\u{09BC}ামী লীগ বড\u{09BC} ঢাকা আষাঢ\u{09BC}";
    assert_ne!(composed, decomposed);
    let a = normalize(composed);
    let b = normalize(decomposed);
    assert_eq!(a.bangla.text, b.bangla.text);
    assert_eq!(a.regex.text, b.regex.text);
    assert_eq!(
        fold_bangla_term("আওয\u{09BC}ামী"),
        fold_bangla_term("আও\u{09DF}ামী")
    );
    // The term matches the decomposed text and maps back over base + nukta.
    let term = fold_bangla_term("ব\u{09DC}");
    let (s, e) = find(&b.bangla, &term);
    assert_eq!(original(decomposed, &b.bangla, s, e), "বড\u{09BC}");
}

#[test]
fn khanda_ta_forms_meet() {
    let a = "উৎসব";
    let b = "উত\u{09CD}\u{200D}সব";
    assert_eq!(normalize(a).regex.text, normalize(b).regex.text);
    assert_eq!(normalize(a).regex.text, "উৎসব");
    assert_eq!(fold_bangla_term(a), fold_bangla_term(b));
    // Khanda ta also meets the common spelling with ত.
    assert_eq!(fold_bangla_term("ভবিষ্যৎ"), fold_bangla_term("ভবিষ্যত"));
    let n = normalize(b);
    assert_eq!(original(b, &n.bangla, 0, n.bangla.len()), b);
}

#[test]
fn zero_width_inside_a_word_is_stripped_with_correct_spans() {
    let text = "আমি চা\u{200C}ক\u{200D}মা বলেছি";
    let n = normalize(text);
    assert_eq!(n.bangla.text, "আমি চাকমা বলেছি");
    assert_eq!(n.regex.text, "আমি চাকমা বলেছি");
    let (s, e) = find(&n.bangla, "চাকমা");
    assert_eq!(original(text, &n.bangla, s, e), "চা\u{200C}ক\u{200D}মা");
    let (s, e) = find(&n.regex, "চাকমা");
    assert_eq!(original(text, &n.regex, s, e), "চা\u{200C}ক\u{200D}মা");
    // Zero-width characters inside Latin words keep them joined too.
    let text = "vote B\u{200B}N\u{2060}P";
    let n = normalize(text);
    assert_eq!(n.latin.text, "vote bnp");
    let (s, e) = find(&n.latin, "bnp");
    assert_eq!(original(text, &n.latin, s, e), "B\u{200B}N\u{2060}P");
}

#[test]
fn suffixes_stay_attached() {
    let text = "চাকমাদের সাথে আওয়ামী লীগের সভা";
    let n = normalize(text);
    assert!(n.bangla.text.contains("চাকমাদের"));
    let term = fold_bangla_term("চাকমা");
    let (s, _) = find(&n.bangla, &term);
    // The engine extends a prefix match to the word end; the word maps back whole.
    let word_end = n.bangla.text[s..]
        .find(' ')
        .map_or(n.bangla.len(), |i| s + i);
    assert_eq!(original(text, &n.bangla, s, word_end), "চাকমাদের");
    assert!(n.bangla.text.contains(&fold_bangla_term("আওয়ামী লীগ")));
}

#[test]
fn bangla_loose_folds() {
    assert_eq!(fold_bangla_term("সাঁওতাল"), fold_bangla_term("সাওতাল"));
    assert_eq!(fold_bangla_term("আওয়ামী"), fold_bangla_term("আওয়ামি"));
    assert_eq!(fold_bangla_term("ঈদ"), fold_bangla_term("ইদ"));
    assert_eq!(fold_bangla_term("কারণ"), fold_bangla_term("কারন"));
    assert_eq!(fold_bangla_term("মানুষ"), fold_bangla_term("মানুশ"));
    assert_eq!(fold_bangla_term("রঙ"), fold_bangla_term("রং"));
    assert_eq!(fold_bangla_term("বাঙলা"), fold_bangla_term("বাংলা"));
    assert_eq!(fold_bangla_term("দূর"), fold_bangla_term("দুর"));
    // Not merged: স with শ, ড় with র, and conjunct ঙ.
    assert_ne!(fold_bangla_term("শালা"), fold_bangla_term("সালা"));
    assert_ne!(fold_bangla_term("পড়া"), fold_bangla_term("পরা"));
    assert_eq!(fold_bangla_term("অঙ্ক"), "অঙ্ক");
}

#[test]
fn bangla_view_separates_words_with_single_spaces() {
    let text = "  নৌকা, মার্কায় — ভোট দিন। BNP 😀 জিন্দাবাদ!! ";
    let n = normalize(text);
    assert_eq!(n.bangla.text, nk("নৌকা মার্কায় ভোট দিন জিন্দাবাদ"));
    assert_eq!(fold_bangla_term(" নৌকা   মার্কা "), "নৌকা মার্কা");
    let (s, e) = find(&n.bangla, &nk("নৌকা মার্কায়"));
    assert_eq!(original(text, &n.bangla, s, e), "নৌকা, মার্কায়");
}

#[test]
fn digits() {
    let text = "১৯৭১ সালের ২৬ মার্চ, 2024-এ ৫০০tk";
    let n = normalize(text);
    assert_eq!(n.regex.text, "1971 সালের 26 মার্চ, 2024-এ 500tk");
    assert_eq!(n.bangla.text, "1971 সালের 26 মার্চ 2024 এ 500");
    assert_eq!(n.latin.text, "1971 26 2024 500tk");
    assert_eq!(fold_bangla_term("৭ই মার্চ"), "7ই মার্চ");
    let (s, e) = find(&n.regex, "1971");
    assert_eq!(original(text, &n.regex, s, e), "১৯৭১");
}

#[test]
fn regex_view_keeps_everything_else() {
    let text = "Vote for BNP, ভাই! ১০০%";
    let n = normalize(text);
    assert_eq!(n.regex.text, "vote for bnp, ভাই! 100%");
    assert_eq!(
        fold_regex_pattern("(?i)ড\u{09BC}[০-৯]+\\D"),
        "(?i)\u{09DC}[0-9]+\\D"
    );
}

#[test]
fn leetspeak_and_spaced_letters() {
    let n = normalize("My p@ssw0rd is s3cr3t, vote A W A M I or B.N.P in 2024");
    assert_eq!(
        n.latin.text,
        "my password is secret vote awami or bnp in 2024"
    );
    assert_eq!(fold_latin_term("P@ssw0rd"), "password");
    assert_eq!(fold_latin_term("B-N-P"), "bnp");
    assert_eq!(fold_latin_term("I am a man"), "i am a man");
}

#[test]
fn spaced_letters_map_back_to_the_whole_run() {
    let text = "ভোট দিন A W A M I লীগে";
    let n = normalize(text);
    let (s, e) = find(&n.latin, "awami");
    assert_eq!(original(text, &n.latin, s, e), "A W A M I");
    let (s, e) = find(&n.skeleton, "oami");
    assert_eq!(original(text, &n.skeleton, s, e), "A W A M I");
}

#[test]
fn skeleton_view_of_banglish() {
    let text = "Sobai NOWKA markay bhot den, chor der vote dibo na";
    let n = normalize(text);
    assert_eq!(
        n.skeleton.text,
        "sobai noka markai bot den cor der bot dibo na"
    );
    let term = skeleton_term("nouka marka");
    let (s, _) = find(&n.skeleton, &term);
    assert_eq!(
        original(text, &n.skeleton, s, s + term.len()),
        "NOWKA marka"
    );
    let (s, e) = find(&n.skeleton, "bot den");
    assert_eq!(original(text, &n.skeleton, s, e), "bhot den");
}

#[test]
fn party_symbol_emoji_read_as_the_symbol_in_every_view() {
    let text = "সবাই 🚣 তে ভোট দিন";
    let n = normalize(text);
    assert_eq!(n.bangla.text, "সবাই নৌকা তে ভোট দিন");
    assert_eq!(n.latin.text, "boat");
    assert_eq!(n.skeleton.text, skeleton_term("nouka"));
    // Every view's word maps back to exactly the emoji.
    let (s, e) = find(&n.bangla, "নৌকা");
    assert_eq!(original(text, &n.bangla, s, e), "🚣");
    assert_eq!(original(text, &n.latin, 0, n.latin.len()), "🚣");
    assert_eq!(original(text, &n.skeleton, 0, n.skeleton.len()), "🚣");
    // The gaps around it map to the spaces.
    assert_eq!(original(text, &n.bangla, s - 1, s), " ");
    assert_eq!(original(text, &n.bangla, e, e + 1), " ");
    // The regex view keeps the emoji.
    assert!(n.regex.text.contains('🚣'));

    let text = "Vote for 🌾 on 7 January";
    let n = normalize(text);
    assert_eq!(n.latin.text, "vote for sheaf of paddy on 7 january");
    assert_eq!(n.bangla.text, fold_bangla_term("ধানের শীষ 7"));
    let (s, e) = find(&n.latin, "sheaf of paddy");
    assert_eq!(original(text, &n.latin, s, e), "🌾");
    let (s, e) = find(&n.skeleton, &skeleton_term("dhaner shish"));
    assert_eq!(original(text, &n.skeleton, s, e), "🌾");
    let (s, e) = find(&n.bangla, &fold_bangla_term("ধানের শীষ"));
    assert_eq!(original(text, &n.bangla, s, e), "🌾");
}

#[test]
fn party_symbol_emoji_attached_to_words_stand_apart() {
    let text = "🚣তে ভোট দিন, 🌾er jonno";
    let n = normalize(text);
    assert_eq!(n.bangla.text, fold_bangla_term("নৌকা তে ভোট দিন ধানের শীষ"));
    assert_eq!(n.latin.text, "boat sheaf of paddy er jonno");
    assert_eq!(
        n.skeleton.text,
        skeleton_term("nouka dhaner shish er jonno")
    );
    let (s, e) = find(&n.bangla, "তে");
    assert_eq!(original(text, &n.bangla, s, e), "তে");
    let (s, e) = find(&n.latin, "er");
    assert_eq!(original(text, &n.latin, s, e), "er");
    // A word before an emoji is written before it.
    assert_eq!(normalize("ভোট🚣").bangla.text, "ভোট নৌকা");
    assert_eq!(normalize("B.N.P🚣").latin.text, "bnp boat");
    assert_eq!(
        normalize("ধানের শীষে🌾").bangla.text,
        fold_bangla_term("ধানের শীষে ধানের শীষ")
    );
}

#[test]
fn party_symbol_emoji_cover_their_whole_picture() {
    // Variation selector, ZWJ gender sequence, skin tone: the symbol's word
    // maps back to the whole picture.
    for (text, emoji, bn, en) in [
        ("ভোট ⚖\u{FE0F} দিন", "⚖\u{FE0F}", "দাঁড়িপাল্লা", "scales"),
        ("ভোট ⚖ দিন", "⚖", "দাঁড়িপাল্লা", "scales"),
        (
            "ভোট 🚣\u{200D}♂\u{FE0F} দিন",
            "🚣\u{200D}♂\u{FE0F}",
            "নৌকা",
            "boat",
        ),
        ("ভোট 🚣\u{1F3FD} দিন", "🚣\u{1F3FD}", "নৌকা", "boat"),
        ("ভোট ☂\u{FE0F} দিন", "☂\u{FE0F}", "ছাতা", "umbrella"),
    ] {
        let n = normalize(text);
        let bn = fold_bangla_term(bn);
        assert_eq!(n.bangla.text, format!("ভোট {bn} দিন"), "{text}");
        let (s, e) = find(&n.bangla, &bn);
        assert_eq!(original(text, &n.bangla, s, e), emoji, "{text}");
        assert_eq!(n.latin.text, en, "{text}");
        assert_eq!(original(text, &n.latin, 0, n.latin.len()), emoji);
        assert_eq!(original(text, &n.skeleton, 0, n.skeleton.len()), emoji);
        check_views(text, &n);
    }
    // A gender sign or skin tone on its own, or after a space, is no symbol.
    assert_eq!(normalize("🚣 ♂ 🏽").bangla.text, "নৌকা");
    assert_eq!(normalize("♂🏽").bangla.text, "");
    // Other emoji still separate words and are dropped.
    assert_eq!(normalize("ভোট 😀🚤☔ দিন").bangla.text, "ভোট দিন");
}

/// Every symbol emoji reads as an entry of `[set.party_symbols]` of the
/// default pack in the Bangla view, and in the Latin and skeleton views
/// wherever the set lists a name in that script.
#[test]
fn party_symbol_emoji_read_as_entries_of_the_default_set() {
    let sets: toml::Table = toml::from_str(include_str!("../../rules/default/00-sets.toml"))
        .unwrap_or_else(|e| panic!("00-sets.toml: {e}"));
    let list = |script: &str| -> Vec<String> {
        sets["set"]["party_symbols"][script]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str())
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    };
    let bn: Vec<String> = list("bn").iter().map(|t| fold_bangla_term(t)).collect();
    let en: Vec<String> = list("en").iter().map(|t| fold_latin_term(t)).collect();
    let banglish: Vec<String> = list("banglish").iter().map(|t| skeleton_term(t)).collect();
    let mut no_en = Vec::new();
    let mut no_banglish = Vec::new();
    for (chars, symbol) in emoji::SYMBOL_EMOJI {
        for &c in *chars {
            assert_eq!(emoji::symbol(c), Some(symbol));
            let n = normalize(&c.to_string());
            assert!(bn.contains(&n.bangla.text), "{c}: {}", n.bangla.text);
            assert_eq!(n.bangla.text, fold_bangla_term(symbol.bn));
            assert_eq!(n.latin.text, fold_latin_term(symbol.en));
            assert_eq!(n.skeleton.text, skeleton_term(symbol.banglish));
        }
        if !en.contains(&fold_latin_term(symbol.en)) {
            no_en.push(symbol.en);
        }
        if !banglish.contains(&skeleton_term(symbol.banglish)) {
            no_banglish.push(symbol.banglish);
        }
    }
    // Names the set has in Bangla only: these emoji meet the set through
    // the Bangla view alone.
    assert_eq!(no_en, ["candle", "rose", "apple"]);
    assert_eq!(
        no_banglish,
        ["mombati", "moi", "baisaikel", "golap ful", "apel"]
    );
}

#[test]
fn utf16_offsets_of_findings() {
    let text = "😀 নৌকা vote";
    let n = normalize(text);
    let (s, e) = find(&n.latin, "vote");
    let (os, oe) = n.latin.original_span(s, e);
    let index = Utf16Index::new(text);
    assert_eq!(index.utf16(os), text[..os].encode_utf16().count());
    assert_eq!(index.utf16(oe), text.encode_utf16().count());
}

#[test]
fn odd_input_does_not_panic() {
    let mut odd = String::new();
    for i in 0..2000u32 {
        let c = char::from_u32(0x0300 + (i * 37) % 0x2000).unwrap_or('\u{FFFD}');
        odd.push(c);
        odd.push_str(
            [
                "\u{200D}",
                "\u{09BC}",
                "\u{09CD}",
                "\u{FFFD}",
                "\u{202E}",
                "👨\u{200D}👩\u{200D}👧",
                "",
                "a",
            ][i as usize % 8],
        );
    }
    let n = normalize(&odd);
    check_views(&odd, &n);
    let marks = "\u{0301}".repeat(30_000);
    check_views(&marks, &normalize(&marks));
    // 60,000 characters drawn from the whole of Unicode (a fixed LCG).
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let wide: String = std::iter::repeat_with(|| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        char::from_u32((state >> 33) as u32 % 0x11_0000).unwrap_or('\u{FFFD}')
    })
    .take(60_000)
    .collect();
    check_views(&wide, &normalize(&wide));
    let lone = "\u{09BC}\u{09CD}\u{200D}\u{0981}";
    check_views(lone, &normalize(lone));
    check_views("", &normalize(""));
}

#[test]
#[ignore = "timing; run with --release -- --ignored"]
fn normalises_63k_chars_quickly() {
    let sample =
        "আওয়ামী লীগের চাকমাদের সাথে সভা হবে। Vote for B.N.P, p@ssw0rd ১৯৭১ nouka markay bhot den! ";
    let mut text = String::new();
    while text.chars().count() < 63_206 {
        text.push_str(sample);
    }
    let text: String = text.chars().take(63_206).collect();
    // The fastest of several runs: the machine may be shared.
    let mut each = std::time::Duration::MAX;
    let mut total = 0;
    for _ in 0..50 {
        let started = std::time::Instant::now();
        total += normalize(std::hint::black_box(&text)).bangla.len();
        each = each.min(started.elapsed());
    }
    println!(
        "normalize: {each:?} per 63,206 chars ({} bytes), {total}",
        text.len()
    );
    assert!(each < std::time::Duration::from_millis(2), "took {each:?}");
}

/// Checks the offset invariants of every view.
fn check_views(text: &str, n: &Normalized) {
    for view in [&n.bangla, &n.latin, &n.skeleton, &n.regex] {
        check_view(text, view);
    }
}

fn check_view(text: &str, view: &View) {
    let bounds: Vec<usize> = view
        .text
        .char_indices()
        .map(|(i, _)| i)
        .chain([view.len()])
        .collect();
    let mut prev = (0, 0);
    for (k, &b) in bounds.iter().enumerate() {
        // Every character maps to a valid, non-decreasing original range.
        let next = bounds.get(k + 1).copied().unwrap_or(b);
        let (s, e) = view.original_span(b, next);
        assert!(s <= e && e <= text.len(), "span {s}..{e} of {}", text.len());
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        if next > b {
            assert!(s >= prev.0 && e >= prev.1, "not monotonic at {b}");
            prev = (s, e);
        }
    }
    // Wider view ranges map to wider-or-equal original ranges.
    if bounds.len() > 2 {
        let mid = bounds[bounds.len() / 2];
        let whole = view.original_span(0, view.len());
        let left = view.original_span(0, mid);
        let right = view.original_span(mid, view.len());
        assert_eq!(whole.0, left.0);
        assert_eq!(whole.1, right.1);
        assert!(left.1 <= right.0 || left.1 <= right.1);
    }
}

fn bangla_heavy() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ক",
        "খ",
        "ড",
        "ঢ",
        "য",
        "ত",
        "ন",
        "ণ",
        "শ",
        "ষ",
        "স",
        "ঙ",
        "র",
        "ড়",
        "ঢ়",
        "য়",
        "ৎ",
        "া",
        "ি",
        "ী",
        "ু",
        "ূ",
        "ে",
        "ো",
        "ৌ",
        "ৗ",
        "\u{09BC}",
        "\u{09CD}",
        "ঁ",
        "ং",
        "ঃ",
        "০",
        "৯",
        "\u{200C}",
        "\u{200D}",
        "\u{200B}",
        "\u{FEFF}",
        "\u{00AD}",
        " ",
        ".",
        "-",
        "।",
        "A",
        "w",
        "@",
        "$",
        "0",
        "1",
        "'",
        "’",
        "\u{0301}",
        "😀",
        "👨\u{200D}👩",
        "🚣",
        "🌾",
        "⚖\u{FE0F}",
        "\u{1F3FD}",
        "\u{200D}♂\u{FE0F}",
        "\u{FFFD}",
        "\u{202E}",
        "ﷺ",
        "𝐁",
        "ｂ",
        "ß",
        "İ",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_text_keeps_offset_invariants(text in any::<String>()) {
        check_views(&text, &normalize(&text));
    }

    #[test]
    fn bangla_heavy_text_keeps_offset_invariants(text in bangla_heavy()) {
        let n = normalize(&text);
        check_views(&text, &n);
        // Folding a term is the same as folding it as text.
        prop_assert_eq!(fold_bangla_term(&text), n.bangla.text.clone());
        prop_assert_eq!(fold_latin_term(&text), n.latin.text.clone());
        prop_assert_eq!(skeleton_term(&text), n.skeleton.text.clone());
    }

    #[test]
    fn arbitrary_ranges_map_inside_the_text(text in bangla_heavy(), a in 0usize..400, b in 0usize..400) {
        let n = normalize(&text);
        for view in [&n.bangla, &n.latin, &n.skeleton, &n.regex] {
            let (s, e) = view.original_span(a, b);
            prop_assert!(s <= e && e <= text.len());
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
        }
    }
}
