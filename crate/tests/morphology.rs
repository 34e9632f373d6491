//! The verb keys of a rule pack (bn_verbs, banglish_verbs, en_verbs) on a
//! test pack with the verbs of issue 7 (tests/packs/morph-verbs.toml): the
//! pack lints clean (so every `flag`/`pass` example holds), and inflected
//! forms in all three scripts are found while the classic traps are not.

use sotorko::{Context, Engine, RulePack};

const PACK: &str = include_str!("packs/morph-verbs.toml");

fn engine() -> Engine {
    Engine::from_source("morph-verbs.toml", PACK).unwrap_or_else(|e| panic!("{e}"))
}

fn rules_flagging(e: &Engine, text: &str) -> Vec<String> {
    e.check(text, Context::Official)
        .findings
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn the_test_pack_lints_clean_and_its_examples_hold() {
    let base = RulePack::default_pack().ok();
    let pack = RulePack::standalone("morph-verbs.toml", PACK, base.as_ref())
        .unwrap_or_else(|e| panic!("{e}"));
    let e = Engine::from_pack(pack, &Default::default()).unwrap_or_else(|e| panic!("{e}"));
    let problems = e.example_failures();
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn inflected_verbs_near_targets() {
    let e = engine();
    for text in [
        "ওদের মারবো",
        "হিন্দুদের মাইরা",
        "মালাউনগুলোরে পিটাইয়া",
        "ওরা কুপিয়েছে",
        "আদিবাসীদের তাড়িয়ে",
        "oder marmu",
        "malaun der pitabo",
        "hindu gula re vaingga",
        "they killed",
        "beaten them",
        "shot them",
        "hanged them",
    ] {
        assert!(
            rules_flagging(&e, text).contains(&"test.violence-frame".to_owned()),
            "{text}"
        );
    }
    for text in [
        "আমার হিন্দু বন্ধু",
        "মারমা ও হিন্দু",
        "তাদের মারাত্মক ক্ষতি",
        "ওরা মার্কেটে",
        "amar hindu bondhu",
        "they have skill",
        "the therapist and them",
        "change them",
    ] {
        assert!(rules_flagging(&e, text).is_empty(), "{text}");
    }
}

#[test]
fn findings_point_at_original_characters() {
    let e = engine();
    for text in [
        "ওদের মে\u{200C}রে ফেলো!!",
        "বাড়িতে আ*গুন দাও",
        "ম*লাউনদের পুড়িয়ে দাও",
        "m*laun der puraiya dimu",
        "они kіll them",
    ] {
        let report = e.check(text, Context::Official);
        assert!(!report.findings.is_empty(), "{text}");
        for f in report.findings {
            assert_eq!(text.get(f.start..f.end), Some(f.excerpt.as_str()), "{text}");
        }
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn shared() -> &'static Engine {
        static ENGINE: OnceLock<Engine> = OnceLock::new();
        ENGINE.get_or_init(engine)
    }

    /// Pieces that exercise generated forms, phrases, masks, inner dots,
    /// confusables and joiners.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("ওদের".to_owned()),
            Just("মারো".to_owned()),
            Just("মেরে".to_owned()),
            Just("ফেলো".to_owned()),
            Just("আগুন".to_owned()),
            Just("দাও".to_owned()),
            Just("পুড়িয়ে".to_owned()),
            Just("মা".to_owned()),
            Just("লা".to_owned()),
            Just("উ".to_owned()),
            Just("ন".to_owned()),
            Just("agun".to_owned()),
            Just("dao".to_owned()),
            Just("maira".to_owned()),
            Just("kill".to_owned()),
            Just("them".to_owned()),
            Just("kіll".to_owned()),
            Just("*".to_owned()),
            Just(".".to_owned()),
            Just("-".to_owned()),
            Just(" ".to_owned()),
            Just("।".to_owned()),
            Just("\u{200C}".to_owned()),
            Just("\u{09BC}".to_owned()),
            Just("া".to_owned()),
        ]
    }

    proptest! {
        #[test]
        fn findings_are_exact_original_spans(parts in prop::collection::vec(piece(), 0..24)) {
            let text: String = parts.concat();
            let report = shared().check(&text, Context::Official);
            for f in &report.findings {
                prop_assert!(f.start < f.end && f.end <= text.len());
                prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
                prop_assert_eq!(f.excerpt.as_str(), &text[f.start..f.end]);
            }
        }
    }
}
