//! Property tests: `check` never panics and every finding points at the
//! original text (char boundaries, exact excerpt, UTF-16 offsets), over
//! arbitrary Unicode and Bangla-heavy text.

use proptest::prelude::*;
use sotorko::{Context, Engine, Report};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::default_pack().unwrap_or_else(|e| panic!("{e}")))
}

fn assert_consistent(text: &str, report: &Report) {
    let mut last = (0, 0);
    for f in &report.findings {
        assert!(f.start < f.end && f.end <= text.len(), "{f:?}");
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{f:?}"
        );
        assert_eq!(f.excerpt, &text[f.start..f.end]);
        assert_eq!(f.start_utf16, text[..f.start].encode_utf16().count());
        assert_eq!(f.end_utf16, text[..f.end].encode_utf16().count());
        assert!((f.start, f.end) >= last, "findings ordered by position");
        last = (f.start, f.end);
    }
    assert_eq!(report.summary, sotorko::Summary::of(&report.findings));
}

/// Pieces of Bangla, Banglish and English text, with the tricky characters
/// of design §2 (nukta forms, khanda ta, joiners, chandrabindu, digits).
fn bangla_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("নৌকা".to_owned()),
        Just("মার্কায়".to_owned()),
        Just("ভোট".to_owned()),
        Just("দিন".to_owned()),
        Just("আওয়ামী লীগের".to_owned()),
        Just("বিএনপি".to_owned()),
        Just("চাকমাদের".to_owned()),
        Just("সাঁওতাল".to_owned()),
        Just("গোপনীয়".to_owned()),
        Just("হরতাল".to_owned()),
        Just("পাসওয়ার্ড".to_owned()),
        Just("ড\u{09BC}".to_owned()),
        Just("য\u{09BC}".to_owned()),
        Just("ত\u{09CD}\u{200D}".to_owned()),
        Just("ৎ".to_owned()),
        Just("\u{200C}".to_owned()),
        Just("\u{200B}".to_owned()),
        Just("০১৭১২৩৪৫৬৭৮".to_owned()),
        Just("A W A M I".to_owned()),
        Just("B.N.P".to_owned()),
        Just("p@ssw0rd".to_owned()),
        Just("vote for the boat".to_owned()),
        Just("hortal".to_owned()),
        Just("😀".to_owned()),
        Just("\u{0301}".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("।".to_owned()),
        Just(", ".to_owned()),
        "[\u{0980}-\u{09FF}]{1,4}",
        "[a-zA-Z@0-9.' -]{1,6}",
    ]
}

fn bangla_text() -> impl Strategy<Value = String> {
    prop::collection::vec(bangla_piece(), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_unicode_is_safe(text in any::<String>(), personal in any::<bool>()) {
        let ctx = if personal { Context::Personal } else { Context::Official };
        assert_consistent(&text, &engine().check(&text, ctx));
    }

    #[test]
    fn bangla_heavy_text_is_safe(text in bangla_text(), personal in any::<bool>()) {
        let ctx = if personal { Context::Personal } else { Context::Official };
        assert_consistent(&text, &engine().check(&text, ctx));
    }
}

#[test]
fn sixty_thousand_chars_of_odd_unicode() {
    let pieces = [
        "নৌকা মার্কায় ভোট দিন",
        "\u{200D}",
        "ড\u{09BC}",
        "😀",
        "e\u{0301}",
        "A W A M I ",
        "ß",
        "İ",
        "\u{FEFF}",
        "ﬁ",
        "০১৭১২৩৪৫৬৭৮",
        "TOP SECRET",
        " ",
        "\u{202E}",
        "🇧🇩",
        "ক্ষ",
        "\u{0000}",
        "p@ssw0rd",
        "\r\n",
        "ত্‍",
    ];
    let mut text = String::new();
    let mut i = 0usize;
    while text.chars().count() < 60_000 {
        text.push_str(pieces[i % pieces.len()]);
        i = i.wrapping_mul(31).wrapping_add(7) % 9973;
    }
    for ctx in [Context::Official, Context::Personal] {
        let report = engine().check(&text, ctx);
        assert_consistent(&text, &report);
    }
}

/// A valid pack to mutate.
const PACK: &str = r#"
[pack]
name = "p"

[set.s]
bn = ["নৌকা"]
en = ["boat"]

[[rule]]
id = "p.one"
category = "political"
clause = "2019 ১০-গ"
severity = { official = "warn", personal = "advise" }
message.en = "e"
message.bn = "ব"
terms = { sets = ["s"], banglish = ["nouka"] }
regex = ['\bvote\s+for\b', '(?:^|[^\p{L}])ভোট']
except = { en = ["boat race"] }
except_within = 2

[[rule.near]]
a = { sets = ["s"] }
b = { bn = ["ভোট"] }
within = 3

[rule.examples]
flag = ["vote for the boat"]
pass = ["boat race"]
"#;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn lint_never_panics_on_arbitrary_text(text in any::<String>()) {
        let _ = sotorko::lint("x.toml", &text);
        let _ = sotorko::lint_custom(&text);
    }

    #[test]
    fn mutated_packs_never_panic(
        cuts in prop::collection::vec((0usize..PACK.len(), 0usize..40, "[\\PC\\n'\"\\[\\]{}=,]{0,6}"), 1..6)
    ) {
        let mut pack = PACK.to_owned();
        for (at, len, insert) in cuts {
            let mut start = at.min(pack.len());
            while !pack.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + len).min(pack.len());
            while !pack.is_char_boundary(end) {
                end -= 1;
            }
            pack.replace_range(start..end, &insert);
        }
        let problems = sotorko::lint("m.toml", &pack);
        for p in &problems {
            prop_assert!(!p.message.is_empty());
        }
        if let Ok(engine) = Engine::from_source("m.toml", &pack) {
            let report = engine.check("vote for the নৌকা ভোট boat race", Context::Official);
            assert_consistent("vote for the নৌকা ভোট boat race", &report);
        }
    }
}

#[test]
fn the_pack_to_mutate_is_valid() {
    assert_eq!(sotorko::lint("p.toml", PACK), Vec::new());
}

#[test]
fn engine_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Engine>();
}
